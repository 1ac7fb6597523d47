import AnomagramCore

/// Training and validation loss per epoch.
struct LossChartPane {
  let state: AppState

  func draw(into canvas: inout Canvas, in rect: Rect) {
    let focused = state.focus == .lossChart
    let scale = state.lossScale == .logarithmic ? " (log)" : ""
    let inner = drawPaneFrame(&canvas, rect, title: "Loss per epoch\(scale)", focused: focused, glyphs: state.glyphs)
    guard !inner.isEmpty else { return }
    let history = state.snapshot?.history ?? []
    let training = history.map { (x: Double($0.epoch), y: $0.trainLoss) }
    let validation = history.compactMap { summary in summary.validationLoss.map { (x: Double(summary.epoch), y: $0) } }
    let epochs = Double(max(state.snapshot?.totalEpochs ?? state.training.epochs, 1))
    let chart = LineChart(
      series: [
        LineChart.Series(name: "train", points: training, color: Theme.trainingLoss),
        LineChart.Series(name: "validation", points: validation, color: Theme.validationLoss),
      ],
      yScale: state.lossScale == .logarithmic ? .log10 : .linear,
      xRange: 0...epochs)
    chart.draw(into: &canvas, in: inner, glyphs: state.glyphs)
  }
}

/// Reconstruction errors of the test rows by class, with the threshold.
struct HistogramPane {
  let state: AppState

  func draw(into canvas: inout Canvas, in rect: Rect) {
    let focused = state.focus == .threshold
    let scale = state.histogramScale == .logarithmic ? " (log counts)" : ""
    let inner = drawPaneFrame(
      &canvas, rect, title: "Error histogram\(scale)", focused: focused, glyphs: state.glyphs)
    guard !inner.isEmpty else { return }
    guard let snapshot = state.snapshot, let evaluation = snapshot.evaluation else {
      canvas.writeTruncated("Errors appear once training starts.", x: inner.x + 1, y: inner.y, foreground: Theme.muted, clip: inner, ellipsis: state.glyphs.ellipsis)
      return
    }
    let reading = ThresholdReading(setting: state.threshold, snapshot: snapshot)
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
      abnormalColor: Theme.abnormal, thresholdColor: Theme.threshold)
    chart.draw(into: &canvas, in: inner, glyphs: state.glyphs)
  }
}

/// The ROC curve with the operating point of the current threshold.
struct ROCPane {
  let state: AppState

  func draw(into canvas: inout Canvas, in rect: Rect) {
    let inner = drawPaneFrame(&canvas, rect, title: "ROC", focused: false, glyphs: state.glyphs)
    guard !inner.isEmpty else { return }
    guard let snapshot = state.snapshot, let evaluation = snapshot.evaluation else {
      canvas.writeTruncated("No curve yet.", x: inner.x + 1, y: inner.y, foreground: Theme.muted, clip: inner, ellipsis: state.glyphs.ellipsis)
      return
    }
    let reading = ThresholdReading(setting: state.threshold, snapshot: snapshot)
    let chart = ROCChart(
      curve: evaluation.roc, threshold: reading?.value, curveColor: Theme.good, markerColor: Theme.threshold)
    chart.draw(into: &canvas, in: inner, glyphs: state.glyphs)
  }
}
