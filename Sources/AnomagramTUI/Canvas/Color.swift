/// A colour as the terminal names it. The backend maps each to the nearest
/// colour the terminal has, or to none at all.
public enum TerminalColor: Equatable, Hashable, Sendable {
  /// The terminal's own foreground or background.
  case `default`
  /// One of the eight basic colours (0 black to 7 white).
  case basic(UInt8)
  /// One of the 256 indexed colours; shown as `fallback` on 8-colour terminals.
  case indexed(UInt8, fallback: UInt8)

  public static let black = TerminalColor.basic(0)
  public static let red = TerminalColor.basic(1)
  public static let green = TerminalColor.basic(2)
  public static let yellow = TerminalColor.basic(3)
  public static let blue = TerminalColor.basic(4)
  public static let magenta = TerminalColor.basic(5)
  public static let cyan = TerminalColor.basic(6)
  public static let white = TerminalColor.basic(7)
  /// Mid grey, or white on 8-colour terminals.
  public static let gray = TerminalColor.indexed(244, fallback: 7)
  /// Orange, or yellow on 8-colour terminals.
  public static let orange = TerminalColor.indexed(208, fallback: 3)
}

/// How many colours the terminal can show.
public enum ColorSupport: Equatable, Sendable {
  /// Monochrome, or `NO_COLOR` is set: only attributes such as bold.
  case none
  case basic8
  case indexed256
}

/// Text attributes of a cell.
public struct TextStyle: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8

  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  public static let bold = TextStyle(rawValue: 1 << 0)
  public static let dim = TextStyle(rawValue: 1 << 1)
  public static let reverse = TextStyle(rawValue: 1 << 2)
  public static let underline = TextStyle(rawValue: 1 << 3)
}
