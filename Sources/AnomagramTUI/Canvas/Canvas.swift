/// One character cell of the screen.
public struct Cell: Equatable, Hashable, Sendable {
  /// A character one column wide.
  public var character: Character
  public var foreground: TerminalColor
  public var background: TerminalColor
  public var style: TextStyle

  public init(
    _ character: Character = " ", foreground: TerminalColor = .default, background: TerminalColor = .default,
    style: TextStyle = []
  ) {
    self.character = character
    self.foreground = foreground
    self.background = background
    self.style = style
  }

  public static let blank = Cell()
}

/// An in-memory grid of cells that the screens draw into; the terminal
/// backend copies it to the screen, and tests read it as text.
///
/// Drawing outside the grid is clipped silently, so a pane never has to
/// check the screen size before it draws. Every character is taken to be
/// one column wide: the program draws only such characters (ASCII, box
/// drawing, block elements and Braille).
public struct Canvas: Equatable, Sendable {
  public let size: Size
  public private(set) var cells: [Cell]

  public init(size: Size) {
    self.size = Size(width: max(0, size.width), height: max(0, size.height))
    cells = Array(repeating: .blank, count: self.size.width * self.size.height)
  }

  public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

  public subscript(x: Int, y: Int) -> Cell {
    get {
      guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
      return cells[y * size.width + x]
    }
    set {
      guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
      cells[y * size.width + x] = newValue
    }
  }

  /// Writes `text` from `(x, y)` to the right, clipped to `clip` (the whole
  /// canvas by default). Returns the column after the last character.
  @discardableResult
  public mutating func write(
    _ text: String, x: Int, y: Int, foreground: TerminalColor = .default, background: TerminalColor = .default,
    style: TextStyle = [], clip: Rect? = nil
  ) -> Int {
    let area = clip ?? bounds
    var column = x
    for character in text {
      if area.contains(x: column, y: y) {
        self[column, y] = Cell(character, foreground: foreground, background: background, style: style)
      }
      column += 1
    }
    return column
  }

  /// Sets every cell of `rect` to `cell`.
  public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
    for row in rect.y..<rect.maxY {
      for column in rect.x..<rect.maxX {
        self[column, row] = cell
      }
    }
  }

  /// Changes the style and colours of the cells of `rect`, keeping their characters.
  public mutating func restyle(
    _ rect: Rect, foreground: TerminalColor? = nil, background: TerminalColor? = nil, style: TextStyle? = nil
  ) {
    for row in rect.y..<rect.maxY {
      for column in rect.x..<rect.maxX {
        var cell = self[column, row]
        if let foreground { cell.foreground = foreground }
        if let background { cell.background = background }
        if let style { cell.style = style }
        self[column, row] = cell
      }
    }
  }

  /// The characters of one row as a string, trailing spaces kept.
  public func line(_ y: Int) -> String {
    String((0..<size.width).map { self[$0, y].character })
  }

  /// All rows, each with trailing spaces removed, joined by newlines: the
  /// form render tests compare against.
  public var text: String {
    (0..<size.height).map { row in
      var line = self.line(row)
      while line.last == " " { line.removeLast() }
      return line
    }.joined(separator: "\n")
  }
}
