import AnomagramCore

/// The threshold in effect on the newest evaluation and what it gives.
public struct ThresholdReading: Sendable {
  public let value: Float
  /// How the value was set, for people: a rule's name or "set by hand".
  public let source: String
  public let counts: ConfusionCounts
  /// Why the chosen rule could not be applied, when the value fell back to
  /// the default percentile rule.
  public let fallbackReason: String?

  /// Reads the threshold for `setting` on the snapshot's evaluation, or
  /// `nil` when the run has no evaluation yet.
  public init?(setting: ThresholdSetting, snapshot: TrainingSnapshot?) {
    guard let snapshot, let evaluation = snapshot.evaluation else { return nil }
    self.init(setting: setting, evaluation: evaluation, testIsAbnormal: snapshot.split.testIsAbnormal)
  }

  /// Reads the threshold for `setting` on one epoch's evaluation, such as
  /// an earlier epoch being replayed.
  public init(setting: ThresholdSetting, evaluation: EpochEvaluation, testIsAbnormal: [Bool]) {
    self.init(
      setting: setting, trainingErrors: evaluation.trainErrors, testErrors: evaluation.testErrors,
      testIsAbnormal: testIsAbnormal)
  }

  /// Reads the threshold for `setting` on the given reconstruction errors.
  /// A rule that cannot be applied falls back to the default percentile of
  /// `trainingErrors`, and the value is 0 when even that fails (no training
  /// errors).
  public init(setting: ThresholdSetting, trainingErrors: [Float], testErrors: [Float], testIsAbnormal: [Bool]) {
    var reason: String?
    switch setting {
    case .manual(let value):
      self.value = value
      source = "set by hand"
    case .rule(let rule):
      do {
        let choice = try ThresholdChoice(
          rule: rule, trainingErrors: trainingErrors, testErrors: testErrors, testIsAbnormal: testIsAbnormal)
        value = choice.value
        source = rule.name
      } catch {
        let fallback = ThresholdRule.percentile(ThresholdRule.defaultPercentile)
        let choice = try? ThresholdChoice(rule: fallback, trainingErrors: trainingErrors)
        value = choice?.value ?? 0
        source = fallback.name
        reason = "\(error)"
      }
    }
    fallbackReason = reason
    counts = ConfusionCounts(errors: testErrors, isAbnormal: testIsAbnormal, threshold: value)
  }

  /// The error range the histogram shows: from 0 to a little above the
  /// 98th percentile of the test errors, widened to keep `threshold` in view.
  public static func displayRange(errors: [Float], threshold: Float?) -> ClosedRange<Float> {
    let finite = errors.filter { $0.isFinite }.sorted()
    guard let largest = finite.last, largest > 0 else { return 0...1 }
    let high = finite[min(finite.count - 1, Int(Double(finite.count - 1) * 0.98))]
    var upper = max(high * 1.1, Float.leastNormalMagnitude)
    if let threshold, threshold.isFinite, threshold * 1.1 > upper { upper = threshold * 1.1 }
    return 0...upper
  }
}
