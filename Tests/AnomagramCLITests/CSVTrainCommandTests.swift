import AnomagramCore
import Foundation
import Testing

@testable import AnomagramCLI

/// CSV versions of `SyntheticBeats`: a header row of quoted names, fields
/// separated by commas, CRLF line ends and the label in a chosen column.
enum CSVBeats {
  /// Where the label goes in each row.
  enum LabelPlace {
    case first
    case last
    /// Unlabelled rows: the label is dropped.
    case none
  }

  /// Returns the rows of `SyntheticBeats.text` as CSV. The header names the
  /// value columns `"t 1"` to `"t 20"` and the label column `"beat class"`.
  static func text(
    normalRows: Int, abnormalRows: Int, normalLabel: String = "normal", abnormalLabel: String = "abnormal",
    label: LabelPlace, header: Bool = true
  ) -> String {
    let plain = SyntheticBeats.text(
      normalRows: normalRows, abnormalRows: abnormalRows, normalLabel: normalLabel, abnormalLabel: abnormalLabel)
    var rows = plain.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    if header {
      rows.insert(["\"beat class\""] + (1...SyntheticBeats.featureCount).map { "\"t \($0)\"" }, at: 0)
    }
    let arranged = rows.map { fields -> [String] in
      switch label {
      case .first: fields
      case .last: Array(fields.dropFirst()) + [fields[0]]
      case .none: Array(fields.dropFirst())
      }
    }
    return arranged.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
  }

  /// Options for a run that takes well under a second, as `SyntheticBeats.smallRunArguments`.
  static func smallRunArguments(data: String, testSize: Int = 40) -> [String] {
    [
      "--data", data, "--train-size", "50", "--test-size", "\(testSize)", "--layers", "8", "--latent", "2",
      "--epochs", "3", "--batch-size", "16",
    ]
  }
}

@Suite("TrainCommand with CSV files", .timeLimit(.minutes(1)))
struct CSVTrainCommandTests {
  // MARK: - Complete runs

  @Test("header and text labels run")
  func headerAndTextLabels() throws {
    try withTemporaryFolder { folder in
      let path = try writeFile(
        CSVBeats.text(normalRows: 80, abnormalRows: 40, label: .last), named: "beats.csv", in: folder)

      let run = runTrain(
        CSVBeats.smallRunArguments(data: path)
          + ["--label-column", "last", "--normal-class", "normal", "--json", "--quiet"])
      let report = try jsonObject(run.output)
      let data = try #require(report["data"] as? [String: Any])

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(run.error.isEmpty)
      let auc = try #require(report["auc"] as? Double)
      #expect((0...1).contains(auc))
      #expect(data["features"] as? Int == SyntheticBeats.featureCount)
      #expect(data["testClassCounts"] as? [String: Int] == ["normal": 27, "abnormal": 13])
      #expect(data["trainAbnormalRows"] as? Int == 0)
    }
  }

  @Test("label column by name")
  func labelColumnByName() throws {
    try withTemporaryFolder { folder in
      let path = try writeFile(
        CSVBeats.text(normalRows: 80, abnormalRows: 40, label: .last), named: "beats.csv", in: folder)

      let run = runTrain(
        CSVBeats.smallRunArguments(data: path)
          + ["--label-column", "beat class", "--normal-class", "normal", "--json", "--quiet"])
      let data = try #require(try jsonObject(run.output)["data"] as? [String: Any])

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(data["testClassCounts"] as? [String: Int] == ["normal": 27, "abnormal": 13])
    }
  }

  @Test("label column by number")
  func labelColumnByNumber() throws {
    try withTemporaryFolder { folder in
      let path = try writeFile(
        CSVBeats.text(normalRows: 80, abnormalRows: 40, label: .last), named: "beats.csv", in: folder)

      let run = runTrain(
        CSVBeats.smallRunArguments(data: path)
          + ["--label-column", "\(SyntheticBeats.featureCount + 1)", "--normal-class", "normal", "--json", "--quiet"])
      let report = try jsonObject(run.output)

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(report["auc"] as? Double != nil)
    }
  }

  @Test("several text normal labels")
  func severalTextNormalLabels() throws {
    try withTemporaryFolder { folder in
      let path = try writeFile(
        CSVBeats.text(normalRows: 80, abnormalRows: 40, label: .first), named: "beats.csv", in: folder)

      let run = runTrain(
        CSVBeats.smallRunArguments(data: path) + ["--normal-class", "normal,abnormal", "--json", "--quiet"])
      let data = try #require(try jsonObject(run.output)["data"] as? [String: Any])

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(data["testAbnormalRows"] as? Int == 0)
      #expect(data["testNormalRows"] as? Int == 40)
    }
  }

  @Test("forced header reads numeric names")
  func forcedHeader() throws {
    try withTemporaryFolder { folder in
      // Without --header the numeric first row would be a 121st data row.
      let names = (0...SyntheticBeats.featureCount).map(String.init).joined(separator: "\t")
      let path = try writeFile(
        names + "\n" + SyntheticBeats.text(normalRows: 80, abnormalRows: 40), named: "beats.tsv", in: folder)

      let options = try TrainOptions.parse(["--data", path, "--header"])
      let pool = try TrainCommand.loadData(options).pool
      let run = runTrain(SyntheticBeats.smallRunArguments(data: path) + ["--header", "--json", "--quiet"])
      let data = try #require(try jsonObject(run.output)["data"] as? [String: Any])

      #expect(pool.sampleCount == 120)
      #expect(pool.labelName == "0")
      #expect(pool.columnNames == (1...SyntheticBeats.featureCount).map(String.init))
      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(run.error.isEmpty, "stderr: \(run.error)")
      #expect(data["testClassCounts"] as? [String: Int] == ["1": 27, "2": 13])
    }
  }

  @Test("no-header rejects a header row")
  func noHeaderRejectsHeaderRow() throws {
    try withTemporaryFolder { folder in
      let path = try writeFile(
        CSVBeats.text(normalRows: 80, abnormalRows: 40, label: .first), named: "beats.csv", in: folder)

      let run = runTrain(CSVBeats.smallRunArguments(data: path) + ["--no-header", "--quiet"])

      #expect(run.status == 1)
      #expect(run.error.contains(path))
      // The label column takes any text, so the first value column fails.
      #expect(run.error.contains("Line 1, column 2"))
      #expect(run.error.contains("\"t 1\""))
    }
  }

  // MARK: - Data errors

  @Test("missing label name exits 1")
  func labelNameNotFound() throws {
    try withTemporaryFolder { folder in
      let path = try writeFile(
        CSVBeats.text(normalRows: 80, abnormalRows: 40, label: .last), named: "beats.csv", in: folder)

      let run = runTrain(CSVBeats.smallRunArguments(data: path) + ["--label-column", "class", "--quiet"])

      #expect(run.status == 1)
      #expect(run.error.contains(path))
      #expect(run.error.contains("line 1"))
      #expect(run.error.contains("no column named \"class\""))
      #expect(run.error.contains("\"t 1\", \"t 2\""))
      #expect(run.error.contains("and 1 more"))
      #expect(run.output.isEmpty)
    }
  }

  @Test("label column out of range")
  func labelColumnOutOfRange() throws {
    try withTemporaryFolder { folder in
      let path = try writeFile(
        CSVBeats.text(normalRows: 80, abnormalRows: 40, label: .last), named: "beats.csv", in: folder)

      let run = runTrain(CSVBeats.smallRunArguments(data: path) + ["--label-column", "99", "--quiet"])

      #expect(run.status == 1)
      #expect(run.error.contains(path))
      #expect(run.error.contains("label column 99"))
      #expect(run.error.contains("21 columns"))
    }
  }

  @Test("text in value column names it")
  func textLabelInValueColumn() throws {
    try withTemporaryFolder { folder in
      // The labels are last, but the default label column is the first.
      let path = try writeFile(
        CSVBeats.text(normalRows: 80, abnormalRows: 40, label: .last), named: "beats.csv", in: folder)

      let run = runTrain(CSVBeats.smallRunArguments(data: path) + ["--quiet"])

      #expect(run.status == 1)
      #expect(run.error.contains(path))
      #expect(run.error.contains("Line 2, column 21 (\"beat class\")"))
      #expect(run.error.contains("\"normal\""))
    }
  }

  @Test("short row exits 1 with counts")
  func shortRow() throws {
    try withTemporaryFolder { folder in
      let text = CSVBeats.text(normalRows: 10, abnormalRows: 0, label: .last) + "0.5,0.25,normal\r\n"
      let path = try writeFile(text, named: "beats.csv", in: folder)

      let run = runTrain(CSVBeats.smallRunArguments(data: path) + ["--label-column", "last", "--quiet"])

      #expect(run.status == 1)
      #expect(run.error.contains(path))
      #expect(run.error.contains("Line 12"))
      #expect(run.error.contains("has 3 columns, expected 21"))
    }
  }

  // MARK: - Usage errors

  @Test("label name with no-header exits 2")
  func labelNameWithNoHeader() {
    let run = runTrain(["--label-column", "kind", "--no-header"])

    #expect(run.status == 2)
    #expect(run.error.contains("--label-column \"kind\""))
    #expect(run.error.contains("--no-header"))
  }

  @Test("label column 0 exits 2")
  func labelColumnZero() {
    let run = runTrain(["--label-column", "0"])

    #expect(run.status == 2)
    #expect(run.error.contains("\"0\" for --label-column"))
    #expect(run.error.contains("the first column is 1"))
  }

  @Test("empty label column exits 2")
  func emptyLabelColumn() {
    let run = runTrain(["--label-column", ""])

    #expect(run.status == 2)
    #expect(run.error.contains("--label-column"))
  }

  @Test("test label column needs test data")
  func testLabelColumnWithoutTestData() {
    let run = runTrain(["--test-label-column", "last"])

    #expect(run.status == 2)
    #expect(run.error.contains("--test-label-column needs --test-data"))
  }

  @Test("help lists the data format options")
  func helpListsOptions() {
    let run = runTrain(["--help"])

    for option in ["--label-column COLUMN", "--test-label-column COLUMN", "--header", "--no-header"] {
      #expect(run.output.contains(option), "missing \(option)")
    }
  }
}

private let labelOptionCases: [ParseCase] = [
  ParseCase(["--label-column", "first"]) { $0.labelColumn = .first },
  ParseCase(["--label-column", "last"]) { $0.labelColumn = .last },
  ParseCase(["--label-column", "none"]) { $0.labelColumn = .unlabelled },
  ParseCase(["--label-column", "3"]) { $0.labelColumn = .number(3) },
  ParseCase(["--label-column", "beat class"]) { $0.labelColumn = .name("beat class") },
  ParseCase(["--label-column", "Last"]) { $0.labelColumn = .name("Last") },
  ParseCase(["--test-data", "t.csv", "--test-label-column", "none"]) {
    $0.testDataFile = "t.csv"
    $0.testLabelColumn = .unlabelled
  },
  ParseCase(["--header"]) { $0.header = .present },
  ParseCase(["--no-header"]) { $0.header = .absent },
  ParseCase(["--header", "--no-header"]) { $0.header = .absent },
]

@Suite("TrainOptions for CSV files")
struct CSVTrainOptionsTests {
  @Test("parses", arguments: labelOptionCases)
  func parses(_ parseCase: ParseCase) throws {
    #expect(try TrainOptions.parse(parseCase.arguments) == parseCase.expected)
  }

  @Test("formats follow the label columns")
  func formats() throws {
    let options = try TrainOptions.parse(
      ["--label-column", "none", "--test-data", "t.csv", "--test-label-column", "last", "--header"])

    #expect(options.dataFormat == DataFileFormat(header: .present, labelColumn: .unlabelled))
    #expect(options.testDataFormat == DataFileFormat(header: .present, labelColumn: .last))
    #expect(options.testRowsAreLabelled)
  }

  @Test("test format defaults to data's")
  func testFormatDefault() throws {
    let options = try TrainOptions.parse(["--label-column", "2", "--test-data", "t.csv"])

    #expect(options.testDataFormat == DataFileFormat(labelColumn: .number(2)))
  }
}
