import AnomagramCore
import Foundation
import Testing

@testable import AnomagramTUI

/// The file keys (o, O, w), the prompt's editing and completion, and what
/// the results of file commands do to the state. No test here touches the
/// disk: the results arrive as the messages the run loop would send.
@Suite("update: files", .timeLimit(.minutes(1)))
struct UpdateFilesTests {
  // MARK: - Opening prompts

  @Test(
    "o and O open their prompts", arguments: [("o", .openModel), ("O", .openData)] as [(Character, PathPrompt.Purpose)])
  func keysOpenPrompts(key: Character, purpose: PathPrompt.Purpose) {
    var state = Fixtures.idleState()

    let commands = press(.character(key), in: &state)

    #expect(commands.isEmpty)
    #expect(state.files.prompt?.purpose == purpose)
    #expect(state.files.prompt?.text == "")
  }

  @Test("opening while training asks first", arguments: ["o", "O"] as [Character])
  func openingWhileTrainingAsks(key: Character) throws {
    var state = try Fixtures.state(withRun: .training)

    press(.character(key), in: &state)

    #expect(state.files.prompt == nil)
    #expect(state.files.question?.title == "Training is running")
    press(.character("y"), in: &state)
    #expect(state.files.question == nil)
    #expect(state.files.prompt?.purpose == (key == "o" ? .openModel : .openData))
  }

  @Test("no to the question cancels")
  func questionCancels() throws {
    var state = try Fixtures.state(withRun: .training)
    press(.character("O"), in: &state)

    let commands = press(.character("n"), in: &state)

    #expect(commands.isEmpty)
    #expect(state.files.question == nil)
    #expect(state.files.prompt == nil)
    #expect(state.notice == Notice(.info, "Cancelled."))
  }

  // MARK: - Editing

  @Test("keys edit the text at the cursor")
  func editing() {
    var state = Fixtures.idleState()
    press(.character("O"), in: &state)

    press(typing("ab") + [.left] + typing("X"), in: &state)
    #expect(state.files.prompt?.text == "aXb")
    #expect(state.files.prompt?.cursor == 2)
    press(.backspace, in: &state)
    #expect(state.files.prompt?.text == "ab")
    press(.home, .delete, in: &state)
    #expect(state.files.prompt?.text == "b")
    #expect(state.files.prompt?.cursor == 0)
    press(.end, .right, .character("c"), in: &state)
    #expect(state.files.prompt?.text == "bc")
    press(.control("u"), in: &state)
    #expect(state.files.prompt?.text == "")
    #expect(state.files.prompt?.cursor == 0)
    press(.left, .backspace, in: &state)
    #expect(state.files.prompt?.text == "")
  }

  @Test("combining mark keeps the cursor valid")
  func combiningMark() {
    var state = Fixtures.idleState()
    press(.character("O"), in: &state)

    press(.character("e"), .character("\u{301}"), .character("x"), in: &state)

    #expect(state.files.prompt?.text == "e\u{301}x")
    #expect(state.files.prompt?.text.count == 2)
    #expect(state.files.prompt?.cursor == 2)
    press(.left, .backspace, in: &state)
    #expect(state.files.prompt?.text == "x")
  }

  @Test("app keys type into the prompt")
  func appKeysAreText() {
    var state = Fixtures.idleState()
    press(.character("O"), in: &state)

    let commands = press(typing("q 2?n"), in: &state)

    #expect(commands.isEmpty)
    #expect(state.files.prompt?.text == "q 2?n")
    #expect(!state.hasQuit)
    #expect(state.screen == .train)
    #expect(!state.isShowingHelp)
  }

  @Test("Esc closes the prompt")
  func escapeCloses() {
    var state = Fixtures.idleState()
    press(.character("o"), in: &state)
    press(typing("x"), in: &state)

    let commands = press(.escape, in: &state)

    #expect(commands.isEmpty)
    #expect(state.files.prompt == nil)
  }

  // MARK: - Completion

  @Test("Tab asks for the folder listing")
  func tabRequestsListing() {
    var state = Fixtures.idleState()
    press(.character("O"), in: &state)
    press(typing("Data/ec"), in: &state)

    let commands = press(.tab, in: &state)

    #expect(commands == [.files(.listFolder(text: "Data/ec"))])
    #expect(state.files.prompt?.completionRequest == "Data/ec")
  }

  @Test("listing completes the text")
  func listingCompletes() {
    var state = Fixtures.idleState()
    press(.character("O"), in: &state)
    press(typing("Data/ec"), in: &state)
    press(.tab, in: &state)

    let entries = [FolderEntry(name: "ecg5000", isFolder: true), FolderEntry(name: "README.md", isFolder: false)]
    _ = update(&state, with: .files(.folderListed(request: "Data/ec", entries: entries)))

    #expect(state.files.prompt?.text == "Data/ecg5000/")
    #expect(state.files.prompt?.cursor == 13)
    #expect(state.files.prompt?.candidates == [])
  }

  @Test("ambiguous listing shows candidates")
  func ambiguousListingShowsCandidates() {
    var state = Fixtures.idleState()
    press(.character("O"), in: &state)
    press(typing("r"), in: &state)
    press(.tab, in: &state)

    let entries = (1...10).map { FolderEntry(name: "run-\($0).csv", isFolder: false) }
    _ = update(&state, with: .files(.folderListed(request: "r", entries: entries)))

    #expect(state.files.prompt?.text == "run-")
    #expect(state.files.prompt?.candidates.count == 8)
    #expect(state.files.prompt?.candidates.first == "run-1.csv")
    #expect(state.files.prompt?.moreCandidates == 2)
  }

  @Test("listing for changed text is dropped")
  func staleListingDropped() {
    var state = Fixtures.idleState()
    press(.character("O"), in: &state)
    press(typing("Da"), in: &state)
    press(.tab, in: &state)
    press(typing("x"), in: &state)

    _ = update(&state, with: .files(.folderListed(request: "Da", entries: [FolderEntry(name: "Data", isFolder: true)])))

    #expect(state.files.prompt?.text == "Dax")
  }

  @Test("no match says so")
  func noMatchMessage() {
    var state = Fixtures.idleState()
    press(.character("O"), in: &state)
    press(typing("zz"), in: &state)
    press(.tab, in: &state)

    _ = update(&state, with: .files(.folderListed(request: "zz", entries: [FolderEntry(name: "Data", isFolder: true)])))

    #expect(state.files.prompt?.text == "zz")
    #expect(state.files.prompt?.message == "No name in the current folder starts with \"zz\".")
    #expect(state.files.prompt?.isError == false)
  }

  @Test("failed listing shows why")
  func failedListing() {
    var state = Fixtures.idleState()
    press(.character("O"), in: &state)
    press(typing("nowhere/a"), in: &state)
    press(.tab, in: &state)

    _ = update(&state, with: .files(.folderListFailed(request: "nowhere/a", reason: "\"nowhere/\" does not exist.")))

    #expect(state.files.prompt?.message == "\"nowhere/\" does not exist.")
    #expect(state.files.prompt?.isError == true)
  }

  @Test("tilde becomes the home folder")
  func tildeCompletes() {
    var state = Fixtures.idleState()
    press(.character("o"), in: &state)
    press(typing("~"), in: &state)

    let commands = press(.tab, in: &state)

    #expect(commands.isEmpty)
    #expect(state.files.prompt?.text == "~/")
  }

  @Test("Tab does not complete a label column")
  func tabIgnoredForLabelColumn() {
    var state = Fixtures.idleState()
    enterDataPath("beats.csv", in: &state)

    let commands = press(.tab, in: &state)

    #expect(commands.isEmpty)
    #expect(state.files.prompt?.text == "first")
  }

  // MARK: - Opening data

  @Test("empty path is rejected")
  func emptyPathRejected() {
    var state = Fixtures.idleState()
    press(.character("O"), in: &state)

    let commands = press(.enter, in: &state)

    #expect(commands.isEmpty)
    #expect(state.files.prompt?.purpose == .openData)
    #expect(state.files.prompt?.message == "Type a path; Tab completes names.")
    #expect(state.files.prompt?.isError == true)
  }

  @Test("unreadable data path stays in the prompt")
  func dataPathProblem() {
    var state = Fixtures.idleState()
    press(.character("O"), in: &state)
    press(typing("nowhere.csv") + [.enter], in: &state)

    _ = update(&state, with: .files(.dataPathChecked(path: "nowhere.csv", problem: "\"nowhere.csv\" does not exist.")))

    #expect(state.files.prompt?.purpose == .openData)
    #expect(state.files.prompt?.text == "nowhere.csv")
    #expect(state.files.prompt?.message == "\"nowhere.csv\" does not exist.")
    #expect(state.files.prompt?.isError == true)
  }

  @Test("check of an edited path is ignored")
  func staleDataPathCheck() {
    var state = Fixtures.idleState()
    press(.character("O"), in: &state)
    press(typing("beats.csv") + [.enter] + typing("x"), in: &state)

    _ = update(&state, with: .files(.dataPathChecked(path: "beats.csv", problem: nil)))

    #expect(state.files.prompt?.purpose == .openData)
    #expect(state.files.prompt?.text == "beats.csvx")
  }

  @Test("data path asks for the label column, then reads")
  func dataPathThenLabelColumn() {
    var state = Fixtures.idleState()
    enterDataPath("beats.csv", in: &state)
    #expect(state.files.prompt?.purpose == .labelColumn(path: "beats.csv"))
    #expect(state.files.prompt?.text == "first")

    let commands = press(.enter, in: &state)

    #expect(
      commands == [.files(.loadData(path: "beats.csv", format: DataFileFormat(header: .detect, labelColumn: .first)))])
    #expect(state.files.prompt == nil)
    #expect(state.files.lastDataPath == "beats.csv")
    #expect(state.notice == Notice(.info, "Reading \"beats.csv\"…"))
  }

  @Test(
    "label column follows the command line",
    arguments: [
      ("last", LabelColumn.last), ("3", .number(3)), ("none", .unlabelled), ("class", .name("class")),
      ("first", .first),
    ])
  func labelColumnForms(text: String, column: LabelColumn) {
    var state = Fixtures.idleState()
    state.files.header = .present
    enterDataPath("beats.csv", in: &state)
    press([.control("u")] + typing(text), in: &state)

    let commands = press(.enter, in: &state)

    #expect(
      commands == [.files(.loadData(path: "beats.csv", format: DataFileFormat(header: .present, labelColumn: column)))])
    #expect(state.files.labelColumn == text)
  }

  @Test("invalid label column stays in the prompt")
  func invalidLabelColumn() {
    var state = Fixtures.idleState()
    enterDataPath("beats.csv", in: &state)
    press([.control("u")] + typing("0"), in: &state)

    let commands = press(.enter, in: &state)

    #expect(commands.isEmpty)
    #expect(state.files.prompt?.purpose == .labelColumn(path: "beats.csv"))
    #expect(
      state.files.prompt?.message
        == "Invalid value \"0\" for the label column: expected a column number of 1 or more (the first column is 1).")
    #expect(state.files.prompt?.isError == true)
  }

  @Test("column name without a header is rejected")
  func nameNeedsHeader() {
    var state = Fixtures.idleState()
    state.files.header = .absent
    enterDataPath("beats.csv", in: &state)
    press([.control("u")] + typing("class") + [.enter], in: &state)

    #expect(state.files.prompt?.isError == true)
    #expect(state.files.prompt?.message?.hasPrefix("--label-column \"class\" selects a column by name") == true)
  }

  /// Ten rows of 6 values: labels a (6 rows) and b (4 rows).
  static let labelledData: LoadedData = {
    let rows = (0..<10).map { row in (0..<6).map { Float(row * 6 + $0) } }
    let labels = (0..<10).map { $0 < 6 ? "a" : "b" }
    let pool = Dataset(values: Matrix(rowArrays: rows), labels: labels, source: "beats.csv")
    return LoadedData(pool: pool, test: nil, files: ["beats.csv"], description: "beats.csv: 10 rows of 6 values")
  }()

  @Test("loaded data replaces the run and the input size")
  func dataLoadedReplacesRun() throws {
    var state = try Fixtures.finishedState()
    state.screen = .explore
    state.explore.selectedRow = 7

    let commands = update(&state, with: .files(.dataLoaded(Self.labelledData)))

    #expect(commands == [.discardRun, .files(.useData(Self.labelledData))])
    #expect(state.featureCount == 6)
    #expect(state.architecture.inputSize == 6)
    #expect(state.dataDescription == "beats.csv: 10 rows of 6 values")
    #expect(state.snapshot == nil)
    #expect(state.exploreModel == nil)
    #expect(state.explore.selectedRow == 0)
    #expect(state.classNames.isEmpty)
    #expect(state.files.dataGeneration == 1)
    #expect(
      state.files.prompt?.purpose
        == .normalLabels(present: [LabelCount(label: "a", count: 6), LabelCount(label: "b", count: 4)]))
    #expect(state.files.prompt?.text == "a")
  }

  @Test("loaded data resets a hand-set threshold")
  func dataLoadedResetsManualThreshold() {
    var state = Fixtures.idleState()
    state.threshold = .manual(0.3)

    _ = update(&state, with: .files(.dataLoaded(Self.labelledData)))

    #expect(state.threshold == .rule(.percentile(99)))
    #expect(state.notice?.text.hasSuffix("The threshold follows the 99th percentile again.") == true)
  }

  @Test("normal labels prompt sets the split's labels")
  func normalLabelsSet() throws {
    var state = Fixtures.idleState()
    _ = update(&state, with: .files(.dataLoaded(Self.labelledData)))

    press(.control("u"), in: &state)
    press(typing("b") + [.enter], in: &state)

    #expect(state.files.prompt == nil)
    #expect(state.split.normalLabels == ["b"])
    #expect(state.notice == Notice(.info, "Normal labels b: 4 normal rows, 6 abnormal. Space trains."))
    var expected = Fixtures.splitConfiguration
    expected.normalLabels = ["b"]
    #expect(press(.character(" "), in: &state) == [.startRun(Fixtures.training, expected, singleEpoch: false)])
  }

  @Test("absent normal label is rejected")
  func absentNormalLabelRejected() {
    var state = Fixtures.idleState()
    _ = update(&state, with: .files(.dataLoaded(Self.labelledData)))

    press([.control("u")] + typing("1, c") + [.enter], in: &state)

    #expect(state.files.prompt?.isError == true)
    #expect(state.files.prompt?.message == "No row has the label 1 or c. Choose from a, b.")
    #expect(state.split.normalLabels == ["1"])
  }

  @Test("Esc without a normal label present warns")
  func escapeNormalLabelsWarns() {
    var state = Fixtures.idleState()
    _ = update(&state, with: .files(.dataLoaded(Self.labelledData)))

    press(.escape, in: &state)

    #expect(state.files.prompt == nil)
    #expect(state.notice?.kind == .warning)
    #expect(state.notice?.text.hasPrefix("No row has the normal label 1, so training cannot start.") == true)
  }

  @Test("unlabelled data sets the abnormal share to 0")
  func unlabelledDataClearsAbnormalShare() {
    var state = Fixtures.idleState()
    state.split.abnormalShare = 0.1
    let pool = Dataset(unlabelled: Self.labelledData.pool.values, source: "beats.csv")
    let data = LoadedData(pool: pool, test: nil, files: ["beats.csv"], description: "beats.csv: 10 rows of 6 values")

    _ = update(&state, with: .files(.dataLoaded(data)))

    #expect(state.split.abnormalShare == 0)
    #expect(state.files.prompt == nil)
    #expect(state.notice?.text.hasSuffix("because unlabelled rows all count as normal.") == true)
  }

  @Test("failed load keeps the data")
  func dataLoadFailureKeepsData() throws {
    var state = try Fixtures.finishedState()
    let message = "Line 3, column 2 of \"broken.csv\" is \"abc\", which is not a number."

    let commands = update(&state, with: .files(.dataLoadFailed(message)))

    #expect(commands.isEmpty)
    #expect(state.featureCount == Fixtures.featureCount)
    #expect(state.dataDescription == Fixtures.dataDescription)
    #expect(state.snapshot != nil)
    #expect(
      state.files.question == FileQuestion(title: "Cannot open the data file", text: message, action: .acknowledge))
    #expect(state.notice == Notice(.error, message))
    press(.character("q"), in: &state)
    #expect(state.files.question == nil)
    #expect(!state.hasQuit)
  }

  // MARK: - Saving

  @Test("w without a model refuses")
  func saveWithoutModel() {
    var state = Fixtures.idleState()

    let commands = press(.character("w"), in: &state)

    #expect(commands.isEmpty)
    #expect(state.files.prompt == nil)
    #expect(
      state.notice == Notice(.error, "No model to save yet: press Space to train one, or o to open a model file."))
  }

  @Test("w after divergence refuses")
  func saveDivergedRun() throws {
    var state = try Fixtures.state(withRun: .diverged)

    press(.character("w"), in: &state)

    #expect(state.files.prompt == nil)
    #expect(state.notice?.kind == .error)
    #expect(state.notice?.text.hasPrefix("The run diverged, so its model is not usable and was not saved.") == true)
  }

  @Test("Enter saves the model with its settings")
  func saveModel() throws {
    var state = try Fixtures.finishedState()
    press(.character("w"), in: &state)
    #expect(state.files.prompt?.purpose == .saveModel)
    #expect(state.files.prompt?.text == "anomagram-model.json")

    let commands = press(.enter, in: &state)

    let snapshot = try Fixtures.finishedRun.get()
    guard case .files(.saveModel(let model, let path, let overwrite)) = try #require(commands.first) else {
      Issue.record("expected a save command, got \(commands)")
      return
    }
    #expect(commands.count == 1)
    #expect(path == "anomagram-model.json")
    #expect(!overwrite)
    #expect(model.model == snapshot.model)
    #expect(model.split == snapshot.split)
    #expect(model.splitConfiguration == Fixtures.splitConfiguration)
    #expect(model.training == Fixtures.training)
    #expect(model.threshold.rule == .percentile(99))
    #expect(model.threshold.value == ThresholdReading(setting: state.threshold, snapshot: snapshot)?.value)
  }

  @Test("hand-moved threshold saves as fixed")
  func saveManualThreshold() throws {
    var state = try Fixtures.finishedState()
    state.threshold = .manual(0.04)
    press(.character("w"), in: &state)

    let commands = press(.enter, in: &state)

    guard case .files(.saveModel(let model, _, _)) = try #require(commands.first) else {
      Issue.record("expected a save command, got \(commands)")
      return
    }
    #expect(model.threshold == ThresholdChoice(value: 0.04, rule: .fixed(0.04)))
  }

  @Test("existing file asks before replacing")
  func overwriteAsks() throws {
    var state = try Fixtures.finishedState()
    press(.character("w"), in: &state)
    let save = try #require(press(.enter, in: &state).first)
    guard case .files(let command) = save else {
      Issue.record("expected a file command, got \(save)")
      return
    }

    _ = update(&state, with: .files(.fileExists(command, path: "anomagram-model.json")))
    #expect(state.files.question?.action == .overwrite(command))

    #expect(press(.character("y"), in: &state) == [.files(command.overwriting)])
    #expect(state.files.question == nil)
    if case .saveModel(_, _, let overwrite) = command.overwriting {
      #expect(overwrite)
    } else {
      Issue.record("overwriting changed the command to \(command.overwriting)")
    }
  }

  @Test("no to replacing writes nothing")
  func overwriteDeclined() throws {
    var state = try Fixtures.finishedState()
    press(.character("w"), in: &state)
    guard case .files(let command) = try #require(press(.enter, in: &state).first) else { return }
    _ = update(&state, with: .files(.fileExists(command, path: "anomagram-model.json")))

    #expect(press(.escape, in: &state).isEmpty)
    #expect(state.files.question == nil)
    #expect(state.notice == Notice(.info, "Cancelled."))
  }

  @Test("saved model is remembered")
  func savedModelRemembered() throws {
    var state = try Fixtures.finishedState()

    _ = update(&state, with: .files(.modelSaved(path: "m.json")))

    #expect(state.files.lastModelPath == "m.json")
    #expect(state.notice == Notice(.info, "Saved the model to \"m.json\"."))
    press(.character("w"), in: &state)
    #expect(state.files.prompt?.text == "m.json")
  }

  // MARK: - Opening models

  static func modelFile(threshold: ThresholdChoice = ThresholdChoice(value: 0.02, rule: .fixed(0.02))) throws
    -> ModelFile
  {
    let snapshot = try Fixtures.finishedRun.get()
    var split = Fixtures.splitConfiguration
    split.testSize = 40
    var training = Fixtures.training
    training.epochs = 9
    return ModelFile(
      trainedModel: try #require(snapshot.model), split: snapshot.split, splitConfiguration: split, training: training,
      threshold: threshold)
  }

  @Test("model of another input size is rejected")
  func modelFeatureMismatch() throws {
    var state = try Fixtures.finishedState()
    let architecture = Architecture(inputSize: 30, encoderUnits: [8], latentSize: 2)
    let file = ModelFile(
      model: Autoencoder(architecture: architecture, seed: 1), scaler: nil, threshold: nil, normalLabels: ["1"])

    let commands = update(&state, with: .files(.modelFileLoaded(file, path: "other.json")))

    #expect(commands.isEmpty)
    let expected =
      "The model in \"other.json\" takes 30 values per row, but the loaded data has 24. Open a model trained on "
      + "data like the loaded data, or open matching data with O first."
    #expect(state.files.question?.text == expected)
    #expect(state.notice == Notice(.error, expected))
    #expect(state.snapshot?.architecture.inputSize == 24)
  }

  @Test("matching model is evaluated on its split")
  func modelEvaluatedOnFileSplit() throws {
    var state = Fixtures.idleState()
    let file = try Self.modelFile()

    let commands = update(&state, with: .files(.modelFileLoaded(file, path: "m.json")))

    #expect(
      commands == [
        .files(.evaluateModel(file, path: "m.json", splitConfiguration: try #require(file.split), dataGeneration: 0))
      ])
  }

  @Test("evaluated model becomes the current model")
  func evaluatedModelInstalled() throws {
    var state = Fixtures.idleState()
    let file = try Self.modelFile()
    let event = FileTasks.evaluate(
      file, path: "m.json", splitConfiguration: try #require(file.split), generation: 0, data: (Fixtures.pool, nil))
    guard case .modelEvaluated(let opened) = event else {
      Issue.record("evaluation failed: \(event)")
      return
    }

    let commands = update(&state, with: .files(.modelEvaluated(opened)))

    #expect(commands == [.discardRun])
    #expect(state.snapshot?.status == .finished)
    #expect(state.snapshot?.split.test.rows == 40)
    #expect(state.training.epochs == 9)
    #expect(state.split.testSize == 40)
    #expect(state.threshold == .manual(0.02))
    #expect(state.runs.current?.modelFile == "m.json")
    #expect(state.runs.records.isEmpty)
    #expect(state.exploreModel?.origin == "m.json")
    #expect(view(state, size: state.size).line(38).hasPrefix(" OPENED  epoch 0/9 "))
    #expect(state.notice?.text.hasPrefix("Opened \"m.json\": 24-12-6-3-6-12-24, AUC ") == true)
    #expect(press(.character(" "), in: &state).count == 1)
    #expect(state.runs.records.isEmpty)
  }

  @Test("rule threshold of a model file is kept as a rule")
  func modelRuleThreshold() throws {
    var state = Fixtures.idleState()
    let file = try Self.modelFile(threshold: ThresholdChoice(value: 0.03, rule: .maxF1))
    let event = FileTasks.evaluate(
      file, path: "m.json", splitConfiguration: try #require(file.split), generation: 0, data: (Fixtures.pool, nil))
    guard case .modelEvaluated(let opened) = event else {
      Issue.record("evaluation failed: \(event)")
      return
    }

    _ = update(&state, with: .files(.modelEvaluated(opened)))

    #expect(state.threshold == .rule(.maxF1))
  }

  @Test("opening a model stops a training run")
  func openingModelStopsRun() throws {
    var state = Fixtures.idleState()
    _ = update(&state, with: .runStarted(warnings: [], startedAt: nil))
    _ = update(&state, with: .snapshotArrived(try Fixtures.snapshot(status: .training)))
    let file = try Self.modelFile()
    let event = FileTasks.evaluate(
      file, path: "m.json", splitConfiguration: try #require(file.split), generation: 0, data: (Fixtures.pool, nil))
    guard case .modelEvaluated(let opened) = event else {
      Issue.record("evaluation failed: \(event)")
      return
    }

    _ = update(&state, with: .files(.modelEvaluated(opened)))

    #expect(state.runs.records.map(\.status) == [.stopped])
    #expect(state.runs.current?.modelFile == "m.json")
  }

  @Test("evaluation on replaced data is dropped")
  func staleEvaluationDropped() throws {
    var state = Fixtures.idleState()
    let file = try Self.modelFile()
    let event = FileTasks.evaluate(
      file, path: "m.json", splitConfiguration: try #require(file.split), generation: 0, data: (Fixtures.pool, nil))
    guard case .modelEvaluated(let opened) = event else {
      Issue.record("evaluation failed: \(event)")
      return
    }
    state.files.dataGeneration = 1

    let commands = update(&state, with: .files(.modelEvaluated(opened)))

    #expect(commands.isEmpty)
    #expect(state.snapshot == nil)
    #expect(state.notice?.kind == .warning)
  }
}

/// Opens the data prompt, types `path`, presses Enter and answers the path
/// check as a readable file, which opens the label-column prompt.
private func enterDataPath(_ path: String, in state: inout AppState) {
  press(.character("O"), in: &state)
  let commands = press(typing(path) + [.enter], in: &state)
  #expect(commands == [.files(.checkDataPath(path: path))])
  _ = update(&state, with: .files(.dataPathChecked(path: path, problem: nil)))
}
