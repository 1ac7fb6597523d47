/// The state of a training run.
public enum TrainingStatus: String, Sendable, Equatable, Codable {
  /// Created, not started.
  case ready
  case training
  case paused
  /// All epochs ran.
  case finished
  /// Stopped on request before the last epoch.
  case stopped
  /// The loss became NaN or infinite; the run cannot continue.
  case diverged
}

/// The model's errors, ROC curve and collapse check on the test rows after one epoch.
public struct EpochEvaluation: Sendable, Equatable {
  /// 0 for the untrained model, then 1, 2, …
  public let epoch: Int
  /// Reconstruction error of each test row, in the order of the split's test rows.
  public let testErrors: [Float]
  /// Reconstruction error of each training row, for thresholds that need
  /// no labels.
  public let trainErrors: [Float]
  public let roc: ROCCurve
  public let collapse: CollapseCheck

  /// Area under the ROC curve, or `nil` when the test rows hold one class.
  public var auc: Double? { roc.auc }

  /// Evaluates `model` on the split's test and training rows; returns `nil`
  /// when any reconstruction error is NaN, which means the parameters are
  /// no longer usable.
  public init?(epoch: Int, model: Autoencoder, split: DataSplit) {
    self.epoch = epoch
    let reconstruction = model.reconstruct(split.test)
    testErrors = ReconstructionError.perSample(input: split.test, reconstruction: reconstruction)
    trainErrors = model.reconstructionErrors(split.train)
    guard !testErrors.contains(where: \.isNaN), !trainErrors.contains(where: \.isNaN) else { return nil }
    roc = ROCCurve(errors: testErrors, isAbnormal: split.testIsAbnormal)
    collapse = CollapseCheck(input: split.test, reconstruction: reconstruction)
  }
}

/// An immutable picture of a training run, published by `TrainingSession`
/// after every epoch and, between epochs, several times a second.
public struct TrainingSnapshot: Sendable {
  /// Counts the snapshots a session has published, so a reader can tell a
  /// new one from the one it already has.
  public var sequence: Int
  public var status: TrainingStatus
  public let configuration: TrainingConfiguration
  /// The rows the run trains and evaluates on; shares storage with the
  /// session's copy, so carrying it costs nothing.
  public let split: DataSplit
  public let architecture: Architecture
  /// Epochs finished.
  public var epoch: Int
  /// Mini-batches finished in the current epoch, and how many it has.
  public var batch: Int
  public let batchesPerEpoch: Int
  /// One entry per finished epoch.
  public var history: [EpochSummary]
  /// The newest evaluation (epoch 0 before training); `nil` only before the
  /// run has started.
  public var evaluation: EpochEvaluation?
  /// Earlier evaluations of this run, for replaying it epoch by epoch.
  public var evaluationHistory: EvaluationHistory
  /// The model's parameters as of `evaluation`.
  public var model: Autoencoder?
  /// AUC of the PCA reconstruction baseline with as many components as the
  /// bottleneck has units, on the same split; `nil` for one-class test sets.
  public var baselineAUC: Double?
  /// The learning rate in use.
  public var learningRate: Float
  /// Rows trained per second of training time, over the whole run.
  public var samplesPerSecond: Double
  /// Seconds of training time so far, without evaluation.
  public var trainingSeconds: Double
  /// Seconds spent evaluating finished epochs so far (reconstruction errors,
  /// ROC curve and collapse check of the test and training rows).
  public var evaluationSeconds: Double = 0
  /// The reason the run diverged, when `status` is `.diverged`.
  public var failureReason: String?

  public var totalEpochs: Int { configuration.epochs }

  /// Share of the run done, from 0 to 1.
  public var progress: Double {
    let total = Double(totalEpochs * max(batchesPerEpoch, 1))
    return min(1, Double(epoch * batchesPerEpoch + batch) / total)
  }

  /// An estimate of the seconds left in the run, from the time spent on
  /// training and evaluation so far. On a large test set evaluation can
  /// take longer than training.
  public var secondsRemaining: Double? {
    let spent = trainingSeconds + evaluationSeconds
    guard progress > 0, spent > 0 else { return nil }
    return spent * (1 - progress) / progress
  }
}

extension TrainingSnapshot {
  /// A snapshot of a model that was not trained in this session (a saved
  /// or imported one), evaluated on `split` and shown as finished with no
  /// loss history; `nil` when its reconstruction errors are NaN.
  public static func evaluating(
    _ model: Autoencoder, on split: DataSplit, configuration: TrainingConfiguration
  ) -> TrainingSnapshot? {
    guard let evaluation = EpochEvaluation(epoch: 0, model: model, split: split) else { return nil }
    let baseline = PCABaseline.fit(
      training: split.train,
      componentCount: TrainingSession.baselineComponents(
        latentSize: model.architecture.latentSize, features: split.featureCount))
    var history = EvaluationHistory()
    history.append(evaluation)
    return TrainingSnapshot(
      sequence: 1, status: .finished, configuration: configuration, split: split, architecture: model.architecture,
      epoch: 0, batch: 0, batchesPerEpoch: 1, history: [], evaluation: evaluation, evaluationHistory: history,
      model: model,
      baselineAUC: ROCCurve(errors: baseline.reconstructionErrors(split.test), isAbnormal: split.testIsAbnormal).auc,
      learningRate: configuration.optimizer.learningRate, samplesPerSecond: 0, trainingSeconds: 0,
      failureReason: nil)
  }
}
