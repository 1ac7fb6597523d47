/// An input the terminal delivers to the app's loop.
public enum TerminalEvent: Equatable, Sendable {
  case key(Key)
  case mouse(MouseEvent)
  /// The terminal changed size. The payload is the new size in cells.
  case resize(Size)
}
