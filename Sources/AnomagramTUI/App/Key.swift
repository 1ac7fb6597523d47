/// A key press as the app sees it, independent of the terminal library.
public enum Key: Equatable, Hashable, Sendable {
  /// A printable character, including space.
  case character(Character)
  /// A letter typed with the Control key, lowercase (`.control("c")` for Ctrl-C).
  case control(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace, delete
  /// A function key, F1 to F12.
  case function(Int)
}

/// A mouse action at a cell, as terminals report them in SGR mouse mode.
public struct MouseEvent: Equatable, Hashable, Sendable {
  public enum Kind: Equatable, Hashable, Sendable {
    case press
    case release
    /// Movement with a button held.
    case drag
    case scrollUp
    case scrollDown
  }

  public var kind: Kind
  /// 0-based column and row.
  public var x: Int
  public var y: Int

  public init(kind: Kind, x: Int, y: Int) {
    self.kind = kind
    self.x = x
    self.y = y
  }
}
