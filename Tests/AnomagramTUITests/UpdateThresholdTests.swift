import AnomagramCore
import Testing

@testable import AnomagramTUI

/// Keys of the threshold pane and the loss chart pane, and
/// `ThresholdReading` on the fixture runs.
@Suite("update: threshold and loss chart", .timeLimit(.minutes(1)))
struct UpdateThresholdTests {
  /// Returns `state` with the threshold pane focused (two Tabs from the model pane).
  private func focusingThreshold(_ state: AppState) -> AppState {
    var state = state
    press(.tab, .tab, in: &state)
    return state
  }

  /// Returns whether `actual` is within `relativeTolerance` of `expected`.
  private func isClose(_ actual: Float, _ expected: Float, relativeTolerance: Float) -> Bool {
    abs(actual - expected) <= relativeTolerance * max(abs(actual), abs(expected))
  }

  /// Returns the top of the histogram's range as `displayRange` documents it:
  /// 1.1 times the larger of the 98th-percentile test error and the
  /// threshold. With 50 test errors the 98th percentile is the sorted
  /// error at index ⌊49 × 0.98⌋ = 48.
  private func displayTop(_ snapshot: TrainingSnapshot, threshold: Float) throws -> Float {
    let sorted = try #require(snapshot.evaluation).testErrors.sorted()
    try #require(sorted.count == 50)
    return max(sorted[48] * 1.1, threshold * 1.1)
  }

  private func manualValue(_ setting: ThresholdSetting) -> Float? {
    if case .manual(let value) = setting { return value }
    return nil
  }

  // MARK: - Rule keys

  static let ruleKeys: [(key: Character, rule: ThresholdRule)] = [
    ("f", .maxF1), ("a", .maxAccuracy), ("y", .youden), ("p", .percentile(99)), ("s", .meanPlusStandardDeviations(3)),
  ]

  @Test("letters snap to rules", arguments: ruleKeys.map(\.key))
  func lettersSnapToRules(key: Character) throws {
    let rule = try #require(Self.ruleKeys.first { $0.key == key }).rule
    var state = focusingThreshold(try Fixtures.finishedState())
    press(.right, in: &state)  // a manual threshold first, so each letter has something to replace

    let commands = press(.character(key), in: &state)

    #expect(commands.isEmpty)
    #expect(state.threshold == .rule(rule))
    #expect(state.notice == Notice(.info, "The threshold follows the \(rule.name)."))
  }

  @Test("letters set rules before a run")
  func lettersWithoutRun() {
    var state = focusingThreshold(Fixtures.idleState())

    press(.character("y"), in: &state)

    #expect(state.threshold == .rule(.youden))
    #expect(state.notice == Notice(.info, "The threshold follows the \(ThresholdRule.youden.name)."))
  }

  @Test("label rules fall back on one class", arguments: ["f", "a", "y"] as [Character])
  func labelRulesFallBack(key: Character) throws {
    let rule = try #require(Self.ruleKeys.first { $0.key == key }).rule
    var state = focusingThreshold(Fixtures.idleState())
    _ = update(&state, with: .snapshotArrived(try Fixtures.oneClassRun.get()))

    press(.character(key), in: &state)

    #expect(state.threshold == .rule(rule))
    #expect(
      state.notice
        == Notice(
          .warning,
          "The \(rule.name) needs normal and abnormal test rows; the threshold uses the "
            + "\(ThresholdRule.percentile(99).name) instead (key p)."))
  }

  // MARK: - Moving the threshold

  /// A key that moves the threshold and the share of the histogram's range it moves by.
  struct MoveCase: CustomTestStringConvertible, Sendable {
    let label: String
    let key: Key
    let steps: Float

    var testDescription: String { label }
  }

  static let moveCases: [MoveCase] = [
    MoveCase(label: "Right, up 1/200", key: .right, steps: 1 / 200),
    MoveCase(label: "Left, down 1/200", key: .left, steps: -1 / 200),
    MoveCase(label: "h, down 1/200", key: .character("h"), steps: -1 / 200),
    MoveCase(label: "Up, up 1/20", key: .up, steps: 1 / 20),
    MoveCase(label: "k, up 1/20", key: .character("k"), steps: 1 / 20),
    MoveCase(label: "Page Up, up 1/20", key: .pageUp, steps: 1 / 20),
    MoveCase(label: "Down, down 1/20", key: .down, steps: -1 / 20),
    MoveCase(label: "j, down 1/20", key: .character("j"), steps: -1 / 20),
    MoveCase(label: "Page Down, down 1/20", key: .pageDown, steps: -1 / 20),
  ]

  // The expected value repeats the code's Float steps in another order, so
  // it can differ in the last bits. A relative tolerance of 1e-5 allows for
  // that and is far below the 1/200 step.
  @Test("arrows move to a manual threshold", arguments: moveCases)
  func arrowsMoveThreshold(_ move: MoveCase) throws {
    let snapshot = try Fixtures.finishedRun.get()
    var state = focusingThreshold(try Fixtures.finishedState())
    let start = try #require(ThresholdReading(setting: state.threshold, snapshot: snapshot)).value
    let top = try displayTop(snapshot, threshold: start)

    let commands = press(move.key, in: &state)

    let moved = try #require(manualValue(state.threshold))
    #expect(commands.isEmpty)
    #expect(isClose(moved, start + move.steps * top, relativeTolerance: 1e-5))
  }

  @Test("manual threshold moves again")
  func manualThresholdMovesAgain() throws {
    let snapshot = try Fixtures.finishedRun.get()
    var state = focusingThreshold(try Fixtures.finishedState())
    press(.up, in: &state)
    let first = try #require(manualValue(state.threshold))
    let top = try displayTop(snapshot, threshold: first)

    press(.right, in: &state)

    let second = try #require(manualValue(state.threshold))
    #expect(isClose(second, first + top / 200, relativeTolerance: 1e-5))
  }

  @Test("threshold never goes below 0")
  func thresholdStopsAtZero() throws {
    var state = focusingThreshold(try Fixtures.finishedState())

    press(Array(repeating: .pageDown, count: 40), in: &state)
    #expect(state.threshold == .manual(0))

    press(.left, in: &state)
    #expect(state.threshold == .manual(0))
  }

  @Test("arrows without a run explain why")
  func arrowsWithoutRun() {
    var state = focusingThreshold(Fixtures.idleState())

    press(.right, in: &state)

    #expect(state.threshold == .rule(.percentile(99)))
    #expect(state.notice == Notice(.info, "Train a model first: the threshold applies to its reconstruction errors."))
  }

  @Test("manual threshold survives new snapshots")
  func manualSurvivesSnapshots() throws {
    var state = focusingThreshold(try Fixtures.state(withRun: .training))
    press(.up, in: &state)
    let moved = state.threshold

    _ = update(&state, with: .snapshotArrived(try Fixtures.finishedRun.get()))

    #expect(state.threshold == moved)
  }

  // MARK: - Log scales

  @Test("l toggles log counts")
  func logCountsToggle() throws {
    var state = focusingThreshold(try Fixtures.finishedState())

    press(.character("l"), in: &state)
    #expect(state.histogramScale == .logarithmic)
    #expect(state.lossScale == .linear)

    press(.character("l"), in: &state)
    #expect(state.histogramScale == .linear)
  }

  @Test("l on the loss chart toggles its scale")
  func lossScaleToggle() throws {
    var state = try Fixtures.finishedState()
    press(.backTab, in: &state)
    #expect(state.focus == .lossChart)

    press(.character("l"), in: &state)
    #expect(state.lossScale == .logarithmic)
    #expect(state.histogramScale == .linear)

    press(.character("l"), in: &state)
    #expect(state.lossScale == .linear)
  }

  @Test("loss chart ignores threshold keys")
  func lossChartIgnoresOtherKeys() throws {
    var state = try Fixtures.finishedState()
    press(.backTab, in: &state)

    let commands = press(.character("f"), .right, .up, .character("a"), .enter, in: &state)

    #expect(commands.isEmpty)
    #expect(state.threshold == .rule(.percentile(99)))
    #expect(state.training == Fixtures.training)
    #expect(state.editor == nil)
  }

  // MARK: - ThresholdReading

  static let settings: [ThresholdSetting] = [
    .rule(.maxF1), .rule(.maxAccuracy), .rule(.youden), .rule(.percentile(99)), .rule(.percentile(50)),
    .rule(.meanPlusStandardDeviations(3)), .manual(0), .manual(0.05), .manual(1),
  ]

  @Test("reading counts match the threshold", arguments: settings)
  func readingCountsMatch(setting: ThresholdSetting) throws {
    let snapshot = try Fixtures.finishedRun.get()
    let evaluation = try #require(snapshot.evaluation)
    let reading = try #require(ThresholdReading(setting: setting, snapshot: snapshot))

    // Counted here by the rule "abnormal when the error is above the threshold".
    var truePositives = 0
    var falsePositives = 0
    for (error, isAbnormal) in zip(evaluation.testErrors, snapshot.split.testIsAbnormal) where error > reading.value {
      if isAbnormal { truePositives += 1 } else { falsePositives += 1 }
    }
    let expected = ConfusionCounts(
      errors: evaluation.testErrors, isAbnormal: snapshot.split.testIsAbnormal, threshold: reading.value)

    #expect(reading.counts == expected)
    #expect(reading.counts.truePositives == truePositives)
    #expect(reading.counts.falsePositives == falsePositives)
    #expect(reading.counts.positives == 15)
    #expect(reading.counts.negatives == 35)
    #expect(reading.fallbackReason == nil)
  }

  @Test("rule readings match ThresholdChoice", arguments: ruleKeys.map(\.rule))
  func ruleReadingsMatchChoice(rule: ThresholdRule) throws {
    let snapshot = try Fixtures.finishedRun.get()
    let evaluation = try #require(snapshot.evaluation)

    let reading = try #require(ThresholdReading(setting: .rule(rule), snapshot: snapshot))

    let choice = try ThresholdChoice(
      rule: rule, trainingErrors: evaluation.trainErrors, testErrors: evaluation.testErrors,
      testIsAbnormal: snapshot.split.testIsAbnormal)
    #expect(reading.value == choice.value)
    #expect(reading.source == rule.name)
  }

  @Test("manual reading keeps its value")
  func manualReading() throws {
    let reading = try #require(ThresholdReading(setting: .manual(0.07), snapshot: try Fixtures.finishedRun.get()))

    #expect(reading.value == 0.07)
    #expect(reading.source == "set by hand")
  }

  @Test("label rules are optimal", arguments: [ThresholdRule.maxF1, .maxAccuracy, .youden])
  func labelRulesAreOptimal(rule: ThresholdRule) throws {
    let snapshot = try Fixtures.finishedRun.get()
    let evaluation = try #require(snapshot.evaluation)
    let labels = snapshot.split.testIsAbnormal
    let reading = try #require(ThresholdReading(setting: .rule(rule), snapshot: snapshot))

    func score(_ counts: ConfusionCounts) -> Double {
      switch rule {
      case .maxF1: counts.f1 ?? 0
      case .maxAccuracy: counts.accuracy ?? 0
      default: (counts.truePositiveRate ?? 0) - (counts.falsePositiveRate ?? 0)
      }
    }
    // Every distinct error is a cut, and the cut at 0 flags every row.
    let cuts = Set(evaluation.testErrors + [0])
    let best = cuts.map { score(ConfusionCounts(errors: evaluation.testErrors, isAbnormal: labels, threshold: $0)) }
      .max()

    // Two different counts can give the same Youden's J, computed with
    // different rounding, so scores are compared to 1e-12.
    let bestScore = try #require(best)
    #expect(abs(score(reading.counts) - bestScore) <= 1e-12)
  }

  @Test("no reading before an evaluation")
  func noReadingWithoutEvaluation() throws {
    let split = try Fixtures.finishedRun.get().split
    let ready = TrainingSession(split: split, configuration: Fixtures.training).snapshot
    #expect(ready.evaluation == nil)

    #expect(ThresholdReading(setting: .rule(.maxF1), snapshot: ready) == nil)
    #expect(ThresholdReading(setting: .manual(0.1), snapshot: nil) == nil)
  }

  @Test("one-class label rules fall back", arguments: [ThresholdRule.maxF1, .maxAccuracy, .youden])
  func oneClassFallback(rule: ThresholdRule) throws {
    let snapshot = try Fixtures.oneClassRun.get()
    let evaluation = try #require(snapshot.evaluation)
    #expect(!snapshot.split.testIsAbnormal.contains(true))

    let reading = try #require(ThresholdReading(setting: .rule(rule), snapshot: snapshot))

    let percentile = try ThresholdChoice(rule: .percentile(99), trainingErrors: evaluation.trainErrors)
    let reason = ThresholdError.labelledSetNeedsBothClasses(rule: rule.shortName, normalCount: 20, abnormalCount: 0)
    #expect(reading.fallbackReason == reason.description)
    #expect(reading.value == percentile.value)
    #expect(reading.source == "99th percentile of training errors")
    #expect(
      reading.counts
        == ConfusionCounts(
          errors: evaluation.testErrors, isAbnormal: snapshot.split.testIsAbnormal, threshold: reading.value))
  }

  @Test("one-class training rules need no fallback")
  func oneClassTrainingRule() throws {
    let reading = try #require(
      ThresholdReading(setting: .rule(.meanPlusStandardDeviations(3)), snapshot: try Fixtures.oneClassRun.get()))

    #expect(reading.fallbackReason == nil)
    #expect(reading.source == "mean + 3 standard deviations of training errors")
    #expect(reading.counts.positives == 0)
  }
}
