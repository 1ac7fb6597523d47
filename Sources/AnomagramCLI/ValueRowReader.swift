import AnomagramCore
import CFloatParsing

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
/// Otherwise runs of spaces and tabs separate them. A field may be wrapped in
/// double quotes. A `\r` before the line feed is dropped. With `header`
/// `.detect`, the first non-blank line is a header and is skipped when none
/// of its fields is a number and none contains a semicolon. `.present`
/// always skips it, and `.absent` never does. Any other line must hold
/// exactly `featureCount` finite numbers.
struct ValueRowReader {
  let featureCount: Int
  /// The input's name for messages: a quoted path or "standard input".
  let source: String
  let header: HeaderMode

  private var pending: [UInt8] = []
  private var lineNumber = 0
  private var sawFirstLine = false

  init(featureCount: Int, source: String, header: HeaderMode = .detect) {
    self.featureCount = featureCount
    self.source = source
    self.header = header
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
  ///
  /// Works on the bytes and parses numbers with the locale-independent C
  /// parser the data files use, which is several times faster than making a
  /// `String` of every field.
  private mutating func parseLine(_ line: ArraySlice<UInt8>) throws(CommandError) -> [Float]? {
    var bytes = line
    // A UTF-8 byte-order mark may start the input, as editors on Windows write it.
    if lineNumber == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    guard String(validating: bytes, as: UTF8.self) != nil else {
      throw CommandError("Line \(lineNumber) of \(source) is not valid UTF-8 text. Save the input as UTF-8.")
    }
    let fields = splitFields(bytes)
    guard !fields.isEmpty else { return nil }
    let isFirstLine = !sawFirstLine
    sawFirstLine = true

    if isFirstLine && header == .present {
      return nil
    }
    let numbers = fields.map(Self.parseNumber)
    if isFirstLine && header == .detect && numbers.allSatisfy({ $0 == nil })
      && fields.allSatisfy({ !$0.isEmpty && !$0.contains(UInt8(ascii: ";")) })
    {
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

  /// The number a field spells, or `nil` when it is not one. Out-of-range
  /// numbers come back infinite, so that the caller reports them.
  private static func parseNumber(_ field: ArraySlice<UInt8>) -> Float? {
    guard !field.isEmpty else { return nil }
    var value: Float = 0
    let status = field.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { anomagram_parse_float($0.baseAddress!, $0.count, &value) }
    }
    switch status {
    case anomagram_parse_ok: return value
    case anomagram_parse_overflow: return .infinity
    default: return nil
    }
  }

  private func checkedValue(_ field: ArraySlice<UInt8>, _ number: Float?, column: Int) throws(CommandError) -> Float {
    let place = "Line \(lineNumber), column \(column) of \(source)"
    let text = String(decoding: field.prefix(60), as: UTF8.self)
    if field.isEmpty {
      throw CommandError("\(place) is empty. Remove the extra comma or fill in the value.")
    }
    guard let number else {
      throw CommandError(
        "\(place) is \(text.debugDescription), which is not a number. Rows must hold only values, without a label."
          + semicolonAdvice(text))
    }
    guard number.isFinite else {
      throw CommandError(
        "\(place) is \(text.debugDescription), which is not a finite 32-bit float. Replace missing, infinite or "
          + "very large values.")
    }
    return number
  }

  /// Returns the fields of a line: comma-separated when it has a comma,
  /// otherwise separated by runs of blanks. The list is empty for a blank line.
  private func splitFields(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
    let comma = UInt8(ascii: ",")
    let fields =
      line.contains(comma)
      ? line.split(separator: comma, omittingEmptySubsequences: false).map(Self.trimmingBlanks)
      : line.split(whereSeparator: Self.isBlank)
    return fields.map(Self.unquoted)
  }

  /// Removes one pair of double quotes around a field.
  private static func unquoted(_ field: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    let quote = UInt8(ascii: "\"")
    guard field.count >= 2, field.first == quote, field.last == quote else { return field }
    return field.dropFirst().dropLast()
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
  }

  private static func trimmingBlanks(_ field: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var start = field.startIndex
    var end = field.endIndex
    while start < end && isBlank(field[start]) { start += 1 }
    while end > start && isBlank(field[end - 1]) { end -= 1 }
    return field[start..<end]
  }
}
