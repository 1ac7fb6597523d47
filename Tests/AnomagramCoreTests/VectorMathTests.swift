import Foundation
import Testing

@testable import AnomagramCore

private typealias Vector = VectorMath.Vector

/// Returns `VectorMath.exp` of each of `inputs`, a vector at a time.
private func vectorExp(_ inputs: [Float]) -> [Float] {
  var results: [Float] = []
  results.reserveCapacity(inputs.count)
  var start = 0
  while start < inputs.count {
    var x = Vector(repeating: 0)
    let lanes = min(Vector.scalarCount, inputs.count - start)
    for lane in 0..<lanes { x[lane] = inputs[start + lane] }
    let y = VectorMath.exp(x)
    for lane in 0..<lanes { results.append(y[lane]) }
    start += lanes
  }
  return results
}

/// Returns the largest relative error of `VectorMath.exp` over `inputs`
/// against `Foundation.exp` in `Double`, and the input where it occurs.
private func largestRelativeError(_ inputs: [Float]) -> (error: Double, input: Float) {
  var largest = (error: 0.0, input: Float(0))
  for (x, y) in zip(inputs, vectorExp(inputs)) {
    let exact = Foundation.exp(Double(x))
    let error = abs(Double(y) - exact) / exact
    if !(error <= largest.error) { largest = (error, x) }
  }
  return largest
}

@Suite("VectorMath")
struct VectorMathTests {
  /// Float's unit roundoff is 2^-24 ≈ 6e-8, so a correctly rounded `expf`
  /// has relative error below 6e-8. 4e-7 allows the few ulp that the
  /// Cephes polynomial and the two-part range reduction promise, in plain
  /// multiply-adds without fused operations.
  static let expRelativeErrorBound = 4e-7

  // MARK: - exp

  @Test("exp is accurate on a dense grid")
  func expIsAccurateOnDenseGrid() {
    // Step 1/1024 over [-87, 88]: 179,201 points, exactly representable,
    // covering every range-reduction interval many times.
    let inputs = (0...(175 * 1024)).map { Float(-87) + Float($0) / 1024 }

    let (error, input) = largestRelativeError(inputs)

    #expect(error < Self.expRelativeErrorBound, "Relative error \(error) at x = \(input)")
  }

  @Test("exp is accurate at random points")
  func expIsAccurateAtRandomPoints() {
    // Random Floats use all 24 mantissa bits, unlike the grid.
    let inputs = seededUniformValues(count: 100_000, in: -87...88, seed: 5)

    let (error, input) = largestRelativeError(inputs)

    #expect(error < Self.expRelativeErrorBound, "Relative error \(error) at x = \(input)")
  }

  @Test("exp is accurate near zero")
  func expIsAccurateNearZero() {
    let inputs: [Float] = [0, 1e-30, -1e-30, 1e-7, -1e-7, 1e-3, -1e-3, 0.346, -0.346, 0.347, -0.347]

    let (error, input) = largestRelativeError(inputs)

    #expect(error < Self.expRelativeErrorBound, "Relative error \(error) at x = \(input)")
    #expect(isApproximatelyEqual(vectorExp([0])[0], 1), "e^0 must be exactly 1")
  }

  @Test("exp clamps out-of-range inputs")
  func expClampsOutOfRangeInputs() {
    let inputs: [Float] = [88, 89, 1000, .greatestFiniteMagnitude, .infinity, -87, -88, -1000, -.infinity]

    let outputs = vectorExp(inputs)

    let atHigh = outputs[0]
    let atLow = outputs[5]
    for (x, y) in zip(inputs, outputs) {
      #expect(y.isFinite, "exp(\(x)) is \(y)")
      #expect(y > 0, "exp(\(x)) is \(y)")
    }
    for (x, y) in zip(inputs[1...4], outputs[1...4]) {
      #expect(isApproximatelyEqual(y, atHigh), "exp(\(x)) is \(y), expected the clamped e^88 = \(atHigh)")
    }
    for (x, y) in zip(inputs[6...], outputs[6...]) {
      #expect(isApproximatelyEqual(y, atLow), "exp(\(x)) is \(y), expected the clamped e^-87 = \(atLow)")
    }
    #expect(atLow >= Float.leastNormalMagnitude, "e^-87 is \(atLow), below the smallest normal Float")
  }

  // MARK: - sigmoid

  @Test("sigmoid saturates without NaN")
  func sigmoidSaturatesWithoutNaN() {
    let large: [Float] = [20, 50, 88, 100, 1e4, .greatestFiniteMagnitude, .infinity]
    var positive = Vector(repeating: 0)
    var negative = Vector(repeating: 0)
    for (lane, x) in large.enumerated() {
      positive[lane] = x
      negative[lane] = -x
    }

    let high = VectorMath.sigmoid(positive)
    let low = VectorMath.sigmoid(negative)

    for (lane, x) in large.enumerated() {
      // At x >= 20, e^-x is below half an ulp of 1, so the result rounds to 1.
      #expect(isApproximatelyEqual(high[lane], 1), "sigmoid(\(x)) is \(high[lane])")
      // 1 / (1 + e^20) is 2.1e-9, and clamping keeps every result >= 0.
      #expect(low[lane] >= 0, "sigmoid(\(-x)) is \(low[lane])")
      #expect(low[lane] < 3e-9, "sigmoid(\(-x)) is \(low[lane])")
    }
  }

  @Test("sigmoid matches definition", arguments: [-30, -5, -1, -0.25, 0, 0.25, 1, 5, 30] as [Float])
  func sigmoidMatchesDefinition(x: Float) {
    let y = VectorMath.sigmoid(Vector(repeating: x))[0]

    let expected = 1 / (1 + Foundation.exp(-Double(x)))
    // The exp error of 4e-7 relative, plus the rounding of the sum and
    // the division.
    #expect(
      isApproximatelyEqual(Double(y), expected, relativeTolerance: 6e-7), "sigmoid(\(x)) is \(y), expected \(expected)")
  }
}
