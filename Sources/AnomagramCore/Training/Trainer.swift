import Dispatch

/// Trains one autoencoder on one set of training rows, a mini-batch at a
/// time, on the caller's thread.
///
/// The trainer owns the parameters, their gradients and the optimizer's
/// state. It is not thread-safe: `TrainingSession` runs one on a serial
/// queue, and tests and benchmarks drive one directly.
public final class Trainer {
  public let configuration: TrainingConfiguration
  public let architecture: Architecture
  /// The scaled training rows, `[samples, features]`.
  public let trainingRows: Matrix
  /// The scaled rows whose loss is reported as the validation loss.
  public let validationRows: Matrix

  private let layers: [DenseLayout]
  private let parameters: FloatBuffer
  private let gradients: FloatBuffer
  private let optimizer: any Optimizer
  private let workspace: NetworkWorkspace
  private var shuffleGenerator: SeededGenerator
  private var order: [Int]
  /// Position in `order` of the next row to train on in this epoch.
  private var position = 0
  private var epochLossSum: Double = 0
  private var epochStartNanoseconds: UInt64 = 0

  /// Epochs finished so far.
  public private(set) var completedEpochs = 0
  /// Mini-batches trained so far, over all epochs.
  public private(set) var completedBatches = 0
  /// Rows trained on so far, over all epochs.
  public private(set) var trainedSamples = 0
  /// Seconds spent in training steps, without evaluation.
  public private(set) var trainingSeconds: Double = 0

  /// Creates a trainer with a freshly initialised model.
  ///
  /// - Parameters:
  ///   - trainingRows: scaled rows to train on, `[samples, features]`;
  ///     must not be empty.
  ///   - validationRows: scaled rows for the validation loss; may be empty.
  public convenience init(configuration: TrainingConfiguration, trainingRows: Matrix, validationRows: Matrix) {
    let architecture = configuration.architecture(inputSize: trainingRows.columns)
    self.init(
      configuration: configuration,
      model: Autoencoder(architecture: architecture, seed: configuration.seed),
      trainingRows: trainingRows, validationRows: validationRows)
  }

  /// Creates a trainer that continues from `model`'s parameters with a
  /// fresh optimizer state.
  public init(configuration: TrainingConfiguration, model: Autoencoder, trainingRows: Matrix, validationRows: Matrix) {
    precondition(trainingRows.rows > 0, "Training needs at least one row")
    precondition(
      trainingRows.columns == model.architecture.inputSize,
      "Model expects \(model.architecture.inputSize) features, training rows have \(trainingRows.columns)")
    precondition(
      validationRows.rows == 0 || validationRows.columns == trainingRows.columns,
      "Validation rows have \(validationRows.columns) features, training rows \(trainingRows.columns)")
    self.configuration = configuration
    architecture = model.architecture
    self.trainingRows = trainingRows
    self.validationRows = validationRows
    layers = architecture.layers
    parameters = FloatBuffer(model.parameters)
    gradients = FloatBuffer(count: architecture.parameterCount)
    optimizer = configuration.optimizer.makeOptimizer(parameterCount: architecture.parameterCount)
    workspace = NetworkWorkspace(
      architecture: architecture, capacity: min(configuration.batchSize, trainingRows.rows))
    shuffleGenerator = SeededGenerator.stream(seed: configuration.seed, purpose: 3)
    order = Array(0..<trainingRows.rows)
  }

  /// The model with its current parameters.
  public var model: Autoencoder {
    Autoencoder(architecture: architecture, parameters: parameters.array)
  }

  /// The step size used from the next mini-batch on.
  public var learningRate: Float {
    get { optimizer.learningRate }
    set { optimizer.learningRate = newValue }
  }

  /// Mini-batches in one epoch, counting a smaller last batch.
  public var batchesPerEpoch: Int {
    Self.batches(covering: trainingRows.rows, batchSize: configuration.batchSize)
  }

  /// Mini-batches of the current epoch already trained.
  public var batchesInCurrentEpoch: Int {
    Self.batches(covering: position, batchSize: configuration.batchSize)
  }

  /// `ceil(rows / batchSize)`, written so that it cannot overflow.
  static func batches(covering rows: Int, batchSize: Int) -> Int {
    rows / batchSize + (rows % batchSize == 0 ? 0 : 1)
  }

  /// Trains on the next mini-batch of the current epoch, starting a new
  /// epoch (with a fresh shuffle) when the previous one is complete.
  ///
  /// Returns the batch's mean squared error, and the summary of the epoch
  /// when this batch was its last. A loss that is not finite means the run
  /// has diverged; the parameters are then no longer usable.
  @discardableResult
  public func trainBatch() -> BatchOutcome {
    if position == 0 {
      shuffleGenerator.shuffle(&order)
      epochLossSum = 0
      epochStartNanoseconds = DispatchTime.now().uptimeNanoseconds
    }
    let started = DispatchTime.now().uptimeNanoseconds
    let batch = min(configuration.batchSize, order.count - position)
    let loss = step(rows: order[position..<position + batch])
    trainingSeconds += Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    position += batch
    completedBatches += 1
    trainedSamples += batch
    epochLossSum += loss * Double(batch)

    guard loss.isFinite else { return BatchOutcome(loss: loss, finishedEpoch: nil) }
    guard position == order.count else { return BatchOutcome(loss: loss, finishedEpoch: nil) }
    position = 0
    completedEpochs += 1
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - epochStartNanoseconds) / 1e9
    return BatchOutcome(loss: loss, finishedEpoch: epochSummary(seconds: seconds))
  }

  /// Trains until the current epoch is complete and returns its summary,
  /// or `nil` if the loss stopped being finite.
  public func trainEpoch() -> EpochSummary? {
    while true {
      let outcome = trainBatch()
      if !outcome.loss.isFinite { return nil }
      if let summary = outcome.finishedEpoch { return summary }
    }
  }

  /// One optimizer step on the given rows; returns their mean squared error.
  private func step(rows: ArraySlice<Int>) -> Double {
    let batch = rows.count
    let width = architecture.inputSize
    trainingRows.elements.withUnsafeBufferPointer { source in
      for (slot, row) in rows.enumerated() {
        (workspace.input.pointer + slot * width).update(from: source.baseAddress! + row * width, count: width)
      }
    }

    // Forward pass.
    workspace.forward(parameters: parameters.pointer, batch: batch)

    // Loss, and its gradient with respect to the reconstruction.
    let loss = workspace.meanSquaredErrorGradient(batch: batch)

    // Backward pass, plus the regularizer's share of the kernel gradients.
    workspace.backward(parameters: parameters.pointer, gradients: gradients.pointer, batch: batch)
    configuration.regularization.addGradient(
      parameters: parameters.pointer, gradients: gradients.pointer, layers: layers)

    // Update.
    optimizer.update(parameters: parameters.pointer, gradients: gradients.pointer, count: parameters.count)
    return loss
  }

  private func epochSummary(seconds: Double) -> EpochSummary {
    let validationLoss: Double?
    if validationRows.rows > 0 {
      let errors = model.reconstructionErrors(validationRows)
      validationLoss = errors.reduce(0) { $0 + Double($1) } / Double(errors.count)
    } else {
      validationLoss = nil
    }
    return EpochSummary(
      epoch: completedEpochs,
      trainLoss: epochLossSum / Double(order.count),
      validationLoss: validationLoss,
      regularizationLoss: configuration.regularization.penalty(parameters: parameters.pointer, layers: layers),
      seconds: seconds)
  }

  // MARK: - Access for gradient checks

  /// The parameter gradient of the mean squared error (plus the
  /// regularization penalty) on `rows`, without updating anything.
  func lossAndGradient(on rows: Matrix) -> (loss: Double, gradient: [Float]) {
    precondition(rows.rows <= workspace.capacity, "Gradient check batch too large")
    rows.elements.withUnsafeBufferPointer { source in
      workspace.input.pointer.update(from: source.baseAddress!, count: rows.elements.count)
    }
    workspace.forward(parameters: parameters.pointer, batch: rows.rows)
    let loss = workspace.meanSquaredErrorGradient(batch: rows.rows)
    workspace.backward(parameters: parameters.pointer, gradients: gradients.pointer, batch: rows.rows)
    configuration.regularization.addGradient(
      parameters: parameters.pointer, gradients: gradients.pointer, layers: layers)
    let penalty = configuration.regularization.penalty(parameters: parameters.pointer, layers: layers)
    return (loss + penalty, gradients.array)
  }
}

/// The result of one mini-batch step.
public struct BatchOutcome: Sendable {
  /// Mean squared error of the batch before the update.
  public let loss: Double
  /// The epoch's summary, when the batch completed an epoch.
  public let finishedEpoch: EpochSummary?
}

/// Losses of one finished epoch.
public struct EpochSummary: Sendable, Equatable, Codable {
  /// 1-based epoch number.
  public let epoch: Int
  /// Mean squared error over the epoch's mini-batches, weighted by their
  /// rows, each measured before its own update (as Keras reports it).
  public let trainLoss: Double
  /// Mean squared error on the validation rows after the epoch, or `nil`
  /// when there are none.
  public let validationLoss: Double?
  /// The regularization penalty after the epoch (0 without regularization).
  public let regularizationLoss: Double
  /// Wall-clock seconds the epoch's training took.
  public let seconds: Double

  /// Writes `null` for a missing validation loss instead of leaving the key out.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(epoch, forKey: .epoch)
    try container.encode(trainLoss, forKey: .trainLoss)
    try container.encode(validationLoss, forKey: .validationLoss)
    try container.encode(regularizationLoss, forKey: .regularizationLoss)
    try container.encode(seconds, forKey: .seconds)
  }
}
