import AnomagramCore

/// Keys of the threshold pane: left and right move the threshold in fine
/// steps, up and down (or Page Up and Page Down) in coarse ones; letters
/// snap it to a rule; `l` switches the histogram to log counts. `[`, `]`
/// and Escape replay earlier epochs (see `handleReplayKey`).
func handleThresholdKey(_ key: Key, in state: inout AppState) -> [Command] {
  switch key {
  case .character("l"):
    state.histogramScale = state.histogramScale.toggled
  case .character("f"):
    snap(to: .maxF1, in: &state)
  case .character("a"):
    snap(to: .maxAccuracy, in: &state)
  case .character("y"):
    snap(to: .youden, in: &state)
  case .character("p"):
    snap(to: .percentile(ThresholdRule.defaultPercentile), in: &state)
  case .character("s"):
    snap(to: .meanPlusStandardDeviations(ThresholdRule.defaultStandardDeviations), in: &state)
  case .left, .character("h"):
    moveThreshold(steps: -1, fraction: 1 / 200, in: &state)
  case .right:
    moveThreshold(steps: 1, fraction: 1 / 200, in: &state)
  case .down, .pageDown, .character("j"):
    moveThreshold(steps: -1, fraction: 1 / 20, in: &state)
  case .up, .pageUp, .character("k"):
    moveThreshold(steps: 1, fraction: 1 / 20, in: &state)
  default:
    handleReplayKey(key, in: &state)
  }
  return []
}

private func snap(to rule: ThresholdRule, in state: inout AppState) {
  state.threshold = .rule(rule)
  if let reading = ThresholdReading(setting: state.threshold, snapshot: state.snapshot), reading.fallbackReason != nil {
    state.notice = Notice(
      .warning,
      "The \(rule.name) needs normal and abnormal test rows; the threshold uses the "
        + "\(reading.source) instead (key p).")
  } else {
    state.notice = Notice(.info, "The threshold follows the \(rule.name).")
  }
}

/// Moves the threshold by `steps` times `fraction` of the histogram's range.
private func moveThreshold(steps: Int, fraction: Float, in state: inout AppState) {
  guard let evaluation = state.shownEvaluation, let reading = state.shownThresholdReading else {
    state.notice = Notice(.info, "Train a model first: the threshold applies to its reconstruction errors.")
    return
  }
  let range = ThresholdReading.displayRange(errors: evaluation.testErrors, threshold: reading.value)
  let step = (range.upperBound - range.lowerBound) * fraction
  state.threshold = .manual(max(0, reading.value + Float(steps) * step))
}
