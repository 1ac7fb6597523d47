import Testing

@testable import AnomagramCore

@Suite("PCABaseline subspace iteration")
struct PCABaselineSubspaceTests {
  /// 120 rows of 40 values: three latent directions with variances about
  /// 9, 4 and 1, plus noise of variance about 0.0001 in every feature.
  private func lowRankData() -> Matrix {
    var generator = SeededGenerator(seed: 11)
    let features = 40
    let directions = (0..<3).map { _ in (0..<features).map { _ in generator.nextUnitDouble() - 0.5 } }
    let scales = [3.0, 2.0, 1.0]
    var rows: [[Float]] = []
    for _ in 0..<120 {
      var row = [Double](repeating: 0, count: features)
      for (direction, scale) in zip(directions, scales) {
        let weight = scale * (generator.nextUnitDouble() - 0.5) * 3.46
        for index in 0..<features { row[index] += weight * direction[index] }
      }
      rows.append(row.map { Float($0 + 0.01 * (generator.nextUnitDouble() - 0.5) * 3.46) })
    }
    return Matrix(rowArrays: rows)
  }

  @Test("leading axes match the full decomposition")
  func matchesJacobi() {
    let data = lowRankData()
    let features = data.columns
    let full = PCABaseline.fit(training: data, componentCount: 3)
    let mean = (0..<features).map { column in
      (0..<data.rows).reduce(0.0) { $0 + Double(data[$1, column]) } / Double(data.rows)
    }

    let leading = PCABaseline.leadingAxes(of: data, mean: mean, count: 3)

    #expect(leading.isConverged)
    for index in 0..<3 {
      // The variances agree to 1e-9 relative: both are exact decompositions
      // up to rounding, and the iteration stops at a 1e-12 relative change.
      let expected = full.explainedVariance[index]
      #expect(abs(leading.variances[index] - expected) <= 1e-9 * expected, "variance \(index)")

      // Axes agree up to sign: |cos| of the angle between them is 1.
      var dot = 0.0
      for feature in 0..<features {
        dot += leading.axes[index * features + feature] * Double(full.components[index, feature])
      }
      #expect(abs(abs(dot) - 1) <= 1e-5, "axis \(index)")
    }
  }

  @Test("wide data uses the leading axes and reconstructs its plane")
  func wideDataReconstructs() {
    // 30 rows of 300 values that lie exactly on a 2-dimensional plane.
    var generator = SeededGenerator(seed: 5)
    let features = 300
    let first = (0..<features).map { _ in Float(generator.nextUnitDouble() - 0.5) }
    let second = (0..<features).map { _ in Float(generator.nextUnitDouble() - 0.5) }
    var rows: [[Float]] = []
    for _ in 0..<30 {
      let a = Float(generator.nextUnitDouble()) * 2 - 1
      let b = Float(generator.nextUnitDouble()) * 2 - 1
      rows.append((0..<features).map { 0.5 + a * first[$0] + b * second[$0] })
    }
    let data = Matrix(rowArrays: rows)
    #expect(features > PCABaseline.fullDecompositionLimit)

    let baseline = PCABaseline.fit(training: data, componentCount: 2)

    #expect(baseline.isConverged)
    #expect(baseline.componentCount == 2)
    // Float inputs limit the residual to rounding, about 1e-7 per value.
    #expect(baseline.reconstructionErrors(data).allSatisfy { $0 < 1e-9 })
    #expect(abs(baseline.explainedVarianceRatio.reduce(0, +) - 1) < 1e-6)
  }
}
