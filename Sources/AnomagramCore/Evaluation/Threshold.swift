import Foundation

/// A rule that chooses the anomaly threshold on reconstruction errors.
///
/// Three rules optimise a metric on a labelled set (the test set), and three
/// use only the errors of the training rows, which are mostly or entirely
/// normal. Whatever the rule, a sample is predicted abnormal when its error is
/// strictly greater than the chosen value (see `ConfusionCounts`).
public enum ThresholdRule: Sendable, Hashable {
  /// The threshold with the highest accuracy on the labelled set.
  case maxAccuracy
  /// The threshold with the highest F1 score on the labelled set.
  case maxF1
  /// The threshold with the highest Youden's J = TPR − FPR on the labelled
  /// set. W. J. Youden introduced the index in 1950 to rate diagnostic tests.
  case youden
  /// The given percentile, from 0 to 100, of the training errors.
  case percentile(Double)
  /// The mean of the training errors plus this many of their standard
  /// deviations.
  case meanPlusStandardDeviations(Double)
  /// A value given by the user.
  case fixed(Float)

  /// The percentile used when `percentile` is given without a value.
  public static let defaultPercentile: Double = 99
  /// The number of standard deviations used when `mean-std` is given without
  /// a value.
  public static let defaultStandardDeviations: Double = 3

  /// Every short name, in the order a help text lists them.
  public static let shortNames = ["max-f1", "max-accuracy", "youden", "percentile", "mean-std", "fixed"]

  /// Whether the rule needs a labelled set rather than training errors.
  public var needsLabels: Bool {
    switch self {
    case .maxAccuracy, .maxF1, .youden: true
    case .percentile, .meanPlusStandardDeviations, .fixed: false
    }
  }

  /// A description for people, for example "99th percentile of training errors".
  public var name: String {
    switch self {
    case .maxAccuracy: "maximum accuracy on the labelled test set"
    case .maxF1: "maximum F1 on the labelled test set"
    case .youden: "maximum Youden's J (TPR − FPR) on the labelled test set"
    case .percentile(let percent): "\(Self.ordinal(percent)) percentile of training errors"
    case .meanPlusStandardDeviations(let count):
      "mean + \(Self.formatted(count)) standard deviation\(count == 1 ? "" : "s") of training errors"
    case .fixed(let value): "fixed value \(value)"
    }
  }

  /// The name used on a command line, without parameters: "max-f1",
  /// "max-accuracy", "youden", "percentile", "mean-std" or "fixed".
  public var shortName: String {
    switch self {
    case .maxAccuracy: "max-accuracy"
    case .maxF1: "max-f1"
    case .youden: "youden"
    case .percentile: "percentile"
    case .meanPlusStandardDeviations: "mean-std"
    case .fixed: "fixed"
    }
  }

  /// The command-line form that `init(argument:)` reads back into this rule,
  /// for example "percentile:95", "mean-std:3" or "fixed:0.02".
  public var argument: String {
    switch self {
    case .maxAccuracy, .maxF1, .youden: shortName
    case .percentile(let percent): "\(shortName):\(Self.formatted(percent))"
    case .meanPlusStandardDeviations(let count): "\(shortName):\(Self.formatted(count))"
    case .fixed(let value): "\(shortName):\(value)"
    }
  }

  /// Reads a rule from its command-line form `NAME[:VALUE]`.
  ///
  /// The name is one of `shortNames`, in any letter case. `percentile` takes a
  /// number from 0 to 100 and defaults to `defaultPercentile`. `mean-std`
  /// takes a finite number and defaults to `defaultStandardDeviations`.
  /// `fixed` requires a finite number of 0 or more, because reconstruction
  /// errors are never negative. The other rules take no value.
  public init(argument: String) throws(ThresholdError) {
    let trimmed = argument.trimmingCharacters(in: .whitespaces)
    let parts = trimmed.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    let name = parts[0].lowercased()
    let parameter = parts.count > 1 ? String(parts[1]) : nil

    switch name {
    case "max-accuracy", "max-f1", "youden":
      if let parameter {
        throw .unexpectedParameter(rule: name, parameter: parameter)
      }
      switch name {
      case "max-accuracy": self = .maxAccuracy
      case "max-f1": self = .maxF1
      default: self = .youden
      }
    case "percentile":
      self = .percentile(try Self.parameterValue(parameter, rule: name, default: Self.defaultPercentile))
    case "mean-std":
      let count = try Self.parameterValue(parameter, rule: name, default: Self.defaultStandardDeviations)
      self = .meanPlusStandardDeviations(count)
    case "fixed":
      guard let parameter else { throw .missingParameter(rule: name) }
      guard let value = Float(parameter), value.isFinite, value >= 0 else {
        throw .invalidParameter(rule: name, parameter: parameter)
      }
      // Adding 0 turns -0 into 0, which prints without a sign.
      self = .fixed(value + 0)
    default:
      throw .unknownRule(trimmed)
    }

    // Quote the value as the user wrote it, not as it was parsed.
    do {
      try validate()
    } catch {
      throw .invalidParameter(rule: name, parameter: parameter ?? "")
    }
  }

  /// Throws `invalidParameter` unless the rule's value is in its range:
  /// 0...100 for a percentile, finite and not negative for a fixed value,
  /// finite for the others.
  public func validate() throws(ThresholdError) {
    switch self {
    case .maxAccuracy, .maxF1, .youden:
      return
    case .percentile(let percent):
      if !(0...100).contains(percent) {
        throw .invalidParameter(rule: shortName, parameter: Self.formatted(percent))
      }
    case .meanPlusStandardDeviations(let count):
      if !count.isFinite {
        throw .invalidParameter(rule: shortName, parameter: Self.formatted(count))
      }
    case .fixed(let value):
      if !value.isFinite || value < 0 {
        throw .invalidParameter(rule: shortName, parameter: "\(value)")
      }
    }
  }

  // MARK: - Formatting helpers

  private static func parameterValue(_ text: String?, rule: String, default value: Double) throws(ThresholdError)
    -> Double
  {
    guard let text else { return value }
    guard let parsed = Double(text), parsed.isFinite else {
      throw .invalidParameter(rule: rule, parameter: text)
    }
    return parsed
  }

  /// Writes an integral value without a fraction ("99", not "99.0").
  private static func formatted(_ value: Double) -> String {
    if value.isFinite && value == value.rounded(.towardZero) && abs(value) < 1e15 {
      return String(Int64(value))
    }
    return String(value)
  }

  /// Writes an English ordinal: "1st", "2nd", "3rd", "11th", "99th", "99.5th".
  private static func ordinal(_ value: Double) -> String {
    let text = formatted(value)
    guard value.isFinite && value == value.rounded(.towardZero) && abs(value) < 1e15 else { return text + "th" }
    let integer = abs(Int64(value))
    if (11...13).contains(integer % 100) { return text + "th" }
    switch integer % 10 {
    case 1: return text + "st"
    case 2: return text + "nd"
    case 3: return text + "rd"
    default: return text + "th"
    }
  }
}

/// A threshold value and the rule that produced it.
public struct ThresholdChoice: Sendable, Hashable {
  /// Errors strictly above this value are predicted abnormal.
  public var value: Float
  /// The rule that produced `value`.
  public var rule: ThresholdRule

  public init(value: Float, rule: ThresholdRule) {
    self.value = value
    self.rule = rule
  }

  /// Applies `rule` to the errors it needs.
  ///
  /// - Label rules (`maxAccuracy`, `maxF1`, `youden`) read `testErrors` and
  ///   `testIsAbnormal`. The candidates are the thresholds of the points of
  ///   `ROCCurve`: every distinct test error, and the next `Float` below the
  ///   smallest. Between two neighbouring candidates no threshold changes a
  ///   prediction, so the best candidate is a true optimum, and the metrics
  ///   that `ConfusionCounts` reports at the chosen value are the optimal
  ///   ones. Metrics are compared exactly as fractions of integer counts. Ties
  ///   go to the highest threshold, which flags the fewest samples.
  /// - `percentile` reads `trainingErrors` and interpolates linearly between
  ///   order statistics, as NumPy's `percentile` does by default
  ///   (`method="linear"`): with the errors sorted as `x₀ ≤ … ≤ x_{n−1}` and
  ///   `h = (n − 1) p / 100`, the result is `x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋₊₁ − x_⌊h⌋)`.
  /// - `meanPlusStandardDeviations(k)` reads `trainingErrors` and returns
  ///   `μ + k σ` with the population standard deviation
  ///   `σ = √(Σ (x − μ)² / n)` (NumPy's default, `ddof=0`).
  /// - `fixed(value)` returns `value`.
  ///
  /// A result below 0 becomes 0. Statistics are computed in `Double` and
  /// rounded to `Float` once.
  ///
  /// - Throws: `ThresholdError.labelledSetNeedsBothClasses` when a label rule
  ///   gets a test set without both classes, because F1 and Youden's J are
  ///   undefined there and accuracy is trivial. `noTrainingErrors` when a
  ///   training rule gets none. `invalidError` when an error the rule reads is
  ///   NaN, or infinite for `mean-std`. `invalidParameter` when
  ///   `rule.validate()` fails.
  public init(
    rule: ThresholdRule, trainingErrors: [Float] = [], testErrors: [Float] = [], testIsAbnormal: [Bool] = []
  ) throws(ThresholdError) {
    try rule.validate()
    precondition(
      testErrors.count == testIsAbnormal.count,
      "Got \(testErrors.count) test errors but \(testIsAbnormal.count) labels")

    let value: Float
    switch rule {
    case .maxAccuracy, .maxF1, .youden:
      try Self.checkErrors(testErrors, rule: rule, set: .test)
      value = try Self.bestLabelledThreshold(rule: rule, errors: testErrors, isAbnormal: testIsAbnormal)
    case .percentile(let percent):
      try Self.checkErrors(trainingErrors, rule: rule, set: .training)
      value = Float(Self.percentile(percent, of: trainingErrors))
    case .meanPlusStandardDeviations(let count):
      try Self.checkErrors(trainingErrors, rule: rule, set: .training)
      value = Float(Self.meanPlusStandardDeviations(count, of: trainingErrors))
    case .fixed(let fixedValue):
      value = fixedValue
    }
    // A huge K makes mean + K σ overflow Float. Other rules return an
    // infinite value only when the errors they read are infinite.
    if case .meanPlusStandardDeviations = rule, !value.isFinite {
      throw .thresholdNotFinite(rule: rule.argument, value: value)
    }
    // Reconstruction errors are never negative, and a model file keeps only
    // thresholds of 0 or more. Two rules can give less: mean + K σ with a
    // negative K, and the label rules' candidate below a smallest error of
    // exactly 0. At 0 the latter flags every row except those reconstructed
    // exactly.
    self.init(value: max(0, value), rule: rule)
  }

  /// Returns whether a sample with this reconstruction error is predicted
  /// abnormal: `error > value`.
  public func isPredictedAbnormal(_ error: Float) -> Bool {
    ConfusionCounts.isPredictedAbnormal(error: error, threshold: value)
  }

  // MARK: - Label rules

  private static func bestLabelledThreshold(
    rule: ThresholdRule, errors: [Float], isAbnormal: [Bool]
  ) throws(ThresholdError) -> Float {
    let curve = ROCCurve(errors: errors, isAbnormal: isAbnormal)
    guard var best = curve.points.first else {
      throw .labelledSetNeedsBothClasses(
        rule: rule.shortName, normalCount: curve.negativeCount, abnormalCount: curve.positiveCount)
    }
    // The points run from the highest threshold down, and only a strictly
    // better point replaces the best, so ties keep the highest threshold.
    for point in curve.points.dropFirst() where isBetter(point.counts, than: best.counts, under: rule) {
      best = point
    }
    return best.threshold
  }

  /// Returns whether `candidate` scores strictly higher than `best` on the
  /// metric of `rule`, compared exactly by cross-multiplying counts. Both
  /// sets of counts describe the same samples, so `P` and `N` agree.
  private static func isBetter(
    _ candidate: ConfusionCounts, than best: ConfusionCounts, under rule: ThresholdRule
  ) -> Bool {
    switch rule {
    case .maxAccuracy:
      // The total is the same for both, so compare TP + TN.
      return candidate.truePositives + candidate.trueNegatives > best.truePositives + best.trueNegatives
    case .maxF1:
      // F1 = 2TP / (2TP + FP + FN), and both denominators are at least P > 0.
      let candidateDenominator = 2 * candidate.truePositives + candidate.falsePositives + candidate.falseNegatives
      let bestDenominator = 2 * best.truePositives + best.falsePositives + best.falseNegatives
      return candidate.truePositives * bestDenominator > best.truePositives * candidateDenominator
    case .youden:
      // J = TP/P − FP/N, so P·N·J = TP·N − FP·P.
      let positives = candidate.positives
      let negatives = candidate.negatives
      return candidate.truePositives * negatives - candidate.falsePositives * positives
        > best.truePositives * negatives - best.falsePositives * positives
    case .percentile, .meanPlusStandardDeviations, .fixed:
      preconditionFailure("Rule \(rule.shortName) does not use labels")
    }
  }

  // MARK: - Training-error rules

  private static func percentile(_ percent: Double, of values: [Float]) -> Double {
    let sorted = values.sorted()
    let position = percent / 100 * Double(sorted.count - 1)
    let lower = Int(position)
    let upper = min(lower + 1, sorted.count - 1)
    let fraction = position - Double(lower)
    let low = Double(sorted[lower])
    let high = Double(sorted[upper])
    // Skipping the interpolation for equal neighbours keeps infinite errors
    // from producing infinity minus infinity.
    if fraction == 0 || low == high {
      return low
    }
    return low + fraction * (high - low)
  }

  private static func meanPlusStandardDeviations(_ count: Double, of values: [Float]) -> Double {
    let sampleCount = Double(values.count)
    let mean = values.reduce(0.0) { $0 + Double($1) } / sampleCount
    let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / sampleCount
    return mean + count * variance.squareRoot()
  }

  private static func checkErrors(
    _ errors: [Float], rule: ThresholdRule, set: ThresholdError.SampleSet
  ) throws(ThresholdError) {
    if set == .training && errors.isEmpty {
      throw .noTrainingErrors(rule: rule.shortName)
    }
    let needsFinite = if case .meanPlusStandardDeviations = rule { true } else { false }
    if let index = errors.firstIndex(where: { $0.isNaN || (needsFinite && $0.isInfinite) }) {
      throw .invalidError(rule: rule.shortName, set: set, sampleIndex: index, value: errors[index])
    }
  }
}

/// A threshold rule that could not be read or applied.
public enum ThresholdError: Error, Hashable, CustomStringConvertible {
  /// The set of samples whose errors a message refers to.
  public enum SampleSet: String, Sendable, Hashable {
    case training
    case test
  }

  /// The command-line name is not one of `ThresholdRule.shortNames`.
  case unknownRule(String)
  /// `fixed` was given without a value.
  case missingParameter(rule: String)
  /// A rule without parameters was given one.
  case unexpectedParameter(rule: String, parameter: String)
  /// The parameter is not a number or is outside the rule's range.
  case invalidParameter(rule: String, parameter: String)
  /// A training-error rule was applied to an empty list.
  case noTrainingErrors(rule: String)
  /// A label rule was applied to a set that lacks a class.
  case labelledSetNeedsBothClasses(rule: String, normalCount: Int, abnormalCount: Int)
  /// An error that the rule reads is NaN, or infinite for `mean-std`.
  case invalidError(rule: String, set: SampleSet, sampleIndex: Int, value: Float)
  /// The rule's result is not a finite `Float`.
  case thresholdNotFinite(rule: String, value: Float)

  public var description: String {
    switch self {
    case .unknownRule(let name):
      "Unknown threshold rule \"\(name)\". Use max-f1, max-accuracy, youden, percentile[:P], mean-std[:K] "
        + "or fixed:VALUE."
    case .missingParameter(let rule):
      "Threshold rule \"\(rule)\" needs a value, for example \"\(rule):0.02\"."
    case .unexpectedParameter(let rule, let parameter):
      "Threshold rule \"\(rule)\" takes no value, got \"\(parameter)\". Write \"\(rule)\" alone."
    case .invalidParameter(let rule, let parameter):
      Self.invalidParameterMessage(rule: rule, parameter: parameter)
    case .noTrainingErrors(let rule):
      "Threshold rule \"\(rule)\" needs the errors of the training rows, but there are none."
    case .labelledSetNeedsBothClasses(let rule, let normalCount, let abnormalCount):
      "Threshold rule \"\(rule)\" needs normal and abnormal samples in the labelled test set, got "
        + "\(normalCount) normal and \(abnormalCount) abnormal. Use a test set with both classes or a rule "
        + "on training errors such as \"percentile:99\"."
    case .thresholdNotFinite(let rule, let value):
      "Threshold rule \"\(rule)\" gives the threshold \(value), which is not a finite number. Use a smaller value "
        + "for the rule, for example \"mean-std:3\"."
    case .invalidError(let rule, let set, let sampleIndex, let value):
      "Threshold rule \"\(rule)\" cannot use \(set.rawValue) sample \(sampleIndex), whose reconstruction error "
        + "is \(value). Training has probably diverged, so try a smaller learning rate."
    }
  }

  private static func invalidParameterMessage(rule: String, parameter: String) -> String {
    switch rule {
    case "percentile":
      "Invalid percentile \"\(parameter)\": expected a number from 0 to 100, for example \"percentile:95\"."
    case "mean-std":
      "Invalid number of standard deviations \"\(parameter)\": expected a finite number, for example "
        + "\"mean-std:3\"."
    default:
      "Invalid value \"\(parameter)\" for threshold rule \"\(rule)\": expected a number of 0 or more, for example "
        + "\"\(rule):0.02\"."
    }
  }
}
