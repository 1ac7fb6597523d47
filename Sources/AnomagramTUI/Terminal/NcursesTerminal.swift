import CNcurses
import CTerminalGuard
import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The full-screen terminal, driven through ncursesw: it reads keys, mouse
/// events and resizes, and copies a `Canvas` to the screen.
///
/// Use one instance, from the main thread only. ncurses keeps its state in
/// process globals and is not thread-safe in its usual build, so every
/// method, the initializer and `deinit` must run on the thread that created
/// the instance. The initializer checks that this is the main thread.
///
/// Call `shutdown()` before the process exits to restore the terminal. A
/// process that exits through `exit()` or by returning from top-level code
/// without it still gets the terminal back, from an `atexit` handler.
public final class NcursesTerminal {
  /// Settings read once, when the terminal opens.
  public struct Options: Sendable {
    /// Draws ASCII lines and markers even where the locale is UTF-8.
    public var forceASCII: Bool
    /// The environment to read `TERM` and `NO_COLOR` from.
    public var environment: [String: String]

    public init(forceASCII: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) {
      self.forceASCII = forceASCII
      self.environment = environment
    }
  }

  /// The characters to draw lines, bars and markers with.
  public let glyphs: Glyphs
  /// The colours `draw(_:)` uses. With `.none` it draws attributes only.
  public let colorSupport: ColorSupport

  /// Whether the user's locale is UTF-8, so that characters outside ASCII
  /// reach the terminal as they are. Without it, `draw(_:)` shows them as "?".
  let allowsNonASCII: Bool
  /// The terminal's own colours as pair 0 shows them: -1 (the terminal's
  /// default) where `use_default_colors` succeeded, white on black otherwise.
  let defaultColors: ColorPairTable.Colors
  var colorPairs: ColorPairTable
  /// The canvas on screen, compared cell by cell with the next one.
  var previousCanvas: Canvas?
  /// The screen size when `previousCanvas` was drawn.
  var previousScreenSize: Size?
  /// Set by `invalidate()` and by resizes: the next draw repaints every cell
  /// and clears the physical screen first.
  var needsFullRepaint = false
  /// Whether a left-button press has arrived without its release yet, so
  /// that motion reports count as drags.
  var isLeftButtonHeld = false
  /// Events decoded from one read and not returned yet, oldest first.
  var pendingEvents: [TerminalEvent] = []
  private var isOpen = true

  /// Opens the terminal in full-screen mode.
  ///
  /// Sets the character-type locale from the environment and starts ncurses
  /// on standard input and output. It uses `newterm` because that reports an
  /// unknown terminal as an error, where `initscr` would exit the process.
  /// Then it turns on keypad decoding, and colours and mouse reporting where
  /// the terminal has them.
  ///
  /// - Throws: `TerminalError` when standard input or output is not a
  ///   terminal, or when `TERM` is missing or unknown.
  public init(options: Options = Options()) throws(TerminalError) {
    dispatchPrecondition(condition: .onQueue(.main))
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
    guard let terminalType = options.environment["TERM"], !terminalType.isEmpty else {
      throw .terminalTypeMissing
    }

    let userCodeset = Self.configureLocale()
    glyphs = Self.usesUnicode(codeset: userCodeset, forceASCII: options.forceASCII) ? .unicode : .ascii
    allowsNonASCII = Self.isUTF8(codeset: userCodeset)

    // ncurses lets exported LINES and COLUMNS variables override the size
    // the terminal reports, at start and after every resize, so a stale
    // pair would pin the screen to that size (use_env(false) did not stop
    // it on resize with ncurses 6.4). NOTE: unsetenv races with getenv on
    // other threads, so open the terminal before starting any.
    unsetenv("LINES")
    unsetenv("COLUMNS")
    _ = anomagram_guard_save_modes()
    guard let screen = newterm(terminalType, anomagram_stdout(), anomagram_stdin()) else {
      throw .terminalTypeUnsupported(terminalType)
    }
    // ncurses opens a terminal that cannot move its cursor, such as
    // TERM=dumb, and then draws nothing useful on it.
    guard Self.terminfoString("cup") != nil else {
      endwin()
      delscreen(screen)
      throw .terminalTypeUnsupported(terminalType)
    }
    Self.registerExitHandler()
    terminalIsOpen.store(true, ordering: .sequentiallyConsistent)
    Self.unblockResizeSignal()
    Self.configureInput()

    let colors = Self.configureColors(environment: options.environment)
    colorSupport = colors.support
    defaultColors = colors.defaults
    colorPairs = ColorPairTable(maxPairNumber: colors.maxPairNumber, defaultColors: colors.defaults)
    Self.configureMouse()
    Self.guardAgainstCrashes()
  }

  deinit {
    shutdown()
  }

  /// The size of the screen in cells.
  public var size: Size {
    let screen = anomagram_stdscr()
    return Size(width: Int(getmaxx(screen)), height: Int(getmaxy(screen)))
  }

  /// Restores the terminal: turns mouse reporting off, shows the cursor and
  /// ends curses mode, which leaves the alternate screen and restores the
  /// terminal modes saved at start. Calling it again does nothing.
  public func shutdown() {
    guard isOpen else { return }
    isOpen = false
    Self.restoreTerminal()
  }

  // MARK: - Setup

  /// Sets `LC_CTYPE` from the environment and returns that locale's codeset.
  ///
  /// Only `LC_CTYPE` is set, because it is all ncurses reads. The other
  /// categories stay "C", so C library number formatting and parsing keep
  /// the "." decimal separator.
  ///
  /// When the codeset is not UTF-8, `LC_CTYPE` moves on to a UTF-8 locale if
  /// one exists, because a single-byte locale cannot encode most wide
  /// characters for output. The terminal still receives only ASCII then
  /// (see `allowsNonASCII`), and ASCII encodes the same in UTF-8.
  private static func configureLocale() -> String {
    setlocale(LC_CTYPE, "")
    let userCodeset = currentCodeset()
    if !isUTF8(codeset: userCodeset) {
      let fallbacks: [String] = ["C.UTF-8", "en_US.UTF-8"]
      _ = fallbacks.first { setlocale(LC_CTYPE, $0) != nil }
    }
    return userCodeset
  }

  private static func currentCodeset() -> String {
    guard let name = nl_langinfo(nl_item(CODESET)) else { return "" }
    return String(cString: name)
  }

  /// Unblocks SIGWINCH on this thread. ncurses learns of a resize only
  /// through its SIGWINCH handler, and a process inherits its parent's
  /// blocked signals, so a parent that blocked SIGWINCH would otherwise
  /// leave the app without `KEY_RESIZE` for its whole run.
  private static func unblockResizeSignal() {
    var resize = sigset_t()
    sigemptyset(&resize)
    sigaddset(&resize, SIGWINCH)
    pthread_sigmask(SIG_UNBLOCK, &resize, nil)
  }

  /// Sets up keyboard input: characters arrive one at a time without echo,
  /// Ctrl-C still raises SIGINT, and escape sequences become key codes.
  private static func configureInput() {
    let screen = anomagram_stdscr()
    cbreak()
    noecho()
    nonl()
    keypad(screen, true)
    intrflush(screen, false)
    leaveok(screen, true)
    curs_set(0)
    // ncurses waits this long after an Escape byte for the rest of an escape
    // sequence. Its default of 1000 ms makes the Escape key feel stuck.
    set_escdelay(25)
    disableFlowControl()
    defineHomeAndEndKeys()
  }

  /// Turns off XON/XOFF flow control so that Ctrl-S and Ctrl-Q arrive as
  /// keys instead of pausing output. `def_prog_mode` records the change as
  /// the curses mode, which ncurses reapplies each time it re-enters curses
  /// mode after `endwin`. `endwin` restores the shell's setting.
  private static func disableFlowControl() {
    var settings = termios()
    guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
    settings.c_iflag &= ~tcflag_t(IXON)
    guard tcsetattr(STDIN_FILENO, TCSANOW, &settings) == 0 else { return }
    def_prog_mode()
  }

  /// Teaches ncurses the Home and End sequences that terminals send outside
  /// their terminfo entry. tmux, for example, sends `ESC [ 1 ~` and
  /// `ESC [ 4 ~` to a pane whose TERM is xterm-256color, whose entry lists
  /// only `ESC O H` and `ESC O F`. A sequence the entry already maps keeps
  /// its meaning.
  private static func defineHomeAndEndKeys() {
    let sequences: [(String, Int32)] = [
      ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
      ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
    ]
    for (sequence, code) in sequences where key_defined(sequence) == 0 {
      define_key(sequence, code)
    }
  }

  /// Starts colour unless `NO_COLOR` or the terminal rules it out, and
  /// returns the support level, the colours of pair 0 and the highest pair
  /// number that can be defined.
  private static func configureColors(
    environment: [String: String]
  ) -> (support: ColorSupport, defaults: ColorPairTable.Colors, maxPairNumber: Int) {
    let white = ColorPairTable.Colors(foreground: 7, background: 0)
    let colors = has_colors() ? Int(tigetnum("colors")) : 0
    let support = colorSupport(colors: colors, environment: environment)
    guard support != .none, start_color() == OK else {
      return (.none, white, 0)
    }
    // Without use_default_colors, -1 is not a valid colour number and pair 0
    // is white on black.
    let defaults = use_default_colors() == OK ? ColorPairTable.Colors(foreground: -1, background: -1) : white
    return (support, defaults, Int(anomagram_max_pair_number()))
  }

  // MARK: - Restoring the terminal

  /// Arranges for a crash (a Swift runtime trap, a fault or SIGABRT) to
  /// leave the terminal usable: the handlers write
  /// the sequences that end mouse reporting, attributes, keypad mode and the
  /// alternate screen, show the cursor and put back the shell's terminal
  /// modes, then let the crash go on as it would have.
  private static func guardAgainstCrashes() {
    var reset = ""
    if anomagram_has_xterm_mouse() != 0 {
      reset += "\u{1B}[?1002l\u{1B}[?1000l\u{1B}[?1006l"
    }
    for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
      reset += terminfoString(capability) ?? ""
    }
    let bytes = Array(reset.utf8)
    _ = anomagram_guard_install(bytes, bytes.count)
  }

  /// Returns the terminfo string capability `name` of the current terminal,
  /// or `nil` where the terminal lacks it.
  private static func terminfoString(_ name: String) -> String? {
    guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
    return String(cString: value)
  }

  /// Registers `restoreTerminalAtExit` once per process.
  private static func registerExitHandler() {
    guard !exitHandlerIsRegistered.exchange(true, ordering: .sequentiallyConsistent) else { return }
    atexit(restoreTerminalAtExit)
  }

  /// Turns mouse reporting off, shows the cursor and ends curses mode, once
  /// per opening, whichever of `shutdown()` and the exit handler gets here
  /// first.
  fileprivate static func restoreTerminal() {
    guard terminalIsOpen.exchange(false, ordering: .sequentiallyConsistent) else { return }
    disableMouse()
    curs_set(1)
    endwin()
    anomagram_guard_remove()
  }
}

/// Whether curses mode is on, shared by `NcursesTerminal.shutdown()` and the
/// exit handler so that exactly one of them ends it.
private let terminalIsOpen = Atomic<Bool>(false)
private let exitHandlerIsRegistered = Atomic<Bool>(false)

/// Restores the terminal when the process exits through `exit()` or by
/// returning from top-level code while curses mode is still on, for example
/// after an error path that skipped `shutdown()`. Without it the shell would
/// get back a terminal with echo off, in cbreak mode, on the alternate screen
/// and with mouse reporting on.
///
/// Neither a crash nor a signal whose default action kills the process runs
/// `atexit` handlers. `TerminalSignals` covers SIGINT, SIGTERM, SIGHUP and
/// SIGQUIT, and `guardAgainstCrashes()` the signals of a crash. The handler
/// runs on the thread that called `exit()`, so an exit from another thread
/// while the main thread is inside curses is a race this cannot prevent.
private func restoreTerminalAtExit() {
  NcursesTerminal.restoreTerminal()
}
