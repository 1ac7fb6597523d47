import Testing

@testable import AnomagramCore

@Suite struct ReconstructionErrorTests {
  @Test func handWorkedRows() {
    let input = Matrix(rowArrays: [[1, 2, 3], [0, 0, 0]])
    let reconstruction = Matrix(rowArrays: [[1, 2, 5], [1, -1, 0]])

    let errors = ReconstructionError.perSample(input: input, reconstruction: reconstruction)

    // Row 0: (0² + 0² + 2²) / 3 = 4/3. Row 1: (1² + 1² + 0²) / 3 = 2/3.
    // Float(4.0 / 3) is the nearest Float to 4/3, and the Double sum is
    // exact here, so the results are within one Float rounding (6e-8).
    #expect(errors.count == 2)
    #expect(abs(errors[0] - 4.0 / 3) <= 1e-6)
    #expect(abs(errors[1] - 2.0 / 3) <= 1e-6)
  }

  @Test func perfectReconstructionIsZero() {
    let input = Matrix(rowArrays: [[0.25, -1, 3], [7, 8, 9]])

    #expect(ReconstructionError.perSample(input: input, reconstruction: input) == [0, 0])
  }

  @Test func accumulatesInDouble() {
    // 1e4 features whose squared difference is 1e-4 each, on top of one
    // large difference: a Float running sum would drop most of the small
    // terms once the large one is in it (1e4 + 1e-4 == 1e4 in Float).
    var input = [Float](repeating: 0, count: 10_001)
    var reconstruction = [Float](repeating: 0.01, count: 10_001)
    input[0] = 100
    reconstruction[0] = 0

    let errors = ReconstructionError.perSample(
      input: Matrix(rows: 1, columns: 10_001, elements: input),
      reconstruction: Matrix(rows: 1, columns: 10_001, elements: reconstruction))

    let expected = (10_000.0 + 10_000 * Double(Float(0.01)) * Double(Float(0.01))) / 10_001
    // Relative error of one Float rounding.
    #expect(abs(Double(errors[0]) - expected) <= expected * 1e-7)
  }

  @Test func noFeaturesGivesZero() {
    let empty = Matrix(rows: 3, columns: 0)

    #expect(ReconstructionError.perSample(input: empty, reconstruction: empty) == [0, 0, 0])
  }
}
