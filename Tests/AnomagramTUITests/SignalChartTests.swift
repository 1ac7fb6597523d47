import Testing

@testable import AnomagramTUI

@Suite struct SignalChartTests {
  private func rendered(_ chart: SignalChart, width: Int, height: Int, glyphs: Glyphs = .unicode) -> Canvas {
    var canvas = Canvas(size: Size(width: width, height: height))
    chart.draw(into: &canvas, in: canvas.bounds, glyphs: glyphs)
    return canvas
  }

  // A 12 × 7 chart: legend row, 3 plot rows (1 to 3), the error row (4),
  // the axis (5) and the x labels (6). The labels "1" and "0" are one
  // column wide, so the plot is columns 2 to 11: 20 dot columns, 12 dot
  // rows. Both points are 1, the top of the range, so the line runs along
  // dot row 0 from dot column 0 to 19: "⠉" (dots 1 and 4) in every cell.
  // The legend has room for the series only ("▆ point error" would need
  // 15 more columns).
  //
  // Errors: point 0 lies in column 0 and point 1 (dot column 19) in
  // column 9. The other columns take the nearest point: column c's centre
  // is dot 2c + 0.5, which is point round((2c + 0.5) / 19): 0 up to column
  // 4, 1 from column 5. Point 0's error, 0.5, is the full scale, "█".
  //
  // The brush covers both points: "━" under columns 0 and 9, then "▲"
  // over the second for the cursor.
  @Test func lineErrorsAndBrush() {
    let chart = SignalChart(
      series: [.init(name: "s", values: [1, 1], color: .cyan)], valueRange: 0...1, pointErrors: [0.5, 0],
      errorFullScale: 0.5, brush: (0...1, 1))

    let canvas = rendered(chart, width: 12, height: 7)

    #expect(
      canvas.text == """
        ─ s
        1│⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉
         │
        0│
         │█████
         └━────────▲
          1        2
        """)
    #expect(canvas[2, 1].foreground == .cyan)
    #expect(canvas[2, 4].foreground == .orange)
    #expect(canvas[11, 5].foreground == .yellow)
  }

  // With ASCII glyphs the line reads "'" (top half), the bar "#", the
  // brush "=" and "^".
  @Test func asciiGlyphs() {
    let chart = SignalChart(
      series: [.init(name: "s", values: [1, 1], color: .cyan)], valueRange: 0...1, pointErrors: [0.5, 0],
      errorFullScale: 0.5, brush: (0...1, 1))

    #expect(
      rendered(chart, width: 12, height: 7, glyphs: .ascii).text == """
        - s
        1|''''''''''
         |
        0|
         |#####
         +=--------^
          1        2
        """)
  }

  // Error levels round to eighths of the full scale: 0.05 of 0.4 is one
  // eighth, "▁"; 0.2 is four, "▄"; 0.01 rounds to none and stays blank.
  // The plot is 4 columns wide (x 2 to 5, the narrowest that keeps the y
  // labels), 8 dot columns: the points lie at dots 0, 3.5 and 7, which
  // round to columns 0, 2 and 3. Column 1 takes the point nearest to its
  // centre, round(2.5 × 2 / 7) = 1. Values outside the range are
  // clipped, so no dot is drawn.
  @Test func errorLevels() {
    let chart = SignalChart(
      series: [.init(name: "s", values: [5, 5, 5], color: .cyan)], valueRange: 0...1,
      pointErrors: [0.05, 0.2, 0.01], errorFullScale: 0.4)

    let canvas = rendered(chart, width: 6, height: 7)

    #expect(canvas.line(4) == " │▁▄▄ ")
    #expect(canvas.line(1) == "1│    ")
  }

  // The middle label needs 5 plot rows: a 9-row chart has 6 chart rows,
  // 5 for the plot after the error row. The middle row (2) is centred on
  // dot row 9.5 of 0...19: 1.25 - 9.5 / 19 × 1.5 = 0.5.
  @Test func middleLabel() {
    let chart = SignalChart(series: [], valueRange: -0.25...1.25)

    let canvas = rendered(chart, width: 20, height: 9)

    #expect(canvas.line(1).hasPrefix(" 1.25│"))
    #expect(canvas.line(3).hasPrefix("  0.5│"))
    #expect(canvas.line(5).hasPrefix("-0.25│"))
    #expect(canvas.line(6).hasPrefix("     │"))
    #expect(canvas.line(7).hasPrefix("     └"))
    #expect(SignalChart.plotRect(in: canvas.bounds, valueRange: -0.25...1.25) == Rect(x: 6, y: 1, width: 14, height: 5))
  }

  // MARK: - Mapping

  /// Plot columns and the points nearest to their centres, for 24 and
  /// 140 points in 72 columns (144 dot columns): `round((2c + 0.5) (n - 1)
  /// / 143)`.
  static let columnPoints: [(count: Int, column: Int, point: Int)] = [
    (24, 0, 0), (24, 36, 12), (24, 71, 23), (24, 3, 1),
    (140, 0, 0), (140, 1, 2), (140, 36, 70), (140, 71, 139),
  ]

  @Test("point at column", arguments: columnPoints.indices)
  func pointAtColumn(index: Int) {
    let (count, column, point) = Self.columnPoints[index]

    #expect(SignalChart.point(atColumn: column, count: count, plotWidth: 72) == point)
  }

  // Point i lies at dot column i × 143 / (n - 1), in cell column dot / 2.
  // Point 12 of 24 is at dot 74.6 → 75, column 37. Point 70 of 140 is at
  // dot 72.01 → 72, column 36. A single point sits in the middle, dot
  // 71.5, which rounds to 72, column 36.
  @Test func columnOfPoint() {
    #expect(SignalChart.column(ofPoint: 12, count: 24, plotWidth: 72) == 37)
    #expect(SignalChart.column(ofPoint: 70, count: 140, plotWidth: 72) == 36)
    #expect(SignalChart.column(ofPoint: 23, count: 24, plotWidth: 72) == 71)
    #expect(SignalChart.column(ofPoint: 0, count: 1, plotWidth: 72) == 36)
  }

  // Row r's centre is dot row 4r + 1.5 of 0...(4 H - 1): 15 rows give 60
  // dot rows, so row 0 is 1.5 / 59 of the way down and row 14 57.5 / 59.
  @Test func valueAtRow() {
    let range = -0.25...1.25

    #expect(abs(SignalChart.value(atRow: 0, plotHeight: 15, range: range) - 1.211864) < 1e-6)
    #expect(abs(SignalChart.value(atRow: 7, plotHeight: 15, range: range) - 0.5) < 1e-12)
    #expect(abs(SignalChart.value(atRow: 14, plotHeight: 15, range: range) - (-0.211864)) < 1e-6)
  }
}
