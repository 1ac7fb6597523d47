/// A grid of dots drawn with Unicode Braille patterns: `width` × `height`
/// cells hold `2 width` × `4 height` dots, so a chart gets twice the
/// horizontal and four times the vertical resolution of plain characters.
///
/// Dot `(0, 0)` is the top-left dot; `dotX` grows to the right and `dotY`
/// downwards. Inside a cell, the dots map to the bits of the pattern
/// `U+2800 + bits` as Unicode numbers them:
///
/// ```
/// dot 1 = 0x01   dot 4 = 0x08
/// dot 2 = 0x02   dot 5 = 0x10
/// dot 3 = 0x04   dot 6 = 0x20
/// dot 7 = 0x40   dot 8 = 0x80
/// ```
///
/// Each cell has one colour and style, because a terminal cell has one
/// foreground: the last `set` or line that touches a cell chooses them, so
/// draw the most important layer last.
///
/// Without Unicode (`glyphs.isUnicode` is false), a cell with any dot set
/// shows which half of it is lit. It is `'` when only the top two dot rows
/// are, `.` when only the bottom two are, and `:` when both are.
///
/// A dot may be set with a mark, a character that its cell then shows in
/// place of the dots, so that series can differ by glyph where the
/// terminal shows no colours.
public struct BrailleGrid: Equatable, Sendable {
  /// The width in cells.
  public let width: Int
  /// The height in cells.
  public let height: Int
  /// The dot pattern of each cell, row by row.
  private var patterns: [UInt8]
  /// The colour and style of each cell, row by row.
  private var inks: [Ink]

  private struct Ink: Equatable, Sendable {
    var color: TerminalColor
    var style: TextStyle
    /// The character the cell shows in place of its dots, or `nil` for the dots.
    var mark: Character?
  }

  /// The pattern of the dots a line sets between its ends.
  public enum LinePattern: Sendable {
    /// Every dot.
    case solid
    /// Every other dot along the line's longer axis, at even dot columns
    /// (or rows), so joined segments keep one rhythm.
    case dotted
  }

  /// Creates an empty grid of `width` × `height` cells; negative sizes count as 0.
  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    patterns = Array(repeating: 0, count: self.width * self.height)
    inks = Array(repeating: Ink(color: .default, style: [], mark: nil), count: self.width * self.height)
  }

  /// The number of dot columns, `2 width`.
  public var dotWidth: Int { width * 2 }
  /// The number of dot rows, `4 height`.
  public var dotHeight: Int { height * 4 }

  /// Sets one dot and gives its cell `color`, `style` and `mark`. Dots
  /// outside the grid are ignored, so callers can draw shapes that run over
  /// its edges.
  public mutating func set(
    dotX: Int, dotY: Int, color: TerminalColor = .default, style: TextStyle = [], mark: Character? = nil
  ) {
    guard dotX >= 0, dotY >= 0, dotX < dotWidth, dotY < dotHeight else { return }
    let index = (dotY / 4) * width + dotX / 2
    patterns[index] |= Self.bit(dotX: dotX, dotY: dotY)
    inks[index] = Ink(color: color, style: style, mark: mark)
  }

  /// Returns whether the dot at `(dotX, dotY)` is set; dots outside the grid are not.
  public func isSet(dotX: Int, dotY: Int) -> Bool {
    guard dotX >= 0, dotY >= 0, dotX < dotWidth, dotY < dotHeight else { return false }
    return patterns[(dotY / 4) * width + dotX / 2] & Self.bit(dotX: dotX, dotY: dotY) != 0
  }

  /// Sets the dots of the straight line between two dots, both ends
  /// included, with Bresenham's algorithm (J. E. Bresenham, "Algorithm for
  /// computer control of a digital plotter", IBM Systems Journal 4(1), 1965).
  ///
  /// The line is first clipped to the grid, so a far-away end costs no
  /// time. When an end lies outside the grid, the clipped end is rounded to
  /// the nearest dot, and the dots can differ by one from those of the
  /// unclipped line.
  public mutating func drawLine(
    fromX x0: Int, fromY y0: Int, toX x1: Int, toY y1: Int, color: TerminalColor = .default, style: TextStyle = []
  ) {
    drawLine(from: (Double(x0), Double(y0)), to: (Double(x1), Double(y1)), color: color, style: style)
  }

  /// Sets the dots of the line between two points given in fractional dot
  /// coordinates, rounding each clipped end to the nearest dot. Charts map
  /// data to these coordinates; an end that is not finite draws nothing.
  mutating func drawLine(
    from start: (x: Double, y: Double), to end: (x: Double, y: Double), color: TerminalColor, style: TextStyle = [],
    pattern: LinePattern = .solid, mark: Character? = nil
  ) {
    guard dotWidth > 0, dotHeight > 0 else { return }
    let box = (maxX: Double(dotWidth - 1), maxY: Double(dotHeight - 1))
    guard let (clippedStart, clippedEnd) = Self.clip(from: start, to: end, maxX: box.maxX, maxY: box.maxY) else {
      return
    }
    // `Int(_:)` traps on values that are not finite, and clamping keeps a
    // rounding error of the clip from leaving the grid.
    let ends = [clippedStart.x, clippedStart.y, clippedEnd.x, clippedEnd.y]
    guard ends.allSatisfy(\.isFinite) else { return }
    func dot(_ value: Double, _ maximum: Double) -> Int {
      Int(min(max(value, 0), maximum).rounded())
    }
    bresenham(
      fromX: dot(clippedStart.x, box.maxX), fromY: dot(clippedStart.y, box.maxY),
      toX: dot(clippedEnd.x, box.maxX), toY: dot(clippedEnd.y, box.maxY),
      ink: Ink(color: color, style: style, mark: mark), pattern: pattern)
  }

  /// Sets the dot nearest to a point in fractional dot coordinates; points
  /// outside the grid or not finite are ignored.
  mutating func set(
    point: (x: Double, y: Double), color: TerminalColor, style: TextStyle = [], mark: Character? = nil
  ) {
    guard point.x.isFinite, point.y.isFinite else { return }
    let x = point.x.rounded()
    let y = point.y.rounded()
    guard x >= 0, y >= 0, x < Double(dotWidth), y < Double(dotHeight) else { return }
    set(dotX: Int(x), dotY: Int(y), color: color, style: style, mark: mark)
  }

  /// Returns the character of cell `(column, row)`: its mark when the last
  /// dot set in it had one, otherwise its dots. Returns `nil` when the
  /// cell has no dot set or lies outside the grid.
  public func character(column: Int, row: Int, glyphs: Glyphs) -> Character? {
    guard column >= 0, row >= 0, column < width, row < height else { return nil }
    let pattern = patterns[row * width + column]
    guard pattern != 0 else { return nil }
    if let mark = inks[row * width + column].mark {
      return mark
    }
    if glyphs.isUnicode {
      return Character(Unicode.Scalar(0x2800 + UInt32(pattern))!)
    }
    // Dots 1, 2, 4 and 5 are the top two rows; dots 3, 6, 7 and 8 the bottom two.
    let top = pattern & 0x1B != 0
    let bottom = pattern & 0xE4 != 0
    switch (top, bottom) {
    case (true, true): return ":"
    case (true, false): return "'"
    default: return "."
    }
  }

  /// Draws the grid with its top-left cell at `(x, y)`. Cells without dots
  /// are left as they are, so the grid can be laid over text or axes.
  public func draw(into canvas: inout Canvas, x: Int, y: Int, glyphs: Glyphs) {
    for row in 0..<height {
      for column in 0..<width {
        guard let character = character(column: column, row: row, glyphs: glyphs) else { continue }
        let ink = inks[row * width + column]
        canvas[x + column, y + row] = Cell(character, foreground: ink.color, style: ink.style)
      }
    }
  }

  // MARK: - Helpers

  private static func bit(dotX: Int, dotY: Int) -> UInt8 {
    let row = dotY % 4
    let isRight = dotX % 2 == 1
    if row == 3 {
      return isRight ? 0x80 : 0x40
    }
    return UInt8(1 << row) << (isRight ? 3 : 0)
  }

  /// Bresenham's line for all octants, with the error term
  /// `err = dx + dy` where `dy` is negative. A dotted line sets the dots
  /// at even positions of the longer axis, which advances by one each step.
  private mutating func bresenham(
    fromX x0: Int, fromY y0: Int, toX x1: Int, toY y1: Int, ink: Ink, pattern: LinePattern
  ) {
    let dx = abs(x1 - x0)
    let dy = -abs(y1 - y0)
    let isMostlyHorizontal = dx >= -dy
    let stepX = x0 < x1 ? 1 : -1
    let stepY = y0 < y1 ? 1 : -1
    var error = dx + dy
    var x = x0
    var y = y0
    while true {
      if pattern == .solid || (isMostlyHorizontal ? x : y) % 2 == 0 {
        set(dotX: x, dotY: y, color: ink.color, style: ink.style, mark: ink.mark)
      }
      if x == x1 && y == y1 { break }
      let doubledError = 2 * error
      if doubledError >= dy {
        error += dy
        x += stepX
      }
      if doubledError <= dx {
        error += dx
        y += stepY
      }
    }
  }

  /// Clips the segment to the box `[0, maxX] × [0, maxY]` with the
  /// Liang–Barsky algorithm. Returns `nil` when no part of it is inside or
  /// an end is not finite.
  ///
  /// The differences are taken of halved coordinates and the clipped ends
  /// are computed as `start (1 - t) + end t`, so no step overflows for any
  /// finite ends. Far beyond the grid, rounding can still move the clipped
  /// ends, but never outside the box by more than a rounding error.
  private static func clip(
    from start: (x: Double, y: Double), to end: (x: Double, y: Double), maxX: Double, maxY: Double
  ) -> ((x: Double, y: Double), (x: Double, y: Double))? {
    guard start.x.isFinite, start.y.isFinite, end.x.isFinite, end.y.isFinite else { return nil }
    let halfDX = end.x / 2 - start.x / 2
    let halfDY = end.y / 2 - start.y / 2
    var entering = 0.0
    var leaving = 1.0
    // Each pair is (p, q) of one edge: the point at t is inside that edge
    // where t p <= q.
    let edges = [
      (-halfDX, start.x / 2), (halfDX, maxX / 2 - start.x / 2),
      (-halfDY, start.y / 2), (halfDY, maxY / 2 - start.y / 2),
    ]
    for (p, q) in edges {
      if p == 0 {
        if q < 0 { return nil }
        continue
      }
      let t = q / p
      if p < 0 {
        entering = max(entering, t)
      } else {
        leaving = min(leaving, t)
      }
    }
    guard entering <= leaving else { return nil }
    func point(at t: Double) -> (x: Double, y: Double) {
      (start.x * (1 - t) + end.x * t, start.y * (1 - t) + end.y * t)
    }
    return (point(at: entering), point(at: leaving))
  }
}
