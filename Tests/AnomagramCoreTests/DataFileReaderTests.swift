import Foundation
import Testing

@testable import AnomagramCore

/// A file's text under a readable name for parameterized tests.
private struct FileText: CustomTestStringConvertible, Sendable {
  let name: String
  let bytes: [UInt8]

  init(_ name: String, _ text: String) {
    self.name = name
    self.bytes = Array(text.utf8)
  }

  init(_ name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }

  var testDescription: String { name }
}

/// A file that must be rejected, the error it must raise and text the
/// message must contain (file name, line, column, value).
private struct Rejection: CustomTestStringConvertible, Sendable {
  let file: FileText
  let error: DataError
  let messageFragments: [String]

  var testDescription: String { file.name }
}

private let fileName = "beats.tsv"

private func parse(_ bytes: [UInt8]) throws(DataError) -> Dataset {
  try DataFileReader.parse(bytes: bytes, source: fileName)
}

/// Returns the path of a bundled ECG5000 file, found from this source file's path.
private func bundledFile(_ name: String) -> String {
  var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
    precondition(directory.path != "/", "No Package.swift above \(#filePath)")
    directory.deleteLastPathComponent()
  }
  return directory.appendingPathComponent("Data/ecg5000/\(name)").path
}

/// Creates a fresh temporary directory, passes it to `body` and removes it.
private func withTemporaryDirectory(_ body: (URL) throws -> Void) throws {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("DataFileReaderTests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  try body(directory)
}

@Suite("DataFileReader")
struct DataFileReaderTests {
  // MARK: - Accepted formats

  private static let formats: [FileText] = [
    FileText("tabs", "1\t0.5\t-1.25\n2\t3\t4\n"),
    FileText("commas", "1,0.5,-1.25\n2,3,4\n"),
    FileText("commas with spaces", "1, 0.5 , -1.25\n2 ,3,\t4\n"),
    FileText(
      "runs of spaces with leading spaces and exponent labels",
      "   1.0000000e+00   5.0000000e-01  -1.2500000e+00\n   2.0000000e+00   3.0000000e+00   4.0000000e+00\n"),
    FileText("CRLF line ends", "1\t0.5\t-1.25\r\n2\t3\t4\r\n"),
    FileText("byte-order mark", "\u{FEFF}1\t0.5\t-1.25\n2\t3\t4\n"),
    FileText("trailing blank lines", "1\t0.5\t-1.25\n2\t3\t4\n\n\n\r\n  \n"),
    FileText("blank lines between rows", "\n \t\n1\t0.5\t-1.25\n\n2\t3\t4\n"),
    FileText("no line end after the last row", "1\t0.5\t-1.25\n2\t3\t4"),
    FileText("trailing blanks on rows", "1\t0.5\t-1.25\t \n2\t3\t4  \n"),
    FileText("explicit plus signs and bare points", "+1\t.5\t-1.250\n2.\t3.0e0\t+4\n"),
  ]

  @Test("accepts format", arguments: formats)
  fileprivate func acceptsFormat(_ format: FileText) throws {
    let dataset = try parse(format.bytes)

    #expect(dataset.values == Matrix(rowArrays: [[0.5, -1.25], [3, 4]]))
    #expect(dataset.labels == ["1", "2"])
    #expect(dataset.source == fileName)
  }

  @Test("keeps text labels as text")
  func keepsTextLabels() throws {
    let dataset = try parse(Array("normal\t1\t2\nécart\t3\t4\n".utf8))

    #expect(dataset.labels == ["normal", "écart"])
  }

  @Test("parses a row of 200,000 values")
  func parsesGiantLine() throws {
    let values = (0..<200_000).map { String(Float($0) / 8) }
    let dataset = try parse(Array(("3\t" + values.joined(separator: "\t") + "\n").utf8))

    #expect(dataset.sampleCount == 1)
    #expect(dataset.featureCount == 200_000)
    #expect(dataset.values[0, 199_999] == Float(199_999) / 8)
  }

  @Test("parses a 200-digit value like Float(String)")
  func parsesLongToken() throws {
    let token = "0." + String(repeating: "1", count: 200)
    let dataset = try parse(Array("1\t\(token)\n".utf8))

    #expect(dataset.values[0, 0] == Float(token))
  }

  /// Every parsed value must have the same bits as `Float(String)`, which
  /// rounds correctly. The tokens mix lengths, exponents and hard cases.
  @Test("parses values exactly like Float(String)")
  func matchesStandardLibrary() throws {
    var generator = SeededGenerator(seed: 42)
    var tokens = [
      "16777217", "16777219", "-16777217", "33554435", "0.1", "1e-45", "7e-46", "1.17549435e-38",
      "3.4028234e38", "3.40282356e38", "-0", "0.0", "1.0000000e+00", "-2.1140915", "123456789012345678",
      "9007199254740993", "1.00000005960464477539", "0.000000000000000000000000001",
      // Decimals whose nearest double lies exactly halfway between two
      // floats, so that rounding through double picks the wrong float.
      "5.331508485478385e20", "5010711720387917e-20", "7938377621030668e-21", "19.94898509979248",
      "4900869726043311e-21",
    ]
    for _ in 0..<20_000 {
      tokens.append(randomDecimal(using: &generator))
    }
    tokens = tokens.filter { Float($0)?.isFinite == true }
    let text = tokens.map { "1,\($0)" }.joined(separator: "\n")

    let dataset = try parse(Array(text.utf8))

    for (row, token) in tokens.enumerated() {
      #expect(dataset.values[row, 0].bitPattern == Float(token)!.bitPattern, "token \(token)")
    }
  }

  /// Returns a random decimal such as `-31.40597e-7`, with 1 to 17 digits, a
  /// point somewhere or nowhere, and sometimes an exponent.
  private func randomDecimal(using generator: inout SeededGenerator) -> String {
    let digitCount = 1 + generator.nextIndex(below: 17)
    var digits = (0..<digitCount).map { _ in String(generator.nextIndex(below: 10)) }.joined()
    let point = generator.nextIndex(below: digitCount + 1)
    if point < digitCount {
      digits.insert(".", at: digits.index(digits.startIndex, offsetBy: point))
    }
    let sign = generator.nextIndex(below: 2) == 0 ? "-" : ""
    let exponent = generator.nextIndex(below: 3) == 0 ? "e\(generator.nextIndex(below: 71) - 40)" : ""
    return sign + digits + exponent
  }

  // MARK: - Rejected files

  private static let rejections: [Rejection] = [
    Rejection(
      file: FileText("shorter row after blank lines", "\n1\t1\t2\t3\n\n2\t1\t2\n"),
      error: .rowLengthMismatch(file: fileName, line: 4, columns: 3, expectedColumns: 4, firstLine: 2),
      messageFragments: [fileName, "Line 4", "3 columns", "expected 4", "line 2"]),
    Rejection(
      file: FileText("longer row", "1\t1\t2\n1\t1\t2\n2\t1\t2\t3\n"),
      error: .rowLengthMismatch(file: fileName, line: 3, columns: 4, expectedColumns: 3, firstLine: 1),
      messageFragments: [fileName, "Line 3", "4 columns", "expected 3", "line 1"]),
    Rejection(
      file: FileText("word as a value", "1\t0.5\t0.25\n2\t0.5\tabc\n"),
      error: .invalidNumber(file: fileName, line: 2, column: 3, text: "abc"),
      messageFragments: [fileName, "Line 2", "column 3", "\"abc\"", "not a number"]),
    Rejection(
      file: FileText("header line", "label,t1,t2\n1,0.5,0.25\n"),
      error: .invalidNumber(file: fileName, line: 1, column: 2, text: "t1"),
      messageFragments: [fileName, "Line 1", "column 2", "\"t1\"", "header"]),
    Rejection(
      file: FileText("number followed by text", "1\t0.5x\t2\n"),
      error: .invalidNumber(file: fileName, line: 1, column: 2, text: "0.5x"),
      messageFragments: [fileName, "Line 1", "column 2", "\"0.5x\""]),
    Rejection(
      file: FileText("hexadecimal value", "1\t0.5\t0x1p3\n"),
      error: .invalidNumber(file: fileName, line: 1, column: 3, text: "0x1p3"),
      messageFragments: [fileName, "Line 1", "column 3", "\"0x1p3\"", "decimal numbers"]),
    Rejection(
      file: FileText("semicolon separators", "1;0.5;0.25\n2;0.5;0.75\n"),
      error: .missingValues(file: fileName, line: 1, label: "1;0.5;0.25"),
      messageFragments: [fileName, "Line 1", "Semicolons do not separate values"]),
    Rejection(
      file: FileText("NaN value", "1\t0.5\tNaN\n"),
      error: .nonFiniteNumber(file: fileName, line: 1, column: 3, text: "NaN"),
      messageFragments: [fileName, "Line 1", "column 3", "\"NaN\"", "not a finite number"]),
    Rejection(
      file: FileText("infinite value", "1\t0.5\t1\n2\t-inf\t1\n"),
      error: .nonFiniteNumber(file: fileName, line: 2, column: 2, text: "-inf"),
      messageFragments: [fileName, "Line 2", "column 2", "\"-inf\""]),
    Rejection(
      file: FileText("value that overflows Float", "1\t1e39\t2\n"),
      error: .numberOutOfRange(file: fileName, line: 1, column: 2, text: "1e39"),
      messageFragments: [fileName, "Line 1", "column 2", "\"1e39\"", "too large"]),
    Rejection(
      file: FileText("negative value that overflows Float", "1\t2\t-3.5e38\n"),
      error: .numberOutOfRange(file: fileName, line: 1, column: 3, text: "-3.5e38"),
      messageFragments: [fileName, "Line 1", "column 3", "\"-3.5e38\""]),
    Rejection(
      file: FileText("empty file", ""),
      error: .noDataRows(file: fileName),
      messageFragments: [fileName, "no data rows"]),
    Rejection(
      file: FileText("only blank lines", "\n  \n\t\r\n"),
      error: .noDataRows(file: fileName),
      messageFragments: [fileName]),
    Rejection(
      file: FileText("only a byte-order mark", "\u{FEFF}"),
      error: .noDataRows(file: fileName),
      messageFragments: [fileName]),
    Rejection(
      file: FileText("NUL byte", "1\t0.5\n2\t\u{0}\n"),
      error: .nulByte(file: fileName, byteOffset: 8, line: 2),
      messageFragments: [fileName, "byte offset 8", "line 2", "not a text file"]),
    Rejection(
      file: FileText("invalid UTF-8 byte", bytes: Array("1\t0.5\n2\t".utf8) + [0xFF] + Array("\t1\n".utf8)),
      error: .invalidUTF8(file: fileName, byteOffset: 8, line: 2, byte: 0xFF),
      messageFragments: [fileName, "offset 8", "line 2", "0xFF"]),
    Rejection(
      file: FileText("UTF-8 sequence cut off at the end", bytes: Array("1\t2\n3\t".utf8) + [0xC3]),
      error: .invalidUTF8(file: fileName, byteOffset: 6, line: 2, byte: 0xC3),
      messageFragments: [fileName, "offset 6", "0xC3"]),
    Rejection(
      file: FileText("overlong UTF-8 encoding", bytes: [0x31, 0x09, 0xC0, 0x80]),
      error: .invalidUTF8(file: fileName, byteOffset: 2, line: 1, byte: 0xC0),
      messageFragments: [fileName, "offset 2"]),
    Rejection(
      file: FileText("UTF-8 encoded surrogate", bytes: [0x31, 0x09, 0xED, 0xA0, 0x80]),
      error: .invalidUTF8(file: fileName, byteOffset: 2, line: 1, byte: 0xED),
      messageFragments: [fileName, "offset 2"]),
    Rejection(
      file: FileText("NUL byte in the middle of an ASCII word", "1\t0.12345\u{0}6789\t2\n"),
      error: .nulByte(file: fileName, byteOffset: 9, line: 1),
      messageFragments: [fileName, "byte offset 9"]),
    Rejection(
      file: FileText("label without values", "1\t2\t3\n4\n"),
      error: .missingValues(file: fileName, line: 2, label: "4"),
      messageFragments: [fileName, "Line 2", "\"4\"", "no values"]),
    Rejection(
      file: FileText("label followed by a separator only", "1\t\n"),
      error: .missingValues(file: fileName, line: 1, label: "1"),
      messageFragments: [fileName, "Line 1", "\"1\""]),
    Rejection(
      file: FileText("one-byte file", "7"),
      error: .missingValues(file: fileName, line: 1, label: "7"),
      messageFragments: [fileName, "Line 1", "\"7\""]),
    Rejection(
      file: FileText("two commas in a row", "1,0.5,0.25\n2,,0.25\n"),
      error: .emptyField(file: fileName, line: 2, column: 2),
      messageFragments: [fileName, "Line 2", "column 2", "empty"]),
    Rejection(
      file: FileText("trailing comma", "1,0.5,0.25,\n"),
      error: .emptyField(file: fileName, line: 1, column: 4),
      messageFragments: [fileName, "Line 1", "column 4"]),
    Rejection(
      file: FileText("only separators", ",,,\n"),
      error: .emptyField(file: fileName, line: 1, column: 1),
      messageFragments: [fileName, "Line 1", "column 1"]),
  ]

  @Test("rejects", arguments: rejections)
  fileprivate func rejects(_ rejection: Rejection) {
    let error = #expect(throws: DataError.self) {
      try parse(rejection.file.bytes)
    }

    #expect(error == rejection.error)
    let message = error?.description ?? ""
    for fragment in rejection.messageFragments {
      #expect(message.contains(fragment), "message: \(message)")
    }
  }

  @Test("message shortens a giant value")
  func shortensGiantValue() {
    let token = String(repeating: "x", count: 100_000)
    let error = #expect(throws: DataError.self) {
      try parse(Array("1\t\(token)\n".utf8))
    }

    #expect(error == .invalidNumber(file: fileName, line: 1, column: 2, text: token))
    #expect((error?.description.count ?? .max) < 400)
    #expect(error?.description.contains("100000 bytes") == true)
  }

  @Test("rejects a 500-digit value as too large")
  func rejectsHugeLongToken() {
    let token = String(repeating: "9", count: 500)
    let error = #expect(throws: DataError.self) {
      try parse(Array("1\t\(token)\n".utf8))
    }

    #expect(error == .numberOutOfRange(file: fileName, line: 1, column: 2, text: token))
  }

  // MARK: - Files on disk

  @Test("loads a file from disk")
  func loadsFile() throws {
    try withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("small.tsv").path
      try Data("1\t0.5\t1.5\n2\t2.5\t3.5\n".utf8).write(to: URL(fileURLWithPath: path))

      let dataset = try DataFileReader.load(path: path)

      #expect(dataset.values == Matrix(rowArrays: [[0.5, 1.5], [2.5, 3.5]]))
      #expect(dataset.source == path)
    }
  }

  @Test("rejects a missing file")
  func rejectsMissingFile() throws {
    try withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("absent.tsv").path
      let error = #expect(throws: DataError.self) {
        try DataFileReader.load(path: path)
      }

      #expect(error == .fileNotFound(path: path))
      #expect(error?.description.contains(path) == true)
    }
  }

  @Test("rejects a directory")
  func rejectsDirectory() throws {
    try withTemporaryDirectory { directory in
      let error = #expect(throws: DataError.self) {
        try DataFileReader.load(path: directory.path)
      }

      #expect(error == .fileUnreadable(path: directory.path, reason: "it is a directory"))
      #expect(error?.description.contains(directory.path) == true)
    }
  }

  // The superuser can read any file, so the permission check only shows for other users.
  @Test("rejects a file without read permission", .enabled(if: getuid() != 0))
  func rejectsUnreadableFile() throws {
    try withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("locked.tsv").path
      try Data("1\t2\n".utf8).write(to: URL(fileURLWithPath: path))
      try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)

      let error = #expect(throws: DataError.self) {
        try DataFileReader.load(path: path)
      }

      #expect(error == .fileUnreadable(path: path, reason: String(cString: strerror(EACCES))))
    }
  }

  // MARK: - Bundled ECG5000 files

  @Test("loads the bundled ECG5000 files")
  func loadsBundledFiles() throws {
    let train = try DataFileReader.load(path: bundledFile("ECG5000_TRAIN.tsv"))
    let test = try DataFileReader.load(path: bundledFile("ECG5000_TEST.tsv"))

    #expect(train.sampleCount == 500)
    #expect(train.featureCount == 140)
    #expect(test.sampleCount == 4500)
    #expect(test.featureCount == 140)
    #expect(train.labels[0] == "1")
    #expect(train.values[0, 0] == -0.11252183)
    #expect(train.values[0, 1] == -2.8272038)
  }

  @Test("bundled class counts")
  func bundledClassCounts() throws {
    let train = try DataFileReader.load(path: bundledFile("ECG5000_TRAIN.tsv"))
    let test = try DataFileReader.load(path: bundledFile("ECG5000_TEST.tsv"))

    let counts = Dictionary((train.labels + test.labels).map { ($0, 1) }, uniquingKeysWith: +)

    #expect(counts == ["1": 2919, "2": 1767, "3": 96, "4": 194, "5": 24])
  }
}
