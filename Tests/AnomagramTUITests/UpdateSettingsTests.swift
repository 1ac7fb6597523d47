import AnomagramCore
import Testing

@testable import AnomagramTUI

/// Keys of the settings pane. The fixture starts at epochs 5, batch size
/// 16, learning rate 0.01, adam, no regularizer at rate 0.001, seed 3, 80
/// train rows, 50 test rows and an abnormal share of 0.
@Suite("update: settings pane", .timeLimit(.minutes(1)))
struct UpdateSettingsTests {
  /// Returns `state` with the settings pane focused and `field` selected.
  private func selecting(_ field: SettingsField, in state: AppState) -> AppState {
    var state = state
    press([.tab] + Array(repeating: .down, count: field.rawValue), in: &state)
    return state
  }

  private func idle(selecting field: SettingsField) -> AppState {
    selecting(field, in: Fixtures.idleState())
  }

  // MARK: - Cursor

  @Test("cursor stays within the fields")
  func cursorBounds() {
    var state = idle(selecting: .epochs)

    press(.up, in: &state)
    #expect(state.settingsCursor == 0)

    press(Array(repeating: .down, count: 15), in: &state)
    #expect(state.settingsCursor == SettingsField.abnormalShare.rawValue)
    #expect(state.modelCursor == 0)
  }

  // MARK: - Presets

  /// A field that steps through a list of presets, with the text it shows
  /// at the first and the last preset.
  struct PresetCase: CustomTestStringConvertible, Sendable {
    let field: SettingsField
    let first: String
    let last: String

    var testDescription: String { field.label }
  }

  static let presetCases: [PresetCase] = [
    PresetCase(field: .epochs, first: "1", last: "1000"),
    PresetCase(field: .batchSize, first: "1", last: "2048"),
    PresetCase(field: .learningRate, first: "1e-05", last: "1"),
    PresetCase(field: .regularizationRate, first: "0", last: "0.1"),
    PresetCase(field: .trainSize, first: "50", last: "5000"),
    PresetCase(field: .testSize, first: "50", last: "5000"),
    PresetCase(field: .abnormalShare, first: "0.00", last: "0.90"),
  ]

  @Test("arrows reach both ends and stop", arguments: presetCases)
  func presetsStopAtEnds(_ preset: PresetCase) {
    var state = idle(selecting: preset.field)

    press(Array(repeating: .right, count: 20), in: &state)
    #expect(preset.field.text(in: state) == preset.last)

    press(Array(repeating: .left, count: 20), in: &state)
    #expect(preset.field.text(in: state) == preset.first)
  }

  /// A field and the text it shows one step up and one step down from the
  /// fixture's value.
  struct StepCase: CustomTestStringConvertible, Sendable {
    let field: SettingsField
    let up: String
    let down: String

    var testDescription: String { field.label }
  }

  // The test row count 50 is the first preset, so it stays 50 going down.
  static let stepCases: [StepCase] = [
    StepCase(field: .epochs, up: "10", down: "1"),
    StepCase(field: .batchSize, up: "32", down: "8"),
    StepCase(field: .learningRate, up: "0.03", down: "0.003"),
    StepCase(field: .regularizationRate, up: "0.01", down: "1e-04"),
    StepCase(field: .trainSize, up: "100", down: "50"),
    StepCase(field: .testSize, up: "100", down: "50"),
    StepCase(field: .abnormalShare, up: "0.01", down: "0.00"),
  ]

  @Test("one step each way", arguments: stepCases)
  func oneStepEachWay(_ step: StepCase) {
    var raised = idle(selecting: step.field)
    var lowered = raised

    press(.right, in: &raised)
    press(.left, in: &lowered)

    #expect(step.field.text(in: raised) == step.up)
    #expect(step.field.text(in: lowered) == step.down)
  }

  @Test("learning rate visits every preset")
  func learningRateVisitsEveryPreset() {
    var state = idle(selecting: .learningRate)
    state.training.optimizer.learningRate = 1e-5
    var visited = [SettingsField.learningRate.text(in: state)]

    for _ in 0..<10 {
      press(.right, in: &state)
      visited.append(SettingsField.learningRate.text(in: state))
    }
    var descending = [SettingsField.learningRate.text(in: state)]
    for _ in 0..<10 {
      press(.left, in: &state)
      descending.append(SettingsField.learningRate.text(in: state))
    }

    let presets = ["1e-05", "3e-05", "1e-04", "3e-04", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1"]
    #expect(visited == presets)
    #expect(descending == presets.reversed())
  }

  @Test("regularization rate visits every preset")
  func regularizationRateVisitsEveryPreset() {
    var state = idle(selecting: .regularizationRate)
    state.training.regularization.rate = 0
    var visited = [SettingsField.regularizationRate.text(in: state)]

    for _ in 0..<5 {
      press(.right, in: &state)
      visited.append(SettingsField.regularizationRate.text(in: state))
    }

    #expect(visited == ["0", "1e-05", "1e-04", "0.001", "0.01", "0.1"])
  }

  @Test("optimizer cycles and wraps")
  func optimizerCycles() {
    var state = idle(selecting: .optimizer)
    var forward: [OptimizerSettings.Kind] = []
    for _ in 0..<7 {
      press(.right, in: &state)
      forward.append(state.training.optimizer.kind)
    }

    press(.left, in: &state)

    #expect(forward == [.adamax, .adadelta, .adagrad, .rmsprop, .sgd, .momentum, .adam])
    #expect(state.training.optimizer.kind == .momentum)
  }

  @Test("adadelta gets its own rho")
  func adadeltaRho() {
    var state = idle(selecting: .optimizer)

    press(.right, .right, in: &state)
    #expect(state.training.optimizer.kind == .adadelta)
    #expect(state.training.optimizer.rho == 0.95)

    press(.right, .right, in: &state)
    #expect(state.training.optimizer.kind == .rmsprop)
    #expect(state.training.optimizer.rho == 0.9)
  }

  @Test("regularizer cycles and wraps")
  func regularizerCycles() {
    var state = idle(selecting: .regularizer)
    var forward: [Regularization.Kind] = []
    for _ in 0..<4 {
      press(.right, in: &state)
      forward.append(state.training.regularization.kind)
    }

    press(.left, in: &state)

    #expect(forward == [.l1, .l2, .l1l2, .none])
    #expect(state.training.regularization.kind == .l1l2)
  }

  @Test("seed stops at the largest value")
  func seedStopsAtMaximum() {
    var state = idle(selecting: .seed)
    state.training.seed = .max - 1

    press(.right, .right, in: &state)
    #expect(state.training.seed == .max)
    #expect(state.split.seed == .max)

    press(.left, in: &state)
    #expect(state.training.seed == UInt64.max - 1)
  }

  @Test("seed steps across 2^63")
  func seedStepsAcrossSignedLimit() {
    var state = idle(selecting: .seed)
    state.training.seed = 9_223_372_036_854_775_808

    press(.right, in: &state)
    #expect(state.training.seed == 9_223_372_036_854_775_809)

    press(.left, .left, in: &state)
    #expect(state.training.seed == 9_223_372_036_854_775_807)
  }

  @Test("seed steps by one and stops at 0")
  func seedSteps() {
    var state = idle(selecting: .seed)

    press(.right, in: &state)
    #expect(state.training.seed == 4)
    #expect(state.split.seed == 4)

    press(Array(repeating: .left, count: 6), in: &state)
    #expect(state.training.seed == 0)
    #expect(state.split.seed == 0)
  }

  // MARK: - Typed values

  @Test("Enter opens an editor with the value")
  func enterOpensEditor() {
    var state = idle(selecting: .learningRate)

    press(.enter, in: &state)

    #expect(state.editor == FieldEditor(target: .setting(.learningRate), text: "0.01"))
  }

  @Test("Enter on choice explains arrows", arguments: [SettingsField.optimizer, .regularizer])
  func enterOnChoiceField(field: SettingsField) {
    var state = idle(selecting: field)

    press(.enter, in: &state)

    #expect(state.editor == nil)
    #expect(state.notice == Notice(.info, "Use the left and right arrow keys to choose the \(field.label)."))
  }

  /// Presses Enter, clears the shown value, types `text` and presses Enter.
  @discardableResult
  private func type(_ text: String, into state: inout AppState) -> [Command] {
    let clear = Array(repeating: Key.backspace, count: 16)
    return press([.enter] + clear + typing(text) + [.enter], in: &state)
  }

  @Test("typed values are set")
  func typedValuesAreSet() {
    var state = Fixtures.idleState()
    var commands: [Command] = []

    state = selecting(.epochs, in: state)
    commands += type("20", into: &state)
    press(.down, in: &state)
    commands += type("64", into: &state)
    press(.down, in: &state)
    commands += type("0.005", into: &state)
    press(.down, .down, .down, in: &state)
    commands += type("0.25", into: &state)
    press(.down, in: &state)
    commands += type("42", into: &state)
    press(.down, in: &state)
    commands += type("120", into: &state)
    press(.down, in: &state)
    commands += type("30", into: &state)
    press(.down, in: &state)
    commands += type("0.1", into: &state)

    #expect(commands.isEmpty)
    #expect(state.editor == nil)
    #expect(state.training.epochs == 20)
    #expect(state.training.batchSize == 64)
    #expect(state.training.optimizer.learningRate == 0.005)
    #expect(state.training.regularization.rate == 0.25)
    #expect(state.training.seed == 42)
    #expect(state.split.seed == 42)
    #expect(state.split.trainSize == 120)
    #expect(state.split.testSize == 30)
    #expect(state.split.abnormalShare == 0.1)
  }

  /// Text typed into a field and the reason it is rejected.
  struct RejectedCase: CustomTestStringConvertible, Sendable {
    let field: SettingsField
    let text: String
    let reason: String

    var testDescription: String { "\(field.label) \"\(text)\"" }
  }

  static let seedReason = "The seed must be a whole number from 0 to 18446744073709551615."

  static let rejectedCases: [RejectedCase] = [
    RejectedCase(field: .epochs, text: "0", reason: "Epochs must be a whole number from 1 to 1000000."),
    RejectedCase(field: .epochs, text: "1000001", reason: "Epochs must be a whole number from 1 to 1000000."),
    RejectedCase(
      field: .epochs, text: "99999999999999999999", reason: "Epochs must be a whole number from 1 to 1000000."),
    RejectedCase(field: .batchSize, text: "0", reason: "The batch size must be a whole number from 1 to 1000000."),
    RejectedCase(field: .batchSize, text: "", reason: "The batch size must be a whole number from 1 to 1000000."),
    RejectedCase(
      field: .learningRate, text: "-0.1", reason: "The learning rate must be a number above 0 and at most 10."),
    RejectedCase(field: .learningRate, text: "0", reason: "The learning rate must be a number above 0 and at most 10."),
    RejectedCase(
      field: .learningRate, text: "11", reason: "The learning rate must be a number above 0 and at most 10."),
    RejectedCase(
      field: .regularizationRate, text: "-1", reason: "The regularization rate must be a number from 0 to 10."),
    RejectedCase(field: .seed, text: "-1", reason: Self.seedReason),
    RejectedCase(field: .seed, text: "1e3", reason: Self.seedReason),
    RejectedCase(field: .seed, text: "2.5", reason: Self.seedReason),
    RejectedCase(field: .seed, text: "18446744073709551616", reason: Self.seedReason),
    RejectedCase(field: .trainSize, text: "0", reason: "Train rows must be a whole number from 1 to 1000000."),
    RejectedCase(field: .testSize, text: "2000000", reason: "Test rows must be a whole number from 1 to 1000000."),
    RejectedCase(field: .abnormalShare, text: "0.95", reason: "The abnormal share must be a number from 0 to 0.9."),
    RejectedCase(field: .abnormalShare, text: "-0.1", reason: "The abnormal share must be a number from 0 to 0.9."),
  ]

  @Test("invalid typed values keep the editor open", arguments: rejectedCases)
  func invalidTypedValues(_ rejected: RejectedCase) {
    var state = idle(selecting: rejected.field)
    let before = rejected.field.text(in: state)

    let commands = type(rejected.text, into: &state)

    #expect(commands.isEmpty)
    #expect(state.editor?.target == .setting(rejected.field))
    #expect(state.editor?.text == rejected.text)
    #expect(state.editor?.error == rejected.reason)
    #expect(rejected.field.text(in: state) == before)
    #expect(!state.isStale)
  }

  @Test("largest seed is typed whole")
  func largestSeedTyped() {
    var state = idle(selecting: .seed)

    type("18446744073709551615", into: &state)

    #expect(state.editor == nil)
    #expect(state.training.seed == .max)
    #expect(state.split.seed == .max)
  }

  @Test("editor rejects a 33rd character")
  func editorLengthLimit() {
    var state = idle(selecting: .seed)
    let longest = String(repeating: "9", count: FieldEditor.maximumLength)

    press([.enter, .backspace] + typing(longest + "9"), in: &state)

    #expect(state.editor?.text == longest)
    #expect(state.editor?.error == "A value has at most 32 characters; press Backspace to delete.")

    press(.backspace, in: &state)
    #expect(state.editor?.error == nil)
  }

  @Test("set value clears the rejection")
  func setValueClearsRejection() {
    var state = idle(selecting: .seed)

    type("18446744073709551616", into: &state)
    #expect(state.notice == Notice(.error, Self.seedReason))

    press(.backspace, .character("5"), .enter, in: &state)
    #expect(state.editor == nil)
    #expect(state.training.seed == .max)
    #expect(state.notice == nil)
  }

  @Test("Esc cancels a typed value")
  func escapeCancels() {
    var state = idle(selecting: .epochs)

    press([.enter] + typing("0") + [.escape], in: &state)

    #expect(state.editor == nil)
    #expect(state.training.epochs == 5)
  }

  // MARK: - Changes during a run

  @Test("learning rate reaches active run", arguments: [TrainingStatus.training, .paused])
  func learningRateToActiveRun(status: TrainingStatus) throws {
    var state = selecting(.learningRate, in: try Fixtures.state(withRun: status))

    let commands = press(.left, in: &state)

    #expect(commands == [.setLearningRate(0.003)])
    #expect(!state.isStale)
    #expect(state.notice == Notice(.info, "Learning rate 0.003 applies from the next batch."))
  }

  @Test("typed learning rate reaches run")
  func typedLearningRateToActiveRun() throws {
    var state = selecting(.learningRate, in: try Fixtures.state(withRun: .paused))

    let commands = type("0.005", into: &state)

    #expect(commands == [.setLearningRate(0.005)])
    #expect(!state.isStale)
    #expect(press(.character(" "), in: &state) == [.resumeRun])
  }

  @Test("learning rate after run is stale")
  func learningRateAfterRunEnds() throws {
    var state = selecting(.learningRate, in: try Fixtures.finishedState())

    let commands = press(.left, in: &state)

    #expect(commands.isEmpty)
    #expect(state.isStale)
  }

  static let fieldsOtherThanLearningRate = SettingsField.allCases.filter { $0 != .learningRate }

  @Test("other changes mark the run stale", arguments: fieldsOtherThanLearningRate)
  func otherFieldsMarkStale(field: SettingsField) throws {
    var state = selecting(field, in: try Fixtures.state(withRun: .paused))

    let commands = press(.right, in: &state)

    #expect(commands.isEmpty)
    #expect(state.isStale)
  }

  @Test("changes without a run are not stale", arguments: SettingsField.allCases)
  func changesWithoutRun(field: SettingsField) {
    var state = idle(selecting: field)

    let commands = press(.right, in: &state)

    #expect(commands.isEmpty)
    #expect(!state.isStale)
  }

  @Test("unchanged end value not stale")
  func noChangeAtEnd() throws {
    var state = selecting(.abnormalShare, in: try Fixtures.state(withRun: .paused))

    let commands = press(.left, in: &state)

    #expect(commands.isEmpty)
    #expect(!state.isStale)
  }

  @Test("same typed value not stale")
  func sameTypedValue() throws {
    var state = selecting(.epochs, in: try Fixtures.state(withRun: .paused))

    press(.enter, .enter, in: &state)

    #expect(state.editor == nil)
    #expect(!state.isStale)
  }

  @Test("epochs changed and back clears the mark")
  func changeAndBackNotStale() throws {
    var state = selecting(.epochs, in: try Fixtures.finishedState())

    press(.right, in: &state)
    #expect(state.isStale)
    #expect(state.isTrainingChanged)
    #expect(!state.isModelChanged)

    press(.right, in: &state)
    press(.left, .left, in: &state)
    #expect(state.training.epochs == 5)
    #expect(!state.isStale)
    #expect(!state.isTrainingChanged)
  }

  @Test("typed value back clears the mark")
  func typedBackNotStale() throws {
    var state = selecting(.batchSize, in: try Fixtures.state(withRun: .paused))

    type("32", into: &state)
    #expect(state.isStale)

    type("16", into: &state)
    #expect(!state.isStale)
    #expect(press(.character(" "), in: &state) == [.resumeRun])
  }

  @Test("rate applied to run is not a change")
  func appliedRateNotChange() throws {
    var state = selecting(.epochs, in: try Fixtures.state(withRun: .paused))

    press(.right, .down, .down, .right, in: &state)
    #expect(state.isTrainingChanged)

    // Epochs back to 5: the rate went to the run, so nothing differs.
    press(.up, .up, .left, in: &state)
    #expect(!state.isStale)
    #expect(!state.isTrainingChanged)
  }

  @Test("data setting marks the settings pane")
  func dataSettingMarksSettingsPane() throws {
    var state = selecting(.trainSize, in: try Fixtures.finishedState())

    press(.right, in: &state)

    #expect(state.isTrainingChanged)
    #expect(!state.isModelChanged)
  }
}
