import Dispatch
import Foundation
import Synchronization
import Testing

@testable import AnomagramCore

/// 100 normal rows (label 1), one period of a sine wave with random phase
/// and amplitude, and 40 abnormal rows (label 2), the same waves with a
/// spike of 0.5 at a random position. 16 values per row.
private let syntheticPool: Dataset = {
  var generator = SeededGenerator(seed: 17)
  var rows: [[Float]] = []
  var labels: [String] = []
  for index in 0..<140 {
    let phase = 2 * Float.pi * generator.nextUnitFloat()
    let amplitude = 0.5 + 0.5 * generator.nextUnitFloat()
    var row = (0..<16).map { amplitude * Foundation.sin(2 * Float.pi * Float($0) / 16 + phase) }
    let isAbnormal = index >= 100
    if isAbnormal {
      row[generator.nextIndex(below: 16)] += 0.5
    }
    rows.append(row)
    labels.append(isAbnormal ? "2" : "1")
  }
  return Dataset(values: Matrix(rowArrays: rows), labels: labels, source: "synthetic waves")
}()

/// 40 normal training rows and 40 stratified test rows (29 normal, 11 abnormal).
private func makeSplit() throws -> DataSplit {
  try DataSplit.make(pool: syntheticPool, configuration: SplitConfiguration(trainSize: 40, testSize: 40, seed: 2))
}

/// Returns the configuration of a 16-8-2-8-16 network in batches of 8, so
/// 5 batches an epoch.
private func configuration(
  epochs: Int, optimizer: OptimizerSettings = OptimizerSettings(kind: .adam, learningRate: 0.01),
  output: Activation = .sigmoid
) -> TrainingConfiguration {
  TrainingConfiguration(
    encoderUnits: [8], latentSize: 2, hiddenActivation: .tanh, outputActivation: output, optimizer: optimizer,
    epochs: epochs, batchSize: 8, seed: 3)
}

/// More epochs than any test waits for, so such runs end with `stop()`.
private let endlessEpochs = 1_000_000

/// Polls `condition` every millisecond until it is true or `timeout`
/// seconds pass, and returns whether it became true.
private func waitFor(timeout: Double = 10, _ condition: () -> Bool) -> Bool {
  let deadline = DispatchTime.now() + timeout
  while DispatchTime.now() < deadline {
    if condition() { return true }
    usleep(1000)
  }
  return condition()
}

/// The snapshots a session published, in order, from its queue.
private final class SnapshotLog: Sendable {
  private let snapshots = Mutex<[TrainingSnapshot]>([])

  func append(_ snapshot: TrainingSnapshot) {
    snapshots.withLock { $0.append(snapshot) }
  }

  var count: Int { snapshots.withLock { $0.count } }
  var statuses: [TrainingStatus] { snapshots.withLock { $0.map(\.status) } }
}

@Suite("TrainingSession", .timeLimit(.minutes(1)))
struct TrainingSessionTests {
  @Test("new session is ready")
  func newSessionIsReady() throws {
    let session = TrainingSession(split: try makeSplit(), configuration: configuration(epochs: 3))

    let snapshot = session.snapshot

    #expect(snapshot.status == .ready)
    #expect(snapshot.epoch == 0)
    #expect(snapshot.batch == 0)
    #expect(snapshot.batchesPerEpoch == 5)
    #expect(snapshot.history.isEmpty)
    #expect(snapshot.evaluation == nil)
    #expect(snapshot.model == nil)
    #expect(isApproximatelyEqual(snapshot.learningRate, 0.01))
    #expect(snapshot.architecture.summary == "16-8-2-8-16")
    // Nothing runs until start(), so the run cannot end.
    #expect(!session.waitUntilEnded(timeout: 0.05))
  }

  @Test("run finishes all epochs")
  func runFinishesAllEpochs() throws {
    let split = try makeSplit()
    let log = SnapshotLog()
    let session = TrainingSession(
      split: split, configuration: configuration(epochs: 5), progressInterval: 0.01, onSnapshot: log.append)
    defer { session.stop() }

    session.start()

    try #require(session.waitUntilEnded(timeout: 30), "The run did not end within 30 s")
    let snapshot = session.snapshot
    #expect(snapshot.status == .finished)
    #expect(snapshot.epoch == 5)
    #expect(snapshot.history.map(\.epoch) == [1, 2, 3, 4, 5])
    #expect(isApproximatelyEqual(snapshot.progress, 1))
    #expect(snapshot.failureReason == nil)
    #expect(snapshot.model != nil)
    let evaluation = try #require(snapshot.evaluation)
    #expect(evaluation.epoch == 5)
    #expect(evaluation.testErrors.count == split.test.rows)
    #expect(evaluation.trainErrors.count == split.train.rows)
    let auc = try #require(evaluation.auc, "The test rows hold both classes, so there must be an AUC")
    #expect(auc >= 0)
    #expect(auc <= 1)
    let baselineAUC = try #require(snapshot.baselineAUC)
    #expect(baselineAUC >= 0)
    #expect(baselineAUC <= 1)
    // The callback saw the run start and end, and nothing after the end.
    #expect(log.statuses.first == .training)
    #expect(log.statuses.last == .finished)
    #expect(log.statuses.filter { $0 == .finished }.count == 1)
    #expect(snapshot.evaluationSeconds > 0)
  }

  @Test("time left counts training and evaluation")
  func secondsRemaining() throws {
    let split = try makeSplit()
    var snapshot = TrainingSession(split: split, configuration: configuration(epochs: 4)).snapshot
    #expect(snapshot.secondsRemaining == nil)

    // One epoch of four done in 1 s of training and 3 s of evaluation:
    // three more epochs at 4 s each.
    snapshot.epoch = 1
    snapshot.batch = 0
    snapshot.trainingSeconds = 1
    snapshot.evaluationSeconds = 3

    #expect(isApproximatelyEqual(snapshot.progress, 0.25))
    let remaining = try #require(snapshot.secondsRemaining)
    #expect(isApproximatelyEqual(remaining, 12))
  }

  @Test("waiting again after the end returns at once")
  func waitingAgainAfterEndReturnsAtOnce() throws {
    let session = TrainingSession(split: try makeSplit(), configuration: configuration(epochs: 1))
    defer { session.stop() }

    session.start()

    #expect(session.waitUntilEnded(timeout: 30))
    #expect(session.waitUntilEnded(timeout: 0.01))
    #expect(session.waitUntilEnded(timeout: 0.01))
  }

  @Test("pause stops progress and start resumes")
  func pauseStopsProgressAndStartResumes() throws {
    let log = SnapshotLog()
    let session = TrainingSession(
      split: try makeSplit(), configuration: configuration(epochs: endlessEpochs), progressInterval: 0.01,
      onSnapshot: log.append)
    defer { session.stop() }
    session.start()
    try #require(waitFor { session.snapshot.epoch >= 1 }, "No epoch finished within 10 s")

    session.pause()

    try #require(waitFor { session.snapshot.status == .paused }, "The session did not pause within 10 s")
    let paused = session.snapshot
    let publishedWhenPaused = log.count
    usleep(200_000)
    let later = session.snapshot
    #expect(later.status == .paused)
    #expect(later.epoch == paused.epoch)
    #expect(later.batch == paused.batch)
    #expect(later.history.count == paused.history.count)
    #expect(log.count == publishedWhenPaused, "Snapshots were published while paused")

    session.start()

    #expect(
      waitFor { session.snapshot.epoch > paused.epoch }, "No epoch finished within 10 s of resuming")
    #expect(session.snapshot.status == .training)
  }

  @Test("stepEpoch runs one epoch then pauses")
  func stepEpochRunsOneEpochThenPauses() throws {
    let session = TrainingSession(
      split: try makeSplit(), configuration: configuration(epochs: endlessEpochs), progressInterval: 0.01)
    defer { session.stop() }

    session.stepEpoch()

    try #require(waitFor { session.snapshot.status == .paused }, "The session did not pause within 10 s")
    usleep(100_000)
    var snapshot = session.snapshot
    #expect(snapshot.status == .paused)
    #expect(snapshot.epoch == 1)
    #expect(snapshot.batch == 0)
    #expect(snapshot.history.count == 1)
    #expect(snapshot.evaluation?.epoch == 1)

    session.stepEpoch()

    try #require(
      waitFor { session.snapshot.epoch >= 2 && session.snapshot.status == .paused },
      "The second epoch did not end in a pause within 10 s")
    usleep(100_000)
    snapshot = session.snapshot
    #expect(snapshot.epoch == 2)
    #expect(snapshot.history.count == 2)
    #expect(snapshot.status == .paused)
  }

  @Test("stop ends the run early")
  func stopEndsRunEarly() throws {
    let session = TrainingSession(
      split: try makeSplit(), configuration: configuration(epochs: endlessEpochs), progressInterval: 0.01)
    defer { session.stop() }
    session.start()
    try #require(waitFor { session.snapshot.epoch >= 2 }, "Two epochs did not finish within 10 s")

    session.stop()

    try #require(session.waitUntilEnded(timeout: 10), "The run did not end within 10 s of stop()")
    let snapshot = session.snapshot
    #expect(snapshot.status == .stopped)
    #expect(snapshot.epoch >= 2)
    #expect(snapshot.epoch < endlessEpochs)
    #expect(snapshot.history.count == snapshot.epoch)
    #expect(snapshot.failureReason == nil)
  }

  @Test("stop while paused ends the run")
  func stopWhilePausedEndsRun() throws {
    let session = TrainingSession(split: try makeSplit(), configuration: configuration(epochs: endlessEpochs))
    defer { session.stop() }
    session.stepEpoch()
    try #require(waitFor { session.snapshot.status == .paused }, "The session did not pause within 10 s")

    session.stop()

    try #require(session.waitUntilEnded(timeout: 10), "The paused run did not end within 10 s of stop()")
    #expect(session.snapshot.status == .stopped)
    #expect(session.snapshot.epoch == 1)
  }

  @Test("stop before start ends the session")
  func stopBeforeStartEndsSession() throws {
    // A caller that shuts down may stop a session that never started and
    // then wait for it, which must not block forever.
    let session = TrainingSession(split: try makeSplit(), configuration: configuration(epochs: 3))

    session.stop()

    #expect(session.waitUntilEnded(timeout: 1), "waitUntilEnded still blocks 1 s after stop() on a ready session")
    #expect(session.snapshot.status == .stopped)
  }

  @Test("diverging run ends as diverged")
  func divergingRunEndsAsDiverged() throws {
    // SGD at 1e6 with a linear output overflows Float within a few batches.
    let diverging = configuration(
      epochs: 50, optimizer: OptimizerSettings(kind: .sgd, learningRate: 1e6), output: .linear)
    let session = TrainingSession(split: try makeSplit(), configuration: diverging)
    defer { session.stop() }

    session.start()

    try #require(session.waitUntilEnded(timeout: 30), "The run did not end within 30 s")
    let snapshot = session.snapshot
    #expect(snapshot.status == .diverged)
    #expect(snapshot.epoch < 50)
    let reason = try #require(snapshot.failureReason)
    #expect(reason.contains("loss became"), "Failure reason: \(reason)")
  }

  @Test("learning rate change shows in snapshot")
  func learningRateChangeShowsInSnapshot() throws {
    let session = TrainingSession(
      split: try makeSplit(), configuration: configuration(epochs: endlessEpochs), progressInterval: 0.01)
    defer { session.stop() }
    session.start()
    try #require(waitFor { session.snapshot.epoch >= 1 }, "No epoch finished within 10 s")

    session.setLearningRate(0.0025)

    #expect(
      waitFor { isApproximatelyEqual(session.snapshot.learningRate, 0.0025) },
      "Snapshot learning rate is still \(session.snapshot.learningRate) after 10 s")
    #expect(session.snapshot.status == .training)
  }

  @Test("learning rate change while paused shows in snapshot")
  func learningRateChangeWhilePausedShowsInSnapshot() throws {
    // A paused run is where a user is most likely to change the rate, and
    // the snapshot is the only view of the session that callers have.
    let session = TrainingSession(
      split: try makeSplit(), configuration: configuration(epochs: endlessEpochs), progressInterval: 0.01)
    defer { session.stop() }
    session.stepEpoch()
    try #require(waitFor { session.snapshot.status == .paused }, "The session did not pause within 10 s")

    session.setLearningRate(0.004)

    #expect(
      waitFor(timeout: 1) { isApproximatelyEqual(session.snapshot.learningRate, 0.004) },
      "Snapshot learning rate is still \(session.snapshot.learningRate) 1 s after setLearningRate while paused")
    #expect(session.snapshot.status == .paused)
  }

  @Test("learning rate set while paused applies on resume")
  func learningRateSetWhilePausedAppliesOnResume() throws {
    let session = TrainingSession(
      split: try makeSplit(), configuration: configuration(epochs: endlessEpochs), progressInterval: 0.01)
    defer { session.stop() }
    session.stepEpoch()
    try #require(waitFor { session.snapshot.status == .paused }, "The session did not pause within 10 s")
    session.setLearningRate(0.004)

    session.start()

    #expect(
      waitFor { isApproximatelyEqual(session.snapshot.learningRate, 0.004) },
      "Snapshot learning rate is still \(session.snapshot.learningRate) 10 s after resuming")
  }
}
