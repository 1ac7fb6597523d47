import Foundation

/// Series as read from a data file: one row per series, with a class label
/// per row unless the file is unlabelled.
public struct Dataset: Sendable, Equatable {
  /// The series, `[samples, features]`, in the file's own units.
  public var values: Matrix
  /// The class label of each row, in canonical form (see `ClassLabel`). Every
  /// row of an unlabelled data set has the label `ClassLabel.unlabelled`.
  public var labels: [String]
  /// Where the rows came from, for messages (a file name or a list of them).
  public var source: String
  /// Whether the rows have class labels. Unlabelled rows all count as normal
  /// when a `DataSplit` draws from them.
  public var isLabelled: Bool
  /// The names of the value columns from the file's header row, one per
  /// feature, or `nil` when the file has no header.
  public var columnNames: [String]?
  /// The header name of the label column, or `nil` without a header or a label.
  public var labelName: String?

  /// Creates a labelled data set.
  public init(
    values: Matrix, labels: [String], source: String, columnNames: [String]? = nil, labelName: String? = nil
  ) {
    precondition(
      labels.count == values.rows,
      "Dataset has \(values.rows) rows but \(labels.count) labels")
    Self.checkColumnNames(columnNames, values: values)
    self.values = values
    self.labels = labels
    self.source = source
    self.isLabelled = true
    self.columnNames = columnNames
    self.labelName = labelName
  }

  /// Creates an unlabelled data set, whose rows all get the label `ClassLabel.unlabelled`.
  public init(unlabelled values: Matrix, source: String, columnNames: [String]? = nil) {
    Self.checkColumnNames(columnNames, values: values)
    self.values = values
    self.labels = Array(repeating: ClassLabel.unlabelled, count: values.rows)
    self.source = source
    self.isLabelled = false
    self.columnNames = columnNames
    self.labelName = nil
  }

  private static func checkColumnNames(_ columnNames: [String]?, values: Matrix) {
    guard let columnNames else { return }
    precondition(
      columnNames.count == values.columns,
      "Dataset has \(values.columns) features but \(columnNames.count) column names")
  }

  public var sampleCount: Int { values.rows }
  public var featureCount: Int { values.columns }

  /// Returns the rows of both data sets, this one's first. Both must have the
  /// same number of features and both be labelled or both unlabelled. The
  /// column names and label name are kept where both data sets agree on them.
  public func appending(_ other: Dataset) -> Dataset {
    precondition(
      other.featureCount == featureCount,
      "Cannot join data sets with \(featureCount) and \(other.featureCount) features")
    precondition(
      other.isLabelled == isLabelled,
      "Cannot join a labelled and an unlabelled data set (\(source) and \(other.source))")
    var elements = values.elements
    elements.append(contentsOf: other.values.elements)
    var joined = self
    joined.values = Matrix(rows: values.rows + other.values.rows, columns: featureCount, elements: elements)
    joined.labels += other.labels
    joined.source = "\(source) + \(other.source)"
    joined.columnNames = columnNames == other.columnNames ? columnNames : nil
    joined.labelName = labelName == other.labelName ? labelName : nil
    return joined
  }
}

/// Canonical text of class labels, so that `1`, `1.0` and `1.0000000e+00`
/// name the same class.
public enum ClassLabel {
  /// The label of every row of an unlabelled data set.
  ///
  /// A labelled file may use the same text as a real class, so code finds
  /// unlabelled rows by `Dataset.isLabelled`, never by this label.
  public static let unlabelled = "unlabelled"

  /// Returns the canonical form of a label token: an integral number is
  /// written as an integer (`"1"`), any other number as Swift prints the
  /// `Double`, and text other than a number is kept as it is, trimmed.
  public static func canonical(_ token: String) -> String {
    let trimmed = token.trimmingCharacters(in: .whitespaces)
    guard let number = Double(trimmed), number.isFinite else { return trimmed }
    if number == number.rounded(), abs(number) < 1e15 {
      return String(Int64(number))
    }
    return String(number)
  }

  /// Orders labels for display: numeric labels first, by value (so `"2"`
  /// comes before `"10"`), then other text in `String` order.
  ///
  /// Use it as `labels.sorted(by: ClassLabel.areInIncreasingOrder)`.
  public static func areInIncreasingOrder(_ first: String, _ second: String) -> Bool {
    // NaN and infinity count as text, because NaN would break the ordering.
    let firstNumber = Double(first).flatMap { $0.isFinite ? $0 : nil }
    let secondNumber = Double(second).flatMap { $0.isFinite ? $0 : nil }
    switch (firstNumber, secondNumber) {
    case (let firstNumber?, let secondNumber?) where firstNumber != secondNumber:
      return firstNumber < secondNumber
    case (.some, nil):
      return true
    case (nil, .some):
      return false
    default:
      return first < second
    }
  }
}
