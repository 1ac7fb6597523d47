/// The help window: every key of the Train screen, by pane.
struct HelpOverlay {
  let state: AppState

  static let sections: [(title: String, keys: [(String, String)])] = [
    (
      "Everywhere",
      [
        ("Space", "start training, pause, resume"), ("n", "train one epoch, then pause"),
        ("r", "reset: forget the model; the next start builds one"), ("Tab / Shift-Tab", "next / previous pane"),
        ("?", "this help"), ("q", "quit (asks first while training)"),
      ]
    ),
    (
      "Model",
      [
        ("Up / Down", "select a layer or activation"), ("Left / Right", "fewer / more units, other activation"),
        ("a or +", "add a hidden layer after the selected one"), ("d or -", "remove the selected hidden layer"),
        ("Enter", "type the number of units"),
      ]
    ),
    (
      "Training",
      [
        ("Up / Down", "select a setting"), ("Left / Right", "previous / next preset value"),
        ("Enter", "type a value; Enter sets it, Esc cancels"),
      ]
    ),
    (
      "Threshold and charts",
      [
        ("Left / Right", "move the threshold a little"), ("Up / Down", "move it a lot"),
        ("f a y", "maximum F1, maximum accuracy, Youden's J"), ("p s", "99th percentile, mean + 3 sd of training errors"),
        ("l", "log scale: histogram counts, or the focused loss chart"),
      ]
    ),
  ]

  /// The help text as lines: a section title (`isTitle`) or a key and its action.
  static var lines: [(key: String, text: String, isTitle: Bool)] {
    var lines: [(String, String, Bool)] = []
    for (index, section) in sections.enumerated() {
      if index > 0 { lines.append(("", "", false)) }
      lines.append(("", section.title, true))
      for (key, action) in section.keys { lines.append((key, action, false)) }
    }
    return lines
  }

  func draw(into canvas: inout Canvas, in bounds: Rect) {
    let lines = Self.lines
    let width = min(bounds.width - 4, 78)
    let height = min(bounds.height - 2, lines.count + 3)
    guard width > 20, height > 4 else { return }
    let rect = Rect(
      x: bounds.x + (bounds.width - width) / 2, y: bounds.y + (bounds.height - height) / 2, width: width, height: height)
    canvas.fill(rect)
    let inner = drawPaneFrame(&canvas, rect, title: "Help: keys of the Train screen", focused: true, glyphs: state.glyphs)

    // The last row says how to close; the rows above scroll when the text is longer.
    let visible = inner.height - 1
    let scroll = min(state.helpScroll, max(0, lines.count - visible))
    let keyWidth = 18
    for (row, line) in lines.dropFirst(scroll).prefix(visible).enumerated() {
      let y = inner.y + row
      if line.isTitle {
        canvas.write(line.text, x: inner.x + 1, y: y, foreground: Theme.focusedBorder, style: .bold, clip: inner)
      } else {
        canvas.write(line.key, x: inner.x + 2, y: y, style: .bold, clip: inner)
        let room = inner.width - keyWidth - 2
        canvas.write(
          line.text.truncated(to: room, ellipsis: state.glyphs.ellipsis), x: inner.x + 2 + keyWidth, y: y, clip: inner)
      }
    }
    let more = lines.count > visible ? "  Up/Down scroll." : ""
    canvas.write(
      "Esc or ? closes this help.\(more)", x: inner.x + 1, y: inner.maxY - 1, foreground: Theme.muted, clip: inner)
  }
}
