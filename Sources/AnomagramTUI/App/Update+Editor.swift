import AnomagramCore

/// Keys while a value is being typed: characters edit it, Enter commits,
/// Escape cancels.
func handleEditorKey(_ key: Key, in state: inout AppState) -> [Command] {
  guard var editor = state.editor else { return [] }
  switch key {
  case .escape:
    clearRejection(of: &editor, in: &state)
    state.editor = nil
    return []
  case .backspace, .delete:
    if !editor.text.isEmpty { editor.text.removeLast() }
    editor.isShowingCurrentValue = false
    clearRejection(of: &editor, in: &state)
    state.editor = editor
    return []
  case .character(let character) where character.isNumber || ".-+eE".contains(character):
    if editor.isShowingCurrentValue { editor.text = "" }
    editor.isShowingCurrentValue = false
    // A value cut to fit would read as a different value, so extra
    // characters are rejected with the reason instead.
    guard editor.text.count < FieldEditor.maximumLength else {
      editor.error = "A value has at most \(FieldEditor.maximumLength) characters; press Backspace to delete."
      state.editor = editor
      return []
    }
    editor.text.append(character)
    clearRejection(of: &editor, in: &state)
    state.editor = editor
    return []
  case .enter:
    return commitEditor(editor, in: &state)
  default:
    return []
  }
}

/// Sets the edited value, or keeps the editor open with the reason it was rejected.
private func commitEditor(_ editor: FieldEditor, in state: inout AppState) -> [Command] {
  var editor = editor
  switch editor.target {
  case .setting(let field):
    let before = state
    if let error = field.assign(editor.text, to: &state) {
      editor.error = error
      state.editor = editor
      state.notice = Notice(.error, error)
      return []
    }
    state.editor = nil
    return settingChanged(field, from: before, in: &state)
  case .layerUnits(let index):
    guard let units = parseUnits(editor.text) else {
      editor.error = "Units must be a whole number from 1 to \(ModelRow.maximumUnits)."
      state.editor = editor
      state.notice = Notice(.error, editor.error!)
      return []
    }
    state.editor = nil
    if state.training.encoderUnits.indices.contains(index), state.training.encoderUnits[index] != units {
      let before = state
      state.training.encoderUnits[index] = units
      noteSettingsChange(from: before, in: &state)
    }
    return []
  case .bottleneckUnits:
    guard let units = parseUnits(editor.text) else {
      editor.error = "Units must be a whole number from 1 to \(ModelRow.maximumUnits)."
      state.editor = editor
      state.notice = Notice(.error, editor.error!)
      return []
    }
    state.editor = nil
    if state.training.latentSize != units {
      let before = state
      state.training.latentSize = units
      noteSettingsChange(from: before, in: &state)
    }
    return []
  }
}

/// Clears the editor's error, and the notice that repeats it, once the
/// text that was rejected changes or the editor closes.
private func clearRejection(of editor: inout FieldEditor, in state: inout AppState) {
  if let error = editor.error, state.notice == Notice(.error, error) {
    state.notice = nil
  }
  editor.error = nil
}

private func parseUnits(_ text: String) -> Int? {
  guard let units = Int(text), (1...ModelRow.maximumUnits).contains(units) else { return nil }
  return units
}
