import Testing

@testable import AnomagramTUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("TerminalSignals")
struct TerminalSignalsTests {
  @Test("signal numbers and exit statuses")
  func signalNumbersAndExitStatuses() {
    #expect(TerminalSignal.interrupt.number == SIGINT)
    #expect(TerminalSignal.terminate.number == SIGTERM)
    #expect(TerminalSignal.hangup.number == SIGHUP)
    #expect(TerminalSignal.quit.number == SIGQUIT)
    #expect(TerminalSignal.interrupt.exitStatus == 130)
    #expect(TerminalSignal.terminate.exitStatus == 143)
    #expect(TerminalSignal.quit.exitStatus == 131)
    #expect(TerminalSignal(number: SIGHUP) == .hangup)
    #expect(TerminalSignal(number: SIGWINCH) == nil)
  }

  @Test("SIGHUP reaches pendingSignal", .timeLimit(.minutes(1)))
  func sighupReachesPendingSignal() async throws {
    let signals = TerminalSignals()
    defer { signals.restoreDefaults() }
    #expect(signals.pendingSignal == nil)

    // Dispatch registers the source on its own thread after resume(), and
    // until then the signal is ignored, so send it until it is seen.
    let clock = ContinuousClock()
    let deadline = clock.now + .seconds(10)
    while signals.pendingSignal == nil, clock.now < deadline {
      kill(getpid(), SIGHUP)
      try await Task.sleep(for: .milliseconds(20))
    }
    #expect(signals.pendingSignal == .hangup)

    signals.clearPendingSignal()
    #expect(signals.pendingSignal == nil)
  }
}
