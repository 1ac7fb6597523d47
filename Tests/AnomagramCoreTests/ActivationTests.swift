import Testing

@testable import AnomagramCore

/// Inputs for the buffer form: zero, values near zero on both sides, the
/// usual range, and magnitudes where `exp` over- or underflows without
/// clamping. 45 values, so `apply` runs two full SIMD vectors and a tail.
private let applyInputs: [Float] =
  [0, 1e-6, -1e-6, 1e-3, -1e-3, 0.1, -0.1, 0.5, -0.5, 1, -1, 2, -2, 3.5, -3.5, 5, -5, 8, -8, 10, -10]
  + [15, -15, 20, -20, 30, -30, 44, -44, 50, -50, 87, -87, 88, -88, 89, -89, 100, -100, 1000, -1000]
  + [1e6, -1e6, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]

/// Returns `activation.apply` of `inputs`, run on a buffer.
private func applied(_ activation: Activation, to inputs: [Float]) -> [Float] {
  var values = inputs
  values.withUnsafeMutableBufferPointer { activation.apply($0.baseAddress!, count: $0.count) }
  return values
}

/// Returns `activation.multiplyByDerivative` of `gradients`, given the outputs `f(x)`.
private func multipliedByDerivative(_ activation: Activation, gradients: [Float], outputs: [Float]) -> [Float] {
  var values = gradients
  outputs.withUnsafeBufferPointer { output in
    values.withUnsafeMutableBufferPointer { gradient in
      activation.multiplyByDerivative(gradient.baseAddress!, output: output.baseAddress!, count: gradient.count)
    }
  }
  return values
}

@Suite("Activation")
struct ActivationTests {
  // MARK: - Scalar reference

  @Test("scalar values match definitions", arguments: Activation.allCases)
  func scalarValuesMatchDefinitions(activation: Activation) {
    // The scalar form calls Foundation's correctly rounded functions, so it
    // is within a few Float ulp of the Double definition.
    for x in applyInputs {
      let expected = referenceActivation(activation, Double(x))
      #expect(
        isApproximatelyEqual(Double(activation(x)), expected, absoluteTolerance: 1e-30, relativeTolerance: 3e-7),
        "\(activation)(\(x)) is \(activation(x)), expected \(expected)")
    }
  }

  // MARK: - Buffer form

  @Test("apply matches scalar reference", arguments: Activation.allCases)
  func applyMatchesScalarReference(activation: Activation) {
    // Relu, leaky relu and linear do the same Float operation as the
    // scalar form, so they must match exactly. Elu, tanh and sigmoid use
    // VectorMath.exp, which is a few ulp from the correctly rounded value.
    // Tanh is 2 sigmoid(2x) - 1 and elu is e^x - 1, which cancel near 0, so
    // near 0 their error is absolute, at most about 2 ulp of 1 (2.4e-7).
    let exact = [.relu, .leakyRelu, .linear].contains(activation)
    let absoluteTolerance = exact ? 0 : 3e-7
    let relativeTolerance = exact ? 0 : 5e-7

    let outputs = applied(activation, to: applyInputs)

    for (x, output) in zip(applyInputs, outputs) {
      let expected = activation(x)
      #expect(output.isFinite, "\(activation) of \(x) is \(output)")
      #expect(
        isApproximatelyEqual(
          output, expected, absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance),
        "\(activation) of \(x): buffer \(output), scalar \(expected)")
    }
  }

  @Test("apply saturates at large magnitudes", arguments: [Activation.tanh, .sigmoid, .elu])
  func applySaturatesAtLargeMagnitudes(activation: Activation) {
    let inputs: [Float] = [-.infinity, -1e30, -200, 200, 1e30, .infinity]

    let outputs = applied(activation, to: inputs)

    let lower: Float = activation == .sigmoid ? 0 : -1
    for (x, output) in zip(inputs.prefix(3), outputs.prefix(3)) {
      #expect(isApproximatelyEqual(output, lower, absoluteTolerance: 1e-30), "\(activation) of \(x) is \(output)")
    }
    for (x, output) in zip(inputs.suffix(3), outputs.suffix(3)) {
      // Zero tolerance: the result must be exactly 1 (or x for elu), and
      // an infinite x must give an infinite elu.
      let upper = activation == .elu ? x : 1
      #expect(isApproximatelyEqual(output, upper), "\(activation) of \(x) is \(output), expected \(upper)")
    }
  }

  @Test("apply handles every tail length", arguments: [1, 15, 16, 17, 33])
  func applyHandlesEveryTailLength(count: Int) {
    // Counts below, at and above a multiple of the 16-lane vector, so the
    // padded tail and full vectors are both checked.
    let inputs = seededUniformValues(count: count, in: -4...4, seed: UInt64(count))

    for activation in Activation.allCases {
      let outputs = applied(activation, to: inputs)

      for (x, output) in zip(inputs, outputs) {
        #expect(
          isApproximatelyEqual(output, activation(x), absoluteTolerance: 3e-7, relativeTolerance: 5e-7),
          "\(activation) of \(x) at count \(count): \(output), expected \(activation(x))")
      }
    }
  }

  // MARK: - Derivative

  @Test("derivative matches finite differences", arguments: Activation.allCases)
  func derivativeMatchesFiniteDifferences(activation: Activation) {
    // Points at least 0.1 from the kink at 0, so that x ± h stays on one
    // side of it. 37 points, so the SIMD tail is used as well.
    let points: [Float] = (-18...18).map { Float($0) * 0.25 + ($0 < 0 ? -0.125 : 0.125) }
    let gradients = seededUniformValues(count: points.count, in: -2...2, seed: 11)
    let outputs = applied(activation, to: points)

    let products = multipliedByDerivative(activation, gradients: gradients, outputs: outputs)

    // Central difference of the scalar form with h = 1/256. The truncation
    // error h² f'''/6 is below 6e-6 because |f'''| <= 2 (tanh at 0). The
    // rounding error is below ulp(1)/(2h) = 1.6e-5 for the curved functions,
    // whose values lie in [-1, 1], and the piecewise-linear ones are exact
    // up to 4e-6. Times gradients up to 2, that stays below 1e-4. The step
    // is a power of two, so x ± h is exact and the divisor is exactly 2h.
    let h: Float = 1.0 / 256
    for (index, x) in points.enumerated() {
      let difference = (Double(activation(x + h)) - Double(activation(x - h))) / Double(2 * h)
      let expected = Double(gradients[index]) * difference
      #expect(
        isApproximatelyEqual(Double(products[index]), expected, absoluteTolerance: 1e-4, relativeTolerance: 1e-4),
        "\(activation)' at \(x) times \(gradients[index]): \(products[index]), expected \(expected)")
    }
  }

  @Test(
    "derivative at the kink is left-hand",
    arguments: [(Activation.relu, Float(0)), (.leakyRelu, 0.2), (.elu, 1)])
  func derivativeAtKinkIsLeftHand(activation: Activation, expected: Float) {
    // At x = 0 the output is 0. Relu and leaky relu take the left-hand
    // slope (0 and 0.2) as Keras does, and elu's two sides agree at 1.
    let outputs = applied(activation, to: [0])

    let products = multipliedByDerivative(activation, gradients: [3], outputs: outputs)

    #expect(isApproximatelyEqual(products[0], 3 * expected, absoluteTolerance: 1e-7), "\(activation)'(0) times 3")
  }

  // MARK: - Names

  @Test("raw values are command-line names")
  func rawValuesAreCommandLineNames() {
    #expect(Activation.allCases.map(\.rawValue) == ["relu", "leaky-relu", "elu", "tanh", "sigmoid", "linear"])
    #expect(Activation(rawValue: "leaky-relu") == .leakyRelu)
  }
}
