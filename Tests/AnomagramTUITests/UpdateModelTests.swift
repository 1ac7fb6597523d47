import AnomagramCore
import Testing

@testable import AnomagramTUI

/// Keys of the model pane, which has focus at start. With the fixture's
/// encoder [12, 6] its rows are dense 1, dense 2, bottleneck, hidden
/// activation and output activation (cursor 0 to 4).
@Suite("update: model pane", .timeLimit(.minutes(1)))
struct UpdateModelTests {
  /// Presses Down `count` times, moving the cursor to that row.
  private func select(row count: Int, in state: inout AppState) {
    press(Array(repeating: .down, count: count), in: &state)
  }

  // MARK: - Cursor

  @Test("cursor stays within the rows")
  func cursorBounds() {
    var state = Fixtures.idleState()

    press(.up, in: &state)
    #expect(state.modelCursor == 0)

    select(row: 10, in: &state)
    #expect(state.modelCursor == 4)

    press(.character("k"), in: &state)
    #expect(state.modelCursor == 3)
    press(.character("j"), in: &state)
    #expect(state.modelCursor == 4)
  }

  // MARK: - Units and activations

  @Test("arrows step hidden units through presets")
  func unitsStepThroughPresets() {
    var state = Fixtures.idleState()

    press(.right, in: &state)
    #expect(state.training.encoderUnits == [16, 6])
    press(.left, .left, in: &state)
    #expect(state.training.encoderUnits == [8, 6])
    press(.character("h"), in: &state)
    #expect(state.training.encoderUnits == [6, 6])
    press(.character("l"), in: &state)
    #expect(state.training.encoderUnits == [8, 6])
  }

  @Test("units stop at 1 and 1024")
  func unitsStopAtEnds() {
    var state = Fixtures.idleState()

    press(Array(repeating: .left, count: 30), in: &state)
    #expect(state.training.encoderUnits == [1, 6])

    press(Array(repeating: .right, count: 30), in: &state)
    #expect(state.training.encoderUnits == [1024, 6])
  }

  @Test("right visits every unit preset")
  func unitsVisitEveryPreset() {
    var state = Fixtures.idleState()
    select(row: 2, in: &state)
    press(Array(repeating: .left, count: 5), in: &state)
    var visited = [state.training.latentSize]

    for _ in 0..<19 {
      press(.right, in: &state)
      visited.append(state.training.latentSize)
    }

    #expect(visited == [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024])
  }

  @Test("arrows change the bottleneck")
  func bottleneckSteps() {
    var state = Fixtures.idleState()
    select(row: 2, in: &state)

    press(.right, in: &state)
    #expect(state.training.latentSize == 4)
    press(.left, .left, in: &state)
    #expect(state.training.latentSize == 2)
    #expect(state.training.encoderUnits == [12, 6])
  }

  @Test("hidden activation cycles both ways")
  func hiddenActivationCycles() {
    var state = Fixtures.idleState()
    select(row: 3, in: &state)
    var forward: [Activation] = []
    for _ in 0..<6 {
      press(.right, in: &state)
      forward.append(state.training.hiddenActivation)
    }

    press(.left, in: &state)

    #expect(forward == [.leakyRelu, .elu, .tanh, .sigmoid, .linear, .relu])
    #expect(state.training.hiddenActivation == .linear)
  }

  @Test("output activation toggles sigmoid and linear")
  func outputActivationCycles() {
    var state = Fixtures.idleState()
    select(row: 4, in: &state)

    press(.right, in: &state)
    #expect(state.training.outputActivation == .linear)
    press(.right, in: &state)
    #expect(state.training.outputActivation == .sigmoid)
    press(.left, in: &state)
    #expect(state.training.outputActivation == .linear)
  }

  // MARK: - Adding and removing layers

  @Test("a inserts between neighbours")
  func addBetweenNeighbours() {
    var state = Fixtures.idleState()

    press(.character("a"), in: &state)

    // After dense 1 (12 units) and before dense 2 (6 units): (12 + 6) / 2.
    #expect(state.training.encoderUnits == [12, 9, 6])
    #expect(state.modelCursor == 1)
    #expect(state.notice == Notice(.info, "Added a hidden layer of 9 units; the decoder mirrors it."))
  }

  @Test("a on bottleneck adds innermost layer")
  func addInnermost() {
    var state = Fixtures.idleState()
    select(row: 2, in: &state)

    press(.character("+"), in: &state)

    // Between dense 2 (6 units) and the bottleneck (3 units): (6 + 3) / 2.
    #expect(state.training.encoderUnits == [12, 6, 4])
    #expect(state.modelCursor == 2)
  }

  @Test("first layer uses input width")
  func addFirstLayer() {
    var state = Fixtures.idleState()
    state.training.encoderUnits = []

    press(.character("a"), in: &state)

    // Between the input (24 values) and the bottleneck (3 units): (24 + 3) / 2.
    #expect(state.training.encoderUnits == [13])
  }

  @Test("a stops at six hidden layers")
  func addStopsAtMaximum() {
    var state = Fixtures.idleState()

    press(Array(repeating: .character("a"), count: 4), in: &state)
    #expect(state.training.encoderUnits.count == 6)
    let full = state.training.encoderUnits

    press(.character("a"), in: &state)

    #expect(state.training.encoderUnits == full)
    #expect(state.notice == Notice(.warning, "The encoder has the most hidden layers allowed (6)."))
  }

  @Test("d removes the selected layer")
  func removeLayer() {
    var state = Fixtures.idleState()

    press(.character("d"), in: &state)

    #expect(state.training.encoderUnits == [6])
    #expect(state.notice == Notice(.info, "Removed the hidden layer of 12 units."))
  }

  @Test("repeated d removes every hidden layer")
  func repeatedRemoveKeepsHiddenLayerSelected() {
    var state = Fixtures.idleState()
    select(row: 1, in: &state)

    // Removing the last hidden layer selects the one before it.
    press(.character("d"), in: &state)
    #expect(state.training.encoderUnits == [12])
    #expect(state.modelCursor == 0)

    press(.character("-"), in: &state)
    #expect(state.training.encoderUnits == [])
    #expect(state.notice == Notice(.info, "Removed the hidden layer of 12 units."))

    // With none left, row 0 is the bottleneck, which stays.
    press(.character("d"), in: &state)
    #expect(state.modelCursor == 0)
    #expect(state.training.latentSize == 3)
    #expect(state.notice == Notice(.info, "Select a hidden layer to remove; the bottleneck always stays."))
  }

  @Test("d selects the next layer")
  func removeSelectsNextLayer() {
    var state = Fixtures.idleState()
    state.training.encoderUnits = [16, 12, 6]

    press(.character("d"), in: &state)

    #expect(state.training.encoderUnits == [12, 6])
    #expect(state.modelCursor == 0)
    #expect(ModelRow.rows(for: state.training)[state.modelCursor] == .hiddenLayer(0))
  }

  @Test("d rejects bottleneck and activations", arguments: [2, 3, 4])
  func removeRefusesOtherRows(row: Int) {
    var state = Fixtures.idleState()
    select(row: row, in: &state)

    press(.character("d"), in: &state)

    #expect(state.training.encoderUnits == [12, 6])
    #expect(state.training.latentSize == 3)
    #expect(state.notice == Notice(.info, "Select a hidden layer to remove; the bottleneck always stays."))
  }

  // MARK: - Typing units

  @Test("Enter opens an editor with the units")
  func enterOpensEditor() {
    var state = Fixtures.idleState()

    press(.enter, in: &state)
    #expect(state.editor == FieldEditor(target: .layerUnits(index: 0), text: "12"))

    press(.escape, .down, .down, .enter, in: &state)
    #expect(state.editor == FieldEditor(target: .bottleneckUnits, text: "3"))
  }

  @Test("Enter on activation explains arrows", arguments: [3, 4])
  func enterOnActivation(row: Int) {
    var state = Fixtures.idleState()
    select(row: row, in: &state)

    press(.enter, in: &state)

    #expect(state.editor == nil)
    #expect(state.notice == Notice(.info, "Use the left and right arrow keys to choose the activation."))
  }

  @Test("typed units are set")
  func typedUnitsAreSet() {
    var state = Fixtures.idleState()

    press([.enter, .backspace, .backspace] + typing("32") + [.enter], in: &state)

    #expect(state.editor == nil)
    #expect(state.training.encoderUnits == [32, 6])
  }

  @Test("typed bottleneck units are set")
  func typedBottleneckIsSet() {
    var state = Fixtures.idleState()
    select(row: 2, in: &state)

    press([.enter, .delete] + typing("5") + [.enter], in: &state)

    #expect(state.training.latentSize == 5)
  }

  @Test("first digit replaces the shown value")
  func firstDigitReplaces() {
    var state = Fixtures.idleState()

    press([.enter] + typing("4"), in: &state)

    #expect(state.editor?.text == "4")
  }

  @Test("digits after the first append")
  func laterDigitsAppend() {
    var state = Fixtures.idleState()

    press([.enter] + typing("32"), in: &state)

    #expect(state.editor?.text == "32")
  }

  @Test("Backspace edits the shown value")
  func backspaceEditsShownValue() {
    var state = Fixtures.idleState()

    press([.enter, .backspace] + typing("4"), in: &state)

    #expect(state.editor?.text == "14")
  }

  @Test("letters other than e are ignored")
  func lettersIgnored() {
    var state = Fixtures.idleState()

    press([.enter, .backspace, .backspace] + typing("x3q"), in: &state)

    #expect(state.editor?.text == "3")
    #expect(!state.hasQuit)
  }

  @Test("invalid units keep the editor open", arguments: ["0", "2000", "", "1.5", "1e3"])
  func invalidUnits(text: String) {
    var state = Fixtures.idleState()

    press([.enter, .backspace, .backspace] + typing(text) + [.enter], in: &state)

    #expect(state.editor?.text == text)
    #expect(state.editor?.error == "Units must be a whole number from 1 to 1024.")
    #expect(state.training.encoderUnits == [12, 6])
  }

  @Test("editing clears the error")
  func editingClearsError() {
    var state = Fixtures.idleState()
    press([.enter, .backspace, .backspace] + typing("0") + [.enter], in: &state)
    #expect(state.editor?.error != nil)

    press(.backspace, in: &state)

    #expect(state.editor?.text == "")
    #expect(state.editor?.error == nil)
  }

  @Test("Esc cancels typing")
  func escapeCancels() {
    var state = Fixtures.idleState()

    press([.enter, .backspace, .backspace] + typing("64") + [.escape], in: &state)

    #expect(state.editor == nil)
    #expect(state.training.encoderUnits == [12, 6])
  }

  // MARK: - Stale runs

  /// One change to the architecture per case, each from the starting state.
  static let architectureChanges: [(label: String, keys: [Key])] = [
    ("more units", [.right]),
    ("fewer bottleneck units", [.down, .down, .left]),
    ("hidden activation", [.down, .down, .down, .right]),
    ("output activation", [.down, .down, .down, .down, .right]),
    ("add layer", [.character("a")]),
    ("remove layer", [.character("d")]),
    ("typed units", [.enter, .backspace, .backspace, .character("4"), .enter]),
  ]

  @Test("architecture change marks a run stale", arguments: architectureChanges.map(\.label))
  func changeMarksRunStale(label: String) throws {
    let keys = try #require(Self.architectureChanges.first { $0.label == label }).keys
    var state = try Fixtures.finishedState()

    let commands = press(keys, in: &state)

    #expect(commands.isEmpty)
    #expect(state.isStale)
    #expect(state.training != Fixtures.training)
  }

  @Test("architecture change without a run", arguments: architectureChanges.map(\.label))
  func changeWithoutRun(label: String) throws {
    let keys = try #require(Self.architectureChanges.first { $0.label == label }).keys
    var state = Fixtures.idleState()

    press(keys, in: &state)

    #expect(!state.isStale)
    #expect(state.training != Fixtures.training)
  }

  @Test("unchanged units leave the run current")
  func unchangedUnitsNotStale() throws {
    var state = try Fixtures.finishedState()

    // Enter then Enter commits the shown 12, and the bottleneck cannot
    // go below 1.
    press(.enter, .enter, in: &state)
    var smallest = try Fixtures.finishedState()
    smallest.training.latentSize = 1
    press(.down, .down, .left, in: &smallest)

    #expect(!state.isStale)
    #expect(!smallest.isStale)
  }

  @Test("undone change clears the mark")
  func undoneChangeClearsMark() throws {
    var state = try Fixtures.finishedState()

    press(.right, in: &state)
    #expect(state.isModelChanged)

    press(.left, in: &state)
    #expect(!state.isStale)
    #expect(!state.isModelChanged)
  }

  @Test("layer change marks only the model")
  func layerChangeMarksModelPane() throws {
    var state = try Fixtures.finishedState()

    press(.character("a"), in: &state)

    #expect(state.isModelChanged)
    #expect(!state.isTrainingChanged)
  }
}
