/// The confusion matrix of an anomaly detector at one threshold, with the
/// metrics derived from it.
///
/// The positive class is *abnormal*. A sample is predicted abnormal when its
/// reconstruction error is strictly greater than the threshold (see
/// `isPredictedAbnormal(error:threshold:)`), so an error equal to the
/// threshold counts as normal. `ROCCurve` and `ThresholdChoice` use the same
/// rule.
///
/// A metric whose denominator is zero is `nil` (unavailable), never NaN and
/// never a made-up 0 or 1. Each property names the case in which that happens.
public struct ConfusionCounts: Sendable, Hashable {
  /// Abnormal samples predicted abnormal.
  public var truePositives: Int
  /// Normal samples predicted abnormal (false alarms).
  public var falsePositives: Int
  /// Normal samples predicted normal.
  public var trueNegatives: Int
  /// Abnormal samples predicted normal (missed anomalies).
  public var falseNegatives: Int

  public init(truePositives: Int, falsePositives: Int, trueNegatives: Int, falseNegatives: Int) {
    precondition(
      truePositives >= 0 && falsePositives >= 0 && trueNegatives >= 0 && falseNegatives >= 0,
      "Confusion counts must not be negative, got TP \(truePositives), FP \(falsePositives), "
        + "TN \(trueNegatives), FN \(falseNegatives)")
    self.truePositives = truePositives
    self.falsePositives = falsePositives
    self.trueNegatives = trueNegatives
    self.falseNegatives = falseNegatives
  }

  /// Counts the predictions at `threshold` against the labels.
  ///
  /// - Parameters:
  ///   - errors: One reconstruction error per sample.
  ///   - isAbnormal: One label per sample, `true` for the abnormal class.
  ///   - threshold: Errors strictly above it are predicted abnormal.
  public init(errors: [Float], isAbnormal: [Bool], threshold: Float) {
    precondition(
      errors.count == isAbnormal.count, "Got \(errors.count) errors but \(isAbnormal.count) labels")
    var counts = ConfusionCounts(truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0)
    for (error, abnormal) in zip(errors, isAbnormal) {
      switch (Self.isPredictedAbnormal(error: error, threshold: threshold), abnormal) {
      case (true, true): counts.truePositives += 1
      case (true, false): counts.falsePositives += 1
      case (false, false): counts.trueNegatives += 1
      case (false, true): counts.falseNegatives += 1
      }
    }
    self = counts
  }

  /// Returns whether a sample is predicted abnormal: `error > threshold`.
  ///
  /// A NaN error is never greater than a threshold, so it is predicted normal.
  @inlinable
  public static func isPredictedAbnormal(error: Float, threshold: Float) -> Bool {
    error > threshold
  }

  // MARK: - Totals

  /// All samples counted.
  public var total: Int { truePositives + falsePositives + trueNegatives + falseNegatives }
  /// Samples labelled abnormal, `P = TP + FN`.
  public var positives: Int { truePositives + falseNegatives }
  /// Samples labelled normal, `N = FP + TN`.
  public var negatives: Int { falsePositives + trueNegatives }
  /// Samples predicted abnormal, `TP + FP`.
  public var predictedPositives: Int { truePositives + falsePositives }

  // MARK: - Metrics

  /// `(TP + TN) / total`, or `nil` when no samples were counted.
  public var accuracy: Double? { Self.ratio(truePositives + trueNegatives, total) }

  /// `TP / (TP + FP)`, or `nil` when no sample is predicted abnormal.
  public var precision: Double? { Self.ratio(truePositives, predictedPositives) }

  /// `TP / P`, the same value as `truePositiveRate`, or `nil` when no sample
  /// is labelled abnormal.
  public var recall: Double? { truePositiveRate }

  /// The F1 score, the harmonic mean of precision and recall, computed from
  /// the counts as
  ///
  /// ```
  /// F1 = 2 TP / (2 TP + FP + FN)
  /// ```
  ///
  /// which equals `2 P R / (P + R)` wherever that is defined and is 0 when
  /// there are abnormal samples but none is found (precision `nil` or 0,
  /// recall 0). It is `nil` only when `2 TP + FP + FN = 0`: no sample is
  /// labelled or predicted abnormal.
  public var f1: Double? {
    Self.ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives)
  }

  /// `TP / P`, the sensitivity, or `nil` when no sample is labelled abnormal.
  public var truePositiveRate: Double? { Self.ratio(truePositives, positives) }

  /// `FP / N`, the false-alarm rate, or `nil` when no sample is labelled normal.
  public var falsePositiveRate: Double? { Self.ratio(falsePositives, negatives) }

  /// `TN / N`, the specificity, or `nil` when no sample is labelled normal.
  public var trueNegativeRate: Double? { Self.ratio(trueNegatives, negatives) }

  /// `FN / P`, the miss rate, or `nil` when no sample is labelled abnormal.
  public var falseNegativeRate: Double? { Self.ratio(falseNegatives, positives) }

  private static func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
    denominator == 0 ? nil : Double(numerator) / Double(denominator)
  }
}
