import AnomagramCore
import Foundation
import Testing

@testable import AnomagramCLI

/// Writes 80 unlabelled normal-shaped rows with a header and returns the path.
private func writeUnlabelledFile(in folder: URL, header: Bool = true) throws -> String {
  try writeFile(
    CSVBeats.text(normalRows: 80, abnormalRows: 0, label: .none, header: header), named: "plain.csv", in: folder)
}

private let unlabelledRunOptions = ["--label-column", "none", "--test-size", "30", "--quiet"]

@Suite("TrainCommand with unlabelled data", .timeLimit(.minutes(1)))
struct UnlabelledTrainCommandTests {
  // MARK: - Complete runs

  @Test("unlabelled run reports null AUC")
  func reportsNullAUC() throws {
    try withTemporaryFolder { folder in
      let path = try writeUnlabelledFile(in: folder)

      let run = runTrain(CSVBeats.smallRunArguments(data: path, testSize: 30) + unlabelledRunOptions + ["--json"])
      let report = try jsonObject(run.output)
      let threshold = try #require(report["threshold"] as? [String: Any])
      let data = try #require(report["data"] as? [String: Any])
      let metrics = try #require(report["metrics"] as? [String: Any])

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(report["auc"] is NSNull)
      #expect(report["baselineAUC"] is NSNull)
      #expect(threshold["rule"] as? String == "percentile:99")
      #expect(data["trainRows"] as? Int == 50)
      #expect(data["trainAbnormalRows"] as? Int == 0)
      #expect(data["testRows"] as? Int == 30)
      #expect(data["testClassCounts"] as? [String: Int] == [ClassLabel.unlabelled: 30])
      #expect(metrics["truePositives"] as? Int == 0)
      #expect(try confusionTotal(metrics) == 30)
      let warnings = try #require(data["warnings"] as? [String])
      #expect(warnings.contains { $0.contains("test rows are unlabelled") })
    }
  }

  @Test("summary says the data is unlabelled")
  func summarySaysUnlabelled() throws {
    try withTemporaryFolder { folder in
      let path = try writeUnlabelledFile(in: folder)

      let run = runTrain(CSVBeats.smallRunArguments(data: path, testSize: 30) + unlabelledRunOptions)
      let firstLine = run.output.split(separator: "\n").first.map(String.init) ?? ""

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(firstLine.contains("The training data is unlabelled, so all 50 training rows count as normal"))
      #expect(firstLine.contains("30 test rows are unlabelled, so there is no AUC"))
      #expect(run.output.contains("AUC: n/a"))
      #expect(run.output.contains("set by the 99th percentile of training errors"))
    }
  }

  @Test("training-error rules work unlabelled", arguments: ["mean-std:2", "fixed:0.05", "percentile:90"])
  func trainingErrorRules(_ rule: String) throws {
    try withTemporaryFolder { folder in
      let path = try writeUnlabelledFile(in: folder, header: false)

      let run = runTrain(
        CSVBeats.smallRunArguments(data: path, testSize: 30) + unlabelledRunOptions + ["--threshold", rule, "--json"])
      let threshold = try #require(try jsonObject(run.output)["threshold"] as? [String: Any])

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(threshold["rule"] as? String == rule)
    }
  }

  @Test("labelled test file gives an AUC")
  func labelledTestFile() throws {
    try withTemporaryFolder { folder in
      let trainPath = try writeUnlabelledFile(in: folder)
      let testPath = try writeFile(
        CSVBeats.text(normalRows: 20, abnormalRows: 10, label: .last), named: "test.csv", in: folder)

      let run = runTrain(
        CSVBeats.smallRunArguments(data: trainPath, testSize: 30)
          + [
            "--label-column", "none", "--test-data", testPath, "--test-label-column", "last", "--normal-class",
            "normal", "--threshold", "max-f1", "--json", "--quiet",
          ])
      let report = try jsonObject(run.output)
      let data = try #require(report["data"] as? [String: Any])

      #expect(run.status == 0, "stderr: \(run.error)")
      let auc = try #require(report["auc"] as? Double)
      #expect((0...1).contains(auc))
      #expect(data["testClassCounts"] as? [String: Int] == ["normal": 20, "abnormal": 10])
      #expect(data["warnings"] as? [String] == [])
    }
  }

  @Test("summary names unlabelled training data")
  func summaryNamesUnlabelledTraining() throws {
    try withTemporaryFolder { folder in
      let trainPath = try writeUnlabelledFile(in: folder)
      let testPath = try writeFile(
        CSVBeats.text(normalRows: 20, abnormalRows: 10, label: .first), named: "test.csv", in: folder)

      let run = runTrain(
        CSVBeats.smallRunArguments(data: trainPath, testSize: 30)
          + ["--label-column", "none", "--test-data", testPath, "--test-label-column", "first", "--normal-class",
            "normal", "--quiet"])

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(run.output.hasPrefix("The training data is unlabelled, so all 50 training rows count as normal. "
        + "The test rows are labelled.\n"))
      #expect(!run.output.contains("AUC: n/a"))
    }
  }

  @Test("unlabelled test file after labelled training")
  func unlabelledTestFile() throws {
    try withTemporaryFolder { folder in
      let trainPath = try SyntheticBeats.writeStandardFile(in: folder)
      let testPath = try writeUnlabelledFile(in: folder)

      let run = runTrain(
        SyntheticBeats.smallRunArguments(data: trainPath)
          + ["--test-data", testPath, "--test-label-column", "none", "--test-size", "30", "--quiet"])

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(run.output.hasPrefix("The training rows are labelled. The 30 test rows are unlabelled"))
      #expect(run.output.contains("AUC: n/a"))
    }
  }

  // MARK: - Usage errors

  @Test("label rule exits 2 naming --threshold", arguments: ["max-f1", "max-accuracy", "youden"])
  func labelRuleRejected(_ rule: String) throws {
    try withTemporaryFolder { folder in
      let path = try writeUnlabelledFile(in: folder)

      let run = runTrain(
        CSVBeats.smallRunArguments(data: path, testSize: 30) + unlabelledRunOptions + ["--threshold", rule])

      #expect(run.status == 2)
      #expect(run.error.contains("--threshold \(rule) needs labelled test rows"))
      #expect(run.error.contains("unlabelled"))
      #expect(run.error.contains("percentile[:P], mean-std[:K] or fixed:VALUE"))
      #expect(run.output.isEmpty)
    }
  }

  @Test("label rule on unlabelled test file")
  func labelRuleWithUnlabelledTestFile() {
    let run = runTrain(["--test-data", "t.csv", "--test-label-column", "none", "--threshold", "youden"])

    #expect(run.status == 2)
    #expect(run.error.contains("--threshold youden needs labelled test rows"))
  }

  @Test("abnormal share above 0 exits 2")
  func abnormalShareRejected() {
    let run = runTrain(["--label-column", "none", "--abnormal-share", "0.1"])

    #expect(run.status == 2)
    #expect(run.error.contains("--abnormal-share is 0.1, but it must be 0 with --label-column none"))
  }

  @Test("abnormal share 0 is accepted")
  func abnormalShareZeroAccepted() throws {
    let options = try TrainOptions.parse(["--label-column", "none", "--abnormal-share", "0"])

    #expect(options.labelColumn == .unlabelled)
    #expect(!options.testRowsAreLabelled)
  }
}
