/// The help window: every key of the Train screen, by pane.
struct HelpOverlay {
  let state: AppState

  static let sections: [(title: String, keys: [(String, String)])] = [
    (
      "Everywhere",
      [
        ("Space", "start training, pause, resume"), ("n", "train one epoch, then pause"),
        ("r", "reset: forget the model; the next start builds a new one"), ("Tab / Shift-Tab", "next / previous pane"),
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
        ("l", "log scale (histogram counts, or the loss chart when it has focus)"),
      ]
    ),
  ]

  func draw(into canvas: inout Canvas, in bounds: Rect) {
    let lines = Self.sections.reduce(0) { $0 + $1.keys.count + 2 }
    let width = min(bounds.width - 4, 78)
    let height = min(bounds.height - 2, lines + 3)
    guard width > 20, height > 4 else { return }
    let rect = Rect(x: bounds.x + (bounds.width - width) / 2, y: bounds.y + (bounds.height - height) / 2, width: width, height: height)
    canvas.fill(rect)
    let inner = drawPaneFrame(&canvas, rect, title: "Help: keys of the Train screen", focused: true, glyphs: state.glyphs)
    var y = inner.y
    for section in Self.sections {
      guard y < inner.maxY - 1 else { break }
      canvas.write(section.title, x: inner.x + 1, y: y, foreground: Theme.focusedBorder, style: .bold, clip: inner)
      y += 1
      for (key, action) in section.keys where y < inner.maxY - 1 {
        canvas.write(key, x: inner.x + 2, y: y, style: .bold, clip: inner)
        canvas.write(action, x: inner.x + 20, y: y, clip: inner)
        y += 1
      }
      y += 1
    }
    canvas.write("Esc or ? closes this help.", x: inner.x + 1, y: inner.maxY - 1, foreground: Theme.muted, clip: inner)
  }
}
