import AnomagramCore
import Testing

@testable import AnomagramTUI

/// Replaying a run's stored epochs on the Train screen with `[`, `]` and
/// Escape. The finished fixture run stores the evaluations of epochs 0 to 5.
@Suite("update: replay", .timeLimit(.minutes(1)))
struct UpdateReplayTests {
  /// Returns the finished fixture with the threshold pane focused.
  private func thresholdFocused() throws -> AppState {
    var state = try Fixtures.finishedState()
    press(.tab, .tab, in: &state)
    #expect(state.focus == .threshold)
    return state
  }

  @Test("fixture stores every epoch")
  func storedEpochs() throws {
    let snapshot = try Fixtures.finishedRun.get()

    #expect(snapshot.evaluationHistory.evaluations.map(\.epoch) == [0, 1, 2, 3, 4, 5])
  }

  @Test("[ steps back to epoch 0")
  func stepBack() throws {
    var state = try thresholdFocused()
    var epochs: [Int?] = []
    for _ in 0..<6 {
      press(.character("["), in: &state)
      epochs.append(state.replayEpoch)
    }

    #expect(epochs == [4, 3, 2, 1, 0, 0])
    #expect(state.notice == Notice(.info, "Epoch 0 is the first stored evaluation."))
  }

  @Test("] steps forward, then to live")
  func stepForward() throws {
    var state = try thresholdFocused()
    press(.character("["), .character("["), .character("["), in: &state)
    #expect(state.replayEpoch == 2)

    press(.character("]"), in: &state)
    #expect(state.replayEpoch == 3)
    press(.character("]"), in: &state)
    #expect(state.replayEpoch == 4)
    press(.character("]"), in: &state)
    #expect(state.replayEpoch == nil)
    #expect(state.notice == Notice(.info, "Back to live: the charts show the newest epoch."))
  }

  @Test("] when live stays live")
  func forwardWhenLive() throws {
    var state = try thresholdFocused()

    press(.character("]"), in: &state)

    #expect(state.replayEpoch == nil)
    #expect(state.notice == Notice(.info, "The charts already show the newest epoch; [ replays earlier ones."))
  }

  @Test("Esc returns to live")
  func escapeToLive() throws {
    var state = try thresholdFocused()
    press(.character("["), .character("["), in: &state)

    press(.escape, in: &state)

    #expect(state.replayEpoch == nil)
    #expect(state.shownEvaluation?.epoch == 5)
  }

  @Test("shown evaluation is the replayed epoch")
  func shownEvaluation() throws {
    var state = try thresholdFocused()
    let snapshot = try Fixtures.finishedRun.get()
    press(.character("["), .character("["), .character("["), in: &state)

    let shown = try #require(state.shownEvaluation)
    let reading = try #require(state.shownThresholdReading)

    #expect(shown == snapshot.evaluationHistory.evaluations[2])
    #expect(state.isReplaying)
    #expect(
      reading.counts
        == ConfusionCounts(errors: shown.testErrors, isAbnormal: snapshot.split.testIsAbnormal, threshold: reading.value))
    let percentile = try ThresholdChoice(rule: .percentile(99), trainingErrors: shown.trainErrors)
    #expect(reading.value == percentile.value, "the rule applies to the replayed epoch's training errors")
  }

  @Test("loss chart pane replays too")
  func lossChartReplays() throws {
    var state = try Fixtures.finishedState()
    press(.tab, .tab, .tab, .character("["), in: &state)

    #expect(state.focus == .lossChart)
    #expect(state.replayEpoch == 4)
  }

  @Test("other panes ignore replay keys")
  func otherPanes() throws {
    var state = try Fixtures.finishedState()

    press(.character("["), .tab, .character("["), in: &state)

    #expect(state.replayEpoch == nil)
  }

  @Test("replay needs a run")
  func replayWithoutRun() {
    var state = Fixtures.idleState()
    press(.tab, .tab, .character("["), in: &state)

    #expect(state.replayEpoch == nil)
    #expect(state.notice == Notice(.info, "Nothing to replay yet: train first, then [ steps back through the epochs."))
  }

  @Test("new run or reset ends replay", arguments: [Key.character(" "), .character("r")])
  func newRunEndsReplay(key: Key) throws {
    var state = try thresholdFocused()
    press(.character("["), in: &state)
    #expect(state.replayEpoch == 4)

    press(key, in: &state)

    #expect(state.replayEpoch == nil)
  }

  @Test("threshold moves from the replayed reading")
  func thresholdDuringReplay() throws {
    var state = try thresholdFocused()
    press(.character("["), .character("["), .character("["), .character("["), .character("["), in: &state)
    let before = try #require(state.shownThresholdReading).value
    let evaluation = try #require(state.shownEvaluation)
    let range = ThresholdReading.displayRange(errors: evaluation.testErrors, threshold: before)

    press(.up, in: &state)

    #expect(state.threshold == .manual(before + (range.upperBound - range.lowerBound) / 20))
  }
}
