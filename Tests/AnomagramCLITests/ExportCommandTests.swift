import AnomagramCore
import Foundation
import Testing

@testable import AnomagramCLI

/// Runs `anomagram export` with `arguments`.
private func runExport(_ arguments: [String]) -> CommandRun {
  runCapturing { ExportCommand.run(arguments: arguments, console: $0) }
}

/// Runs `anomagram import` with `arguments`.
private func runImport(_ arguments: [String]) -> CommandRun {
  runCapturing { ImportCommand.run(arguments: arguments, console: $0) }
}

@Suite("ExportCommand", .timeLimit(.minutes(2)))
struct ExportCommandTests {
  @Test("export then import gives the same model file contents")
  func exportThenImport() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      let directory = folder.appendingPathComponent("web").path
      let importedPath = folder.appendingPathComponent("imported.json").path

      let export = runExport(["--model", modelPath, "--tfjs", directory])
      let importRun = runImport(["--tfjs", directory, "--output", importedPath])
      let original = try ModelFile.load(from: modelPath)
      let imported = try ModelFile.load(from: importedPath)

      #expect(export.status == 0, "stderr: \(export.error)")
      #expect(export.output.contains("model.json, weights.bin, anomagram.json"))
      #expect(importRun.status == 0, "stderr: \(importRun.error)")
      #expect(importRun.output.contains("sequential TensorFlow.js model"))
      #expect(imported.model.parameters.map(\.bitPattern) == original.model.parameters.map(\.bitPattern))
      #expect(imported.model.architecture == original.model.architecture)
      #expect(imported.scaler == original.scaler)
      #expect(imported.threshold == original.threshold)
      #expect(imported.normalLabels == original.normalLabels)
      #expect(imported.training == nil)
    }
  }

  @Test("import without sidecar says so and stores a given threshold")
  func importWithoutSidecar() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      let directory = folder.appendingPathComponent("web").path
      let importedPath = folder.appendingPathComponent("imported.json").path
      _ = runExport(["--model", modelPath, "--tfjs", directory])
      try FileManager.default.removeItem(atPath: directory + "/anomagram.json")

      let run = runImport(["--tfjs", directory, "--output", importedPath, "--threshold", "fixed:0.25", "--normal-class", "2,1"])
      let imported = try ModelFile.load(from: importedPath)

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(run.output.contains("its inputs must already be scaled"))
      #expect(imported.scaler == nil)
      #expect(imported.threshold == ThresholdChoice(value: 0.25, rule: .fixed(0.25)))
      #expect(imported.normalLabels == ["1", "2"])
    }
  }

  @Test("import of an unmirrored model exits 1 and writes nothing")
  func importUnmirrored() throws {
    try withTemporaryFolder { folder in
      let directory = folder.appendingPathComponent("web")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let layers: [[String: Any]] = [
        ["class_name": "Dense", "config": ["name": "a", "units": 2, "activation": "relu", "batch_input_shape": [NSNull(), 3]]],
        ["class_name": "Dense", "config": ["name": "b", "units": 1, "activation": "linear"]],
        ["class_name": "Dense", "config": ["name": "c", "units": 3, "activation": "sigmoid"]],
      ]
      let weights: [[String: Any]] = [
        ["name": "a/kernel", "shape": [3, 2], "dtype": "float32"], ["name": "a/bias", "shape": [2], "dtype": "float32"],
        ["name": "b/kernel", "shape": [2, 1], "dtype": "float32"], ["name": "b/bias", "shape": [1], "dtype": "float32"],
        ["name": "c/kernel", "shape": [1, 3], "dtype": "float32"], ["name": "c/bias", "shape": [3], "dtype": "float32"],
      ]
      let modelJSON: [String: Any] = [
        "format": "layers-model",
        "modelTopology": ["class_name": "Sequential", "config": ["name": "s", "layers": layers]],
        "weightsManifest": [["paths": ["weights.bin"], "weights": weights]],
      ]
      try JSONSerialization.data(withJSONObject: modelJSON).write(to: directory.appendingPathComponent("model.json"))
      try Data(count: 4 * 17).write(to: directory.appendingPathComponent("weights.bin"))
      let output = folder.appendingPathComponent("imported.json").path

      let run = runImport(["--tfjs", directory.path, "--output", output])

      #expect(run.status == 1)
      #expect(run.error.contains("3-2-1-3 do not mirror"), "stderr: \(run.error)")
      #expect(!FileManager.default.fileExists(atPath: output))
    }
  }

  @Test("train --export-tfjs writes a folder that imports")
  func trainExport() throws {
    try withTemporaryFolder { folder in
      let directory = folder.appendingPathComponent("web").path
      let (_, modelPath) = try trainSyntheticModel(in: folder, extraArguments: ["--export-tfjs", directory, "--activation", "leaky-relu"])

      let imported = try TensorFlowJS.load(from: directory).modelFile
      let saved = try ModelFile.load(from: modelPath)

      #expect(imported.model == saved.model)
      #expect(imported.model.architecture.hiddenActivation == .leakyRelu)
      #expect(imported.scaler == saved.scaler)
    }
  }

  @Test("train --save records the run's settings and threshold")
  func trainSaveContents() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder, extraArguments: ["--threshold", "mean-std:2"])

      let saved = try ModelFile.load(from: modelPath)

      #expect(saved.model.architecture.summary == "20-8-2-8-20")
      #expect(saved.training?.epochs == 5)
      #expect(saved.split?.trainSize == 50)
      #expect(saved.threshold?.rule == .meanPlusStandardDeviations(2))
      #expect(saved.trainingData?.rows == 50)
      #expect(saved.normalLabels == ["1"])
    }
  }

  @Test("train --save writes nothing when training diverges")
  func divergedRunNotSaved() throws {
    try withTemporaryFolder { folder in
      let data = try SyntheticBeats.writeStandardFile(in: folder)
      let modelPath = folder.appendingPathComponent("model.json").path
      let directory = folder.appendingPathComponent("web").path

      let run = runTrain(
        SyntheticBeats.smallRunArguments(data: data)
          + ["--optimizer", "sgd", "--learning-rate", "1e9", "--output-activation", "linear", "--quiet",
             "--save", modelPath, "--export-tfjs", directory])

      #expect(run.status == 1)
      #expect(run.error.contains("was not saved or exported, because training diverged"))
      #expect(!FileManager.default.fileExists(atPath: modelPath))
      #expect(!FileManager.default.fileExists(atPath: directory))
    }
  }

  @Test("train --save into a missing folder fails before training")
  func saveIntoMissingFolder() throws {
    try withTemporaryFolder { folder in
      let data = try SyntheticBeats.writeStandardFile(in: folder)
      let modelPath = folder.appendingPathComponent("absent/model.json").path

      let run = runTrain(SyntheticBeats.smallRunArguments(data: data) + ["--quiet", "--save", modelPath])

      #expect(run.status == 1)
      #expect(run.error.contains("does not exist"))
      #expect(run.error.contains(folder.appendingPathComponent("absent").path))
      #expect(run.output.isEmpty, "no report, because no training ran")
    }
  }

  @Test("export of a missing model file exits 1 naming it")
  func missingModel() throws {
    try withTemporaryFolder { folder in
      let path = folder.appendingPathComponent("absent.json").path

      let run = runExport(["--model", path, "--tfjs", folder.appendingPathComponent("web").path])

      #expect(run.status == 1)
      #expect(run.error.contains(path))
      #expect(run.error.contains("does not exist"))
    }
  }

  @Test("export usage errors exit 2", arguments: [["--model", "m.json"], ["--tfjs", "dir"], ["--model", "m.json", "--tfjs", "d", "--x"]])
  func exportUsageErrors(_ arguments: [String]) {
    let run = runExport(arguments)

    #expect(run.status == 2)
    #expect(run.error.hasPrefix("anomagram export: "))
  }

  @Test("import usage errors exit 2", arguments: [
    ["--tfjs", "dir"], ["--output", "m.json"], ["--tfjs", "d", "--output", "m.json", "--threshold", "max-f1"],
  ])
  func importUsageErrors(_ arguments: [String]) {
    let run = runImport(arguments)

    #expect(run.status == 2)
    #expect(run.error.hasPrefix("anomagram import: "))
  }

  @Test("anomagram dispatches export and import")
  func dispatch() {
    let export = runCapturing { Anomagram.run(arguments: ["export", "--help"], console: $0) }
    let importRun = runCapturing { Anomagram.run(arguments: ["import", "--help"], console: $0) }

    #expect(export.output == ExportCommand.helpText)
    #expect(importRun.output == ImportCommand.helpText)
  }
}
