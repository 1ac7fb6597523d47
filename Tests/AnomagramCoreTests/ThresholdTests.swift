import Testing

@testable import AnomagramCore

/// A command-line argument and the rule it must read as.
private struct ParseCase: CustomTestStringConvertible, Sendable {
  let argument: String
  let rule: ThresholdRule

  var testDescription: String { "\"\(argument)\"" }
}

private let parseCases: [ParseCase] = [
  ParseCase(argument: "max-f1", rule: .maxF1),
  ParseCase(argument: "MAX-F1", rule: .maxF1),
  ParseCase(argument: "max-accuracy", rule: .maxAccuracy),
  ParseCase(argument: "youden", rule: .youden),
  ParseCase(argument: "percentile", rule: .percentile(99)),
  ParseCase(argument: "percentile:95", rule: .percentile(95)),
  ParseCase(argument: "percentile:99.5", rule: .percentile(99.5)),
  ParseCase(argument: "percentile:0", rule: .percentile(0)),
  ParseCase(argument: "percentile:100", rule: .percentile(100)),
  ParseCase(argument: "mean-std", rule: .meanPlusStandardDeviations(3)),
  ParseCase(argument: "mean-std:2.5", rule: .meanPlusStandardDeviations(2.5)),
  ParseCase(argument: "fixed:0.02", rule: .fixed(0.02)),
  ParseCase(argument: " fixed:1e-3 ", rule: .fixed(0.001)),
]

/// A command-line argument that must be rejected with this error.
private struct RejectionCase: CustomTestStringConvertible, Sendable {
  let argument: String
  let error: ThresholdError

  var testDescription: String { "\"\(argument)\"" }
}

private let rejectionCases: [RejectionCase] = [
  RejectionCase(argument: "best", error: .unknownRule("best")),
  RejectionCase(argument: "", error: .unknownRule("")),
  RejectionCase(argument: "fixed", error: .missingParameter(rule: "fixed")),
  RejectionCase(argument: "max-f1:3", error: .unexpectedParameter(rule: "max-f1", parameter: "3")),
  RejectionCase(argument: "youden:", error: .unexpectedParameter(rule: "youden", parameter: "")),
  RejectionCase(argument: "percentile:150", error: .invalidParameter(rule: "percentile", parameter: "150")),
  RejectionCase(argument: "percentile:-1", error: .invalidParameter(rule: "percentile", parameter: "-1")),
  RejectionCase(argument: "percentile:abc", error: .invalidParameter(rule: "percentile", parameter: "abc")),
  RejectionCase(argument: "percentile:", error: .invalidParameter(rule: "percentile", parameter: "")),
  RejectionCase(argument: "mean-std:inf", error: .invalidParameter(rule: "mean-std", parameter: "inf")),
  RejectionCase(argument: "fixed:nan", error: .invalidParameter(rule: "fixed", parameter: "nan")),
]

@Suite struct ThresholdRuleTests {
  @Test(arguments: parseCases)
  fileprivate func parsesArgument(_ parseCase: ParseCase) throws {
    #expect(try ThresholdRule(argument: parseCase.argument) == parseCase.rule)
  }

  @Test(arguments: rejectionCases)
  fileprivate func rejectsArgument(_ rejectionCase: RejectionCase) {
    #expect(throws: rejectionCase.error) {
      try ThresholdRule(argument: rejectionCase.argument)
    }
  }

  @Test(arguments: [
    ThresholdRule.maxAccuracy, .maxF1, .youden, .percentile(99), .percentile(97.5),
    .meanPlusStandardDeviations(3), .meanPlusStandardDeviations(-0.5), .fixed(0.02), .fixed(1e-7),
  ])
  func argumentRoundTrips(rule: ThresholdRule) throws {
    #expect(try ThresholdRule(argument: rule.argument) == rule)
  }

  @Test(arguments: [
    (ThresholdRule.maxAccuracy, "max-accuracy", "max-accuracy"),
    (.maxF1, "max-f1", "max-f1"),
    (.youden, "youden", "youden"),
    (.percentile(95), "percentile", "percentile:95"),
    (.meanPlusStandardDeviations(3), "mean-std", "mean-std:3"),
    (.fixed(0.02), "fixed", "fixed:0.02"),
  ])
  func shortNameAndArgument(rule: ThresholdRule, shortName: String, argument: String) {
    #expect(rule.shortName == shortName)
    #expect(rule.argument == argument)
    #expect(ThresholdRule.shortNames.contains(shortName))
  }

  @Test(arguments: [
    (ThresholdRule.maxF1, "maximum F1 on the labelled test set"),
    (.maxAccuracy, "maximum accuracy on the labelled test set"),
    (.youden, "maximum Youden's J (TPR − FPR) on the labelled test set"),
    (.percentile(99), "99th percentile of training errors"),
    (.percentile(1), "1st percentile of training errors"),
    (.percentile(2), "2nd percentile of training errors"),
    (.percentile(3), "3rd percentile of training errors"),
    (.percentile(11), "11th percentile of training errors"),
    (.percentile(12), "12th percentile of training errors"),
    (.percentile(13), "13th percentile of training errors"),
    (.percentile(21), "21st percentile of training errors"),
    (.percentile(99.5), "99.5th percentile of training errors"),
    (.meanPlusStandardDeviations(3), "mean + 3 standard deviations of training errors"),
    (.meanPlusStandardDeviations(1), "mean + 1 standard deviation of training errors"),
    (.fixed(0.02), "fixed value 0.02"),
  ])
  func humanName(rule: ThresholdRule, name: String) {
    #expect(rule.name == name)
  }

  @Test func needsLabels() {
    #expect(ThresholdRule.maxF1.needsLabels)
    #expect(ThresholdRule.maxAccuracy.needsLabels)
    #expect(ThresholdRule.youden.needsLabels)
    #expect(!ThresholdRule.percentile(99).needsLabels)
    #expect(!ThresholdRule.meanPlusStandardDeviations(3).needsLabels)
    #expect(!ThresholdRule.fixed(1).needsLabels)
  }

  @Test func errorMessagesQuoteValue() {
    let unknown = ThresholdError.unknownRule("best").description
    let percentile = ThresholdError.invalidParameter(rule: "percentile", parameter: "150").description
    let oneClass = ThresholdError.labelledSetNeedsBothClasses(rule: "max-f1", normalCount: 12, abnormalCount: 0)
      .description

    #expect(unknown.contains("\"best\""))
    #expect(unknown.contains("percentile[:P]"))
    #expect(percentile.contains("\"150\""))
    #expect(percentile.contains("0 to 100"))
    #expect(oneClass.contains("12 normal and 0 abnormal"))
  }
}

// MARK: -

/// The labelled set of the ROC tests, with ties across classes. Candidates
/// (threshold: TP FP TN FN, accuracy, F1 = 2TP/(2TP+FP+FN), J = TPR − FPR):
///
///     0.9:       0 0 4 3   4/7   0     0
///     0.8:       1 0 4 2   5/7   1/2   1/3
///     0.6:       2 1 3 1   5/7   2/3   2/3 − 1/4 = 5/12
///     0.3:       3 3 1 0   4/7   2/3   1 − 3/4 = 1/4
///     below 0.3: 3 4 0 0   3/7   3/5   0
///
/// Maximum accuracy ties at 0.8 and 0.6, maximum F1 ties at 0.6 and 0.3;
/// both ties go to the higher threshold.
private let tiedErrors: [Float] = [0.9, 0.8, 0.8, 0.6, 0.6, 0.6, 0.3]
private let tiedLabels = [true, true, false, true, false, false, false]

/// Random errors on a coarse grid, so that ties across classes are common.
private func randomLabelledErrors(count: Int, seed: UInt64) -> (errors: [Float], isAbnormal: [Bool]) {
  var generator = SeededGenerator(seed: seed)
  var errors = [Float]()
  var isAbnormal = [Bool]()
  for _ in 0..<count {
    let abnormal = generator.nextIndex(below: 4) == 0
    let level = generator.nextIndex(below: 10) + (abnormal ? 4 : 0)
    errors.append(Float(level) * 0.1)
    isAbnormal.append(abnormal)
  }
  return (errors, isAbnormal)
}

private func metric(_ rule: ThresholdRule, _ counts: ConfusionCounts) -> Double {
  switch rule {
  case .maxAccuracy: counts.accuracy ?? -1
  case .maxF1: counts.f1 ?? -1
  case .youden: (counts.truePositiveRate ?? 0) - (counts.falsePositiveRate ?? 0)
  default: -1
  }
}

/// Metrics here are fractions of small integers compared across thresholds;
/// 1e-12 separates real differences (at least 1/(P·N)) from rounding.
private let tolerance = 1e-12

@Suite struct ThresholdChoiceTests {
  @Test(arguments: [
    (ThresholdRule.maxAccuracy, Float(0.8), 5.0 / 7),
    (.maxF1, 0.6, 2.0 / 3),
    (.youden, 0.6, 5.0 / 12),
  ])
  func labelRuleHandWorked(rule: ThresholdRule, threshold: Float, optimum: Double) throws {
    let choice = try ThresholdChoice(rule: rule, testErrors: tiedErrors, testIsAbnormal: tiedLabels)

    #expect(choice.value == threshold)
    #expect(choice.rule == rule)
    let counts = ConfusionCounts(errors: tiedErrors, isAbnormal: tiedLabels, threshold: choice.value)
    #expect(abs(metric(rule, counts) - optimum) <= tolerance)
  }

  @Test func perfectSeparationPicksLargestNormalError() throws {
    let errors: [Float] = [0.1, 0.3, 0.2, 0.7, 0.9]
    let labels = [false, false, false, true, true]

    let choice = try ThresholdChoice(rule: .maxAccuracy, testErrors: errors, testIsAbnormal: labels)

    #expect(choice.value == 0.3)
    #expect(ConfusionCounts(errors: errors, isAbnormal: labels, threshold: choice.value).accuracy == 1)
  }

  @Test func allAbnormalFlaggedBelowMinimum() throws {
    // Every abnormal error is below every normal one. The best F1 flags
    // everything: 2·2 / (2·2 + 3) = 4/7, better than any higher threshold.
    let errors: [Float] = [0.1, 0.2, 0.5, 0.6, 0.7]
    let labels = [true, true, false, false, false]

    let choice = try ThresholdChoice(rule: .maxF1, testErrors: errors, testIsAbnormal: labels)

    #expect(choice.value == Float(0.1).nextDown)
  }

  @Test func labelRuleStopsAtZero() throws {
    // The abnormal row is reconstructed exactly. Flagging both rows gives
    // F1 = 2 / (2 + 1) = 2/3, better than any other candidate, but the
    // threshold below an error of 0 is negative, so it becomes 0.
    let choice = try ThresholdChoice(rule: .maxF1, testErrors: [0, 1], testIsAbnormal: [true, false])

    #expect(choice.value == 0)
  }

  @Test(arguments: [ThresholdRule.maxAccuracy, .maxF1, .youden], [1, 2, 3, 4] as [UInt64])
  func labelRuleBeatsEveryThreshold(rule: ThresholdRule, seed: UInt64) throws {
    let (errors, isAbnormal) = randomLabelledErrors(count: 70, seed: seed)
    let choice = try ThresholdChoice(rule: rule, testErrors: errors, testIsAbnormal: isAbnormal)
    let chosen = metric(rule, ConfusionCounts(errors: errors, isAbnormal: isAbnormal, threshold: choice.value))

    // Every error value, the midpoints between them and values outside the
    // range cover every distinct prediction a threshold can make.
    let distinct = Set(errors).sorted()
    var candidates = distinct + [distinct[0] - 1, distinct[distinct.count - 1] + 1]
    candidates += zip(distinct, distinct.dropFirst()).map { ($0 + $1) / 2 }
    for threshold in candidates {
      let other = metric(rule, ConfusionCounts(errors: errors, isAbnormal: isAbnormal, threshold: threshold))
      #expect(other <= chosen + tolerance, "threshold \(threshold) gives \(other) > \(chosen)")
    }
  }

  @Test(arguments: [ThresholdRule.maxAccuracy, .maxF1, .youden])
  func labelRuleRejectsOneClass(rule: ThresholdRule) {
    #expect(throws: ThresholdError.labelledSetNeedsBothClasses(rule: rule.shortName, normalCount: 3, abnormalCount: 0))
    {
      try ThresholdChoice(rule: rule, testErrors: [0.1, 0.2, 0.3], testIsAbnormal: [false, false, false])
    }
  }

  @Test func labelRuleRejectsNaN() throws {
    let error = #expect(throws: ThresholdError.self) {
      try ThresholdChoice(rule: .maxF1, testErrors: [0.1, .nan], testIsAbnormal: [false, true])
    }

    // NaN is not equal to itself, so the case is matched field by field.
    guard case .invalidError(let rule, let set, let sampleIndex, let value)? = error else {
      Issue.record("Expected invalidError, got \(String(describing: error))")
      return
    }
    #expect(rule == "max-f1")
    #expect(set == .test)
    #expect(sampleIndex == 1)
    #expect(value.isNaN)
  }

  @Test(arguments: [
    (0.0, 1.0),
    (25, 2),  // h = 4 · 0.25 = 1: x₁
    (50, 3),  // h = 2: x₂
    (90, 7.6),  // h = 3.6: 4 + 0.6 · (10 − 4)
    (99, 9.76),  // h = 3.96: 4 + 0.96 · 6
    (100, 10),
  ])
  func percentileHandWorked(percent: Double, expected: Double) throws {
    // Sorted: 1, 2, 3, 4, 10; n − 1 = 4.
    let choice = try ThresholdChoice(rule: .percentile(percent), trainingErrors: [10, 3, 1, 4, 2])

    // One rounding of the Double result to Float: 1e-6 at this magnitude.
    #expect(abs(Double(choice.value) - expected) <= 1e-6)
  }

  @Test func percentileOfOneError() throws {
    #expect(try ThresholdChoice(rule: .percentile(99), trainingErrors: [0.25]).value == 0.25)
  }

  @Test func percentileWithInfiniteErrors() throws {
    let errors: [Float] = [1, .infinity, .infinity]

    #expect(try ThresholdChoice(rule: .percentile(100), trainingErrors: errors).value == .infinity)
    #expect(try ThresholdChoice(rule: .percentile(0), trainingErrors: errors).value == 1)
  }

  @Test(arguments: [(0.0, 5.0), (1, 7), (3, 11), (-1, 3), (-3, 0)])
  func meanPlusStandardDeviationsHandWorked(count: Double, expected: Double) throws {
    // Mean 5; squared deviations 9, 1, 1, 1, 0, 0, 4, 16 sum to 32, so the
    // population variance is 32/8 = 4 and σ = 2. The sample σ would be
    // √(32/7) ≈ 2.14, which these values would tell apart.
    let errors: [Float] = [2, 4, 4, 4, 5, 5, 7, 9]

    let choice = try ThresholdChoice(rule: .meanPlusStandardDeviations(count), trainingErrors: errors)

    // Exact in Double; one rounding to Float.
    #expect(abs(Double(choice.value) - expected) <= 1e-6)
  }

  @Test func meanPlusStandardDeviationsRejectsInfinity() {
    #expect(throws: ThresholdError.invalidError(rule: "mean-std", set: .training, sampleIndex: 2, value: .infinity)) {
      try ThresholdChoice(rule: .meanPlusStandardDeviations(3), trainingErrors: [1, 2, .infinity])
    }
  }

  @Test(arguments: [ThresholdRule.percentile(99), .meanPlusStandardDeviations(3)])
  func trainingRuleRejectsNoErrors(rule: ThresholdRule) {
    #expect(throws: ThresholdError.noTrainingErrors(rule: rule.shortName)) {
      try ThresholdChoice(rule: rule, trainingErrors: [])
    }
  }

  @Test(arguments: [
    ThresholdRule.percentile(101), .percentile(.nan), .meanPlusStandardDeviations(.infinity), .fixed(.nan),
  ])
  func rejectsInvalidParameter(rule: ThresholdRule) {
    #expect(throws: ThresholdError.self) {
      try ThresholdChoice(rule: rule, trainingErrors: [1, 2, 3])
    }
  }

  @Test func fixedReturnsItsValue() throws {
    let choice = try ThresholdChoice(rule: .fixed(0.02))

    #expect(choice.value == 0.02)
    #expect(choice.isPredictedAbnormal(Float(0.02).nextUp))
    #expect(!choice.isPredictedAbnormal(0.02))
  }

  @Test func fixedNegativeZeroReadsAsZero() throws {
    let rule = try ThresholdRule(argument: "fixed:-0")

    guard case .fixed(let value) = rule else {
      Issue.record("expected a fixed rule, got \(rule)")
      return
    }
    #expect(value == 0)
    #expect(value.sign == .plus)
    #expect(rule.argument == "fixed:0.0")
  }
}
