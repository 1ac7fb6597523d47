import AnomagramCore

/// The hyperparameter and data form.
struct SettingsPane {
  let state: AppState

  func draw(into canvas: inout Canvas, in rect: Rect) {
    let focused = state.focus == .settings
    let title = state.isTrainingChanged ? "Training (changed)" : "Training"
    let inner = drawPaneFrame(&canvas, rect, title: title, focused: focused, glyphs: state.glyphs)
    guard inner.height > 0, inner.width > 10 else { return }

    // One line per field, plus a heading before the data settings.
    var lines: [SettingsField?] = []
    for field in SettingsField.allCases {
      if field == .trainSize { lines.append(nil) }
      lines.append(field)
    }
    let selectedLine = lines.firstIndex(of: SettingsField(rawValue: state.settingsCursor)) ?? 0
    let offset = scrollOffset(selected: selectedLine, count: lines.count, height: inner.height)
    for (row, line) in lines.dropFirst(offset).prefix(inner.height).enumerated() {
      let y = inner.y + row
      guard let field = line else {
        canvas.write("Data", x: inner.x + 1, y: y, foreground: Theme.muted, style: .bold, clip: inner)
        continue
      }
      let selected = focused && field.rawValue == state.settingsCursor
      var value = field.text(in: state)
      var isError = false
      if let editor = state.editor, editor.target == .setting(field) {
        let width = inner.maxX - (inner.x + 2 + fieldLabelWidth(in: inner))
        value = editingText(editor.text, width: width, glyphs: state.glyphs)
        isError = editor.error != nil
      }
      drawField(
        label: field.label, value: value, selected: selected, into: &canvas, in: inner, y: y, glyphs: state.glyphs,
        error: isError)
    }
  }
}
