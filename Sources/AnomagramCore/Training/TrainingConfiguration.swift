/// Everything that decides how a model is built and trained, apart from the
/// data: the architecture's free choices, the optimizer, the schedule and
/// the seed.
public struct TrainingConfiguration: Sendable, Equatable, Hashable, Codable {
  /// Widths of the encoder's hidden layers; the decoder mirrors them.
  public var encoderUnits: [Int]
  /// Width of the linear bottleneck.
  public var latentSize: Int
  public var hiddenActivation: Activation
  public var outputActivation: Activation
  public var optimizer: OptimizerSettings
  public var regularization: Regularization
  /// Passes over the training rows.
  public var epochs: Int
  /// Rows per mini-batch; the last batch of an epoch may be smaller.
  public var batchSize: Int
  /// Seeds initialisation and shuffling (the data split has its own seed).
  public var seed: UInt64

  public init(
    encoderUnits: [Int], latentSize: Int, hiddenActivation: Activation = .relu,
    outputActivation: Activation = .sigmoid, optimizer: OptimizerSettings,
    regularization: Regularization = .none, epochs: Int, batchSize: Int, seed: UInt64
  ) {
    self.encoderUnits = encoderUnits
    self.latentSize = latentSize
    self.hiddenActivation = hiddenActivation
    self.outputActivation = outputActivation
    self.optimizer = optimizer
    self.regularization = regularization
    self.epochs = epochs
    self.batchSize = batchSize
    self.seed = seed
  }

  /// The architecture for series of `inputSize` values.
  public func architecture(inputSize: Int) -> Architecture {
    Architecture(
      inputSize: inputSize, encoderUnits: encoderUnits, latentSize: latentSize,
      hiddenActivation: hiddenActivation, outputActivation: outputActivation)
  }

  /// The largest batch size accepted; larger values only waste memory,
  /// since a batch never contains more rows than the training set.
  public static let maximumBatchSize = 1_000_000
  /// The maximum number of epochs accepted.
  public static let maximumEpochs = 1_000_000

  /// Checks every value, returning a sentence that names the first bad one.
  public func validationFailure() -> String? {
    if let failure = architecture(inputSize: 1).validationFailure() { return failure }
    if let failure = optimizer.validationFailure() { return failure }
    if epochs < 1 || epochs > Self.maximumEpochs {
      return "Epochs must be from 1 to \(Self.maximumEpochs), got \(epochs)."
    }
    if batchSize < 1 || batchSize > Self.maximumBatchSize {
      return "The batch size must be from 1 to \(Self.maximumBatchSize), got \(batchSize)."
    }
    if !(regularization.rate >= 0) || !regularization.rate.isFinite {
      return "The regularization rate must be 0 or more, got \(regularization.rate)."
    }
    return nil
  }
}
