import Foundation

/// A trained or imported autoencoder with everything needed to score new
/// data: the scaler, the threshold and the normal labels, plus how it was
/// trained and a fingerprint of its training rows.
///
/// On disk it is one self-contained JSON file (format `anomagram-model`,
/// version 1); `docs/file-formats.md` describes every field. Weights are
/// stored as base64 of their little-endian float32 bytes and other numbers as
/// Swift's shortest round-tripping decimal text, so saving and loading gives
/// back the same `Float` values bit for bit.
public struct ModelFile: Sendable, Equatable {
  /// The value of the `format` field.
  public static let formatName = "anomagram-model"
  /// The format version this program writes and the newest it reads.
  public static let currentVersion = 1
  /// The value of the `weightEncoding` field.
  static let weightEncoding = "float32-le-base64"

  /// The architecture and all its parameters.
  public var model: Autoencoder
  /// The min-max scaler fitted on the training rows, or `nil` when the model
  /// takes its inputs as they are (an imported model without a scaler).
  public var scaler: MinMaxScaler?
  /// The anomaly threshold and its rule, or `nil` when none is known.
  public var threshold: ThresholdChoice?
  /// The labels that count as normal, in canonical form and display order.
  public var normalLabels: [String]
  /// The training settings, or `nil` for an imported model.
  public var training: TrainingConfiguration?
  /// The settings that drew the training and test rows, or `nil` for an imported model.
  public var split: SplitConfiguration?
  /// A hash of the scaled training rows and their labels, or `nil` for an imported model.
  public var trainingData: DataFingerprint?
  /// When the file was written, to the second.
  public var writtenAt: Date

  /// Creates a model file's contents.
  ///
  /// `scaler` must have one range per input of the model, and
  /// `writtenAt` is rounded down to the second, because the file stores
  /// whole seconds.
  public init(
    model: Autoencoder, scaler: MinMaxScaler?, threshold: ThresholdChoice?, normalLabels: [String],
    training: TrainingConfiguration? = nil, split: SplitConfiguration? = nil,
    trainingData: DataFingerprint? = nil, writtenAt: Date = Date()
  ) {
    if let scaler {
      precondition(
        scaler.featureCount == model.architecture.inputSize,
        "The scaler has \(scaler.featureCount) features but the model takes \(model.architecture.inputSize)")
    }
    self.model = model
    self.scaler = scaler
    self.threshold = threshold
    self.normalLabels = normalLabels.map(ClassLabel.canonical).sorted(by: ClassLabel.areInIncreasingOrder)
    self.training = training
    self.split = split
    self.trainingData = trainingData
    self.writtenAt = Date(timeIntervalSince1970: writtenAt.timeIntervalSince1970.rounded(.down))
  }

  /// Creates the file's contents for a model trained on `split`.
  ///
  /// The fingerprint covers the split's scaled training rows and labels, the
  /// rows the model learned from.
  public init(
    trainedModel model: Autoencoder, split: DataSplit, splitConfiguration: SplitConfiguration,
    training: TrainingConfiguration, threshold: ThresholdChoice, writtenAt: Date = Date()
  ) {
    self.init(
      model: model, scaler: split.scaler, threshold: threshold,
      normalLabels: Array(splitConfiguration.normalLabels), training: training, split: splitConfiguration,
      trainingData: DataFingerprint(values: split.train, labels: split.trainLabels), writtenAt: writtenAt)
  }

  /// The number of values in each row the model takes.
  public var featureCount: Int { model.architecture.inputSize }

  // MARK: - Scoring

  /// Scales `data`, `[samples, featureCount]`, in the file's own units, for
  /// the model; data is returned unchanged when there is no scaler.
  public func scaled(_ data: Matrix) -> Matrix {
    scaler?.transform(data) ?? data
  }

  /// Returns the mean squared reconstruction error of each row of `data`,
  /// which is in the file's own units and is scaled first.
  ///
  /// Each row goes through the model on its own. The batched forward pass
  /// (`Autoencoder.reconstruct`) can round the last bits of a row's output
  /// differently depending on how many rows share its batch, because BLAS
  /// picks different kernels for different row counts. One row at a time
  /// makes a row's error independent of its neighbours, so `score` gives
  /// the same output however its input is split into chunks, and `evaluate`
  /// agrees with it.
  ///
  /// NOTE: for that reason an error here can differ in the last bits from the
  /// one `anomagram train` reports for the same test row.
  public func reconstructionErrors(_ data: Matrix) -> [Float] {
    let input = scaled(data)
    return (0..<input.rows).map { row in
      let single = input.selectingRows(CollectionOfOne(row))
      return ReconstructionError.perSample(input: single, reconstruction: model.reconstruct(single))[0]
    }
  }

  // MARK: - Files

  /// Writes the model to `path` atomically: an existing file is replaced
  /// only once the new one is complete.
  ///
  /// - Throws: `PersistenceError.writeFailed` when the file cannot be
  ///   written, when a parameter or the threshold is NaN or infinite, or when
  ///   the threshold is negative, because such a file could not be loaded
  ///   again. Also `notARegularFile` and `writeProtected` when
  ///   `AtomicFile.write` throws them.
  public func save(to path: String) throws(PersistenceError) {
    if let index = model.parameters.firstIndex(where: { !$0.isFinite }) {
      throw .writeFailed(
        path: path,
        reason: "parameter \(index) of the model is \(model.parameters[index]); a model file contains only finite values")
    }
    if let threshold, !threshold.value.isFinite {
      throw .writeFailed(path: path, reason: "the threshold is \(threshold.value); a model file contains only finite values")
    }
    if let threshold, threshold.value < 0 {
      throw .writeFailed(
        path: path,
        reason: "the threshold is \(threshold.value), but reconstruction errors are never negative, so a model file "
          + "contains only thresholds of 0 or more")
    }
    try AtomicFile.write(jsonValue().formatted(), to: path)
  }

  /// Reads and checks the model file at `path`.
  ///
  /// - Throws: `PersistenceError` naming the file and, for a damaged file,
  ///   the field at fault and what was expected there.
  public static func load(from path: String) throws(PersistenceError) -> ModelFile {
    try decode(AtomicFile.read(path), path: path)
  }
}
