import Testing

@testable import AnomagramTUI

@Suite struct ChartLayoutTests {
  @Test(arguments: [(0, 0), (1, 1), (2, 1), (3, 1), (4, 1), (5, 2), (9, 6)])
  func plotRowCount(height: Int, rows: Int) {
    let rect = Rect(x: 0, y: 0, width: 10, height: height)

    #expect(ChartLayout.plotRowCount(in: rect) == rows)
    #expect(ChartLayout(rect: rect, yLabelWidth: 2).plot.height == rows)
  }

  @Test func partsOfFullLayout() {
    let layout = ChartLayout(rect: Rect(x: 1, y: 2, width: 12, height: 6), yLabelWidth: 3)

    #expect(layout.legendRow == 2)
    #expect(layout.plot == Rect(x: 5, y: 3, width: 8, height: 3))
    #expect(layout.xLabelRow == 7)
    #expect(layout.hasAxes)
    #expect(layout.yLabelWidth == 3)
  }

  @Test func smallHeightsDropParts() {
    let three = ChartLayout(rect: Rect(x: 0, y: 0, width: 10, height: 3), yLabelWidth: 1)
    let two = ChartLayout(rect: Rect(x: 0, y: 0, width: 10, height: 2), yLabelWidth: 1)

    #expect(three.legendRow == nil)
    #expect(three.xLabelRow == 2)
    #expect(two.legendRow == nil)
    #expect(two.xLabelRow == nil)
    #expect(two.plot == Rect(x: 2, y: 0, width: 8, height: 1))
  }

  @Test func oneColumnOrRowHasNoAxes() {
    let column = ChartLayout(rect: Rect(x: 3, y: 1, width: 1, height: 6), yLabelWidth: 2)
    let row = ChartLayout(rect: Rect(x: 3, y: 1, width: 6, height: 1), yLabelWidth: 2)

    #expect(!column.hasAxes)
    #expect(column.plot == Rect(x: 3, y: 1, width: 1, height: 6))
    #expect(!row.hasAxes)
    #expect(row.plot == Rect(x: 3, y: 1, width: 6, height: 1))
  }

  @Test func yLabelsDroppedWhenPlotTooNarrow() {
    // 3 label columns and the axis leave 4 plot columns at width 8, 3 at 7.
    let fits = ChartLayout(rect: Rect(x: 0, y: 0, width: 8, height: 5), yLabelWidth: 3)
    let dropped = ChartLayout(rect: Rect(x: 0, y: 0, width: 7, height: 5), yLabelWidth: 3)

    #expect(fits.yLabelWidth == 3)
    #expect(fits.plot.width == 4)
    #expect(dropped.yLabelWidth == 0)
    #expect(dropped.plot.width == 6)
  }

  @Test(arguments: [(4, nil), (5, 2), (6, 2), (7, 3)] as [(Int, Int?)])
  func middleLabelRow(plotRows: Int, row: Int?) {
    #expect(ChartLayout.middleLabelRow(plotRows: plotRows) == row)
  }

  @Test func legendKeepsWholeItems() {
    let layout = ChartLayout(rect: Rect(x: 1, y: 0, width: 12, height: 5), yLabelWidth: 1)
    var canvas = markedCanvas(width: 14, height: 1)

    layout.drawLegend(
      into: &canvas,
      items: [
        .init(marker: "*", color: .red, text: "ab"), .init(marker: "*", color: .blue, text: "cd"),
        .init(marker: "*", color: .green, text: "long"),
      ])

    // "* ab  * cd" is 10 columns; "  * long" would end at column 19.
    #expect(canvas.line(0) == "~* ab  * cd~~~")
    #expect(canvas[1, 0] == Cell("*", foreground: .red))
    #expect(canvas[7, 0] == Cell("*", foreground: .blue))
  }
}
