import AnomagramCore

/// Draws the Explore screen's panes between the title and status rows (see
/// `ExploreLayout`), or a message when there is no model to explore.
func drawExploreScreen(_ canvas: inout Canvas, state: AppState, size: Size) {
  let layout = ExploreLayout(size: size, showsBottleneckInList: state.explore.showsBottleneckInList)
  guard let selection = ExploreSelection(state) else {
    drawNoModel(&canvas, in: Rect(x: 0, y: 1, width: size.width, height: size.height - 3), state: state)
    return
  }
  let signal = ShownSignal(state: state, selection: selection)
  if let list = layout.list {
    SampleListPane(state: state, selection: selection).draw(into: &canvas, in: list)
  }
  HeartbeatPane(state: state, selection: selection, signal: signal).draw(into: &canvas, in: layout.chart)
  SampleDetailsPane(state: state, selection: selection, signal: signal).draw(into: &canvas, in: layout.details)
  if let bottleneck = layout.bottleneck {
    BottleneckPane(state: state, selection: selection, signal: signal).draw(into: &canvas, in: bottleneck)
  }
}

/// Tells the user to train a model first, in one pane over the whole area.
private func drawNoModel(_ canvas: inout Canvas, in area: Rect, state: AppState) {
  let inner = drawPaneFrame(&canvas, area, title: "Explore", focused: true, glyphs: state.glyphs)
  let waiting = state.snapshot != nil
  let lines = [
    waiting ? "The run has no model yet." : "No model to explore yet.",
    waiting
      ? "The samples appear after the run's first evaluation."
      : "Press 1 for the Train screen, then Space to train a model.",
    "This screen follows the newest model while training runs:",
    "step through the test heartbeats, see how the model",
    "reconstructs each one, and draw your own.",
  ]
  let top = inner.y + max(0, (inner.height - lines.count) / 2)
  for (index, line) in lines.enumerated() {
    let text = line.truncated(to: inner.width, ellipsis: state.glyphs.ellipsis)
    canvas.write(
      text, x: inner.x + max(0, (inner.width - text.count) / 2), y: top + index,
      foreground: index == 0 ? .default : Theme.muted, style: index == 0 ? .bold : [], clip: inner)
  }
}
