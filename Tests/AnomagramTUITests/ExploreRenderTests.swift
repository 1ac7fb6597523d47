import AnomagramCore
import Testing

@testable import AnomagramTUI

/// Whole Explore screens rendered from fixture states and compared line by
/// line with the text below, plus checks of the bottleneck plot, help,
/// replay on the Train screen, glyphs and styles.
///
/// In the finished fixture run, test rows 0 to 34 (samples 1 to 35) are
/// class 1 and rows 35 to 49 class 2; the threshold, the 99th percentile of
/// the training errors, is 0.1334.
@Suite("view: Explore screen", .timeLimit(.minutes(1)))
struct ExploreRenderTests {
  static let large = Size(width: 120, height: 40)
  static let minimum = Size(width: 80, height: 24)

  /// Compares `canvas.text` with `expected` row by row, so a failure names
  /// the first rows that differ.
  private func expectScreen(
    _ canvas: Canvas, equals expected: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let actualRows = canvas.text.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedRows = expected.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(actualRows.count == expectedRows.count, "row count", sourceLocation: sourceLocation)
    for (index, (actual, wanted)) in zip(actualRows, expectedRows).enumerated() {
      #expect(actual == wanted, "row \(index)", sourceLocation: sourceLocation)
    }
  }

  /// Returns the rows `rows` of columns `columns` of the canvas, each with
  /// trailing spaces removed.
  private func region(of canvas: Canvas, rows: ClosedRange<Int>, columns: ClosedRange<Int>) -> String {
    rows.map { row in
      var line = String(canvas.line(row).dropFirst(columns.lowerBound).prefix(columns.count))
      while line.last == " " { line.removeLast() }
      return line
    }.joined(separator: "\n")
  }

  // MARK: - Whole screens

  // Checked by hand:
  // - Title: both screens with their keys; Explore is current (see
  //   `titleHighlightsScreen` for the styles).
  // - List (40 columns): samples 1 to 35 with label 1, the pointer on
  //   sample 1. Each line is the pointer, the number (2 columns for 50
  //   samples), a sparkline in the 21 columns left, the label, and the
  //   error with 3 significant digits: row 0's 0.0891651 is 0.0892, row
  //   9's 0.0037 and row 19's 0.049995 is 0.05. No line has a ✗, because
  //   every class 1 error is below the threshold (the largest, row 31, is
  //   0.1316).
  // - Chart: the scaled values lie in [0, 1], so the range is [0, 1] plus
  //   5 %: -0.05 to 1.05, with 0.5 at the middle row (row 7 of 15:
  //   1.05 - 29.5 / 59 × 1.1). Sample 1 is one period of a sine wave: the
  //   input starts near the top, falls to the bottom in the middle and
  //   rises again. The reconstruction stays near 0.5. The error bars are
  //   full (0.275, a quarter of the range, or more) where the two are far
  //   apart, and short where the input crosses the reconstruction, about
  //   points 9 and 21 (columns 27 to 29 and 66 to 68). The x labels
  //   number the 24 points from 1.
  // - Sample: row 0's error 0.08917 is at most the threshold 0.1334, and
  //   it is class 1: a true negative, shown in the "good" colour.
  // - Bottleneck: the 3-unit codes on their first two principal
  //   components, with the marker on sample 1 (see `markerOnSample`).
  // - Footer: the Explore keys; the list fits at 120x40 with Space and 1.
  @Test("Explore at 120x40")
  func exploreLarge() throws {
    expectScreen(view(try ExploreFixtures.state(), size: Self.large), equals: ExpectedExploreScreen.explore120)
  }

  // The 80-column layout: a 32-column list, whose sparklines shrink to 13
  // columns, and the chart and sample panes on the right, with no room for
  // the bottleneck plot (key b shows it in place of the list). The chart
  // has 8 plot rows, so its middle label is row 3's centre: 1.05 - 13.5 /
  // 31 × 1.1 = 0.571.
  @Test("Explore at 80x24")
  func exploreMinimum() throws {
    expectScreen(
      view(try ExploreFixtures.state(size: Self.minimum), size: Self.minimum), equals: ExpectedExploreScreen.explore80)
  }

  // Draw mode from a flat line, a 7-point brush, two Page Ups. Checked by hand:
  // - The range is -0.25 to 1.25 (the middle label is row 3's centre:
  //   1.25 - 13.5 / 31 × 1.5 = 0.597). The plot is x 39 to 78, 80 dot
  //   columns and 32 dot rows; point i lies at dot column i × 79 / 23.
  // - The flat line at 0.5 is dot row (1.25 - 0.5) / 1.5 × 31 = 15.5 →
  //   16, the top dots of plot row 4 (screen row 7): "⠉".
  // - The brush covers points 9 to 15 (cursor 12, h = 3), raised by 0.5
  //   times 1/4, 2/4, 3/4, 1, 3/4, 2/4, 1/4: point 12 reaches 1.0, dot row
  //   5.2 → 5 at dot column 41.2 → 41, which is dot 5 of plot column 20
  //   (row 4: "⠔").
  // - The axis marks the brush's points in columns 15, 17, 19, 22, 24 and
  //   26 and the cursor in column 20 (round(i × 79 / 23) / 2).
  // - Error bars: a full bar is 1.5 / 4 = 0.375. The peak, 1.0 against a
  //   reconstruction near 0.52, is full; the flat parts, about 0.02 off,
  //   get one eighth or none.
  // - Drawing pane: point 13 of 24 is 1; the error 0.02666 is below the
  //   threshold, so the drawing is not flagged.
  @Test("draw mode at 80x24")
  func drawMode() throws {
    var state = try ExploreFixtures.state(size: Self.minimum)
    press(.character("0"), .character("]"), .pageUp, .pageUp, in: &state)

    expectScreen(view(state, size: Self.minimum), equals: ExpectedExploreScreen.draw80)
  }

  // False negatives, the second one selected, in the data's own units,
  // with ECG5000's class names. Checked by hand:
  // - The list shows the 11 false negatives, samples 37 to 40, 43 to 48
  //   and 50, each class 2 and marked ✗. Errors: row 36's 0.08711 is
  //   0.0871, row 37's 0.12335 is 0.123, row 49's 0.12064 is 0.121.
  // - Sample 38 is class 2, three periods of a sine wave; in the data's
  //   own units it spans about -0.5 to 1.1.
  // - The class name wraps onto a second line, so the model line no longer
  //   fits the 5 rows. 0.1234 ≤ 0.1334: abnormal, not flagged, a false
  //   negative, second of 11 in the filter.
  // - The footer offers u to go back to scaled values.
  @Test("false negatives in original units at 80x24")
  func falseNegativesOriginalUnits() throws {
    var state = try ExploreFixtures.state(size: Self.minimum)
    press(Array(repeating: .character("f"), count: 5) + [.down, .character("u")], in: &state)
    state.classNames = ClassNames.ecg5000

    expectScreen(view(state, size: Self.minimum), equals: ExpectedExploreScreen.falseNegatives80)
  }

  @Test("Explore without a model at 80x24")
  func noModel() {
    var state = Fixtures.idleState(size: Self.minimum)
    press(.character("2"), in: &state)

    expectScreen(view(state, size: Self.minimum), equals: ExpectedExploreScreen.noModel80)
  }

  // The Explore screen's help: the keys every screen shares, then the
  // Explore keys, draw mode and what the screen shows. It is longer than
  // the window, so the last row offers scrolling (`exploreHelpScrolls`)
  // after Right for the concepts page.
  @Test("help on Explore at 120x40")
  func helpOnExplore() throws {
    var state = try ExploreFixtures.state()
    press(.character("?"), in: &state)

    expectScreen(view(state, size: Self.large), equals: ExpectedExploreScreen.help120)
  }

  // MARK: - Bottleneck plot

  // The bottleneck pane of the 2-unit run at 120x40: columns 80 to 119,
  // rows 22 to 37, under the 21-row chart. Under its legend (row 23) the
  // plot is columns 81 to 118, rows 24 to 36: 76 × 52 dots. The codes are plotted as they are, so the title names 2 units.
  // The 50 codes cover 38 dots plus the marker's cell: nearby codes share
  // a dot at this resolution.
  @Test("bottleneck plot, 2 units")
  func bottleneckTwoUnits() throws {
    let state = ExploreFixtures.state(with: try ExploreFixtures.twoUnitRun.get())

    let canvas = view(state, size: Self.large)

    #expect(region(of: canvas, rows: 22...37, columns: 80...119) == ExpectedExploreScreen.twoUnitBottleneck)
  }

  // The 3-unit fixture's pane, as in `explore120`: PCA in the title.
  @Test("bottleneck plot, 3 units")
  func bottleneckThreeUnits() throws {
    let canvas = view(try ExploreFixtures.state(), size: Self.large)

    #expect(region(of: canvas, rows: 22...37, columns: 80...119) == ExpectedExploreScreen.threeUnitBottleneck)
  }

  @Test("bottleneck plot, 1 unit")
  func bottleneckOneUnit() throws {
    let canvas = view(ExploreFixtures.state(with: try ExploreFixtures.oneUnitRun.get()), size: Self.large)

    #expect(canvas.line(22).dropFirst(80).hasPrefix("┌ Bottleneck: 1 unit vs error ─"))
  }

  // The marker's cell follows the plot's mapping. Both ranges span the
  // points plus 5 %. A point at fraction f of the x range lies at dot
  // column f × 75, in cell column dot / 2. Rows work likewise, top down,
  // with 51 as the last of the 52 dot rows and 4 dots a cell.
  @Test("marker on the selected sample", arguments: [0, 4, 41])
  func markerOnSample(row: Int) throws {
    var state = ExploreFixtures.state(with: try ExploreFixtures.twoUnitRun.get())
    state.explore.selectedRow = row
    let projection = try #require(state.explore.projection)
    let xs = projection.points.map { Double($0.x) }
    let ys = projection.points.map { Double($0.y) }
    let xRange = ScatterChart.paddedRange(of: xs)
    let yRange = ScatterChart.paddedRange(of: ys)
    let dotX = (xs[row] - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * 75
    let dotY = (yRange.upperBound - ys[row]) / (yRange.upperBound - yRange.lowerBound) * 51

    let canvas = view(state, size: Self.large)

    let cell = canvas[81 + Int(dotX.rounded()) / 2, 24 + Int(dotY.rounded()) / 4]
    #expect(cell == Cell("●", foreground: Theme.threshold, style: .bold))
    #expect(canvas.line(23).contains("● sample \(row + 1)"))
  }

  // Abnormal codes are drawn after normal ones in their own colour.
  @Test("bottleneck colours the classes")
  func bottleneckColours() throws {
    let canvas = view(try ExploreFixtures.state(), size: Self.large)
    var colours: Set<TerminalColor> = []
    for row in 24...36 {
      for column in 81...118 where canvas[column, row].character.unicodeScalars.first!.value >= 0x2800 {
        colours.insert(canvas[column, row].foreground)
      }
    }

    #expect(colours.contains(Theme.normal))
    #expect(colours.contains(Theme.abnormal))
  }

  // In draw mode the marker follows the drawing's code.
  @Test("bottleneck marks the drawing")
  func bottleneckMarksDrawing() throws {
    var state = try ExploreFixtures.state()
    press(.character("0"), in: &state)

    let text = view(state, size: Self.large).text

    #expect(text.contains("● drawing"))
  }

  @Test("b shows the bottleneck in place of the list")
  func bottleneckInList() throws {
    var state = try ExploreFixtures.state(size: Self.minimum)
    press(.character("b"), in: &state)

    let canvas = view(state, size: Self.minimum)

    #expect(canvas.line(1).hasPrefix("┌ Bottleneck: PCA of 3 units ──┐"))
    #expect(canvas.line(2).hasPrefix("│█ normal  █ abnormal          │"))
    #expect(canvas.line(23).contains("b list"))
  }

  // MARK: - Verdicts

  // Sample 37 (row 36) is a false negative: error 0.0871 below 0.1334.
  // Raising the middle of the drawing with the widest brush takes the
  // error above the threshold, and the verdict turns.
  @Test("drawing verdict follows the signal")
  func verdictFollowsDrawing() throws {
    var state = try ExploreFixtures.state()
    state.explore.selectedRow = 36
    press(.character("d"), in: &state)
    let before = view(state, size: Self.large).text
    #expect(before.contains("drawn: not flagged, looks normal"))
    #expect(before.contains("error 0.08711 ≤ threshold 0.1334"))

    press(Array(repeating: .character("]"), count: 5) + Array(repeating: .pageUp, count: 4), in: &state)

    let after = view(state, size: Self.large).text
    #expect(after.contains("drawn: flagged as abnormal"))
    #expect(!after.contains("drawn: not flagged"))
    let selection = try #require(ExploreSelection(state))
    let signal = try #require(ShownSignal(state: state, selection: selection))
    #expect(signal.error > 0.1334)
    #expect(after.contains("error \(MetricsPane.number(Double(signal.error))) > threshold 0.1334"))
  }

  /// Rows and the verdicts the sample pane gives them.
  static let verdicts: [(row: Int, text: String)] = [
    (0, "normal, not flagged: true negative"), (35, "abnormal, flagged: true positive"),
    (36, "abnormal, not flagged: false negative"),
  ]

  @Test("sample verdicts in words", arguments: verdicts.map(\.row))
  func sampleVerdicts(row: Int) throws {
    var state = try ExploreFixtures.state()
    state.explore.selectedRow = row

    let text = view(state, size: Self.large).text

    #expect(text.contains(Self.verdicts.first { $0.row == row }!.text))
  }

  // A manual threshold of 0.1 makes row 1 (error 0.129, class 1) a false
  // positive, marked ✗ in the list.
  @Test("false positive in words")
  func falsePositiveVerdict() throws {
    var state = try ExploreFixtures.state()
    state.threshold = .manual(0.1)
    state.explore.selectedRow = 1

    let canvas = view(state, size: Self.large)

    #expect(canvas.text.contains("normal, flagged: false positive"))
    #expect(canvas.line(3).hasPrefix("│▶ 2 "))
    #expect(canvas.line(3).contains("0.129 ✗"))
  }

  @Test("class names show beside numbers")
  func classNames() throws {
    var state = try ExploreFixtures.state()
    state.classNames = ClassNames.ecg5000

    let text = view(state, size: Self.large).text

    #expect(text.contains("│ class 1: normal"))
  }

  // MARK: - Screens and styles

  @Test("title highlights the screen")
  func titleHighlightsScreen() throws {
    var state = try Fixtures.finishedState()
    // " 1 Train " starts at column 12 and " 2 Explore " at 22, so the
    // names start at 15 and 25.
    var canvas = view(state, size: Self.large)
    #expect(canvas[15, 0] == Cell("T", style: [.bold, .underline]))
    #expect(canvas[25, 0] == Cell("E", foreground: Theme.muted))

    press(.character("2"), in: &state)
    canvas = view(state, size: Self.large)
    #expect(canvas[15, 0] == Cell("T", foreground: Theme.muted))
    #expect(canvas[25, 0] == Cell("E", style: [.bold, .underline]))
  }

  @Test("Explore view is pure")
  func viewIsPure() throws {
    var state = try ExploreFixtures.state()
    press(.character("d"), .up, in: &state)

    #expect(view(state, size: Self.large) == view(state, size: Self.large))
  }

  // Without the cached projection, `view` computes the same plot.
  @Test("view without the cache")
  func viewWithoutCache() throws {
    let state = try ExploreFixtures.state()
    var uncached = state
    uncached.explore.projection = nil

    #expect(view(uncached, size: Self.large) == view(state, size: Self.large))
  }

  /// Explore states that between them draw every pane, mode and message.
  private func exploreStates(glyphs: Glyphs) throws -> [(label: String, state: AppState)] {
    let base = try ExploreFixtures.state(glyphs: glyphs)
    var drawing = base
    press(.character("d"), .up, in: &drawing)
    var empty = base
    press(.character("f"), .character("f"), .character("f"), .character("f"), in: &empty)
    var units = base
    press(.character("f"), .character("u"), in: &units)
    var help = base
    press(.character("?"), in: &help)
    var noModel = Fixtures.idleState(glyphs: glyphs)
    press(.character("2"), in: &noModel)
    var misclassified = base
    press(.character("f"), .character("f"), .character("f"), .end, in: &misclassified)
    return [
      ("explore", base), ("drawing", drawing), ("empty filter", empty), ("original units", units), ("help", help),
      ("no model", noModel), ("misclassified", misclassified),
    ]
  }

  @Test("ASCII Explore draws only ASCII", arguments: [large, minimum, Size(width: 200, height: 60)])
  func asciiOnly(size: Size) throws {
    for (label, state) in try exploreStates(glyphs: .ascii) {
      var sized = state
      _ = update(&sized, with: .terminalResized(size))
      press(.character("b"), in: &sized)

      let canvas = view(sized, size: size)

      let others = canvas.cells.map(\.character).filter { !$0.isASCII }
      #expect(others.isEmpty, "\(label) at \(size.width)x\(size.height): \(String(others.prefix(10)))")
    }
  }

  // An empty filter shows why in the list and the chart.
  @Test("empty filter shows a message")
  func emptyFilterMessage() throws {
    var state = try ExploreFixtures.state()
    press(.character("f"), .character("f"), .character("f"), .character("f"), in: &state)

    let canvas = view(state, size: Self.large)

    #expect(canvas.line(1).hasPrefix("┌ False positives (0 of 50) ─"))
    #expect(canvas.line(2).hasPrefix("│ No test samples are false"))
    #expect(canvas.line(2).hasSuffix("Press f to change the │"))
    #expect(canvas.line(23).dropFirst(40).hasPrefix("│ No test samples are false positives  │"))
    #expect(canvas.line(24).dropFirst(40).hasPrefix("│ at this threshold.                   │"))
  }

  // MARK: - Help

  // The Explore help is longer than the window at 120x40 and at 80x24, so
  // each action counts as shown when it is on screen at some scroll
  // position.
  @Test("Explore help reaches every action", arguments: [large, minimum])
  func exploreHelpScrolls(size: Size) throws {
    var state = try ExploreFixtures.state(size: size)
    press(.character("?"), in: &state)

    var seen = view(state, size: size).text
    for _ in 0..<HelpOverlay.lines(for: .explore).count {
      press(.down, in: &state)
      seen += view(state, size: size).text
    }

    #expect(seen.contains("Help: keys of the Explore screen"))
    for section in HelpOverlay.sections(for: .explore) {
      for (key, action) in section.keys {
        #expect(seen.contains(action), "\(section.title): \(key)")
      }
    }
  }

  // MARK: - Replay on the Train screen

  // Three steps back from epoch 5 replay epoch 2. Checked by hand at
  // 120x40: the histogram, ROC and metrics titles name the epoch, and the
  // status bar tells how to return. The loss chart's plot starts at column
  // 48 (its y labels are 6 wide) and is 31 columns wide, so epoch 2 of 5
  // is dot 2 / 5 × 61 = 24.4 → 24, column 12: the marker sits at column
  // 60 of the axis row (16). At the replayed epoch's threshold 0.1385 the
  // counts are TP 5, FP 1, TN 34, FN 10, against the live 4, 0, 35, 11.
  @Test("replay titles, status and marker")
  func replayRendering() throws {
    var state = try Fixtures.finishedState()
    press(.tab, .tab, .character("["), .character("["), .character("["), in: &state)

    let canvas = view(state, size: Self.large)

    #expect(canvas.line(1).dropFirst(40).hasPrefix("┌ Loss per epoch, epoch 2 marked ─"))
    #expect(canvas.line(1).dropFirst(80).hasPrefix("┌ Histogram: epoch 2 of 5 (replay) ─"))
    #expect(canvas.line(19).dropFirst(40).hasPrefix("┌ ROC: epoch 2 of 5 (replay) ─"))
    #expect(canvas.line(19).dropFirst(72).hasPrefix("┌ Metrics: epoch 2 of 5 (replay) ─"))
    #expect(canvas[60, 16] == Cell("▲", foreground: Theme.threshold, style: .bold))
    #expect(canvas.line(16).dropFirst(47).hasPrefix("└────────────▲───"))
    #expect(canvas.text.contains("threshold 0.1385"))
    #expect(canvas.text.contains("TP 5  FP 1  TN 34  FN 10"))
    #expect(canvas.line(38).contains("replay: epoch 2 of 5, Esc for live"))
    #expect(canvas.line(39).hasPrefix(" [ ] epoch  Esc live  ←→ fine"))

    press(.escape, in: &state)
    let live = view(state, size: Self.large)
    #expect(live.line(1).dropFirst(80).hasPrefix("┌ Error histogram ─"))
    #expect(live.text.contains("TP 4  FP 0  TN 35  FN 11"))
    #expect(!live.text.contains("▲"))
  }
}

// MARK: - Expected screens

/// Screens as `Canvas.text` shows them: trailing spaces removed.
private enum ExpectedExploreScreen {
  static let explore120 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 values
    ┌ All samples (50) ────────────────────┐┌ Test sample 1 of 50 (scaled) ────────────────────────────────────────────────┐
    │▶ 1 ▇▇▇▇▇▇▆▅▄▃▃▂▂▂▂▂▃▄▄▅▆ 1   0.0892  ││─ input  ─ reconstruction  ▆ point error                                      │
    │  2 ▇▇▇███▇▆▅▄▃▂▂▁▁▁▂▂▃▄▅ 1    0.129  ││ 1.05│                                                                        │
    │  3 ▂▂▁▁▁▁▂▃▄▅▆▇▇███▇▆▆▅▃ 1    0.128  ││     │                                                                        │
    │  4 █████▇▆▄▄▃▂▁▁▁▁▂▃▄▅▅▇ 1    0.111  ││     │⠤⠒⠊⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠒⠤⣀                                                        │
    │  5 ▃▃▂▂▂▁▂▃▄▄▅▆▆▇▇█▇▇▆▅▄ 1   0.0861  ││     │                ⠑⠤⡀                                                    ⡠│
    │  6 ▅▅▄▄▃▃▃▃▃▃▃▄▄▅▆▆▆▆▆▆▆ 1  0.00866  ││     │                  ⠈⠢⣀                                                ⡠⠊ │
    │  7 ▄▄▅▆▇████▇▆▅▅▃▂▁▁▁▁▁▂ 1    0.128  ││     │                     ⠑⢄                                           ⢀⠤⠊   │
    │  8 ▃▂▂▂▂▂▃▄▅▅▆▆▇▇▇▇▆▆▅▄▃ 1   0.0625  ││     │                       ⠱⡀                           ⢀⣀⡀  ⣀⡠⠤⠔⠒⠒⠤⡤⣔⣁⣀⣀⣀⠤⠤│
    │  9 ▄▄▅▆▆▇▇▇▇▇▆▅▅▄▃▂▂▂▂▂▃ 1   0.0686  ││  0.5│⠉⠑⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠤⠤⠤⣀⣀⡀    ⠈⠢⡀           ⢀⣀⠤⠤⣀⣀⡠⠤⠒⠒⠒⠒⠊⠉⠁ ⠈⠉⠉    ⢀⠔⠊        │
    │ 10 ▇▆▆▅▄▃▂▁▁▁▂▂▃▄▅▆▇▇███ 1   0.0037  ││     │                   ⠈⠉⠑⠒⠢⠤⠤⠚⠛⢍⠉⠉⠉⠑⠒⠒⠒⠉⠉⠁                     ⡰⠁          │
    │ 11 ▆▇▇▇▇▇▆▅▅▄▃▃▂▂▂▂▂▃▄▄▅ 1   0.0869  ││     │                             ⠑⠢⡀                          ⡠⠊            │
    │ 12 ▄▃▃▂▂▁▂▃▃▄▅▅▆▇▇█▇▇▆▆▅ 1   0.0614  ││     │                               ⠈⠢⡀                      ⡠⠊              │
    │ 13 ▃▃▂▂▂▂▃▃▄▅▅▆▆▇▇▇▇▆▆▅▄ 1   0.0588  ││     │                                 ⠈⠢⢄⡀                ⢀⠔⠊                │
    │ 14 ▄▅▅▆▇████▇▆▅▄▃▂▁▁▁▁▁▂ 1    0.126  ││     │                                    ⠈⠑⠢⠤⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⡠⠔⠊⠁                  │
    │ 15 ▆▅▅▄▄▃▃▃▃▃▃▃▄▅▅▆▆▆▆▆▆ 1  0.00354  ││     │                                                                        │
    │ 16 ██▇▇▆▅▄▃▂▂▁▁▁▂▃▄▄▅▆▇▇ 1   0.0462  ││-0.05│                                                                        │
    │ 17 ▇▇▇███▇▆▅▄▃▂▂▂▁▁▂▃▃▄▅ 1    0.105  ││     │████████████████████▆▆▆▆▃▃▃▁▁▁▄▄▄▇▇▇██████████████████████▆▆▆▃▃▃▁▁▁▄▄▄▆▆│
    │ 18 ▂▂▂▃▄▄▆▇▇▇▇▇▇▆▅▅▄▃▂▂▂ 1   0.0761  ││     └────────────────────────────────────────────────────────────────────────│
    │ 19 ▇▇▆▆▅▄▃▂▂▂▁▂▂▃▄▅▆▆▇▇█ 1   0.0153  ││      1                                                                     24│
    │ 20 ▄▃▃▂▂▂▃▃▄▅▅▅▆▆▇▇▆▆▆▅▄ 1     0.05  │└──────────────────────────────────────────────────────────────────────────────┘
    │ 21 ▇▇▇▆▆▆▄▃▃▂▂▂▂▂▃▃▄▅▆▆▇ 1   0.0387  │┌ Sample ──────────────────────────────┐┌ Bottleneck: PCA of 3 units ──────────┐
    │ 22 ███▇▇▆▅▃▂▂▁▁▁▁▂▃▄▅▆▇█ 1   0.0856  ││ class 1                              ││█ normal  █ abnormal  ● sample 1      │
    │ 23 ▅▆▇▇███▇▆▆▅▄▃▂▁▁▁▁▂▃▄ 1    0.125  ││ error 0.08917 ≤ threshold 0.1334     ││                            ●         │
    │ 24 ▃▄▅▆▇▇████▇▆▅▄▂▂▁▁▁▁▂ 1    0.126  ││ normal, not flagged: true negative   ││                        ⠂  ⠘     ⠈⠄   │
    │ 25 ▇▇▇▇▇▆▅▄▄▃▃▂▂▂▂▃▃▄▅▅▆ 1   0.0561  ││ filter all: 1 of 50                  ││                             ⣀    ⠁   │
    │ 26 ▅▆▆▇███▇▇▆▅▄▃▂▁▁▁▁▂▂▃ 1    0.117  ││ model: current run, epoch 5 of 5     ││                   ⠐       ⠔ ⠁  ⠐     │
    │ 27 ▅▄▄▃▂▁▁▁▂▂▃▄▅▆▇████▇▆ 1    0.046  ││                                      ││            ⡀    ⠐             ⠘⠐⠠⠈   │
    │ 28 ▂▂▂▂▂▂▃▄▅▆▆▇▇▇▇▇▇▆▅▄▃ 1   0.0953  ││                                      ││           ⠄               ⠐      ⠈   │
    │ 29 ▄▄▃▃▃▂▃▃▄▄▄▅▅▆▆▇▆▆▆▅▅ 1   0.0271  ││                                      ││                 ⠐  ⠂    ⡀  ⠄         │
    │ 30 ▇▇▇▇▇▆▅▄▃▃▂▂▂▂▂▃▄▅▅▆▇ 1   0.0595  ││                                      ││      ⢀         ⠂                     │
    │ 31 ▂▂▃▃▄▅▆▇███▇▇▆▅▄▃▂▂▁▁ 1   0.0963  ││                                      ││                                   ⢂  │
    │ 32 ▂▃▃▄▅▆▇████▇▆▅▄▃▂▁▁▁▁ 1    0.132  ││                                      ││                                   ⢀  │
    │ 33 ▇▇▇▇▇▇▆▄▄▃▃▂▂▂▂▂▃▄▅▅▆ 1   0.0711  ││                                      ││ ⠈     ⠐                           ⠘  │
    │ 34 ▂▃▃▄▄▅▆▆▇▇▇▇▆▆▅▄▄▃▃▂▂ 1   0.0491  ││                                      ││                                   ⠈  │
    │ 35 ▅▅▄▄▃▂▂▂▃▃▃▄▄▅▆▇▇▇▇▆▆ 1   0.0132  ││                                      ││                                    ⠃ │
    └──────────────────────────────────────┘└──────────────────────────────────────┘└──────────────────────────────────────┘
     FINISHED  epoch 5/5 ████████████████████ 100%  12,345 samples/s
     ↑↓ step  PgUp/PgDn 10  f filter  u units  d draw  Space train  1 Train                                 ? help  q quit
    """

  static let explore80 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 valu
    ┌ All samples (50) ────────────┐┌ Test sample 1 of 50 (scaled) ────────────────┐
    │▶ 1 ▇▇▇▇▅▄▃▂▂▂▃▅▆ 1   0.0892  ││─ input  ─ reconstruction  ▆ point error      │
    │  2 ▇▇██▆▅▃▂▁▁▂▃▅ 1    0.129  ││ 1.05│                                        │
    │  3 ▂▁▁▁▃▅▆▇██▇▅▃ 1    0.128  ││     │⠒⠉⠉⠉⠉⠉⠉⠑⠢⡀                             ⢀│
    │  4 ███▇▅▃▂▁▁▂▃▅▇ 1    0.111  ││     │         ⠈⠑⢄                         ⣀⠔⠁│
    │  5 ▃▂▂▁▃▄▅▆▇█▇▆▄ 1   0.0861  ││0.571│⣀⣀⣀⣀⣀⣀⣀⣀    ⠑⢄           ⣀⣀⣀⡠⠤⣀⣀⠤⠔⠒⡢⠮⠤⠤⠤│
    │  6 ▅▄▄▃▃▃▃▄▅▆▆▆▆ 1  0.00866  ││     │        ⠉⠉⠉⠑⠒⠤⠕⠲⡒⠒⠒⠒⠒⠊⠉⠉⠉       ⢀⠔⠊     │
    │  7 ▄▅▇██▇▆▅▃▁▁▁▂ 1    0.128  ││     │                ⠈⠢⣀           ⣀⠔⠁       │
    │  8 ▃▂▂▂▄▅▆▆▇▇▆▅▃ 1   0.0625  ││     │                   ⠑⠢⢄⣀⣀⣀⣀⣀⣀⠤⠊          │
    │  9 ▄▅▆▇▇▇▆▅▄▂▂▂▃ 1   0.0686  ││-0.05│                                        │
    │ 10 ▇▆▄▃▂▁▂▂▄▆▇██ 1   0.0037  ││     │███████████▆▆▃▃▁▁▄▇▇████████████▆▆▃▁▁▄▄▆│
    │ 11 ▆▇▇▇▆▅▃▂▂▂▃▄▅ 1   0.0869  ││     └────────────────────────────────────────│
    │ 12 ▄▃▂▂▂▄▅▆▇▇▇▆▅ 1   0.0614  ││      1                                     24│
    │ 13 ▃▃▂▂▃▄▅▆▇▇▆▅▄ 1   0.0588  │└──────────────────────────────────────────────┘
    │ 14 ▄▅▇██▇▆▅▃▁▁▁▂ 1    0.126  │┌ Sample ──────────────────────────────────────┐
    │ 15 ▆▅▄▃▃▃▃▄▅▆▆▆▆ 1  0.00354  ││ class 1                                      │
    │ 16 █▇▆▅▃▂▁▁▂▃▅▆▇ 1   0.0462  ││ error 0.08917 ≤ threshold 0.1334             │
    │ 17 ▇▇█▇▆▄▃▂▂▁▂▄▅ 1    0.105  ││ normal, not flagged: true negative           │
    │ 18 ▂▂▃▅▆▇▇▇▆▅▃▂▂ 1   0.0761  ││ filter all: 1 of 50                          │
    │ 19 ▇▇▆▄▂▂▁▂▃▄▆▇█ 1   0.0153  ││ model: current run, epoch 5 of 5             │
    └──────────────────────────────┘└──────────────────────────────────────────────┘
     FINISHED  epoch 5/5 █████████████ 100%  12,345 samples/s
     ↑↓ step  PgUp/PgDn 10  f filter  u units  d draw  b bottleneck  ? help  q quit
    """

  static let draw80 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 valu
    ┌ All samples (50) ────────────┐┌ Drawing from a flat line (scaled) ───────────┐
    │▶ 1 ▇▇▇▇▅▄▃▂▂▂▃▅▆ 1   0.0892  ││─ drawn  ─ reconstruction  ▆ point error      │
    │  2 ▇▇██▆▅▃▂▁▁▂▃▅ 1    0.129  ││ 1.25│                                        │
    │  3 ▂▁▁▁▃▅▆▇██▇▅▃ 1    0.128  ││     │                   ⢀⠔⢄⡀                 │
    │  4 ███▇▅▃▂▁▁▂▃▅▇ 1    0.111  ││     │                ⢀⠔⠊⠁  ⠈⠒⢄               │
    │  5 ▃▂▂▁▃▄▅▆▇█▇▆▄ 1   0.0861  ││0.597│      ⣀⣀⣀⣀⣀⡀ ⣀⣠⣔⣁⣀   ⢀⣀⣀⣀⣉⣢⣀⣀⣀   ⢀⣀⡀   ⣀│
    │  6 ▅▄▄▃▃▃▃▄▅▆▆▆▆ 1  0.00866  ││     │⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉    ⠉⠉⠉⠁     ⠈⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉│
    │  7 ▄▅▇██▇▆▅▃▁▁▁▂ 1    0.128  ││     │                                        │
    │  8 ▃▂▂▂▄▅▆▆▇▇▆▅▃ 1   0.0625  ││     │                                        │
    │  9 ▄▅▆▇▇▇▆▅▄▂▂▂▃ 1   0.0686  ││-0.25│                                        │
    │ 10 ▇▆▄▃▂▁▂▂▄▆▇██ 1   0.0037  ││     │▁▁▁▁▁   ▁▁▁    ▂▂▄████▇▅▅▂▂   ▁▁   ▁▁▁▁▁│
    │ 11 ▆▇▇▇▆▅▃▂▂▂▃▄▅ 1   0.0869  ││     └───────────────━─━─━▲─━─━─━─────────────│
    │ 12 ▄▃▂▂▂▄▅▆▇▇▇▆▅ 1   0.0614  ││      1                                     24│
    │ 13 ▃▃▂▂▃▄▅▆▇▇▆▅▄ 1   0.0588  │└──────────────────────────────────────────────┘
    │ 14 ▄▅▇██▇▆▅▃▁▁▁▂ 1    0.126  │┌ Drawing ─────────────────────────────────────┐
    │ 15 ▆▅▄▃▃▃▃▄▅▆▆▆▆ 1  0.00354  ││ drawn from a flat line at 0.5                │
    │ 16 █▇▆▅▃▂▁▁▂▃▅▆▇ 1   0.0462  ││ point 13 of 24 = 1, brush 7                  │
    │ 17 ▇▇█▇▆▄▃▂▂▁▂▄▅ 1    0.105  ││ error 0.02666 ≤ threshold 0.1334             │
    │ 18 ▂▂▃▅▆▇▇▇▆▅▃▂▂ 1   0.0761  ││ drawn: not flagged, looks normal             │
    │ 19 ▇▇▆▄▂▂▁▂▃▄▆▇█ 1   0.0153  ││ model: current run, epoch 5 of 5             │
    └──────────────────────────────┘└──────────────────────────────────────────────┘
     FINISHED  epoch 5/5  100%  Draw mode: Up/Down or the mouse change the signal; …
     ←→ move  ↑↓ raise/lower  Enter done  [ ] brush  0 flat  z noise  ? help  q quit
    """

  static let falseNegatives80 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 valu
    ┌ False negatives (11 of 50) ──┐┌ Test sample 38 of 50 (original units) ───────┐
    │ 37 ▆▄▃▆▇▄▃▅▇▆▃▅▇ 2   0.0871 ✗││─ input  ─ reconstruction  ▆ point error      │
    │▶38 ▆█▅▃▅█▆▄▃▇▇▄▃ 2    0.123 ✗││  1.13│ ⢀⠤⠲⡀          ⡠⠔⡄          ⢀⠤⢢        │
    │ 39 ▅▇▆▃▄▇▇▄▃▆▇▄▃ 2   0.0992 ✗││      │ ⡎  ⠱⡀        ⢰⠁ ⠘⡄         ⡎  ⢣       │
    │ 40 ▃▄▇▇▃▄▆▇▅▃▅▇▅ 2    0.102 ✗││      │⡜    ⢣       ⢠⠃   ⠘⡄       ⡜    ⢣      │
    │ 43 ▇▅▄▆▇▅▃▄▇▆▄▄▇ 2   0.0728 ✗││ 0.407│     ⠘⡄      ⡎     ⢣      ⢰⠁    ⠘⡄     │
    │ 44 ▇▅▃▅▇▅▃▄▇▆▄▄▇ 2   0.0808 ✗││      │      ⢣     ⡸      ⠘⡄    ⢀⠇      ⢣     │
    │ 45 ▆▄▃▆▇▄▃▅▇▆▃▅▇ 2    0.105 ✗││      │⣀⠤⠤⠤⠔⠒⠚⢎⠉⠑⠒⢤⠗⠒⠊⠉⠒⠒⠒⠒⠳⡉⠉⠒⠊⡝⠉⠉⠒⠒⠒⠒⠒⠙⡕⠒⠒⠒⢉│
    │ 46 ▇▆▃▄▇▆▄▃▆▇▄▃▆ 2   0.0911 ✗││      │       ⠈⢆ ⢀⠎         ⠱⡀ ⡰⠁        ⠸⡀ ⢀⠎│
    │ 47 ▄▇▇▃▄▇█▅▃▅█▅▃ 2    0.126 ✗││-0.533│        ⠈⠒⠎           ⠑⠲⠁          ⠑⠢⠎ │
    │ 48 ▃▅▇▅▄▅▇▆▄▄▆▆▄ 2   0.0678 ✗││      │██████▂▂███▁▁██████▁▁████▃███████  ▇██▃│
    │ 50 █▆▃▄▇▆▃▃▆▇▄▃▆ 2    0.121 ✗││      └───────────────────────────────────────│
    │                              ││       1                                    24│
    │                              │└──────────────────────────────────────────────┘
    │                              │┌ Sample ──────────────────────────────────────┐
    │                              ││ class 2: R-on-T premature ventricular        │
    │                              ││ contraction                                  │
    │                              ││ error 0.1234 ≤ threshold 0.1334              │
    │                              ││ abnormal, not flagged: false negative        │
    │                              ││ filter false negatives: 2 of 11              │
    └──────────────────────────────┘└──────────────────────────────────────────────┘
     FINISHED  epoch 5/5 █████████████ 100%  Values in the data's own units.
     ↑↓ step  PgUp/PgDn 10  f filter  u scaled  d draw  b bottleneck  ? help  q quit
    """

  static let noModel80 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 valu
    ┌ Explore ─────────────────────────────────────────────────────────────────────┐
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                           No model to explore yet.                           │
    │          Press 1 for the Train screen, then Space to train a model.          │
    │          This screen follows the newest model while training runs:           │
    │             step through the test heartbeats, see how the model              │
    │                  reconstructs each one, and draw your own.                   │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    └──────────────────────────────────────────────────────────────────────────────┘
     IDLE  epoch 0/5 ░░░░░░░░░░░░░   0%
     1 Train screen  Space train                                    ? help  q quit
    """

  static let help120 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 values
    ┌ All samples (50) ────────────────────┐┌ Test sample 1 of 50 (scaled) ────────────────────────────────────────────────┐
    │▶ 1 ▇▇▇▇▇▇▆▅▄▃▃▂▂▂▂▂┌ Help: keys of the Explore screen ──────────────────────── Keys ─ Concepts ─┐                    │
    │  2 ▇▇▇███▇▆▅▄▃▂▂▁▁▁│ Everywhere                                                                 │                    │
    │  3 ▂▂▁▁▁▁▂▃▄▅▆▇▇███│  1 / 2 / 3         Train, Explore or Runs screen (or F1 to F3)             │                    │
    │  4 █████▇▆▄▄▃▂▁▁▁▁▂│  Space             start training, pause, resume                           │                    │
    │  5 ▃▃▂▂▂▁▂▃▄▄▅▆▆▇▇█│  o / O / w         open a model file / open a data file / save the model   │                   ⡠│
    │  6 ▅▅▄▄▃▃▃▃▃▃▃▄▄▅▆▆│  n                 train one epoch, then pause                             │                 ⡠⠊ │
    │  7 ▄▄▅▆▇████▇▆▅▅▃▂▁│  ?                 this help                                               │              ⢀⠤⠊   │
    │  8 ▃▂▂▂▂▂▃▄▅▅▆▆▇▇▇▇│  q                 quit (asks first while training)                        │⢀⣀⡀  ⣀⡠⠤⠔⠒⠒⠤⡤⣔⣁⣀⣀⣀⠤⠤│
    │  9 ▄▄▅▆▆▇▇▇▇▇▆▅▅▄▃▂│                                                                            │⠁ ⠈⠉⠉    ⢀⠔⠊        │
    │ 10 ▇▆▆▅▄▃▂▁▁▁▂▂▃▄▅▆│ Explore screen                                                             │        ⡰⠁          │
    │ 11 ▆▇▇▇▇▇▆▅▅▄▃▃▂▂▂▂│  Up / Down, k / j  previous / next test sample                             │      ⡠⠊            │
    │ 12 ▄▃▃▂▂▁▂▃▃▄▅▅▆▇▇█│  PgUp / PgDn       10 samples back / on                                    │    ⡠⠊              │
    │ 13 ▃▃▂▂▂▂▃▃▄▅▅▆▆▇▇▇│  Home / End        first / last sample                                     │ ⢀⠔⠊                │
    │ 14 ▄▅▅▆▇████▇▆▅▄▃▂▁│  mouse             wheel steps, a press on the list selects                │⠊⠁                  │
    │ 15 ▆▅▅▄▄▃▃▃▃▃▃▃▄▅▅▆│  f / F             next / previous filter: all, each class,                │                    │
    │ 16 ██▇▇▆▅▄▃▂▂▁▁▁▂▃▄│                    misclassified, false positives, false negatives         │                    │
    │ 17 ▇▇▇███▇▆▅▄▃▂▂▂▁▁│  u                 scaled values (the model's input) or original units     │██████▆▆▆▃▃▃▁▁▁▄▄▄▆▆│
    │ 18 ▂▂▂▃▄▄▆▇▇▇▇▇▇▆▅▅│  b                 bottleneck plot in place of the list (small windows)    │────────────────────│
    │ 19 ▇▇▆▆▅▄▃▂▂▂▁▂▂▃▄▅│  d                 draw, starting from the selected sample                 │                  24│
    │ 20 ▄▃▃▂▂▂▃▃▄▅▅▅▆▆▇▇│  0 / z             draw, starting from a flat line / seeded noise          │────────────────────┘
    │ 21 ▇▇▇▆▆▆▄▃▃▂▂▂▂▂▃▃│                                                                            │f 3 units ──────────┐
    │ 22 ███▇▇▆▅▃▂▂▁▁▁▁▂▃│ Draw mode                                                                  │al  ● sample 1      │
    │ 23 ▅▆▇▇███▇▆▆▅▄▃▂▁▁│  Left / Right      move the cursor                                         │          ●         │
    │ 24 ▃▄▅▆▇▇████▇▆▅▄▂▂│  Up / Down         raise / lower the points under the brush by 0.05        │      ⠂  ⠘     ⠈⠄   │
    │ 25 ▇▇▇▇▇▆▅▄▄▃▃▂▂▂▂▃│  PgUp / PgDn       raise / lower them by 0.25                              │           ⣀    ⠁   │
    │ 26 ▅▆▆▇███▇▇▆▅▄▃▂▁▁│  [ / ]             narrower / wider brush, 1 to 15 points                  │ ⠐       ⠔ ⠁  ⠐     │
    │ 27 ▅▄▄▃▂▁▁▁▂▂▃▄▅▆▇█│                    the brush is a tent: the cursor's point moves fully,    │             ⠘⠐⠠⠈   │
    │ 28 ▂▂▂▂▂▂▃▄▅▆▆▇▇▇▇▇│                    each point further out less, down to 1 / (h + 1)        │         ⠐      ⠈   │
    │ 29 ▄▄▃▃▃▂▃▃▄▄▄▅▅▆▆▇│  mouse             press or drag on the chart to set values there          │  ⠂    ⡀  ⠄         │
    │ 30 ▇▇▇▇▇▆▅▄▃▃▂▂▂▂▂▃│  d / 0 / z         start again: selected sample, flat line, noise          │                    │
    │ 31 ▂▂▃▃▄▅▆▇███▇▇▆▅▄│  Enter or Esc      leave draw mode                                         │                 ⢂  │
    │ 32 ▂▃▃▄▅▆▇████▇▆▅▄▃│                                                                            │                 ⢀  │
    │ 33 ▇▇▇▇▇▇▆▄▄▃▃▂▂▂▂▂│ What you see                                                               │                 ⠘  │
    │ 34 ▂▃▃▄▄▅▆▆▇▇▇▇▆▆▅▄│ Esc or ? closes this help.  Right: concepts.  Up/Down scroll.              │                 ⠈  │
    │ 35 ▅▅▄▄▃▂▂▂▃▃▃▄▄▅▆▇└────────────────────────────────────────────────────────────────────────────┘                  ⠃ │
    └──────────────────────────────────────┘└──────────────────────────────────────┘└──────────────────────────────────────┘
     FINISHED  epoch 5/5 ████████████████████ 100%  12,345 samples/s
     ↑↓ step  PgUp/PgDn 10  f filter  u units  d draw  Space train  1 Train                                 ? help  q quit
    """

  static let twoUnitBottleneck = """
    ┌ Bottleneck: 2 units ─────────────────┐
    │█ normal  █ abnormal  ● sample 1      │
    │ ⠠                                    │
    │    ⠄                                 │
    │     ⠂⠰                               │
    │         ⠂⡄                           │
    │             ⡀                        │
    │              ⠂                       │
    │                ⠂⡀                    │
    │                  ⠈                   │
    │                         ⡀            │
    │                   ⠁⠦⡄    ⠠           │
    │                      ⠈ ⠂⡀⠐  ⠐     ⣠⠄ │
    │                        ⠈ ⠐⠠⢀    ⢀●⠁  │
    │                                ⠐⠁    │
    └──────────────────────────────────────┘
    """

  static let threeUnitBottleneck = """
    ┌ Bottleneck: PCA of 3 units ──────────┐
    │█ normal  █ abnormal  ● sample 1      │
    │                            ●         │
    │                        ⠂  ⠘     ⠈⠄   │
    │                             ⣀    ⠁   │
    │                   ⠐       ⠔ ⠁  ⠐     │
    │            ⡀    ⠐             ⠘⠐⠠⠈   │
    │           ⠄               ⠐      ⠈   │
    │                 ⠐  ⠂    ⡀  ⠄         │
    │      ⢀         ⠂                     │
    │                                   ⢂  │
    │                                   ⢀  │
    │ ⠈     ⠐                           ⠘  │
    │                                   ⠈  │
    │                                    ⠃ │
    └──────────────────────────────────────┘
    """
}
