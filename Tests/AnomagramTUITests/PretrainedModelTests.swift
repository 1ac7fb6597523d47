import AnomagramCore
import Foundation
import Testing

@testable import AnomagramTUI

/// The pretrained model in `Data/pretrained`, loaded with the bundled
/// ECG5000 files from this source tree, and the Explore screen showing it.
@Suite("PretrainedModel", .timeLimit(.minutes(1)))
struct PretrainedModelTests {
  /// The repository's root folder, three levels above this file.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let dataFiles = ["ECG5000_TRAIN.tsv", "ECG5000_TEST.tsv"].map {
    root.appendingPathComponent("Data/ecg5000/\($0)").path
  }
  static let modelPath = root.appendingPathComponent("Data/pretrained/ecg5000-autoencoder.json").path

  /// Both ECG5000 files pooled, training file first, as the app reads them by default.
  static let pool: Result<Dataset, DataError> = Result { () throws(DataError) in
    let train = try DataFileReader.load(path: dataFiles[0])
    return train.appending(try DataFileReader.load(path: dataFiles[1]))
  }

  /// The pretrained model loaded for the pooled files.
  static let model: Result<ExploreModel, PretrainedModelError> = Result { () throws(PretrainedModelError) in
    guard case .success(let data) = pool else { throw .noRecordedSplit(path: "the ECG5000 files did not load") }
    return try PretrainedModel.load(path: modelPath, pool: data, testPool: nil)
  }

  /// Returns a temporary folder holding a copy of the model file cut to its first `bytes` bytes.
  private func truncatedCopy(bytes: Int) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anomagram-pretrained-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let data = try Data(contentsOf: URL(fileURLWithPath: Self.modelPath))
    let path = folder.appendingPathComponent(PretrainedModel.fileName).path
    try data.prefix(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test("found beside the data folder")
  func pathBesideData() {
    #expect(PretrainedModel.path(besideDataFiles: Self.dataFiles) == Self.modelPath)
    #expect(PretrainedModel.path(besideDataFiles: []) == nil)
  }

  // The file records the default split (seed 1, 2,000 training and 1,000
  // test rows) and its AUC on those test rows, 0.9991, in Data/README.md.
  // A batched forward pass can round the last bits of an error differently
  // from the one that measured it, so the AUC gets a tolerance of 0.0005.
  @Test("loads with the split it records")
  func loads() throws {
    let model = try Self.model.get()
    let expectedAUC = 0.9991

    #expect(model.sampleCount == 1000)
    #expect(model.featureCount == 140)
    #expect(model.trainErrors.count == 2000)
    #expect(model.labels == ["1", "2", "3", "4", "5"])
    let auc = try #require(ROCCurve(errors: model.testErrors, isAbnormal: model.testIsAbnormal).auc)
    #expect(abs(auc - expectedAUC) < 0.0005)
    #expect(model.origin == "pretrained model, AUC \(String(format: "%.4f", auc))")
  }

  // The split drawn from the pooled files gives the training rows the file's
  // fingerprint records, so none of the test rows is a training row.
  @Test("test rows are not training rows")
  func testRowsUnseen() throws {
    let pool = try Self.pool.get()
    let file = try ModelFile.load(from: Self.modelPath)
    let split = try DataSplit.make(pool: pool, configuration: try #require(file.split))

    #expect(DataFingerprint(values: split.train, labels: split.trainLabels) == file.trainingData)
    #expect(Set(split.trainIndices).isDisjoint(with: split.testIndices))
    #expect(try Self.model.get().rawTest == split.rawTest)
  }

  // The training file alone draws other training rows, which the fingerprint catches.
  @Test("other data is rejected")
  func otherDataRejected() throws {
    let trainOnly = try DataFileReader.load(path: Self.dataFiles[0])

    #expect(throws: PretrainedModelError.otherTrainingRows(path: Self.modelPath)) {
      try PretrainedModel.load(path: Self.modelPath, pool: trainOnly, testPool: nil)
    }
  }

  @Test("damaged file is rejected")
  func damagedFile() throws {
    let path = try truncatedCopy(bytes: 2_000)
    let pool = try Self.pool.get()

    let error = #expect(throws: PretrainedModelError.self) {
      try PretrainedModel.load(path: path, pool: pool, testPool: nil)
    }

    guard case .unreadable(.invalidJSON(let failedPath, _, _, _))? = error else {
      Issue.record("expected invalid JSON, got \(String(describing: error))")
      return
    }
    #expect(failedPath == path)
    #expect(error?.description.hasPrefix("No pretrained model: ") == true)
  }

  @Test("missing file is rejected")
  func missingFile() throws {
    let path = "/nonexistent/pretrained/\(PretrainedModel.fileName)"

    #expect(throws: PretrainedModelError.unreadable(.fileNotFound(path: path))) {
      try PretrainedModel.load(path: path, pool: try Self.pool.get(), testPool: nil)
    }
  }

  // MARK: - On screen

  /// Returns an idle app state for the pooled ECG5000 data with the
  /// pretrained model, on the Explore screen.
  private func exploreState(size: Size) throws -> AppState {
    let pool = try Self.pool.get()
    var state = AppState(
      training: Fixtures.training, split: Fixtures.splitConfiguration, featureCount: pool.featureCount,
      dataDescription: "ECG5000_TRAIN.tsv + ECG5000_TEST.tsv: 5,000 rows of 140 values", size: size)
    state.classNames = ClassNames.ecg5000
    state.pretrained = try Self.model.get()
    press(.character("2"), in: &state)
    return state
  }

  // Before any run, Explore lists the pretrained model's 1,000 test rows and
  // names the model in the details pane. The first test row (row 0 of the
  // split) has label 1 in the pooled files.
  @Test("Explore shows it at 120x40")
  func exploreLarge() throws {
    let size = Size(width: 120, height: 40)
    let state = try exploreState(size: size)
    let origin = try Self.model.get().origin

    let canvas = view(state, size: size)

    #expect(canvas.line(1).hasPrefix("┌ All samples (1000) "))
    #expect(canvas.line(1).dropFirst(40).hasPrefix("┌ Test sample 1 of 1000 (scaled) "))
    #expect(canvas.text.contains("model: \(origin)"))
    #expect(canvas.text.contains("class 1: normal"))
    #expect(canvas.text.contains("Bottleneck: 2 units"))
    #expect(!canvas.text.contains("No model to explore yet."))
  }

  @Test("Explore shows it at 80x24")
  func exploreMinimum() throws {
    let size = Size(width: 80, height: 24)
    let state = try exploreState(size: size)

    let text = view(state, size: size).text

    #expect(text.contains("Test sample 1 of 1000"))
    #expect(text.contains("model: pretrained model, AUC 0.99"))
  }

  // A run's model takes over once the run has one.
  @Test("a run's model replaces it")
  func runReplacesIt() throws {
    var state = try exploreState(size: Size(width: 120, height: 40))

    _ = update(&state, with: .snapshotArrived(try Fixtures.finishedRun.get()))

    #expect(state.exploreModel?.origin == "current run, epoch 5 of 5")
  }
}
