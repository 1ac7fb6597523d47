import Testing

@testable import AnomagramTUI

@Suite struct SparklineTests {
  private func rendered(_ sparkline: Sparkline, width: Int, glyphs: Glyphs = .unicode) -> Canvas {
    var canvas = markedCanvas(width: width, height: 1)
    sparkline.draw(into: &canvas, in: canvas.bounds, glyphs: glyphs)
    return canvas
  }

  @Test func everyLevel() {
    let sparkline = Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7])

    // 0...7 maps to the 8 glyphs one to one.
    #expect(rendered(sparkline, width: 8).text == "▁▂▃▄▅▆▇█")
    #expect(rendered(sparkline, width: 8, glyphs: .ascii).text == "..__==##")
  }

  @Test func shortSeriesLeftAligned() {
    let sparkline = Sparkline(values: [0, 7])

    #expect(rendered(sparkline, width: 4).text == "▁█~~")
  }

  @Test func longSeriesAveraged() {
    let sparkline = Sparkline(values: [0, 2, 4, 6, 8, 10, 12, 14])

    // Runs of two average to 1, 5, 9, 13; over 1...13 these are the
    // fractions 0, 1/3, 2/3, 1, so the levels 0, 2.33 → 2, 4.67 → 5, 7.
    #expect(rendered(sparkline, width: 4).text == "▁▃▆█")
  }

  @Test func equalValuesDrawMiddleLevel() {
    let sparkline = Sparkline(values: [5, 5, 5])

    #expect(rendered(sparkline, width: 3).text == "▄▄▄")
  }

  @Test func nonFiniteValuesLeaveGaps() {
    let sparkline = Sparkline(values: [0, .nan, 7, .infinity])

    #expect(rendered(sparkline, width: 4).text == "▁~█~")
  }

  @Test func runWithoutFiniteValueLeavesGap() {
    let sparkline = Sparkline(values: [.nan, -.infinity, 1, 3])

    // The second run averages to 2, the only column value, so it gets the
    // middle level.
    #expect(rendered(sparkline, width: 2).text == "~▄")
  }

  @Test func givenRangeClampsValues() {
    let sparkline = Sparkline(values: [0, 7, 14, 28, -3], range: 0...14)

    // 7 is half-way: level 3.5, rounded to 4, "▅". 28 and -3 are drawn at
    // the ends.
    #expect(rendered(sparkline, width: 5).text == "▁▅██▁")
  }

  @Test func extremeValuesDoNotOverflow() {
    let sparkline = Sparkline(values: [-.greatestFiniteMagnitude, 0, .greatestFiniteMagnitude])

    // 0 is half-way between the ends: level 3.5, rounded to 4, "▅".
    #expect(rendered(sparkline, width: 3).text == "▁▅█")
  }

  @Test func colorAndTopRowOnly() {
    let sparkline = Sparkline(values: [1, 2], color: .cyan)
    let before = markedCanvas(width: 4, height: 3)
    var canvas = before

    sparkline.draw(into: &canvas, in: Rect(x: 1, y: 1, width: 3, height: 2), glyphs: .unicode)

    #expect(canvas[1, 1] == Cell("▁", foreground: .cyan))
    #expect(canvas[2, 1] == Cell("█", foreground: .cyan))
    #expect(changedCells(outside: Rect(x: 1, y: 1, width: 2, height: 1), before: before, after: canvas).isEmpty)
  }

  @Test func noFiniteValuesDrawNothing() {
    let empty = Sparkline(values: [])
    let invalid = Sparkline(values: [.nan, .infinity], range: 0...1)

    #expect(rendered(empty, width: 3).text == "~~~")
    #expect(rendered(invalid, width: 3).text == "~~~")
  }

  @Test(arguments: tinyRects)
  func tinyRectsStayInside(rect: Rect) {
    let sparkline = Sparkline(values: [3, 1, 4, 1, 5, 9, 2, 6])
    let before = markedCanvas(width: 8, height: 7)
    var canvas = before

    sparkline.draw(into: &canvas, in: rect, glyphs: .unicode)

    #expect(changedCells(outside: rect, before: before, after: canvas).isEmpty)
  }
}
