import Testing

@testable import AnomagramTUI

@Suite struct LineChartTests {
  private func rendered(_ chart: LineChart, width: Int, height: Int, glyphs: Glyphs = .unicode) -> Canvas {
    var canvas = Canvas(size: Size(width: width, height: height))
    chart.draw(into: &canvas, in: canvas.bounds, glyphs: glyphs)
    return canvas
  }

  private let staircase = LineChart.Series(
    name: "a", points: [(0, 0), (1, 1), (2, 2), (3, 3)], color: .blue)

  // A 10 × 5 chart: legend on row 0, 2 plot rows, the x axis on row 3 and
  // the x labels on row 4. The y labels "3" and "0" take column 0 and the
  // y axis column 1, so the plot is 8 × 2 cells, 16 × 8 dots.
  //
  // x 0...3 maps to dot x 0...15: 0, 5, 10, 15. y 3...0 maps to dot y
  // 0...7: y 1 to 4.67 and y 2 to 2.33, rounded to 5 and 2. Bresenham sets
  //   (0,7)-(5,5):  (0,7) (1,7) (2,6) (3,6) (4,5) (5,5)
  //   (5,5)-(10,2): (6,4) (7,4) (8,3) (9,3) (10,2)
  //   (10,2)-(15,0): (11,2) (12,1) (13,1) (14,0) (15,0)
  // Each pair of dots shares a cell and a dot row. So cells 0-3 of plot
  // row 1 are 0xC0 "⣀", 0x24 "⠤", 0x12 "⠒", 0x09 "⠉", and cells 4-7 of
  // plot row 0 are the same.
  private let staircaseText = """
    ─ a 3
    3│    ⣀⠤⠒⠉
    0│⣀⠤⠒⠉
     └────────
      0      3
    """

  @Test func tinyChartHandWorked() {
    let chart = LineChart(series: [staircase], yRange: 0...3)

    #expect(rendered(chart, width: 10, height: 5).text == staircaseText)
  }

  @Test func tinyChartInASCII() {
    let chart = LineChart(series: [staircase], yRange: 0...3)

    // The cells of `tinyChartHandWorked`: 0xC0 and 0x24 light only the
    // bottom half ("."), 0x12 and 0x09 only the top half ("'").
    let expected = """
      - a 3
      3|    ..''
      0|..''
       +--------
        0      3
      """
    #expect(rendered(chart, width: 10, height: 5, glyphs: .ascii).text == expected)
  }

  @Test func colorsOfSeriesAxesAndLegend() {
    let other = LineChart.Series(name: "b", points: [(0, 3), (3, 3)], color: .red)
    let chart = LineChart(series: [staircase, other], yRange: 0...3, axisColor: .gray)

    let canvas = rendered(chart, width: 10, height: 5)

    #expect(canvas[1, 1].foreground == .gray)
    #expect(canvas[1, 3].foreground == .gray)
    #expect(canvas[2, 2].foreground == .blue)
    // The top-right cell contains dots of both series; the later one colours it.
    #expect(canvas[9, 1].foreground == .red)
    #expect(canvas[0, 0] == Cell("─", foreground: .blue))
  }

  @Test func legendListsEverySeriesThatFits() {
    let other = LineChart.Series(name: "b", points: [(0, 3), (3, 3)], color: .red)
    let chart = LineChart(series: [staircase, other], yRange: 0...3)

    // "─ a 3" and "─ b 3" need 5 + 2 + 5 = 12 columns. In 10 the names
    // alone keep both series. In 5 no form fits, so only the first item
    // is written.
    let wide = rendered(chart, width: 12, height: 5)
    #expect(wide.line(0) == "─ a 3  ─ b 3")
    #expect(wide[7, 0] == Cell("─", foreground: .red))
    #expect(rendered(chart, width: 10, height: 5).line(0) == "─ a  ─ b  ")
    #expect(rendered(chart, width: 5, height: 5).line(0) == "─ a 3")
  }

  @Test func legendFallsBackToShortNames() {
    let first = LineChart.Series(name: "train", points: [(0, 1), (1, 2)], color: .blue)
    let second = LineChart.Series(name: "validation", shortName: "val.", points: [(0, 2), (1, 1)], color: .red)
    let chart = LineChart(series: [first, second])

    // The names need 7 + 2 + 12 = 21 columns; the short names 7 + 2 + 6 = 15.
    #expect(rendered(chart, width: 16, height: 5).line(0) == "─ train  ─ val. ")
  }

  @Test func dottedSeriesHasOwnGlyphs() {
    let solid = LineChart.Series(name: "a", points: [(0, 1), (3, 1)], color: .default)
    let dotted = LineChart.Series(name: "b", points: [(0, 0), (3, 0)], color: .default, pattern: .dotted)
    let chart = LineChart(series: [solid, dotted], xRange: 0...3, yRange: 0...1)

    // 6 plot columns are 12 dot columns. The solid line at the top sets
    // both dots of each cell's top row ("⠉"). The dotted one at the bottom
    // sets only even dot columns, the left dot of each bottom row ("⡀").
    // In ASCII the dotted line's cells show "+". The legend has room for
    // the names only.
    let unicode = rendered(chart, width: 8, height: 5)
    #expect(unicode.line(0) == "─ a  ┄ b")
    #expect(unicode.line(1) == "1│⠉⠉⠉⠉⠉⠉")
    #expect(unicode.line(2) == "0│⡀⡀⡀⡀⡀⡀")
    let ascii = rendered(chart, width: 8, height: 5, glyphs: .ascii)
    #expect(ascii.line(0) == "- a  + b")
    #expect(ascii.line(2) == "0|++++++")
  }

  @Test func legendShowsLatestFiniteValue() {
    let series = LineChart.Series(name: "loss", points: [(1, 0.5), (2, 0.25), (3, .nan)], color: .blue)
    let chart = LineChart(series: [series])

    #expect(rendered(chart, width: 20, height: 5).line(0).hasPrefix("─ loss 0.25 "))
  }

  @Test func logScaleHandWorked() {
    let series = LineChart.Series(name: "a", points: [(0, 1), (1, 10), (2, 100), (3, 1000)], color: .blue)
    let chart = LineChart(series: [series], yScale: .log10, yRange: 1...1000)

    // log10 of the values is 0, 1, 2, 3 over the range log10 1...1000 =
    // 0...3: the staircase of `tinyChartHandWorked`. The labels "1000" and
    // "1" take 4 columns, so the chart is 3 columns wider for the same plot.
    let expected = """
      ─ a 1000
      1000│    ⣀⠤⠒⠉
         1│⣀⠤⠒⠉
          └────────
           0      3
      """
    #expect(rendered(chart, width: 13, height: 5).text == expected)
  }

  @Test func logScaleSkipsZeroAndNegative() {
    let series = LineChart.Series(
      name: "a", points: [(0, 1), (0.5, -4), (1, 0), (2, 100), (3, 1000)], color: .blue)
    let chart = LineChart(series: [series], yScale: .log10, yRange: 1...1000)

    // The points at x 0.5 and 1 are skipped and break the line. (0, 1) is
    // a lone dot at (0, 7), in cell 0 of plot row 1: 0x40 "⡀". (2, 100) and
    // (3, 1000) are joined as in `tinyChartHandWorked`, in cells 5-7 of
    // plot row 0.
    let expected = """
      ─ a 1000
      1000│     ⠤⠒⠉
         1│⡀
          └────────
           0      3
      """
    #expect(rendered(chart, width: 13, height: 5).text == expected)
  }

  @Test func logScaleComputedRange() {
    let series = LineChart.Series(name: "a", points: [(1, 0.01), (2, 1)], color: .blue)
    let chart = LineChart(series: [series], yScale: .log10)

    // log10 spans -2...0; 5 % headroom makes it -2.1...0.1, and
    // 10^0.1 = 1.2589, 10^-2.1 = 0.0079433. The tolerance allows for the
    // rounding of log10(0.01).
    let range = chart.computedYRange()
    #expect(abs(range.lower + 2.1) < 1e-12)
    #expect(abs(range.upper - 0.1) < 1e-12)
    let canvas = rendered(chart, width: 20, height: 5)
    #expect(canvas.line(1).hasPrefix("   1.26│"))
    #expect(canvas.line(2).hasPrefix("0.00794│"))
  }

  @Test func linearRangeKeepsZeroFloor() {
    let series = LineChart.Series(name: "a", points: [(1, 0.01), (2, 1)], color: .blue)
    let negative = LineChart.Series(name: "b", points: [(1, -1), (2, 1)], color: .red)

    // 0.01...1 with 5 % of 0.99 above and below would be -0.0395...1.0495;
    // without negative data the lower end stops at 0. With -1...1 it may
    // go below 0: -1.1...1.1. The tolerance covers rounding of the sums.
    let floor = LineChart(series: [series]).computedYRange()
    let belowZero = LineChart(series: [negative]).computedYRange()
    #expect(floor.lower == 0)
    #expect(abs(floor.upper - 1.0495) < 1e-12)
    #expect(abs(belowZero.lower + 1.1) < 1e-12)
    #expect(abs(belowZero.upper - 1.1) < 1e-12)
  }

  @Test func middleLabelWhenRoomy() {
    let chart = LineChart(series: [staircase], yRange: 0...19)

    // 8 rows leave 5 plot rows and a label on the middle one, row 2. Its
    // dots are 8...11 of 0...19, centre 9.5, so the label is 19 - 9.5 = 9.5.
    let canvas = rendered(chart, width: 12, height: 8)
    #expect(canvas.line(1).hasPrefix(" 19│"))
    #expect(canvas.line(3).hasPrefix("9.5│"))
    #expect(canvas.line(5).hasPrefix("  0│"))
    #expect(canvas.line(2).hasPrefix("   │"))
  }

  @Test func emptyChartShowsNoDataNote() {
    let chart = LineChart(series: [])

    // Without data both ranges are 0...1. The note is centred in the
    // 10 × 2 plot: column 2 + (10 - 7) / 2 = 3, row 1 + (2 - 1) / 2 = 1.
    let expected = """

      1│ no data
      0│
       └──────────
        0        1
      """
    #expect(rendered(chart, width: 12, height: 5).text == expected)
  }

  @Test func seriesWithoutValidPointsShowsNoDataNote() {
    let series = LineChart.Series(
      name: "a", points: [(.nan, 1), (1, .infinity), (-.infinity, 2)], color: .blue)
    let chart = LineChart(series: [series])

    let canvas = rendered(chart, width: 12, height: 5)
    #expect(canvas.line(0) == "─ a -       ")
    #expect(canvas.line(1) == "1│ no data  ")
  }

  @Test func singlePointSitsInMiddle() {
    let series = LineChart.Series(name: "p", points: [(5, 2)], color: .blue)
    let chart = LineChart(series: [series])

    // x 5 widens to 4...6 and y 2 to 1...3 (half its magnitude either
    // side). In the 16 × 8 dots the point is at (7.5, 3.5), rounded to
    // (8, 4): cell 4 of plot row 1, top-left dot 0x01 "⠁".
    let expected = """
      ─ p 2
      3│
      1│    ⠁
       └────────
        4      6
      """
    #expect(rendered(chart, width: 10, height: 5).text == expected)
  }

  @Test func equalValuesDrawFlatLine() {
    let series = LineChart.Series(name: "p", points: [(0, 2), (1, 2), (2, 2)], color: .blue)
    let chart = LineChart(series: [series])

    // y 2 widens to 1...3 and maps to dot row 3.5, rounded to 4: the top
    // dot row of plot row 1, 0x01 | 0x08 = 0x09 "⠉" in every cell.
    let expected = """
      ─ p 2
      3│
      1│⠉⠉⠉⠉⠉⠉⠉⠉
       └────────
        0      2
      """
    #expect(rendered(chart, width: 10, height: 5).text == expected)
  }

  @Test func nonFinitePointBreaksLine() {
    let series = LineChart.Series(
      name: "a", points: [(0, 0), (1, .nan), (2, 2), (3, 3), (.infinity, 1)], color: .blue)
    let chart = LineChart(series: [series], yRange: 0...3)

    // As in `tinyChartHandWorked`, without the segments that touch x 1:
    // (0, 0) is a lone dot (0, 7) "⡀", and (2, 2)-(3, 3) is cells 5-7 of
    // plot row 0.
    let expected = """
      ─ a 3
      3│     ⠤⠒⠉
      0│⡀
       └────────
        0      3
      """
    #expect(rendered(chart, width: 10, height: 5).text == expected)
  }

  @Test func givenRangeClipsPoints() {
    let series = LineChart.Series(name: "a", points: [(0, -3), (3, 6)], color: .blue)
    let chart = LineChart(series: [series], xRange: 0...3, yRange: 0...3)

    // The line y = 3x - 3 enters the range at (1, 0) and leaves at (2, 3),
    // so it is clipped to the dots (5, 7)-(10, 0). Bresenham sets (5,7)
    // (6,6) (6,5) (7,4) (8,3) (9,2) (9,1) (10,0): plot row 1 gets cell 2
    // 0x80 "⢀" and cell 3 0x04 | 0x02 | 0x08 = 0x0E "⠎", plot row 0 cell 4
    // 0x40 | 0x20 | 0x10 = 0x70 "⡰" and cell 5 0x01 "⠁".
    let expected = """
      ─ a 6
      3│    ⡰⠁
      0│  ⢀⠎
       └────────
        0      3
      """
    #expect(rendered(chart, width: 10, height: 5).text == expected)
  }

  @Test func xLabelsDroppedWhenTooNarrow() {
    let series = LineChart.Series(name: "a", points: [(1000, 1), (2000, 2)], color: .blue)
    let chart = LineChart(series: [series], yRange: 0...2)

    // The plot is 6 columns: "1000 2000" needs 9, "1000" alone fits.
    #expect(rendered(chart, width: 8, height: 5).line(4) == "  1000  ")
    // At width 4 the y labels would leave 2 plot columns, so they go and
    // the plot is 3 columns, too narrow for "1000".
    #expect(rendered(chart, width: 4, height: 5).line(4) == "    ")
  }

  @Test(arguments: tinyRects)
  func tinyRectsStayInside(rect: Rect) {
    let chart = LineChart(series: [staircase])
    let before = markedCanvas(width: 8, height: 7)
    var canvas = before

    chart.draw(into: &canvas, in: rect, glyphs: .unicode)

    #expect(changedCells(outside: rect, before: before, after: canvas).isEmpty)
  }

  @Test func largeChartStaysInside() {
    let chart = LineChart(series: [staircase], yScale: .log10)
    let rect = Rect(x: 3, y: 2, width: 30, height: 12)
    let before = markedCanvas(width: 40, height: 16)
    var canvas = before

    chart.draw(into: &canvas, in: rect, glyphs: .unicode)

    #expect(changedCells(outside: rect, before: before, after: canvas).isEmpty)
  }

  @Test func oneRowChartIsPlotOnly() {
    let chart = LineChart(series: [staircase], yRange: 0...3)

    // No axes: the whole 4 × 1 row is the plot, 8 × 4 dots. The points map
    // to x 0, 2.33, 4.67, 7 and y 3, 2, 1, 0.
    let canvas = rendered(chart, width: 4, height: 1)
    #expect(!canvas.line(0).contains("│"))
    #expect(!canvas.line(0).contains(" "))
  }
}
