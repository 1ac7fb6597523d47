import AnomagramCore

/// Replay keys of the threshold and loss chart panes: `[` shows the stored
/// evaluation before the one shown, `]` the one after it, and Escape the
/// newest (live). Stepping `]` onto the newest stored evaluation also
/// returns to live, so the charts follow training again.
///
/// The stored evaluations are `snapshot.evaluationHistory`, at most 400 of
/// them (about 24 MB with the default split); see `AppState.replayEpoch`.
func handleReplayKey(_ key: Key, in state: inout AppState) {
  switch key {
  case .character("["):
    stepReplay(by: -1, in: &state)
  case .character("]"):
    stepReplay(by: 1, in: &state)
  case .escape where state.replayEpoch != nil:
    state.replayEpoch = nil
    state.notice = Notice(.info, "Back to live: the charts show the newest epoch.")
  default:
    break
  }
}

private func stepReplay(by offset: Int, in state: inout AppState) {
  guard let snapshot = state.snapshot, !snapshot.evaluationHistory.evaluations.isEmpty else {
    state.notice = Notice(.info, "Nothing to replay yet: train first, then [ steps back through the epochs.")
    return
  }
  let epochs = snapshot.evaluationHistory.evaluations.map(\.epoch)
  let newest = epochs.count - 1
  let current: Int
  if let replayEpoch = state.replayEpoch, let shown = snapshot.evaluationHistory.nearest(toEpoch: replayEpoch) {
    current = epochs.firstIndex(of: shown.epoch) ?? newest
  } else {
    guard offset < 0 else {
      state.notice = Notice(.info, "The charts already show the newest epoch; [ replays earlier ones.")
      return
    }
    current = newest
  }

  let target = min(max(current + offset, 0), newest)
  if target == current {
    state.notice = Notice(.info, "Epoch \(epochs[target]) is the first stored evaluation.")
  } else if target == newest {
    state.replayEpoch = nil
    state.notice = Notice(.info, "Back to live: the charts show the newest epoch.")
  } else {
    // The status bar names the replayed epoch, so an older notice goes.
    state.replayEpoch = epochs[target]
    state.notice = nil
  }
}
