import AnomagramCore

/// Training and validation loss per epoch. While replaying, a marker on
/// the x axis shows the replayed epoch.
struct LossChartPane {
  let state: AppState

  func draw(into canvas: inout Canvas, in rect: Rect) {
    let focused = state.focus == .lossChart
    let scale = state.lossScale == .logarithmic ? " (log)" : ""
    let replayed = state.isReplaying ? state.shownEvaluation?.epoch : nil
    let replay = replayed.map { ", epoch \($0) marked" } ?? ""
    let inner = drawPaneFrame(
      &canvas, rect, title: "Loss per epoch\(scale)\(replay)", focused: focused, glyphs: state.glyphs)
    guard !inner.isEmpty else { return }
    let history = state.snapshot?.history ?? []
    let training = history.map { (x: Double($0.epoch), y: $0.trainLoss) }
    let validation = history.compactMap { summary in summary.validationLoss.map { (x: Double(summary.epoch), y: $0) } }
    let epochs = Double(max(state.snapshot?.totalEpochs ?? state.training.epochs, 1))
    let chart = LineChart(
      series: [
        LineChart.Series(name: "train", points: training, color: Theme.trainingLoss),
        LineChart.Series(
          name: "validation", shortName: "val.", points: validation, color: Theme.validationLoss,
          pattern: Theme.secondLinePattern(colors: state.colors)),
      ],
      yScale: state.lossScale == .logarithmic ? .log10 : .linear,
      xRange: 0...epochs)
    chart.draw(into: &canvas, in: inner, glyphs: state.glyphs)
    if let replayed {
      markEpoch(replayed, of: epochs, into: &canvas, chart: inner)
    }
  }

  /// Writes a marker on the x axis under `epoch`. The chart's layout puts
  /// the axis on the second row from the bottom. The axis corner is the
  /// first character of that row and sits just left of the plot, so the
  /// plot's columns are found from the drawn axis. The column follows the
  /// chart's mapping of x to dots, `(x / epochs) (2 width - 1)`, with two
  /// dots a cell.
  private func markEpoch(_ epoch: Int, of epochs: Double, into canvas: inout Canvas, chart: Rect) {
    guard chart.height >= 3 else { return }
    let axisRow = chart.maxY - 2
    guard let corner = (chart.x..<chart.maxX).first(where: { canvas[$0, axisRow].character != " " }) else { return }
    let plotX = corner + 1
    let plotWidth = chart.maxX - plotX
    guard plotWidth > 0 else { return }
    let dot = Double(epoch) / epochs * Double(2 * plotWidth - 1)
    let column = Int(min(max(dot.rounded(), 0), Double(2 * plotWidth - 1))) / 2
    canvas.write(
      state.glyphs.isUnicode ? "▲" : "^", x: plotX + column, y: axisRow, foreground: Theme.threshold, style: .bold,
      clip: chart)
  }
}

/// Returns a pane's title: `live` normally, and while the Train screen
/// replays an earlier epoch the shorter `replay` with the epoch, such as
/// "Histogram: epoch 12 of 50 (replay)", so that the epoch fits the pane.
/// After a run diverged, the evaluation shown is the last one before it
/// failed, and the title names that epoch: "Histogram: epoch 0 (last good)".
func paneTitle(live: String, replay: String, state: AppState) -> String {
  guard let evaluation = state.shownEvaluation, let snapshot = state.snapshot else { return live }
  if state.isReplaying {
    return "\(replay): epoch \(evaluation.epoch) of \(snapshot.totalEpochs) (replay)"
  }
  if snapshot.status == .diverged {
    return "\(replay): epoch \(evaluation.epoch) (last good)"
  }
  return live
}

/// Reconstruction errors of the test rows by class, with the threshold.
struct HistogramPane {
  let state: AppState

  func draw(into canvas: inout Canvas, in rect: Rect) {
    let focused = state.focus == .threshold
    let scale = state.histogramScale == .logarithmic ? " (log counts)" : ""
    let title = paneTitle(live: "Error histogram\(scale)", replay: "Histogram\(scale)", state: state)
    let inner = drawPaneFrame(&canvas, rect, title: title, focused: focused, glyphs: state.glyphs)
    guard !inner.isEmpty else { return }
    guard let snapshot = state.snapshot, let evaluation = state.shownEvaluation else {
      canvas.writeTruncated("Errors appear once training starts.", x: inner.x + 1, y: inner.y, foreground: Theme.muted, clip: inner, ellipsis: state.glyphs.ellipsis)
      return
    }
    let reading = state.shownThresholdReading
    let range = ThresholdReading.displayRange(errors: evaluation.testErrors, threshold: reading?.value)
    // Two columns per bin, one for each class's bar, across the plot: the
    // pane's width less the count labels and the axis. The labels' width
    // depends on the largest count, so a first binning finds it.
    let isAbnormal = snapshot.split.testIsAbnormal
    let firstGuess = ErrorHistogram(
      errors: evaluation.testErrors, isAbnormal: isAbnormal, range: range, binCount: max(1, (inner.width - 3) / 2))
    let largestCount = zip(firstGuess.normalCounts, firstGuess.abnormalCounts).map { max($0, $1) }.max() ?? 0
    let labelWidth = String(largestCount).count
    let bins = max(1, (inner.width - labelWidth - 1) / 2)
    let histogram = ErrorHistogram(errors: evaluation.testErrors, isAbnormal: isAbnormal, range: range, binCount: bins)
    let chart = HistogramChart(
      histogram: histogram, threshold: reading?.value,
      countScale: state.histogramScale == .logarithmic ? .log1p : .linear, normalColor: Theme.normal,
      abnormalColor: Theme.abnormal, thresholdColor: Theme.threshold,
      abnormalBlock: Theme.abnormalBlock(colors: state.colors, glyphs: state.glyphs))
    chart.draw(into: &canvas, in: inner, glyphs: state.glyphs)
  }
}

/// The ROC curve with the operating point of the current threshold.
struct ROCPane {
  let state: AppState

  func draw(into canvas: inout Canvas, in rect: Rect) {
    let title = paneTitle(live: "ROC", replay: "ROC", state: state)
    let inner = drawPaneFrame(&canvas, rect, title: title, focused: false, glyphs: state.glyphs)
    guard !inner.isEmpty else { return }
    guard let evaluation = state.shownEvaluation else {
      canvas.writeTruncated("No curve yet.", x: inner.x + 1, y: inner.y, foreground: Theme.muted, clip: inner, ellipsis: state.glyphs.ellipsis)
      return
    }
    let chart = ROCChart(
      curve: evaluation.roc, threshold: state.shownThresholdReading?.value, curveColor: Theme.good,
      markerColor: Theme.threshold)
    chart.draw(into: &canvas, in: inner, glyphs: state.glyphs)
  }
}
