import Dispatch
import Synchronization

/// Runs one training run on its own serial queue and publishes immutable
/// snapshots of it.
///
/// The session owns the model while it trains; callers see it only through
/// `snapshot`. Pause, resume, single epoch, stop and learning-rate changes
/// are requests that the training loop reads between mini-batches, so each
/// takes effect within one batch. Every method may be called from any
/// thread.
public final class TrainingSession: Sendable {
  /// Requests from callers, read by the training loop between batches.
  private struct Control {
    var started = false
    var paused = false
    var pauseAfterEpoch = false
    var stopRequested = false
    var learningRate: Float? = nil
    var snapshot: TrainingSnapshot
  }

  public let split: DataSplit
  public let configuration: TrainingConfiguration
  private let control: Mutex<Control>
  /// Signalled on every request, so a paused loop wakes up to read it.
  private let wakeup = DispatchSemaphore(value: 0)
  /// Signalled once when the loop has ended.
  private let ended = DispatchSemaphore(value: 0)
  private let queue = DispatchQueue(label: "anomagram.training", qos: .userInitiated)
  private let onSnapshot: (@Sendable (TrainingSnapshot) -> Void)?
  /// Seconds between progress snapshots inside an epoch.
  private let progressInterval: Double

  /// Creates a session in the `.ready` state; nothing runs until `start()`.
  ///
  /// - Parameters:
  ///   - onSnapshot: called on the session's queue after each snapshot is
  ///     published; it must return quickly.
  ///   - progressInterval: seconds between snapshots inside an epoch.
  public init(
    split: DataSplit, configuration: TrainingConfiguration, progressInterval: Double = 0.1,
    onSnapshot: (@Sendable (TrainingSnapshot) -> Void)? = nil
  ) {
    precondition(configuration.validationFailure() == nil, configuration.validationFailure() ?? "")
    self.split = split
    self.configuration = configuration
    self.onSnapshot = onSnapshot
    self.progressInterval = progressInterval
    let batchesPerEpoch = Trainer.batches(covering: split.train.rows, batchSize: configuration.batchSize)
    let initial = TrainingSnapshot(
      sequence: 0, status: .ready, configuration: configuration, split: split,
      architecture: configuration.architecture(inputSize: split.featureCount),
      epoch: 0, batch: 0, batchesPerEpoch: batchesPerEpoch, history: [], evaluation: nil,
      evaluationHistory: EvaluationHistory(
        capacity: EvaluationHistory.capacity(trainRows: split.train.rows, testRows: split.test.rows)),
      model: nil,
      baselineAUC: nil, learningRate: configuration.optimizer.learningRate, samplesPerSecond: 0,
      trainingSeconds: 0, failureReason: nil)
    control = Mutex(Control(snapshot: initial))
  }

  /// The newest snapshot.
  public var snapshot: TrainingSnapshot {
    control.withLock { $0.snapshot }
  }

  /// Starts the run, or resumes it when paused.
  public func start() {
    start(pausingAfterEpoch: false)
  }

  /// Pauses before the next mini-batch.
  public func pause() {
    control.withLock { $0.paused = true }
    wakeup.signal()
  }

  /// Runs until the end of the current epoch, then pauses; starts the run
  /// if it has not started.
  public func stepEpoch() {
    start(pausingAfterEpoch: true)
  }

  /// Ends the run before the next mini-batch; it cannot be resumed. A
  /// session stopped before it started ends at once.
  public func stop() {
    let endsNow = control.withLock { control -> Bool in
      control.stopRequested = true
      guard !control.started else { return false }
      control.started = true
      control.snapshot.status = .stopped
      control.snapshot.sequence += 1
      return true
    }
    if endsNow {
      ended.signal()
    }
    wakeup.signal()
  }

  /// Uses `rate` from the next mini-batch on, keeping the optimizer's state.
  public func setLearningRate(_ rate: Float) {
    precondition(rate > 0 && rate.isFinite, "Learning rate must be positive, got \(rate)")
    control.withLock { $0.learningRate = rate }
    wakeup.signal()
  }

  /// Starts or resumes the run, with one lock so that a single-epoch
  /// request cannot miss the end of the epoch it is meant for.
  private func start(pausingAfterEpoch: Bool) {
    let mustLaunch = control.withLock { control -> Bool in
      guard !control.stopRequested else { return false }
      control.paused = false
      control.pauseAfterEpoch = pausingAfterEpoch
      defer { control.started = true }
      return !control.started
    }
    if mustLaunch {
      queue.async { [self] in run() }
    }
    wakeup.signal()
  }

  /// Blocks until the run has ended (finished, stopped or diverged), or
  /// until `timeout` seconds have passed; returns whether it ended.
  @discardableResult
  public func waitUntilEnded(timeout: Double? = nil) -> Bool {
    let deadline: DispatchTime = timeout.map { .now() + $0 } ?? .distantFuture
    guard ended.wait(timeout: deadline) == .success else { return false }
    ended.signal()  // Let later waiters through too.
    return true
  }

  // MARK: - The training loop, on `queue`

  private func run() {
    let validationRows = split.test.selectingRows(split.testIsAbnormal.indices.filter { !split.testIsAbnormal[$0] })
    let trainer = Trainer(configuration: configuration, trainingRows: split.train, validationRows: validationRows)
    let baseline = PCABaseline.fit(
      training: split.train, componentCount: Self.baselineComponents(latentSize: configuration.latentSize, features: split.featureCount))
    let baselineAUC = ROCCurve(errors: baseline.reconstructionErrors(split.test), isAbnormal: split.testIsAbnormal).auc

    var snapshot = control.withLock { $0.snapshot }
    snapshot.status = .training
    snapshot.baselineAUC = baselineAUC
    snapshot.model = trainer.model
    snapshot.evaluation = EpochEvaluation(epoch: 0, model: trainer.model, split: split)
    if let initial = snapshot.evaluation {
      snapshot.evaluationHistory.append(initial)
    }
    publish(&snapshot)
    var lastPublished = DispatchTime.now().uptimeNanoseconds

    while true {
      // Read the requests.
      let request = control.withLock { control -> Control in
        let copy = control
        control.learningRate = nil
        return copy
      }
      if request.stopRequested {
        snapshot.status = .stopped
        break
      }
      var changed = false
      if let rate = request.learningRate, rate != snapshot.learningRate {
        trainer.learningRate = rate
        snapshot.learningRate = rate
        changed = true
      }
      if request.paused {
        if snapshot.status != .paused || changed {
          snapshot.status = .paused
          publish(&snapshot)
        }
        wakeup.wait()
        continue
      }
      snapshot.status = .training

      // Train one mini-batch.
      let outcome = trainer.trainBatch()
      updateCounters(&snapshot, from: trainer)
      guard outcome.loss.isFinite else {
        snapshot.status = .diverged
        snapshot.failureReason =
          "The training loss became \(Self.describe(outcome.loss)) in epoch \(trainer.completedEpochs + 1)."
        break
      }
      guard let summary = outcome.finishedEpoch else {
        let now = DispatchTime.now().uptimeNanoseconds
        if Double(now - lastPublished) / 1e9 >= progressInterval {
          publish(&snapshot)
          lastPublished = now
        }
        continue
      }

      // Evaluate the finished epoch.
      let model = trainer.model
      snapshot.history.append(summary)
      if let validationLoss = summary.validationLoss, !validationLoss.isFinite {
        snapshot.status = .diverged
        snapshot.failureReason =
          "The validation loss became \(Self.describe(validationLoss)) after epoch \(summary.epoch)."
        break
      }
      let evaluationStart = DispatchTime.now().uptimeNanoseconds
      let newEvaluation = EpochEvaluation(epoch: summary.epoch, model: model, split: split)
      snapshot.evaluationSeconds += Double(DispatchTime.now().uptimeNanoseconds - evaluationStart) / 1e9
      guard let evaluation = newEvaluation else {
        snapshot.status = .diverged
        snapshot.failureReason = "The reconstruction errors became NaN after epoch \(summary.epoch)."
        break
      }
      snapshot.model = model
      snapshot.evaluation = evaluation
      snapshot.evaluationHistory.append(evaluation)
      if summary.epoch >= configuration.epochs {
        snapshot.status = .finished
        break
      }
      let pauseNow = control.withLock { control -> Bool in
        guard control.pauseAfterEpoch else { return false }
        control.pauseAfterEpoch = false
        control.paused = true
        return true
      }
      if pauseNow { snapshot.status = .paused }
      publish(&snapshot)
      lastPublished = DispatchTime.now().uptimeNanoseconds
    }
    publish(&snapshot)
    ended.signal()
  }

  /// The number of PCA components the baseline uses: as many as the
  /// bottleneck has units, but fewer than the features, since as many
  /// components as features reconstruct every row exactly and the
  /// baseline's AUC would be rounding noise.
  public static func baselineComponents(latentSize: Int, features: Int) -> Int {
    max(1, min(latentSize, features - 1))
  }

  /// A non-finite loss as people write it: NaN, infinity or −infinity
  /// (Swift prints NaN with its sign bit as "-nan").
  static func describe(_ loss: Double) -> String {
    if loss.isNaN { return "NaN" }
    if loss.isInfinite { return loss > 0 ? "infinity" : "-infinity" }
    return "\(loss)"
  }

  private func updateCounters(_ snapshot: inout TrainingSnapshot, from trainer: Trainer) {
    snapshot.epoch = trainer.completedEpochs
    snapshot.batch = trainer.batchesInCurrentEpoch
    snapshot.trainingSeconds = trainer.trainingSeconds
    snapshot.samplesPerSecond = trainer.trainingSeconds > 0 ? Double(trainer.trainedSamples) / trainer.trainingSeconds : 0
  }

  private func publish(_ snapshot: inout TrainingSnapshot) {
    snapshot.sequence += 1
    let published = snapshot
    control.withLock { $0.snapshot = published }
    onSnapshot?(published)
  }
}
