import AnomagramCore
import Foundation

/// The status line: run state, epoch, progress, speed and time left, then
/// the newest notice.
struct StatusBar {
  let state: AppState

  var statusLabel: (text: String, color: TerminalColor) {
    switch state.status {
    case nil: return ("IDLE", Theme.muted)
    case .ready: return ("READY", Theme.muted)
    case .training: return ("TRAINING", Theme.good)
    case .paused: return ("PAUSED", Theme.warning)
    case .finished where state.runs.current?.modelFile != nil: return ("OPENED", Theme.normal)
    case .finished: return ("FINISHED", Theme.normal)
    case .stopped: return ("STOPPED", Theme.muted)
    case .diverged: return ("DIVERGED", Theme.error)
    }
  }

  /// Draws the run state, the epoch and the progress details, then the
  /// notes and the notice. The notice comes before the note on changed
  /// settings, which the pane titles also show. The progress details give
  /// way to the notice one by one (time left, speed, then the bar), so it
  /// is read whole where the row allows.
  func draw(into canvas: inout Canvas, in rect: Rect) {
    guard rect.height > 0 else { return }
    let y = rect.y
    let label = statusLabel
    var x = canvas.write(" \(label.text) ", x: rect.x, y: y, foreground: label.color, style: [.reverse, .bold], clip: rect)
    x += 1
    let epochs = state.snapshot?.totalEpochs ?? state.training.epochs
    x = canvas.write("epoch \(state.snapshot?.epoch ?? 0)/\(epochs) ", x: x, y: y, clip: rect)

    var replayNote = ""
    if state.screen == .train, state.isReplaying, let epoch = state.shownEvaluation?.epoch {
      replayNote = "  replay: epoch \(epoch) of \(epochs), Esc for live"
    }
    let noticeText = state.notice.map { "  " + $0.text } ?? ""
    let progress = state.snapshot?.progress ?? 0
    let details = progressDetails(
      room: rect.maxX - x - replayNote.count - noticeText.count, barWidth: min(20, max(0, rect.width / 6)))

    let bar = Rect(x: x, y: y, width: details.barWidth, height: 1)
    ProgressBar(fraction: progress).draw(into: &canvas, in: bar, glyphs: state.glyphs)
    x += details.barWidth
    x = canvas.write(details.percent, x: x, y: y, clip: rect)
    if let speed = details.speed {
      x = canvas.write(speed, x: x, y: y, clip: rect)
    }
    if let remaining = details.remaining {
      x = canvas.write(remaining, x: x, y: y, foreground: Theme.muted, clip: rect)
    }
    x = canvas.write(replayNote, x: x, y: y, foreground: Theme.warning, clip: rect)
    if let notice = state.notice {
      x = canvas.writeTruncated(
        noticeText, x: x, y: y, foreground: Self.color(of: notice.kind), clip: rect, ellipsis: state.glyphs.ellipsis)
    }
    let staleNote = "  settings changed: Space starts a new run"
    if state.isStale && staleNote.count <= rect.maxX - x {
      canvas.write(staleNote, x: x, y: y, foreground: Theme.warning, clip: rect)
    }
  }

  /// Returns the progress details that fit in `room` columns: the bar of
  /// `barWidth` columns, the percentage, the speed and the time left, less
  /// the time left, then the speed, then the bar, until they fit. The
  /// percentage always stays.
  private func progressDetails(room: Int, barWidth: Int) -> (
    barWidth: Int, percent: String, speed: String?, remaining: String?
  ) {
    let progress = state.snapshot?.progress ?? 0
    var details = (
      barWidth: barWidth, percent: String(format: " %3.0f%%", progress * 100), speed: speedText,
      remaining: remainingText
    )
    var width: Int {
      details.barWidth + details.percent.count + (details.speed?.count ?? 0) + (details.remaining?.count ?? 0)
    }
    if width > room { details.remaining = nil }
    if width > room { details.speed = nil }
    if width > room {
      // Without the bar, the percentage needs no padding to a fixed width.
      details.barWidth = 0
      details.percent = String(format: " %.0f%%", progress * 100)
    }
    return details
  }

  /// "  12,345 samples/s" once the run has a speed, else `nil`.
  private var speedText: String? {
    guard let snapshot = state.snapshot, snapshot.samplesPerSecond > 0,
      snapshot.samplesPerSecond < Double(Int.max)
    else { return nil }
    return "  \(formatGrouped(Int(snapshot.samplesPerSecond))) samples/s"
  }

  /// "  ~3 min 5 s left" while training with an estimate, else `nil`.
  private var remainingText: String? {
    guard let snapshot = state.snapshot, snapshot.status == .training, let seconds = snapshot.secondsRemaining,
      seconds.isFinite, seconds >= 0, seconds < Double(Int.max)
    else { return nil }
    return "  ~\(Self.duration(seconds)) left"
  }

  private static func color(of kind: Notice.Kind) -> TerminalColor {
    switch kind {
    case .info: Theme.muted
    case .warning: Theme.warning
    case .error: Theme.error
    }
  }

  /// Seconds as `12 s`, `3 min 5 s` or `2 h 10 min`.
  static func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    if whole < 60 { return "\(whole) s" }
    if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
    return "\(whole / 3600) h \(whole % 3600 / 60) min"
  }
}

/// The footer: the keys that work in the focused pane (on the Explore
/// screen, in its mode), then the global ones.
struct Footer {
  let state: AppState

  private var upDown: String { state.glyphs.isUnicode ? "↑↓" : "up/down" }
  private var leftRight: String { state.glyphs.isUnicode ? "←→" : "left/right" }

  var keyHints: [(key: String, action: String)] {
    if state.editor != nil {
      return [("0-9 . e -", "type"), ("Enter", "set"), ("Esc", "cancel"), ("Backspace", "delete")]
    }
    if state.isConfirmingQuit {
      return [("y", "quit"), ("any other key", "keep training")]
    }
    if let hints = fileDialogHints {
      return hints
    }
    if let tour = state.tour {
      return [("Enter", tour.isAtLastStep ? "finish" : "next"), (leftRight, "back / next"), ("Esc", "skip tour")]
    }
    switch state.screen {
    case .train: return trainHints
    case .explore: return exploreHints
    case .runs: return runsHints
    }
  }

  private var trainHints: [(key: String, action: String)] {
    // While replaying, the keys that step and return to live come first,
    // so they stay in view on narrow footers.
    let isReplayPane = state.focus == .threshold || state.focus == .lossChart
    var hints: [(String, String)] = isReplayPane && state.replayEpoch != nil ? [("[ ]", "epoch"), ("Esc", "live")] : []
    switch state.focus {
    case .model:
      hints += [(upDown, "select"), (leftRight, "change"), ("a", "add layer"), ("d", "remove"), ("Enter", "type units")]
    case .settings:
      hints += [(upDown, "select"), (leftRight, "change"), ("Enter", "type value")]
    case .threshold:
      hints += [
        (leftRight, "fine"), (upDown, "coarse"), ("f", "max F1"), ("a", "max accuracy"), ("y", "Youden"),
        ("p", "percentile"), ("s", "mean+3sd"), ("l", "log counts"),
      ]
    case .lossChart:
      hints += [("l", "log scale")]
    }
    if isReplayPane && state.replayEpoch == nil {
      hints.append(("[", "replay"))
    }
    hints += [
      ("Space", state.status == .training ? "pause" : "train"), ("n", "one epoch"), ("r", "reset"),
      ("Tab", "next pane"), ("2", "Explore"),
    ]
    return hints
  }

  private var exploreHints: [(key: String, action: String)] {
    let training = ("Space", state.status == .training ? "pause" : "train")
    if state.explore.drawing != nil {
      return [
        (leftRight, "move"), (upDown, "raise/lower"), ("Enter", "done"), ("[ ]", "brush"), ("0", "flat"),
        ("z", "noise"), ("d", "from sample"), ("mouse", "draw"), training,
      ]
    }
    guard state.exploreModel != nil else {
      return [("1", "Train screen"), training]
    }
    var hints = [
      (upDown, "step"), ("PgUp/PgDn", "10"), ("f", "filter"), ("u", state.explore.showsOriginalUnits ? "scaled" : "units"),
      ("d", "draw"),
    ]
    if !ExploreLayout(size: state.size, showsBottleneckInList: false).hasBottleneckPane {
      hints.append(("b", state.explore.showsBottleneckInList ? "list" : "bottleneck"))
    }
    return hints + [training, ("1", "Train")]
  }

  /// Keys shown at the right end whatever the width, so help and quitting,
  /// and on the Train screen the file keys, are always in view.
  var fixedHints: [(key: String, action: String)] {
    state.editor != nil || state.isConfirmingQuit || state.isShowingFileDialog
      ? [] : fileHints + [("?", "help"), ("q", "quit")]
  }

  func draw(into canvas: inout Canvas, in rect: Rect) {
    guard rect.height > 0 else { return }
    // An editor's error keeps its room, so the hints give way to it.
    let errorWidth = state.editor?.error?.count ?? 0
    let fixedWidth = fixedHints.reduce(0) { $0 + $1.key.count + $1.action.count + 3 } + errorWidth
    var x = rect.x + 1
    for hint in keyHints {
      let width = hint.key.count + hint.action.count + 3
      guard x + width - 2 <= rect.maxX - fixedWidth else { break }
      x = drawHint(hint, at: x, into: &canvas, in: rect)
    }
    if let error = state.editor?.error {
      canvas.writeTruncated(
        error, x: x, y: rect.y, foreground: Theme.error, style: .bold, clip: rect, ellipsis: state.glyphs.ellipsis)
      return
    }
    x = max(x, rect.maxX - fixedWidth)
    for hint in fixedHints {
      x = drawHint(hint, at: x, into: &canvas, in: rect)
    }
  }

  private func drawHint(_ hint: (key: String, action: String), at x: Int, into canvas: inout Canvas, in rect: Rect) -> Int {
    let afterKey = canvas.write(hint.key, x: x, y: rect.y, style: [.bold, .reverse], clip: rect)
    return canvas.write(" \(hint.action)  ", x: afterKey, y: rect.y, foreground: Theme.muted, clip: rect)
  }
}
