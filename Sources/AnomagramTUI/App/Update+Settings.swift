import AnomagramCore

/// Keys of the settings pane: up and down choose a field, left and right
/// cycle its presets, Enter types a value.
func handleSettingsKey(_ key: Key, in state: inout AppState) -> [Command] {
  let fields = SettingsField.allCases
  let field = fields[min(state.settingsCursor, fields.count - 1)]
  switch key {
  case .up, .character("k"):
    state.settingsCursor = max(0, state.settingsCursor - 1)
    return []
  case .down, .character("j"):
    state.settingsCursor = min(fields.count - 1, state.settingsCursor + 1)
    return []
  case .left, .right, .character("h"), .character("l"):
    let before = state
    field.cycle(&state, direction: key == .left || key == .character("h") ? -1 : 1)
    return settingChanged(field, from: before, in: &state)
  case .enter:
    guard field.acceptsTypedValue else {
      state.notice = Notice(.info, "Use the left and right arrow keys to choose the \(field.label).")
      return []
    }
    state.editor = FieldEditor(target: .setting(field), text: field.text(in: state))
    return []
  default:
    return []
  }
}

/// Applies the consequences of a changed setting: the learning rate goes
/// to the running session, anything else waits for the next run.
func settingChanged(_ field: SettingsField, from before: AppState, in state: inout AppState) -> [Command] {
  guard field.text(in: before) != field.text(in: state) || before.training != state.training else { return [] }
  if field.appliesToRunningSession && state.hasActiveRun {
    let rate = state.training.optimizer.learningRate
    state.notice = Notice(.info, "Learning rate \(SettingsField.shortNumber(Double(rate))) applies from the next batch.")
    return [.setLearningRate(rate)]
  }
  markStale(&state)
  return []
}
