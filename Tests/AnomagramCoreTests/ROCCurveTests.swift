import Testing

@testable import AnomagramCore

/// AUC values are a ratio of exact integer counts, divided once in `Double`.
/// 1e-12 only absorbs the different rounding of the expected fraction.
private let tolerance = 1e-12

/// Errors, labels and the AUC worked out by hand.
private struct AUCCase: CustomTestStringConvertible, Sendable {
  let label: String
  let errors: [Float]
  let isAbnormal: [Bool]
  let auc: Double

  var testDescription: String { label }
}

private let aucCases: [AUCCase] = [
  AUCCase(
    label: "perfect separation", errors: [0.1, 0.2, 0.8, 0.9], isAbnormal: [false, false, true, true], auc: 1),
  AUCCase(
    label: "reversed", errors: [0.1, 0.2, 0.8, 0.9], isAbnormal: [true, true, false, false], auc: 0),
  AUCCase(
    label: "all tied", errors: [0.5, 0.5, 0.5, 0.5, 0.5], isAbnormal: [true, false, false, true, false], auc: 0.5),
  AUCCase(
    // Pairs (abnormal, normal): (9, 9) tie ½, (9, 5) win 1, (5, 9) loss 0,
    // (5, 5) tie ½: 2 of 4.
    label: "scores [9, 9, 5, 5]", errors: [9, 9, 5, 5], isAbnormal: [true, false, true, false], auc: 0.5),
  AUCCase(
    // Abnormal 0.9, 0.8, 0.6 against normal 0.8, 0.6, 0.6, 0.3 (P 3, N 4):
    // 0.9 beats all four: 4. 0.8 ties 0.8 and beats 0.6, 0.6, 0.3: 3.5.
    // 0.6 loses to 0.8, ties both 0.6 and beats 0.3: 2. U = 9.5, AUC 9.5/12.
    label: "ties across classes", errors: [0.9, 0.8, 0.8, 0.6, 0.6, 0.6, 0.3],
    isAbnormal: [true, true, false, true, false, false, false], auc: 19.0 / 24),
  AUCCase(
    label: "one inversion", errors: [1, 2, 3, 4], isAbnormal: [false, true, false, true], auc: 0.75),
]

/// Random errors on a coarse grid, so that ties across classes are common.
private func randomLabelledErrors(count: Int, seed: UInt64) -> (errors: [Float], isAbnormal: [Bool]) {
  var generator = SeededGenerator(seed: seed)
  var errors = [Float]()
  var isAbnormal = [Bool]()
  for _ in 0..<count {
    let abnormal = generator.nextIndex(below: 3) == 0
    // Abnormal samples get somewhat larger errors, so the AUC is not 0.5.
    let level = generator.nextIndex(below: 12) + (abnormal ? 3 : 0)
    errors.append(Float(level) * 0.125)
    isAbnormal.append(abnormal)
  }
  return (errors, isAbnormal)
}

/// Returns the AUC by its definition: the share of (abnormal, normal) pairs
/// in which the abnormal error is larger, with ties counted ½.
private func bruteForceAUC(errors: [Float], isAbnormal: [Bool]) -> Double {
  var twiceWins = 0
  var pairs = 0
  for (positive, positiveIsAbnormal) in zip(errors, isAbnormal) where positiveIsAbnormal {
    for (negative, negativeIsAbnormal) in zip(errors, isAbnormal) where !negativeIsAbnormal {
      pairs += 1
      if positive > negative {
        twiceWins += 2
      } else if positive == negative {
        twiceWins += 1
      }
    }
  }
  return Double(twiceWins) / Double(2 * pairs)
}

@Suite struct ROCCurveTests {
  @Test(arguments: aucCases)
  fileprivate func aucHandWorked(_ aucCase: AUCCase) throws {
    let curve = ROCCurve(errors: aucCase.errors, isAbnormal: aucCase.isAbnormal)

    let auc = try #require(curve.auc)
    #expect(abs(auc - aucCase.auc) <= tolerance, "AUC \(auc), expected \(aucCase.auc)")
  }

  @Test(arguments: [
    ("only normal", [Float(0.1), 0.2], [false, false]),
    ("only abnormal", [Float(0.1), 0.2], [true, true]),
    ("empty", [Float](), [Bool]()),
  ])
  func missingClassHasNoCurve(label: String, errors: [Float], isAbnormal: [Bool]) {
    let curve = ROCCurve(errors: errors, isAbnormal: isAbnormal)

    #expect(curve.auc == nil, "\(label)")
    #expect(curve.points.isEmpty, "\(label)")
  }

  @Test func pointsHandWorked() {
    // The "ties across classes" set. Threshold 0.9 flags nothing, and 0.8
    // flags the abnormal 0.9. Threshold 0.6 adds both 0.8 (one of each
    // class), and 0.3 adds the three 0.6 (one abnormal). The last threshold
    // flags everything.
    let curve = ROCCurve(
      errors: [0.9, 0.8, 0.8, 0.6, 0.6, 0.6, 0.3], isAbnormal: [true, true, false, true, false, false, false])

    #expect(curve.points.map(\.threshold) == [0.9, 0.8, 0.6, 0.3, Float(0.3).nextDown])
    #expect(curve.points.map(\.counts.truePositives) == [0, 1, 2, 3, 3])
    #expect(curve.points.map(\.counts.falsePositives) == [0, 0, 1, 3, 4])
    let expectedRates: [(Double, Double)] = [(0, 0), (0, 1.0 / 3), (0.25, 2.0 / 3), (0.75, 1), (1, 1)]
    for (point, (falsePositiveRate, truePositiveRate)) in zip(curve.points, expectedRates) {
      #expect(abs(point.falsePositiveRate - falsePositiveRate) <= tolerance, "FPR at \(point.threshold)")
      #expect(abs(point.truePositiveRate - truePositiveRate) <= tolerance, "TPR at \(point.threshold)")
    }
    #expect(curve.positiveCount == 3)
    #expect(curve.negativeCount == 4)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func pointsAgreeWithConfusionCounts(seed: UInt64) {
    let (errors, isAbnormal) = randomLabelledErrors(count: 60, seed: seed)
    let curve = ROCCurve(errors: errors, isAbnormal: isAbnormal)

    for point in curve.points {
      let counts = ConfusionCounts(errors: errors, isAbnormal: isAbnormal, threshold: point.threshold)
      #expect(point.counts == counts, "threshold \(point.threshold)")
    }
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func pointsRunFromOriginToCorner(seed: UInt64) throws {
    let (errors, isAbnormal) = randomLabelledErrors(count: 60, seed: seed)
    let curve = ROCCurve(errors: errors, isAbnormal: isAbnormal)

    let first = try #require(curve.points.first)
    let last = try #require(curve.points.last)
    #expect(first.falsePositiveRate == 0)
    #expect(first.truePositiveRate == 0)
    #expect(last.falsePositiveRate == 1)
    #expect(last.truePositiveRate == 1)
    #expect(curve.points.count == Set(errors).count + 1)
    for (earlier, later) in zip(curve.points, curve.points.dropFirst()) {
      #expect(later.threshold < earlier.threshold)
      #expect(later.falsePositiveRate >= earlier.falsePositiveRate)
      #expect(later.truePositiveRate >= earlier.truePositiveRate)
    }
  }

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func aucMatchesBruteForcePairCount(seed: UInt64) throws {
    let (errors, isAbnormal) = randomLabelledErrors(count: 40 + Int(seed) * 37, seed: seed)
    let curve = ROCCurve(errors: errors, isAbnormal: isAbnormal)

    let auc = try #require(curve.auc)
    let expected = bruteForceAUC(errors: errors, isAbnormal: isAbnormal)
    #expect(abs(auc - expected) <= tolerance, "AUC \(auc), brute force \(expected)")
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func aucEqualsTrapezoidArea(seed: UInt64) throws {
    let (errors, isAbnormal) = randomLabelledErrors(count: 80, seed: seed)
    let curve = ROCCurve(errors: errors, isAbnormal: isAbnormal)

    var area = 0.0
    for (left, right) in zip(curve.points, curve.points.dropFirst()) {
      area += (right.falsePositiveRate - left.falsePositiveRate) * (left.truePositiveRate + right.truePositiveRate) / 2
    }
    let auc = try #require(curve.auc)
    // The trapezoid sum adds up to 81 rounded terms, hence 1e-12.
    #expect(abs(auc - area) <= tolerance)
  }

  @Test func infiniteErrorRanksHighest() throws {
    let curve = ROCCurve(errors: [.infinity, 0.5, 0.2], isAbnormal: [true, false, true])

    let auc = try #require(curve.auc)
    #expect(abs(auc - 0.5) <= tolerance)
    #expect(curve.points.first?.threshold == .infinity)
  }
}
