import AnomagramCLI
import AnomagramCore
import Foundation
import Testing

@testable import AnomagramTUI

/// A folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("anomagram-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Returns the path of `name` inside the folder.
  func file(_ name: String) -> String {
    path + "/" + name
  }

  /// Writes `text` to `name` inside the folder and returns its path.
  @discardableResult
  func write(_ text: String, to name: String) throws -> String {
    try text.write(toFile: file(name), atomically: false, encoding: .utf8)
    return file(name)
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// The file reads and writes behind the file commands, on a temporary folder.
@Suite("FileTasks", .timeLimit(.minutes(1)))
struct FileTasksTests {
  // MARK: - Listing

  @Test("lists a folder and marks folders")
  func listsFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("1,2\n", to: "beats.csv")
    try FileManager.default.createDirectory(atPath: folder.file("runs"), withIntermediateDirectories: false)

    let event = FileTasks.listFolder(of: folder.path + "/b")

    guard case .folderListed(let request, let entries) = event else {
      Issue.record("expected a listing, got \(event)")
      return
    }
    #expect(request == folder.path + "/b")
    #expect(
      entries.sorted { $0.name < $1.name }
        == [FolderEntry(name: "beats.csv", isFolder: false), FolderEntry(name: "runs", isFolder: true)])
  }

  @Test("missing folder is reported")
  func missingFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }

    let event = FileTasks.listFolder(of: folder.path + "/nowhere/x")

    guard case .folderListFailed(_, let reason) = event else {
      Issue.record("expected a failure, got \(event)")
      return
    }
    #expect(reason == "\((folder.path + "/nowhere/").debugDescription) does not exist.")
  }

  @Test("file used as a folder is reported")
  func fileAsFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("1,2\n", to: "beats.csv")

    let event = FileTasks.listFolder(of: folder.file("beats.csv") + "/x")

    guard case .folderListFailed(_, let reason) = event else {
      Issue.record("expected a failure, got \(event)")
      return
    }
    #expect(reason == "\((folder.file("beats.csv") + "/").debugDescription) is not a folder.")
  }

  @Test("tilde expands to the home folder")
  func tildeExpansion() {
    var home = ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
    if home.count > 1 && home.hasSuffix("/") { home.removeLast() }
    #expect(FileTasks.expandingTilde("~") == home)
    #expect(FileTasks.expandingTilde("~/data/a.csv") == home + "/data/a.csv")
    #expect(FileTasks.expandingTilde("~other/a.csv") == "~other/a.csv")
    #expect(FileTasks.expandingTilde("data/~") == "data/~")
  }

  // MARK: - Data

  @Test("reads a CSV with a header and a label column")
  func readsCSV() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("t1,t2,class,t3\n0.1,0.2,normal,0.3\n0.4,0.5,odd,0.6\n", to: "beats.csv")

    let event = FileTasks.loadData(path: path, format: DataFileFormat(header: .detect, labelColumn: .name("class")))

    guard case .dataLoaded(let data) = event else {
      Issue.record("expected data, got \(event)")
      return
    }
    #expect(data.pool.featureCount == 3)
    #expect(data.pool.labels == ["normal", "odd"])
    #expect(data.pool.values.row(1) == [0.4, 0.5, 0.6])
    #expect(data.test == nil)
    #expect(data.files == [path])
    #expect(data.description == "beats.csv: 2 rows of 3 values")
  }

  @Test("broken file gives the command line's message")
  func brokenFileMessage() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("1,0.1,0.2\n1,0.3,0.4\n2,0.5,abc\n", to: "broken.csv")
    let format = DataFileFormat(header: .detect, labelColumn: .first)

    let event = FileTasks.loadData(path: path, format: format)

    guard case .dataLoadFailed(let message) = event else {
      Issue.record("expected a failure, got \(event)")
      return
    }
    var options = TrainOptions()
    options.dataFiles = [path]
    #expect(throws: (any Error).self) { try TrainCommand.loadData(options) }
    do {
      _ = try TrainCommand.loadData(options)
    } catch {
      #expect(message == "\(error)")
    }
    #expect(message.hasPrefix("Line 3, column 3 of \(path.debugDescription) is \"abc\", which is not a number."))
  }

  @Test("missing data file is reported")
  func missingDataFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }

    let event = FileTasks.loadData(path: folder.file("none.csv"), format: DataFileFormat())

    guard case .dataLoadFailed(let message) = event else {
      Issue.record("expected a failure, got \(event)")
      return
    }
    #expect(message == "Data file \(folder.file("none.csv").debugDescription) does not exist. Check the path.")
  }

  @Test("data path check names missing files and folders")
  func dataPathCheck() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let readable = try folder.write("1,0.5\n", to: "beats.csv")

    #expect(FileTasks.dataPathProblem(readable) == nil)
    #expect(FileTasks.dataPathProblem(folder.file("none.csv")) == "\(folder.file("none.csv").debugDescription) does not exist.")
    #expect(FileTasks.dataPathProblem(readable + "/x") == "\((readable + "/x").debugDescription) does not exist.")
    #expect(FileTasks.dataPathProblem(folder.path)?.hasPrefix("\(folder.path.debugDescription) is a folder.") == true)
  }

  // MARK: - Models

  static func modelToSave(threshold: ThresholdChoice) throws -> ModelToSave {
    let snapshot = try Fixtures.finishedRun.get()
    return ModelToSave(
      model: try #require(snapshot.model), split: snapshot.split, splitConfiguration: Fixtures.splitConfiguration,
      training: Fixtures.training, threshold: threshold)
  }

  @Test("saved model loads back")
  func saveAndLoad() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.file("model.json")
    let model = try Self.modelToSave(threshold: ThresholdChoice(value: 0.02, rule: .fixed(0.02)))

    let saved = FileTasks.perform(.saveModel(model, path: path, overwrite: false), data: (Fixtures.pool, nil))
    guard case .modelSaved(let savedPath) = saved else {
      Issue.record("expected a save, got \(String(describing: saved))")
      return
    }
    #expect(savedPath == path)

    let loaded = FileTasks.perform(.loadModel(path: path), data: (Fixtures.pool, nil))
    guard case .modelFileLoaded(let file, _) = loaded else {
      Issue.record("expected a model, got \(String(describing: loaded))")
      return
    }
    #expect(file.model == model.model)
    #expect(file.scaler == model.split.scaler)
    #expect(file.threshold == ThresholdChoice(value: 0.02, rule: .fixed(0.02)))
    #expect(file.training == Fixtures.training)
    #expect(file.split == Fixtures.splitConfiguration)
  }

  @Test("existing file is replaced only when allowed")
  func overwriteNeedsPermission() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("old", to: "model.json")
    let model = try Self.modelToSave(threshold: ThresholdChoice(value: 0.02, rule: .percentile(99)))
    let command = FileCommand.saveModel(model, path: path, overwrite: false)

    let first = FileTasks.perform(command, data: (Fixtures.pool, nil))

    guard case .fileExists(let asked, let askedPath) = first else {
      Issue.record("expected a question, got \(String(describing: first))")
      return
    }
    #expect(asked == command)
    #expect(askedPath == path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")

    let second = FileTasks.perform(command.overwriting, data: (Fixtures.pool, nil))

    guard case .modelSaved = second else {
      Issue.record("expected a save, got \(String(describing: second))")
      return
    }
    #expect(try ModelFile.load(from: path).threshold?.rule == .percentile(99))
  }

  @Test("saving to a folder is refused")
  func saveToFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let model = try Self.modelToSave(threshold: ThresholdChoice(value: 0.02, rule: .percentile(99)))

    let event = FileTasks.perform(.saveModel(model, path: folder.path, overwrite: true), data: (Fixtures.pool, nil))

    guard case .writeFailed(let message) = event else {
      Issue.record("expected a failure, got \(String(describing: event))")
      return
    }
    #expect(message == "Cannot save the model to \(folder.path.debugDescription): it is a folder. Give a file name.")
  }

  @Test("saving onto a FIFO is refused before asking to replace")
  func saveOntoFIFO() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let model = try Self.modelToSave(threshold: ThresholdChoice(value: 0.02, rule: .percentile(99)))
    let path = folder.file("pipe.json")
    try #require(mkfifo(path, 0o600) == 0)

    let event = FileTasks.perform(.saveModel(model, path: path, overwrite: false), data: (Fixtures.pool, nil))

    guard case .writeFailed(let message) = event else {
      Issue.record("expected a failure, got \(String(describing: event))")
      return
    }
    #expect(message == "Cannot write \(path.debugDescription): it is a FIFO, not a regular file. Nothing was written. Give the path of a new or existing regular file.")
  }

  @Test("saving into a missing folder fails")
  func saveIntoMissingFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let model = try Self.modelToSave(threshold: ThresholdChoice(value: 0.02, rule: .percentile(99)))
    let path = folder.file("missing/model.json")

    let event = FileTasks.perform(.saveModel(model, path: path, overwrite: false), data: (Fixtures.pool, nil))

    guard case .writeFailed(let message) = event else {
      Issue.record("expected a failure, got \(String(describing: event))")
      return
    }
    #expect(message.hasPrefix("Cannot write \(path.debugDescription) ("))
    #expect(!FileManager.default.fileExists(atPath: folder.file("missing")))
  }

  @Test("damaged model file gives the loader's message")
  func damagedModelFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("{\"format\": \"anomagram-model\", ", to: "damaged.json")

    let event = FileTasks.perform(.loadModel(path: path), data: (Fixtures.pool, nil))

    guard case .modelOpenFailed(let message) = event else {
      Issue.record("expected a failure, got \(String(describing: event))")
      return
    }
    #expect(throws: PersistenceError.self) { try ModelFile.load(from: path) }
    do {
      _ = try ModelFile.load(from: path)
    } catch {
      #expect(message == "\(error)")
    }
    #expect(message.hasPrefix("\(path.debugDescription) is not valid JSON"))
  }

  @Test("FIFO is refused without reading it")
  func fifoRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.file("pipe.json")
    try #require(mkfifo(path, 0o600) == 0)

    // Reading would wait for a writer forever, so the check returns first.
    let event = FileTasks.perform(.loadModel(path: path), data: (Fixtures.pool, nil))

    guard case .modelOpenFailed(let message) = event else {
      Issue.record("expected a failure, got \(String(describing: event))")
      return
    }
    #expect(message == "\(path.debugDescription) is a FIFO, not a regular file. Save the data to a file and open that.")
    #expect(FileTasks.dataPathProblem(path) == message)
  }

  @Test("model of another input size is not evaluated")
  func evaluateMismatch() {
    let architecture = Architecture(inputSize: 30, encoderUnits: [8], latentSize: 2)
    let file = ModelFile(
      model: Autoencoder(architecture: architecture, seed: 1), scaler: nil, threshold: nil, normalLabels: ["1"])

    let event = FileTasks.evaluate(
      file, path: "m.json", splitConfiguration: Fixtures.splitConfiguration, generation: 0, data: (Fixtures.pool, nil))

    guard case .modelOpenFailed(let message) = event else {
      Issue.record("expected a failure, got \(event)")
      return
    }
    #expect(message == FileTasks.featureCountMismatch(path: "m.json", modelFeatures: 30, dataFeatures: 24))
  }

  @Test("evaluation warns about other scaling")
  func evaluationScalingWarning() throws {
    let model = try Self.modelToSave(threshold: ThresholdChoice(value: 0.02, rule: .percentile(99)))
    let file = ModelFile(
      trainedModel: model.model, split: model.split, splitConfiguration: model.splitConfiguration,
      training: model.training, threshold: model.threshold)
    var otherSeed = Fixtures.splitConfiguration
    otherSeed.seed = 99

    let same = FileTasks.evaluate(
      file, path: "m.json", splitConfiguration: Fixtures.splitConfiguration, generation: 0, data: (Fixtures.pool, nil))
    let other = FileTasks.evaluate(
      file, path: "m.json", splitConfiguration: otherSeed, generation: 0, data: (Fixtures.pool, nil))

    guard case .modelEvaluated(let sameOpened) = same, case .modelEvaluated(let otherOpened) = other else {
      Issue.record("expected two evaluations, got \(same) and \(other)")
      return
    }
    #expect(sameOpened.warnings.isEmpty)
    #expect(sameOpened.snapshot.evaluation?.testErrors == (try Fixtures.finishedRun.get()).evaluation?.testErrors)
    #expect(otherOpened.warnings.count == 1)
  }
}
