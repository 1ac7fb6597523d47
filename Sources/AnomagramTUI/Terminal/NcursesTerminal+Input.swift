import CNcurses

extension NcursesTerminal {
  /// Waits for the next key, mouse event or resize.
  ///
  /// Input that maps to no event, such as an unknown escape sequence or a
  /// right-button click, is skipped, and the wait goes on for what is left
  /// of the timeout. Returns `nil` when the timeout passes first, or when
  /// `wget_wch` fails, for example on an interrupted read. A signal does not
  /// end the wait early, so the timeout bounds how long the caller's loop
  /// takes to notice a `TerminalSignals.pendingSignal`.
  ///
  /// - Parameter timeoutMilliseconds: How long to wait. 0 only polls, and a
  ///   negative value waits until an event arrives.
  public func readEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
    if !pendingEvents.isEmpty {
      return pendingEvents.removeFirst()
    }
    let clock = ContinuousClock()
    let deadline = clock.now + .milliseconds(max(timeoutMilliseconds, 0))
    var wait = timeoutMilliseconds
    while true {
      let screen = anomagram_stdscr()
      wtimeout(screen, Int32(clamping: wait))
      var input: wint_t = 0
      let status = wget_wch(screen, &input)
      if status == ERR {
        return nil
      }
      if let event = event(status: status, input: Int(input)) {
        return event
      }
      if wait >= 0 {
        wait = Self.milliseconds(from: clock.now, to: deadline)
        if wait <= 0 {
          return nil
        }
      }
    }
  }

  /// Turns one result of `wget_wch` into an event: `status` is
  /// `KEY_CODE_YES` when `input` is a key code, `OK` when it is a character.
  private func event(status: Int32, input: Int) -> TerminalEvent? {
    guard status == KEY_CODE_YES else {
      return Self.key(fromCode: input, isFunctionKey: false).map(TerminalEvent.key)
    }
    switch Int32(clamping: input) {
    case KEY_RESIZE:
      // ncurses has already resized its windows to the new size.
      needsFullRepaint = true
      return .resize(size)
    case KEY_MOUSE:
      var events = readMouseEvents().map(TerminalEvent.mouse)
      guard !events.isEmpty else { return nil }
      let first = events.removeFirst()
      pendingEvents += events
      return first
    default:
      return Self.key(fromCode: input, isFunctionKey: true).map(TerminalEvent.key)
    }
  }

  private func readMouseEvents() -> [MouseEvent] {
    var report = MEVENT()
    guard getmouse(&report) == OK else { return [] }
    return Self.mouseEvents(
      buttonState: UInt(report.bstate), x: Int(report.x), y: Int(report.y), isLeftButtonHeld: &isLeftButtonHeld)
  }

  private static func milliseconds(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant) -> Int {
    let (seconds, attoseconds) = (end - start).components
    return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
  }

  // MARK: - Keys

  /// Maps one `wget_wch` result to a key, or `nil` for input the app has no
  /// key for (Ctrl-Space, Ctrl-\, F13 and up, other control characters).
  ///
  /// - Parameters:
  ///   - code: The character or key code.
  ///   - isFunctionKey: Whether `wget_wch` returned `KEY_CODE_YES`, so that
  ///     `code` is a `KEY_*` constant rather than a character.
  static func key(fromCode code: Int, isFunctionKey: Bool) -> Key? {
    isFunctionKey ? functionKey(fromCode: code) : characterKey(fromCode: code)
  }

  private static func functionKey(fromCode code: Int) -> Key? {
    let firstFunctionKey = Int(anomagram_key_f(1))
    if (firstFunctionKey..<firstFunctionKey + 12).contains(code) {
      return .function(code - firstFunctionKey + 1)
    }
    switch Int32(clamping: code) {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_BTAB: return .backTab
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_ENTER: return .enter
    default: return nil
    }
  }

  private static func characterKey(fromCode code: Int) -> Key? {
    switch code {
    case 27: return .escape
    case 9: return .tab
    // With nonl() the Enter key sends carriage return. Line feed is Ctrl-J,
    // which some terminals send for Enter too.
    case 13, 10: return .enter
    // Terminals send either DEL or Ctrl-H for the Backspace key.
    case 127, 8: return .backspace
    case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
    default: break
    }
    guard let value = UInt32(exactly: code), let scalar = Unicode.Scalar(value),
      scalar.properties.generalCategory != .control
    else { return nil }
    return .character(Character(scalar))
  }

  // MARK: - Mouse

  /// The ncurses mouse event bits this terminal requests, widened to `UInt`.
  enum MouseMask {
    static let leftPressed = UInt(anomagram_button1_pressed())
    static let leftReleased = UInt(anomagram_button1_released())
    /// xterm reports a wheel notch up as a press of button 4.
    static let scrollUp = UInt(anomagram_button4_pressed())
    /// xterm reports a wheel notch down as a press of button 5.
    static let scrollDown = UInt(anomagram_button5_pressed())
    /// Motion, which ncurses reports while any button is held.
    static let position = UInt(anomagram_report_mouse_position())
  }

  /// Maps one ncurses mouse report to an event, or `nil` for reports the
  /// app has no event for (motion with no left button held).
  ///
  /// - Parameters:
  ///   - buttonState: The report's `bstate` bits.
  ///   - isLeftButtonHeld: Whether the left button is down. A press sets it
  ///     and a release clears it, so motion between them counts as a drag.
  static func mouseEvent(buttonState: UInt, x: Int, y: Int, isLeftButtonHeld: inout Bool) -> MouseEvent? {
    let kind: MouseEvent.Kind
    if buttonState & MouseMask.scrollUp != 0 {
      kind = .scrollUp
    } else if buttonState & MouseMask.scrollDown != 0 {
      kind = .scrollDown
    } else if buttonState & MouseMask.leftPressed != 0 {
      isLeftButtonHeld = true
      kind = .press
    } else if buttonState & MouseMask.leftReleased != 0 {
      isLeftButtonHeld = false
      kind = .release
    } else if buttonState & MouseMask.position != 0, isLeftButtonHeld {
      kind = .drag
    } else {
      return nil
    }
    return MouseEvent(kind: kind, x: x, y: y)
  }

  /// Maps one ncurses mouse report to events, as `mouseEvent` does, except
  /// that a release without a press before it becomes a press and a
  /// release. When a press and its release arrive in one read, as a quick
  /// tap over SSH can deliver them, ncurses 6.4 reports only the release.
  static func mouseEvents(buttonState: UInt, x: Int, y: Int, isLeftButtonHeld: inout Bool) -> [MouseEvent] {
    let wasHeld = isLeftButtonHeld
    guard let event = mouseEvent(buttonState: buttonState, x: x, y: y, isLeftButtonHeld: &isLeftButtonHeld) else {
      return []
    }
    if event.kind == .release && !wasHeld {
      return [MouseEvent(kind: .press, x: x, y: y), event]
    }
    return [event]
  }

  /// Requests left-button presses, releases and drags, and wheel notches.
  ///
  /// ncurses switches xterm-style reporting on with the terminfo XM string,
  /// which for xterm-256color is `ESC [ ? 1006 ; 1000 h`: SGR coordinates
  /// (mode 1006, no 223-column limit) and presses and releases only (mode
  /// 1000). Drags need mode 1002, so it is sent here as well, and ncurses
  /// decodes the resulting motion reports as `REPORT_MOUSE_POSITION`.
  /// `mouseinterval(0)` stops ncurses from holding a press back while it
  /// waits to see whether a click follows.
  static func configureMouse() {
    let events =
      anomagram_button1_pressed() | anomagram_button1_released() | anomagram_button4_pressed()
      | anomagram_button5_pressed() | anomagram_report_mouse_position()
    mouseinterval(0)
    guard mousemask(events, nil) != 0 else { return }
    if anomagram_has_xterm_mouse() != 0 {
      writeNow("\u{1B}[?1002h")
    }
  }

  /// Turns off the mouse modes that `configureMouse()` turned on, 1002
  /// first, so that the terminal ends with all mouse reporting off.
  static func disableMouse() {
    if anomagram_has_xterm_mouse() != 0 {
      writeNow("\u{1B}[?1002l")
    }
    mousemask(0, nil)
  }

  /// Writes a control sequence to the terminal at once.
  ///
  /// `putp` writes through C stdio rather than through the screen's output
  /// buffer (measured with ncurses 6.4 as Debian builds it, where `putp`
  /// lives in libtinfo), so without the flush the sequence would reach the
  /// terminal only at exit, after `endwin`.
  private static func writeNow(_ sequence: String) {
    putp(sequence)
    fflush(anomagram_stdout())
  }
}
