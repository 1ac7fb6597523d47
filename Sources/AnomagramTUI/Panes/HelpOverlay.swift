/// The help window: the keys of the current screen, by pane or mode, and
/// on the Explore screen what its parts show.
struct HelpOverlay {
  let state: AppState

  typealias Section = (title: String, keys: [(String, String)])

  /// The keys that work on both screens.
  static let everywhere: Section = (
    "Everywhere",
    [
      ("1 / 2", "Train screen / Explore screen (or F1 / F2)"), ("Space", "start training, pause, resume"),
      ("n", "train one epoch, then pause"), ("?", "this help"), ("q", "quit (asks first while training)"),
    ]
  )

  static let trainSections: [Section] = [
    everywhere,
    (
      "Train screen",
      [("r", "reset: forget the model; the next start builds one"), ("Tab / Shift-Tab", "next / previous pane")]
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
        ("[ / ] and Esc", "replay an earlier / later epoch; Esc back to live"),
        ("", "stores up to 400 epochs, ~24 MB with the default split"),
      ]
    ),
  ]

  static let exploreSections: [Section] = [
    everywhere,
    (
      "Explore screen",
      [
        ("Up / Down, k / j", "previous / next test sample"), ("PgUp / PgDn", "10 samples back / on"),
        ("Home / End", "first / last sample"), ("mouse", "wheel steps, a press on the list selects"),
        ("f / F", "next / previous filter: all, each class,"), ("", "misclassified, false positives, false negatives"),
        ("u", "scaled values (the model's input) or original units"),
        ("b", "bottleneck plot in place of the list (small windows)"),
        ("d", "draw, starting from the selected sample"), ("0 / z", "draw, starting from a flat line / seeded noise"),
      ]
    ),
    (
      "Draw mode",
      [
        ("Left / Right", "move the cursor"), ("Up / Down", "raise / lower the points under the brush by 0.05"),
        ("PgUp / PgDn", "raise / lower them by 0.25"), ("[ / ]", "narrower / wider brush, 1 to 15 points"),
        ("", "the brush is a tent: the cursor's point moves fully,"),
        ("", "each point further out less, down to 1 / (h + 1)"),
        ("mouse", "press or drag on the chart to set values there"),
        ("d / 0 / z", "start again: selected sample, flat line, noise"), ("Enter or Esc", "leave draw mode"),
      ]
    ),
    (
      "What you see",
      [
        ("input", "the sample (or drawing) the autoencoder reads"),
        ("reconstruction", "its output: the input squeezed through the bottleneck"),
        ("point error", "bars of |input - reconstruction| under the chart;"),
        ("", "a full bar is a quarter of the chart's height"),
        ("error", "mean squared difference, in scaled units"),
        ("threshold", "errors above it are flagged abnormal"),
        ("verdict", "flag against label: true or false positive or negative"),
        ("bottleneck", "each test sample's code; wider codes are shown"),
        ("", "on their first two principal components (PCA)"),
      ]
    ),
  ]

  /// Returns the sections of the help for `screen`.
  static func sections(for screen: AppState.Screen) -> [Section] {
    screen == .train ? trainSections : exploreSections
  }

  /// Returns the help text of `screen` as lines: a section title (`isTitle`) or a key and its action.
  static func lines(for screen: AppState.Screen) -> [(key: String, text: String, isTitle: Bool)] {
    var lines: [(String, String, Bool)] = []
    for (index, section) in sections(for: screen).enumerated() {
      if index > 0 { lines.append(("", "", false)) }
      lines.append(("", section.title, true))
      for (key, action) in section.keys { lines.append((key, action, false)) }
    }
    return lines
  }

  func draw(into canvas: inout Canvas, in bounds: Rect) {
    let lines = Self.lines(for: state.screen)
    let width = min(bounds.width - 4, 78)
    let height = min(bounds.height - 2, lines.count + 3)
    guard width > 20, height > 4 else { return }
    let rect = Rect(
      x: bounds.x + (bounds.width - width) / 2, y: bounds.y + (bounds.height - height) / 2, width: width, height: height)
    canvas.fill(rect)
    let inner = drawPaneFrame(&canvas, rect, title: "Help: keys of the \(state.screen.name) screen", focused: true, glyphs: state.glyphs)

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
