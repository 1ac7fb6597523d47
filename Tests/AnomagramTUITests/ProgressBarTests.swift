import Testing

@testable import AnomagramTUI

@Suite struct ProgressBarTests {
  private func rendered(_ bar: ProgressBar, width: Int, glyphs: Glyphs = .unicode) -> Canvas {
    var canvas = Canvas(size: Size(width: width, height: 1))
    bar.draw(into: &canvas, in: canvas.bounds, glyphs: glyphs)
    return canvas
  }

  @Test func halfFull() {
    let bar = ProgressBar(fraction: 0.5)

    #expect(rendered(bar, width: 10).text == "█████░░░░░")
    #expect(rendered(bar, width: 10, glyphs: .ascii).text == "#####.....")
  }

  @Test func labelAfterBar() {
    let bar = ProgressBar(fraction: 0.5, label: "5/10")

    // The label and its space take 5 of 14 columns; half of the 9 left is
    // 4.5, rounded down to 4.
    #expect(rendered(bar, width: 14).text == "████░░░░░ 5/10")
    #expect(rendered(bar, width: 14, glyphs: .ascii).text == "####..... 5/10")
  }

  @Test func labelDroppedWhenBarTooShort() {
    let bar = ProgressBar(fraction: 0.5, label: "5/10")

    // With the label, 8 columns would leave a 3-cell bar.
    #expect(rendered(bar, width: 8).text == "████░░░░")
  }

  @Test(arguments: [
    (0.999, "█████████░"), (1, "██████████"), (1.5, "██████████"), (0, "░░░░░░░░░░"),
    (-0.2, "░░░░░░░░░░"), (.nan, "░░░░░░░░░░"), (0.09, "░░░░░░░░░░"), (0.1, "█░░░░░░░░░"),
  ])
  func fractionRoundedDownAndClamped(fraction: Double, expected: String) {
    #expect(rendered(ProgressBar(fraction: fraction), width: 10).text == expected)
  }

  @Test func colors() {
    let bar = ProgressBar(fraction: 0.5, label: "x", color: .green, emptyColor: .gray)

    let canvas = rendered(bar, width: 10)

    #expect(canvas[0, 0] == Cell("█", foreground: .green))
    #expect(canvas[7, 0] == Cell("░", foreground: .gray))
    #expect(canvas[9, 0] == Cell("x"))
  }

  @Test func topRowOfRectOnly() {
    let bar = ProgressBar(fraction: 0.25, label: "a")
    let rect = Rect(x: 1, y: 1, width: 8, height: 2)
    let before = markedCanvas(width: 10, height: 4)
    var canvas = before

    bar.draw(into: &canvas, in: rect, glyphs: .unicode)

    // 6 bar cells, 1.5 of them filled, rounded down to 1.
    #expect(canvas.line(1) == "~█░░░░░ a~")
    #expect(changedCells(outside: Rect(x: 1, y: 1, width: 8, height: 1), before: before, after: canvas).isEmpty)
  }

  @Test(arguments: tinyRects)
  func tinyRectsStayInside(rect: Rect) {
    let bar = ProgressBar(fraction: 0.6, label: "60%")
    let before = markedCanvas(width: 8, height: 7)
    var canvas = before

    bar.draw(into: &canvas, in: rect, glyphs: .unicode)

    #expect(changedCells(outside: rect, before: before, after: canvas).isEmpty)
  }
}
