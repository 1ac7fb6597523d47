/// The help window, in two pages switched with Left and Right: the keys
/// of the current screen, by pane or mode (on the Explore screen also what
/// its parts show), and short explanations of the concepts on screen.
struct HelpOverlay {
  let state: AppState

  typealias Section = (title: String, keys: [(String, String)])

  /// The keys that work on every screen.
  static let everywhere: Section = (
    "Everywhere",
    [
      ("1 / 2 / 3", "Train, Explore or Runs screen (or F1 to F3)"), ("Space", "start training, pause, resume"),
      ("o / O / w", "open a model file / open a data file / save the model"),
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
    switch screen {
    case .train: trainSections
    case .explore: exploreSections
    case .runs: runsSections
    }
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

  /// One row of a help page.
  enum Line: Equatable {
    case title(String)
    case key(String, action: String)
    /// A line of a concept's text.
    case paragraph(String)
    case blank
  }

  /// The key column's width on the keys page.
  static let keyWidth = 18

  /// Returns the width of the help window in `bounds`, the area between
  /// the title and status rows.
  static func windowWidth(in bounds: Rect) -> Int { min(bounds.width - 4, 78) }

  /// Returns the rows of the page `state` shows, for a window `width` columns wide.
  static func pageLines(for state: AppState, width: Int) -> [Line] {
    guard state.helpPage == .concepts else {
      return lines(for: state.screen).map { line in
        if line.isTitle { return .title(line.text) }
        return line.key.isEmpty && line.text.isEmpty ? .blank : .key(line.key, action: line.text)
      }
    }
    // Two frame columns, a margin of one on the left and of one on the right, and an indent of two.
    let textWidth = width - 6
    var result: [Line] = []
    for concept in HelpConcept.ordered(for: state) {
      if !result.isEmpty { result.append(.blank) }
      result.append(.title(concept.title))
      result += wrapped(concept.text, width: textWidth).map { .paragraph($0) }
    }
    return result
  }

  /// Returns the window's place in `bounds` for a page of `lineCount` rows:
  /// centred, at most 78 columns wide, and as tall as the page plus the
  /// frame and the closing row, or as `bounds` allows.
  static func windowRect(in bounds: Rect, lineCount: Int) -> Rect {
    let width = windowWidth(in: bounds)
    let height = min(bounds.height - 2, lineCount + 3)
    return Rect(
      x: bounds.x + (bounds.width - width) / 2, y: bounds.y + (bounds.height - height) / 2, width: width, height: height)
  }

  /// Returns the largest useful `helpScroll`: the one that shows the last
  /// row of the page at the bottom of the window, for the screen `view`
  /// draws at `state.size`.
  static func maximumScroll(for state: AppState) -> Int {
    let bounds = Rect(x: 0, y: 1, width: state.size.width, height: state.size.height - 3)
    let lines = pageLines(for: state, width: windowWidth(in: bounds))
    let visible = windowRect(in: bounds, lineCount: lines.count).height - 3
    return max(0, lines.count - visible)
  }

  func draw(into canvas: inout Canvas, in bounds: Rect) {
    let lines = Self.pageLines(for: state, width: Self.windowWidth(in: bounds))
    let rect = Self.windowRect(in: bounds, lineCount: lines.count)
    guard rect.width > 20, rect.height > 4 else { return }
    canvas.fill(rect)
    let title =
      state.helpPage == .keys
      ? "Help: keys of the \(state.screen.name) screen" : "Help: concepts, \(HelpConcept.focusName(for: state)) first"
    let inner = drawPaneFrame(&canvas, rect, title: title, focused: true, glyphs: state.glyphs)
    drawPageTabs(&canvas, rect: rect)

    // The last row says how to close; the rows above scroll when the text is longer.
    let visible = inner.height - 1
    let scroll = min(state.helpScroll, max(0, lines.count - visible))
    for (row, line) in lines.dropFirst(scroll).prefix(visible).enumerated() {
      draw(line, into: &canvas, y: inner.y + row, inner: inner)
    }
    let other = state.helpPage == .keys ? "Right: concepts." : "Left: keys."
    let more = lines.count > visible ? "  Up/Down scroll." : ""
    canvas.write(
      "Esc or ? closes this help.  \(other)\(more)", x: inner.x + 1, y: inner.maxY - 1, foreground: Theme.muted,
      clip: inner)
  }

  private func draw(_ line: Line, into canvas: inout Canvas, y: Int, inner: Rect) {
    switch line {
    case .title(let text):
      canvas.write(text, x: inner.x + 1, y: y, foreground: Theme.focusedBorder, style: .bold, clip: inner)
    case .key(let key, let action):
      canvas.write(key, x: inner.x + 2, y: y, style: .bold, clip: inner)
      let room = inner.width - Self.keyWidth - 2
      canvas.write(
        action.truncated(to: room, ellipsis: state.glyphs.ellipsis), x: inner.x + 2 + Self.keyWidth, y: y, clip: inner)
    case .paragraph(let text):
      canvas.write(text, x: inner.x + 3, y: y, clip: inner)
    case .blank:
      break
    }
  }

  /// Writes the page names into the window's top edge, near its right
  /// end and one line apart, with the page shown in reverse video.
  private func drawPageTabs(_ canvas: inout Canvas, rect: Rect) {
    let pages: [(HelpPage, String)] = [(.keys, " Keys "), (.concepts, " Concepts ")]
    let width = pages.reduce(0) { $0 + $1.1.count } + pages.count - 1
    var x = rect.maxX - 2 - width
    guard x > rect.x + 24 else { return }
    for (page, name) in pages {
      let isShown = page == state.helpPage
      x = canvas.write(
        name, x: x, y: rect.y, foreground: isShown ? Theme.focusedBorder : Theme.muted,
        style: isShown ? [.bold, .reverse] : []) + 1
    }
  }
}
