/// The characters used for lines, bars and markers: Unicode where the
/// terminal's locale is UTF-8, plain ASCII otherwise or with `--ascii`.
public struct Glyphs: Equatable, Sendable {
  public let isUnicode: Bool
  public let horizontal: Character
  public let vertical: Character
  public let topLeft: Character
  public let topRight: Character
  public let bottomLeft: Character
  public let bottomRight: Character
  /// Progress and histogram bars: a full cell.
  public let fullBlock: Character
  /// Partial vertical bars from 1/8 to 7/8 of a cell, lowest first.
  public let lowerBlocks: [Character]
  /// Light shade for the empty part of a progress bar.
  public let shade: Character
  /// Marks a selected item in a list.
  public let pointer: Character
  /// A marker for one point on a chart.
  public let marker: Character
  /// Arrows used for the decoder and encoder in the layer diagram.
  public let arrowRight: Character
  public let ellipsis: String

  public static let unicode = Glyphs(
    isUnicode: true, horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
    bottomRight: "┘", fullBlock: "█", lowerBlocks: ["▁", "▂", "▃", "▄", "▅", "▆", "▇"], shade: "░",
    pointer: "▶", marker: "●", arrowRight: "→", ellipsis: "…")

  public static let ascii = Glyphs(
    isUnicode: false, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
    bottomRight: "+", fullBlock: "#", lowerBlocks: [".", ".", "_", "_", "=", "=", "#"], shade: ".",
    pointer: ">", marker: "o", arrowRight: ">", ellipsis: "...")
}

extension Canvas {
  /// Draws a frame around `rect` with `title` in its top edge.
  public mutating func drawBox(
    _ rect: Rect, title: String = "", glyphs: Glyphs, color: TerminalColor = .default, style: TextStyle = []
  ) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let right = rect.maxX - 1
    let bottom = rect.maxY - 1
    for column in rect.x + 1..<right {
      self[column, rect.y] = Cell(glyphs.horizontal, foreground: color, style: style)
      self[column, bottom] = Cell(glyphs.horizontal, foreground: color, style: style)
    }
    for row in rect.y + 1..<bottom {
      self[rect.x, row] = Cell(glyphs.vertical, foreground: color, style: style)
      self[right, row] = Cell(glyphs.vertical, foreground: color, style: style)
    }
    self[rect.x, rect.y] = Cell(glyphs.topLeft, foreground: color, style: style)
    self[right, rect.y] = Cell(glyphs.topRight, foreground: color, style: style)
    self[rect.x, bottom] = Cell(glyphs.bottomLeft, foreground: color, style: style)
    self[right, bottom] = Cell(glyphs.bottomRight, foreground: color, style: style)
    if !title.isEmpty, rect.width > 4 {
      let text = " " + title.truncated(to: rect.width - 4, ellipsis: glyphs.ellipsis) + " "
      write(text, x: rect.x + 1, y: rect.y, foreground: color, style: style.union(.bold))
    }
  }
}

extension String {
  /// The string cut to at most `width` characters, ending in `ellipsis`
  /// when it was cut.
  public func truncated(to width: Int, ellipsis: String = "…") -> String {
    guard count > width else { return self }
    guard width > ellipsis.count else { return String(prefix(max(width, 0))) }
    return String(prefix(width - ellipsis.count)) + ellipsis
  }

  /// The string padded with spaces or cut to exactly `width` characters.
  public func padded(to width: Int) -> String {
    count >= width ? String(prefix(width)) : self + String(repeating: " ", count: width - count)
  }

  /// The string padded on the left with spaces to `width` characters.
  public func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}

extension Canvas {
  /// Writes `text` like `write`, but ends it with `ellipsis` where it would
  /// run past the right edge of `clip`, so a cut-off value never reads as
  /// a shorter one. Returns the column after the last character.
  @discardableResult
  public mutating func writeTruncated(
    _ text: String, x: Int, y: Int, foreground: TerminalColor = .default, style: TextStyle = [], clip: Rect,
    ellipsis: String
  ) -> Int {
    let room = clip.maxX - x
    guard room > 0 else { return x }
    return write(
      text.truncated(to: room, ellipsis: ellipsis), x: x, y: y, foreground: foreground, style: style, clip: clip)
  }
}
