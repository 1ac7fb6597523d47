import AnomagramCore

/// Keys of the model pane: up and down choose a row, left and right change
/// units or activation, `a` adds a hidden layer, `d` removes one, Enter
/// types a number of units.
func handleModelKey(_ key: Key, in state: inout AppState) -> [Command] {
  let rows = ModelRow.rows(for: state.training)
  state.modelCursor = min(state.modelCursor, rows.count - 1)
  let row = rows[state.modelCursor]
  switch key {
  case .up, .character("k"):
    state.modelCursor = max(0, state.modelCursor - 1)
  case .down, .character("j"):
    state.modelCursor = min(rows.count - 1, state.modelCursor + 1)
  case .left, .right, .character("h"), .character("l"):
    changeRow(row, direction: key == .left || key == .character("h") ? -1 : 1, in: &state)
  case .character("a"), .character("+"):
    addLayer(after: row, in: &state)
  case .character("d"), .character("-"), .delete:
    removeLayer(row, in: &state)
  case .enter:
    switch row {
    case .hiddenLayer(let index):
      state.editor = FieldEditor(target: .layerUnits(index: index), text: String(state.training.encoderUnits[index]))
    case .bottleneck:
      state.editor = FieldEditor(target: .bottleneckUnits, text: String(state.training.latentSize))
    case .hiddenActivation, .outputActivation:
      state.notice = Notice(.info, "Use the left and right arrow keys to choose the activation.")
    }
  default:
    break
  }
  return []
}

private func changeRow(_ row: ModelRow, direction: Int, in state: inout AppState) {
  let before = state
  switch row {
  case .hiddenLayer(let index):
    state.training.encoderUnits[index] = SettingsField.step(
      state.training.encoderUnits[index], through: ModelRow.unitPresets, direction)
  case .bottleneck:
    state.training.latentSize = SettingsField.step(state.training.latentSize, through: ModelRow.unitPresets, direction)
  case .hiddenActivation:
    let all = Activation.allCases
    let index = all.firstIndex(of: state.training.hiddenActivation) ?? 0
    state.training.hiddenActivation = all[(index + direction + all.count) % all.count]
  case .outputActivation:
    let all = ModelRow.outputActivations
    let index = all.firstIndex(of: state.training.outputActivation) ?? 0
    state.training.outputActivation = all[(index + direction + all.count) % all.count]
  }
  if state.training != before.training { noteSettingsChange(from: before, in: &state) }
}

/// Inserts a hidden layer after the selected one (or as the innermost when
/// the bottleneck or an activation row is selected), with units halfway
/// between its neighbours.
private func addLayer(after row: ModelRow, in state: inout AppState) {
  var units = state.training.encoderUnits
  guard units.count < ModelRow.maximumHiddenLayers else {
    state.notice = Notice(.warning, "The encoder has the most hidden layers allowed (\(ModelRow.maximumHiddenLayers)).")
    return
  }
  let position: Int
  if case .hiddenLayer(let index) = row { position = index + 1 } else { position = units.count }
  let outer = position == 0 ? state.featureCount : units[position - 1]
  let inner = position < units.count ? units[position] : state.training.latentSize
  // The midpoint as the smaller plus half the difference, which cannot
  // overflow for the positive sizes a loaded model may bring.
  let midpoint = min(outer, inner) + (max(outer, inner) - min(outer, inner)) / 2
  let newUnits = max(1, min(ModelRow.maximumUnits, midpoint))
  units.insert(newUnits, at: position)
  let before = state
  state.training.encoderUnits = units
  state.modelCursor = position
  state.notice = Notice(.info, "Added a hidden layer of \(newUnits) units; the decoder mirrors it.")
  noteSettingsChange(from: before, in: &state)
}

private func removeLayer(_ row: ModelRow, in state: inout AppState) {
  guard case .hiddenLayer(let index) = row else {
    state.notice = Notice(.info, "Select a hidden layer to remove; the bottleneck always stays.")
    return
  }
  let before = state
  let removed = state.training.encoderUnits.remove(at: index)
  // The selection stays on a hidden layer while any remain: the one that
  // moved into the removed one's place, or the new last one. Row i is
  // hidden layer i, and row 0 is the bottleneck once none remain.
  state.modelCursor = max(0, min(index, state.training.encoderUnits.count - 1))
  state.notice = Notice(.info, "Removed the hidden layer of \(removed) units.")
  noteSettingsChange(from: before, in: &state)
}
