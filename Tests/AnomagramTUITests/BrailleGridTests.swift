import Testing

@testable import AnomagramTUI

@Suite struct BrailleGridTests {
  /// Renders `grid` alone into a canvas of its size.
  private func rendered(_ grid: BrailleGrid, glyphs: Glyphs = .unicode) -> Canvas {
    var canvas = Canvas(size: Size(width: grid.width, height: grid.height))
    grid.draw(into: &canvas, x: 0, y: 0, glyphs: glyphs)
    return canvas
  }

  // Unicode numbers the dots 1, 2, 3, 7 down the left column and 4, 5, 6, 8
  // down the right, with bit values 0x01, 0x02, 0x04, 0x40 and 0x08, 0x10,
  // 0x20, 0x80; the character is U+2800 plus the bits.
  @Test(arguments: [
    (0, 0, "⠁"), (0, 1, "⠂"), (0, 2, "⠄"), (0, 3, "⡀"),
    (1, 0, "⠈"), (1, 1, "⠐"), (1, 2, "⠠"), (1, 3, "⢀"),
  ])
  func dotBitsFollowUnicodeNumbering(dotX: Int, dotY: Int, expected: String) {
    var grid = BrailleGrid(width: 1, height: 1)

    grid.set(dotX: dotX, dotY: dotY)

    #expect(rendered(grid).text == expected)
  }

  @Test func allDotsSet() {
    var grid = BrailleGrid(width: 1, height: 1)
    for dotX in 0..<2 {
      for dotY in 0..<4 {
        grid.set(dotX: dotX, dotY: dotY)
      }
    }

    // 0x01 | 0x02 | 0x04 | 0x08 | 0x10 | 0x20 | 0x40 | 0x80 = 0xFF: U+28FF.
    #expect(rendered(grid).text == "⣿")
  }

  @Test func dotsMapToCells() {
    var grid = BrailleGrid(width: 3, height: 2)

    grid.set(dotX: 5, dotY: 7)
    grid.set(dotX: 2, dotY: 4)

    // (5, 7) is in cell (2, 1), right column, fourth row: 0x80, "⢀".
    // (2, 4) is in cell (1, 1), left column, first row: 0x01, "⠁".
    #expect(rendered(grid).text == "\n ⠁⢀")
    #expect(grid.isSet(dotX: 5, dotY: 7))
    #expect(!grid.isSet(dotX: 4, dotY: 7))
  }

  @Test func steepLineHandWorked() {
    var grid = BrailleGrid(width: 3, height: 2)

    grid.drawLine(fromX: 0, fromY: 0, toX: 5, toY: 7)

    // Bresenham with dx = 5, dy = -7, err = dx + dy = -2; each step takes
    // e2 = 2 err, moves x when e2 >= dy and y when e2 <= dx:
    //   (0,0) e2=-4: x, y, err=-4     (1,1) e2=-8: y, err=1
    //   (1,2) e2=2: x, y, err=-1      (2,3) e2=-2: x, y, err=-3
    //   (3,4) e2=-6: x, y, err=-5     (4,5) e2=-10: y, err=0
    //   (4,6) e2=0: x, y, err=-2      (5,7) end
    // Cell (0,0): (0,0) 0x01, (1,1) 0x10, (1,2) 0x20 = 0x31 "⠱".
    // Cell (1,0): (2,3) 0x40 "⡀".  Cell (1,1): (3,4) 0x08 "⠈".
    // Cell (2,1): (4,5) 0x02, (4,6) 0x04, (5,7) 0x80 = 0x86 "⢆".
    #expect(rendered(grid).text == "⠱⡀\n ⠈⢆")
  }

  @Test func steepLineInASCII() {
    var grid = BrailleGrid(width: 3, height: 2)

    grid.drawLine(fromX: 0, fromY: 0, toX: 5, toY: 7)

    // The cells of `steepLineHandWorked`: 0x31 has dots in the top half
    // (0x11) and the bottom half (0x20), so ":"; 0x40 only bottom, ".";
    // 0x08 only top, "'"; 0x86 both, ":".
    #expect(rendered(grid, glyphs: .ascii).text == ":.\n ':")
  }

  @Test func horizontalAndVerticalLines() {
    var wide = BrailleGrid(width: 3, height: 1)
    var tall = BrailleGrid(width: 1, height: 2)

    wide.drawLine(fromX: 0, fromY: 1, toX: 5, toY: 1)
    tall.drawLine(fromX: 1, fromY: 7, toX: 1, toY: 0)

    // Row 1 in every cell: 0x02 | 0x10 = 0x12 "⠒". The right column of
    // both cells: 0x08 | 0x10 | 0x20 | 0x80 = 0xB8 "⢸".
    #expect(rendered(wide).text == "⠒⠒⠒")
    #expect(rendered(tall).text == "⢸\n⢸")
  }

  @Test func lineClippedToGrid() {
    var grid = BrailleGrid(width: 3, height: 1)
    var outside = BrailleGrid(width: 3, height: 1)

    grid.drawLine(fromX: -1_000_000_000, fromY: 1, toX: 1_000_000_000, toY: 1)
    outside.drawLine(fromX: -10, fromY: -5, toX: 20, toY: -1)

    #expect(rendered(grid).text == "⠒⠒⠒")
    #expect(rendered(outside).text == "")
  }

  @Test func fractionalLineSkipsNonFiniteEnds() {
    var grid = BrailleGrid(width: 2, height: 1)

    grid.drawLine(from: (0, 0), to: (.nan, 3), color: .red)
    grid.drawLine(from: (1, 0), to: (.infinity, 0), color: .red)
    grid.set(point: (.infinity, 1), color: .red)
    grid.set(point: (1, .nan), color: .red)

    #expect(rendered(grid).text == "")
  }

  @Test func fractionalLineWithFarEnds() {
    var grid = BrailleGrid(width: 2, height: 1)

    grid.drawLine(from: (-1e12, 0), to: (1e12, 0), color: .red)

    // Clipped to x 0...3 on the top dot row: 0x01 | 0x08 = 0x09 in both cells.
    #expect(rendered(grid).text == "⠉⠉")
  }

  @Test func lineBetweenLargestDoublesDoesNotTrap() {
    var grid = BrailleGrid(width: 2, height: 1)
    let before = markedCanvas(width: 4, height: 3)
    var canvas = before

    grid.drawLine(from: (-.greatestFiniteMagnitude, 1), to: (.greatestFiniteMagnitude, 1), color: .red)
    grid.drawLine(
      from: (-.greatestFiniteMagnitude, -.greatestFiniteMagnitude),
      to: (.greatestFiniteMagnitude, .greatestFiniteMagnitude), color: .red)
    grid.draw(into: &canvas, x: 1, y: 1, glyphs: .unicode)

    // The ends differ by more than the largest `Double`, which must not
    // overflow into NaN and trap in `Int(_:)`. Near 1e308 a `Double` cannot
    // tell dot 0 from dot 3, so the test checks only that the first line
    // set some dot of its row.
    #expect((0..<4).contains { grid.isSet(dotX: $0, dotY: 1) })
    #expect(changedCells(outside: Rect(x: 1, y: 1, width: 2, height: 1), before: before, after: canvas).isEmpty)
  }

  @Test func lastColorInCellWins() {
    var grid = BrailleGrid(width: 2, height: 1)

    grid.set(dotX: 0, dotY: 0, color: .red)
    grid.set(dotX: 1, dotY: 3, color: .blue, style: .bold)
    grid.set(dotX: 2, dotY: 0, color: .green)
    let canvas = rendered(grid)

    #expect(canvas[0, 0] == Cell("⢁", foreground: .blue, style: .bold))
    #expect(canvas[1, 0] == Cell("⠁", foreground: .green))
  }

  @Test func emptyCellsLeaveCanvasAlone() {
    var grid = BrailleGrid(width: 3, height: 2)
    grid.set(dotX: 2, dotY: 4)
    let before = markedCanvas(width: 6, height: 4)
    var canvas = before

    grid.draw(into: &canvas, x: 2, y: 1, glyphs: .unicode)

    #expect(canvas.text == "~~~~~~\n~~~~~~\n~~~⠁~~\n~~~~~~")
    #expect(changedCells(outside: Rect(x: 3, y: 2, width: 1, height: 1), before: before, after: canvas).isEmpty)
  }

  @Test func drawingPastCanvasEdgeIsClipped() {
    var grid = BrailleGrid(width: 2, height: 2)
    grid.drawLine(fromX: 0, fromY: 0, toX: 3, toY: 7)
    var canvas = Canvas(size: Size(width: 1, height: 1))

    grid.draw(into: &canvas, x: -1, y: -1, glyphs: .unicode)

    // Only grid cell (1, 1) lands on the canvas. Bresenham from (0,0) to
    // (3,7) sets (0,0), (0,1), (1,2), (1,3), (2,4), (2,5), (3,6), (3,7),
    // and cell (1, 1) contains (2,4) 0x01, (2,5) 0x02, (3,6) 0x20 and (3,7)
    // 0x80 = 0xA3 "⢣".
    #expect(canvas.text == "⢣")
  }

  @Test func outOfRangeDotsIgnored() {
    var grid = BrailleGrid(width: 1, height: 1)

    grid.set(dotX: -1, dotY: 0)
    grid.set(dotX: 2, dotY: 0)
    grid.set(dotX: 0, dotY: 4)

    #expect(rendered(grid).text == "")
    #expect(!grid.isSet(dotX: -1, dotY: 0))
  }

  @Test func emptyGridDrawsNothing() {
    var grid = BrailleGrid(width: 0, height: -2)
    grid.set(dotX: 0, dotY: 0)
    grid.drawLine(fromX: 0, fromY: 0, toX: 5, toY: 5)
    let before = markedCanvas(width: 2, height: 2)
    var canvas = before

    grid.draw(into: &canvas, x: 0, y: 0, glyphs: .unicode)

    #expect(grid.dotWidth == 0)
    #expect(grid.dotHeight == 0)
    #expect(canvas == before)
  }
}
