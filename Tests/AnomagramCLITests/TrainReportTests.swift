import AnomagramCore
import Foundation
import Testing

@testable import AnomagramCLI

/// The keys of the JSON `metrics` object.
private let metricKeys = [
  "accuracy", "precision", "recall", "f1", "falsePositiveRate", "falseNegativeRate", "truePositiveRate",
  "trueNegativeRate", "truePositives", "falsePositives", "trueNegatives", "falseNegatives",
]

/// The ratio keys of the JSON `metrics` object.
private let ratioKeys = Array(metricKeys.prefix(8))

@Suite("TrainReport", .timeLimit(.minutes(1)))
struct TrainReportTests {
  // MARK: - JSON

  @Test("JSON report has every documented key")
  func jsonKeys() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let run = runTrain(SyntheticBeats.smallRunArguments(data: path) + ["--json", "--quiet"])
      let report = try jsonObject(run.output)

      #expect(run.status == 0)
      for key in ["config", "data", "status", "epochs", "auc", "baselineAUC", "threshold", "metrics", "timing"] {
        #expect(report[key] != nil, "Missing key \(key)")
      }
      #expect(report["status"] as? String == "finished")
      #expect(report["failureReason"] is NSNull)
      let auc = try #require(report["auc"] as? Double)
      #expect((0...1).contains(auc))
      let baselineAUC = try #require(report["baselineAUC"] as? Double)
      #expect((0...1).contains(baselineAUC))
    }
  }

  @Test("JSON epochs list losses for every epoch")
  func jsonEpochs() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let report = try jsonObject(
        runTrain(SyntheticBeats.smallRunArguments(data: path, epochs: 4) + ["--json", "--quiet"]).output)
      let epochs = try #require(report["epochs"] as? [[String: Any]])

      #expect(epochs.count == 4)
      for (index, epoch) in epochs.enumerated() {
        #expect(epoch["epoch"] as? Int == index + 1)
        #expect(epoch["trainLoss"] as? Double != nil)
        #expect(epoch["validationLoss"] as? Double != nil)
        let auc = try #require(epoch["auc"] as? Double)
        #expect((0...1).contains(auc))
      }
      #expect(epochs.last?["auc"] as? Double == report["auc"] as? Double)
    }
  }

  @Test("JSON config echoes the options")
  func jsonConfig() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let report = try jsonObject(
        runTrain(SyntheticBeats.smallRunArguments(data: path) + ["--seed", "9", "--json", "--quiet"]).output)
      let config = try #require(report["config"] as? [String: Any])
      let split = try #require(config["split"] as? [String: Any])
      let training = try #require(config["training"] as? [String: Any])

      #expect(config["dataFiles"] as? [String] == [path])
      #expect(config["architecture"] as? String == "20-8-2-8-20")
      // 20·8+8 + 8·2+2 + 2·8+8 + 8·20+20 weights and biases.
      #expect(config["parameterCount"] as? Int == 390)
      #expect(config["thresholdRule"] as? String == "percentile:99")
      #expect(split["trainSize"] as? Int == 50)
      #expect(split["testSize"] as? Int == 40)
      #expect(split["normalLabels"] as? [String] == ["1"])
      #expect(split["seed"] as? Int == 9)
      #expect(training["seed"] as? Int == 9)
      #expect(training["epochs"] as? Int == 3)
      #expect(training["batchSize"] as? Int == 16)
    }
  }

  @Test("JSON config writes null for no test file")
  func jsonConfigNullTestFile() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let report = try jsonObject(
        runTrain(SyntheticBeats.smallRunArguments(data: path) + ["--json", "--quiet"]).output)
      let config = try #require(report["config"] as? [String: Any])

      // The report writes null rather than leaving a key out, so that scripts
      // find every key in every report. The nested config must do the same.
      #expect(config["testDataFile"] is NSNull, "config keys: \(config.keys.sorted())")
    }
  }

  @Test("JSON epochs write null without validation rows")
  func jsonEpochsNullValidationLoss() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)
      let abnormalOnly = try writeFile(
        SyntheticBeats.text(normalRows: 0, abnormalRows: 10), named: "abnormal.tsv", in: folder)

      // The test file has no normal rows to compute a validation loss on.
      let report = try jsonObject(
        runTrain(
          [
            "--data", path, "--test-data", abnormalOnly, "--train-size", "50", "--test-size", "10",
            "--layers", "8", "--epochs", "2",
            "--batch-size", "16", "--json", "--quiet",
          ]
        ).output)
      let epochs = try #require(report["epochs"] as? [[String: Any]])
      let data = try #require(report["data"] as? [String: Any])

      #expect(data["testNormalRows"] as? Int == 0)
      #expect(epochs.count == 2)
      for epoch in epochs {
        #expect(epoch["validationLoss"] is NSNull, "epoch keys: \(epoch.keys.sorted())")
        #expect(epoch["auc"] is NSNull)
      }
    }
  }

  @Test("JSON threshold and metrics cover the test rows")
  func jsonThresholdAndMetrics() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let report = try jsonObject(
        runTrain(SyntheticBeats.smallRunArguments(data: path) + ["--json", "--quiet"]).output)
      let threshold = try #require(report["threshold"] as? [String: Any])
      let metrics = try #require(report["metrics"] as? [String: Any])
      let data = try #require(report["data"] as? [String: Any])

      #expect(threshold["value"] as? Double != nil)
      #expect(threshold["rule"] as? String == "percentile:99")
      #expect(threshold["description"] as? String == ThresholdRule.percentile(99).name)
      for key in metricKeys {
        #expect(metrics[key] != nil, "Missing metrics.\(key)")
      }
      for key in ratioKeys {
        let ratio = try #require(metrics[key] as? Double, "metrics.\(key) is not a number")
        #expect((0...1).contains(ratio), "metrics.\(key) is \(ratio)")
      }
      #expect(data["testRows"] as? Int == 40)
      #expect(try confusionTotal(metrics) == 40)
      let truePositives = try #require(metrics["truePositives"] as? Int)
      let falseNegatives = try #require(metrics["falseNegatives"] as? Int)
      #expect(truePositives + falseNegatives == data["testAbnormalRows"] as? Int)
    }
  }

  @Test("JSON timing reports training time and speed")
  func jsonTiming() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let report = try jsonObject(
        runTrain(SyntheticBeats.smallRunArguments(data: path) + ["--json", "--quiet"]).output)
      let timing = try #require(report["timing"] as? [String: Any])
      let trainSeconds = try #require(timing["trainSeconds"] as? Double)
      let samplesPerSecond = try #require(timing["samplesPerSecond"] as? Double)
      let totalSeconds = try #require(timing["totalSeconds"] as? Double)

      #expect(trainSeconds > 0)
      #expect(samplesPerSecond > 0)
      #expect(totalSeconds >= trainSeconds)
    }
  }

  @Test("max-f1 rule is the reported threshold")
  func maxF1Threshold() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let report = try jsonObject(
        runTrain(SyntheticBeats.smallRunArguments(data: path) + ["--threshold", "max-f1", "--json", "--quiet"]).output)
      let config = try #require(report["config"] as? [String: Any])
      let threshold = try #require(report["threshold"] as? [String: Any])
      let f1 = try #require((report["metrics"] as? [String: Any])?["f1"] as? Double)
      let alternatives = try #require(report["alternativeThresholds"] as? [[String: Any]])
      let alternativeRules = alternatives.compactMap { ($0["threshold"] as? [String: Any])?["rule"] as? String }

      #expect(config["thresholdRule"] as? String == "max-f1")
      #expect(threshold["rule"] as? String == "max-f1")
      #expect(threshold["description"] as? String == ThresholdRule.maxF1.name)
      #expect(alternativeRules == ["percentile:99", "mean-std:3", "max-accuracy", "youden"])
      // No other rule can beat the threshold chosen for the highest F1.
      for alternative in alternatives {
        let otherF1 = try #require((alternative["metrics"] as? [String: Any])?["f1"] as? Double)
        #expect(otherF1 <= f1)
      }
    }
  }

  // MARK: - Summary text

  @Test("summary names AUC and the threshold rule")
  func summaryText() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let run = runTrain(SyntheticBeats.smallRunArguments(data: path) + ["--threshold", "mean-std:2", "--quiet"])

      #expect(run.status == 0)
      #expect(run.output.contains("\nAUC: "))
      #expect(run.output.contains("PCA baseline (2 components)"))
      #expect(run.output.contains("set by the \(ThresholdRule.meanPlusStandardDeviations(2).name):"))
      #expect(run.output.contains("Trained 3 of 3 epochs on 50 rows"))
      #expect(run.output.contains("Test set: 40 rows (27 normal, 13 abnormal)"))
    }
  }

  @Test("diverged summary ends its sentence once")
  func divergedSummary() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let run = runTrain(
        SyntheticBeats.smallRunArguments(data: path)
          + ["--optimizer", "sgd", "--learning-rate", "1e9", "--output-activation", "linear", "--quiet"])
      let line = try #require(run.output.split(separator: "\n").first { $0.hasPrefix("Training diverged: ") })

      #expect(run.status == 1)
      #expect(line.hasSuffix("."))
      #expect(!line.hasSuffix(".."), "Summary line: \(line)")
      #expect(!run.output.contains("AUC:"))
    }
  }
}
