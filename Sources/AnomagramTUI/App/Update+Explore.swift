import AnomagramCore

/// Keys of the Explore screen. Up and Down (or k and j) step through the
/// test samples the filter keeps, Page Up and Page Down by 10, and Home and
/// End go to the ends. `f` and `F` change the filter, `u` the units, and `b`
/// swaps the sample list for the bottleneck plot in small windows. `d`, `0`
/// and `z` start drawing.
func handleExploreKey(_ key: Key, in state: inout AppState) -> [Command] {
  if state.explore.drawing != nil {
    handleDrawingKey(key, in: &state)
    return []
  }
  guard let selection = ExploreSelection(state) else {
    if key != .escape {
      state.notice = Notice(.info, noModelNotice)
    }
    return []
  }
  switch key {
  case .up, .character("k"): step(to: .offset(-1), in: selection, state: &state)
  case .down, .character("j"): step(to: .offset(1), in: selection, state: &state)
  case .pageUp: step(to: .offset(-pageSize), in: selection, state: &state)
  case .pageDown: step(to: .offset(pageSize), in: selection, state: &state)
  case .home, .character("g"): step(to: .first, in: selection, state: &state)
  case .end, .character("G"): step(to: .last, in: selection, state: &state)
  case .character("f"): changeFilter(by: 1, labels: selection.model.labels, in: &state)
  case .character("F"): changeFilter(by: -1, labels: selection.model.labels, in: &state)
  case .character("u"):
    state.explore.showsOriginalUnits.toggle()
    state.notice = Notice(
      .info,
      state.explore.showsOriginalUnits
        ? "Values in the data's own units." : "Values scaled as the model sees them: [0, 1] on training data.")
  case .character("b"): toggleBottleneckInList(&state)
  case .character("d"): startDrawing(.sample, selection: selection, in: &state)
  case .character("0"): startDrawing(.flat, selection: selection, in: &state)
  case .character("z"): startDrawing(.noise, selection: selection, in: &state)
  default: break
  }
  return []
}

/// The notice for Explore keys pressed before there is a model.
let noModelNotice = "No model to explore yet: press 1 for the Train screen, then Space to train."

/// The samples Page Up and Page Down move by.
let pageSize = 10

private enum StepTarget {
  case offset(Int)
  case first
  case last
}

/// Selects another sample of the filtered list, stopping at its ends.
private func step(to target: StepTarget, in selection: ExploreSelection, state: inout AppState) {
  guard let position = selection.position else {
    state.notice = Notice(.info, state.explore.filter.emptyMessage)
    return
  }
  let last = selection.rows.count - 1
  let newPosition: Int
  switch target {
  case .offset(let offset): newPosition = min(max(position + offset, 0), last)
  case .first: newPosition = 0
  case .last: newPosition = last
  }
  state.explore.selectedRow = selection.rows[newPosition]
}

private func changeFilter(by offset: Int, labels: [String], in state: inout AppState) {
  state.explore.filter = state.explore.filter.moved(by: offset, labels: labels)
  guard let selection = ExploreSelection(state) else { return }
  if selection.rows.isEmpty {
    state.notice = Notice(.info, state.explore.filter.emptyMessage)
  } else {
    state.notice = Notice(.info, "Filter: \(state.explore.filter.name), \(selection.rows.count) test samples.")
  }
}

private func toggleBottleneckInList(_ state: inout AppState) {
  if ExploreLayout(size: state.size, showsBottleneckInList: false).hasBottleneckPane {
    state.notice = Notice(.info, "The bottleneck plot has its own pane at this window size.")
    return
  }
  state.explore.showsBottleneckInList.toggle()
}

// MARK: - Draw mode

private enum DrawingStart {
  case sample
  case flat
  case noise
}

/// Starts or restarts a drawing. A new drawing keeps the cursor and brush
/// of the one it replaces.
private func startDrawing(_ start: DrawingStart, selection: ExploreSelection, in state: inout AppState) {
  let count = selection.model.featureCount
  var drawing: Drawing
  switch start {
  case .sample:
    guard let row = selection.row else {
      state.notice = Notice(.info, "\(state.explore.filter.emptyMessage) Press 0 or z to draw from scratch.")
      return
    }
    drawing = Drawing(origin: .sample(row), values: Array(selection.model.test.row(row)))
  case .flat:
    drawing = .flat(count: count)
  case .noise:
    state.explore.noiseCount += 1
    drawing = .noise(count: count, seed: state.explore.noiseCount)
  }
  if let previous = state.explore.drawing {
    drawing.cursor = min(previous.cursor, count - 1)
    drawing.brushWidth = previous.brushWidth
  }
  state.explore.drawing = drawing
  state.notice = Notice(.info, "Draw mode: Up/Down or the mouse change the signal; Enter or Esc leaves.")
}

/// Keys in draw mode. Left and Right move the cursor, and Up and Down raise
/// and lower the points under the brush (Page Up and Page Down five times
/// as much). `[` and `]` change the brush, `d`, `0` and `z` start again,
/// and Enter or Escape leave.
private func handleDrawingKey(_ key: Key, in state: inout AppState) {
  guard var drawing = state.explore.drawing else { return }
  switch key {
  case .enter, .escape:
    state.explore.drawing = nil
    state.notice = nil
    return
  case .character("d"), .character("0"), .character("z"):
    guard let selection = ExploreSelection(state) else {
      state.notice = Notice(.info, noModelNotice)
      return
    }
    let start: DrawingStart = key == .character("d") ? .sample : key == .character("0") ? .flat : .noise
    startDrawing(start, selection: selection, in: &state)
    return
  case .left, .character("h"): drawing.moveCursor(by: -1)
  case .right, .character("l"): drawing.moveCursor(by: 1)
  case .home: drawing.moveCursor(by: -drawing.values.count)
  case .end: drawing.moveCursor(by: drawing.values.count)
  case .up, .character("k"): drawing.raise(by: Drawing.step)
  case .down, .character("j"): drawing.raise(by: -Drawing.step)
  case .pageUp: drawing.raise(by: Drawing.largeStep)
  case .pageDown: drawing.raise(by: -Drawing.largeStep)
  case .character("["): drawing.changeBrush(by: -1)
  case .character("]"): drawing.changeBrush(by: 1)
  case .character("u"):
    state.notice = Notice(.info, "Draw mode shows scaled values, the model's input. Enter leaves it.")
    return
  default:
    return
  }
  state.explore.drawing = drawing
}

// MARK: - Mouse

/// Mouse on the Explore screen. In draw mode a press or drag on the chart
/// sets the value under the pointer, and a drag that leaves the plot is
/// held at its edge. Otherwise the wheel steps through the samples and a
/// press on a row of the list selects it.
func handleExploreMouse(_ mouse: MouseEvent, in state: inout AppState) {
  let layout = ExploreLayout(size: state.size, showsBottleneckInList: state.explore.showsBottleneckInList)
  if var drawing = state.explore.drawing {
    let plot = SignalChart.plotRect(in: layout.chart.inset(by: 1), valueRange: Double.range(drawing.valueRange))
    switch mouse.kind {
    case .press where plot.contains(x: mouse.x, y: mouse.y):
      let target = drawingTarget(of: mouse, plot: plot, drawing: drawing)
      drawing.press(index: target.index, value: target.value)
    case .drag where drawing.strokeEnd != nil:
      let target = drawingTarget(of: mouse, plot: plot, drawing: drawing)
      drawing.drag(index: target.index, value: target.value)
    case .release:
      drawing.strokeEnd = nil
    default:
      return
    }
    state.explore.drawing = drawing
    return
  }

  guard let selection = ExploreSelection(state) else { return }
  switch mouse.kind {
  case .scrollUp: step(to: .offset(-1), in: selection, state: &state)
  case .scrollDown: step(to: .offset(1), in: selection, state: &state)
  case .press:
    guard let list = layout.list,
      let row = SampleListPane.row(atScreenRow: mouse.y, column: mouse.x, in: list, selection: selection)
    else { return }
    state.explore.selectedRow = row
  default:
    break
  }
}

/// Returns the point and value under a mouse event on the drawing's chart, with
/// positions outside the plot held at its nearest edge.
private func drawingTarget(of mouse: MouseEvent, plot: Rect, drawing: Drawing) -> (index: Int, value: Float) {
  let column = min(max(mouse.x, plot.x), plot.maxX - 1) - plot.x
  let row = min(max(mouse.y, plot.y), plot.maxY - 1) - plot.y
  let index = SignalChart.point(atColumn: column, count: drawing.values.count, plotWidth: plot.width)
  let value = SignalChart.value(atRow: row, plotHeight: plot.height, range: Double.range(drawing.valueRange))
  return (index, Float(value))
}

extension Double {
  /// Returns the `Float` range widened to `Double`.
  static func range(_ range: ClosedRange<Float>) -> ClosedRange<Double> {
    Double(range.lowerBound)...Double(range.upperBound)
  }
}

// MARK: - Bottleneck plot

/// Recomputes the bottleneck plot's points when the Explore screen shows
/// the plot and its model or test rows have changed. The check costs two
/// array comparisons that stop at once when the arrays share storage.
func refreshProjection(_ state: inout AppState) {
  guard state.screen == .explore, let model = state.exploreModel else { return }
  let layout = ExploreLayout(size: state.size, showsBottleneckInList: state.explore.showsBottleneckInList)
  guard layout.bottleneck != nil else { return }
  if let projection = state.explore.projection, projection.matches(model) { return }
  state.explore.projection = BottleneckProjection(model)
}
