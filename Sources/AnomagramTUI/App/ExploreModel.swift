import AnomagramCore

/// A model and the test rows the Explore screen steps through, with their
/// reconstruction errors: the current run's model, or a pretrained one.
public struct ExploreModel: Sendable {
  public let model: Autoencoder
  /// The scaler between the data's own units and the model's inputs, or
  /// `nil` when the model takes the values as they are.
  public let scaler: MinMaxScaler?
  /// Test rows scaled for the model's input, `[testRows, featureCount]`.
  public let test: Matrix
  /// Test rows in the data's own units, `[testRows, featureCount]`.
  public let rawTest: Matrix
  /// Canonical label of each test row.
  public let testLabels: [String]
  /// Whether each test row is abnormal; unlabelled rows count as normal.
  public let testIsAbnormal: [Bool]
  /// Whether the test rows came with class labels.
  public let testIsLabelled: Bool
  /// The model's reconstruction error of each test row.
  public let testErrors: [Float]
  /// The model's reconstruction error of each training row, which the
  /// percentile and mean + standard deviation threshold rules read.
  public let trainErrors: [Float]
  /// The model's source, for people: "current run, epoch 5 of 5".
  public internal(set) var origin: String

  /// The current run's model with its newest evaluation, or `nil` before
  /// the run has evaluated a model.
  public init?(snapshot: TrainingSnapshot) {
    guard let model = snapshot.model, let evaluation = snapshot.evaluation else { return nil }
    let split = snapshot.split
    self.model = model
    scaler = split.scaler
    test = split.test
    rawTest = split.rawTest
    testLabels = split.testLabels
    testIsAbnormal = split.testIsAbnormal
    testIsLabelled = split.testIsLabelled
    testErrors = evaluation.testErrors
    trainErrors = evaluation.trainErrors
    origin = "current run, epoch \(evaluation.epoch) of \(snapshot.totalEpochs)"
  }

  /// A model loaded from elsewhere, such as a pretrained model file, with
  /// rows in the data's own units. Scales the rows with `scaler` and
  /// computes every reconstruction error, so it costs one forward pass over
  /// the training and test rows.
  ///
  /// - Parameters:
  ///   - trainRows: rows for the threshold rules that read training errors,
  ///     `[trainRows, featureCount]`, in the data's own units.
  ///   - testRows: the rows to explore, `[testRows, featureCount]`, in the
  ///     data's own units.
  public init(
    model: Autoencoder, scaler: MinMaxScaler?, trainRows: Matrix, testRows: Matrix, testLabels: [String],
    testIsAbnormal: [Bool], testIsLabelled: Bool, origin: String
  ) {
    precondition(
      testLabels.count == testRows.rows && testIsAbnormal.count == testRows.rows,
      "Got \(testRows.rows) test rows, \(testLabels.count) labels and \(testIsAbnormal.count) abnormal flags")
    let scaledTrain = scaler?.transform(trainRows) ?? trainRows
    let scaledTest = scaler?.transform(testRows) ?? testRows
    self.model = model
    self.scaler = scaler
    test = scaledTest
    rawTest = testRows
    self.testLabels = testLabels
    self.testIsAbnormal = testIsAbnormal
    self.testIsLabelled = testIsLabelled
    testErrors = ReconstructionError.perSample(input: scaledTest, reconstruction: model.reconstruct(scaledTest))
    trainErrors = scaledTrain.rows == 0 ? [] : model.reconstructionErrors(scaledTrain)
    self.origin = origin
  }

  public var sampleCount: Int { test.rows }
  public var featureCount: Int { test.columns }

  /// The labels of the test rows, each once, in `ClassLabel` order.
  public var labels: [String] {
    Set(testLabels).sorted(by: ClassLabel.areInIncreasingOrder)
  }

  /// Returns the model's reconstruction of one scaled row of
  /// `featureCount` values: a forward pass over a single row.
  public func reconstruction(of row: [Float]) -> [Float] {
    model.reconstruct(Matrix(rows: 1, columns: row.count, elements: row)).elements
  }

  /// Returns the bottleneck code of one scaled row.
  public func code(of row: [Float]) -> [Float] {
    model.encode(Matrix(rows: 1, columns: row.count, elements: row)).elements
  }

  /// Returns one scaled row in the data's own units; without a scaler the
  /// values are returned as they are.
  public func originalUnits(_ row: [Float]) -> [Float] {
    guard let scaler else { return row }
    return scaler.inverseTransform(Matrix(rows: 1, columns: row.count, elements: row)).elements
  }

  /// Returns how the model classifies test row `row` at `threshold`.
  public func outcome(ofRow row: Int, threshold: Float) -> SampleOutcome {
    SampleOutcome(isAbnormal: testIsAbnormal[row], error: testErrors[row], threshold: threshold)
  }
}

/// The result of a detector's decision on one sample against its label. The
/// positive class is abnormal, and a sample is flagged when its error is
/// strictly above the threshold, as in `ConfusionCounts`.
public enum SampleOutcome: Equatable, Sendable {
  case truePositive
  case falsePositive
  case trueNegative
  case falseNegative

  public init(isAbnormal: Bool, error: Float, threshold: Float) {
    switch (ConfusionCounts.isPredictedAbnormal(error: error, threshold: threshold), isAbnormal) {
    case (true, true): self = .truePositive
    case (true, false): self = .falsePositive
    case (false, false): self = .trueNegative
    case (false, true): self = .falseNegative
    }
  }

  /// Whether the detector's decision matches the label.
  public var isCorrect: Bool { self == .truePositive || self == .trueNegative }
  /// Whether the error is above the threshold.
  public var isFlagged: Bool { self == .truePositive || self == .falsePositive }

  /// "true positive", "false negative" and so on.
  public var name: String {
    switch self {
    case .truePositive: "true positive"
    case .falsePositive: "false positive"
    case .trueNegative: "true negative"
    case .falseNegative: "false negative"
    }
  }
}
