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
    // The run now trains at this rate, so it no longer differs from the run's settings.
    state.runSettings?.training.optimizer.learningRate = rate
    if state.isStale {
      state.isStale = state.runSettings != state.currentRunSettings
    }
    state.notice = Notice(.info, "Learning rate \(SettingsField.shortNumber(Double(rate))) applies from the next batch.")
    return [.setLearningRate(rate)]
  }
  noteSettingsChange(from: before, in: &state)
  return []
}

/// Updates `isStale` after the model or training settings changed from
/// those of `before`. A change back to the current run's settings clears it.
func noteSettingsChange(from before: AppState, in state: inout AppState) {
  guard state.snapshot != nil else { return }
  // While `isStale` is clear, the settings before this change are the run's.
  if !state.isStale || state.runSettings == nil {
    state.runSettings = before.currentRunSettings
  }
  state.isStale = state.runSettings != state.currentRunSettings
}

/// The settings a run is built from: the model, training and data settings.
struct RunSettings: Equatable, Sendable {
  var training: TrainingConfiguration
  var split: SplitConfiguration
}

extension AppState {
  /// The settings the next run would be built from.
  var currentRunSettings: RunSettings {
    RunSettings(training: training, split: split)
  }

  /// Whether the model pane's settings (layers, units and activations)
  /// differ from the current run's.
  var isModelChanged: Bool {
    guard isStale, let built = runSettings?.training else { return false }
    return built.encoderUnits != training.encoderUnits || built.latentSize != training.latentSize
      || built.hiddenActivation != training.hiddenActivation || built.outputActivation != training.outputActivation
  }

  /// Whether the settings pane's values (training and data settings)
  /// differ from the current run's.
  var isTrainingChanged: Bool {
    guard isStale, let built = runSettings else { return false }
    // The built settings with the model pane's values taken from the current ones.
    var comparable = built.training
    comparable.encoderUnits = training.encoderUnits
    comparable.latentSize = training.latentSize
    comparable.hiddenActivation = training.hiddenActivation
    comparable.outputActivation = training.outputActivation
    return comparable != training || built.split != split
  }
}
