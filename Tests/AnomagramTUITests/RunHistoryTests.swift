import AnomagramCore
import Foundation
import Testing

@testable import AnomagramTUI

/// Which messages and keys add rows to the run history, sent through
/// `update` as the run loop would send them.
@Suite("RunHistory: rows from update", .timeLimit(.minutes(1)))
struct RunHistoryTests {
  static let start = Date(timeIntervalSince1970: 1_750_000_000)

  /// Sends `.runStarted` and then `snapshots`, as the run loop does after `.startRun`.
  private func run(_ snapshots: [TrainingSnapshot], in state: inout AppState, startedAt: Date = start) {
    _ = update(&state, with: .runStarted(warnings: [], startedAt: startedAt))
    for snapshot in snapshots {
      _ = update(&state, with: .snapshotArrived(snapshot))
    }
  }

  @Test("finished snapshot adds one row")
  func finishedRunAddsRow() throws {
    var state = Fixtures.idleState()
    let finished = try Fixtures.finishedRun.get()

    run([finished], in: &state)

    #expect(state.runs.records.count == 1)
    let record = try #require(state.runs.records.first)
    #expect(record.number == 1)
    #expect(record.startedAt == Self.start)
    #expect(record.data == Fixtures.dataDescription)
    #expect(record.architecture == "24-12-6-3-6-12-24")
    #expect(record.hiddenActivation == .relu)
    #expect(record.optimizer == .adam)
    #expect(record.learningRate == 0.01)
    #expect(record.batchSize == 16)
    #expect(record.seed == 3)
    #expect(record.epochsRun == 5)
    #expect(record.epochsPlanned == 5)
    #expect(record.trainingLoss == finished.history.last?.trainLoss)
    #expect(record.validationLoss == finished.history.last?.validationLoss)
    #expect(record.auc == finished.evaluation?.auc)
    #expect(record.baselineAUC == finished.baselineAUC)
    #expect(record.threshold?.rule == .percentile(99))
    #expect(record.threshold?.value == ThresholdReading(setting: state.threshold, snapshot: finished)?.value)
    #expect(record.trainingSeconds == Fixtures.trainingSeconds)
    #expect(record.status == .finished)
  }

  @Test("repeated final snapshot adds no row")
  func repeatedSnapshotAddsNoRow() throws {
    var state = Fixtures.idleState()
    let finished = try Fixtures.finishedRun.get()

    run([finished, finished, finished], in: &state)

    #expect(state.runs.records.count == 1)
  }

  @Test("run that pauses and resumes adds one row")
  func continuingRunAddsOneRow() throws {
    var state = Fixtures.idleState()
    let training = try Fixtures.snapshot(status: .training)
    let paused = try Fixtures.snapshot(status: .paused)

    run([training, paused], in: &state)
    #expect(state.runs.records.isEmpty)
    #expect(press(.character(" "), in: &state) == [.resumeRun])
    for snapshot in [training, try Fixtures.finishedRun.get(), try Fixtures.finishedRun.get()] {
      _ = update(&state, with: .snapshotArrived(snapshot))
    }

    #expect(state.runs.records.count == 1)
    #expect(state.runs.records.first?.status == .finished)
  }

  @Test("next run gets its own row")
  func nextRunAddsRow() throws {
    var state = Fixtures.idleState()
    let finished = try Fixtures.finishedRun.get()
    run([finished], in: &state)

    // The second run's first snapshot is already final, as with a short
    // run whose intermediate snapshots the run loop never took.
    #expect(press(.character(" "), in: &state).count == 1)
    run([finished], in: &state, startedAt: Self.start.addingTimeInterval(60))

    #expect(state.runs.records.map(\.number) == [1, 2])
    #expect(state.runs.records.map(\.startedAt) == [Self.start, Self.start.addingTimeInterval(60)])
    #expect(state.runs.newestFirst.map(\.number) == [2, 1])
  }

  @Test("reset of a trained run adds a stopped row", arguments: [TrainingStatus.paused, .training, .ready])
  func resetRecordsStoppedRun(status: TrainingStatus) throws {
    var state = Fixtures.idleState()
    run([try Fixtures.snapshot(status: status)], in: &state)
    #expect(state.runs.records.isEmpty)

    #expect(press(.character("r"), in: &state) == [.discardRun])

    #expect(state.runs.records.count == 1)
    #expect(state.runs.records.first?.status == .stopped)
    #expect(state.runs.records.first?.epochsRun == 5)
  }

  @Test("reset after the end adds no row")
  func resetAfterFinishAddsNoRow() throws {
    var state = Fixtures.idleState()
    run([try Fixtures.finishedRun.get()], in: &state)

    press(.character("r"), in: &state)

    #expect(state.runs.records.count == 1)
  }

  @Test("restart with changed settings stops the old run")
  func staleRestartRecordsStoppedRun() throws {
    var state = Fixtures.idleState()
    run([try Fixtures.snapshot(status: .paused)], in: &state)
    press(.right, in: &state)  // dense 1: 12 → 16 units

    let commands = press(.character(" "), in: &state)

    #expect(commands.count == 1)
    #expect(state.runs.records.map(\.status) == [.stopped])
    #expect(state.runs.records.first?.architecture == "24-12-6-3-6-12-24")
  }

  @Test("run without a mini-batch gets no row")
  func untrainedRunAddsNoRow() throws {
    var state = Fixtures.idleState()
    var ready = try Fixtures.snapshot(status: .ready)
    ready.epoch = 0
    ready.batch = 0
    run([ready], in: &state)

    press(.character("r"), in: &state)

    #expect(state.runs.records.isEmpty)
  }

  @Test("diverged run gets a diverged row")
  func divergedRunAddsRow() throws {
    var state = Fixtures.idleState()

    let snapshot = try Fixtures.snapshot(status: .diverged)
    run([snapshot], in: &state)

    #expect(snapshot.evaluation?.auc != nil)
    #expect(state.runs.records.map(\.status) == [.diverged])
    #expect(state.runs.records.first?.auc == nil)
    #expect(state.runs.records.first?.threshold == nil)
    #expect(state.runs.bestAUC == nil)
  }

  @Test("hand-moved threshold records as fixed")
  func manualThresholdRecordsFixed() throws {
    var state = Fixtures.idleState()
    state.threshold = .manual(0.05)

    run([try Fixtures.finishedRun.get()], in: &state)

    #expect(state.runs.records.first?.threshold == ThresholdChoice(value: 0.05, rule: .fixed(0.05)))
  }

  @Test("rule that falls back records the fallback")
  func fallbackRuleRecordsPercentile() throws {
    var state = Fixtures.idleState()
    state.threshold = .rule(.maxF1)

    // One-class test rows: maximum F1 cannot be applied.
    run([try Fixtures.oneClassRun.get()], in: &state)

    #expect(state.runs.records.first?.threshold?.rule == .percentile(99))
    #expect(state.runs.records.first?.auc == nil)
  }

  @Test("best AUC is the highest")
  func bestAUC() throws {
    var state = Fixtures.idleState()
    let finished = try Fixtures.finishedRun.get()
    run([finished], in: &state)
    run([try Fixtures.oneClassRun.get()], in: &state)

    #expect(state.runs.records.count == 2)
    #expect(state.runs.bestAUC == finished.evaluation?.auc)
  }
}
