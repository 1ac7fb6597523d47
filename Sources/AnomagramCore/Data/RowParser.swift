import CFloatParsing
import Foundation

/// Turns the lines of one file into a `Dataset`, working on the bytes in place.
///
/// The first non-blank row sets the layout: the field separators, the
/// number of columns, the label column and whether that row is a header.
/// Every later row is read with the same layout.
struct RowParser {
  let bytes: UnsafeBufferPointer<UInt8>
  let source: String
  let format: DataFileFormat
  private var scanner: FieldScanner

  private var values: [Float] = []
  private var labels: [String] = []
  /// Canonical form of each label text seen so far, because files repeat a few labels.
  private var canonicalLabels: [String: String] = [:]

  /// Fields per row, label included, as in the first row.
  private var columnCount = 0
  /// Line number of the first row, which sets `columnCount`.
  private var firstLine = 0
  /// Bytes of the first row, without its line end.
  private var firstRowRange = 0..<0
  /// 1-based column of the label, or 0 when the rows are unlabelled.
  private var labelColumn = 0
  /// Names of all columns, label included, when the first row is a header.
  private var header: [String]?

  init(bytes: UnsafeBufferPointer<UInt8>, source: String, format: DataFileFormat) {
    self.bytes = bytes
    self.source = source
    self.format = format
    self.scanner = FieldScanner(bytes: bytes, source: source)
  }

  mutating func parseAllLines() throws(DataError) -> Dataset {
    var lines = LineCursor(bytes: bytes)
    guard let first = nextNonBlankLine(&lines) else {
      throw .noDataRows(file: source)
    }

    try readLayout(first.range, line: first.line)
    if header == nil {
      try parseRow(first.range, line: first.line)
    }
    while let next = lines.next() {
      try parseRow(next.range, line: next.line)
    }

    if format.header == .detect && header == nil && firstRowNamesNumberedColumns() {
      try takeFirstRowAsHeader()
    }
    guard !labels.isEmpty else {
      throw .noDataRows(file: source)
    }
    return makeDataset()
  }

  private func nextNonBlankLine(_ lines: inout LineCursor) -> (range: Range<Int>, line: Int)? {
    while let next = lines.next() {
      if scanner.skippingBlanks(from: next.range.lowerBound, to: next.range.upperBound) < next.range.upperBound {
        return next
      }
    }
    return nil
  }

  // MARK: - Layout

  /// Reads the first row's fields and sets the separators, the column
  /// count, the label column and the header.
  private mutating func readLayout(_ range: Range<Int>, line: Int) throws(DataError) {
    var fields = try scanner.fields(in: range, line: line)
    if scanner.hasCommaSeparator(fields) {
      scanner.separators = .comma
      fields = try scanner.fields(in: range, line: line)
    }
    columnCount = fields.count
    firstLine = line
    firstRowRange = range

    let isHeader: Bool
    switch format.labelColumn {
    case .name(let name):
      guard format.header != .absent else {
        throw .columnNameNeedsHeader(file: source, name: name)
      }
      let names = fields.map(scanner.text)
      labelColumn = try columnNumber(named: name, in: names, line: line)
      isHeader = true
    case .first, .last, .number, .unlabelled:
      labelColumn = try columnNumber(of: format.labelColumn, line: line)
      isHeader =
        switch format.header {
        case .present: true
        case .absent: false
        case .detect: fields.indices.contains { $0 + 1 != labelColumn && isText(fields[$0]) }
        }
    }

    if isHeader {
      header = fields.map(scanner.text)
    }
    if labelColumn != 0 && columnCount == 1 {
      let text = scanner.text(fields[0])
      throw .missingValues(file: source, line: line, label: isHeader ? text : ClassLabel.canonical(text))
    }
  }

  /// Returns the 1-based column that `labelColumn` selects in the first
  /// row, or 0 for `.unlabelled`.
  private func columnNumber(of labelColumn: LabelColumn, line: Int) throws(DataError) -> Int {
    switch labelColumn {
    case .first: return 1
    case .last: return columnCount
    case .unlabelled: return 0
    case .number(let number):
      guard (1...columnCount).contains(number) else {
        throw .labelColumnOutOfRange(file: source, line: line, column: number, columnCount: columnCount)
      }
      return number
    case .name(let name):
      preconditionFailure("Column \(name) must be looked up in the header")
    }
  }

  /// Returns the 1-based column of the header field `name`.
  ///
  /// Selecting by name needs every name to be present and unique, so that
  /// the name picks exactly one column.
  private func columnNumber(named name: String, in names: [String], line: Int) throws(DataError) -> Int {
    guard let index = names.firstIndex(of: name) else {
      throw .columnNameNotFound(file: source, line: line, name: name, availableNames: names)
    }
    if let empty = names.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
      throw .emptyColumnName(file: source, line: line, column: empty + 1)
    }
    var firstColumn: [String: Int] = [:]
    for (offset, candidate) in names.enumerated() {
      if let earlier = firstColumn[candidate] {
        throw .duplicateColumnName(file: source, line: line, name: candidate, columns: [earlier, offset + 1])
      }
      firstColumn[candidate] = offset + 1
    }
    return index + 1
  }

  /// Returns whether a field of the first row is a name rather than a
  /// number. An empty field is neither, so it does not make a header.
  private func isText(_ field: FieldBounds) -> Bool {
    guard !field.content.isEmpty else { return false }
    if field.hasDoubledQuotes { return true }
    var value: Float = 0
    return parseFloat(field.content, into: &value) == anomagram_parse_invalid
  }

  // MARK: - Data rows

  /// Parses one line without its line end. A line of only blanks is skipped.
  private mutating func parseRow(_ range: Range<Int>, line: Int) throws(DataError) {
    var position = scanner.skippingBlanks(from: range.lowerBound, to: range.upperBound)
    if position == range.upperBound {
      return
    }
    if labels.isEmpty {
      reserveCapacity(firstLineLength: range.count)
    }

    var label = ClassLabel.unlabelled
    var column = 0
    do throws(DataError) {
      while true {
        column += 1
        if column > columnCount {
          break
        }
        let field = try scanner.field(at: position, end: range.upperBound, line: line, column: column)
        if column == labelColumn {
          label = try canonicalLabel(field, line: line, column: column)
        } else {
          values.append(try number(field, line: line, column: column))
        }
        guard let next = try scanner.nextFieldStart(after: field.end, end: range.upperBound, line: line, column: column)
        else { break }
        position = next
      }
    } catch {
      // A row of the wrong length often fails on a field first, for example
      // when its label lands in a value column, so its length is the better
      // message.
      throw rowLengthError(range, line: line) ?? error
    }
    if column != columnCount {
      throw rowLengthError(range, line: line)
        ?? .rowLengthMismatch(
          file: source, line: line, columns: column, expectedColumns: columnCount, firstLine: firstLine)
    }
    labels.append(label)
  }

  /// Returns the error for a row whose field count differs from the first
  /// row's, `nil` if the count is right, or the error of a malformed quoted
  /// field that keeps the fields from being counted.
  private func rowLengthError(_ range: Range<Int>, line: Int) -> DataError? {
    let fields: [FieldBounds]
    do {
      fields = try scanner.fields(in: range, line: line)
    } catch {
      return error
    }
    guard fields.count != columnCount else {
      return nil
    }
    if fields.count == 1 && labelColumn == 1 {
      return .missingValues(file: source, line: line, label: ClassLabel.canonical(scanner.text(fields[0])))
    }
    return .rowLengthMismatch(
      file: source, line: line, columns: fields.count, expectedColumns: columnCount, firstLine: firstLine)
  }

  /// Reserves room for the whole file, estimating the row count from the
  /// length of the first data line, so that appending does not copy 7 MB
  /// files several times over.
  private mutating func reserveCapacity(firstLineLength: Int) {
    let estimatedRows = bytes.count / max(firstLineLength, 1) + 1
    values.reserveCapacity(estimatedRows * featureCount)
    labels.reserveCapacity(estimatedRows)
  }

  private var featureCount: Int {
    labelColumn == 0 ? columnCount : columnCount - 1
  }

  private mutating func canonicalLabel(_ field: FieldBounds, line: Int, column: Int) throws(DataError) -> String {
    let text = scanner.text(field)
    if let known = canonicalLabels[text] {
      return known
    }
    let canonical = ClassLabel.canonical(text)
    guard !canonical.isEmpty else {
      throw .emptyField(file: source, line: line, column: column, columnName: columnName(column))
    }
    canonicalLabels[text] = canonical
    return canonical
  }

  @inline(__always)
  private func number(_ field: FieldBounds, line: Int, column: Int) throws(DataError) -> Float {
    if field.content.isEmpty {
      throw .emptyField(file: source, line: line, column: column, columnName: columnName(column))
    }
    var value: Float = 0
    let status = field.hasDoubledQuotes ? anomagram_parse_invalid : parseFloat(field.content, into: &value)
    switch status {
    case anomagram_parse_ok where value.isFinite:
      return value
    case anomagram_parse_ok:
      throw .nonFiniteNumber(
        file: source, line: line, column: column, text: scanner.text(field), columnName: columnName(column))
    case anomagram_parse_overflow:
      throw .numberOutOfRange(
        file: source, line: line, column: column, text: scanner.text(field), columnName: columnName(column))
    default:
      throw .invalidNumber(
        file: source, line: line, column: column, text: scanner.text(field), columnName: columnName(column))
    }
  }

  @inline(__always)
  private func parseFloat(_ range: Range<Int>, into value: inout Float) -> anomagram_parse_status {
    // CChar and UInt8 have the same size and may alias each other.
    let characters = UnsafeRawPointer(bytes.baseAddress! + range.lowerBound).assumingMemoryBound(to: CChar.self)
    return anomagram_parse_float(characters, range.count, &value)
  }

  private func columnName(_ column: Int) -> String? {
    guard let header, column <= header.count else { return nil }
    return header[column - 1]
  }

  // MARK: - Headers of numbered columns

  /// Returns whether the first row is a header that names its value columns
  /// by number, such as `label,0,1,2` or `1,2,3,target`. Its label must be
  /// text, every later label a number, and its values whole numbers that each
  /// add one to the one before.
  private func firstRowNamesNumberedColumns() -> Bool {
    guard labelColumn != 0, labels.count >= 2, !Self.isNumber(labels[0]) else { return false }
    let firstValues = values.prefix(featureCount)
    guard let start = firstValues.first, start == start.rounded() else { return false }
    for (offset, value) in firstValues.enumerated() where value != start + Float(offset) {
      return false
    }
    return labels.dropFirst().allSatisfy(Self.isNumber)
  }

  private mutating func takeFirstRowAsHeader() throws(DataError) {
    header = try scanner.fields(in: firstRowRange, line: firstLine).map(scanner.text)
    values.removeFirst(featureCount)
    labels.removeFirst()
  }

  private static func isNumber(_ label: String) -> Bool {
    Double(label)?.isFinite == true
  }

  // MARK: - Result

  private func makeDataset() -> Dataset {
    let matrix = Matrix(rows: labels.count, columns: featureCount, elements: values)
    var columnNames = header
    var labelName: String?
    if labelColumn != 0 {
      labelName = columnNames?.remove(at: labelColumn - 1)
    }
    if labelColumn == 0 {
      return Dataset(unlabelled: matrix, source: source, columnNames: columnNames)
    }
    return Dataset(values: matrix, labels: labels, source: source, columnNames: columnNames, labelName: labelName)
  }
}

/// Walks through the lines of a file, giving each line's bytes without its
/// line end and its 1-based number.
private struct LineCursor {
  let bytes: UnsafeBufferPointer<UInt8>
  private var lineStart: Int
  private var line = 1

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    lineStart = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
  }

  mutating func next() -> (range: Range<Int>, line: Int)? {
    guard lineStart < bytes.count else { return nil }
    let lineEnd = endOfLine(from: lineStart)
    var contentEnd = lineEnd
    if contentEnd > lineStart && bytes[contentEnd - 1] == UInt8(ascii: "\r") {
      contentEnd -= 1
    }
    defer {
      lineStart = lineEnd + 1
      line += 1
    }
    return (lineStart..<contentEnd, line)
  }

  /// Returns the index of the next line feed at or after `start`, or `bytes.count` if there is none.
  private func endOfLine(from start: Int) -> Int {
    // memchr is vectorised in the C library, so finding line ends costs little.
    guard let found = memchr(bytes.baseAddress! + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else {
      return bytes.count
    }
    return UnsafeRawPointer(found) - UnsafeRawPointer(bytes.baseAddress!)
  }
}
