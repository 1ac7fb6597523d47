import AnomagramCore

/// Applies `message` to `state` and returns the side effects to carry out.
///
/// The only function that changes the app's state. It never blocks and
/// never touches the terminal.
public func update(_ state: inout AppState, with message: Message) -> [Command] {
  let before = RunObservation(state)
  let commands = apply(message, to: &state)
  recordRuns(after: message, commands: commands, before: before, in: &state)
  refreshProjection(&state)
  return commands
}

private func apply(_ message: Message, to state: inout AppState) -> [Command] {
  switch message {
  case .keyPressed(let key):
    return handleKey(key, in: &state)
  case .mouse(let mouse):
    if state.screen == .explore && !state.isShowingHelp && !state.isConfirmingQuit && state.tour == nil
      && !state.isShowingFileDialog
    {
      handleExploreMouse(mouse, in: &state)
    }
    return []
  case .terminalResized(let size):
    state.size = size
    return []
  case .snapshotArrived(let snapshot):
    let previousStatus = state.snapshot?.status
    state.snapshot = snapshot
    // The split's warning gives way to the progress details after a few
    // epochs; the Runs screen and the metrics keep the row counts.
    if snapshot.epoch >= splitWarningEpochs, let warning = state.splitWarning, state.notice == warning {
      state.notice = nil
    }
    noteStatusChange(from: previousStatus, to: snapshot, in: &state)
    return []
  case .runStarted(let warnings, _):
    state.replayEpoch = nil
    state.splitWarning = warnings.first.map { Notice(.warning, $0) }
    if let warning = state.splitWarning {
      state.notice = warning
    }
    return []
  case .runFailedToStart(let reason):
    state.snapshot = nil
    state.replayEpoch = nil
    state.notice = Notice(.error, reason)
    return []
  case .settingsLoaded(let result):
    applyLoadedSettings(result, to: &state)
    return []
  case .settingsSaveFailed(let error):
    noteSettingsSaveFailure(error, in: &state)
    return []
  case .files(let event):
    return handleFileEvent(event, in: &state)
  }
}

/// Explains a run's end in the status bar.
///
/// The advice comes first in the notices, so that a narrow status bar still
/// shows it.
private func noteStatusChange(from previous: TrainingStatus?, to snapshot: TrainingSnapshot, in state: inout AppState) {
  guard previous != snapshot.status else { return }
  // The quit question is about a running run, so it closes when the run ends.
  if snapshot.status != .training {
    state.isConfirmingQuit = false
  }
  switch snapshot.status {
  case .training where state.notice?.kind == .info:
    state.notice = nil
  case .diverged:
    let reason = snapshot.failureReason ?? "The loss is no longer a finite number."
    state.notice = Notice(.error, "Try a smaller learning rate: training diverged. \(reason)")
  case .finished:
    if let evaluation = snapshot.evaluation, evaluation.collapse.isCollapsed {
      state.notice = Notice(
        .warning, "Train longer or widen the layers: the output barely depends on the input (collapse).")
    } else {
      state.notice = Notice(.info, "Training finished after \(snapshot.epoch) epochs.")
    }
  default:
    break
  }
}

/// Shows `screen`. An information notice, such as the keys of draw mode,
/// belongs to the screen it came from and is cleared; warnings and errors
/// stay.
private func switchScreen(to screen: AppState.Screen, in state: inout AppState) {
  if state.screen != screen && state.notice?.kind == .info {
    state.notice = nil
  }
  state.screen = screen
}

/// The epochs a run's split warning stays in the status bar.
let splitWarningEpochs = 3

// MARK: - Keys

private func handleKey(_ key: Key, in state: inout AppState) -> [Command] {
  // Ctrl-C always leads to quitting, whatever is open.
  if key == .control("c") && !state.isConfirmingQuit {
    state.editor = nil
    state.isShowingHelp = false
    state.files.prompt = nil
    state.files.question = nil
    if state.status == .training {
      state.isConfirmingQuit = true
      return []
    }
    state.hasQuit = true
    return [.quit]
  }
  if state.isConfirmingQuit {
    state.isConfirmingQuit = false
    if key == .character("y") || key == .character("Y") || key == .character("q") || key == .control("c") {
      state.hasQuit = true
      return [.quit]
    }
    state.notice = Notice(.info, "Quit cancelled.")
    return []
  }
  if state.isShowingFileDialog {
    return handleFileDialogKey(key, in: &state)
  }
  if state.tour != nil {
    let tour = handleTourKey(key, in: &state)
    return tour.passesKeyOn ? tour.commands + handleKey(key, in: &state) : tour.commands
  }
  if state.isShowingHelp {
    switch key {
    case .escape, .character("?"), .character("q"), .enter:
      state.isShowingHelp = false
      state.helpScroll = 0
      state.helpPage = .keys
    case .right, .character("l"):
      state.helpPage = .concepts
      state.helpScroll = 0
    case .left, .character("h"):
      state.helpPage = .keys
      state.helpScroll = 0
    case .tab, .backTab:
      state.helpPage = state.helpPage == .keys ? .concepts : .keys
      state.helpScroll = 0
    case .down, .character("j"):
      state.helpScroll = min(state.helpScroll + 1, HelpOverlay.maximumScroll(for: state))
    case .up, .character("k"):
      state.helpScroll = max(0, state.helpScroll - 1)
    case .pageDown, .character(" "):
      state.helpScroll = min(state.helpScroll + 10, HelpOverlay.maximumScroll(for: state))
    case .pageUp:
      state.helpScroll = max(0, state.helpScroll - 10)
    default:
      break
    }
    return []
  }
  if state.editor != nil {
    return handleEditorKey(key, in: &state)
  }

  // Keys of every screen.
  switch key {
  case .character("q"):
    if state.status == .training {
      state.isConfirmingQuit = true
      return []
    }
    state.hasQuit = true
    return [.quit]
  case .character("?"):
    state.isShowingHelp = true
    return []
  case .character("1"), .function(1):
    switchScreen(to: .train, in: &state)
    return []
  case .character("2"), .function(2):
    switchScreen(to: .explore, in: &state)
    return []
  case .character("3"), .function(3):
    switchScreen(to: .runs, in: &state)
    return []
  case .character(" "):
    return toggleTraining(&state)
  case .character("n"):
    return stepOneEpoch(&state)
  default:
    break
  }
  if let commands = handleFileKey(key, in: &state) {
    return commands
  }

  switch state.screen {
  case .train: return handleTrainKey(key, in: &state)
  case .explore: return handleExploreKey(key, in: &state)
  case .runs: return handleRunsKey(key, in: &state)
  }
}

/// Keys of the Train screen: Tab changes pane, `r` resets, and the rest go
/// to the focused pane.
private func handleTrainKey(_ key: Key, in state: inout AppState) -> [Command] {
  switch key {
  case .tab:
    state.focus = AppState.Pane(rawValue: (state.focus.rawValue + 1) % AppState.Pane.allCases.count)!
    return []
  case .backTab:
    let count = AppState.Pane.allCases.count
    state.focus = AppState.Pane(rawValue: (state.focus.rawValue + count - 1) % count)!
    return []
  case .character("r"):
    return resetRun(&state)
  default:
    break
  }

  switch state.focus {
  case .model: return handleModelKey(key, in: &state)
  case .settings: return handleSettingsKey(key, in: &state)
  case .threshold: return handleThresholdKey(key, in: &state)
  case .lossChart: return handleLossChartKey(key, in: &state)
  }
}

/// Space: start a run, pause it, or resume it.
private func toggleTraining(_ state: inout AppState) -> [Command] {
  switch state.status {
  case .training:
    return [.pauseRun]
  case .paused where !state.isStale:
    return [.resumeRun]
  case .ready where !state.isStale:
    return [.resumeRun]
  default:
    return startRun(&state, singleEpoch: false)
  }
}

/// n: train one epoch, starting a run if there is none.
private func stepOneEpoch(_ state: inout AppState) -> [Command] {
  if state.hasActiveRun && !state.isStale {
    return [.stepEpoch]
  }
  return startRun(&state, singleEpoch: true)
}

private func startRun(_ state: inout AppState, singleEpoch: Bool) -> [Command] {
  if let failure = state.training.validationFailure() {
    state.notice = Notice(.error, failure)
    return []
  }
  state.isStale = false
  state.replayEpoch = nil
  state.notice = Notice(.info, "Building \(state.architecture.summary) and drawing \(state.split.trainSize) training rows.")
  return [.startRun(state.training, state.split, singleEpoch: singleEpoch)]
}

/// r: forget the current run; the next start builds a fresh model.
private func resetRun(_ state: inout AppState) -> [Command] {
  guard state.snapshot != nil else {
    state.notice = Notice(.info, "Nothing to reset: press Space to train.")
    return []
  }
  state.snapshot = nil
  state.isStale = false
  state.replayEpoch = nil
  state.notice = Notice(.info, "Model reset. Press Space to train a new one.")
  return [.discardRun]
}

// MARK: - Loss chart

private func handleLossChartKey(_ key: Key, in state: inout AppState) -> [Command] {
  if key == .character("l") {
    state.lossScale = state.lossScale.toggled
    return []
  }
  handleReplayKey(key, in: &state)
  return []
}
