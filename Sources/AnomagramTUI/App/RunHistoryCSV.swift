import AnomagramCore
import Foundation

/// The run history as CSV text (RFC 4180): a header row, then one row per
/// run, oldest first, with `\n` line ends.
///
/// A field that contains a comma, a quote or a line break is quoted, with
/// each quote inside doubled. A missing value (no AUC, no validation loss)
/// is an empty field. Numbers use Swift's shortest text that reads back as
/// the same value; NaN and infinities are `nan`, `inf` and `-inf`.
public enum RunHistoryCSV {
  /// The header row's column names, in order.
  public static let columns = [
    "run", "started", "data", "architecture", "hidden_activation", "optimizer", "learning_rate", "batch_size",
    "seed", "epochs_run", "epochs_planned", "train_loss", "validation_loss", "auc", "pca_auc", "threshold",
    "threshold_rule", "training_seconds", "status",
  ]

  /// Returns the CSV text of `records`, with start times in ISO 8601 in `timeZone`.
  public static func text(_ records: [RunRecord], timeZone: TimeZone) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = timeZone
    var lines = [columns.joined(separator: ",")]
    for record in records {
      lines.append(fields(of: record, formatter: formatter).map(quotedIfNeeded).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func fields(of record: RunRecord, formatter: ISO8601DateFormatter) -> [String] {
    [
      String(record.number),
      record.startedAt.map { formatter.string(from: $0) } ?? "",
      record.data,
      record.architecture,
      record.hiddenActivation.rawValue,
      record.optimizer.rawValue,
      String(describing: record.learningRate),
      String(record.batchSize),
      String(record.seed),
      String(record.epochsRun),
      String(record.epochsPlanned),
      number(record.trainingLoss),
      number(record.validationLoss),
      number(record.auc),
      number(record.baselineAUC),
      record.threshold.map { String(describing: $0.value) } ?? "",
      record.threshold?.rule.argument ?? "",
      String(format: "%.3f", record.trainingSeconds),
      record.status.rawValue,
    ]
  }

  private static func number(_ value: Double?) -> String {
    value.map { String(describing: $0) } ?? ""
  }

  /// Returns `field` quoted when it contains a separator, a quote or a line break.
  static func quotedIfNeeded(_ field: String) -> String {
    // Bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
    guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 })
    else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
