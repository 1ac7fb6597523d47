/// A data file that cannot be loaded, or a train/test split that cannot be made.
///
/// Line and column numbers are 1-based. Column 1 is the class label and
/// columns 2 and up are the series values.
public enum DataError: Error, CustomStringConvertible, Equatable {
  // MARK: - Reading files

  /// No file exists at `path`.
  case fileNotFound(path: String)
  /// The file exists but cannot be read. `reason` is the system's message.
  case fileUnreadable(path: String, reason: String)
  /// The file contains a NUL byte, so it is binary data rather than text.
  case nulByte(file: String, byteOffset: Int, line: Int)
  /// The bytes starting at `byteOffset` are not valid UTF-8.
  case invalidUTF8(file: String, byteOffset: Int, line: Int, byte: UInt8)
  /// The file has no rows with data, only blank lines or nothing at all.
  case noDataRows(file: String)

  // MARK: - Parsing rows

  /// A row has a class label but no values after it.
  case missingValues(file: String, line: Int, label: String)
  /// Two commas with nothing between them, or a comma at the start or end of a row.
  case emptyField(file: String, line: Int, column: Int)
  /// A row has a different number of columns from the first data row.
  case rowLengthMismatch(file: String, line: Int, columns: Int, expectedColumns: Int, firstLine: Int)
  /// A value is not a decimal number.
  case invalidNumber(file: String, line: Int, column: Int, text: String)
  /// A value is NaN or infinite.
  case nonFiniteNumber(file: String, line: Int, column: Int, text: String)
  /// A value is a number too large in magnitude for `Float`, such as `1e39`.
  case numberOutOfRange(file: String, line: Int, column: Int, text: String)

  // MARK: - Splitting

  /// The requested number of training rows is below 1.
  case invalidTrainSize(Int)
  /// The requested number of test rows is below 1.
  case invalidTestSize(Int)
  /// The share of abnormal training rows is outside 0...0.9 or is NaN.
  case invalidAbnormalShare(Double)
  /// No row of `source` has one of the normal labels. `presentLabels` lists the labels it has.
  case normalLabelsMissing(normalLabels: [String], presentLabels: [String], source: String)
  /// The training size and abnormal share leave no room for normal rows.
  case noNormalTrainingRows(trainSize: Int, abnormalShare: Double)
  /// The training and test data have series of different lengths.
  case featureCountMismatch(trainSource: String, trainFeatures: Int, testSource: String, testFeatures: Int)

  public var description: String {
    switch self {
    case .fileNotFound(let path):
      return "Data file \(quoted(path)) does not exist. Check the path."
    case .fileUnreadable(let path, let reason):
      return "Cannot read data file \(quoted(path)) (\(reason)). Check that the path names a readable file."
    case .nulByte(let file, let byteOffset, let line):
      return """
        \(quoted(file)) is not a text file, because it has a NUL byte at byte offset \(byteOffset) (line \(line)). \
        Data files must be UTF-8 text with one series per line.
        """
    case .invalidUTF8(let file, let byteOffset, let line, let byte):
      return """
        \(quoted(file)) is not valid UTF-8 text, because the byte at offset \(byteOffset) (line \(line)) \
        is \(hexadecimal(byte)) and does not start or continue a valid sequence. Save the file as UTF-8 text.
        """
    case .noDataRows(let file):
      return """
        \(quoted(file)) has no data rows. A data file needs one series per line, with the class label first.
        """
    case .missingValues(let file, let line, let label):
      return """
        Line \(line) of \(quoted(file)) has the label \(shortened(label)) but no values. \
        Every row needs a class label followed by the series values.
        """
    case .emptyField(let file, let line, let column):
      return """
        Line \(line), column \(column) of \(quoted(file)) is empty. Remove the extra comma or fill in the value.
        """
    case .rowLengthMismatch(let file, let line, let columns, let expectedColumns, let firstLine):
      return """
        Line \(line) of \(quoted(file)) has \(columns) columns, expected \(expectedColumns) as on line \(firstLine) \
        (a label and \(expectedColumns - 1) values). Every series in a file must have the same length.
        """
    case .invalidNumber(let file, let line, let column, let text):
      return """
        Line \(line), column \(column) of \(quoted(file)) is \(shortened(text)), which is not a number. \
        Values must be decimal numbers such as 0.25 or -1.5e-3, and the file must not have a header line.
        """
    case .nonFiniteNumber(let file, let line, let column, let text):
      return """
        Line \(line), column \(column) of \(quoted(file)) is \(shortened(text)), which is not a finite number. \
        Replace missing or infinite values before loading the file.
        """
    case .numberOutOfRange(let file, let line, let column, let text):
      return """
        Line \(line), column \(column) of \(quoted(file)) is \(shortened(text)), which is too large for a 32-bit float \
        (the maximum magnitude is about 3.4e38). Rescale the data before loading it.
        """
    case .invalidTrainSize(let size):
      return "The training size must be at least 1, got \(size)."
    case .invalidTestSize(let size):
      return "The test size must be at least 1, got \(size)."
    case .invalidAbnormalShare(let share):
      return "The share of abnormal training rows must be between 0 and 0.9, got \(share)."
    case .normalLabelsMissing(let normalLabels, let presentLabels, let source):
      let present = presentLabels.joined(separator: ", ")
      if normalLabels.isEmpty {
        return "No normal label is set. Choose the normal labels from those in \(quoted(source)): \(present)."
      }
      return """
        No row of \(quoted(source)) has the normal label \(normalLabels.joined(separator: " or ")). \
        Choose the normal labels from those present: \(present).
        """
    case .noNormalTrainingRows(let trainSize, let abnormalShare):
      return """
        With a training size of \(trainSize) and an abnormal share of \(abnormalShare), \
        the training set has no normal rows. \
        Raise the training size or lower the abnormal share.
        """
    case .featureCountMismatch(let trainSource, let trainFeatures, let testSource, let testFeatures):
      return """
        The training data \(quoted(trainSource)) has \(trainFeatures) values per row, \
        but the test data \(quoted(testSource)) has \(testFeatures). Use training and test files of the same data set.
        """
    }
  }
}

/// Quotes `text` for a message, escaping quotes and control characters.
private func quoted(_ text: String) -> String {
  text.debugDescription
}

/// Quotes a label or value from a file, shortened so that a giant token
/// cannot flood the status pane.
private func shortened(_ text: String) -> String {
  let limit = 60
  guard text.count > limit else { return quoted(text) }
  return quoted(String(text.prefix(limit))) + "… (\(text.utf8.count) bytes)"
}

private func hexadecimal(_ byte: UInt8) -> String {
  let digits = String(byte, radix: 16, uppercase: true)
  return "0x" + (digits.count < 2 ? "0" + digits : digits)
}
