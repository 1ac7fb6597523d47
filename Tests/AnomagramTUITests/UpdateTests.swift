import AnomagramCore
import Testing

@testable import AnomagramTUI

/// The keys every pane shares (Space, n, r, q, ?, Tab) and the messages
/// that are not keys.
@Suite("update: run control and messages", .timeLimit(.minutes(1)))
struct UpdateTests {
  // MARK: - Space

  @Test("Space without a run starts one")
  func spaceStartsRun() {
    var state = Fixtures.idleState()

    let commands = press(.character(" "), in: &state)

    #expect(commands == [.startRun(Fixtures.training, Fixtures.splitConfiguration, singleEpoch: false)])
    #expect(state.notice == Notice(.info, "Building 24-12-6-3-6-12-24 and drawing 80 training rows."))
    #expect(!state.isStale)
  }

  @Test("Space while training pauses")
  func spacePausesTraining() throws {
    var state = try Fixtures.state(withRun: .training)

    #expect(press(.character(" "), in: &state) == [.pauseRun])
  }

  @Test("Space while paused resumes")
  func spaceResumesPausedRun() throws {
    var state = try Fixtures.state(withRun: .paused)

    #expect(press(.character(" "), in: &state) == [.resumeRun])
  }

  @Test("Space resumes a ready run")
  func spaceResumesReadyRun() throws {
    var state = try Fixtures.state(withRun: .ready)

    #expect(press(.character(" "), in: &state) == [.resumeRun])
  }

  @Test("Space restarts a stale run")
  func spaceRestartsStaleRun() throws {
    var state = try Fixtures.state(withRun: .paused)
    press(.right, in: &state)  // dense 1: 12 → 16 units
    #expect(state.isStale)

    let commands = press(.character(" "), in: &state)

    var changed = Fixtures.training
    changed.encoderUnits = [16, 6]
    #expect(commands == [.startRun(changed, Fixtures.splitConfiguration, singleEpoch: false)])
    #expect(!state.isStale)
  }

  @Test("Space restarts an ended run", arguments: [TrainingStatus.finished, .stopped, .diverged])
  func spaceAfterEndedRun(status: TrainingStatus) throws {
    var state = try Fixtures.state(withRun: status)

    let commands = press(.character(" "), in: &state)

    #expect(commands == [.startRun(Fixtures.training, Fixtures.splitConfiguration, singleEpoch: false)])
  }

  @Test("Space rejects invalid settings")
  func spaceRejectsInvalidSettings() {
    var state = Fixtures.idleState()
    state.training.optimizer.learningRate = 0

    let commands = press(.character(" "), in: &state)

    #expect(commands.isEmpty)
    #expect(state.notice == Notice(.error, "The learning rate must be a positive number, got 0.0."))
  }

  // MARK: - n and r

  @Test("n without a run starts one epoch")
  func stepStartsSingleEpochRun() {
    var state = Fixtures.idleState()

    let commands = press(.character("n"), in: &state)

    #expect(commands == [.startRun(Fixtures.training, Fixtures.splitConfiguration, singleEpoch: true)])
  }

  @Test("n steps an active run", arguments: [TrainingStatus.ready, .training, .paused])
  func stepOnActiveRun(status: TrainingStatus) throws {
    var state = try Fixtures.state(withRun: status)

    #expect(press(.character("n"), in: &state) == [.stepEpoch])
  }

  @Test("n restarts a stale run")
  func stepOnStaleRun() throws {
    var state = try Fixtures.state(withRun: .paused)
    press(.tab, .down, .left, in: &state)  // settings: batch size 16 → 8
    #expect(state.isStale)

    let commands = press(.character("n"), in: &state)

    var changed = Fixtures.training
    changed.batchSize = 8
    #expect(commands == [.startRun(changed, Fixtures.splitConfiguration, singleEpoch: true)])
    #expect(!state.isStale)
  }

  @Test("n restarts a finished run")
  func stepAfterFinishedRun() throws {
    var state = try Fixtures.finishedState()

    let commands = press(.character("n"), in: &state)

    #expect(commands == [.startRun(Fixtures.training, Fixtures.splitConfiguration, singleEpoch: true)])
  }

  @Test("r discards the run")
  func resetDiscardsRun() throws {
    var state = try Fixtures.state(withRun: .paused)
    press(.right, in: &state)
    #expect(state.isStale)

    let commands = press(.character("r"), in: &state)

    #expect(commands == [.discardRun])
    #expect(state.snapshot == nil)
    #expect(!state.isStale)
    #expect(state.notice == Notice(.info, "Model reset. Press Space to train a new one."))
  }

  @Test("r without a run does nothing")
  func resetWithoutRun() {
    var state = Fixtures.idleState()

    let commands = press(.character("r"), in: &state)

    #expect(commands.isEmpty)
    #expect(state.notice == Notice(.info, "Nothing to reset: press Space to train."))
  }

  // MARK: - Quitting

  @Test("q without a run quits")
  func quitWhenIdle() {
    var state = Fixtures.idleState()

    let commands = press(.character("q"), in: &state)

    #expect(commands == [.quit])
    #expect(state.hasQuit)
    #expect(!state.isConfirmingQuit)
  }

  @Test("q quits when not training", arguments: [TrainingStatus.paused, .finished, .diverged])
  func quitWhenNotTraining(status: TrainingStatus) throws {
    var state = try Fixtures.state(withRun: status)

    #expect(press(.character("q"), in: &state) == [.quit])
    #expect(state.hasQuit)
  }

  @Test("q while training asks first", arguments: [Key.character("q"), .control("c")])
  func quitWhileTrainingAsks(key: Key) throws {
    var state = try Fixtures.state(withRun: .training)

    let commands = press(key, in: &state)

    #expect(commands.isEmpty)
    #expect(state.isConfirmingQuit)
    #expect(!state.hasQuit)
  }

  @Test("y confirms quitting", arguments: [Key.character("y"), .character("Y"), .control("c")])
  func confirmQuit(key: Key) throws {
    var state = try Fixtures.state(withRun: .training)
    press(.character("q"), in: &state)

    let commands = press(key, in: &state)

    #expect(commands == [.quit])
    #expect(state.hasQuit)
    #expect(!state.isConfirmingQuit)
  }

  @Test("question closes when the run ends")
  func questionClosesWhenRunEnds() throws {
    var state = try Fixtures.state(withRun: .training)
    press(.character("q"), in: &state)
    #expect(state.isConfirmingQuit)

    _ = update(&state, with: .snapshotArrived(try Fixtures.snapshot(status: .finished)))

    #expect(!state.isConfirmingQuit)
    #expect(!state.hasQuit)
  }

  @Test("other key cancels quitting", arguments: [Key.character("n"), .escape, .character(" "), .tab, .enter])
  func cancelQuit(key: Key) throws {
    var state = try Fixtures.state(withRun: .training)
    press(.character("q"), in: &state)

    let commands = press(key, in: &state)

    // The cancelling key does nothing else: Space does not pause, n does
    // not step and Tab does not move the focus.
    #expect(commands.isEmpty)
    #expect(!state.hasQuit)
    #expect(!state.isConfirmingQuit)
    #expect(state.focus == .model)
    #expect(state.notice == Notice(.info, "Quit cancelled."))
  }

  // MARK: - Help

  @Test("? opens help and Esc closes it")
  func helpOpensAndCloses() {
    var state = Fixtures.idleState()

    press(.character("?"), in: &state)
    #expect(state.isShowingHelp)

    press(.escape, in: &state)
    #expect(!state.isShowingHelp)
  }

  @Test("? closes help too")
  func questionMarkClosesHelp() {
    var state = Fixtures.idleState()

    press(.character("?"), .character("?"), in: &state)

    #expect(!state.isShowingHelp)
  }

  @Test("keys under help do nothing else")
  func keysUnderHelpAreIgnored() throws {
    var state = try Fixtures.state(withRun: .training)
    press(.character("?"), in: &state)

    let commands = press(
      [.character(" "), .character("n"), .character("r"), .tab, .backTab, .down, .right, .character("a")], in: &state)

    #expect(commands.isEmpty)
    #expect(state.isShowingHelp)
    #expect(state.snapshot != nil)
    #expect(state.focus == .model)
    #expect(state.modelCursor == 0)
    #expect(state.training == Fixtures.training)
  }

  @Test("q under help closes help only")
  func quitKeyUnderHelpClosesHelp() {
    var state = Fixtures.idleState()
    press(.character("?"), in: &state)

    let commands = press(.character("q"), in: &state)

    #expect(commands.isEmpty)
    #expect(!state.isShowingHelp)
    #expect(!state.hasQuit)
  }

  // MARK: - Focus

  @Test("Tab visits every pane in order")
  func tabCyclesForward() {
    var state = Fixtures.idleState()
    var visited = [state.focus]

    for _ in 0..<4 {
      press(.tab, in: &state)
      visited.append(state.focus)
    }

    #expect(visited == [.model, .settings, .threshold, .lossChart, .model])
  }

  @Test("Shift-Tab visits every pane backwards")
  func backTabCyclesBackward() {
    var state = Fixtures.idleState()
    var visited = [state.focus]

    for _ in 0..<4 {
      press(.backTab, in: &state)
      visited.append(state.focus)
    }

    #expect(visited == [.model, .lossChart, .threshold, .settings, .model])
  }

  @Test("Tab ignored while typing")
  func tabWhileEditing() {
    var state = Fixtures.idleState()
    press(.enter, in: &state)

    let commands = press(.tab, .character(" "), in: &state)

    #expect(commands.isEmpty)
    #expect(state.focus == .model)
    #expect(state.editor == FieldEditor(target: .layerUnits(index: 0), text: "12"))
  }

  // MARK: - Messages

  @Test("resize sets the size")
  func resizeSetsSize() {
    var state = Fixtures.idleState()

    let commands = update(&state, with: .terminalResized(Size(width: 97, height: 31)))

    #expect(commands.isEmpty)
    #expect(state.size == Size(width: 97, height: 31))
  }

  @Test("mouse events change nothing")
  func mouseIsIgnored() {
    var state = Fixtures.idleState()

    let commands = update(&state, with: .mouse(MouseEvent(kind: .press, x: 3, y: 4)))

    #expect(commands.isEmpty)
    #expect(state.focus == .model)
    #expect(state.notice == nil)
  }

  @Test("finished run says so")
  func finishedRunNotice() throws {
    let state = try Fixtures.finishedState()

    #expect(state.status == .finished)
    #expect(state.notice == Notice(.info, "Training finished after 5 epochs."))
  }

  @Test("diverged run suggests smaller learning rate")
  func divergedRunNotice() throws {
    var state = try Fixtures.state(withRun: .training)
    var diverged = try Fixtures.snapshot(status: .diverged)
    diverged.failureReason = "The training loss became nan in epoch 3."

    let commands = update(&state, with: .snapshotArrived(diverged))

    #expect(commands.isEmpty)
    #expect(
      state.notice
        == Notice(.error, "Try a smaller learning rate: training diverged. The training loss became nan in epoch 3."))
  }

  @Test("diverged run without reason")
  func divergedRunWithoutReason() throws {
    var state = Fixtures.idleState()

    _ = update(&state, with: .snapshotArrived(try Fixtures.snapshot(status: .diverged)))

    #expect(
      state.notice
        == Notice(
          .error, "Try a smaller learning rate: training diverged. The loss is no longer a finite number."))
  }

  @Test("collapsed finished run warns")
  func collapsedRunWarns() throws {
    var state = try Fixtures.state(withRun: .training)
    let collapsed = try Fixtures.collapsedSnapshot()
    #expect(collapsed.evaluation?.collapse.isCollapsed == true)

    _ = update(&state, with: .snapshotArrived(collapsed))

    #expect(
      state.notice
        == Notice(
          .warning, "Train longer or widen the layers: the output barely depends on the input (collapse)."))
  }

  @Test("training snapshot clears info notice")
  func trainingClearsInfoNotice() throws {
    var state = Fixtures.idleState()
    press(.character(" "), in: &state)
    #expect(state.notice?.kind == .info)

    _ = update(&state, with: .snapshotArrived(try Fixtures.snapshot(status: .training)))

    #expect(state.notice == nil)
  }

  @Test("training snapshot keeps warning for the first epochs")
  func trainingKeepsWarning() throws {
    var state = Fixtures.idleState()
    press(.character(" "), in: &state)
    _ = update(&state, with: .runStarted(warnings: ["The test set has 40 rows instead of the requested 50."]))
    var snapshot = try Fixtures.snapshot(status: .training)
    snapshot.epoch = splitWarningEpochs - 1

    _ = update(&state, with: .snapshotArrived(snapshot))
    #expect(state.notice == Notice(.warning, "The test set has 40 rows instead of the requested 50."))

    snapshot.epoch = splitWarningEpochs
    _ = update(&state, with: .snapshotArrived(snapshot))
    #expect(state.notice == nil)
  }

  @Test("run started shows first warning")
  func runStartedWarning() {
    var state = Fixtures.idleState()

    let commands = update(&state, with: .runStarted(warnings: ["first shortfall", "second shortfall"]))

    #expect(commands.isEmpty)
    #expect(state.notice == Notice(.warning, "first shortfall"))
  }

  @Test("run started without warnings keeps notice")
  func runStartedQuietly() {
    var state = Fixtures.idleState()
    press(.character(" "), in: &state)
    let building = state.notice

    _ = update(&state, with: .runStarted(warnings: []))

    #expect(state.notice == building)
  }

  @Test("failed start shows the reason")
  func failedStartShowsReason() throws {
    var state = try Fixtures.finishedState()
    let reason = "No rows are labelled 1 in \"synthetic waves\"."

    let commands = update(&state, with: .runFailedToStart(reason))

    #expect(commands.isEmpty)
    #expect(state.snapshot == nil)
    #expect(state.notice == Notice(.error, reason))
  }
}
