import Testing

@testable import AnomagramCore

/// Training rows (±3, 0, 0) and (0, ±1, 0), shifted by (1, 1, 1). The mean is
/// (1, 1, 1) and the covariance, with divisor n − 1 = 3, is
/// diag(18/3, 2/3, 0) = diag(6, 2/3, 0): the axes are e₁ then e₂, and the
/// explained-variance ratios 6 / (20/3) = 0.9 and 0.1.
private let axisAlignedTraining = Matrix(rowArrays: [[4, 1, 1], [-2, 1, 1], [1, 2, 1], [1, 0, 1]])

/// Results go through one rounding to `Float` after exact-to-1e-15 `Double`
/// arithmetic on values of order 1 to 10, hence 1e-5.
private let floatTolerance: Float = 1e-5

/// `count` rows of `mean + z B` with random coefficients `z` (`[count, rank]`)
/// and a fixed random basis `B` (`[rank, features]`): points on a
/// `rank`-dimensional affine plane.
private func pointsOnPlane(count: Int, rank: Int, features: Int, seed: UInt64, basisSeed: UInt64 = 99) -> Matrix {
  var basisGenerator = SeededGenerator(seed: basisSeed)
  let basis = (0..<(rank * features)).map { _ in basisGenerator.nextUnitDouble() * 2 - 1 }
  let offset = (0..<features).map { _ in basisGenerator.nextUnitDouble() }
  var generator = SeededGenerator(seed: seed)
  var rows = [[Float]]()
  for _ in 0..<count {
    let coefficients = (0..<rank).map { _ in generator.nextUnitDouble() * 2 - 1 }
    let row = (0..<features).map { feature in
      offset[feature] + (0..<rank).reduce(0.0) { $0 + coefficients[$1] * basis[$1 * features + feature] }
    }
    rows.append(row.map { Float($0) })
  }
  return Matrix(rowArrays: rows)
}

private func randomMatrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
  var generator = SeededGenerator(seed: seed)
  return Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in generator.nextUnitFloat() })
}

@Suite struct PCABaselineTests {
  @Test func axisAlignedComponents() {
    let pca = PCABaseline.fit(training: axisAlignedTraining, componentCount: 2)

    #expect(pca.mean == [1, 1, 1])
    #expect(pca.components.elements == [1, 0, 0, 0, 1, 0])
    #expect(abs(pca.explainedVariance[0] - 6) <= 1e-12)
    #expect(abs(pca.explainedVariance[1] - 2.0 / 3) <= 1e-12)
    #expect(abs(pca.explainedVarianceRatio[0] - 0.9) <= 1e-12)
    #expect(abs(pca.explainedVarianceRatio[1] - 0.1) <= 1e-12)
    #expect(pca.isConverged)
  }

  @Test(arguments: [(1, Float(13) / 3, [Float(2), 1, 1]), (2, 3, [2, 3, 1])])
  func errorIsOrthogonalComplementEnergy(componentCount: Int, error: Float, reconstruction: [Float]) {
    // The point (2, 3, 4) is (1, 2, 3) from the mean. One component keeps
    // the e₁ part, so the residual is (0, 2, 3) with energy 13, over 3
    // features: 13/3. Two components keep e₁ and e₂: residual (0, 0, 3),
    // error 9/3 = 3.
    let pca = PCABaseline.fit(training: axisAlignedTraining, componentCount: componentCount)
    let point = Matrix(rowArrays: [[2, 3, 4]])

    let errors = pca.reconstructionErrors(point)
    let reconstructed = pca.reconstruction(of: point)

    #expect(abs(errors[0] - error) <= floatTolerance)
    for (actual, expected) in zip(reconstructed.elements, reconstruction) {
      #expect(abs(actual - expected) <= floatTolerance)
    }
  }

  @Test func planeDataReconstructsExactly() {
    let training = pointsOnPlane(count: 200, rank: 3, features: 12, seed: 1)
    let unseen = pointsOnPlane(count: 50, rank: 3, features: 12, seed: 2)

    let pca = PCABaseline.fit(training: training, componentCount: 3)

    // The rows are on the plane up to their rounding to Float (about 1e-7
    // per entry), so squared residuals are of order 1e-14.
    #expect(pca.reconstructionErrors(training).allSatisfy { $0 < 1e-11 })
    #expect(pca.reconstructionErrors(unseen).allSatisfy { $0 < 1e-11 })
    #expect(abs(pca.explainedVarianceRatio.reduce(0, +) - 1) <= 1e-9)
  }

  @Test func planeDataWithTooFewComponents() {
    let training = pointsOnPlane(count: 200, rank: 3, features: 12, seed: 1)

    let pca = PCABaseline.fit(training: training, componentCount: 2)

    // A third of the plane's variance is missed, so some rows must have a
    // clearly non-zero error.
    #expect(pca.reconstructionErrors(training).contains { $0 > 1e-4 })
  }

  @Test func componentsAreOrthonormal() {
    let pca = PCABaseline.fit(training: randomMatrix(rows: 60, columns: 10, seed: 3), componentCount: 4)

    for first in 0..<4 {
      for second in 0..<4 {
        let dot = zip(pca.components.row(first), pca.components.row(second)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        // Components are rounded to Float: each dot product is within a few
        // Float roundings (6e-8 each) of 0 or 1.
        #expect(abs(dot - (first == second ? 1 : 0)) <= floatTolerance, "components \(first), \(second)")
      }
    }
    #expect(pca.explainedVariance == pca.explainedVariance.sorted(by: >))
  }

  @Test func errorsMatchReconstruction() {
    let training = randomMatrix(rows: 80, columns: 9, seed: 4)
    let test = randomMatrix(rows: 20, columns: 9, seed: 5)
    let pca = PCABaseline.fit(training: training, componentCount: 3)

    let direct = pca.reconstructionErrors(test)
    let viaReconstruction = ReconstructionError.perSample(input: test, reconstruction: pca.reconstruction(of: test))

    for (a, b) in zip(direct, viaReconstruction) {
      // The second path rounds the reconstruction to Float first; errors
      // are of order 0.05, so 1e-6 covers that rounding.
      #expect(abs(a - b) <= 1e-6)
    }
  }

  @Test func componentCountClampedToFeatures() {
    let data = randomMatrix(rows: 30, columns: 5, seed: 6)

    let pca = PCABaseline.fit(training: data, componentCount: 20)

    #expect(pca.componentCount == 5)
    #expect(pca.components.rows == 5)
    #expect(pca.reconstructionErrors(data).allSatisfy { $0 < 1e-12 })
  }

  @Test func fewerSamplesThanFeatures() {
    // Three points always lie on a 2-dimensional affine plane.
    let data = randomMatrix(rows: 3, columns: 6, seed: 7)

    let exact = PCABaseline.fit(training: data, componentCount: 2)
    let beyondRank = PCABaseline.fit(training: data, componentCount: 4)

    #expect(exact.reconstructionErrors(data).allSatisfy { $0 < 1e-12 })
    #expect(abs(exact.explainedVarianceRatio.reduce(0, +) - 1) <= 1e-9)
    #expect(beyondRank.componentCount == 4)
    #expect(beyondRank.explainedVarianceRatio[2] <= 1e-12)
    #expect(beyondRank.explainedVarianceRatio[3] <= 1e-12)
    #expect(beyondRank.reconstructionErrors(data).allSatisfy { $0 < 1e-12 })
  }

  @Test func singleSampleHasNoVariance() {
    let row = Matrix(rowArrays: [[0.5, 0.25, 1]])

    let pca = PCABaseline.fit(training: row, componentCount: 2)

    #expect(pca.mean == [0.5, 0.25, 1])
    #expect(pca.explainedVarianceRatio == [0, 0])
    #expect(pca.reconstructionErrors(row) == [0])
  }

  @Test func rejectsZeroComponents() async {
    await #expect(processExitsWith: .failure) {
      _ = PCABaseline.fit(training: Matrix(rowArrays: [[1, 2], [3, 4]]), componentCount: 0)
    }
  }
}
