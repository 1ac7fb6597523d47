import AnomagramCore
import Foundation
import Testing

@testable import AnomagramTUI

/// Parses CSV text as RFC 4180 describes it: fields separated by commas,
/// records by `\n` (or `\r\n`), quoted fields with doubled quotes inside.
/// Written here rather than taken from the app, so the test does not read
/// the file with the rules that wrote it.
func parseCSV(_ text: String) -> [[String]] {
  var records: [[String]] = []
  var record: [String] = []
  var field = ""
  var isQuoted = false
  var characters = Array(text.unicodeScalars)[...]
  while let scalar = characters.popFirst() {
    if isQuoted {
      if scalar == "\"" {
        if characters.first == "\"" {
          field.unicodeScalars.append("\"")
          characters.removeFirst()
        } else {
          isQuoted = false
        }
      } else {
        field.unicodeScalars.append(scalar)
      }
      continue
    }
    switch scalar {
    case "\"": isQuoted = true
    case ",":
      record.append(field)
      field = ""
    case "\r" where characters.first == "\n":
      break
    case "\n":
      record.append(field)
      records.append(record)
      record = []
      field = ""
    default:
      field.unicodeScalars.append(scalar)
    }
  }
  if !field.isEmpty || !record.isEmpty {
    record.append(field)
    records.append(record)
  }
  return records
}

@Suite("RunHistoryCSV")
struct RunHistoryCSVTests {
  static let utc = TimeZone(identifier: "UTC")!

  /// A finished run with every field, on data whose name needs quoting.
  static let finished = RunRecord(
    number: 1, startedAt: Date(timeIntervalSince1970: 1_750_000_000), data: "beats, \"v2\".csv: 60 rows of 24 values",
    architecture: "24-12-6-3-6-12-24", hiddenActivation: .leakyRelu, optimizer: .adam, learningRate: 0.001,
    batchSize: 32, seed: 7, epochsRun: 50, epochsPlanned: 50, trainingLoss: 0.012345678, validationLoss: 0.0234,
    auc: 0.9725, baselineAUC: 0.9512, threshold: ThresholdChoice(value: 0.0456, rule: .percentile(99)),
    trainingSeconds: 12.3456, status: .finished)

  /// A stopped run without a start time, losses, AUC or threshold.
  static let stopped = RunRecord(
    number: 2, startedAt: nil, data: "plain", architecture: "24-3-24", hiddenActivation: .relu, optimizer: .sgd,
    learningRate: 0.1, batchSize: 1, seed: 0, epochsRun: 0, epochsPlanned: 10, trainingLoss: nil,
    validationLoss: nil, auc: nil, baselineAUC: nil, threshold: nil, trainingSeconds: 0.25, status: .stopped)

  @Test("fields are quoted only when needed")
  func quoting() {
    #expect(RunHistoryCSV.quotedIfNeeded("plain") == "plain")
    #expect(RunHistoryCSV.quotedIfNeeded("a,b") == "\"a,b\"")
    #expect(RunHistoryCSV.quotedIfNeeded("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(RunHistoryCSV.quotedIfNeeded("two\nlines") == "\"two\nlines\"")
    #expect(RunHistoryCSV.quotedIfNeeded("crlf\r\nend") == "\"crlf\r\nend\"")
    #expect(RunHistoryCSV.quotedIfNeeded("") == "")
  }

  @Test("text has a header and one row per run")
  func textRows() {
    let text = RunHistoryCSV.text([Self.finished, Self.stopped], timeZone: Self.utc)

    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 4)
    #expect(lines[0] == RunHistoryCSV.columns.joined(separator: ","))
    #expect(
      lines[1]
        == "1,2025-06-15T15:06:40Z,\"beats, \"\"v2\"\".csv: 60 rows of 24 values\",24-12-6-3-6-12-24,leaky-relu,"
        + "adam,0.001,32,7,50,50,0.012345678,0.0234,0.9725,0.9512,0.0456,percentile:99,12.346,finished")
    #expect(lines[2] == "2,,plain,24-3-24,relu,sgd,0.1,1,0,0,10,,,,,,,0.250,stopped")
    #expect(lines[3] == "")
  }

  @Test("written file parses back")
  func writtenFileParsesBack() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.file("runs.csv")
    let records = [Self.finished, Self.stopped]

    let event = FileTasks.perform(
      .exportRuns(records, path: path, timeZone: Self.utc, overwrite: false), data: (Fixtures.pool, nil))

    guard case .runsExported(let writtenPath, let rows) = event else {
      Issue.record("expected an export, got \(String(describing: event))")
      return
    }
    #expect(writtenPath == path)
    #expect(rows == 2)
    let table = parseCSV(try String(contentsOfFile: path, encoding: .utf8))
    #expect(table.count == 3)
    let header = try #require(table.first)
    #expect(header == RunHistoryCSV.columns)
    #expect(table.allSatisfy { $0.count == header.count })
    let first = Dictionary(uniqueKeysWithValues: zip(header, table[1]))
    #expect(first["run"] == "1")
    #expect(first["started"] == "2025-06-15T15:06:40Z")
    #expect(first["data"] == Self.finished.data)
    #expect(first["architecture"] == "24-12-6-3-6-12-24")
    #expect(Float(first["learning_rate"] ?? "") == 0.001)
    #expect(Double(first["train_loss"] ?? "") == 0.012345678)
    #expect(Double(first["auc"] ?? "") == 0.9725)
    #expect(Double(first["pca_auc"] ?? "") == 0.9512)
    #expect(Float(first["threshold"] ?? "") == 0.0456)
    #expect(first["threshold_rule"] == "percentile:99")
    #expect(first["status"] == "finished")
    let second = Dictionary(uniqueKeysWithValues: zip(header, table[2]))
    #expect(second["started"] == "")
    #expect(second["auc"] == "")
    #expect(second["threshold_rule"] == "")
    #expect(second["status"] == "stopped")
  }

  @Test("existing CSV is kept until replacing is allowed")
  func existingFileAsks() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("old", to: "runs.csv")

    let event = FileTasks.perform(
      .exportRuns([Self.finished], path: path, timeZone: Self.utc, overwrite: false), data: (Fixtures.pool, nil))

    guard case .fileExists = event else {
      Issue.record("expected a question, got \(String(describing: event))")
      return
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
  }
}
