import Foundation
import Testing

@testable import AnomagramCore

/// `count` smooth series of 16 values in [0, 1]: one sine period with a
/// random phase and amplitude per row, plus a little noise. An autoencoder
/// with a 2-unit bottleneck can learn them, because two numbers (phase and
/// amplitude) describe each row.
private func waveRows(count: Int, seed: UInt64) -> Matrix {
  var generator = SeededGenerator(seed: seed)
  var rows: [[Float]] = []
  for _ in 0..<count {
    let phase = 2 * Float.pi * generator.nextUnitFloat()
    let amplitude = 0.2 + 0.2 * generator.nextUnitFloat()
    rows.append(
      (0..<16).map { index in
        let angle = 2 * Float.pi * Float(index) / 16 + phase
        return 0.5 + amplitude * Foundation.sin(angle) + 0.02 * (generator.nextUnitFloat() - 0.5)
      })
  }
  return Matrix(rowArrays: rows)
}

private func configuration(
  optimizer: OptimizerSettings = OptimizerSettings(kind: .adam, learningRate: 0.01),
  regularization: Regularization = .none, hidden: Activation = .relu, output: Activation = .sigmoid,
  batchSize: Int = 8, seed: UInt64 = 1
) -> TrainingConfiguration {
  TrainingConfiguration(
    encoderUnits: [8], latentSize: 2, hiddenActivation: hidden, outputActivation: output, optimizer: optimizer,
    regularization: regularization, epochs: 1, batchSize: batchSize, seed: seed)
}

private let noRows = Matrix(rows: 0, columns: 16)

/// Returns the mean squared error of predicting every row by the column means.
private func varianceAroundMeanSeries(_ rows: Matrix) -> Double {
  var total: Double = 0
  for column in 0..<rows.columns {
    let values = (0..<rows.rows).map { Double(rows[$0, column]) }
    let mean = values.reduce(0, +) / Double(values.count)
    total += values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
  }
  return total / Double(rows.rows * rows.columns)
}

/// Trains `epochs` epochs and returns the model's parameters and each epoch's summary.
private func train(
  _ configuration: TrainingConfiguration, rows: Matrix, validation: Matrix = noRows, epochs: Int
) -> (parameters: [Float], summaries: [EpochSummary?]) {
  let trainer = Trainer(configuration: configuration, trainingRows: rows, validationRows: validation)
  let summaries = (0..<epochs).map { _ in trainer.trainEpoch() }
  return (trainer.model.parameters, summaries)
}

/// A learning rate for each optimizer at which the wave problem trains in
/// 60 epochs. Adadelta and Adagrad need larger rates than the others,
/// because their adaptive steps start small.
private let learningOptimizers: [OptimizerSettings] = [
  OptimizerSettings(kind: .sgd, learningRate: 1),
  OptimizerSettings(kind: .momentum, learningRate: 0.1),
  OptimizerSettings(kind: .adam, learningRate: 0.01),
  OptimizerSettings(kind: .adamax, learningRate: 0.02),
  OptimizerSettings(kind: .adadelta, learningRate: 1),
  OptimizerSettings(kind: .adagrad, learningRate: 0.3),
  OptimizerSettings(kind: .rmsprop, learningRate: 0.005),
]

@Suite("Trainer")
struct TrainerTests {
  // MARK: - Repeatability

  @Test("same seed repeats bit for bit")
  func sameSeedRepeatsBitForBit() throws {
    let rows = waveRows(count: 30, seed: 1)
    let validation = waveRows(count: 10, seed: 2)

    let first = train(configuration(seed: 5), rows: rows, validation: validation, epochs: 3)
    let second = train(configuration(seed: 5), rows: rows, validation: validation, epochs: 3)

    #expect(first.parameters.map(\.bitPattern) == second.parameters.map(\.bitPattern))
    for (epoch, (a, b)) in zip(first.summaries, second.summaries).enumerated() {
      let a = try #require(a, "epoch \(epoch + 1) diverged")
      let b = try #require(b, "epoch \(epoch + 1) diverged")
      #expect(a.trainLoss.bitPattern == b.trainLoss.bitPattern, "epoch \(epoch + 1) training loss")
      #expect(a.validationLoss?.bitPattern == b.validationLoss?.bitPattern, "epoch \(epoch + 1) validation loss")
    }
  }

  @Test("different seed differs")
  func differentSeedDiffers() {
    let rows = waveRows(count: 30, seed: 1)

    let first = train(configuration(seed: 5), rows: rows, epochs: 2)
    let second = train(configuration(seed: 6), rows: rows, epochs: 2)

    #expect(first.parameters.map(\.bitPattern) != second.parameters.map(\.bitPattern))
    #expect(first.summaries.last??.trainLoss.bitPattern != second.summaries.last??.trainLoss.bitPattern)
  }

  @Test("shuffle seed alone changes the run")
  func shuffleSeedAloneChangesRun() {
    // The same starting model with a different configuration seed: only
    // the order of the rows differs, and so must the trained parameters.
    let rows = waveRows(count: 30, seed: 1)
    let model = Autoencoder(architecture: configuration().architecture(inputSize: 16), seed: 9)
    let first = Trainer(configuration: configuration(seed: 5), model: model, trainingRows: rows, validationRows: noRows)
    let second = Trainer(
      configuration: configuration(seed: 6), model: model, trainingRows: rows, validationRows: noRows)

    _ = first.trainEpoch()
    _ = second.trainEpoch()

    #expect(first.model.parameters.map(\.bitPattern) != second.model.parameters.map(\.bitPattern))
  }

  // MARK: - Batches and counters

  @Test("last partial batch is kept")
  func lastPartialBatchIsKept() throws {
    // 10 rows in batches of 4: 4 + 4 + 2.
    let rows = waveRows(count: 10, seed: 3)
    let trainer = Trainer(configuration: configuration(batchSize: 4), trainingRows: rows, validationRows: noRows)
    #expect(trainer.batchesPerEpoch == 3)

    let outcomes = (0..<3).map { _ in trainer.trainBatch() }

    #expect(outcomes[0].finishedEpoch == nil)
    #expect(outcomes[1].finishedEpoch == nil)
    let summary = try #require(outcomes[2].finishedEpoch)
    #expect(summary.epoch == 1)
    #expect(trainer.completedEpochs == 1)
    #expect(trainer.completedBatches == 3)
    #expect(trainer.trainedSamples == 10)
    #expect(trainer.batchesInCurrentEpoch == 0)
    // The epoch's loss weights each batch by its rows: (4 l1 + 4 l2 + 2 l3) / 10.
    let weighted = (4 * outcomes[0].loss + 4 * outcomes[1].loss + 2 * outcomes[2].loss) / 10
    #expect(
      isApproximatelyEqual(summary.trainLoss, weighted, relativeTolerance: 1e-12),
      "epoch loss \(summary.trainLoss), weighted batch losses \(weighted)")

    _ = try #require(trainer.trainEpoch())

    #expect(trainer.completedEpochs == 2)
    #expect(trainer.completedBatches == 6)
    #expect(trainer.trainedSamples == 20)
  }

  @Test("batch counter counts within epoch")
  func batchCounterCountsWithinEpoch() {
    let trainer = Trainer(
      configuration: configuration(batchSize: 4), trainingRows: waveRows(count: 10, seed: 3), validationRows: noRows)

    #expect(trainer.batchesInCurrentEpoch == 0)
    trainer.trainBatch()
    #expect(trainer.batchesInCurrentEpoch == 1)
    trainer.trainBatch()
    #expect(trainer.batchesInCurrentEpoch == 2)
    trainer.trainBatch()
    #expect(trainer.batchesInCurrentEpoch == 0)
    #expect(trainer.completedEpochs == 1)
  }

  @Test("epoch visits every row once")
  func epochVisitsEveryRowOnce() throws {
    // With SGD at a learning rate of 1e-30 the kernels cannot move (each
    // update is far below their ulp), and the zero biases move by about
    // 1e-31. So each batch's loss is the mean error of its rows under one
    // fixed model, and the epoch's loss equals the mean over all rows only
    // if every row is used exactly once. The rows differ in error, so a
    // dropped or repeated row changes the mean.
    let rows = waveRows(count: 10, seed: 4)
    let frozen = configuration(optimizer: OptimizerSettings(kind: .sgd, learningRate: 1e-30), batchSize: 4)
    let trainer = Trainer(configuration: frozen, trainingRows: rows, validationRows: noRows)
    let errors = trainer.model.reconstructionErrors(rows)
    let meanError = errors.reduce(0) { $0 + Double($1) } / Double(errors.count)

    let summary = try #require(trainer.trainEpoch())

    #expect(Set(errors).count == 10)
    // The batch loss sums in a different order from the per-row errors,
    // in Float, so allow a few ulp.
    #expect(
      isApproximatelyEqual(summary.trainLoss, meanError, relativeTolerance: 1e-6),
      "epoch loss \(summary.trainLoss), mean row error \(meanError)")
  }

  // MARK: - Losses

  @Test("validation loss is mean row error")
  func validationLossIsMeanRowError() throws {
    let rows = waveRows(count: 20, seed: 5)
    let validation = waveRows(count: 7, seed: 6)
    let trainer = Trainer(configuration: configuration(), trainingRows: rows, validationRows: validation)

    let summary = try #require(trainer.trainEpoch())

    let errors = trainer.model.reconstructionErrors(validation)
    let expected = errors.reduce(0) { $0 + Double($1) } / Double(errors.count)
    let validationLoss = try #require(summary.validationLoss)
    #expect(isApproximatelyEqual(validationLoss, expected, relativeTolerance: 1e-12))
  }

  @Test("no validation rows gives no validation loss")
  func noValidationRowsGivesNoValidationLoss() throws {
    let trainer = Trainer(
      configuration: configuration(), trainingRows: waveRows(count: 20, seed: 5), validationRows: noRows)

    let summary = try #require(trainer.trainEpoch())

    #expect(summary.validationLoss == nil)
    #expect(summary.regularizationLoss == 0)
  }

  @Test("regularization loss is the penalty", arguments: [Regularization.Kind.l1, .l2, .l1l2])
  func regularizationLossIsPenalty(kind: Regularization.Kind) throws {
    let regularization = Regularization(kind: kind, rate: 0.01)
    let trainer = Trainer(
      configuration: configuration(regularization: regularization), trainingRows: waveRows(count: 20, seed: 5),
      validationRows: noRows)

    let summary = try #require(trainer.trainEpoch())

    // The summary sums the Float kernels in Double, as the reference does.
    let expected = ReferenceNetwork(trainer.model).penalty(regularization)
    #expect(expected > 0)
    #expect(
      isApproximatelyEqual(summary.regularizationLoss, expected, relativeTolerance: 1e-9),
      "penalty \(summary.regularizationLoss), expected \(expected)")
  }

  @Test("training loss decreases", arguments: learningOptimizers)
  func trainingLossDecreases(optimizer: OptimizerSettings) throws {
    let rows = waveRows(count: 64, seed: 7)
    let validation = waveRows(count: 32, seed: 8)

    let (_, summaries) = train(
      configuration(optimizer: optimizer, hidden: .tanh), rows: rows, validation: validation, epochs: 60)

    let first = try #require(summaries.first ?? nil, "first epoch diverged")
    let last = try #require(summaries.last ?? nil, "last epoch diverged")
    // A model that outputs the mean series has an error equal to the
    // rows' variance around it. A quarter of that needs the code to carry
    // the phase or the amplitude.
    let meanSeriesLoss = varianceAroundMeanSeries(rows)
    #expect(last.trainLoss < 0.5 * first.trainLoss, "\(optimizer.kind): \(first.trainLoss) → \(last.trainLoss)")
    #expect(
      last.trainLoss < 0.25 * meanSeriesLoss,
      "\(optimizer.kind): final training loss \(last.trainLoss), mean series \(meanSeriesLoss)")
    let validationLoss = try #require(last.validationLoss)
    #expect(
      validationLoss < 0.25 * varianceAroundMeanSeries(validation),
      "\(optimizer.kind): final validation loss \(validationLoss)")
  }

  // MARK: - Learning rate and divergence

  @Test("learning rate change applies to next batch")
  func learningRateChangeAppliesToNextBatch() {
    // One batch contains all rows, so the step uses the gradient that
    // lossAndGradient reports, up to the order of the rows in the sums.
    let rows = waveRows(count: 10, seed: 9)
    let trainer = Trainer(
      configuration: configuration(optimizer: OptimizerSettings(kind: .sgd, learningRate: 0.01), batchSize: 10),
      trainingRows: rows, validationRows: noRows)
    let before = trainer.model.parameters
    let (loss, gradient) = trainer.lossAndGradient(on: rows)

    trainer.learningRate = 0.5
    let outcome = trainer.trainBatch()

    #expect(isApproximatelyEqual(trainer.learningRate, 0.5))
    #expect(isApproximatelyEqual(outcome.loss, loss, relativeTolerance: 1e-6))
    let after = trainer.model.parameters
    for index in before.indices {
      let expected = before[index] - 0.5 * gradient[index]
      // Gradients summed over rows in another order differ by about 1e-7
      // relative, and times 0.5 that stays far below 1e-6.
      #expect(
        isApproximatelyEqual(after[index], expected, absoluteTolerance: 1e-6),
        "parameter \(index): \(after[index]), expected \(expected)")
    }
  }

  @Test("huge learning rate reports non-finite loss")
  func hugeLearningRateReportsNonFiniteLoss() {
    // SGD at 1e6 with a linear output multiplies the error by about 1e5
    // per step, so Float overflows within a few batches.
    let trainer = Trainer(
      configuration: configuration(
        optimizer: OptimizerSettings(kind: .sgd, learningRate: 1e6), output: .linear, batchSize: 4),
      trainingRows: waveRows(count: 12, seed: 10), validationRows: noRows)

    var lastLoss = 0.0
    for _ in 0..<60 {
      lastLoss = trainer.trainBatch().loss
      if !lastLoss.isFinite { break }
    }

    #expect(!lastLoss.isFinite, "Loss stayed finite: \(lastLoss)")
    // After a non-finite loss, trainEpoch reports the divergence as nil.
    #expect(trainer.trainEpoch() == nil)
  }
}
