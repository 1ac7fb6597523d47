import AnomagramCore
import Foundation
import Testing

@testable import AnomagramCLI

/// Runs `anomagram evaluate` with `arguments`.
private func runEvaluate(_ arguments: [String]) -> CommandRun {
  runCapturing { EvaluateCommand.run(arguments: arguments, console: $0) }
}

@Suite("EvaluateCommand", .timeLimit(.minutes(2)))
struct EvaluateCommandTests {
  @Test("saved model is evaluated at its own threshold")
  func evaluatesSavedModel() throws {
    try withTemporaryFolder { folder in
      let (data, modelPath) = try trainSyntheticModel(in: folder)
      let model = try ModelFile.load(from: modelPath)
      let threshold = try #require(model.threshold)

      let text = runEvaluate(["--model", modelPath, "--data", data])
      let json = runEvaluate(["--model", modelPath, "--data", data, "--json"])
      let report = try jsonObject(json.output)
      let metrics = try #require(report["metrics"] as? [String: Any])
      let reportedThreshold = try #require(report["threshold"] as? [String: Any])
      let counts = ["truePositives", "falsePositives", "trueNegatives", "falseNegatives"].compactMap { metrics[$0] as? Int }

      #expect(text.status == 0, "stderr: \(text.error)")
      #expect(text.output.contains("AUC: "))
      #expect(text.output.contains("the model's (99th percentile of training errors)"))
      #expect(text.error.isEmpty)
      #expect(json.status == 0)
      #expect(report["auc"] is Double)
      #expect(reportedThreshold["rule"] as? String == "percentile:99")
      #expect((reportedThreshold["value"] as? Double).map(Float.init) == threshold.value)
      #expect(counts.reduce(0, +) == 120)
      #expect((report["data"] as? [String: Any])?["abnormalRows"] as? Int == 40)
    }
  }

  @Test("errors CSV has one line per row with verdicts at the threshold")
  func errorsCSV() throws {
    try withTemporaryFolder { folder in
      let (data, modelPath) = try trainSyntheticModel(in: folder)
      let threshold = try #require(try ModelFile.load(from: modelPath).threshold?.value)
      let csvPath = folder.appendingPathComponent("errors.csv").path

      let run = runEvaluate(["--model", modelPath, "--data", data, "--errors-csv", csvPath])
      let lines = try String(contentsOfFile: csvPath, encoding: .utf8).split(separator: "\n")
      let rows = lines.dropFirst().map { $0.split(separator: ",").map(String.init) }

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(lines.first == "row,label,class,error,verdict")
      #expect(rows.count == 120)
      #expect(rows.map { $0[0] } == (1...120).map(String.init))
      #expect(rows.prefix(80).allSatisfy { $0[1] == "1" })
      #expect(rows.prefix(80).allSatisfy { $0[2] == "normal" })
      #expect(rows.suffix(40).allSatisfy { $0[1] == "2" })
      #expect(rows.suffix(40).allSatisfy { $0[2] == "abnormal" })
      for row in rows {
        let error = try #require(Float(row[3]))
        #expect(row[4] == (error > threshold ? "abnormal" : "normal"), "row \(row[0])")
      }
    }
  }

  @Test("errors CSV to standard output moves the report to standard error")
  func errorsCSVToOutput() throws {
    try withTemporaryFolder { folder in
      let (data, modelPath) = try trainSyntheticModel(in: folder)
      let csvPath = folder.appendingPathComponent("errors.csv").path
      _ = runEvaluate(["--model", modelPath, "--data", data, "--errors-csv", csvPath])

      let run = runEvaluate(["--model", modelPath, "--data", data, "--errors-csv", "-"])

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(run.output == (try String(contentsOfFile: csvPath, encoding: .utf8)))
      #expect(run.error.contains("AUC"))
      #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/-"))
    }
  }

  @Test("errors JSON lists every row")
  func errorsJSON() throws {
    try withTemporaryFolder { folder in
      let (data, modelPath) = try trainSyntheticModel(in: folder)
      let jsonPath = folder.appendingPathComponent("errors.json").path

      let run = runEvaluate(["--model", modelPath, "--data", data, "--errors-json", jsonPath])
      let samples = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath))) as? [[String: Any]])

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(samples.count == 120)
      #expect(samples.first?["row"] as? Int == 1)
      #expect(samples.allSatisfy { $0["error"] is Double })
      #expect(samples.allSatisfy { ($0["verdict"] as? String) != nil })
    }
  }

  @Test("label rule chooses the threshold on the data")
  func labelRule() throws {
    try withTemporaryFolder { folder in
      let (data, modelPath) = try trainSyntheticModel(in: folder)

      let run = runEvaluate(["--model", modelPath, "--data", data, "--threshold", "max-f1", "--json"])
      let threshold = try #require(try jsonObject(run.output)["threshold"] as? [String: Any])

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(threshold["rule"] as? String == "max-f1")
      #expect(threshold["source"] as? String == "chosen on this data")
    }
  }

  @Test("data of another length exits 1 naming both files")
  func featureCountMismatch() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      let shortData = try writeFile("1\t0.1\t0.2\t0.3\n2\t0.3\t0.2\t0.1\n", named: "short.tsv", in: folder)

      let run = runEvaluate(["--model", modelPath, "--data", shortData])

      #expect(run.status == 1)
      #expect(run.error.contains(shortData))
      #expect(run.error.contains(modelPath))
      #expect(run.error.contains("has 3 values per row"))
      #expect(run.error.contains("takes 20"))
      #expect(run.output.isEmpty)
    }
  }

  @Test("model of another length without --data suggests it")
  func defaultDataMismatch() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)

      let run = runEvaluate(["--model", modelPath])

      #expect(run.status == 1)
      #expect(run.error.contains("has 140 values per row"))
      #expect(run.error.contains("Without --data, evaluate uses the bundled ECG5000 data"))
    }
  }

  @Test("damaged model exits 1 naming the file and field")
  func damagedModel() throws {
    try withTemporaryFolder { folder in
      let (data, modelPath) = try trainSyntheticModel(in: folder)
      let text = try String(contentsOfFile: modelPath, encoding: .utf8)
      try text.replacingOccurrences(of: "\"featureCount\": 20", with: "\"featureCount\": 21")
        .write(toFile: modelPath, atomically: true, encoding: .utf8)

      let run = runEvaluate(["--model", modelPath, "--data", data])

      #expect(run.status == 1)
      #expect(run.error.contains(modelPath))
      #expect(run.error.contains("featureCount is 21, expected 20"), "stderr: \(run.error)")
    }
  }

  @Test("TensorFlow.js folder gives the same AUC as the model file")
  func tensorFlowJSSource() throws {
    try withTemporaryFolder { folder in
      let (data, modelPath) = try trainSyntheticModel(in: folder)
      let directory = folder.appendingPathComponent("tfjs").path
      let export = runCapturing { ExportCommand.run(arguments: ["--model", modelPath, "--tfjs", directory], console: $0) }

      let fromFile = try jsonObject(runEvaluate(["--model", modelPath, "--data", data, "--json"]).output)
      let fromFolder = try jsonObject(runEvaluate(["--tfjs", directory, "--data", data, "--json"]).output)

      #expect(export.status == 0, "stderr: \(export.error)")
      #expect(fromFolder["auc"] as? Double == fromFile["auc"] as? Double)
      #expect((fromFolder["metrics"] as? [String: Any])?["truePositives"] as? Int
        == (fromFile["metrics"] as? [String: Any])?["truePositives"] as? Int)
    }
  }

  @Test("default data is the bundled test file")
  func bundledTestFile() throws {
    try withTemporaryFolder { folder in
      let architecture = Architecture(inputSize: 140, encoderUnits: [4], latentSize: 2)
      let modelPath = folder.appendingPathComponent("ecg.json").path
      try ModelFile(
        model: Autoencoder(architecture: architecture, seed: 3), scaler: nil,
        threshold: ThresholdChoice(value: 0.5, rule: .fixed(0.5)), normalLabels: ["1"]
      ).save(to: modelPath)

      let run = runEvaluate(["--model", modelPath, "--json"])
      let data = try #require(try jsonObject(run.output)["data"] as? [String: Any])

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect((data["file"] as? String)?.hasSuffix("ECG5000_TEST.tsv") == true)
      #expect(data["rows"] as? Int == 4500)
      #expect(data["normalRows"] as? Int == 2627)
    }
  }

  @Test("usage errors exit 2", arguments: [
    ["--data", "x.tsv"], ["--model", "m.json", "--threshold", "percentile:95"],
    ["--model", "m.json", "--threshold", "mean-std"],
    ["--model", "m.json", "--errors-csv", "a.csv", "--errors-json", "a.json"], ["--model", "m.json", "--json=yes"],
    ["--model", "m.json", "--normal-class", ","], ["--model", "m.json", "--data", "a.tsv", "--data", "b.tsv"],
  ])
  func usageErrors(_ arguments: [String]) {
    let run = runEvaluate(arguments)

    #expect(run.status == 2)
    #expect(run.error.hasPrefix("anomagram evaluate: "))
    #expect(run.output.isEmpty)
  }

  @Test("training-error rule is rejected with the reason")
  func trainingErrorRule() {
    let run = runEvaluate(["--model", "m.json", "--threshold", "percentile:95"])

    #expect(run.error.contains("needs the errors of the training rows"))
  }

  @Test("anomagram dispatches evaluate")
  func dispatch() {
    let run = runCapturing { Anomagram.run(arguments: ["evaluate", "--help"], console: $0) }

    #expect(run.status == 0)
    #expect(run.output == EvaluateCommand.helpText)
  }
}
