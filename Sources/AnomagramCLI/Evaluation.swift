import AnomagramCore
import Foundation

/// The errors, verdicts and report of one `anomagram evaluate` run.
struct Evaluation {
  let report: EvaluateReport
  /// Canonical label of each row, in file order.
  let labels: [String]
  /// Whether each row's label is abnormal.
  let isAbnormal: [Bool]
  /// Reconstruction error of each row.
  let errors: [Float]
  /// Errors above it are predicted abnormal; `nil` when no threshold is known.
  let threshold: Float?
  /// Sentences for standard error about results that are missing or limited.
  private(set) var warnings: [String]

  /// Computes every row's error and the metrics.
  ///
  /// - Parameter thresholdRule: a label rule or `fixed` to choose the
  ///   threshold on this data; `nil` uses the model's threshold.
  init(
    file: ModelFile, source: ModelSource, data: Dataset, normalLabels: [String], thresholdRule: ThresholdRule?
  ) throws {
    let normalSet = Set(normalLabels)
    let isAbnormal = data.labels.map { !normalSet.contains($0) }
    let errors = file.reconstructionErrors(data.values)
    labels = data.labels
    self.isAbnormal = isAbnormal
    self.errors = errors
    if let row = errors.firstIndex(where: \.isNaN) {
      throw CommandError(
        "The reconstruction error of row \(row + 1) of \(data.source.debugDescription) is NaN; the model cannot "
          + "score its values.")
    }

    var warnings: [String] = []
    let choice: ThresholdChoice?
    var thresholdSource = "the model's"
    if let thresholdRule {
      choice = try ThresholdChoice(rule: thresholdRule, testErrors: errors, testIsAbnormal: isAbnormal)
      thresholdSource = thresholdRule.needsLabels ? "chosen on this data" : "given"
    } else {
      choice = file.threshold
      if choice == nil {
        warnings.append("The model has no threshold, so there are no metrics or verdicts. Give one with --threshold.")
      }
    }
    threshold = choice?.value

    let roc = ROCCurve(errors: errors, isAbnormal: isAbnormal)
    if roc.auc == nil {
      warnings.append(
        "The data has \(roc.negativeCount) normal and \(roc.positiveCount) abnormal rows, so the AUC is undefined. "
          + "Check --normal-class.")
    }
    self.warnings = warnings
    report = EvaluateReport(
      model: EvaluateReport.ModelSummary(file: file, source: source),
      data: EvaluateReport.DataSummary(
        file: data.source, labels: data.labels, isAbnormal: isAbnormal, errors: errors,
        normalLabels: normalLabels.sorted(by: ClassLabel.areInIncreasingOrder)),
      auc: roc.auc,
      threshold: choice.map {
        EvaluateReport.ThresholdSummary(
          value: $0.value, rule: $0.rule.argument, description: $0.rule.name, source: thresholdSource)
      },
      metrics: choice.map {
        TrainReport.Metrics(ConfusionCounts(errors: errors, isAbnormal: isAbnormal, threshold: $0.value))
      })
  }

  /// The same evaluation with `notes` added before its warnings.
  func addingWarnings(_ notes: [String]) -> Evaluation {
    var copy = self
    copy.warnings = notes + warnings
    return copy
  }

  /// Returns the verdict of row `index`, or an empty string without a threshold.
  private func verdict(_ index: Int) -> String {
    guard let threshold else { return "" }
    return ConfusionCounts.isPredictedAbnormal(error: errors[index], threshold: threshold) ? "abnormal" : "normal"
  }

  /// Returns one line per row, `row,label,class,error,verdict`, with the row number
  /// counted from 1 in file order and the error in Swift's shortest
  /// round-tripping form.
  func samplesCSV() -> String {
    var text = "row,label,class,error,verdict\n"
    for index in errors.indices {
      let kind = isAbnormal[index] ? "abnormal" : "normal"
      text += "\(index + 1),\(csvField(labels[index])),\(kind),\(errors[index]),\(verdict(index))\n"
    }
    return text
  }

  /// Returns the rows as a JSON array of objects with the keys of `samplesCSV`; the
  /// verdict is `null` without a threshold.
  func samplesJSON() -> String {
    struct Sample: Encodable {
      let row: Int
      let label: String
      let `class`: String
      let error: Float
      let verdict: String?

      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(row, forKey: .row)
        try container.encode(label, forKey: .label)
        try container.encode(`class`, forKey: .class)
        try container.encode(error, forKey: .error)
        try container.encode(verdict, forKey: .verdict)
      }

      private enum CodingKeys: String, CodingKey {
        case row, label, `class`, error, verdict
      }
    }
    let samples = errors.indices.map { index in
      Sample(
        row: index + 1, label: labels[index], class: isAbnormal[index] ? "abnormal" : "normal", error: errors[index],
        verdict: threshold == nil ? nil : verdict(index))
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    let data = (try? encoder.encode(samples)) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Quotes a CSV field when it contains a comma, a quote or a line break (RFC 4180).
  private func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
