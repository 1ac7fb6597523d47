import AnomagramCore
import Testing

@testable import AnomagramTUI

/// Screen switching and the Explore screen's keys outside draw mode:
/// stepping, filters, units and the mouse.
///
/// The finished fixture run has 50 test rows: rows 0 to 34 (samples 1 to
/// 35) are class 1 and rows 35 to 49 class 2. At its threshold (the 99th
/// percentile of the training errors, 0.1334) rows 35, 40, 41 and 48 are
/// true positives, the other class 2 rows are false negatives, and there
/// are no false positives.
@Suite("update: Explore screen", .timeLimit(.minutes(1)))
struct UpdateExploreTests {
  static let falseNegativeRows = [36, 37, 38, 39, 42, 43, 44, 45, 46, 47, 49]

  // MARK: - Screens

  @Test("2 and 1 switch screens", arguments: [(Key.character("2"), Key.character("1")), (.function(2), .function(1))])
  func screenKeys(keys: (explore: Key, train: Key)) throws {
    var state = try Fixtures.finishedState()
    #expect(state.screen == .train)

    press(keys.explore, in: &state)
    #expect(state.screen == .explore)

    press(keys.train, in: &state)
    #expect(state.screen == .train)
  }

  @Test("switching screens clears an information notice only")
  func screenSwitchClearsInfo() throws {
    var state = try Fixtures.finishedState()
    state.notice = Notice(.info, "Draw mode: Up/Down or the mouse change the signal; Enter or Esc leaves.")

    press(.character("2"), in: &state)
    #expect(state.notice == nil)

    state.notice = Notice(.warning, "The test set has 40 rows instead of the requested 50.")
    press(.character("1"), in: &state)
    #expect(state.notice == Notice(.warning, "The test set has 40 rows instead of the requested 50."))
  }

  @Test("digits go to an open editor")
  func digitsTypeIntoEditor() throws {
    var state = try Fixtures.finishedState()
    press(.tab, .enter, .character("2"), in: &state)

    #expect(state.screen == .train)
    #expect(state.editor?.text == "2")
  }

  @Test("Train keys do nothing on Explore")
  func trainKeysOnExplore() throws {
    var state = try ExploreFixtures.state()

    let commands = press(.tab, .character("r"), in: &state)

    #expect(commands.isEmpty)
    #expect(state.focus == .model)
    #expect(state.snapshot != nil)
  }

  @Test("Space trains from Explore")
  func spaceOnExplore() {
    var state = Fixtures.idleState()
    press(.character("2"), in: &state)

    let commands = press(.character(" "), in: &state)

    #expect(commands == [.startRun(Fixtures.training, Fixtures.splitConfiguration, singleEpoch: false)])
  }

  @Test("keys without a model explain")
  func keysWithoutModel() {
    var state = Fixtures.idleState()
    press(.character("2"), .down, in: &state)

    #expect(state.exploreModel == nil)
    #expect(state.explore.selectedRow == 0)
    #expect(state.notice == Notice(.info, "No model to explore yet: press 1 for the Train screen, then Space to train."))
  }

  // MARK: - Stepping

  /// Keys pressed from sample 1 (row 0) with every sample listed, and the
  /// row selected after them.
  static let steps: [(label: String, keys: [Key], row: Int)] = [
    ("down", [.down], 1),
    ("j", [.character("j"), .character("j")], 2),
    ("up at the first", [.up], 0),
    ("down then k", [.down, .down, .character("k")], 1),
    ("end", [.end], 49),
    ("G", [.character("G")], 49),
    ("down at the last", [.end, .down], 49),
    ("page down", [.pageDown], 10),
    ("page down to the end", [.pageDown, .pageDown, .pageDown, .pageDown, .pageDown], 49),
    ("page up from the last", [.end, .pageUp], 39),
    ("page up at the first", [.down, .pageUp], 0),
    ("home", [.end, .home], 0),
    ("g", [.end, .character("g")], 0),
  ]

  @Test("keys step through samples", arguments: steps.map(\.label))
  func stepping(label: String) throws {
    let step = try #require(Self.steps.first { $0.label == label })
    var state = try ExploreFixtures.state()

    press(step.keys, in: &state)

    #expect(state.explore.selectedRow == step.row)
    #expect(ExploreSelection(state)?.row == step.row)
  }

  @Test("stepping stays within the filter")
  func steppingWithFilter() throws {
    var state = try ExploreFixtures.state()
    press(Array(repeating: .character("f"), count: 5), in: &state)
    #expect(state.explore.filter == .falseNegatives)
    let rows = Self.falseNegativeRows

    // The selected row 0 is not a false negative: the first one after it shows.
    #expect(ExploreSelection(state)?.row == rows[0])
    press(.down, in: &state)
    #expect(state.explore.selectedRow == rows[1])
    press(.end, in: &state)
    #expect(state.explore.selectedRow == rows[10])
    press(.down, in: &state)
    #expect(state.explore.selectedRow == rows[10])
    press(.up, .up, in: &state)
    #expect(state.explore.selectedRow == rows[8])
    press(.home, in: &state)
    #expect(state.explore.selectedRow == rows[0])
    press(.pageDown, in: &state)
    #expect(state.explore.selectedRow == rows[10])
    press(.pageUp, in: &state)
    #expect(state.explore.selectedRow == rows[0])
  }

  // The selection is the row last stepped to, so a filter that leaves it
  // out shows the next row it keeps, and going back shows the row again.
  @Test("filter keeps the selected row")
  func filterKeepsSelection() throws {
    var state = try ExploreFixtures.state()
    press(.end, .up, .up, .up, .up, .up, .up, .up, .up, .up, in: &state)
    #expect(state.explore.selectedRow == 40)

    press(Array(repeating: .character("f"), count: 5), in: &state)
    #expect(ExploreSelection(state)?.row == 42)
    press(.character("f"), in: &state)

    #expect(state.explore.filter == .all)
    #expect(ExploreSelection(state)?.row == 40)
  }

  @Test("selection after the last kept row shows the last")
  func selectionAfterFilteredRows() throws {
    var state = try ExploreFixtures.state()
    press(.end, .character("f"), in: &state)  // row 49, then class 1: rows 0 to 34

    let selection = try #require(ExploreSelection(state))

    #expect(selection.row == 34)
    #expect(selection.position == 34)
  }

  @Test("empty filter says so")
  func emptyFilter() throws {
    var state = try ExploreFixtures.state()
    press(Array(repeating: .character("f"), count: 4), in: &state)
    #expect(state.explore.filter == .falsePositives)
    #expect(state.notice == Notice(.info, "No test samples are false positives at this threshold."))

    press(.down, in: &state)

    #expect(ExploreSelection(state)?.row == nil)
    #expect(state.explore.selectedRow == 0)
    #expect(state.notice == Notice(.info, "No test samples are false positives at this threshold."))
  }

  // MARK: - Filters

  @Test("f cycles all, classes, then errors")
  func filterCycle() throws {
    var state = try ExploreFixtures.state()
    var seen: [ExploreFilter] = []
    for _ in 0..<6 {
      press(.character("f"), in: &state)
      seen.append(state.explore.filter)
    }

    #expect(seen == [.label("1"), .label("2"), .misclassified, .falsePositives, .falseNegatives, .all])
    press(.character("F"), in: &state)
    #expect(state.explore.filter == .falseNegatives)
    #expect(state.notice == Notice(.info, "Filter: false negatives, 11 test samples."))
  }

  /// The rows each filter should keep, worked out from the snapshot's own
  /// errors, labels and threshold rather than from `ExploreModel`.
  private func expectedRows(
    _ filter: ExploreFilter, snapshot: TrainingSnapshot, setting: ThresholdSetting = Fixtures.idleState().threshold
  ) throws -> [Int] {
    let errors = try #require(snapshot.evaluation).testErrors
    let threshold = try #require(ThresholdReading(setting: setting, snapshot: snapshot)).value
    let labels = snapshot.split.testLabels
    let isAbnormal = snapshot.split.testIsAbnormal
    return errors.indices.filter { row in
      let flagged = errors[row] > threshold
      switch filter {
      case .all: return true
      case .label(let label): return labels[row] == label
      case .misclassified: return flagged != isAbnormal[row]
      case .falsePositives: return flagged && !isAbnormal[row]
      case .falseNegatives: return !flagged && isAbnormal[row]
      }
    }
  }

  static let filterCounts: [(filter: ExploreFilter, count: Int)] = [
    (.all, 50), (.label("1"), 35), (.label("2"), 15), (.misclassified, 11), (.falsePositives, 0),
    (.falseNegatives, 11),
  ]

  @Test("filters keep the right rows", arguments: filterCounts.map(\.filter))
  func filterContents(filter: ExploreFilter) throws {
    let snapshot = try Fixtures.finishedRun.get()
    var state = try ExploreFixtures.state()
    state.explore.filter = filter

    let rows = try #require(ExploreSelection(state)).rows

    #expect(rows == (try expectedRows(filter, snapshot: snapshot)))
    #expect(rows.count == Self.filterCounts.first { $0.filter == filter }?.count)
  }

  @Test("false negatives are the fixture's")
  func falseNegativeRows() throws {
    var state = try ExploreFixtures.state()
    state.explore.filter = .falseNegatives

    #expect(try #require(ExploreSelection(state)).rows == Self.falseNegativeRows)
  }

  @Test("filters follow a moved threshold")
  func filterFollowsThreshold() throws {
    var state = try ExploreFixtures.state()
    state.threshold = .manual(0.1)
    state.explore.filter = .falsePositives

    let rows = try #require(ExploreSelection(state)).rows

    // Class 1 rows with errors above 0.1 (see the fixture run's errors).
    #expect(rows == [1, 2, 3, 6, 13, 16, 22, 23, 25, 31])
    #expect(rows == (try expectedRows(.falsePositives, snapshot: try Fixtures.finishedRun.get(), setting: .manual(0.1))))
  }

  // MARK: - Units and the bottleneck toggle

  @Test("u toggles original units")
  func unitsToggle() throws {
    var state = try ExploreFixtures.state()

    press(.character("u"), in: &state)
    #expect(state.explore.showsOriginalUnits)
    press(.character("u"), in: &state)
    #expect(!state.explore.showsOriginalUnits)
  }

  @Test("b swaps the list in small windows")
  func bottleneckToggle() throws {
    var small = try ExploreFixtures.state(size: Size(width: 80, height: 24))
    press(.character("b"), in: &small)
    #expect(small.explore.showsBottleneckInList)

    var large = try ExploreFixtures.state()
    press(.character("b"), in: &large)
    #expect(!large.explore.showsBottleneckInList)
    #expect(large.notice == Notice(.info, "The bottleneck plot has its own pane at this window size."))
  }

  // MARK: - Models

  @Test("pretrained model explores without a run")
  func pretrainedModel() throws {
    let snapshot = try Fixtures.finishedRun.get()
    let model = try #require(snapshot.model)
    let split = snapshot.split
    var state = Fixtures.idleState()
    state.pretrained = ExploreModel(
      model: model, scaler: split.scaler, trainRows: split.scaler.inverseTransform(split.train),
      testRows: split.rawTest, testLabels: split.testLabels, testIsAbnormal: split.testIsAbnormal,
      testIsLabelled: true, origin: "pretrained fixture model")
    press(.character("2"), .down, in: &state)

    let selection = try #require(ExploreSelection(state))
    let evaluation = try #require(snapshot.evaluation)

    #expect(state.explore.selectedRow == 1)
    #expect(selection.model.origin == "pretrained fixture model")
    #expect(selection.model.testErrors.count == 50)
    for (recomputed, evaluated) in zip(selection.model.testErrors, evaluation.testErrors) {
      // The rows are scaled again from the raw values, so allow float rounding.
      #expect(abs(recomputed - evaluated) <= 1e-5 * max(1, evaluated))
    }
  }

  @Test("run's model replaces the pretrained one")
  func runReplacesPretrained() throws {
    let snapshot = try Fixtures.finishedRun.get()
    var state = try ExploreFixtures.state()
    state.pretrained = ExploreModel(
      model: try #require(snapshot.model), scaler: nil, trainRows: snapshot.split.train, testRows: snapshot.split.test,
      testLabels: snapshot.split.testLabels, testIsAbnormal: snapshot.split.testIsAbnormal, testIsLabelled: true,
      origin: "pretrained")

    #expect(state.exploreModel?.origin == "current run, epoch 5 of 5")
  }

  // MARK: - Mouse

  @Test("wheel steps through samples")
  func wheelSteps() throws {
    var state = try ExploreFixtures.state()

    mouse(.scrollDown, x: 60, y: 10, in: &state)
    mouse(.scrollDown, x: 60, y: 10, in: &state)
    #expect(state.explore.selectedRow == 2)
    mouse(.scrollUp, x: 60, y: 10, in: &state)
    #expect(state.explore.selectedRow == 1)
  }

  // The list pane at 120x40 is columns 0 to 39 from row 1, so its first
  // line is row 2. With 50 samples and 35 lines it does not scroll while
  // sample 1 is selected, so row 6 shows sample 5 (row 4).
  @Test("press on the list selects")
  func pressSelects() throws {
    var state = try ExploreFixtures.state()

    mouse(.press, x: 10, y: 6, in: &state)
    #expect(state.explore.selectedRow == 4)

    mouse(.press, x: 0, y: 8, in: &state)  // the frame, not a line
    #expect(state.explore.selectedRow == 4)
  }

  @Test("mouse on the Train screen does nothing")
  func mouseOnTrain() throws {
    var state = try Fixtures.finishedState()

    mouse(.scrollDown, x: 60, y: 10, in: &state)

    #expect(state.explore.selectedRow == 0)
  }

  // MARK: - Bottleneck projection

  @Test("projection is cached for the model")
  func projectionCache() throws {
    var state = try ExploreFixtures.state()
    let model = try #require(state.exploreModel)
    let projection = try #require(state.explore.projection)
    #expect(projection.matches(model))
    #expect(projection.method == .principalComponents(units: 3))

    _ = update(&state, with: .snapshotArrived(try ExploreFixtures.twoUnitRun.get()))

    #expect(state.explore.projection?.method == .code)
  }

  @Test("no projection on the Train screen")
  func noProjectionOnTrain() throws {
    let state = try Fixtures.finishedState()

    #expect(state.explore.projection == nil)
  }
}
