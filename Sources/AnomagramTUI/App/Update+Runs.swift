/// Keys of the Runs screen. Up and Down (k and j) select a run, and Page Up
/// and Page Down move by 10. Home and End (g and G) go to the newest and the
/// oldest run, and `x` exports the history as CSV.
func handleRunsKey(_ key: Key, in state: inout AppState) -> [Command] {
  switch key {
  case .character("x"):
    guard !state.runs.records.isEmpty else {
      state.notice = Notice(.info, noRunsNotice)
      return []
    }
    state.files.prompt = PathPrompt(purpose: .exportRuns, text: FileState.defaultRunsPath)
  case .up, .character("k"): selectRun(by: -1, in: &state)
  case .down, .character("j"): selectRun(by: 1, in: &state)
  case .pageUp: selectRun(by: -pageSize, in: &state)
  case .pageDown: selectRun(by: pageSize, in: &state)
  case .home, .character("g"): selectRun(by: -state.runs.records.count, in: &state)
  case .end, .character("G"): selectRun(by: state.runs.records.count, in: &state)
  default: break
  }
  return []
}

/// The notice for Runs screen keys pressed before any run has ended.
let noRunsNotice = "No runs yet: a run gets a row here when it finishes, is stopped or diverges."

/// Moves the selection `offset` rows down the newest-first list, stopping at its ends.
private func selectRun(by offset: Int, in state: inout AppState) {
  guard let position = state.runs.selectedPosition else {
    state.notice = Notice(.info, noRunsNotice)
    return
  }
  let rows = state.runs.newestFirst
  let newPosition = min(max(position + offset, 0), rows.count - 1)
  // The newest row is kept as `nil`, so the selection follows new runs to the top.
  state.runs.selectedNumber = newPosition == 0 ? nil : rows[newPosition].number
}
