import Testing

@testable import AnomagramCore

/// Metrics are one division of two small integers in `Double`; 1e-12 only
/// absorbs the rounding of that division against a hand-written fraction.
private let tolerance = 1e-12

private func expectClose(
  _ actual: Double?, _ expected: Double?, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  switch (actual, expected) {
  case (nil, nil):
    return
  case (let actual?, let expected?):
    #expect(abs(actual - expected) <= tolerance, "\(name): \(actual) vs \(expected)", sourceLocation: sourceLocation)
  default:
    Issue.record(
      "\(name): \(String(describing: actual)) vs \(String(describing: expected))", sourceLocation: sourceLocation)
  }
}

/// Counts and the metrics worked out by hand for them.
private struct MetricCase: CustomTestStringConvertible, Sendable {
  let label: String
  let counts: ConfusionCounts
  let accuracy: Double?
  let precision: Double?
  let recall: Double?
  let f1: Double?
  let falsePositiveRate: Double?
  let falseNegativeRate: Double?
  let trueNegativeRate: Double?

  var testDescription: String { label }
}

private func counts(tp: Int, fp: Int, tn: Int, fn: Int) -> ConfusionCounts {
  ConfusionCounts(truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn)
}

private let metricCases: [MetricCase] = [
  MetricCase(
    label: "mixed: TP 2, FP 1, TN 2, FN 1", counts: counts(tp: 2, fp: 1, tn: 2, fn: 1),
    accuracy: 4.0 / 6, precision: 2.0 / 3, recall: 2.0 / 3, f1: 4.0 / 6,
    falsePositiveRate: 1.0 / 3, falseNegativeRate: 1.0 / 3, trueNegativeRate: 2.0 / 3),
  MetricCase(
    // Precision 3/4 and recall 3/5: 2PR/(P+R) = (9/10)/(27/20) = 2/3, and
    // 2TP/(2TP+FP+FN) = 6/9 = 2/3.
    label: "unequal precision and recall", counts: counts(tp: 3, fp: 1, tn: 4, fn: 2),
    accuracy: 0.7, precision: 0.75, recall: 0.6, f1: 2.0 / 3,
    falsePositiveRate: 0.2, falseNegativeRate: 0.4, trueNegativeRate: 0.8),
  MetricCase(
    label: "nothing counted", counts: counts(tp: 0, fp: 0, tn: 0, fn: 0),
    accuracy: nil, precision: nil, recall: nil, f1: nil,
    falsePositiveRate: nil, falseNegativeRate: nil, trueNegativeRate: nil),
  MetricCase(
    label: "no positive predictions", counts: counts(tp: 0, fp: 0, tn: 3, fn: 2),
    accuracy: 0.6, precision: nil, recall: 0, f1: 0,
    falsePositiveRate: 0, falseNegativeRate: 1, trueNegativeRate: 1),
  MetricCase(
    label: "no abnormal labels", counts: counts(tp: 0, fp: 1, tn: 2, fn: 0),
    accuracy: 2.0 / 3, precision: 0, recall: nil, f1: 0,
    falsePositiveRate: 1.0 / 3, falseNegativeRate: nil, trueNegativeRate: 2.0 / 3),
  MetricCase(
    label: "no normal labels", counts: counts(tp: 2, fp: 0, tn: 0, fn: 1),
    accuracy: 2.0 / 3, precision: 1, recall: 2.0 / 3, f1: 0.8,
    falsePositiveRate: nil, falseNegativeRate: 1.0 / 3, trueNegativeRate: nil),
  MetricCase(
    label: "only normal, all predicted normal", counts: counts(tp: 0, fp: 0, tn: 4, fn: 0),
    accuracy: 1, precision: nil, recall: nil, f1: nil,
    falsePositiveRate: 0, falseNegativeRate: nil, trueNegativeRate: 1),
]

@Suite struct ConfusionCountsTests {
  @Test func countsHandWorkedSet() {
    // Threshold 0.3: errors 0.4, 0.5 and 0.6 are predicted abnormal. 0.3
    // equals the threshold, so it is predicted normal and, being abnormal,
    // is a false negative.
    let counts = ConfusionCounts(
      errors: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], isAbnormal: [false, false, true, false, true, true], threshold: 0.3)

    #expect(counts.truePositives == 2)
    #expect(counts.falsePositives == 1)
    #expect(counts.trueNegatives == 2)
    #expect(counts.falseNegatives == 1)
  }

  @Test func errorEqualToThresholdIsNormal() {
    #expect(!ConfusionCounts.isPredictedAbnormal(error: 0.5, threshold: 0.5))
    #expect(ConfusionCounts.isPredictedAbnormal(error: Float(0.5).nextUp, threshold: 0.5))
    #expect(!ConfusionCounts.isPredictedAbnormal(error: .nan, threshold: 0.5))
  }

  @Test(arguments: metricCases)
  fileprivate func metrics(of metricCase: MetricCase) {
    let counts = metricCase.counts

    expectClose(counts.accuracy, metricCase.accuracy, "accuracy")
    expectClose(counts.precision, metricCase.precision, "precision")
    expectClose(counts.recall, metricCase.recall, "recall")
    expectClose(counts.truePositiveRate, metricCase.recall, "true positive rate")
    expectClose(counts.f1, metricCase.f1, "F1")
    expectClose(counts.falsePositiveRate, metricCase.falsePositiveRate, "false positive rate")
    expectClose(counts.falseNegativeRate, metricCase.falseNegativeRate, "false negative rate")
    expectClose(counts.trueNegativeRate, metricCase.trueNegativeRate, "true negative rate")
  }

  @Test func totals() {
    let counts = counts(tp: 3, fp: 1, tn: 4, fn: 2)

    #expect(counts.total == 10)
    #expect(counts.positives == 5)
    #expect(counts.negatives == 5)
    #expect(counts.predictedPositives == 4)
  }
}
