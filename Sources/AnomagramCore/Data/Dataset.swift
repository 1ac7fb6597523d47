import Foundation

/// Labelled series as read from a data file: one row per series.
public struct Dataset: Sendable, Equatable {
  /// The series, `[samples, features]`, in the file's own units.
  public var values: Matrix
  /// The class label of each row, in canonical form (see `ClassLabel`).
  public var labels: [String]
  /// Where the rows came from, for messages (a file name or a list of them).
  public var source: String

  public init(values: Matrix, labels: [String], source: String) {
    precondition(
      labels.count == values.rows,
      "Dataset has \(values.rows) rows but \(labels.count) labels")
    self.values = values
    self.labels = labels
    self.source = source
  }

  public var sampleCount: Int { values.rows }
  public var featureCount: Int { values.columns }

  /// The rows of both data sets, this one's first; both must have the same
  /// number of features.
  public func appending(_ other: Dataset) -> Dataset {
    precondition(
      other.featureCount == featureCount,
      "Cannot join data sets with \(featureCount) and \(other.featureCount) features")
    var joined = values
    joined.elements.append(contentsOf: other.values.elements)
    return Dataset(
      values: Matrix(rows: values.rows + other.values.rows, columns: featureCount, elements: joined.elements),
      labels: labels + other.labels,
      source: "\(source) + \(other.source)")
  }
}

/// Canonical text of class labels, so that `1`, `1.0` and `1.0000000e+00`
/// name the same class.
public enum ClassLabel {
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
