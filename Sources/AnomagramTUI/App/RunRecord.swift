import AnomagramCore
import Foundation

/// One row of the run history: the settings and results of a run that
/// finished, was stopped or diverged in this session of the app.
public struct RunRecord: Equatable, Sendable {
  /// The run's number in this session, from 1, in the order runs ended.
  public var number: Int
  /// When training started, or `nil` when the app did not see the start.
  public var startedAt: Date?
  /// The title bar's data description when the run started.
  public var data: String
  /// The layer sizes, for example `140-64-16-2-16-64-140`.
  public var architecture: String
  public var hiddenActivation: Activation
  public var optimizer: OptimizerSettings.Kind
  /// The learning rate in use when the run ended; a change during the run
  /// shows only its last value.
  public var learningRate: Float
  public var batchSize: Int
  public var seed: UInt64
  public var epochsRun: Int
  public var epochsPlanned: Int
  /// The last finished epoch's training loss, or `nil` before the first epoch ended.
  public var trainingLoss: Double?
  /// The last finished epoch's validation loss, or `nil` without one.
  public var validationLoss: Double?
  /// AUC of the newest evaluation, or `nil` when the test rows hold one class.
  public var auc: Double?
  /// AUC of the PCA reconstruction baseline on the same split.
  public var baselineAUC: Double?
  /// The threshold in effect when the run ended, with the rule that set it
  /// (`fixed` for one moved by hand); `nil` without an evaluation.
  public var threshold: ThresholdChoice?
  /// Seconds of training, without evaluation.
  public var trainingSeconds: Double
  /// `.finished`, `.stopped` or `.diverged`.
  public var status: TrainingStatus

  public init(
    number: Int, startedAt: Date?, data: String, architecture: String, hiddenActivation: Activation,
    optimizer: OptimizerSettings.Kind, learningRate: Float, batchSize: Int, seed: UInt64, epochsRun: Int,
    epochsPlanned: Int, trainingLoss: Double?, validationLoss: Double?, auc: Double?, baselineAUC: Double?,
    threshold: ThresholdChoice?, trainingSeconds: Double, status: TrainingStatus
  ) {
    self.number = number
    self.startedAt = startedAt
    self.data = data
    self.architecture = architecture
    self.hiddenActivation = hiddenActivation
    self.optimizer = optimizer
    self.learningRate = learningRate
    self.batchSize = batchSize
    self.seed = seed
    self.epochsRun = epochsRun
    self.epochsPlanned = epochsPlanned
    self.trainingLoss = trainingLoss
    self.validationLoss = validationLoss
    self.auc = auc
    self.baselineAUC = baselineAUC
    self.threshold = threshold
    self.trainingSeconds = trainingSeconds
    self.status = status
  }

  /// Makes the record of a run from its last snapshot.
  ///
  /// - Parameters:
  ///   - status: the status to record, which differs from the snapshot's
  ///     when the app stopped a run that was still training or paused.
  ///   - threshold: the threshold setting in effect when the run ended.
  init(
    number: Int, snapshot: TrainingSnapshot, status: TrainingStatus, threshold: ThresholdSetting,
    startedAt: Date?, data: String
  ) {
    let configuration = snapshot.configuration
    let last = snapshot.history.last
    // A diverged run's newest evaluation is of the model before it failed,
    // often the untrained one, so its AUC and threshold are left out. That
    // also keeps the run from the best AUC.
    let evaluated = status != .diverged
    self.init(
      number: number, startedAt: startedAt, data: data, architecture: snapshot.architecture.summary,
      hiddenActivation: configuration.hiddenActivation, optimizer: configuration.optimizer.kind,
      learningRate: snapshot.learningRate, batchSize: configuration.batchSize, seed: configuration.seed,
      epochsRun: snapshot.epoch, epochsPlanned: snapshot.totalEpochs, trainingLoss: last?.trainLoss,
      validationLoss: last?.validationLoss, auc: evaluated ? snapshot.evaluation?.auc : nil,
      baselineAUC: snapshot.baselineAUC, threshold: evaluated ? threshold.appliedChoice(on: snapshot) : nil,
      trainingSeconds: snapshot.trainingSeconds, status: status)
  }
}

extension ThresholdSetting {
  /// Returns the threshold this setting gives on the snapshot's newest
  /// evaluation, with the rule that produced it, or `nil` without an
  /// evaluation. A value moved by hand becomes `fixed:VALUE`, and a rule
  /// that cannot be applied becomes the default percentile rule that
  /// `ThresholdReading` falls back to.
  public func appliedChoice(on snapshot: TrainingSnapshot) -> ThresholdChoice? {
    guard let reading = ThresholdReading(setting: self, snapshot: snapshot) else { return nil }
    switch self {
    case .manual(let value):
      return ThresholdChoice(value: value, rule: .fixed(value))
    case .rule(let rule) where reading.fallbackReason == nil:
      return ThresholdChoice(value: reading.value, rule: rule)
    case .rule:
      return ThresholdChoice(value: reading.value, rule: .percentile(ThresholdRule.defaultPercentile))
    }
  }
}
