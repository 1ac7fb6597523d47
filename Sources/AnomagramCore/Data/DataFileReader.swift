import Foundation

/// Loads series from UCR-style text files and CSV files.
///
/// Each non-blank line is one series. The UCR archive's layout is the class
/// label first, then the values, with no header (`DataFileFormat.ucr`).
/// `DataFileFormat` can move the label to another column, drop it for
/// unlabelled rows, and allow a header row of column names.
///
/// Separators: when a comma separates two fields of the first non-blank row,
/// the file is comma-separated. Then only a comma separates fields, spaces and
/// tabs around a field are ignored, and spaces inside an unquoted field belong
/// to it, so a header name such as `heart rate` needs no quotes. Otherwise a
/// field ends at a run of spaces or tabs or at a comma, so the archive's
/// `.tsv` files and its older `.txt` files (labels written as
/// `1.0000000e+00`, runs of spaces, leading spaces on each line) both load.
/// Either way a comma separates exactly two fields, so `1,,2` and a trailing
/// comma leave an empty field, which is an error in a data row.
///
/// Quoting: a field that starts with `"` runs to the next `"` that is not
/// doubled and may contain separators. `""` inside it stands for one quote.
/// Quoted fields may be header names, labels or values (`"0.5"` is the
/// number 0.5), and must end on the line where they start.
///
/// Header: with `HeaderMode.detect`, the first non-blank row is a header when
/// a field outside the label column is neither empty nor a number
/// (NaN and infinity count as numbers here, so they fail later as values).
/// Every later row must then hold numbers in those columns, as in any file.
/// A label column selected by name always makes the first row a header. One
/// more case is detected: the first row's label is text, every later label is
/// a number, and the first row's values are whole numbers that each add one
/// to the one before (a header such as `label,0,1,2`).
///
/// The reader also accepts CRLF line ends, a UTF-8 byte-order mark and blank
/// lines anywhere, and keeps counting blank lines so that messages give the
/// file's real line numbers. Column numbers in messages count every field of
/// the row from 1, label included.
///
/// Labels go through `ClassLabel.canonical`, which keeps a label that is not a
/// number as text. Values must be finite decimal numbers that fit in `Float`.
public enum DataFileReader {
  /// Reads and parses the file at `path`.
  ///
  /// Error messages and `Dataset.source` name the file by `path`.
  public static func load(path: String, format: DataFileFormat = .ucr) throws(DataError) -> Dataset {
    let bytes = try readBytes(path: path)
    return try parse(bytes: bytes, source: path, format: format)
  }

  /// Parses the bytes of a data file.
  ///
  /// - Parameters:
  ///   - bytes: The whole file, in UTF-8.
  ///   - source: The file name used in error messages and in `Dataset.source`.
  ///   - format: The header rule and the label column. The default is the
  ///     UCR layout, in which a header row is an error.
  public static func parse(bytes: [UInt8], source: String, format: DataFileFormat = .ucr) throws(DataError)
    -> Dataset
  {
    if let problem = firstNonTextByte(in: bytes) {
      let line = lineNumber(ofByteAt: problem.offset, in: bytes)
      if problem.byte == 0 {
        throw .nulByte(file: source, byteOffset: problem.offset, line: line)
      }
      throw .invalidUTF8(file: source, byteOffset: problem.offset, line: line, byte: problem.byte)
    }

    let parsed = bytes.withUnsafeBufferPointer { buffer in
      var parser = RowParser(bytes: buffer, source: source, format: format)
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
