import Testing

@testable import AnomagramCore

/// Spreads are means of square roots of Double sums of a few exact values,
/// so 1e-12 only absorbs the rounding of the square roots.
private let tolerance = 1e-12

@Suite("CollapseCheck")
struct CollapseCheckTests {
  @Test("spreads worked by hand")
  func spreadsWorkedByHand() throws {
    // Input columns {1, 3} and {0, 4}: population standard deviations 1
    // and 2, mean 1.5. Reconstruction columns {2, 2} and {1, 2}: 0 and
    // 0.5, mean 0.25. Ratio 0.25 / 1.5 = 1/6, below 0.2.
    let input = Matrix(rowArrays: [[1, 0], [3, 4]])
    let reconstruction = Matrix(rowArrays: [[2, 1], [2, 2]])

    let check = CollapseCheck(input: input, reconstruction: reconstruction)

    #expect(isApproximatelyEqual(check.inputSpread, 1.5, absoluteTolerance: tolerance))
    #expect(isApproximatelyEqual(check.outputSpread, 0.25, absoluteTolerance: tolerance))
    let ratio = try #require(check.ratio)
    #expect(isApproximatelyEqual(ratio, 1.0 / 6, absoluteTolerance: tolerance))
    #expect(check.isCollapsed)
  }

  @Test("spread uses population deviation")
  func spreadUsesPopulationDeviation() {
    // Column {0, 0, 2, 2}: mean 1, squared deviations all 1, so the
    // population standard deviation is 1 (the sample one would be
    // sqrt(4/3)). Column {0, 2, 0, 2} is the same. Column {5, 5, 5, 5} is 0.
    let matrix = Matrix(rowArrays: [[0, 0, 5], [0, 2, 5], [2, 0, 5], [2, 2, 5]])

    let spread = CollapseCheck.meanStandardDeviation(matrix)

    #expect(isApproximatelyEqual(spread, 2.0 / 3, absoluteTolerance: tolerance))
  }

  @Test("spread ignores an offset")
  func spreadIgnoresOffset() {
    // The same columns as above shifted by 1000: the variance is computed
    // as E[x²] - E[x]², which must not lose the 1 against 1000².
    let matrix = Matrix(rowArrays: [[1000, 1000], [1000, 1002], [1002, 1000], [1002, 1002]])

    let spread = CollapseCheck.meanStandardDeviation(matrix)

    #expect(isApproximatelyEqual(spread, 1, absoluteTolerance: 1e-9))
  }

  @Test("constant reconstruction is collapsed")
  func constantReconstructionIsCollapsed() throws {
    let input = Matrix(rowArrays: [[0.1, 0.9, 0.4], [0.5, 0.2, 0.8], [0.9, 0.6, 0.1]])
    let mean = Matrix(rowArrays: Array(repeating: [0.5, 0.5667, 0.4333], count: 3))

    let check = CollapseCheck(input: input, reconstruction: mean)

    // E[x²] - E[x]² of a constant column can round to about 1e-17 rather
    // than 0, whose square root is about 3e-9.
    #expect(isApproximatelyEqual(check.outputSpread, 0, absoluteTolerance: 1e-7))
    let ratio = try #require(check.ratio)
    #expect(isApproximatelyEqual(ratio, 0, absoluteTolerance: 1e-6))
    #expect(check.isCollapsed)
  }

  @Test("perfect reconstruction has ratio 1")
  func perfectReconstructionHasRatioOne() throws {
    let input = seededUniformMatrix(rows: 20, columns: 6, in: 0...1, seed: 12)

    let check = CollapseCheck(input: input, reconstruction: input)

    let ratio = try #require(check.ratio)
    #expect(isApproximatelyEqual(ratio, 1, absoluteTolerance: tolerance))
    #expect(!check.isCollapsed)
  }

  @Test("constant input has no ratio")
  func constantInputHasNoRatio() {
    let input = Matrix(rowArrays: [[0.3, 0.7], [0.3, 0.7]])
    let reconstruction = Matrix(rowArrays: [[0.1, 0.7], [0.5, 0.7]])

    let check = CollapseCheck(input: input, reconstruction: reconstruction)

    // With two equal values per column, doubling and halving are exact, so
    // E[x²] and E[x]² round to the same Double and the spread is exactly 0.
    #expect(isApproximatelyEqual(check.inputSpread, 0))
    #expect(check.ratio == nil)
    #expect(!check.isCollapsed)
  }

  @Test("empty matrix has zero spread")
  func emptyMatrixHasZeroSpread() {
    #expect(isApproximatelyEqual(CollapseCheck.meanStandardDeviation(Matrix(rows: 0, columns: 3)), 0))
    #expect(isApproximatelyEqual(CollapseCheck.meanStandardDeviation(Matrix(rows: 3, columns: 0)), 0))
  }

  @Test(
    "threshold is exclusive",
    arguments: [(0.19, true), (0.2, false), (0.21, false), (0, true), (1.3, false)])
  func thresholdIsExclusive(outputSpread: Double, collapsed: Bool) {
    // With an input spread of 1 the ratio is the output spread. Ratios
    // below 0.2 count as collapse, and 0.2 itself does not.
    let check = CollapseCheck(inputSpread: 1, outputSpread: outputSpread)

    #expect(check.isCollapsed == collapsed, "ratio \(outputSpread)")
  }
}
