import AnomagramCore

/// The shown signal and its reconstruction as two lines, with the error of
/// each point as bars under them. A full bar is an error of a quarter of the
/// chart's value range, the same on every sample, so bars compare across
/// samples at one scale.
struct HeartbeatPane {
  let state: AppState
  let selection: ExploreSelection
  let signal: ShownSignal?

  func draw(into canvas: inout Canvas, in rect: Rect) {
    let isDrawing = state.explore.drawing != nil
    let inner = drawPaneFrame(&canvas, rect, title: title, focused: isDrawing, glyphs: state.glyphs)
    guard !inner.isEmpty else { return }
    guard let signal else {
      drawWrapped(
        "\(state.explore.filter.emptyMessage) Press f to change the filter, or 0 or z to draw a signal.",
        into: &canvas, in: inner, color: Theme.muted, glyphs: state.glyphs)
      return
    }

    let span = signal.valueRange.upperBound - signal.valueRange.lowerBound
    var brush: (points: ClosedRange<Int>, cursor: Int)?
    if let drawing = state.explore.drawing, let first = drawing.brushWeights.first, let last = drawing.brushWeights.last {
      brush = (first.index...last.index, drawing.cursor)
    }
    let chart = SignalChart(
      series: [
        .init(name: isDrawing ? "drawn" : "input", values: signal.shownInput, color: Theme.input),
        .init(
          name: "reconstruction", values: signal.shownReconstruction, color: Theme.reconstruction,
          pattern: Theme.secondLinePattern(colors: state.colors)),
      ],
      valueRange: signal.valueRange, pointErrors: signal.pointErrors, errorFullScale: span / 4,
      errorColor: Theme.pointError, brush: brush, brushColor: Theme.threshold)
    chart.draw(into: &canvas, in: inner, glyphs: state.glyphs)
  }

  private var title: String {
    let units = signal?.isOriginalUnits == true ? "original units" : "scaled"
    guard let drawing = state.explore.drawing else {
      guard let row = selection.row else { return "Test samples" }
      return "Test sample \(row + 1) of \(selection.model.sampleCount) (\(units))"
    }
    switch drawing.origin {
    case .sample(let row): return "Drawing from test sample \(row + 1) (\(units))"
    case .flat: return "Drawing from a flat line (\(units))"
    case .noise(let seed): return "Drawing from noise, seed \(seed) (\(units))"
    }
  }
}
