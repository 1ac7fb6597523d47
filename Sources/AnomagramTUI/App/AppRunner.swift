import AnomagramCore
import Dispatch
import Foundation

/// Runs the app's screens: reads input, feeds messages to `update`, carries
/// out commands, and draws `view` whenever the state changed.
///
/// Owns the terminal and the training session. Main thread only.
final class AppRunner {
  private var state: AppState
  private let terminal: NcursesTerminal
  private let signals: TerminalSignals
  /// The rows runs are drawn from; opening a data file replaces them.
  private var pool: Dataset
  private var testPool: Dataset?
  private var session: TrainingSession?
  /// Reads and writes files off the main thread (see `FileCommand`).
  private let fileWorker = FileWorker()
  private var lastSequence = -1
  /// The settings file, read before the first frame and written for each `saveSettings` command.
  private let settingsStore: UserSettingsStore

  init(
    state: AppState, terminal: NcursesTerminal, signals: TerminalSignals, pool: Dataset, testPool: Dataset?,
    settingsStore: UserSettingsStore
  ) {
    self.settingsStore = settingsStore
    self.state = state
    self.terminal = terminal
    self.signals = signals
    self.pool = pool
    self.testPool = testPool
  }

  /// Runs until the user quits or a signal arrives; returns the signal
  /// that ended the loop, if any.
  func run() -> TerminalSignal? {
    send(.settingsLoaded(settingsStore.load()))
    var needsDraw = true
    while true {
      if let signal = signals.pendingSignal {
        // Ctrl-C reaches the app as SIGINT, because the terminal keeps its
        // signal keys on. It goes through update like a key, so a running
        // run gets the quit question. A second one while it shows quits.
        if signal == .interrupt && !state.isConfirmingQuit {
          signals.clearPendingSignal()
          send(.keyPressed(.control("c")))
          if !state.hasQuit {
            needsDraw = true
            continue
          }
        }
        endSession()
        return signal
      }
      if needsDraw {
        terminal.draw(view(state, size: state.size))
        needsDraw = false
      }

      // Poll often while a run trains, so charts follow it; otherwise wait
      // longer, which keeps an idle app off the CPU.
      let timeout = state.status == .training || fileWorker.isBusy ? 33 : 250
      if let event = terminal.readEvent(timeoutMilliseconds: timeout) {
        needsDraw = handle(event) || needsDraw
        if state.hasQuit { break }
        // Drain whatever else is queued before drawing.
        while let next = terminal.readEvent(timeoutMilliseconds: 0) {
          needsDraw = handle(next) || needsDraw
          if state.hasQuit { break }
        }
        if state.hasQuit { break }
      }
      if let snapshot = session?.snapshot, snapshot.sequence != lastSequence {
        lastSequence = snapshot.sequence
        send(.snapshotArrived(snapshot))
        needsDraw = true
      }
      for event in fileWorker.takeFinished() {
        send(.files(event))
        needsDraw = true
      }
    }
    endSession()
    return nil
  }

  /// Stops the training session and waits for its thread to leave the
  /// training loop, at most 5 seconds. Returning while that thread is
  /// inside a mini-batch let the process exit under it, which crashed with
  /// SIGSEGV now and then in the end-to-end tests.
  private func endSession() {
    // A model or CSV file being written is finished rather than left as a temporary file.
    fileWorker.waitUntilIdle(timeout: 10)
    guard let session else { return }
    session.stop()
    session.waitUntilEnded(timeout: 5)
  }

  /// Turns one terminal event into messages; returns whether to redraw.
  private func handle(_ event: TerminalEvent) -> Bool {
    switch event {
    case .key(let key): send(.keyPressed(key))
    case .mouse(let mouse): send(.mouse(mouse))
    case .resize(let size): send(.terminalResized(size))
    }
    return true
  }

  private func send(_ message: Message) {
    let commands = update(&state, with: message)
    for command in commands {
      perform(command)
    }
  }

  private func perform(_ command: Command) {
    switch command {
    case .startRun(let training, let splitConfiguration, let singleEpoch):
      session?.stop()
      session = nil
      let split: DataSplit
      do {
        if let testPool {
          split = try DataSplit.make(train: pool, test: testPool, configuration: splitConfiguration)
        } else {
          split = try DataSplit.make(pool: pool, configuration: splitConfiguration)
        }
      } catch {
        send(.runFailedToStart("\(error)"))
        return
      }
      let newSession = TrainingSession(split: split, configuration: training)
      session = newSession
      lastSequence = -1
      if singleEpoch {
        newSession.stepEpoch()
      } else {
        newSession.start()
      }
      send(.runStarted(warnings: split.warnings, startedAt: Date()))
    case .pauseRun:
      session?.pause()
    case .resumeRun:
      session?.start()
    case .stepEpoch:
      session?.stepEpoch()
    case .discardRun:
      session?.stop()
      session = nil
      lastSequence = -1
    case .setLearningRate(let rate):
      session?.setLearningRate(rate)
    case .files(.useData(let data)):
      pool = data.pool
      testPool = data.test
    case .files(.checkDataPath(let path)):
      // One stat, answered at once, so that keys typed ahead (the Enter for
      // the label column) reach the prompt the answer opens.
      send(.files(.dataPathChecked(path: path, problem: FileTasks.dataPathProblem(path))))
    case .files(let fileCommand):
      fileWorker.start(fileCommand, data: (pool, testPool))
    case .saveSettings(let settings):
      if case .failure(let error) = settingsStore.save(settings) {
        send(.settingsSaveFailed(error))
      }
    case .quit:
      session?.stop()
    }
  }
}
