import Testing

@testable import AnomagramCore

// The analytic gradient comes from `Trainer.lossAndGradient(on:)`: the
// forward pass, the mean squared error, the backward pass and the
// regularizer's share, all in `Float`. The numerical gradient is a central
// difference of a loss written independently in `Double` (the
// `ReferenceNetwork` forward pass, the MSE and the penalty) at the same
// parameters.
//
// With h = 1e-6 on parameters of order 1, the central difference in Double
// has a truncation error of order h² = 1e-12 and a rounding error of order
// 1e-16 / h = 1e-10, so it is exact for this purpose. The analytic gradient
// carries Float rounding of about 1e-7 relative to the terms it sums: on
// these networks the largest difference measured was 3e-7 absolute (on a
// gradient of 3.5) and 1e-5 relative. The tolerance, 2e-6 absolute or 1e-4
// relative, is about ten times that, so a wrong derivative, a missing
// factor or a term on the wrong parameter fails.
//
// Relu and leaky relu have a kink at 0, and L1 has one at w = 0. There the
// loss has no derivative and a central difference across the kink averages
// the two slopes. So a parameter is skipped when its ±h step flips the sign
// of any relu-type pre-activation for any row, or when it is a kernel
// element within h of 0 under L1. Random parameters and inputs make such
// cases rare (none occur with these seeds), and each check fails if more
// than 5% of the parameters are skipped.

private let finiteDifferenceStep = 1e-6
private let absoluteTolerance = 2e-6
private let relativeTolerance = 1e-4

/// Returns where a parameter sits, for messages.
private func parameterName(_ index: Int, in architecture: Architecture) -> String {
  for (layerIndex, layer) in architecture.layers.enumerated()
  where index >= layer.weightOffset && index < layer.biasOffset + layer.outputSize {
    if index < layer.biasOffset {
      let position = index - layer.weightOffset
      return "layer \(layerIndex) kernel (\(position / layer.outputSize), \(position % layer.outputSize))"
    }
    return "layer \(layerIndex) bias \(index - layer.biasOffset)"
  }
  return "parameter \(index)"
}

/// The outcome of comparing one analytic gradient with finite differences.
private struct GradientCheck {
  var checked = 0
  /// Parameters whose step moved a relu-type pre-activation or an L1
  /// kernel across 0, where the loss has a kink and no derivative.
  var skipped = 0
  var mismatches: [String] = []
  /// The loss that `lossAndGradient` returned and the reference loss.
  var loss: Double = 0
  var referenceLoss: Double = 0
  /// The largest |numerical gradient| among the checked parameters.
  var largestGradient: Double = 0
}

/// Returns the signs of the pre-activations of every relu or leaky relu
/// layer, for all rows. Equal patterns at two points mean that no kink
/// lies between them.
private func kinkSides(_ network: ReferenceNetwork, rows: Matrix) -> [Bool] {
  var sides: [Bool] = []
  for row in 0..<rows.rows {
    let values = network.layerValues(for: rows.row(row).map(Double.init))
    for (layer, value) in zip(network.architecture.layers, values)
    where [.relu, .leakyRelu].contains(layer.activation) {
      sides += value.preActivation.map { $0 > 0 }
    }
  }
  return sides
}

/// Compares `lossAndGradient` on `rows` with central differences of the
/// reference loss, for every parameter of `model`.
private func checkGradient(
  model: Autoencoder, rows: Matrix, regularization: Regularization = .none, batchSize: Int? = nil
) -> GradientCheck {
  let architecture = model.architecture
  let configuration = TrainingConfiguration(
    encoderUnits: architecture.encoderUnits, latentSize: architecture.latentSize,
    hiddenActivation: architecture.hiddenActivation, outputActivation: architecture.outputActivation,
    optimizer: OptimizerSettings(kind: .sgd), regularization: regularization,
    epochs: 1, batchSize: batchSize ?? rows.rows, seed: 0)
  let trainer = Trainer(
    configuration: configuration, model: model, trainingRows: rows,
    validationRows: Matrix(rows: 0, columns: rows.columns))

  let (loss, gradient) = trainer.lossAndGradient(on: rows)

  let reference = ReferenceNetwork(model)
  var check = GradientCheck()
  check.loss = loss
  check.referenceLoss = reference.meanSquaredError(rows) + reference.penalty(regularization)
  let h = finiteDifferenceStep
  for index in reference.parameters.indices {
    var plus = reference
    var minus = reference
    plus.parameters[index] += h
    minus.parameters[index] -= h

    let isKernel = architecture.layers.contains { index >= $0.weightOffset && index < $0.biasOffset }
    let crossesL1Kink = isKernel && regularization.usesL1 && abs(reference.parameters[index]) <= h
    if crossesL1Kink || kinkSides(plus, rows: rows) != kinkSides(minus, rows: rows) {
      check.skipped += 1
      continue
    }

    let lossPlus = plus.meanSquaredError(rows) + plus.penalty(regularization)
    let lossMinus = minus.meanSquaredError(rows) + minus.penalty(regularization)
    let numerical = (lossPlus - lossMinus) / (2 * h)
    let analytic = Double(gradient[index])
    check.checked += 1
    check.largestGradient = max(check.largestGradient, abs(numerical))
    if !isApproximatelyEqual(
      analytic, numerical, absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance)
    {
      check.mismatches.append(
        "\(parameterName(index, in: architecture)): analytic \(analytic), numerical \(numerical)")
    }
  }
  return check
}

/// Returns a model with every kernel element and bias random in [-1, 1], so
/// that biases matter and relu units are active for some rows and not others.
private func randomModel(_ architecture: Architecture, seed: UInt64) -> Autoencoder {
  Autoencoder(
    architecture: architecture,
    parameters: seededUniformValues(count: architecture.parameterCount, in: -1...1, seed: seed))
}

/// Expects a gradient check with no mismatches, a loss equal to the
/// reference and few skipped parameters.
private func expectPassed(
  _ check: GradientCheck, parameterCount: Int, sourceLocation: SourceLocation = #_sourceLocation
) {
  // The loss is a Float forward pass summed in Double, so 1e-6 relative
  // allows several Float ulp.
  #expect(
    isApproximatelyEqual(check.loss, check.referenceLoss, relativeTolerance: 1e-6),
    "Loss \(check.loss), reference \(check.referenceLoss)", sourceLocation: sourceLocation)
  let firstMismatches = check.mismatches.prefix(5).joined(separator: "; ")
  #expect(
    check.mismatches.isEmpty, "\(check.mismatches.count) of \(check.checked) gradients differ: \(firstMismatches)",
    sourceLocation: sourceLocation)
  // A kink within 1e-6 of a pre-activation is rare. Many skips would mean
  // that the check had tested little.
  #expect(
    check.skipped * 20 <= parameterCount, "\(check.skipped) of \(parameterCount) parameters skipped",
    sourceLocation: sourceLocation)
  #expect(check.checked + check.skipped == parameterCount, sourceLocation: sourceLocation)
  #expect(check.largestGradient > 1e-3, "Largest gradient \(check.largestGradient)", sourceLocation: sourceLocation)
}

@Suite("Gradient")
struct GradientTests {
  /// 6-5-3-5-6: 35 + 18 + 20 + 36 = 109 parameters.
  static func smallArchitecture(hidden: Activation, output: Activation) -> Architecture {
    Architecture(inputSize: 6, encoderUnits: [5], latentSize: 3, hiddenActivation: hidden, outputActivation: output)
  }

  @Test(
    "gradient matches finite differences",
    arguments: Activation.allCases, [Activation.sigmoid, .linear])
  func gradientMatchesFiniteDifferences(hidden: Activation, output: Activation) {
    let architecture = Self.smallArchitecture(hidden: hidden, output: output)
    let model = randomModel(architecture, seed: 31)
    let rows = seededUniformMatrix(rows: 4, columns: 6, in: 0...1, seed: 32)

    let check = checkGradient(model: model, rows: rows)

    #expect(architecture.parameterCount == 109)
    expectPassed(check, parameterCount: architecture.parameterCount)
  }

  @Test("regularized gradient matches finite differences", arguments: Regularization.Kind.allCases)
  func regularizedGradientMatchesFiniteDifferences(kind: Regularization.Kind) {
    // Rate 0.05 on kernels of size up to 1 adds terms up to 0.05 (L1) and
    // 0.1 (L2) to each kernel gradient, far above the tolerance, so a
    // missing factor of 2 or a penalty on the biases shows.
    let architecture = Self.smallArchitecture(hidden: .tanh, output: .sigmoid)
    let model = randomModel(architecture, seed: 41)
    let rows = seededUniformMatrix(rows: 4, columns: 6, in: 0...1, seed: 42)
    let regularization = Regularization(kind: kind, rate: 0.05)

    let check = checkGradient(model: model, rows: rows, regularization: regularization)

    expectPassed(check, parameterCount: architecture.parameterCount)
  }

  @Test("regularization with relu matches finite differences", arguments: [Regularization.Kind.l1, .l1l2])
  func regularizationWithReluMatchesFiniteDifferences(kind: Regularization.Kind) {
    let architecture = Self.smallArchitecture(hidden: .relu, output: .linear)
    let model = randomModel(architecture, seed: 43)
    let rows = seededUniformMatrix(rows: 4, columns: 6, in: 0...1, seed: 44)

    let check = checkGradient(model: model, rows: rows, regularization: Regularization(kind: kind, rate: 0.05))

    expectPassed(check, parameterCount: architecture.parameterCount)
  }

  @Test("partial batch gradient matches finite differences")
  func partialBatchGradientMatchesFiniteDifferences() {
    // Three rows in a workspace sized for four, as in an epoch's last,
    // smaller batch: the MSE must divide by 3 rows, not 4.
    let architecture = Self.smallArchitecture(hidden: .elu, output: .sigmoid)
    let model = randomModel(architecture, seed: 51)
    let rows = seededUniformMatrix(rows: 3, columns: 6, in: 0...1, seed: 52)

    let check = checkGradient(model: model, rows: rows, batchSize: 4)

    expectPassed(check, parameterCount: architecture.parameterCount)
  }

  @Test("wide network gradient matches finite differences", arguments: [Activation.leakyRelu, .sigmoid])
  func wideNetworkGradientMatchesFiniteDifferences(hidden: Activation) {
    // 20 features is more than one 16-lane vector per row, so the SIMD
    // loop of the loss and of the activations runs as well as their tails.
    let architecture = Architecture(
      inputSize: 20, encoderUnits: [17, 9], latentSize: 3, hiddenActivation: hidden, outputActivation: .sigmoid)
    let model = randomModel(architecture, seed: 61)
    let rows = seededUniformMatrix(rows: 3, columns: 20, in: 0...1, seed: 62)

    let check = checkGradient(model: model, rows: rows, regularization: Regularization(kind: .l2, rate: 0.01))

    expectPassed(check, parameterCount: architecture.parameterCount)
  }

  @Test("loss and gradient leave parameters unchanged")
  func lossAndGradientLeavesParametersUnchanged() {
    let architecture = Self.smallArchitecture(hidden: .relu, output: .sigmoid)
    let model = randomModel(architecture, seed: 71)
    let rows = seededUniformMatrix(rows: 4, columns: 6, in: 0...1, seed: 72)
    let configuration = TrainingConfiguration(
      encoderUnits: [5], latentSize: 3, optimizer: OptimizerSettings(kind: .adam),
      regularization: Regularization(kind: .l2, rate: 0.1), epochs: 1, batchSize: 4, seed: 0)
    let trainer = Trainer(
      configuration: configuration, model: model, trainingRows: rows, validationRows: Matrix(rows: 0, columns: 6))

    let first = trainer.lossAndGradient(on: rows)
    let second = trainer.lossAndGradient(on: rows)

    #expect(trainer.model.parameters.map(\.bitPattern) == model.parameters.map(\.bitPattern))
    #expect(first.loss.bitPattern == second.loss.bitPattern)
    #expect(first.gradient.map(\.bitPattern) == second.gradient.map(\.bitPattern))
  }
}
