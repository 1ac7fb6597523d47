import AnomagramCore
import Testing

@testable import AnomagramTUI

@Suite struct HistogramChartTests {
  private func rendered(_ chart: HistogramChart, width: Int, height: Int, glyphs: Glyphs = .unicode) -> Canvas {
    var canvas = Canvas(size: Size(width: width, height: height))
    chart.draw(into: &canvas, in: canvas.bounds, glyphs: glyphs)
    return canvas
  }

  /// Returns a histogram over `range` in `normal.count` bins with the given
  /// counts, placing each sample at the centre of its bin.
  private func histogram(normal: [Int], abnormal: [Int], range: ClosedRange<Float>) -> ErrorHistogram {
    let width = (range.upperBound - range.lowerBound) / Float(normal.count)
    var errors: [Float] = []
    var labels: [Bool] = []
    for bin in normal.indices {
      let centre = range.lowerBound + (Float(bin) + 0.5) * width
      errors += Array(repeating: centre, count: normal[bin] + abnormal[bin])
      labels += Array(repeating: false, count: normal[bin]) + Array(repeating: true, count: abnormal[bin])
    }
    return ErrorHistogram(errors: errors, isAbnormal: labels, range: range, binCount: normal.count)
  }

  /// Returns whether a "│" appears right of the y axis on the plot rows 1
  /// and 2 of a 5-row chart with one-character y labels.
  private func plotHasLine(_ canvas: Canvas) -> Bool {
    (1...2).contains { canvas.line($0).dropFirst(2).contains("│") }
  }

  /// Normal counts [4, 2, 0, 0] and abnormal [0, 1, 3, 4] over 0...4.
  private var fourBins: ErrorHistogram {
    histogram(normal: [4, 2, 0, 0], abnormal: [0, 1, 3, 4], range: 0...4)
  }

  // A 10 × 5 chart: legend row, 2 plot rows (16 eighths), the x axis and
  // its labels. The y labels "4" and "0" and the axis take 2 columns, so 8
  // plot columns give 4 bins of one normal and one abnormal column.
  // Heights are count / 4 × 16 eighths: 4 → 16 (two full rows), 3 → 12
  // (full, then "▄"), 2 → 8 (one full row), 1 → 4 ("▄").
  // Columns 2-9: normal 16, abnormal 0, normal 8, abnormal 4, normal 0,
  // abnormal 12, normal 0, abnormal 16. The threshold 2 is in bin 2,
  // [2, 3), at fraction 0 of its two columns: column 2 + 4 = 6.
  // The legend "█ normal  █ abnormal  │ threshold 2" is cut to the items
  // that fit whole in 10 columns.
  @Test func barsHandWorked() {
    let chart = HistogramChart(histogram: fourBins, threshold: 2)

    let expected = """
      █ normal
      4│█   │▄ █
      0│█ █▄│█ █
       └────────
        0      4
      """
    #expect(rendered(chart, width: 10, height: 5).text == expected)
  }

  @Test func barsInASCII() {
    let chart = HistogramChart(histogram: fourBins, threshold: 2)

    // As in `barsHandWorked`, with "#" for the full block, "_" for the
    // half block and "|" for the threshold line.
    let expected = """
      # normal
      4|#   |_ #
      0|# #_|# #
       +--------
        0      4
      """
    #expect(rendered(chart, width: 10, height: 5, glyphs: .ascii).text == expected)
  }

  @Test func classAndThresholdColors() {
    let chart = HistogramChart(
      histogram: fourBins, threshold: 2, normalColor: .green, abnormalColor: .red, thresholdColor: .yellow,
      axisColor: .gray)

    let canvas = rendered(chart, width: 10, height: 5)

    #expect(canvas[2, 2] == Cell("█", foreground: .green))
    #expect(canvas[5, 2] == Cell("▄", foreground: .red))
    #expect(canvas[9, 1] == Cell("█", foreground: .red))
    #expect(canvas[6, 1] == Cell("│", foreground: .yellow))
    #expect(canvas[6, 2] == Cell("│", foreground: .yellow))
    #expect(canvas[1, 2].foreground == .gray)
    #expect(canvas[0, 0] == Cell("█", foreground: .green))
  }

  @Test func legendWithThreshold() {
    let chart = HistogramChart(histogram: fourBins, threshold: 2.5)

    let canvas = rendered(chart, width: 40, height: 5)

    #expect(canvas.line(0).hasPrefix("█ normal  █ abnormal  │ threshold 2.5 "))
    #expect(canvas[10, 0] == Cell("█", foreground: .red))
    #expect(canvas[22, 0] == Cell("│", foreground: .yellow))
  }

  @Test func thresholdOutsideRangeIsNotDrawn() {
    let chart = HistogramChart(histogram: fourBins, threshold: 7)

    let canvas = rendered(chart, width: 50, height: 5)

    #expect(canvas.line(0).hasPrefix("█ normal  █ abnormal  │ threshold 7 (off chart)"))
    #expect(!plotHasLine(canvas))
  }

  @Test(arguments: [
    (Float(0), 2), (1.9, 5), (2, 6), (2.5, 7), (4, 9),
  ])
  func thresholdColumn(threshold: Float, column: Int) {
    let chart = HistogramChart(histogram: fourBins, threshold: threshold)

    // Each bin of width 1 spans two columns from 2 + 2 bin, and the
    // threshold's fraction of its bin picks one. 1.9 is 0.9 into bin 1
    // (columns 4-5), so column 4 + 1. 2.5 is half-way into bin 2, so column
    // 6 + 1. 4 is the upper edge, in the last column.
    let canvas = rendered(chart, width: 10, height: 5)
    #expect(canvas[column, 1] == Cell("│", foreground: .yellow))
  }

  @Test func logScaleHandWorked() {
    let counts = histogram(normal: [100, 0], abnormal: [0, 1], range: 0...2)
    let linear = HistogramChart(histogram: counts)
    let logarithmic = HistogramChart(histogram: counts, countScale: .log1p)

    // 2 plot rows are 16 eighths. Linear: 1 / 100 × 16 = 0.16 rounds to 0
    // and is raised to the minimum of 1 eighth, "▁". log1p: log 2 / log 101
    // × 16 = 0.693 / 4.615 × 16 = 2.40, rounded to 2 eighths, "▂".
    let linearText = """
      █ normal
      100│█
        0│█  ▁
         └────
          0  2
      """
    #expect(rendered(linear, width: 8, height: 5).text == linearText)
    #expect(rendered(logarithmic, width: 8, height: 5).line(2) == "  0│█  ▂")
  }

  @Test func middleLabelOnEachScale() {
    let counts = histogram(normal: [100, 0], abnormal: [0, 1], range: 0...2)

    // 8 rows leave 5 plot rows; row 2 from the top has its centre at
    // 2.5 / 5 = 0.5 of the height: 50 on a linear scale and
    // expm1(0.5 × log1p(100)) = √101 − 1 = 9.05 on a log scale, shown as
    // the whole count 9, whose height log1p(9) / log1p(100) = 0.499 lies
    // in the same row (0.4 to 0.6).
    let linear = rendered(HistogramChart(histogram: counts), width: 12, height: 8)
    let logarithmic = rendered(HistogramChart(histogram: counts, countScale: .log1p), width: 12, height: 8)
    #expect(linear.line(3).hasPrefix(" 50│"))
    #expect(logarithmic.line(3).hasPrefix("  9│"))
  }

  @Test func middleLabelOnlyWholeCounts() {
    let counts = histogram(normal: [3, 0], abnormal: [0, 1], range: 0...2)

    // The middle row (heights 0.4 to 0.6 of the top) has its centre at
    // the count 1.5. That rounds to 2, at height 2/3, in the row above,
    // and down to 1, at 1/3, in the row below, so the label is left out.
    let canvas = rendered(HistogramChart(histogram: counts), width: 12, height: 8)
    #expect(canvas.line(1).hasPrefix("3│"))
    #expect(canvas.line(3).hasPrefix(" │"))
    #expect(canvas.line(5).hasPrefix("0│"))

    // With a top count of 5 the centre is 2.5. It rounds to 3, at height
    // 0.6, which is the next row's, and the other way to 2, at 0.4.
    let five = histogram(normal: [5, 0], abnormal: [0, 1], range: 0...2)
    #expect(rendered(HistogramChart(histogram: five), width: 12, height: 8).line(3).hasPrefix("2│"))
  }

  @Test func abnormalBlockMarksAbnormalBars() {
    let counts = histogram(normal: [2], abnormal: [2], range: 0...1)
    let chart = HistogramChart(histogram: counts, abnormalBlock: "▒")

    // One bin, 9 columns per class: both bars fill the plot's 2 rows.
    let canvas = rendered(chart, width: 20, height: 5)
    #expect(canvas.line(0) == "█ normal  ▒ abnormal")
    #expect(canvas.line(1) == "2│█████████▒▒▒▒▒▒▒▒▒")
    #expect(canvas.line(2) == "0│█████████▒▒▒▒▒▒▒▒▒")
  }

  @Test func abnormalBlockBarsUseWholeCells() {
    // Normal 4, abnormal 1 and 3 in two bins; 2 plot rows of 8 eighths.
    // Abnormal 1 is 1/4 × 16 = 4 eighths, rounded to 1 whole cell (0.5
    // rounds up); abnormal 3 is 12 eighths, rounded to 2 cells (1.5 up).
    let counts = histogram(normal: [4, 0], abnormal: [1, 3], range: 0...2)
    let chart = HistogramChart(histogram: counts, abnormalBlock: "▒")

    let canvas = rendered(chart, width: 6, height: 5)

    #expect(canvas.line(1) == "4│█  ▒")
    #expect(canvas.line(2) == "0│█▒ ▒")
  }

  @Test func binsMergedWhenNarrow() {
    let counts = histogram(normal: [1, 2, 3, 4], abnormal: [4, 0, 0, 1], range: 0...4)
    let chart = HistogramChart(histogram: counts)

    // 4 plot columns hold 2 groups: bins 0-1 (normal 3, abnormal 4) and
    // bins 2-3 (normal 7, abnormal 1). With 1 plot row of 8 eighths:
    // 3 / 7 × 8 = 3.43 → 3 "▃", 4 / 7 × 8 = 4.57 → 5 "▅", 7 → "█",
    // 1 / 7 × 8 = 1.14 → 1 "▁".
    let canvas = rendered(chart, width: 6, height: 3)
    #expect(canvas.text == "7│▃▅█▁\n └────\n  0  4")
  }

  @Test func leftoverColumnsStayEmpty() {
    let counts = histogram(normal: [1, 0], abnormal: [0, 1], range: 0...2)
    let chart = HistogramChart(histogram: counts, threshold: 2)

    // 9 plot columns for 2 bins: 2 columns per class, 8 used, the ninth
    // empty. The right x label and the threshold at the upper edge end at
    // the eighth, where the line hides the abnormal bar's second column.
    let canvas = rendered(chart, width: 11, height: 3)
    #expect(canvas.text == "1│██    █│\n └─────────\n  0      2")
  }

  @Test func emptyHistogramShowsNoDataNote() {
    let empty = ErrorHistogram(errors: [], isAbnormal: [], range: 0...1, binCount: 4)
    let chart = HistogramChart(histogram: empty)

    // With no samples the count axis is 0...1. The note is centred in the
    // 10 × 2 plot, at column 2 + 1 on its first row. The 4 bins use 8 of
    // the 10 plot columns, so the right x label ends at column 9.
    let expected = """
      █ normal
      1│ no data
      0│
       └──────────
        0      1
      """
    #expect(rendered(chart, width: 12, height: 5).text == expected)
  }

  @Test func nanThresholdIsNotDrawn() {
    let chart = HistogramChart(histogram: fourBins, threshold: .nan)

    let canvas = rendered(chart, width: 50, height: 5)

    #expect(canvas.line(0).hasPrefix("█ normal  █ abnormal  │ threshold - (off chart)"))
    #expect(!plotHasLine(canvas))
  }

  @Test(arguments: tinyRects)
  func tinyRectsStayInside(rect: Rect) {
    let chart = HistogramChart(histogram: fourBins, threshold: 2, countScale: .log1p)
    let before = markedCanvas(width: 8, height: 7)
    var canvas = before

    chart.draw(into: &canvas, in: rect, glyphs: .unicode)

    #expect(changedCells(outside: rect, before: before, after: canvas).isEmpty)
  }

  @Test func largeChartStaysInside() {
    let counts = histogram(normal: Array(0..<30), abnormal: Array((0..<30).reversed()), range: 0...0.3)
    let chart = HistogramChart(histogram: counts, threshold: 0.15)
    let rect = Rect(x: 3, y: 2, width: 45, height: 12)
    let before = markedCanvas(width: 50, height: 16)
    var canvas = before

    chart.draw(into: &canvas, in: rect, glyphs: .unicode)

    #expect(changedCells(outside: rect, before: before, after: canvas).isEmpty)
  }

  @Test(arguments: [(1, 1, [0..<1]), (4, 2, [0..<2, 2..<4]), (5, 2, [0..<2, 2..<5]), (3, 3, [0..<1, 1..<2, 2..<3])])
  func binGroups(binCount: Int, groupCount: Int, expected: [Range<Int>]) {
    let columns = HistogramChart.BinColumns(binCount: binCount, plotWidth: 2 * groupCount)

    #expect(columns.groupCount == groupCount)
    #expect((0..<groupCount).map { columns.bins(ofGroup: $0) } == expected)
    for (group, bins) in expected.enumerated() {
      for bin in bins {
        #expect(columns.group(ofBin: bin) == group, "bin \(bin)")
      }
    }
  }
}
