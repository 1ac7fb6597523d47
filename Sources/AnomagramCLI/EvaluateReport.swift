import AnomagramCore
import Foundation

/// The result of `anomagram evaluate`, printed as JSON with `--json` and as
/// a text summary otherwise. Missing values are written as `null`.
struct EvaluateReport: Encodable {
  struct ModelSummary: Encodable {
    /// `model file` or `tensorflow.js`.
    let kind: String
    let path: String
    /// Layer widths, for example `140-64-16-2-16-64-140`.
    let architecture: String
    let hiddenActivation: String
    let outputActivation: String
    let parameterCount: Int
    /// Whether the model scales its inputs; `false` means the data is used as it is.
    let hasScaler: Bool
    /// ISO 8601 time the model file was written; `null` for a TensorFlow.js folder.
    let writtenAt: String?
    /// Training rows and their FNV-1a 64 hash, when the file records them.
    let trainingRows: Int?
    let trainingDataHash: String?

    init(file: ModelFile, source: ModelSource) {
      let architecture = file.model.architecture
      switch source {
      case .modelFile: kind = "model file"
      case .tensorFlowJS: kind = "tensorflow.js"
      }
      path = source.path
      self.architecture = architecture.summary
      hiddenActivation = architecture.hiddenActivation.rawValue
      outputActivation = architecture.outputActivation.rawValue
      parameterCount = architecture.parameterCount
      hasScaler = file.scaler != nil
      if case .modelFile = source {
        writtenAt = file.writtenAt.formatted(.iso8601)
      } else {
        writtenAt = nil
      }
      trainingRows = file.trainingData?.rows
      trainingDataHash = file.trainingData?.hexadecimal
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(kind, forKey: .kind)
      try container.encode(path, forKey: .path)
      try container.encode(architecture, forKey: .architecture)
      try container.encode(hiddenActivation, forKey: .hiddenActivation)
      try container.encode(outputActivation, forKey: .outputActivation)
      try container.encode(parameterCount, forKey: .parameterCount)
      try container.encode(hasScaler, forKey: .hasScaler)
      try container.encode(writtenAt, forKey: .writtenAt)
      try container.encode(trainingRows, forKey: .trainingRows)
      try container.encode(trainingDataHash, forKey: .trainingDataHash)
    }

    private enum CodingKeys: String, CodingKey {
      case kind, path, architecture, hiddenActivation, outputActivation, parameterCount, hasScaler, writtenAt
      case trainingRows, trainingDataHash
    }
  }

  /// Rows and mean reconstruction error of one class label.
  struct ClassSummary: Encodable {
    let label: String
    let abnormal: Bool
    let rows: Int
    let meanError: Double
  }

  struct DataSummary: Encodable {
    let file: String
    let rows: Int
    let normalLabels: [String]
    let normalRows: Int
    let abnormalRows: Int
    /// One entry per label, in label order.
    let classes: [ClassSummary]

    init(file: String, labels: [String], isAbnormal: [Bool], errors: [Float], normalLabels: [String]) {
      self.file = file
      rows = labels.count
      self.normalLabels = normalLabels
      abnormalRows = isAbnormal.filter { $0 }.count
      normalRows = rows - abnormalRows
      var sums: [String: (rows: Int, errorSum: Double, abnormal: Bool)] = [:]
      for index in labels.indices {
        sums[labels[index], default: (0, 0, isAbnormal[index])].rows += 1
        sums[labels[index], default: (0, 0, isAbnormal[index])].errorSum += Double(errors[index])
      }
      classes = sums.keys.sorted(by: ClassLabel.areInIncreasingOrder).map { label in
        let entry = sums[label]!
        return ClassSummary(
          label: label, abnormal: entry.abnormal, rows: entry.rows, meanError: entry.errorSum / Double(entry.rows))
      }
    }
  }

  struct ThresholdSummary: Encodable {
    let value: Float
    /// The rule's command-line form, for example `percentile:99`.
    let rule: String
    let description: String
    /// "the model's", "chosen on this data" or "given".
    let source: String
  }

  let model: ModelSummary
  let data: DataSummary
  /// AUC of the reconstruction errors; `null` when one class is missing.
  let auc: Double?
  let threshold: ThresholdSummary?
  let metrics: TrainReport.Metrics?

  private enum CodingKeys: String, CodingKey {
    case model, data, auc, threshold, metrics
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(model, forKey: .model)
    try container.encode(data, forKey: .data)
    try container.encode(auc, forKey: .auc)
    try container.encode(threshold, forKey: .threshold)
    try container.encode(metrics, forKey: .metrics)
  }

  /// Returns the report as pretty-printed JSON with sorted keys.
  func jsonText() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    guard let data = try? encoder.encode(self) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// Returns the report as text for people.
  func summaryText() -> String {
    var lines: [String] = []
    lines.append(
      "Model \(model.path.debugDescription): \(model.architecture) (\(model.hiddenActivation) hidden, "
        + "\(model.outputActivation) output, \(Format.grouped(model.parameterCount)) parameters)"
        + (model.trainingRows.map { ", trained on \($0) rows" } ?? ""))
    lines.append(
      "Data \(data.file.debugDescription): \(data.rows) rows (\(data.normalRows) normal, labelled "
        + "\(data.normalLabels.joined(separator: " or ")); \(data.abnormalRows) abnormal)")
    lines.append("AUC: \(Format.optional(auc, 4))")
    lines.append("Mean error by class:")
    for entry in data.classes {
      lines.append(
        "  \(entry.label) (\(entry.abnormal ? "abnormal" : "normal")): \(Format.loss(entry.meanError)) over "
          + "\(entry.rows) rows")
    }
    if let threshold, let metrics {
      lines.append("")
      lines.append("Threshold \(Format.loss(Double(threshold.value))), \(threshold.source) (\(threshold.description)):")
      lines.append("  " + TrainReport.metricsLine(metrics))
      lines.append(
        "  confusion: TP \(metrics.truePositives)  FP \(metrics.falsePositives)  "
          + "TN \(metrics.trueNegatives)  FN \(metrics.falseNegatives)")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
