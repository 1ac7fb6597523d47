import AnomagramCore
import Foundation

/// The result of `anomagram train`, printed as JSON with `--json` and as a
/// text summary otherwise.
public struct TrainReport: Encodable, Sendable {
  /// One epoch's losses and time, with the test set's AUC after it.
  public struct Epoch: Encodable, Sendable {
    public let summary: EpochSummary
    /// AUC on the test rows after the epoch; `null` with one class.
    public let auc: Double?

    public func encode(to encoder: any Encoder) throws {
      try summary.encode(to: encoder)
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(auc, forKey: .auc)
    }

    private enum CodingKeys: String, CodingKey {
      case auc
    }
  }

  public struct Config: Encodable, Sendable {
    public let dataFiles: [String]
    public let testDataFile: String?
    public let split: SplitConfiguration
    public let training: TrainingConfiguration
    /// Layer widths, for example `140-64-16-2-16-64-140`.
    public let architecture: String
    public let parameterCount: Int
    public let thresholdRule: String

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(dataFiles, forKey: .dataFiles)
      try container.encode(testDataFile, forKey: .testDataFile)
      try container.encode(split, forKey: .split)
      try container.encode(training, forKey: .training)
      try container.encode(architecture, forKey: .architecture)
      try container.encode(parameterCount, forKey: .parameterCount)
      try container.encode(thresholdRule, forKey: .thresholdRule)
    }

    private enum CodingKeys: String, CodingKey {
      case dataFiles, testDataFile, split, training, architecture, parameterCount, thresholdRule
    }
  }

  public struct DataSummary: Encodable, Sendable {
    public let features: Int
    public let trainRows: Int
    public let trainAbnormalRows: Int
    public let testRows: Int
    public let testNormalRows: Int
    public let testAbnormalRows: Int
    /// Test rows per class label.
    public let testClassCounts: [String: Int]
    public let warnings: [String]
  }

  public struct ThresholdReport: Encodable, Sendable {
    public let value: Float
    /// Short rule name with its parameter, for example `percentile:99`.
    public let rule: String
    public let description: String
  }

  /// Metrics at one threshold; ratios are `null` where undefined (0/0).
  public struct Metrics: Encodable, Sendable {
    public let accuracy: Double?
    public let precision: Double?
    public let recall: Double?
    public let f1: Double?
    public let falsePositiveRate: Double?
    public let falseNegativeRate: Double?
    public let truePositiveRate: Double?
    public let trueNegativeRate: Double?
    public let truePositives: Int
    public let falsePositives: Int
    public let trueNegatives: Int
    public let falseNegatives: Int

    init(_ counts: ConfusionCounts) {
      accuracy = counts.accuracy
      precision = counts.precision
      recall = counts.recall
      f1 = counts.f1
      falsePositiveRate = counts.falsePositiveRate
      falseNegativeRate = counts.falseNegativeRate
      truePositiveRate = counts.truePositiveRate
      trueNegativeRate = counts.trueNegativeRate
      truePositives = counts.truePositives
      falsePositives = counts.falsePositives
      trueNegatives = counts.trueNegatives
      falseNegatives = counts.falseNegatives
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(accuracy, forKey: .accuracy)
      try container.encode(precision, forKey: .precision)
      try container.encode(recall, forKey: .recall)
      try container.encode(f1, forKey: .f1)
      try container.encode(falsePositiveRate, forKey: .falsePositiveRate)
      try container.encode(falseNegativeRate, forKey: .falseNegativeRate)
      try container.encode(truePositiveRate, forKey: .truePositiveRate)
      try container.encode(trueNegativeRate, forKey: .trueNegativeRate)
      try container.encode(truePositives, forKey: .truePositives)
      try container.encode(falsePositives, forKey: .falsePositives)
      try container.encode(trueNegatives, forKey: .trueNegatives)
      try container.encode(falseNegatives, forKey: .falseNegatives)
    }

    private enum CodingKeys: String, CodingKey {
      case accuracy, precision, recall, f1, falsePositiveRate, falseNegativeRate, truePositiveRate
      case trueNegativeRate, truePositives, falsePositives, trueNegatives, falseNegatives
    }
  }

  /// The threshold and metrics another rule would have given.
  public struct AlternativeThreshold: Encodable, Sendable {
    public let threshold: ThresholdReport
    public let metrics: Metrics
  }

  public struct Collapse: Encodable, Sendable {
    public let inputSpread: Double
    public let outputSpread: Double
    public let ratio: Double?
    public let collapsed: Bool

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(inputSpread, forKey: .inputSpread)
      try container.encode(outputSpread, forKey: .outputSpread)
      try container.encode(ratio, forKey: .ratio)
      try container.encode(collapsed, forKey: .collapsed)
    }

    private enum CodingKeys: String, CodingKey {
      case inputSpread, outputSpread, ratio, collapsed
    }
  }

  public struct Timing: Encodable, Sendable {
    /// Seconds spent in training steps, without evaluation.
    public let trainSeconds: Double
    /// Training rows processed per second of `trainSeconds`.
    public let samplesPerSecond: Double
    /// Seconds from the start of the command to the report, loading included.
    public let totalSeconds: Double
  }

  public let config: Config
  public let data: DataSummary
  /// `finished` or `diverged`.
  public let status: String
  public let failureReason: String?
  public let epochs: [Epoch]
  /// AUC of the autoencoder on the test rows; `null` with one class.
  public let auc: Double?
  /// AUC of a PCA reconstruction with as many components as the bottleneck.
  public let baselineAUC: Double?
  public let baselineComponents: Int
  public let threshold: ThresholdReport?
  public let metrics: Metrics?
  public let alternativeThresholds: [AlternativeThreshold]
  public let collapse: Collapse?
  public let timing: Timing

  private enum CodingKeys: String, CodingKey {
    case config, data, status, failureReason, epochs, auc, baselineAUC, baselineComponents, threshold, metrics
    case alternativeThresholds, collapse, timing
  }

  /// Writes `null` for missing values instead of leaving the keys out, so
  /// that scripts find every key in every report.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(config, forKey: .config)
    try container.encode(data, forKey: .data)
    try container.encode(status, forKey: .status)
    try container.encode(failureReason, forKey: .failureReason)
    try container.encode(epochs, forKey: .epochs)
    try container.encode(auc, forKey: .auc)
    try container.encode(baselineAUC, forKey: .baselineAUC)
    try container.encode(baselineComponents, forKey: .baselineComponents)
    try container.encode(threshold, forKey: .threshold)
    try container.encode(metrics, forKey: .metrics)
    try container.encode(alternativeThresholds, forKey: .alternativeThresholds)
    try container.encode(collapse, forKey: .collapse)
    try container.encode(timing, forKey: .timing)
  }

  /// The report as pretty-printed JSON with sorted keys.
  public func jsonText() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    guard let data = try? encoder.encode(self) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }
}
