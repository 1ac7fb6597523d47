import Testing

@testable import AnomagramCore

// Every hand-worked case starts at w = [1, -1] and takes three steps:
//   step 1: g = [0.5, -2], lr 0.1
//   step 2: g = [-1, 2],   lr 0.1
//   step 3: g = [0.5, -2], lr 0.05 (set on the optimizer after step 2)
// The adaptive optimizers get ε = 1e-12, which moves no result by more
// than 1e-11, so the arithmetic below leaves it out. Adadelta keeps a
// large ε because ε sets its first step.

private let startingParameters: [Float] = [1, -1]
private let stepGradients: [[Float]] = [[0.5, -2], [-1, 2], [0.5, -2]]
private let stepLearningRates: [Float] = [0.1, 0.1, 0.05]

/// Settings, and the parameters after each of the three steps worked out by hand.
private struct HandWorkedCase: CustomTestStringConvertible, Sendable {
  let settings: OptimizerSettings
  let expected: [[Float]]

  var testDescription: String { settings.kind.rawValue }
}

private let handWorkedCases: [HandWorkedCase] = [
  HandWorkedCase(
    // w ← w - lr g
    // 1: [1 - 0.05, -1 + 0.2] = [0.95, -0.8]
    // 2: [0.95 + 0.1, -0.8 - 0.2] = [1.05, -1]
    // 3: [1.05 - 0.025, -1 + 0.1] = [1.025, -0.9]
    settings: OptimizerSettings(kind: .sgd, learningRate: 0.1),
    expected: [[0.95, -0.8], [1.05, -1], [1.025, -0.9]]),
  HandWorkedCase(
    // μ = 0.5. v ← μ v - lr g, w ← w + v
    // 1: v = [-0.05, 0.2], w = [0.95, -0.8]
    // 2: v = [-0.025 + 0.1, 0.1 - 0.2] = [0.075, -0.1], w = [1.025, -0.9]
    // 3: v = [0.0375 - 0.025, -0.05 + 0.1] = [0.0125, 0.05], w = [1.0375, -0.85]
    settings: OptimizerSettings(kind: .momentum, learningRate: 0.1, momentum: 0.5),
    expected: [[0.95, -0.8], [1.025, -0.9], [1.0375, -0.85]]),
  HandWorkedCase(
    // β1 = 0.5, β2 = 0.96, so 1 - β2 = 0.2², 1 - β2² = 0.28², 1 - β2³ = 0.115264.
    // α = lr sqrt(1 - β2^t) / (1 - β1^t); m += (g - m)/2; v += (g² - v)·0.04;
    // w ← w - step with step = α m / sqrt(v)
    // 1: α = 0.1·0.2/0.5 = 0.04, m = [0.25, -1], v = [0.01, 0.16],
    //    sqrt v = [0.1, 0.4], step = 0.04·[2.5, -2.5] = [0.1, -0.1], w = [0.9, -0.9]
    // 2: α = 0.1·0.28/0.75 = 0.0373333, m = [-0.375, 0.5], v = [0.0496, 0.3136],
    //    sqrt v = [0.2227106, 0.56], step = [-0.0628619, 0.0333333], w = [0.9628619, -0.9333333]
    // 3: α = 0.05·sqrt(0.115264)/0.875 = 0.0194003, m = [0.0625, -0.75],
    //    v = [0.057616, 0.461056], sqrt v = [0.2400333, 0.6790110],
    //    step = [0.0050515, -0.0214286], w = [0.9578104, -0.9119048]
    settings: OptimizerSettings(kind: .adam, learningRate: 0.1, beta1: 0.5, beta2: 0.96, epsilon: 1e-12),
    expected: [[0.9, -0.9], [0.962_861_86, -0.933_333_33], [0.957_810_39, -0.911_904_76]]),
  HandWorkedCase(
    // β1 = 0.5, β2 = 0.75. m += (g - m)/2; u ← max(0.75 u, |g|);
    // w ← w - step with step = lr m / ((1 - β1^t) u)
    // 1: m = [0.25, -1], u = [0.5, 2], step = 0.1·[0.25, -1]/(0.5·[0.5, 2]) = [0.1, -0.1], w = [0.9, -0.9]
    // 2: m = [-0.375, 0.5], u = max([0.375, 1.5], [1, 2]) = [1, 2],
    //    step = 0.1·[-0.375, 0.5]/(0.75·[1, 2]) = [-0.05, 0.0333333], w = [0.95, -0.9333333]
    // 3: m = [0.0625, -0.75], u = max([0.75, 1.5], [0.5, 2]) = [0.75, 2] (the decayed
    //    value wins in the first lane), step = 0.05·[0.0625, -0.75]/(0.875·[0.75, 2])
    //    = [0.0047619, -0.0214286], w = [0.9452381, -0.9119048]
    settings: OptimizerSettings(kind: .adamax, learningRate: 0.1, beta1: 0.5, beta2: 0.75, epsilon: 1e-12),
    expected: [[0.9, -0.9], [0.95, -0.933_333_33], [0.945_238_10, -0.911_904_76]]),
  HandWorkedCase(
    // ρ = 0.5, ε = 0.01. G ← ρ G + (1 - ρ) g²; Δ = -sqrt(D + ε)/sqrt(G + ε)·g;
    // D ← ρ D + (1 - ρ) Δ²; w ← w + lr Δ
    // 1: G = [0.125, 2], Δ = -0.1·[0.5/0.3674235, -2/1.4177447] = [-0.1360828, 0.1410691],
    //    D = [0.0092593, 0.0099502], w = [0.9863917, -0.9858931]
    // 2: G = [0.5625, 3], sqrt(D + ε) = [0.1387777, 0.1412453],
    //    Δ = -[0.1387777·-1/0.7566373, 0.1412453·2/1.7349352] = [0.1834138, -0.1628249],
    //    D = [0.0214499, 0.0182311], w = [1.0047331, -1.0021756]
    // 3: G = [0.40625, 3.5], sqrt(D + ε) = [0.1773413, 0.1680211],
    //    Δ = -[0.1773413·0.5/0.6451744, 0.1680211·-2/1.8734994] = [-0.1374367, 0.1793661],
    //    w = [1.0047331 - 0.0068718, -1.0021756 + 0.0089683] = [0.9978613, -0.9932073]
    settings: OptimizerSettings(kind: .adadelta, learningRate: 0.1, rho: 0.5, epsilon: 0.01),
    expected: [[0.986_391_72, -0.985_893_09], [1.004_733_11, -1.002_175_58], [0.997_861_27, -0.993_207_28]]),
  HandWorkedCase(
    // A starts at 0.1. A ← A + g²; w ← w - step with step = lr g / sqrt(A)
    // 1: A = [0.35, 4.1], sqrt A = [0.5916080, 2.0248457],
    //    step = [0.0845154, -0.0987730], w = [0.9154846, -0.9012270]
    // 2: A = [1.35, 8.1], sqrt A = [1.1618950, 2.8460499],
    //    step = [-0.0860663, 0.0702728], w = [1.0015509, -0.9714999]
    // 3: A = [1.6, 12.1], sqrt A = [1.2649111, 3.4785054],
    //    step = [0.0197642, -0.0287480], w = [0.9817866, -0.9427519]
    settings: OptimizerSettings(kind: .adagrad, learningRate: 0.1, epsilon: 1e-12),
    expected: [[0.915_484_58, -0.901_227_04], [1.001_550_87, -0.971_499_88], [0.981_786_64, -0.942_751_90]]),
  HandWorkedCase(
    // ρ = 0.75. s ← ρ s + (1 - ρ) g²; w ← w - step with step = lr g / sqrt(s)
    // 1: s = [0.0625, 1], sqrt s = [0.25, 1], step = [0.2, -0.2], w = [0.8, -0.8]
    // 2: s = [0.046875 + 0.25, 0.75 + 1] = [0.296875, 1.75], sqrt s = [0.5448624, 1.3228757],
    //    step = [-0.1835326, 0.1511858], w = [0.9835326, -0.9511858]
    // 3: s = [0.2226563 + 0.0625, 1.3125 + 1] = [0.2851563, 2.3125], sqrt s = [0.5340002, 1.5206906],
    //    step = [0.0468165, -0.0657596], w = [0.9367161, -0.8854262]
    settings: OptimizerSettings(kind: .rmsprop, learningRate: 0.1, rho: 0.75, epsilon: 1e-12),
    expected: [[0.8, -0.8], [0.983_532_59, -0.951_185_79], [0.936_716_13, -0.885_426_19]]),
]

/// One step with gradient 1 from w = 0, where ε is large enough to change
/// the step, and the step that places ε where Keras 3 does.
private struct EpsilonCase: CustomTestStringConvertible, Sendable {
  let settings: OptimizerSettings
  let expectedStep: Float

  var testDescription: String { settings.kind.rawValue }
}

private let epsilonCases: [EpsilonCase] = [
  // m = 0.5, v = 0.04, α = 0.04: ε outside the root gives 0.04·0.5/(0.2 + 0.05) = 0.08,
  // and inside it would give 0.04·0.5/0.3 = 0.0667.
  EpsilonCase(
    settings: OptimizerSettings(kind: .adam, learningRate: 0.1, beta1: 0.5, beta2: 0.96, epsilon: 0.05),
    expectedStep: 0.08),
  // m = 0.5, u = 1, 1 - β1 = 0.5: 0.1·0.5/(0.5·(1 + 0.25)) = 0.08.
  EpsilonCase(
    settings: OptimizerSettings(kind: .adamax, learningRate: 0.1, beta1: 0.5, epsilon: 0.25),
    expectedStep: 0.08),
  // A = 0.1 + 1 = 1.1: ε inside the root gives 0.1/sqrt(1.21) = 0.1/1.1,
  // and outside it would give 0.1/(1.0488 + 0.11) = 0.0863.
  EpsilonCase(
    settings: OptimizerSettings(kind: .adagrad, learningRate: 0.1, epsilon: 0.11),
    expectedStep: 0.1 / 1.1),
  // s = 0.25: ε inside the root gives 0.1/sqrt(0.25 + 0.75) = 0.1,
  // and outside it would give 0.1/(0.5 + 0.75) = 0.08.
  EpsilonCase(
    settings: OptimizerSettings(kind: .rmsprop, learningRate: 0.1, rho: 0.75, epsilon: 0.75),
    expectedStep: 0.1),
]

/// A learning rate and step count with which each optimizer reaches the
/// minimum of the test quadratic.
private struct ConvergenceCase: CustomTestStringConvertible, Sendable {
  let settings: OptimizerSettings
  let steps: Int

  var testDescription: String { settings.kind.rawValue }
}

private let convergenceCases: [ConvergenceCase] = [
  ConvergenceCase(settings: OptimizerSettings(kind: .sgd, learningRate: 0.1), steps: 300),
  ConvergenceCase(settings: OptimizerSettings(kind: .momentum, learningRate: 0.02), steps: 300),
  ConvergenceCase(settings: OptimizerSettings(kind: .adam, learningRate: 0.02), steps: 300),
  ConvergenceCase(settings: OptimizerSettings(kind: .adamax, learningRate: 0.02), steps: 300),
  // A learning rate of 1 gives Zeiler's original Adadelta, as the Keras
  // documentation of Adadelta notes. ε = 1e-4 shortens the slow start,
  // whose first steps are about sqrt(ε) long.
  ConvergenceCase(settings: OptimizerSettings(kind: .adadelta, learningRate: 1, epsilon: 1e-4), steps: 300),
  ConvergenceCase(settings: OptimizerSettings(kind: .adagrad, learningRate: 0.5), steps: 300),
  ConvergenceCase(settings: OptimizerSettings(kind: .rmsprop, learningRate: 0.01), steps: 300),
]

/// Runs `optimizer.update` on `parameters` with `gradients`.
private func update(_ optimizer: any Optimizer, _ parameters: inout [Float], gradients: [Float]) {
  precondition(parameters.count == gradients.count, "\(parameters.count) parameters, \(gradients.count) gradients")
  gradients.withUnsafeBufferPointer { gradient in
    parameters.withUnsafeMutableBufferPointer { parameter in
      optimizer.update(parameters: parameter.baseAddress!, gradients: gradient.baseAddress!, count: parameter.count)
    }
  }
}

/// `Σ a_i (w_i - c_i)²` with curvatures `a` from 0.25 to 4.
private struct Quadratic {
  let curvatures: [Float]
  let minimum: [Float]

  func loss(_ w: [Float]) -> Double {
    zip(curvatures, zip(w, minimum)).reduce(0) { sum, term in
      let (a, (wi, ci)) = term
      return sum + Double(a) * Double(wi - ci) * Double(wi - ci)
    }
  }

  func gradient(_ w: [Float]) -> [Float] {
    zip(curvatures, zip(w, minimum)).map { a, pair in 2 * a * (pair.0 - pair.1) }
  }
}

@Suite("Optimizer")
struct OptimizerTests {
  @Test("steps match hand-worked values", arguments: handWorkedCases)
  fileprivate func stepsMatchHandWorkedValues(_ handWorked: HandWorkedCase) {
    let optimizer = handWorked.settings.makeOptimizer(parameterCount: 2)
    var parameters = startingParameters

    for step in 0..<3 {
      optimizer.learningRate = stepLearningRates[step]
      update(optimizer, &parameters, gradients: stepGradients[step])

      // Three steps of Float arithmetic on values near 1, each a few
      // roundings of 6e-8, stay within 1e-6 of the exact values.
      for (lane, (actual, expected)) in zip(parameters, handWorked.expected[step]).enumerated() {
        #expect(
          isApproximatelyEqual(actual, expected, absoluteTolerance: 1e-6),
          "after step \(step + 1), w[\(lane)] is \(actual), expected \(expected)")
      }
    }
  }

  @Test("learning rate change applies to next step", arguments: OptimizerSettings.Kind.allCases)
  func learningRateChangeAppliesToNextStep(kind: OptimizerSettings.Kind) {
    // Two optimizers with the same history, and one halves its rate before
    // step 3. Given the same state, every optimizer but momentum scales its
    // whole step by the learning rate, so step 3 must be half as long. It
    // would not be if the change were ignored or reset the state. Momentum's
    // step is μ v - lr g, so only its -lr g part halves.
    let settings = OptimizerSettings(kind: kind, learningRate: 0.1, epsilon: 1e-3)
    let unchanged = settings.makeOptimizer(parameterCount: 2)
    let changed = settings.makeOptimizer(parameterCount: 2)
    var unchangedParameters = startingParameters
    var changedParameters = startingParameters
    for step in 0..<2 {
      update(unchanged, &unchangedParameters, gradients: stepGradients[step])
      update(changed, &changedParameters, gradients: stepGradients[step])
    }
    let before = changedParameters

    changed.learningRate = 0.05
    update(unchanged, &unchangedParameters, gradients: stepGradients[2])
    update(changed, &changedParameters, gradients: stepGradients[2])

    #expect(isApproximatelyEqual(changed.learningRate, 0.05))
    #expect(isApproximatelyEqual(changed.settings.learningRate, 0.05))
    for lane in 0..<2 {
      let fullStep = unchangedParameters[lane] - before[lane]
      let halfStep = changedParameters[lane] - before[lane]
      // At least 300 times the tolerance below, so an ignored change shows.
      #expect(abs(fullStep) > 1e-4, "\(kind) lane \(lane) took no step: \(fullStep)")
      let expectedStep = kind == .momentum ? fullStep + 0.05 * stepGradients[2][lane] : fullStep / 2
      // The steps are differences of values near 1, so they carry an
      // absolute rounding error of about 1e-7.
      #expect(
        isApproximatelyEqual(halfStep, expectedStep, absoluteTolerance: 3e-7),
        "\(kind) lane \(lane): step \(halfStep) at lr 0.05, expected \(expectedStep)")
    }
  }

  @Test("epsilon sits where Keras puts it", arguments: epsilonCases)
  fileprivate func epsilonSitsWhereKerasPutsIt(_ epsilonCase: EpsilonCase) {
    let optimizer = epsilonCase.settings.makeOptimizer(parameterCount: 1)
    var parameters: [Float] = [0]

    update(optimizer, &parameters, gradients: [1])

    #expect(
      isApproximatelyEqual(-parameters[0], epsilonCase.expectedStep, absoluteTolerance: 1e-7),
      "step \(-parameters[0]), expected \(epsilonCase.expectedStep)")
  }

  @Test("state is kept per parameter")
  func stateIsKeptPerParameter() {
    // 37 parameters: two full 16-lane vectors and a tail of 5 in Adam's
    // SIMD loop. Each parameter gets its own gradient, and the result must
    // equal an optimizer run on that parameter alone.
    for kind in OptimizerSettings.Kind.allCases {
      let settings = OptimizerSettings(kind: kind, learningRate: 0.05)
      let batched = settings.makeOptimizer(parameterCount: 37)
      var parameters = seededUniformValues(count: 37, in: -1...1, seed: 81)
      let initial = parameters
      let gradients = (0..<3).map { seededUniformValues(count: 37, in: -2...2, seed: 82 + UInt64($0)) }

      for gradient in gradients {
        update(batched, &parameters, gradients: gradient)
      }

      for index in 0..<37 {
        let single = settings.makeOptimizer(parameterCount: 1)
        var parameter = [initial[index]]
        for gradient in gradients {
          update(single, &parameter, gradients: [gradient[index]])
        }
        // The same Float operations in the same order, up to fused
        // multiply-adds that the SIMD path may use.
        #expect(
          isApproximatelyEqual(parameters[index], parameter[0], absoluteTolerance: 1e-6),
          "\(kind) parameter \(index): \(parameters[index]) in the batch, \(parameter[0]) alone")
      }
    }
  }

  @Test("converges on a quadratic", arguments: convergenceCases)
  fileprivate func convergesOnQuadratic(_ convergence: ConvergenceCase) {
    // Eight parameters with curvatures 0.25 to 4 and a fixed seed for the
    // start and the minimum. The start is about 1 away from the minimum in
    // each coordinate, so the loss starts near 8 and must fall below 1e-4.
    let quadratic = Quadratic(
      curvatures: [0.25, 0.5, 1, 2, 4, 0.25, 1, 4],
      minimum: seededUniformValues(count: 8, in: -0.5...0.5, seed: 91))
    var parameters = seededUniformValues(count: 8, in: -1.5...1.5, seed: 92)
    let optimizer = convergence.settings.makeOptimizer(parameterCount: 8)
    let initialLoss = quadratic.loss(parameters)

    for _ in 0..<convergence.steps {
      update(optimizer, &parameters, gradients: quadratic.gradient(parameters))
    }

    let finalLoss = quadratic.loss(parameters)
    #expect(initialLoss > 1, "Initial loss \(initialLoss)")
    #expect(finalLoss < 1e-4, "Loss \(finalLoss) after \(convergence.steps) steps, from \(initialLoss)")
  }

  @Test("defaults follow Keras")
  func defaultsFollowKeras() {
    for kind in OptimizerSettings.Kind.allCases {
      let settings = OptimizerSettings(kind: kind)
      let expectedRate: Float = (kind == .sgd || kind == .momentum) ? 0.01 : 0.001
      let expectedRho: Float = kind == .adadelta ? 0.95 : 0.9
      #expect(isApproximatelyEqual(settings.learningRate, expectedRate), "\(kind) learning rate")
      #expect(isApproximatelyEqual(settings.rho, expectedRho), "\(kind) rho")
      #expect(isApproximatelyEqual(settings.momentum, 0.9), "\(kind) momentum")
      #expect(isApproximatelyEqual(settings.beta1, 0.9), "\(kind) beta1")
      #expect(isApproximatelyEqual(settings.beta2, 0.999), "\(kind) beta2")
      #expect(isApproximatelyEqual(settings.epsilon, 1e-7), "\(kind) epsilon")
      #expect(settings.validationFailure() == nil, "\(kind): \(settings.validationFailure() ?? "")")
      #expect(settings.makeOptimizer(parameterCount: 1).settings.kind == kind)
    }
  }

  @Test(
    "invalid settings fail validation",
    arguments: [
      ("zero learning rate", OptimizerSettings(kind: .sgd, learningRate: 0), "learning rate"),
      ("infinite learning rate", OptimizerSettings(kind: .adam, learningRate: .infinity), "learning rate"),
      ("momentum of 1", OptimizerSettings(kind: .momentum, momentum: 1), "momentum"),
      ("negative beta1", OptimizerSettings(kind: .adam, beta1: -0.1), "beta1"),
      ("beta2 of 1", OptimizerSettings(kind: .adamax, beta2: 1), "beta2"),
      ("NaN rho", OptimizerSettings(kind: .rmsprop, rho: .nan), "rho"),
      ("zero epsilon", OptimizerSettings(kind: .adagrad, epsilon: 0), "epsilon"),
    ])
  func invalidSettingsFailValidation(label: String, settings: OptimizerSettings, name: String) throws {
    let failure = try #require(settings.validationFailure(), "\(label) passed validation")

    #expect(failure.contains(name), "\(label): \(failure)")
  }
}
