import AnomagramCore
import Foundation
import Testing

@testable import AnomagramCLI

/// A command line that `anomagram train` must reject, and the option its
/// message must name.
struct UsageErrorCase: CustomTestStringConvertible, Sendable {
  let label: String
  let arguments: [String]
  let option: String

  var testDescription: String { label }
}

private let usageErrorCases: [UsageErrorCase] = [
  UsageErrorCase(label: "negative learning rate", arguments: ["--learning-rate", "-0.1"], option: "--learning-rate"),
  UsageErrorCase(label: "zero units in layers", arguments: ["--layers", "64,0"], option: "--layers"),
  UsageErrorCase(label: "empty entry in layers", arguments: ["--layers", "64,,16"], option: "--layers"),
  UsageErrorCase(label: "batch size 0", arguments: ["--batch-size", "0"], option: "--batch-size"),
  UsageErrorCase(label: "unknown optimizer", arguments: ["--optimizer", "lbfgs"], option: "--optimizer"),
  UsageErrorCase(label: "unknown option", arguments: ["--epoch", "5"], option: "--epoch"),
  UsageErrorCase(label: "missing value at the end", arguments: ["--json", "--epochs"], option: "--epochs"),
  UsageErrorCase(label: "missing preset name at the end", arguments: ["--preset"], option: "--preset"),
  UsageErrorCase(label: "abnormal share 0.95", arguments: ["--abnormal-share", "0.95"], option: "--abnormal-share"),
  UsageErrorCase(label: "beta1 of 1", arguments: ["--beta1", "1"], option: "--beta1"),
  UsageErrorCase(label: "momentum of 1", arguments: ["--momentum", "1"], option: "--momentum"),
  UsageErrorCase(label: "flag given a value", arguments: ["--json=yes"], option: "--json"),
  UsageErrorCase(label: "unknown preset", arguments: ["--preset", "fancy"], option: "--preset"),
  UsageErrorCase(label: "unknown threshold rule", arguments: ["--threshold", "median"], option: "--threshold"),
  UsageErrorCase(label: "percentile above 100", arguments: ["--threshold", "percentile:101"], option: "--threshold"),
  UsageErrorCase(label: "negative seed", arguments: ["--seed", "-1"], option: "--seed"),
  UsageErrorCase(label: "zero epochs", arguments: ["--epochs", "0"], option: "--epochs"),
  UsageErrorCase(label: "zero latent units", arguments: ["--latent", "0"], option: "--latent"),
  UsageErrorCase(label: "tanh output", arguments: ["--output-activation", "tanh"], option: "--output-activation"),
  UsageErrorCase(label: "no normal labels", arguments: ["--normal-class", ","], option: "--normal-class"),
  UsageErrorCase(label: "negative regularization rate", arguments: ["--reg-rate", "-1"], option: "--reg-rate"),
  UsageErrorCase(label: "zero epsilon", arguments: ["--epsilon", "0"], option: "--epsilon"),
  UsageErrorCase(label: "argument without dashes", arguments: ["beats.tsv"], option: "beats.tsv"),
  UsageErrorCase(label: "option name as a value", arguments: ["--save", "--json"], option: "--save"),
  UsageErrorCase(label: "short option as a value", arguments: ["--save", "-q"], option: "--save"),
  UsageErrorCase(label: "save to standard output", arguments: ["--save", "-"], option: "--save"),
  UsageErrorCase(label: "seed above the largest", arguments: ["--seed", "18446744073709551616"], option: "--seed"),
  UsageErrorCase(label: "trailing comma in normal classes", arguments: ["--normal-class", "1,"], option: "--normal-class"),
  UsageErrorCase(label: "negative fixed threshold", arguments: ["--threshold", "fixed:-1"], option: "--threshold"),
]

@Suite("TrainCommand", .timeLimit(.minutes(1)))
struct TrainCommandTests {
  // MARK: - Usage errors

  @Test("usage error exits 2 naming the option", arguments: usageErrorCases)
  func usageError(_ errorCase: UsageErrorCase) {
    let run = runTrain(errorCase.arguments)

    #expect(run.status == 2)
    #expect(run.error.hasPrefix("anomagram train: "))
    #expect(run.error.contains(errorCase.option), "stderr: \(run.error)")
    #expect(run.output.isEmpty)
  }

  // MARK: - Data errors

  @Test("non-numeric value exits 1 with file, line and value")
  func nonNumericValue() throws {
    try withTemporaryFolder { folder in
      let text =
        SyntheticBeats.text(normalRows: 2, abnormalRows: 0)
        + "1\t0.5\tabc" + String(repeating: "\t0.5", count: SyntheticBeats.featureCount - 2) + "\n"
      let path = try writeFile(text, named: "bad.tsv", in: folder)

      let run = runTrain(["--data", path, "--quiet"])

      #expect(run.status == 1)
      #expect(run.error.contains(path))
      #expect(run.error.contains("Line 3, column 3"))
      #expect(run.error.contains("\"abc\""))
      #expect(run.output.isEmpty)
    }
  }

  @Test("missing file exits 1 naming it")
  func missingFile() throws {
    try withTemporaryFolder { folder in
      let path = folder.appendingPathComponent("absent.tsv").path

      let run = runTrain(["--data", path, "--quiet"])

      #expect(run.status == 1)
      #expect(run.error.contains(path))
      #expect(run.error.contains("does not exist"))
      #expect(run.output.isEmpty)
    }
  }

  @Test("empty file exits 1 naming it")
  func emptyFile() throws {
    try withTemporaryFolder { folder in
      let path = try writeFile("", named: "empty.tsv", in: folder)

      let run = runTrain(["--data", path, "--quiet"])

      #expect(run.status == 1)
      #expect(run.error.contains(path))
      #expect(run.error.contains("no data rows"))
      #expect(run.output.isEmpty)
    }
  }

  @Test("normal class absent from data exits 1 listing the labels")
  func normalClassAbsent() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let run = runTrain(SyntheticBeats.smallRunArguments(data: path) + ["--normal-class", "9", "--quiet"])

      #expect(run.status == 1)
      #expect(run.error.contains(path))
      #expect(run.error.contains("normal label 9"))
      #expect(run.error.contains("present: 1, 2"))
      #expect(run.output.isEmpty)
    }
  }

  @Test("test file with other row length exits 1 naming both files")
  func testFileRowLengthMismatch() throws {
    try withTemporaryFolder { folder in
      let trainPath = try SyntheticBeats.writeStandardFile(in: folder)
      let testPath = try writeFile("1\t0.1\t0.2\n2\t0.3\t0.4\n", named: "short.tsv", in: folder)

      let run = runTrain(SyntheticBeats.smallRunArguments(data: trainPath) + ["--test-data", testPath, "--quiet"])

      #expect(run.status == 1)
      #expect(run.error.contains(trainPath))
      #expect(run.error.contains(testPath))
      #expect(run.error.contains("has 2"))
      #expect(run.output.isEmpty)
    }
  }

  @Test("pooled data files with other row lengths exit 1")
  func pooledFilesRowLengthMismatch() throws {
    try withTemporaryFolder { folder in
      let firstPath = try SyntheticBeats.writeStandardFile(in: folder)
      let secondPath = try writeFile("1\t0.1\t0.2\n2\t0.3\t0.4\n", named: "short.tsv", in: folder)

      let run = runTrain(["--data", firstPath, "--data", secondPath, "--quiet"])

      #expect(run.status == 1)
      #expect(run.error.contains(firstPath))
      #expect(run.error.contains(secondPath))
      // Both files are --data files pooled for the split, so neither is test data.
      #expect(!run.error.contains("test data"), "stderr: \(run.error)")
      #expect(run.output.isEmpty)
    }
  }

  @Test("label threshold rule on one-class test set exits 1")
  func labelRuleOnOneClassTestSet() throws {
    try withTemporaryFolder { folder in
      let trainPath = try SyntheticBeats.writeStandardFile(in: folder)
      let testPath = try writeFile(
        SyntheticBeats.text(normalRows: 20, abnormalRows: 0), named: "normal.tsv", in: folder)

      let run = runTrain(
        SyntheticBeats.smallRunArguments(data: trainPath)
          + ["--test-data", testPath, "--test-size", "20", "--threshold", "max-f1", "--quiet"])

      #expect(run.status == 1)
      #expect(run.error.contains("\"max-f1\" needs normal and abnormal samples"))
      #expect(run.output.isEmpty)
    }
  }

  // MARK: - Complete runs

  @Test("small run exits 0 with a clean stderr")
  func smallRunSucceeds() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let run = runTrain(SyntheticBeats.smallRunArguments(data: path) + ["--quiet"])

      #expect(run.status == 0)
      #expect(run.error.isEmpty)
      #expect(run.output.hasPrefix("Model 20-8-2-8-20 "))
    }
  }

  @Test("same seed gives identical losses and AUC")
  func sameSeedRepeats() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)
      let arguments = SyntheticBeats.smallRunArguments(data: path) + ["--seed", "5", "--json", "--quiet"]

      let first = try jsonObject(runTrain(arguments).output)
      let second = try jsonObject(runTrain(arguments).output)
      let otherSeed = try jsonObject(runTrain(arguments + ["--seed", "6"]).output)

      let firstLosses = try trainLosses(first)
      #expect(firstLosses.count == 3)
      #expect(try trainLosses(second) == firstLosses)
      #expect(try validationLosses(second) == validationLosses(first))
      #expect(second["auc"] as? Double == first["auc"] as? Double)
      #expect(first["auc"] as? Double != nil)
      // A different seed changes the split and the initial weights, so this
      // shows that the comparison above can fail.
      #expect(try trainLosses(otherSeed) != firstLosses)
    }
  }

  @Test("test data file supplies the test rows")
  func testDataFile() throws {
    try withTemporaryFolder { folder in
      let trainPath = try SyntheticBeats.writeStandardFile(in: folder)
      // Label 3 occurs only in the test file.
      let testPath = try writeFile(
        SyntheticBeats.text(normalRows: 20, abnormalRows: 10, abnormalLabel: "3"), named: "test.tsv", in: folder)

      let run = runTrain(
        SyntheticBeats.smallRunArguments(data: trainPath)
          + ["--test-data", testPath, "--test-size", "30", "--json", "--quiet"])
      let report = try jsonObject(run.output)
      let config = try #require(report["config"] as? [String: Any])
      let data = try #require(report["data"] as? [String: Any])

      #expect(run.status == 0)
      #expect(config["testDataFile"] as? String == testPath)
      #expect(config["dataFiles"] as? [String] == [trainPath])
      #expect(data["testRows"] as? Int == 30)
      #expect(data["testClassCounts"] as? [String: Int] == ["1": 20, "3": 10])
      #expect(data["trainRows"] as? Int == 50)
    }
  }

  @Test("abnormal share puts abnormal rows into training")
  func abnormalShare() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let run = runTrain(
        SyntheticBeats.smallRunArguments(data: path) + ["--abnormal-share", "0.2", "--json", "--quiet"])
      let data = try #require(try jsonObject(run.output)["data"] as? [String: Any])

      #expect(run.status == 0)
      #expect(data["trainRows"] as? Int == 50)
      #expect(data["trainAbnormalRows"] as? Int == 10)
    }
  }

  @Test("one-class test set reports null AUC and exits 0")
  func oneClassTestSet() throws {
    try withTemporaryFolder { folder in
      let trainPath = try SyntheticBeats.writeStandardFile(in: folder)
      let testPath = try writeFile(
        SyntheticBeats.text(normalRows: 20, abnormalRows: 0), named: "normal.tsv", in: folder)

      let run = runTrain(
        SyntheticBeats.smallRunArguments(data: trainPath)
          + ["--test-data", testPath, "--test-size", "20", "--json", "--quiet"])
      let report = try jsonObject(run.output)
      let threshold = try #require(report["threshold"] as? [String: Any])
      let metrics = try #require(report["metrics"] as? [String: Any])
      let alternatives = try #require(report["alternativeThresholds"] as? [[String: Any]])

      #expect(run.status == 0)
      #expect(report["auc"] is NSNull)
      #expect(report["baselineAUC"] is NSNull)
      #expect(threshold["rule"] as? String == "percentile:99")
      #expect(metrics["truePositives"] as? Int == 0)
      #expect(metrics["falseNegatives"] as? Int == 0)
      #expect(metrics["recall"] is NSNull)
      #expect(try confusionTotal(metrics) == 20)
      // Rules that need both classes are left out of the comparison.
      #expect(alternatives.compactMap { ($0["threshold"] as? [String: Any])?["rule"] as? String } == ["mean-std:3"])
    }
  }

  @Test("too few rows give a warning and still run")
  func tooFewRows() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let run = runTrain(
        [
          "--data", path, "--train-size", "100", "--test-size", "20", "--layers", "8", "--epochs", "2",
          "--batch-size", "16", "--json", "--quiet",
        ])
      let data = try #require(try jsonObject(run.output)["data"] as? [String: Any])
      let warnings = try #require(data["warnings"] as? [String])

      #expect(run.status == 0)
      // The test quotas of 20 rows over 80 normal and 40 abnormal rows are 13
      // and 7, so training keeps round(80 * 13 / 113) = 9 normal rows back.
      #expect(run.error.contains("anomagram train: Training uses 71 normal rows instead of the requested 100"))
      #expect(data["trainRows"] as? Int == 71)
      #expect(warnings.count == run.errorLines.count)
    }
  }

  @Test("diverging run exits 1 and suggests a smaller learning rate")
  func divergingRun() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let run = runTrain(
        SyntheticBeats.smallRunArguments(data: path)
          + ["--optimizer", "sgd", "--learning-rate", "1e9", "--output-activation", "linear", "--json", "--quiet"])
      let report = try jsonObject(run.output)

      #expect(run.status == 1)
      #expect(run.error.contains("smaller learning rate"))
      #expect(report["status"] as? String == "diverged")
      #expect(report["failureReason"] as? String != nil)
      #expect(report["threshold"] is NSNull)
      #expect(report["metrics"] is NSNull)
    }
  }
}

// MARK: - Reading reports

/// Returns the training loss of every epoch in a JSON report.
func trainLosses(_ report: [String: Any]) throws -> [Double] {
  let epochs = try #require(report["epochs"] as? [[String: Any]])
  return try epochs.map { try #require($0["trainLoss"] as? Double) }
}

/// Returns the validation loss of every epoch in a JSON report.
func validationLosses(_ report: [String: Any]) throws -> [Double] {
  let epochs = try #require(report["epochs"] as? [[String: Any]])
  return try epochs.map { try #require($0["validationLoss"] as? Double) }
}

/// Returns the sum of the four confusion counts in a JSON `metrics` object.
func confusionTotal(_ metrics: [String: Any]) throws -> Int {
  try ["truePositives", "falsePositives", "trueNegatives", "falseNegatives"].reduce(0) { total, key in
    total + (try #require(metrics[key] as? Int, "metrics.\(key) is missing"))
  }
}
