import Foundation
import Testing

@testable import AnomagramCore

private let fileName = "beats.csv"

/// A CSV file, the format to read it with, and what the reader must return.
private struct CSVCase: CustomTestStringConvertible, Sendable {
  let name: String
  let text: String
  let format: DataFileFormat
  let values: [[Float]]
  /// `nil` for an unlabelled file.
  let labels: [String]?
  let columnNames: [String]?
  let labelName: String?

  var testDescription: String { name }
}

/// A CSV file that must be rejected, the error it must raise and text the
/// message must contain.
private struct CSVRejection: CustomTestStringConvertible, Sendable {
  let name: String
  let text: String
  let format: DataFileFormat
  let error: DataError
  let messageFragments: [String]

  var testDescription: String { name }
}

private func parse(_ text: String, _ format: DataFileFormat) throws(DataError) -> Dataset {
  try DataFileReader.parse(bytes: Array(text.utf8), source: fileName, format: format)
}

/// The header detection and label column of the `anomagram train` defaults.
private let detectFirst = DataFileFormat()

private let standardValues: [[Float]] = [[0.5, -1.25], [3, 4]]

@Suite("DataFileReader with CSV files")
struct CSVReaderTests {
  // MARK: - Accepted files

  private static let accepted: [CSVCase] = [
    CSVCase(
      name: "header detected, label first", text: "label,t1,t2\n1,0.5,-1.25\n2,3,4\n", format: detectFirst,
      values: standardValues, labels: ["1", "2"], columnNames: ["t1", "t2"], labelName: "label"),
    CSVCase(
      name: "header detected, label last", text: "t1,t2,class\n0.5,-1.25,1\n3,4,2\n",
      format: DataFileFormat(labelColumn: .last),
      values: standardValues, labels: ["1", "2"], columnNames: ["t1", "t2"], labelName: "class"),
    CSVCase(
      name: "no header detected in a numeric file", text: "1,0.5,-1.25\n2,3,4\n", format: detectFirst,
      values: standardValues, labels: ["1", "2"], columnNames: nil, labelName: nil),
    CSVCase(
      name: "header forced on numeric names", text: "9,10,11\n1,0.5,-1.25\n2,3,4\n",
      format: DataFileFormat(header: .present),
      values: standardValues, labels: ["1", "2"], columnNames: ["10", "11"], labelName: "9"),
    CSVCase(
      name: "header forced absent", text: "1,0.5,-1.25\n2,3,4\n", format: DataFileFormat(header: .absent),
      values: standardValues, labels: ["1", "2"], columnNames: nil, labelName: nil),
    CSVCase(
      name: "label by name in the middle", text: "a,kind,b\n0.5,normal,-1.25\n3,abnormal,4\n",
      format: DataFileFormat(labelColumn: .name("kind")),
      values: standardValues, labels: ["normal", "abnormal"], columnNames: ["a", "b"], labelName: "kind"),
    CSVCase(
      name: "label by number without header", text: "0.5,1,-1.25\n3,2,4\n", format: DataFileFormat(labelColumn: .number(2)),
      values: standardValues, labels: ["1", "2"], columnNames: nil, labelName: nil),
    CSVCase(
      name: "label by number with header", text: "a,b,kind\n0.5,-1.25,1\n3,4,2\n",
      format: DataFileFormat(labelColumn: .number(3)),
      values: standardValues, labels: ["1", "2"], columnNames: ["a", "b"], labelName: "kind"),
    CSVCase(
      name: "text labels", text: "normal,0.5,-1.25\nabnormal,3,4\n", format: detectFirst,
      values: standardValues, labels: ["normal", "abnormal"], columnNames: nil, labelName: nil),
    CSVCase(
      name: "quoted header names with commas and doubled quotes",
      text: "\"class, final\",\"t \"\"1\"\"\",\"t,2\"\n1,0.5,-1.25\n2,3,4\n", format: detectFirst,
      values: standardValues, labels: ["1", "2"], columnNames: ["t \"1\"", "t,2"], labelName: "class, final"),
    CSVCase(
      name: "quoted labels and values", text: "\"normal, sinus\",\"0.5\",-1.25\n\"ab\"\"normal\",3,\"4\"\n",
      format: detectFirst,
      values: standardValues, labels: ["normal, sinus", "ab\"normal"], columnNames: nil, labelName: nil),
    CSVCase(
      name: "spaces inside unquoted header names", text: "class , heart rate,pulse\n1, 0.5 ,-1.25\n2,3,\t4\n",
      format: detectFirst,
      values: standardValues, labels: ["1", "2"], columnNames: ["heart rate", "pulse"], labelName: "class"),
    CSVCase(
      name: "tab-separated header with quoted names", text: "label\t\"heart rate\"\tpulse\n1\t0.5\t-1.25\n2\t3\t4\n",
      format: detectFirst,
      values: standardValues, labels: ["1", "2"], columnNames: ["heart rate", "pulse"], labelName: "label"),
    CSVCase(
      name: "CRLF line ends with a header", text: "label,t1,t2\r\n1,0.5,-1.25\r\n2,3,4\r\n", format: detectFirst,
      values: standardValues, labels: ["1", "2"], columnNames: ["t1", "t2"], labelName: "label"),
    CSVCase(
      name: "byte-order mark and blank lines before the header",
      text: "\u{FEFF}\n  \nlabel,t1,t2\n\n1,0.5,-1.25\n2,3,4\n\n", format: detectFirst,
      values: standardValues, labels: ["1", "2"], columnNames: ["t1", "t2"], labelName: "label"),
    CSVCase(
      name: "header naming columns by number, label first", text: "label,0,1\n1,0.5,-1.25\n2,3,4\n",
      format: detectFirst,
      values: standardValues, labels: ["1", "2"], columnNames: ["0", "1"], labelName: "label"),
    CSVCase(
      name: "header naming columns by number, label last", text: "1,2,target\n0.5,-1.25,1\n3,4,2\n",
      format: DataFileFormat(labelColumn: .last),
      values: standardValues, labels: ["1", "2"], columnNames: ["1", "2"], labelName: "target"),
    CSVCase(
      name: "text label over numbers that do not count up stays data", text: "odd,0,2\n1,0.5,-1.25\n",
      format: detectFirst,
      values: [[0, 2], [0.5, -1.25]], labels: ["odd", "1"], columnNames: nil, labelName: nil),
    CSVCase(
      name: "text labels over counting values stay data", text: "normal,0,1\nabnormal,3,4\n", format: detectFirst,
      values: [[0, 1], [3, 4]], labels: ["normal", "abnormal"], columnNames: nil, labelName: nil),
    CSVCase(
      name: "unlabelled without header", text: "0.5,-1.25\n3,4\n", format: DataFileFormat(labelColumn: .unlabelled),
      values: standardValues, labels: nil, columnNames: nil, labelName: nil),
    CSVCase(
      name: "unlabelled with header", text: "t1,t2\n0.5,-1.25\n3,4\n", format: DataFileFormat(labelColumn: .unlabelled),
      values: standardValues, labels: nil, columnNames: ["t1", "t2"], labelName: nil),
    CSVCase(
      name: "unlabelled with CRLF and spaces", text: "  0.5   -1.25\r\n3 4\r\n", format: DataFileFormat(labelColumn: .unlabelled),
      values: standardValues, labels: nil, columnNames: nil, labelName: nil),
    CSVCase(
      name: "empty header name allowed without selection by name", text: ",t1,t2\n1,0.5,-1.25\n2,3,4\n",
      format: detectFirst,
      values: standardValues, labels: ["1", "2"], columnNames: ["t1", "t2"], labelName: ""),
  ]

  @Test("accepts", arguments: accepted)
  fileprivate func accepts(_ csv: CSVCase) throws {
    let dataset = try parse(csv.text, csv.format)

    #expect(dataset.values == Matrix(rowArrays: csv.values))
    #expect(dataset.columnNames == csv.columnNames)
    #expect(dataset.labelName == csv.labelName)
    #expect(dataset.source == fileName)
    if let labels = csv.labels {
      #expect(dataset.isLabelled)
      #expect(dataset.labels == labels)
    } else {
      #expect(!dataset.isLabelled)
      #expect(dataset.labels == Array(repeating: ClassLabel.unlabelled, count: csv.values.count))
    }
  }

  @Test("UCR format keeps rejecting a header")
  func ucrFormatRejectsHeader() {
    let error = #expect(throws: DataError.self) {
      try parse("label,t1,t2\n1,0.5,-1.25\n", .ucr)
    }

    #expect(error == .invalidNumber(file: fileName, line: 1, column: 2, text: "t1"))
    #expect(error?.description.contains("If line 1 is a header row") == true)
  }

  @Test("forced header keeps numeric names")
  func forcedHeaderKeepsNumericNames() throws {
    let dataset = try parse("label,0.50,1e0\n1,0.5,-1.25\n", DataFileFormat(header: .present))

    #expect(dataset.columnNames == ["0.50", "1e0"])
  }

  // MARK: - Rejected files

  private static let rejections: [CSVRejection] = [
    CSVRejection(
      name: "duplicate header name when selecting by name", text: "kind,a,a\n1,0.5,0.25\n",
      format: DataFileFormat(labelColumn: .name("kind")),
      error: .duplicateColumnName(file: fileName, line: 1, name: "a", columns: [2, 3]),
      messageFragments: [fileName, "line 1", "columns 2 and 3", "\"a\"", "by number"]),
    CSVRejection(
      name: "empty header name when selecting by name", text: "kind,,b\n1,0.5,0.25\n",
      format: DataFileFormat(labelColumn: .name("kind")),
      error: .emptyColumnName(file: fileName, line: 1, column: 2),
      messageFragments: [fileName, "line 1", "Column 2", "no name", "by number"]),
    CSVRejection(
      name: "label name not found", text: "\n\nkind,t1,t2\n1,0.5,0.25\n",
      format: DataFileFormat(labelColumn: .name("class")),
      error: .columnNameNotFound(file: fileName, line: 3, name: "class", availableNames: ["kind", "t1", "t2"]),
      messageFragments: [fileName, "line 3", "\"class\"", "\"kind\", \"t1\", \"t2\""]),
    CSVRejection(
      name: "label name with the header absent", text: "kind,t1\n1,0.5\n",
      format: DataFileFormat(header: .absent, labelColumn: .name("kind")),
      error: .columnNameNeedsHeader(file: fileName, name: "kind"),
      messageFragments: [fileName, "\"kind\"", "without a header row"]),
    CSVRejection(
      name: "label column out of range", text: "1,0.5,0.25\n", format: DataFileFormat(labelColumn: .number(4)),
      error: .labelColumnOutOfRange(file: fileName, line: 1, column: 4, columnCount: 3),
      messageFragments: [fileName, "line 1", "column 4", "3 columns", "from 1 to 3"]),
    CSVRejection(
      name: "shorter row after a header", text: "label,t1,t2\n1,0.5,0.25\n2,0.5\n", format: detectFirst,
      error: .rowLengthMismatch(file: fileName, line: 3, columns: 2, expectedColumns: 3, firstLine: 1),
      messageFragments: [fileName, "Line 3", "2 columns", "expected 3", "line 1"]),
    CSVRejection(
      name: "short row whose label lands in a value column", text: "t1,t2,kind\n0.5,0.25,1\n0.5,normal\n",
      format: DataFileFormat(labelColumn: .last),
      error: .rowLengthMismatch(file: fileName, line: 3, columns: 2, expectedColumns: 3, firstLine: 1),
      messageFragments: [fileName, "Line 3", "2 columns", "expected 3"]),
    CSVRejection(
      name: "longer row in an unlabelled file", text: "0.5,0.25\n0.5,0.25,1\n", format: DataFileFormat(labelColumn: .unlabelled),
      error: .rowLengthMismatch(file: fileName, line: 2, columns: 3, expectedColumns: 2, firstLine: 1),
      messageFragments: [fileName, "Line 2", "3 columns", "expected 2"]),
    CSVRejection(
      name: "text value under a header names the column", text: "label,t1,heart rate\n1,0.5,0.25\n2,0.5,fast\n",
      format: detectFirst,
      error: .invalidNumber(file: fileName, line: 3, column: 3, text: "fast", columnName: "heart rate"),
      messageFragments: [fileName, "Line 3", "column 3 (\"heart rate\")", "\"fast\"", "not a number"]),
    CSVRejection(
      name: "text value without a header names the column number", text: "1,0.5,0.25\n2,0.5,fast\n",
      format: detectFirst,
      error: .invalidNumber(file: fileName, line: 2, column: 3, text: "fast"),
      messageFragments: [fileName, "Line 2", "column 3", "\"fast\""]),
    CSVRejection(
      name: "text value in an unlabelled file", text: "0.5,0.25\n0.5,n/a\n", format: DataFileFormat(labelColumn: .unlabelled),
      error: .invalidNumber(file: fileName, line: 2, column: 2, text: "n/a"),
      messageFragments: [fileName, "Line 2", "column 2", "\"n/a\""]),
    CSVRejection(
      name: "NaN under a header", text: "label,t1\n1,NaN\n", format: detectFirst,
      error: .nonFiniteNumber(file: fileName, line: 2, column: 2, text: "NaN", columnName: "t1"),
      messageFragments: [fileName, "Line 2", "(\"t1\")", "\"NaN\"", "not a finite number"]),
    CSVRejection(
      name: "unclosed quote", text: "label,t1\n\"normal,0.5\n", format: detectFirst,
      error: .unclosedQuote(file: fileName, line: 2, column: 1),
      messageFragments: [fileName, "Line 2", "column 1", "not closed"]),
    CSVRejection(
      name: "text after a closing quote", text: "label,t1\n\"nor\"mal,0.5\n", format: detectFirst,
      error: .textAfterClosingQuote(file: fileName, line: 2, column: 1),
      messageFragments: [fileName, "Line 2", "column 1", "after its closing quote"]),
    CSVRejection(
      name: "empty quoted label", text: "label,t1\n\"\",0.5\n", format: detectFirst,
      error: .emptyField(file: fileName, line: 2, column: 1, columnName: "label"),
      messageFragments: [fileName, "Line 2", "column 1", "(\"label\")", "is empty"]),
    CSVRejection(
      name: "empty value after a header", text: "label,t1,t2\n1,,0.5\n", format: detectFirst,
      error: .emptyField(file: fileName, line: 2, column: 2, columnName: "t1"),
      messageFragments: [fileName, "Line 2", "column 2", "(\"t1\")"]),
    CSVRejection(
      name: "header without data rows", text: "label,t1,t2\n\n", format: detectFirst,
      error: .noDataRows(file: fileName),
      messageFragments: [fileName, "no data rows"]),
    CSVRejection(
      name: "header of one labelled column", text: "label\n1\n", format: DataFileFormat(header: .present),
      error: .missingValues(file: fileName, line: 1, label: "label"),
      messageFragments: [fileName, "Line 1", "\"label\"", "no values"]),
  ]

  @Test("rejects", arguments: rejections)
  fileprivate func rejects(_ rejection: CSVRejection) {
    let error = #expect(throws: DataError.self) {
      try parse(rejection.text, rejection.format)
    }

    #expect(error == rejection.error)
    let message = error?.description ?? ""
    for fragment in rejection.messageFragments {
      #expect(message.contains(fragment), "message: \(message)")
    }
  }

  @Test("missing-name message lists 20 names")
  func longNameListIsShortened() {
    let names = (1...30).map { "t\($0)" }
    let text = "kind," + names.joined(separator: ",") + "\n1," + Array(repeating: "0.5", count: 30).joined(separator: ",")
    let error = #expect(throws: DataError.self) {
      try parse(text, DataFileFormat(labelColumn: .name("class")))
    }

    let message = error?.description ?? ""
    #expect(message.contains("\"t19\" and 11 more"), "message: \(message)")
    #expect(!message.contains("\"t20\""), "message: \(message)")
  }

  // MARK: - Files on disk and speed

  @Test("loads a CSV file from disk")
  func loadsFile() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("CSVReaderTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("beats.csv").path
    try Data("t1,t2,kind\r\n0.5,-1.25,normal\r\n3,4,abnormal\r\n".utf8).write(to: URL(fileURLWithPath: path))

    let dataset = try DataFileReader.load(path: path, format: DataFileFormat(labelColumn: .name("kind")))

    #expect(dataset.values == Matrix(rowArrays: standardValues))
    #expect(dataset.labels == ["normal", "abnormal"])
    #expect(dataset.source == path)
  }

  /// A 4500-row, 140-value CSV with a header, the label last and quoted
  /// text labels, built in memory: the quoting and label-column paths must
  /// give the same numbers as the plain tab-separated layout.
  @Test("large CSV matches plain rows")
  func largeCSVMatchesPlainRows() throws {
    var generator = SeededGenerator(seed: 7)
    var plain = ""
    var csv = (0..<140).map { "\"t \($0)\"" }.joined(separator: ",") + ",\"class\"\r\n"
    for row in 0..<4500 {
      let values = (0..<140).map { _ in String(generator.nextUnitFloat() * 8 - 4) }
      let label = row % 3 == 0 ? "abnormal" : "normal"
      plain += label + "\t" + values.joined(separator: "\t") + "\n"
      csv += values.joined(separator: ",") + ",\"\(label)\"\r\n"
    }

    let fromPlain = try parse(plain, .ucr)
    let fromCSV = try parse(csv, DataFileFormat(labelColumn: .last))

    #expect(fromCSV.values == fromPlain.values)
    #expect(fromCSV.labels == fromPlain.labels)
    #expect(fromCSV.columnNames?.count == 140)
    #expect(fromCSV.columnNames?.last == "t 139")
    #expect(fromCSV.labelName == "class")
  }
}

@Suite("Dataset with column names")
struct CSVDatasetTests {
  @Test("appending keeps names both sets share")
  func appendingKeepsSharedNames() {
    let first = Dataset(
      values: Matrix(rowArrays: [[1, 2]]), labels: ["1"], source: "a.csv", columnNames: ["t1", "t2"], labelName: "kind")
    let same = Dataset(
      values: Matrix(rowArrays: [[3, 4]]), labels: ["2"], source: "b.csv", columnNames: ["t1", "t2"], labelName: "kind")
    let other = Dataset(values: Matrix(rowArrays: [[5, 6]]), labels: ["2"], source: "c.csv")

    let joined = first.appending(same)
    let mixed = first.appending(other)

    #expect(joined.columnNames == ["t1", "t2"])
    #expect(joined.labelName == "kind")
    #expect(joined.labels == ["1", "2"])
    #expect(joined.values == Matrix(rowArrays: [[1, 2], [3, 4]]))
    #expect(mixed.columnNames == nil)
    #expect(mixed.labelName == nil)
  }
}
