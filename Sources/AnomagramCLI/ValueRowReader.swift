/// One row of values read by `ValueRowReader`, with its line number (1-based).
struct ValueRow: Equatable {
  let line: Int
  let values: [Float]
}

/// Splits text that arrives in chunks into rows of values without labels,
/// for `anomagram score`.
///
/// Each non-blank line is one row. When a line contains a comma, commas
/// separate its fields, and spaces or tabs around a field are ignored.
/// Otherwise runs of spaces and tabs separate them. A `\r` before the line feed is
/// dropped. The first non-blank line is a header, and is skipped, when none
/// of its fields is a number; any other line must hold exactly
/// `featureCount` finite numbers.
struct ValueRowReader {
  let featureCount: Int
  /// The input's name for messages: a quoted path or "standard input".
  let source: String

  private var pending: [UInt8] = []
  private var lineNumber = 0
  private var sawFirstLine = false

  init(featureCount: Int, source: String) {
    self.featureCount = featureCount
    self.source = source
  }

  /// Parses the lines that `chunk` completes. Returns the rows read and,
  /// when a line is invalid, the error for it; the rows before that line are
  /// still returned.
  mutating func rows(adding chunk: [UInt8]) -> (rows: [ValueRow], error: CommandError?) {
    pending += chunk
    guard let lastNewline = pending.lastIndex(of: UInt8(ascii: "\n")) else { return ([], nil) }
    let complete = pending[...lastNewline]
    pending = Array(pending[(lastNewline + 1)...])
    return parseLines(complete.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast())
  }

  /// Parses a last line without a line feed at the end of the input.
  mutating func finish() -> (rows: [ValueRow], error: CommandError?) {
    guard !pending.isEmpty else { return ([], nil) }
    defer { pending = [] }
    return parseLines([pending[...]])
  }

  private mutating func parseLines(_ lines: some Sequence<ArraySlice<UInt8>>) -> (rows: [ValueRow], error: CommandError?) {
    var rows: [ValueRow] = []
    for var line in lines {
      lineNumber += 1
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      do {
        if let values = try parseLine(line) {
          rows.append(ValueRow(line: lineNumber, values: values))
        }
      } catch {
        return (rows, error)
      }
    }
    return (rows, nil)
  }

  /// Returns the values of one line, or `nil` for a blank line or the header.
  private mutating func parseLine(_ bytes: ArraySlice<UInt8>) throws(CommandError) -> [Float]? {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw CommandError("Line \(lineNumber) of \(source) is not valid UTF-8 text. Save the input as UTF-8.")
    }
    let fields = splitFields(text)
    guard !fields.isEmpty else { return nil }
    let isFirstLine = !sawFirstLine
    sawFirstLine = true

    let numbers = fields.map { Float($0) }
    if isFirstLine && numbers.allSatisfy({ $0 == nil }) && fields.allSatisfy({ !$0.isEmpty }) {
      return nil
    }
    var values: [Float] = []
    values.reserveCapacity(fields.count)
    for (index, (field, number)) in zip(fields, numbers).enumerated() {
      values.append(try checkedValue(field, number, column: index + 1))
    }
    guard values.count == featureCount else {
      throw CommandError(
        "Line \(lineNumber) of \(source) has \(values.count) values, expected \(featureCount), the number of values "
          + "per row the model takes.")
    }
    return values
  }

  private func checkedValue(_ field: Substring, _ number: Float?, column: Int) throws(CommandError) -> Float {
    let place = "Line \(lineNumber), column \(column) of \(source)"
    if field.isEmpty {
      throw CommandError("\(place) is empty. Remove the extra comma or fill in the value.")
    }
    guard let number else {
      throw CommandError(
        "\(place) is \(String(field.prefix(60)).debugDescription), which is not a number. Rows must hold only values, "
          + "without a label.")
    }
    guard number.isFinite else {
      throw CommandError(
        "\(place) is \(String(field.prefix(60)).debugDescription), which is not a finite 32-bit float. Replace "
          + "missing, infinite or very large values.")
    }
    return number
  }

  /// Returns the fields of a line: comma-separated when it has a comma,
  /// otherwise separated by runs of blanks. The list is empty for a blank line.
  private func splitFields(_ line: String) -> [Substring] {
    if line.contains(",") {
      return line.split(separator: ",", omittingEmptySubsequences: false).map(Self.trimmingBlanks)
    }
    return line.split(whereSeparator: Self.isBlank)
  }

  private static func isBlank(_ character: Character) -> Bool {
    character == " " || character == "\t"
  }

  private static func trimmingBlanks(_ field: Substring) -> Substring {
    var start = field.startIndex
    var end = field.endIndex
    while start < end && isBlank(field[start]) { start = field.index(after: start) }
    while end > start && isBlank(field[field.index(before: end)]) { end = field.index(before: end) }
    return field[start..<end]
  }
}
