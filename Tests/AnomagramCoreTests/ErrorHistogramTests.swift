import Testing

@testable import AnomagramCore

@Suite struct ErrorHistogramTests {
  @Test func binsHandWorked() {
    // Range 0...1 in 4 bins of width 0.25: [0, 0.25), [0.25, 0.5),
    // [0.5, 0.75), [0.75, 1]. -3 and 7 are outside and go to the edge bins.
    let errors: [Float] = [0, 0.1, 0.25, 0.5, 0.74, 0.75, 1, -3, 7]
    let labels = [false, true, false, false, true, true, false, true, false]

    let histogram = ErrorHistogram(errors: errors, isAbnormal: labels, range: 0...1, binCount: 4)

    // Bin of each error: 0, 0, 1, 2, 2, 3, 3, 0, 3.
    #expect(histogram.normalCounts == [1, 1, 1, 2])
    #expect(histogram.abnormalCounts == [2, 0, 1, 1])
    #expect(histogram.totalCounts == [3, 1, 2, 3])
    #expect(histogram.binCount == 4)
    #expect(histogram.binWidth == 0.25)
  }

  @Test(arguments: [
    (Float(-1), 0), (0, 0), (0.1999, 0), (0.2, 1), (0.5, 2), (0.999, 4), (1, 4), (1.5, 4),
    (-Float.infinity, 0), (Float.infinity, 4),
  ])
  func binIndexClampsToEdges(error: Float, bin: Int) {
    let histogram = ErrorHistogram(errors: [], isAbnormal: [], range: 0...1, binCount: 5)

    #expect(histogram.binIndex(of: error) == bin)
  }

  @Test func binEdges() {
    let histogram = ErrorHistogram(errors: [], isAbnormal: [], range: 1...3, binCount: 4)

    #expect(histogram.edges(ofBin: 0) == (lower: 1, upper: 1.5))
    #expect(histogram.edges(ofBin: 3) == (lower: 2.5, upper: 3))
  }

  @Test func automaticRangeSpansErrors() {
    let histogram = ErrorHistogram(
      errors: [0.5, 2, 1, .infinity], isAbnormal: [false, true, false, true], binCount: 3)

    // Finite errors span 0.5...2 in bins of 0.5; infinity goes to the last bin.
    #expect(histogram.lowerBound == 0.5)
    #expect(histogram.upperBound == 2)
    #expect(histogram.normalCounts == [1, 1, 0])
    #expect(histogram.abnormalCounts == [0, 0, 2])
  }

  @Test func automaticRangeOfEqualErrors() {
    let histogram = ErrorHistogram(errors: [4, 4, 4], isAbnormal: [false, true, false], binCount: 5)

    // Half-width max(0.5, 4/4) = 1: range 3...5, and 4 is in the middle bin.
    #expect(histogram.lowerBound == 3)
    #expect(histogram.upperBound == 5)
    #expect(histogram.normalCounts == [0, 0, 2, 0, 0])
    #expect(histogram.abnormalCounts == [0, 0, 1, 0, 0])
  }

  @Test func automaticRangeWithoutErrors() {
    let histogram = ErrorHistogram(errors: [], isAbnormal: [], binCount: 2)

    #expect(histogram.lowerBound == 0)
    #expect(histogram.upperBound == 1)
    #expect(histogram.totalCounts == [0, 0])
  }

  @Test func countsEverySampleOnce() {
    var generator = SeededGenerator(seed: 5)
    let errors = (0..<500).map { _ in generator.nextUnitFloat() * 3 - 1 }
    let labels = (0..<500).map { _ in generator.nextIndex(below: 2) == 0 }

    let histogram = ErrorHistogram(errors: errors, isAbnormal: labels, range: 0...1, binCount: 7)

    #expect(histogram.normalCounts.reduce(0, +) == labels.count(where: { !$0 }))
    #expect(histogram.abnormalCounts.reduce(0, +) == labels.count(where: { $0 }))
  }
}
