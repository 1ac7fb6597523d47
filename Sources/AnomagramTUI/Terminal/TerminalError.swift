/// A reason the terminal could not be opened for the full-screen app.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Standard input or standard output is not a terminal, for example a pipe.
  case notATerminal
  /// `TERM` is unset or empty, so the terminal type is unknown.
  case terminalTypeMissing
  /// ncurses rejected the terminal type named by `TERM`.
  case terminalTypeUnsupported(String)

  public var description: String {
    switch self {
    case .notATerminal:
      return "The interactive app needs a terminal on standard input and standard output; "
        + "run it in a terminal window, not through a pipe or a redirect."
    case .terminalTypeMissing:
      return "TERM is not set, so the terminal type is unknown; set it, for example TERM=xterm-256color."
    case .terminalTypeUnsupported(let name):
      return "The terminal type \"\(name)\" (from TERM) is not in the terminfo database "
        + "or cannot address the cursor; set TERM to a type such as xterm-256color."
    }
  }
}
