/// A data file that cannot be loaded, or a train/test split that cannot be made.
///
/// Line and column numbers are 1-based, and column numbers count every field
/// of the row, the label included. `columnName` is the column's name from the
/// header row, or `nil` when the file has no header.
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

  /// A row of a labelled file has a class label but no values.
  case missingValues(file: String, line: Int, label: String)
  /// Two commas with nothing between them, a comma at the start or end of a
  /// row, or an empty quoted field (`""`) where a label or value belongs.
  case emptyField(file: String, line: Int, column: Int, columnName: String? = nil)
  /// A row has a different number of columns from the first row (the header,
  /// if there is one).
  case rowLengthMismatch(file: String, line: Int, columns: Int, expectedColumns: Int, firstLine: Int)
  /// A value is not a decimal number.
  case invalidNumber(file: String, line: Int, column: Int, text: String, columnName: String? = nil)
  /// A value is NaN or infinite.
  case nonFiniteNumber(file: String, line: Int, column: Int, text: String, columnName: String? = nil)
  /// A value is a number too large in magnitude for `Float`, such as `1e39`.
  case numberOutOfRange(file: String, line: Int, column: Int, text: String, columnName: String? = nil)
  /// A quoted field has no closing quote on its line.
  case unclosedQuote(file: String, line: Int, column: Int)
  /// A quoted field's closing quote is followed by text instead of a separator.
  case textAfterClosingQuote(file: String, line: Int, column: Int)

  // MARK: - Choosing the label column

  /// The label column number is larger than the number of columns of the first row.
  case labelColumnOutOfRange(file: String, line: Int, column: Int, columnCount: Int)
  /// The label column is selected by name but the file is read without a header.
  case columnNameNeedsHeader(file: String, name: String)
  /// No header name is the label column's name. `availableNames` are the header's names.
  case columnNameNotFound(file: String, line: Int, name: String, availableNames: [String])
  /// Two header columns have the same name, so a name cannot select a column.
  case duplicateColumnName(file: String, line: Int, name: String, columns: [Int])
  /// A header column has no name, so names cannot select columns safely.
  case emptyColumnName(file: String, line: Int, column: Int)

  // MARK: - Splitting

  /// The requested number of training rows is below 1.
  case invalidTrainSize(Int)
  /// The requested number of test rows is below 1.
  case invalidTestSize(Int)
  /// The share of abnormal training rows is outside 0...0.9 or is NaN.
  case invalidAbnormalShare(Double)
  /// No row of `source` has one of the normal labels. `presentLabels` lists the labels it has.
  case normalLabelsMissing(normalLabels: [String], presentLabels: [String], source: String)
  /// Abnormal training rows were requested from unlabelled data, which has none.
  case abnormalShareNeedsLabels(abnormalShare: Double, source: String)
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
        \(quoted(file)) has no data rows. A data file needs one series per line, after the header row if it has one.
        """
    case .missingValues(let file, let line, let label):
      return """
        Line \(line) of \(quoted(file)) has the label \(shortened(label)) but no values. \
        Every row of a labelled file needs a class label and at least one value.\(semicolonAdvice(label))
        """
    case .emptyField(let file, let line, let column, let columnName):
      return """
        \(place(file, line, column, columnName)) is empty. Remove the extra comma or fill in the value.
        """
    case .rowLengthMismatch(let file, let line, let columns, let expectedColumns, let firstLine):
      return """
        Line \(line) of \(quoted(file)) has \(columns) columns, expected \(expectedColumns) as on line \(firstLine). \
        Every row of a file must have the same number of columns.
        """
    case .invalidNumber(let file, let line, let column, let text, let columnName):
      // Only a file read without header detection can fail on a header name in line 1.
      let headerAdvice = line == 1 && columnName == nil ? " If line 1 is a header row, read the file with a header." : ""
      return """
        \(place(file, line, column, columnName)) is \(shortened(text)), which is not a number. \
        Values must be decimal numbers such as 0.25 or -1.5e-3.\(headerAdvice)\(semicolonAdvice(text))
        """
    case .nonFiniteNumber(let file, let line, let column, let text, let columnName):
      return """
        \(place(file, line, column, columnName)) is \(shortened(text)), which is not a finite number. \
        Replace missing or infinite values before loading the file.
        """
    case .numberOutOfRange(let file, let line, let column, let text, let columnName):
      return """
        \(place(file, line, column, columnName)) is \(shortened(text)), which is too large for a 32-bit float \
        (the maximum magnitude is about 3.4e38). Rescale the data before loading it.
        """
    case .unclosedQuote(let file, let line, let column):
      return """
        Line \(line), column \(column) of \(quoted(file)) opens a quote that is not closed on the same line. \
        Close the quote, and write a quote inside a quoted field as two quotes (""). Fields cannot span lines.
        """
    case .textAfterClosingQuote(let file, let line, let column):
      return """
        Line \(line), column \(column) of \(quoted(file)) has text after its closing quote. \
        Put a separator after the quote, or write a quote inside a quoted field as two quotes ("").
        """
    case .labelColumnOutOfRange(let file, let line, let column, let columnCount):
      return """
        The label column \(column) does not exist: line \(line) of \(quoted(file)) has \(columnCount) \
        column\(columnCount == 1 ? "" : "s"). Choose a column from 1 to \(columnCount), first, last or none.
        """
    case .columnNameNeedsHeader(let file, let name):
      return """
        The label column is selected by the name \(quoted(name)), but \(quoted(file)) is read without a header row. \
        Read it with a header, or select the label column by number.
        """
    case .columnNameNotFound(let file, let line, let name, let availableNames):
      return """
        The header on line \(line) of \(quoted(file)) has no column named \(quoted(name)). \
        Its columns are: \(listedNames(availableNames)). \
        Names must match exactly; if the file has no header row, select the label column by number.
        """
    case .duplicateColumnName(let file, let line, let name, let columns):
      let numbers = columns.map(String.init).joined(separator: " and ")
      return """
        The header on line \(line) of \(quoted(file)) names columns \(numbers) \(shortened(name)), \
        so names cannot select the label column. Rename one of them, or select the label column by number.
        """
    case .emptyColumnName(let file, let line, let column):
      return """
        Column \(column) of the header on line \(line) of \(quoted(file)) has no name, \
        so names cannot select the label column. Name every column, or select the label column by number.
        """
    case .invalidTrainSize(let size):
      return "The training size must be at least 1, got \(size)."
    case .invalidTestSize(let size):
      return "The test size must be at least 1, got \(size)."
    case .invalidAbnormalShare(let share):
      return "The share of abnormal training rows must be between 0 and 0.9, got \(share)."
    case .normalLabelsMissing(let normalLabels, let presentLabels, let source):
      // Many distinct labels usually mean the first column holds values, not labels.
      var present = presentLabels.prefix(20).joined(separator: ", ")
      if presentLabels.count > 20 {
        present += " and \(presentLabels.count - 20) more (if the file has no labels, use --label-column none)"
      }
      if normalLabels.isEmpty {
        return "No normal label is set. Choose the normal labels from those in \(quoted(source)): \(present)."
      }
      return """
        No row of \(quoted(source)) has the normal label \(normalLabels.joined(separator: " or ")). \
        Choose the normal labels from those present: \(present).
        """
    case .abnormalShareNeedsLabels(let abnormalShare, let source):
      return """
        The share of abnormal training rows is \(abnormalShare), but \(quoted(source)) is unlabelled, \
        so it has no abnormal rows. Use an abnormal share of 0 with unlabelled data.
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

/// Names the place of a field for a message: `Line 3, column 2 ("pulse") of "beats.csv"`.
private func place(_ file: String, _ line: Int, _ column: Int, _ columnName: String?) -> String {
  let name = columnName.map { " (\(shortened($0)))" } ?? ""
  return "Line \(line), column \(column)\(name) of \(quoted(file))"
}

/// Lists header names for a message, at most 20 of them.
private func listedNames(_ names: [String]) -> String {
  let limit = 20
  let listed = names.prefix(limit).map(shortened).joined(separator: ", ")
  return names.count > limit ? listed + " and \(names.count - limit) more" : listed
}

private func hexadecimal(_ byte: UInt8) -> String {
  let digits = String(byte, radix: 16, uppercase: true)
  return "0x" + (digits.count < 2 ? "0" + digits : digits)
}

/// Returns a sentence for a field that contains a semicolon, which is not a
/// separator here, or an empty string.
public func semicolonAdvice(_ text: String) -> String {
  text.contains(";") ? " Semicolons do not separate values: use commas, tabs or spaces." : ""
}
