import CFloatParsing
import Foundation

/// Loads labelled series from UCR-style text files.
///
/// Each non-blank line is one series: the class label first, then the values.
/// Fields are separated by tabs, commas or runs of spaces, so the archive's
/// `.tsv` files and its older `.txt` files (labels written as `1.0000000e+00`,
/// runs of spaces, leading spaces on each line) both load. The reader also
/// accepts CRLF line ends, a UTF-8 byte-order mark and blank lines anywhere,
/// and keeps counting blank lines so that messages give the file's real line
/// numbers.
///
/// Labels go through `ClassLabel.canonical`, which keeps a label that is not a
/// number as text. Values must be finite decimal numbers that fit in `Float`.
/// A comma separates exactly two fields, so `1,,2` and a trailing comma are
/// rejected as empty fields, while runs of spaces and tabs count as one
/// separator.
public enum DataFileReader {
  /// Reads and parses the file at `path`.
  ///
  /// Error messages and `Dataset.source` name the file by `path`.
  public static func load(path: String) throws(DataError) -> Dataset {
    let bytes = try readBytes(path: path)
    return try parse(bytes: bytes, source: path)
  }

  /// Parses the bytes of a data file.
  ///
  /// - Parameters:
  ///   - bytes: The whole file, in UTF-8.
  ///   - source: The file name used in error messages and in `Dataset.source`.
  public static func parse(bytes: [UInt8], source: String) throws(DataError) -> Dataset {
    if let problem = firstNonTextByte(in: bytes) {
      let line = lineNumber(ofByteAt: problem.offset, in: bytes)
      if problem.byte == 0 {
        throw .nulByte(file: source, byteOffset: problem.offset, line: line)
      }
      throw .invalidUTF8(file: source, byteOffset: problem.offset, line: line, byte: problem.byte)
    }

    let parsed = bytes.withUnsafeBufferPointer { buffer in
      var parser = RowParser(bytes: buffer, source: source)
      return Result { () throws(DataError) in try parser.parseAllLines() }
    }
    return try parsed.get()
  }

  // MARK: - Reading the file

  /// Size of each `read` call after the first, for files whose size `fstat`
  /// does not report (pipes, /proc) or that grow while being read.
  private static let readChunkSize = 1 << 20

  private static func readBytes(path: String) throws(DataError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR {
        throw .fileNotFound(path: path)
      }
      throw .fileUnreadable(path: path, reason: systemMessage(code))
    }
    defer { close(descriptor) }

    var status = stat()
    var expectedSize = 0
    if fstat(descriptor, &status) == 0 {
      if status.st_mode & S_IFMT == S_IFDIR {
        throw .fileUnreadable(path: path, reason: "it is a directory")
      }
      expectedSize = Int(status.st_size)
    }

    // The spare byte past the reported size lets the last read, which returns
    // 0 at the end of the file, run without growing the buffer.
    var bytes = [UInt8](repeating: 0, count: expectedSize + 1)
    var count = 0
    while true {
      if count == bytes.count {
        bytes.append(contentsOf: repeatElement(0, count: readChunkSize))
      }
      let result = bytes.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress! + count, buffer.count - count)
      }
      if result == 0 {
        break
      }
      if result < 0 {
        let code = errno
        if code == EINTR { continue }
        throw .fileUnreadable(path: path, reason: systemMessage(code))
      }
      count += result
    }
    bytes.removeLast(bytes.count - count)
    return bytes
  }

  private static func systemMessage(_ code: Int32) -> String {
    String(cString: strerror(code))
  }

  // MARK: - Checking that the bytes are text

  /// Finds the first NUL byte or the first byte that breaks UTF-8, following
  /// the well-formed sequences of the Unicode Standard, table 3-7 (no overlong
  /// forms, no surrogates, nothing above U+10FFFF).
  private static func firstNonTextByte(in bytes: [UInt8]) -> (offset: Int, byte: UInt8)? {
    bytes.withUnsafeBufferPointer { buffer in
      var index = 0
      while index < buffer.count {
        if index + 8 <= buffer.count && isPlainASCII(wordAt: index, in: buffer) {
          index += 8
          continue
        }
        let byte = buffer[index]
        if byte == 0 {
          return (index, byte)
        }
        if byte < 0x80 {
          index += 1
          continue
        }
        let length = validSequenceLength(in: buffer, at: index)
        guard length > 0 else {
          return (index, byte)
        }
        index += length
      }
      return nil
    }
  }

  /// Checks eight bytes at once for a byte of 0x80 or above and for a zero
  /// byte, which is what makes the text check cheap on large files.
  private static func isPlainASCII(wordAt index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
    let highBits: UInt64 = 0x8080_8080_8080_8080
    // Nonzero exactly when some byte of `word` is zero (the classic
    // "has zero byte" test from Hacker's Delight, section 6-1).
    let zeroBytes = (word &- 0x0101_0101_0101_0101) & ~word & highBits
    return (word & highBits) | zeroBytes == 0
  }

  /// Returns the length of the valid multi-byte UTF-8 sequence at `index`, or 0.
  private static func validSequenceLength(in buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let lead = buffer[index]
    // The allowed range of the second byte depends on the lead byte. Every
    // later byte must be a continuation byte, 0x80...0xBF.
    let length: Int
    let secondRange: ClosedRange<UInt8>
    switch lead {
    case 0xC2...0xDF: (length, secondRange) = (2, 0x80...0xBF)
    case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: (length, secondRange) = (3, 0x80...0xBF)
    case 0xED: (length, secondRange) = (3, 0x80...0x9F)
    case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
    case 0xF1...0xF3: (length, secondRange) = (4, 0x80...0xBF)
    case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
    default: return 0
    }
    guard index + length <= buffer.count, secondRange.contains(buffer[index + 1]) else {
      return 0
    }
    for offset in 2..<length where !(0x80...0xBF).contains(buffer[index + offset]) {
      return 0
    }
    return length
  }

  /// Returns the 1-based line number of the byte at `offset`.
  private static func lineNumber(ofByteAt offset: Int, in bytes: [UInt8]) -> Int {
    1 + bytes[0..<offset].lazy.filter { $0 == UInt8(ascii: "\n") }.count
  }
}

/// Turns the lines of one file into a `Dataset`, working on the bytes in place.
private struct RowParser {
  let bytes: UnsafeBufferPointer<UInt8>
  let source: String

  private var values: [Float] = []
  private var labels: [String] = []
  /// Canonical form of each label text seen so far, because files repeat a few labels.
  private var canonicalLabels: [String: String] = [:]
  /// Column count (label included) and line number of the first data row.
  private var firstRow: (columns: Int, line: Int)?

  init(bytes: UnsafeBufferPointer<UInt8>, source: String) {
    self.bytes = bytes
    self.source = source
  }

  mutating func parseAllLines() throws(DataError) -> Dataset {
    let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    var lineStart = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
    var line = 1
    while lineStart < bytes.count {
      let lineEnd = endOfLine(from: lineStart)
      var contentEnd = lineEnd
      if contentEnd > lineStart && bytes[contentEnd - 1] == UInt8(ascii: "\r") {
        contentEnd -= 1
      }
      try parseLine(lineStart..<contentEnd, line: line)
      lineStart = lineEnd + 1
      line += 1
    }

    guard let firstRow else {
      throw .noDataRows(file: source)
    }
    let featureCount = firstRow.columns - 1
    let matrix = Matrix(rows: labels.count, columns: featureCount, elements: values)
    return Dataset(values: matrix, labels: labels, source: source)
  }

  /// Returns the index of the next line feed at or after `start`, or `bytes.count` if there is none.
  private func endOfLine(from start: Int) -> Int {
    // memchr is vectorised in the C library, so finding line ends costs little.
    guard let found = memchr(bytes.baseAddress! + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else {
      return bytes.count
    }
    return UnsafeRawPointer(found) - UnsafeRawPointer(bytes.baseAddress!)
  }

  /// Parses one line without its line end. A line of only blanks is skipped.
  private mutating func parseLine(_ range: Range<Int>, line: Int) throws(DataError) {
    var position = skippingBlanks(from: range.lowerBound, to: range.upperBound)
    if position == range.upperBound {
      return
    }

    var column = 0
    var label = ""
    while true {
      column += 1
      let fieldStart = position
      while position < range.upperBound && !isSeparator(bytes[position]) {
        position += 1
      }
      if fieldStart == position {
        throw .emptyField(file: source, line: line, column: column)
      }
      if column == 1 {
        label = canonicalLabel(fieldStart..<position)
      } else {
        values.append(try number(fieldStart..<position, line: line, column: column))
      }

      // A separator is a run of blanks, or one comma with optional blanks around it.
      position = skippingBlanks(from: position, to: range.upperBound)
      if position == range.upperBound {
        break
      }
      if bytes[position] == UInt8(ascii: ",") {
        position = skippingBlanks(from: position + 1, to: range.upperBound)
        if position == range.upperBound {
          throw .emptyField(file: source, line: line, column: column + 1)
        }
      }
    }

    try checkColumnCount(column, line: line, label: label)
    if firstRow == nil {
      firstRow = (column, line)
      reserveCapacity(firstLineLength: range.count, columns: column)
    }
    labels.append(label)
  }

  private func checkColumnCount(_ columns: Int, line: Int, label: String) throws(DataError) {
    if columns == 1 {
      throw .missingValues(file: source, line: line, label: label)
    }
    if let firstRow, columns != firstRow.columns {
      throw .rowLengthMismatch(
        file: source, line: line, columns: columns, expectedColumns: firstRow.columns, firstLine: firstRow.line)
    }
  }

  /// Reserves room for the whole file, estimating the row count from the
  /// length of the first line, so that appending does not copy 7 MB files
  /// several times over.
  private mutating func reserveCapacity(firstLineLength: Int, columns: Int) {
    let estimatedRows = bytes.count / max(firstLineLength, 1) + 1
    values.reserveCapacity(estimatedRows * (columns - 1))
    labels.reserveCapacity(estimatedRows)
  }

  private mutating func canonicalLabel(_ range: Range<Int>) -> String {
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    if let known = canonicalLabels[text] {
      return known
    }
    let canonical = ClassLabel.canonical(text)
    canonicalLabels[text] = canonical
    return canonical
  }

  private func number(_ range: Range<Int>, line: Int, column: Int) throws(DataError) -> Float {
    // CChar and UInt8 have the same size and may alias each other.
    let characters = UnsafeRawPointer(bytes.baseAddress! + range.lowerBound).assumingMemoryBound(to: CChar.self)
    var value: Float = 0
    let status = anomagram_parse_float(characters, range.count, &value)
    switch status {
    case anomagram_parse_ok where value.isFinite:
      return value
    case anomagram_parse_ok:
      throw .nonFiniteNumber(file: source, line: line, column: column, text: text(range))
    case anomagram_parse_overflow:
      throw .numberOutOfRange(file: source, line: line, column: column, text: text(range))
    default:
      throw .invalidNumber(file: source, line: line, column: column, text: text(range))
    }
  }

  private func text(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  private func skippingBlanks(from start: Int, to end: Int) -> Int {
    var position = start
    while position < end && (bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t")) {
      position += 1
    }
    return position
  }

  private func isSeparator(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: ",")
  }
}
