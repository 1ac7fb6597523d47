import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A signal that requests the program to stop. The app restores the
/// terminal before it exits.
public enum TerminalSignal: Sendable, CaseIterable {
  /// SIGINT, from Ctrl-C.
  case interrupt
  /// SIGTERM, from `kill` or a service manager.
  case terminate
  /// SIGHUP, sent when the terminal closes.
  case hangup
  /// SIGQUIT, from Ctrl-\.
  case quit

  /// The POSIX signal number.
  public var number: Int32 {
    switch self {
    case .interrupt: return SIGINT
    case .terminate: return SIGTERM
    case .hangup: return SIGHUP
    case .quit: return SIGQUIT
    }
  }

  public init?(number: Int32) {
    guard let signal = Self.allCases.first(where: { $0.number == number }) else { return nil }
    self = signal
  }

  /// The conventional exit status of a process that stops because of this
  /// signal: 128 plus the signal number, as shells report it.
  public var exitStatus: Int32 { 128 + number }
}

/// Watches SIGINT, SIGTERM, SIGHUP and SIGQUIT so that the input loop can restore the
/// terminal before the process exits, where the default action would kill
/// the process with the terminal still in curses mode.
///
/// Each signal's default action is replaced, and a Dispatch signal source
/// records the signal in `pendingSignal`, which the input loop polls between
/// reads (`NcursesTerminal.readEvent(timeoutMilliseconds:)` returns at least
/// once per timeout). SIGWINCH is deliberately not watched: a handler for
/// it, Dispatch's included, replaces the one ncurses installs, and ncurses
/// then never reports `KEY_RESIZE`.
///
/// Keep the instance alive while the terminal is open, because `deinit`
/// calls `restoreDefaults()`.
public final class TerminalSignals: Sendable {
  private let mailbox = SignalMailbox()
  private let sources: Mutex<[any DispatchSourceSignal]>

  /// Starts watching the signals of `TerminalSignal`.
  ///
  /// The initializer is nonisolated on purpose: an event handler closure
  /// written in `@MainActor` code (such as `main.swift`) inherits that
  /// isolation, and Dispatch, which runs it on its own queue, then stops the
  /// process with a failed queue assertion.
  public init() {
    let queue = DispatchQueue(label: "anomagram.terminal-signals")
    var created: [any DispatchSourceSignal] = []
    for watched in TerminalSignal.allCases {
      // Ignoring the signal first keeps its default action from killing the
      // process before the source is registered. On Linux, Dispatch then
      // installs its own handler, which forwards the signal to the source.
      signal(watched.number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: watched.number, queue: queue)
      source.setEventHandler { @Sendable [mailbox] in
        mailbox.record(watched)
      }
      source.resume()
      created.append(source)
    }
    sources = Mutex(created)
  }

  deinit {
    restoreDefaults()
  }

  /// The first watched signal that arrived and has not been cleared, or `nil`.
  public var pendingSignal: TerminalSignal? {
    TerminalSignal(number: mailbox.signalNumber.load(ordering: .acquiring))
  }

  /// Forgets the pending signal, for a loop that handled it without exiting.
  public func clearPendingSignal() {
    mailbox.signalNumber.store(0, ordering: .releasing)
  }

  /// Stops watching and gives the signals their default actions again.
  ///
  /// Also unblocks them on the calling thread: Dispatch's handler blocks the
  /// signals on the thread where one arrives, and a later `raise` on that
  /// thread would otherwise stay pending. Call this after the terminal is
  /// restored, because a signal that arrives afterwards ends the process.
  public func restoreDefaults() {
    sources.withLock { sources in
      for source in sources {
        source.cancel()
      }
      sources.removeAll()
    }
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    for watched in TerminalSignal.allCases {
      signal(watched.number, SIG_DFL)
      sigaddset(&unblocked, watched.number)
    }
    pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
  }
}

/// The number of the first signal that arrived, or 0. It is a separate
/// object so that the signal handlers can hold it without holding the
/// `TerminalSignals` instance, whose `deinit` stops them.
private final class SignalMailbox: Sendable {
  let signalNumber = Atomic<Int32>(0)

  func record(_ signal: TerminalSignal) {
    _ = signalNumber.compareExchange(
      expected: 0, desired: signal.number, successOrdering: .acquiringAndReleasing, failureOrdering: .relaxed)
  }
}
