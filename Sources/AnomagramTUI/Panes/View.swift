import AnomagramCore

/// The smallest terminal the Train and Explore screens fit in.
public let minimumScreenSize = Size(width: 80, height: 24)

/// Draws the whole screen for `state`. Pure: the same state and size give
/// the same canvas.
public func view(_ state: AppState, size: Size) -> Canvas {
  var canvas = Canvas(size: size)
  guard size.width >= minimumScreenSize.width, size.height >= minimumScreenSize.height else {
    drawTooSmall(&canvas, state: state)
    return canvas
  }

  let (titleRow, body) = canvas.bounds.splitTop(1)
  let (main, bottom) = body.splitBottom(2)
  drawTitle(&canvas, in: titleRow, state: state)
  let (statusRow, footerRow) = bottom.splitTop(1)
  StatusBar(state: state).draw(into: &canvas, in: statusRow)
  Footer(state: state).draw(into: &canvas, in: footerRow)

  switch state.screen {
  case .train: drawTrainScreen(&canvas, in: main, state: state)
  case .explore: drawExploreScreen(&canvas, state: state, size: size)
  case .runs: drawRunsScreen(&canvas, in: main, state: state)
  }

  if let tour = state.tour {
    TourOverlay(state: state, step: tour.step).draw(into: &canvas, in: main)
  }
  if state.isShowingHelp {
    HelpOverlay(state: state).draw(into: &canvas, in: main)
  }
  drawFileDialog(&canvas, in: main, state: state)
  if state.isConfirmingQuit {
    drawQuitQuestion(&canvas, in: main, state: state)
  }
  return canvas
}

/// Draws the Train screen's panes in `main`, the area between the title
/// and status rows.
private func drawTrainScreen(_ canvas: inout Canvas, in main: Rect, state: AppState) {
  let layout = TrainLayout(main: main, size: canvas.size, training: state.training)
  ModelPane(state: state).draw(into: &canvas, in: layout.model)
  SettingsPane(state: state).draw(into: &canvas, in: layout.settings)
  LossChartPane(state: state).draw(into: &canvas, in: layout.lossChart)
  HistogramPane(state: state).draw(into: &canvas, in: layout.histogram)
  ROCPane(state: state).draw(into: &canvas, in: layout.roc)
  MetricsPane(state: state).draw(into: &canvas, in: layout.metrics)
}

/// Draws the title row: the program's name, each screen's key and name with
/// the current one bold and underlined, then where the data came from.
private func drawTitle(_ canvas: inout Canvas, in rect: Rect, state: AppState) {
  var x = canvas.write(" Anomagram ", x: rect.x, y: rect.y, foreground: Theme.focusedBorder, style: [.bold, .reverse], clip: rect)
  for screen in AppState.Screen.allCases {
    let isCurrent = screen == state.screen
    x = canvas.write(
      " \(screen.rawValue) \(screen.name) ", x: x + 1, y: rect.y, foreground: isCurrent ? .default : Theme.muted,
      style: isCurrent ? [.bold, .underline] : [], clip: rect)
  }
  canvas.write("  \(state.dataDescription)", x: x, y: rect.y, foreground: Theme.muted, clip: rect)
}

private func drawQuitQuestion(_ canvas: inout Canvas, in area: Rect, state: AppState) {
  let width = min(54, area.width - 2)
  let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + area.height / 2 - 2, width: width, height: 4)
  canvas.fill(rect)
  let inner = drawPaneFrame(&canvas, rect, title: "Quit?", focused: true, glyphs: state.glyphs)
  canvas.write("Training is running. Quit anyway? (y/n)", x: inner.x + 1, y: inner.y, style: .bold, clip: inner)
  canvas.write("The model is not saved.", x: inner.x + 1, y: inner.y + 1, foreground: Theme.muted, clip: inner)
}

/// Says how large the terminal must be, and the run's epoch when there is
/// a run. Each sentence is wrapped to the window's width and the lines are
/// centred; those below the window's last row are left out.
private func drawTooSmall(_ canvas: inout Canvas, state: AppState) {
  let size = canvas.size
  let isTraining = state.status == .training
  // While training, q requests a confirmation first, which has no window
  // here. Any key other than y keeps training, as in the window.
  let quitting: String
  if state.isConfirmingQuit {
    quitting = "Quit? y quits."
  } else {
    quitting = isTraining ? "q, then y, quits." : "q quits."
  }
  var paragraphs: [(text: String, color: TerminalColor, style: TextStyle)] = [
    ("Terminal too small: \(size.width)x\(size.height).", .default, .bold),
    ("Anomagram needs at least \(minimumScreenSize.width)x\(minimumScreenSize.height).", .default, []),
    (isTraining ? "Enlarge the window; training goes on." : "Enlarge the window.", .default, []),
    (quitting, .default, state.isConfirmingQuit ? .bold : []),
  ]
  if let snapshot = state.snapshot {
    paragraphs.append(("epoch \(snapshot.epoch)/\(snapshot.totalEpochs)", Theme.muted, []))
  }
  let lines = paragraphs.flatMap { paragraph in
    wrapped(paragraph.text, width: size.width).map { (text: $0, color: paragraph.color, style: paragraph.style) }
  }
  let top = max(0, (size.height - lines.count) / 2)
  for (index, line) in lines.prefix(size.height).enumerated() {
    let text = line.text.truncated(to: size.width, ellipsis: state.glyphs.ellipsis)
    canvas.write(
      text, x: max(0, (size.width - text.count) / 2), y: top + index, foreground: line.color, style: line.style)
  }
}
