/// One operating point of a ROC curve: the threshold and the confusion counts
/// it produces.
public struct ROCPoint: Sendable, Hashable {
  /// Errors strictly above this value are predicted abnormal.
  public var threshold: Float
  /// The counts at `threshold`, the same as
  /// `ConfusionCounts(errors:isAbnormal:threshold:)` returns for the curve's data.
  public var counts: ConfusionCounts

  public init(threshold: Float, counts: ConfusionCounts) {
    self.threshold = threshold
    self.counts = counts
  }

  /// `FP / N`, the x coordinate. A `ROCCurve` only has points when both
  /// classes are present, so there it is never 0/0. A point built by hand
  /// with `N = 0` reports 0.
  public var falsePositiveRate: Double { counts.falsePositiveRate ?? 0 }

  /// `TP / P`, the y coordinate. As for `falsePositiveRate`, a point built by
  /// hand with `P = 0` reports 0.
  public var truePositiveRate: Double { counts.truePositiveRate ?? 0 }
}

/// The receiver operating characteristic (ROC) curve of reconstruction errors
/// as anomaly scores, and the area under it (AUC).
///
/// The positive class is *abnormal*, and a sample is predicted abnormal when
/// its error is strictly greater than the threshold, as in `ConfusionCounts`.
/// The curve has one point per distinct error value `e`, with threshold `e`
/// (every sample above `e` flagged), in decreasing order of threshold, plus a
/// last point whose threshold is the next `Float` below the smallest error
/// (every sample flagged). It therefore runs from (0, 0) to (1, 1), and a
/// group of tied errors makes a single step, diagonal when the group contains
/// both classes.
///
/// The AUC is the area under those straight segments, which equals the
/// Mann-Whitney U statistic divided by `P · N`: the probability that a random
/// abnormal sample has a larger error than a random normal one, with ties
/// counted as one half:
///
/// ```
/// AUC = (1 / (P N)) Σ over (abnormal a, normal n) of [e_a > e_n] + ½ [e_a = e_n]
/// ```
///
/// It is computed exactly from integer counts in `O(n log n)` time: one sort,
/// then one pass over the groups of equal errors (T. Fawcett, "An
/// introduction to ROC analysis", Pattern Recognition Letters 27 (2006),
/// 861–874).
public struct ROCCurve: Sendable, Hashable {
  /// Samples labelled abnormal, `P`.
  public let positiveCount: Int
  /// Samples labelled normal, `N`.
  public let negativeCount: Int
  /// The operating points in decreasing order of threshold, from (0, 0) to
  /// (1, 1). Empty when either class is missing, because one of the two
  /// rates is then 0/0 at every threshold.
  public let points: [ROCPoint]
  /// The area under the curve, in [0, 1]. It is `nil` when either class is
  /// missing (including an empty set), because it is undefined there.
  public let auc: Double?

  /// Builds the curve of `errors` against `isAbnormal`.
  ///
  /// - Parameters:
  ///   - errors: One reconstruction error per sample. Must not contain NaN,
  ///     which has no place in the order of errors.
  ///   - isAbnormal: One label per sample, `true` for the abnormal class.
  public init(errors: [Float], isAbnormal: [Bool]) {
    precondition(
      errors.count == isAbnormal.count, "Got \(errors.count) errors but \(isAbnormal.count) labels")
    precondition(!errors.contains { $0.isNaN }, "A ROC curve needs errors that are not NaN")

    let positives = isAbnormal.count(where: { $0 })
    let negatives = isAbnormal.count - positives
    positiveCount = positives
    negativeCount = negatives
    guard positives > 0 && negatives > 0 else {
      points = []
      auc = nil
      return
    }

    let groups = Self.groupsOfEqualErrors(errors: errors, isAbnormal: isAbnormal)
    points = Self.operatingPoints(groups: groups, positives: positives, negatives: negatives)
    auc = Self.areaUnderCurve(groups: groups, positives: positives, negatives: negatives)
  }

  /// Samples sharing one error value, counted by class.
  private struct ErrorGroup {
    var error: Float
    var positives: Int
    var negatives: Int
  }

  /// Returns the groups of equal errors, largest error first.
  private static func groupsOfEqualErrors(errors: [Float], isAbnormal: [Bool]) -> [ErrorGroup] {
    let order = errors.indices.sorted { errors[$0] > errors[$1] }
    var groups = [ErrorGroup]()
    for index in order {
      let abnormal = isAbnormal[index] ? 1 : 0
      if let last = groups.last, last.error == errors[index] {
        groups[groups.count - 1].positives += abnormal
        groups[groups.count - 1].negatives += 1 - abnormal
      } else {
        groups.append(ErrorGroup(error: errors[index], positives: abnormal, negatives: 1 - abnormal))
      }
    }
    return groups
  }

  /// Returns one point per group at threshold = the group's error (only the
  /// groups before it are flagged), then the point that flags everything.
  private static func operatingPoints(groups: [ErrorGroup], positives: Int, negatives: Int) -> [ROCPoint] {
    var points = [ROCPoint]()
    points.reserveCapacity(groups.count + 1)
    var truePositives = 0
    var falsePositives = 0
    for group in groups {
      points.append(
        point(
          threshold: group.error, truePositives: truePositives, falsePositives: falsePositives,
          positives: positives, negatives: negatives))
      truePositives += group.positives
      falsePositives += group.negatives
    }
    // `nextDown` of the smallest error is the largest threshold that flags
    // every sample. NOTE: it cannot go below -infinity, so this point counts
    // errors of -infinity as flagged although no threshold flags them.
    // Mean squared errors are never negative.
    let lowest = groups.last!.error
    points.append(
      point(
        threshold: lowest.nextDown, truePositives: truePositives, falsePositives: falsePositives,
        positives: positives, negatives: negatives))
    return points
  }

  private static func point(
    threshold: Float, truePositives: Int, falsePositives: Int, positives: Int, negatives: Int
  ) -> ROCPoint {
    let counts = ConfusionCounts(
      truePositives: truePositives, falsePositives: falsePositives,
      trueNegatives: negatives - falsePositives, falseNegatives: positives - truePositives)
    return ROCPoint(threshold: threshold, counts: counts)
  }

  /// Returns `U / (P N)` with ties counted half, from exact integer counts.
  ///
  /// Each normal sample in a group is outranked by every abnormal sample of
  /// the earlier groups and ties with the abnormal samples of its own group,
  /// so `2U = Σ_groups negatives · (2 · positivesAbove + positives)`. This is
  /// also the trapezoid area under the curve's segments.
  private static func areaUnderCurve(groups: [ErrorGroup], positives: Int, negatives: Int) -> Double {
    var twiceU = 0
    var positivesAbove = 0
    for group in groups {
      twiceU += group.negatives * (2 * positivesAbove + group.positives)
      positivesAbove += group.positives
    }
    return Double(twiceU) / (2 * Double(positives) * Double(negatives))
  }
}
