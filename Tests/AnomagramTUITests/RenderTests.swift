import AnomagramCore
import Testing

@testable import AnomagramTUI

/// Whole Train screens rendered from fixture states and compared line by
/// line with the text below, plus checks of focus, overlays, glyphs and
/// sizes. Every screen comes from `view(_:size:)`, which never touches the
/// terminal.
@Suite("view: Train screen", .timeLimit(.minutes(1)))
struct RenderTests {
  static let large = Size(width: 120, height: 40)
  static let minimum = Size(width: 80, height: 24)
  static let tooSmall = Size(width: 60, height: 20)

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

  // MARK: - Whole screens

  // Checked by hand on this screen and on `finished120`:
  // - Model pane: the fixture's 24-12-6-3-6-12-24 network, one row per
  //   layer with its units, activation and parameters. The mirrored rows
  //   are named dense 2' and dense 1'. The parameter column is as wide
  //   as "312" and the activation column as "sigmoid". That leaves the
  //   38-column pane 8 cells for bars of round(8 × log2(units + 1) /
  //   log2(1025)) cells, at least 1: 4 for 24, 3 for 12, 2 for 6 and 3.
  //   Per layer (inputs × units + units):
  //   24·12 + 12 = 300, 12·6 + 6 = 78, 6·3 + 3 = 21, 3·6 + 6 = 24,
  //   6·12 + 12 = 84, 12·24 + 24 = 312, 819 in all. The pointer is on
  //   dense 1, the row under cursor 0.
  // - Training pane: every fixture setting, with the data settings under
  //   "Data". The seed row shows the training seed 3, not the split's 7.
  // - Status bar: IDLE, epoch 0 of the 5 configured, an empty bar at 0 %.
  // - Footer: the model pane's keys, the shared keys that fit in 120
  //   columns, and "? help  q quit" at the right end.
  @Test("idle screen at 120x40")
  func idleLarge() {
    expectScreen(view(Fixtures.idleState(size: Self.large), size: Self.large), equals: ExpectedScreen.idle120)
  }

  // Checked by hand against the fixture run's numbers:
  // - Loss chart: the legend gives epoch 5's losses (train 0.06021,
  //   validation 0.07377). The y axis runs from 0.0588 to 0.0907 around
  //   the losses' range 0.0602 to 0.0892, with 0.0747 halfway. Both lines
  //   start at x = 1/5 of the plot (epoch 1) near the top. The training
  //   line ends in the bottom row and the validation line just below the
  //   0.0747 row.
  // - Histogram: the range is 0 to 1.1 × the 49th of the 50 sorted test
  //   errors (0.13765), so 0.151. The largest bin count, 4, takes one
  //   label column, so the 38-column pane has 36 plot columns: 18 bins of
  //   two columns, normal then abnormal. The threshold line sits at
  //   0.1334 / 0.151 ≈ 0.88 of the plot's width.
  // - Metrics: the 99th percentile of the training errors is 0.1334.
  //   Exactly 4 test errors lie above it (0.1370 to 0.1388), all
  //   abnormal, so TP 4, FP 0, TN 35, FN 11. Accuracy 39/50 = 0.780,
  //   precision 4/4, recall 4/15 = 0.267, F1 8/19 = 0.421, FNR 11/15 =
  //   0.733. AUC 0.761905 shows as 0.7619 here and on the ROC chart,
  //   whose marker sits at FPR 0, TPR 0.267.
  // - Status bar: FINISHED, epoch 5/5, a full bar, the fixed 12,345
  //   samples/s and the notice `update` set on arrival. No time left is
  //   shown once the run is over.
  @Test("finished screen at 120x40")
  func finishedLarge() throws {
    let canvas = view(try Fixtures.finishedState(size: Self.large), size: Self.large)

    expectScreen(canvas, equals: ExpectedScreen.finished120)
  }

  // The same panes in the 80-column layout: 34-column left panes leave 2
  // cells for bars, so every bar is 1 cell. The loss legend names the
  // series by their short names, which fit the 16-column pane. The
  // settings pane shows its first 7 rows, because the cursor is at the
  // top; the rest scroll into view as it moves.
  @Test("idle screen at 80x24")
  func idleMinimum() {
    expectScreen(view(Fixtures.idleState(size: Self.minimum), size: Self.minimum), equals: ExpectedScreen.idle80)
  }

  // The numbers match `finished120`. The rule's name is abbreviated to
  // fit ("99th pct. of train errors"). The ROC plot has no row where
  // "AUC 0.7619" would miss the curve, so only the metrics pane shows it.
  // The histogram's middle row is centred on the count 2.5, which rounds
  // to 3, the next row's height, so its label shows 2. The status bar
  // drops the speed so that the notice fits whole.
  @Test("finished screen at 80x24")
  func finishedMinimum() throws {
    let canvas = view(try Fixtures.finishedState(size: Self.minimum), size: Self.minimum)

    expectScreen(canvas, equals: ExpectedScreen.finished80)
  }

  @Test("too small screen explains the minimum")
  func tooSmallIdle() {
    expectScreen(
      view(Fixtures.idleState(size: Self.tooSmall), size: Self.tooSmall), equals: ExpectedScreen.tooSmallIdle)
  }

  // At 20x8 each sentence wraps onto lines of at most 20 characters. The
  // run is training, so the third sentence adds that training goes on
  // and the fourth that quitting takes q and then y. The epoch comes
  // last. After q, the question takes the fourth sentence's place.
  @Test("too small message wraps at 20x8")
  func tooSmallWraps() throws {
    let size = Size(width: 20, height: 8)
    var state = Fixtures.idleState(size: size)
    _ = update(&state, with: .snapshotArrived(try Fixtures.runInProgress.get()))

    let expected = """
      Terminal too small:
             20x8.
       Anomagram needs at
          least 80x24.
      Enlarge the window;
       training goes on.
       q, then y, quits.
           epoch 1/5
      """
    expectScreen(view(state, size: size), equals: expected)

    press(.character("q"), in: &state)
    let asking = view(state, size: size)
    #expect(asking.line(6) == "   Quit? y quits.   ")
    #expect(asking.line(7) == "     epoch 1/5      ")
  }

  // With a run, the message adds its epoch below the four lines.
  @Test("too small screen shows the epoch")
  func tooSmallFinished() throws {
    let canvas = view(try Fixtures.finishedState(size: Self.tooSmall), size: Self.tooSmall)

    expectScreen(canvas, equals: ExpectedScreen.tooSmallFinished)
  }

  // A run after one epoch, shown as training. Checked by hand: the
  // threshold 0.1381 flags 4 abnormal and 1 normal row, so precision
  // 4/5 = 0.800, FPR 1/35 = 0.029 (0.0286 on the ROC legend), accuracy
  // 38/50 = 0.760, F1 8/20 = 0.400. The status bar shows 20 % (1 of 5
  // epochs) and ~2 s left: 0.5 s × (1 − 0.2) / 0.2. The footer offers
  // Space to pause.
  @Test("run in progress at 120x40")
  func runInProgress() throws {
    var state = Fixtures.idleState()
    _ = update(&state, with: .snapshotArrived(try Fixtures.runInProgress.get()))

    expectScreen(view(state, size: Self.large), equals: ExpectedScreen.inProgress120)
  }

  // The help window is 78 columns wide, centred over the panes, and
  // lists the keys every screen shares, those of the Train screen, then
  // those of each pane, replay with its memory bound included. All 32
  // lines fit without scrolling, and every action fits (see
  // `helpActionsFit`). The top edge names the two pages, Keys and
  // Concepts, and the last row says Right shows the concepts.
  @Test("help overlay at 120x40")
  func helpOverlay() {
    var state = Fixtures.idleState()
    press(.character("?"), in: &state)

    expectScreen(view(state, size: Self.large), equals: ExpectedScreen.help120)
  }

  // The question box is centred over the panes, and the footer offers
  // only y and "any other key".
  @Test("quit question at 80x24")
  func quitQuestion() throws {
    var state = Fixtures.idleState()
    _ = update(&state, with: .snapshotArrived(try Fixtures.runInProgress.get()))
    press(.character("q"), in: &state)

    expectScreen(view(state, size: Self.minimum), equals: ExpectedScreen.quit80)
  }

  // `finished120` with ASCII glyphs: "+-|" frames, "#" and "=" bars,
  // ".:'" in place of Braille dots, "o" for the ROC marker, and words for
  // the arrow keys in the footer.
  @Test("ASCII screen at 120x40")
  func asciiScreen() throws {
    let canvas = view(try Fixtures.finishedState(glyphs: .ascii), size: Self.large)

    expectScreen(canvas, equals: ExpectedScreen.ascii120)
  }

  // MARK: - Glyphs and sizes

  /// States that between them draw every pane, overlay and editor.
  private func statesForGlyphCheck(glyphs: Glyphs) throws -> [(label: String, state: AppState)] {
    var help = Fixtures.idleState(glyphs: glyphs)
    press(.character("?"), in: &help)
    var quit = Fixtures.idleState(glyphs: glyphs)
    _ = update(&quit, with: .snapshotArrived(try Fixtures.runInProgress.get()))
    press(.character("q"), in: &quit)
    var editor = try Fixtures.finishedState(glyphs: glyphs)
    press(.tab, .enter, in: &editor)
    var threshold = try Fixtures.finishedState(glyphs: glyphs)
    press(.tab, .tab, .up, .character("l"), in: &threshold)
    return [
      ("idle", Fixtures.idleState(glyphs: glyphs)), ("finished", try Fixtures.finishedState(glyphs: glyphs)),
      ("help", help), ("quit question", quit), ("editor", editor), ("manual threshold, log counts", threshold),
    ]
  }

  @Test("ASCII glyphs draw only ASCII", arguments: [large, minimum, tooSmall, Size(width: 200, height: 60)])
  func asciiOnly(size: Size) throws {
    for (label, state) in try statesForGlyphCheck(glyphs: .ascii) {
      let canvas = view(state, size: size)

      let others = canvas.cells.map(\.character).filter { !$0.isASCII }
      #expect(others.isEmpty, "\(label) at \(size.width)x\(size.height): \(String(others.prefix(10)))")
    }
  }

  @Test("Unicode glyphs draw box lines")
  func unicodeHasBoxLines() throws {
    let text = view(try Fixtures.finishedState(), size: Self.large).text

    #expect(text.contains("┌"))
    #expect(text.unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) }, "Braille dots")
  }

  // At 200x60 the left column keeps its 40 columns and the model pane its
  // 12 rows, so it matches the 120x40 one. The right 160 columns split
  // into loss and histogram panes of 80 columns over 28 rows, then a ROC
  // pane of min(29 × 2 + 4, 160 × 2 / 5) = 62 columns beside the metrics.
  @Test("200x60 screen")
  func wideScreen() throws {
    let size = Size(width: 200, height: 60)
    let canvas = view(try Fixtures.finishedState(size: size), size: size)
    let rows = canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let largeRows = ExpectedScreen.finished120.split(separator: "\n", omittingEmptySubsequences: false)

    #expect(canvas.size == size)
    #expect(rows.count == 60)
    #expect(rows[0] == " Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 values")
    for row in 1...12 {
      #expect(rows[row].prefix(40) == largeRows[row].prefix(40), "model pane row \(row)")
    }
    #expect(rows[1].hasPrefix("┌ Model ─"))
    #expect(canvas.line(1).dropFirst(40).hasPrefix("┌ Loss per epoch ─"))
    #expect(canvas.line(1).dropFirst(120).hasPrefix("┌ Error histogram ─"))
    #expect(canvas.line(29).dropFirst(40).hasPrefix("┌ ROC ─"))
    #expect(canvas.line(29).dropFirst(102).hasPrefix("┌ Threshold and metrics ─"))
    for row in 1...57 {
      #expect("┌│└".contains(canvas[0, row].character), "left edge of row \(row)")
      #expect("┐│┘".contains(canvas[199, row].character), "right edge of row \(row)")
    }
    #expect(rows[30].contains("threshold 0.1334"))
    #expect(rows[35].contains("TP 4  FP 0  TN 35  FN 11"))
    #expect(
      rows[58]
        == " FINISHED  epoch 5/5 ████████████████████ 100%  12,345 samples/s  Training finished after 5 epochs.")
    #expect(
      rows[59].hasPrefix(
        " ↑↓ select  ←→ change  a add layer  d remove  Enter type units  Space train  n one epoch  r reset"
          + "  Tab next pane  "))
    #expect(rows[59].hasSuffix("? help  q quit"))
  }

  @Test("view is pure")
  func viewIsPure() throws {
    let state = try Fixtures.finishedState()

    #expect(view(state, size: Self.large) == view(state, size: Self.large))
  }

  // MARK: - Focus

  /// The frames of the 120x40 layout. The model pane is 40 × 12 at the top
  /// left, with the settings pane under it. The right 80 columns hold two
  /// rows of panes, 18 and 19 rows high: the loss chart and the histogram,
  /// 40 columns each, then the ROC chart (2/5 of the width, 32 columns)
  /// and the metrics (48 columns).
  static let frames: [(name: String, x: Int, y: Int, width: Int, height: Int)] = [
    ("model", 0, 1, 40, 12), ("settings", 0, 13, 40, 25), ("loss", 40, 1, 40, 18), ("histogram", 80, 1, 40, 18),
    ("ROC", 40, 19, 32, 19), ("metrics", 72, 19, 48, 19),
  ]

  /// The frames that light up when each pane has focus.
  static let focusedFrames: [AppState.Pane: Set<String>] = [
    .model: ["model"], .settings: ["settings"], .threshold: ["histogram", "metrics"], .lossChart: ["loss"],
  ]

  @Test("focus moves with Tab", arguments: 0..<5)
  func focusFollowsTab(tabs: Int) throws {
    var state = try Fixtures.finishedState()
    press(Array(repeating: .tab, count: tabs), in: &state)
    let expected = try #require(Self.focusedFrames[state.focus])

    let canvas = view(state, size: Self.large)

    for frame in Self.frames {
      let corners = [
        (frame.x, frame.y), (frame.x + frame.width - 1, frame.y), (frame.x, frame.y + frame.height - 1),
        (frame.x + frame.width - 1, frame.y + frame.height - 1),
      ]
      for (x, y) in corners {
        let cell = canvas[x, y]
        #expect("┌┐└┘".contains(cell.character), "\(frame.name) corner (\(x), \(y))")
        if expected.contains(frame.name) {
          #expect(cell.foreground == .green, "\(frame.name) corner (\(x), \(y))")
          #expect(cell.style == .bold, "\(frame.name) corner (\(x), \(y))")
        } else {
          #expect(cell.foreground == .gray, "\(frame.name) corner (\(x), \(y))")
          #expect(cell.style == [], "\(frame.name) corner (\(x), \(y))")
        }
      }
    }
  }

  // The pointer sits in column 1: on dense 1 (row 3) for the model pane
  // and on epochs (row 14) for the settings pane.
  @Test("pointer moves with Tab")
  func pointerFollowsTab() throws {
    var state = try Fixtures.finishedState()
    let modelRow = Cell("▶", foreground: .green, style: .bold)

    var canvas = view(state, size: Self.large)
    #expect(canvas[1, 3] == modelRow)
    #expect(canvas[1, 14].character == " ")
    #expect(canvas[2, 3].style.contains(.reverse))

    press(.tab, in: &state)
    canvas = view(state, size: Self.large)
    #expect(canvas[1, 3].character == " ")
    #expect(canvas[1, 14] == modelRow)
    #expect(canvas.line(14).hasPrefix("│▶epochs          ◀ 5 ▶"))
    #expect(!canvas[2, 3].style.contains(.reverse))

    press(.tab, in: &state)
    canvas = view(state, size: Self.large)
    #expect(!canvas.text.contains("▶d"))
    #expect(!canvas.text.contains("▶e"))
  }

  @Test("pointer follows the model cursor")
  func pointerFollowsCursor() throws {
    var state = try Fixtures.finishedState()
    press(.down, .down, in: &state)
    let canvas = view(state, size: Self.large)

    #expect(canvas.line(5).hasPrefix("│▶bottleneck     3"))
    #expect(canvas[1, 3].character == " ")
  }

  /// The left part of the footer row at 120x40 for each focused pane: the
  /// pane's keys, then as many shared keys as fit before "o O w files  ?
  /// help  q quit", which always end the row.
  static let footers: [AppState.Pane: String] = [
    .model: " ↑↓ select  ←→ change  a add layer  d remove  Enter type units  Space train  n one epoch  ",
    .settings: " ↑↓ select  ←→ change  Enter type value  Space train  n one epoch  r reset  Tab next pane  ",
    .threshold: " ←→ fine  ↑↓ coarse  f max F1  a max accuracy  y Youden  p percentile  s mean+3sd  ",
    .lossChart: " l log scale  [ replay  Space train  n one epoch  r reset  Tab next pane  2 Explore  ",
  ]

  @Test("footer lists the focused pane's keys", arguments: 0..<4)
  func footerFollowsFocus(tabs: Int) throws {
    var state = try Fixtures.finishedState()
    press(Array(repeating: .tab, count: tabs), in: &state)

    let footer = try #require(Self.footers[state.focus])
    let row = view(state, size: Self.large).line(39)

    #expect(row.hasPrefix(footer), "footer: \(row)")
    #expect(row.trimmingTrailingSpaces.hasSuffix("o O w files  ? help  q quit"), "footer: \(row)")
  }

  // MARK: - State shown in panes

  // The finished notice leaves no room for the status bar's note, which
  // shows once the notice is gone.
  @Test("changed settings show in title and status")
  func staleRun() throws {
    var state = try Fixtures.finishedState()
    press(.right, in: &state)

    let canvas = view(state, size: Self.large)

    #expect(canvas.line(1).hasPrefix("┌ Model (changed) ─"))
    #expect(canvas.line(3).hasPrefix("│▶dense 1       16 "))
    #expect(canvas.line(11).hasPrefix("│ 1,067 parameters "))
    #expect(canvas.line(13).hasPrefix("┌ Training ─"))
    #expect(canvas.line(38).trimmingTrailingSpaces.hasSuffix("  Training finished after 5 epochs."))

    state.notice = nil
    let status = view(state, size: Self.large).line(38).trimmingTrailingSpaces
    #expect(status.hasSuffix("  settings changed: Space starts a new run"))
  }

  @Test("changed training setting marks its pane")
  func staleTrainingSetting() throws {
    var state = try Fixtures.finishedState()
    press(.tab, .right, in: &state)

    let changed = view(state, size: Self.large)
    #expect(changed.line(1).hasPrefix("┌ Model ─"))
    #expect(changed.line(13).hasPrefix("┌ Training (changed) ─"))

    // Back to the run's 5 epochs: neither pane is marked.
    press(.left, in: &state)
    let unchanged = view(state, size: Self.large)
    #expect(unchanged.line(13).hasPrefix("┌ Training ─"))
    #expect(!unchanged.text.contains("changed"))
  }

  // A diverged run's notice is read whole at 120 columns: the progress bar
  // and the speed give way to it.
  @Test("diverged notice fits at 120 columns")
  func divergedNoticeFits() throws {
    var state = Fixtures.idleState()
    var snapshot = try Fixtures.snapshot(status: .training)
    _ = update(&state, with: .snapshotArrived(snapshot))
    snapshot.status = .diverged
    snapshot.failureReason = "The training loss became NaN in epoch 3."
    _ = update(&state, with: .snapshotArrived(snapshot))

    let status = view(state, size: Self.large).line(38).trimmingTrailingSpaces

    #expect(
      status == " DIVERGED  epoch 5/5  100%  Try a smaller learning rate: training diverged. The training loss became "
        + "NaN in epoch 3.")
  }

  @Test("diverged run titles name the last good epoch")
  func divergedTitles() throws {
    var state = Fixtures.idleState()
    let snapshot = try Fixtures.snapshot(status: .diverged)
    _ = update(&state, with: .snapshotArrived(snapshot))
    let epoch = try #require(snapshot.evaluation?.epoch)

    let text = view(state, size: Self.large).text

    #expect(text.contains("Histogram: epoch \(epoch) (last good)"))
    #expect(text.contains("ROC: epoch \(epoch) (last good)"))
    #expect(text.contains("Metrics: epoch \(epoch) (last good)"))
  }

  @Test("log scales show in titles")
  func logScaleTitles() throws {
    var state = try Fixtures.finishedState()
    press(.tab, .tab, .character("l"), .tab, .character("l"), in: &state)

    let canvas = view(state, size: Self.large)

    #expect(canvas.line(1).dropFirst(40).hasPrefix("┌ Loss per epoch (log) ─"))
    #expect(canvas.line(1).dropFirst(80).hasPrefix("┌ Error histogram (log counts) ─"))
  }

  @Test("typed value shows in its row")
  func editorInRow() throws {
    var state = try Fixtures.finishedState()
    press(.tab, .down, .enter, .backspace, .character("8"), in: &state)

    let canvas = view(state, size: Self.large)

    #expect(canvas.line(15).hasPrefix("│▶batch size      ◀ 18_ ▶"))
    #expect(canvas.line(39).trimmingTrailingSpaces == " 0-9 . e - type  Enter set  Esc cancel  Backspace delete")
  }

  // MARK: - Messages and counts

  /// Keys that type a rejected value into a field, and the reason `update` stores.
  static let rejectedEdits: [(label: String, keys: [Key], reason: String)] = [
    (
      "batch size 0", [.tab, .down, .enter, .backspace, .backspace, .character("0"), .enter],
      "The batch size must be a whole number from 1 to 1000000."
    ),
    (
      "dense 1 with 2000 units", [.enter, .backspace, .backspace] + typing("2000") + [.enter],
      "Units must be a whole number from 1 to 1024."
    ),
  ]

  // `update` keeps the editor open and stores the reason in
  // `FieldEditor.error`, and the screen must show that reason.
  @Test("rejected value shows its reason", arguments: rejectedEdits.map(\.label))
  func rejectedValueShowsReason(label: String) throws {
    let edit = try #require(Self.rejectedEdits.first { $0.label == label })
    var state = try Fixtures.finishedState()
    press(edit.keys, in: &state)
    #expect(state.editor?.error == edit.reason)

    let text = view(state, size: Self.large).text

    #expect(text.contains(edit.reason))
  }

  // The model pane's doc comment promises a parameter count for each
  // layer. Worked out for 24-12-6-3-6-12-24: inputs × units + units.
  @Test("model rows show parameter counts")
  func modelRowParameterCounts() {
    let canvas = view(Fixtures.idleState(), size: Self.large)
    let counts = [(3, "300"), (4, "78"), (5, "21"), (6, "24"), (7, "84"), (8, "312")]

    for (row, count) in counts {
      // Columns 18 to 38 of the pane hold the bar, the activation and the count.
      let rest = canvas.line(row).dropFirst(18).prefix(21)
      #expect(rest.split(separator: " ").contains(Substring(count)), "row \(row): \(canvas.line(row))")
    }
  }

  // A loaded model may have layers beyond the pane's presets: 3,000 units
  // and a 4,096-unit bottleneck, with leaky-relu. Parameter counts above
  // a million show in millions (3000 · 4096 + 4096 = 12,292,096 as
  // 12.3M), and the activation keeps its whole name.
  @Test("large layers fit their columns")
  func largeLayersFit() {
    var state = Fixtures.idleState()
    state.training.encoderUnits = [3000]
    state.training.latentSize = 4096
    state.training.hiddenActivation = .leakyRelu

    let canvas = view(state, size: Self.large)

    #expect(canvas.line(3).hasPrefix("│▶dense 1     3000 ██ leaky-relu 75,000│"))
    #expect(canvas.line(4).hasPrefix("│ bottleneck  4096 ██ linear      12.3M│"))
    #expect(canvas.line(5).hasPrefix("│ dense 1'    3000 ██ leaky-relu  12.3M│"))
    #expect(canvas.line(9).hasPrefix("│ 24,730,120 parameters"))
  }

  // At 80 columns the same layers leave the full name no room between
  // the units and the 6-character counts, so the short one is used.
  @Test("leaky-relu shortens when narrow")
  func leakyReluShortName() {
    var state = Fixtures.idleState(size: Self.minimum)
    state.training.encoderUnits = [3000]
    state.training.latentSize = 4096
    state.training.hiddenActivation = .leakyRelu

    let canvas = view(state, size: Self.minimum)

    #expect(canvas.line(3).hasPrefix("│▶dense 1     3000 lrelu   75,000│"))
    #expect(canvas.line(7).hasPrefix("│ hidden act.       leaky-relu"))
  }

  // With 1024 units, the grouped counts (144,384) leave no room at 80
  // columns even for the short names, so the counts go to thousands.
  @Test("counts shorten when narrow")
  func countsInThousands() {
    var state = Fixtures.idleState(size: Self.minimum)
    state.featureCount = 140
    state.training.encoderUnits = [1024]
    state.training.latentSize = 4096
    state.training.hiddenActivation = .leakyRelu

    let canvas = view(state, size: Self.minimum)

    #expect(canvas.line(3).hasPrefix("│▶dense 1     1024 █ lrelu   144k│"))
    #expect(canvas.line(4).hasPrefix("│ bottleneck  4096 █ linear  4.2M│"))
    #expect(canvas.line(6).hasPrefix("│ output       140 █ sigmoid 144k│"))
    #expect(ModelPane.parameterText(12_292_096, inThousands: true) == "12M")
    #expect(ModelPane.parameterText(9_999, inThousands: true) == "9,999")
  }

  // Units past the column's 5 characters scroll: the start gives way to
  // an ellipsis, so the text never reaches the bar.
  @Test("long units text stays in its column")
  func unitsEditorStaysInColumn() {
    var state = Fixtures.idleState()
    press([.enter] + typing("123456789"), in: &state)

    let row = view(state, size: Self.large).line(3)

    #expect(row.hasPrefix("│▶dense 1    …789_ ███      relu    300│"), "row: \(row)")
  }

  // A 20-digit seed keeps all its digits, without the arrows, while
  // selected. Typing one longer than the 21-character value column
  // scrolls it.
  @Test("long seed fits the settings pane")
  func longSeedFits() {
    var state = Fixtures.idleState()
    state.training.seed = .max
    press(.tab, .down, .down, .down, .down, .down, .down, in: &state)

    #expect(view(state, size: Self.large).line(20).hasPrefix("│▶seed            18446744073709551615 │"))

    press([.enter] + typing("123456789012345678901234"), in: &state)
    #expect(view(state, size: Self.large).line(20).hasPrefix("│▶seed            …6789012345678901234_│"))
  }

  // "n/a" takes a ratio's 5 characters, so the second column stays
  // aligned. With all test rows normal, recall and FNR are n/a.
  @Test("metrics columns align with n/a")
  func metricsAlignWithMissingRatios() throws {
    #expect(MetricsPane.ratio(nil) == "n/a  ")
    #expect(MetricsPane.ratio(nil).count == MetricsPane.ratio(0.25).count)

    var state = Fixtures.idleState()
    _ = update(&state, with: .snapshotArrived(try Fixtures.oneClassRun.get()))
    let lines = view(state, size: Self.large).text.split(separator: "\n").map(String.init)
    let metrics = try ["accuracy  ", "precision ", "FPR       "].map { label in
      try #require(lines.first { $0.contains("│ " + label) })
    }

    #expect(metrics[1].contains("recall n/a"))
    let secondColumns = zip(metrics, ["F1 ", "recall ", "FNR "]).map { line, name in
      line.range(of: name).map { line.distance(from: line.startIndex, to: $0.lowerBound) }
    }
    #expect(Set(secondColumns).count == 1, "\(metrics)")
  }

  /// A threshold rule's name and the text the metrics pane gives it for a
  /// width: whole when it fits, then abbreviated.
  static let sourceTexts: [(rule: ThresholdRule, width: Int, text: String)] = [
    (.percentile(99), 43, "99th percentile of training errors"),
    (.percentile(99), 27, "99th pct. of train errors"),
    (.youden, 43, "max Youden's J (TPR − FPR) on test labels"),
    (.youden, 27, "max Youden's J on test labels"),
    (.meanPlusStandardDeviations(3), 43, "mean + 3 sd of training errors"),
    (.meanPlusStandardDeviations(3), 27, "mean + 3 sd of train errors"),
  ]

  @Test("rule names fit the metrics pane", arguments: sourceTexts.indices)
  func ruleNamesFit(index: Int) {
    let (rule, width, text) = Self.sourceTexts[index]

    #expect(MetricsPane.fitted(source: rule.name, width: width) == text)
  }

  // At 120 columns the metrics pane has 43 characters for the rule name,
  // so Youden's rule shows without an ellipsis.
  @Test("Youden's rule reads whole at 120x40")
  func youdenRuleWhole() throws {
    var state = try Fixtures.finishedState()
    state.threshold = .rule(.youden)

    let text = view(state, size: Self.large).text

    #expect(text.contains("│   max Youden's J (TPR − FPR) on test labels  │"))
  }

  // Each action of the help window must appear whole. The window is at
  // most 78 columns wide and actions start 20 columns in, so an action
  // longer than 56 characters is cut.
  @Test("help actions fit the window")
  func helpActionsFit() {
    var state = Fixtures.idleState()
    press(.character("?"), in: &state)

    let text = view(state, size: Self.large).text

    for section in HelpOverlay.sections(for: .train) {
      for (key, action) in section.keys {
        #expect(text.contains(action), "\(section.title): \(key)")
      }
    }
  }

  // 80x24 is the smallest size the screen supports, so the help must
  // reach every action there, scrolling with the Down key. An action
  // counts as shown when its text is on screen at some scroll position.
  @Test("help at 80x24 reaches every action by scrolling")
  func helpAtMinimumSize() throws {
    var state = Fixtures.idleState(size: Self.minimum)
    press(.character("?"), in: &state)

    var seen = view(state, size: Self.minimum).text
    for _ in 0..<HelpOverlay.lines(for: .train).count {
      press(.down, in: &state)
      seen += view(state, size: Self.minimum).text
    }

    #expect(view(state, size: Self.minimum).text.contains("Up/Down scroll"))
    for section in HelpOverlay.sections(for: .train) {
      for (key, action) in section.keys {
        #expect(seen.contains(action), "\(section.title): \(key)")
      }
    }
  }
}

extension String {
  /// The string without the spaces at its end, as `Canvas.text` trims rows.
  var trimmingTrailingSpaces: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}

// MARK: - Expected screens

/// Screens as `Canvas.text` shows them: trailing spaces removed.
private enum ExpectedScreen {
  static let idle120 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 values
    ┌ Model ───────────────────────────────┐┌ Loss per epoch ──────────────────────┐┌ Error histogram ─────────────────────┐
    │ input         24 ████                ││─ train -  ─ validation -             ││ Errors appear once training starts.  │
    │▶dense 1       12 ███      relu    300││  1│                                  ││                                      │
    │ dense 2        6 ██       relu     78││   │                                  ││                                      │
    │ bottleneck     3 ██       linear   21││   │                                  ││                                      │
    │ dense 2'       6 ██       relu     24││   │                                  ││                                      │
    │ dense 1'      12 ███      relu     84││   │                                  ││                                      │
    │ output        24 ████     sigmoid 312││   │                                  ││                                      │
    │ hidden act.       relu               ││0.5│             no data              ││                                      │
    │ output act.       sigmoid            ││   │                                  ││                                      │
    │ 819 parameters                       ││   │                                  ││                                      │
    └──────────────────────────────────────┘│   │                                  ││                                      │
    ┌ Training ────────────────────────────┐│   │                                  ││                                      │
    │ epochs            5                  ││   │                                  ││                                      │
    │ batch size        16                 ││  0│                                  ││                                      │
    │ learning rate     0.01               ││   └──────────────────────────────────││                                      │
    │ optimizer         adam               ││    0                                5││                                      │
    │ regularizer       none               │└──────────────────────────────────────┘└──────────────────────────────────────┘
    │ reg. rate         0.001              │┌ ROC ─────────────────────────┐┌ Threshold and metrics ───────────────────────┐
    │ seed              3                  ││ No curve yet.                ││ No model yet: press Space to train.          │
    │ Data                                 ││                              ││                                              │
    │ train rows        80                 ││                              ││                                              │
    │ test rows         50                 ││                              ││                                              │
    │ abnormal share    0.00               ││                              ││                                              │
    │                                      ││                              ││                                              │
    │                                      ││                              ││                                              │
    │                                      ││                              ││                                              │
    │                                      ││                              ││                                              │
    │                                      ││                              ││                                              │
    │                                      ││                              ││                                              │
    │                                      ││                              ││                                              │
    │                                      ││                              ││                                              │
    │                                      ││                              ││                                              │
    │                                      ││                              ││                                              │
    │                                      ││                              ││                                              │
    │                                      ││                              ││                                              │
    └──────────────────────────────────────┘└──────────────────────────────┘└──────────────────────────────────────────────┘
     IDLE  epoch 0/5 ░░░░░░░░░░░░░░░░░░░░   0%
     ↑↓ select  ←→ change  a add layer  d remove  Enter type units  Space train  n one epoch   o O w files  ? help  q quit
    """

  static let finished120 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 values
    ┌ Model ───────────────────────────────┐┌ Loss per epoch ──────────────────────┐┌ Error histogram ─────────────────────┐
    │ input         24 ████                ││─ train 0.0602  ─ validation 0.0738   ││█ normal  █ abnormal                  │
    │▶dense 1       12 ███      relu    300││0.0907│      ⢄                        ││4│          █         █         █│ █  │
    │ dense 2        6 ██       relu     78││      │      ⠢⡉⠢⣀                     ││ │          █         █         █│ █  │
    │ bottleneck     3 ██       linear   21││      │       ⠈⠢⣀⠑⠤⡀                  ││ │          █         █         █│ █  │
    │ dense 2'       6 ██       relu     24││      │          ⠑⢄⠈⠑⠤⡀               ││ │  ▆       █   ▆     █       ▆▆█│ █  │
    │ dense 1'      12 ███      relu     84││      │            ⠑⡄ ⠈⠒⢄⡀            ││ │  █       █   █     █       ███│ █  │
    │ output        24 ████     sigmoid 312││      │             ⠈⠢⡀  ⠈⠑⠢⢄⣀        ││ │  █       █   █     █       ███│ █  │
    │ hidden act.       relu               ││0.0747│               ⠘⢄      ⠉⠒⠒⠤⠤⠤⣀⣀││2│▄ █       █ ▄ █ ▄▄  █▄▄  ▄▄ ███│ █  │
    │ output act.       sigmoid            ││      │                 ⠱⡀            ││ │█ █       █ █ █ ██  ███  ██ ███│ █  │
    │ 819 parameters                       ││      │                  ⠈⠢⣀          ││ │█ █       █ █ █ ██  ███  ██ ███│ █  │
    └──────────────────────────────────────┘│      │                     ⠑⢄        ││ │█ █   ▂ ▂ █ █ █ ██▂▂███▂▂██ ███│ █  │
    ┌ Training ────────────────────────────┐│      │                       ⠉⠢⣀     ││ │█ █   █ █ █ █ █ ███████████ ███│ █  │
    │ epochs            5                  ││      │                          ⠉⠢⢄⡀ ││ │█ █   █ █ █ █ █ ███████████ ███│ █  │
    │ batch size        16                 ││0.0588│                             ⠈⠑││0│█ █   █ █ █ █ █ ███████████ ███│ █  │
    │ learning rate     0.01               ││      └───────────────────────────────││ └────────────────────────────────────│
    │ optimizer         adam               ││       0                             5││  0                              0.151│
    │ regularizer       none               │└──────────────────────────────────────┘└──────────────────────────────────────┘
    │ reg. rate         0.001              │┌ ROC ─────────────────────────┐┌ Threshold and metrics ───────────────────────┐
    │ seed              3                  ││─ ROC  ─ chance               ││ threshold 0.1334                             │
    │ Data                                 ││1│               ⡏⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⡩⠋││   99th percentile of training errors         │
    │ train rows        80                 ││ │            ⢀⣸⠉⠁        ⡠⠊  ││ accuracy  0.780  F1     0.421                │
    │ test rows         50                 ││ │          ⣀⣀⣸         ⡠⠊    ││ precision 1.000  recall 0.267                │
    │ abnormal share    0.00               ││ │         ⢀⡇         ⡠⠊      ││ FPR       0.000  FNR    0.733                │
    │                                      ││ │        ⡤⠼        ⡠⠊        ││ TP 4  FP 0  TN 35  FN 11                     │
    │                                      ││ │        ⡇       ⡠⠊          ││ AUC 0.7619  PCA 1.0000                       │
    │                                      ││ │        ⡇     ⡠⠊            ││ output spread 0.31: ok                       │
    │                                      ││ │     ⢰⠒⠒⠃   ⡠⠊              ││                                              │
    │                                      ││ │     ⢸    ⡠⠊                ││                                              │
    │                                      ││ │   ⡖⠒⠚  ⡠⠊                  ││                                              │
    │                                      ││ │●⠉⠉⠁  ⡠⠊                    ││                                              │
    │                                      ││ │⡇   ⡠⠊                      ││                                              │
    │                                      ││ │⡇ ⡠⠊                        ││                                              │
    │                                      ││0│⡧⠊                AUC 0.7619││                                              │
    │                                      ││ └────────────────────────────││                                              │
    │                                      ││  0                          1││                                              │
    └──────────────────────────────────────┘└──────────────────────────────┘└──────────────────────────────────────────────┘
     FINISHED  epoch 5/5 ████████████████████ 100%  12,345 samples/s  Training finished after 5 epochs.
     ↑↓ select  ←→ change  a add layer  d remove  Enter type units  Space train  n one epoch   o O w files  ? help  q quit
    """

  static let idle80 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 valu
    ┌ Model ─────────────────────────┐┌ Loss per epoch ┐┌ Error histogram ─────────┐
    │ input         24 █             ││─ train  ─ val. ││ Errors appear once train…│
    │▶dense 1       12 █  relu    300││  1│            ││                          │
    │ dense 2        6 █  relu     78││   │            ││                          │
    │ bottleneck     3 █  linear   21││0.5│  no data   ││                          │
    │ dense 2'       6 █  relu     24││   │            ││                          │
    │ dense 1'      12 █  relu     84││  0│            ││                          │
    │ output        24 █  sigmoid 312││   └────────────││                          │
    │ hidden act.       relu         ││    0          5││                          │
    │ output act.       sigmoid      │└────────────────┘└──────────────────────────┘
    │ 819 parameters                 │┌ ROC ───────┐┌ Threshold and metrics ───────┐
    └────────────────────────────────┘│ No curve y…││ No model yet: press Space to…│
    ┌ Training ──────────────────────┐│            ││                              │
    │ epochs            5            ││            ││                              │
    │ batch size        16           ││            ││                              │
    │ learning rate     0.01         ││            ││                              │
    │ optimizer         adam         ││            ││                              │
    │ regularizer       none         ││            ││                              │
    │ reg. rate         0.001        ││            ││                              │
    │ seed              3            ││            ││                              │
    └────────────────────────────────┘└────────────┘└──────────────────────────────┘
     IDLE  epoch 0/5 ░░░░░░░░░░░░░   0%
     ↑↓ select  ←→ change  a add layer  d remove       o O w files  ? help  q quit
    """

  static let finished80 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 valu
    ┌ Model ─────────────────────────┐┌ Loss per epoch ┐┌ Error histogram ─────────┐
    │ input         24 █             ││─ train  ─ val. ││█ normal  █ abnormal      │
    │▶dense 1       12 █  relu    300││0.0907│ ⠰⣄⡀     ││5│      █ █            │  │
    │ dense 2        6 █  relu     78││      │  ⠈⠪⡢⡀   ││ │      █ █   █     █ █│  │
    │ bottleneck     3 █  linear   21││0.0747│    ⠱⡈⠑⠒⠤││2│█     █ █   █ █   ███│  │
    │ dense 2'       6 █  relu     24││      │     ⠑⢄  ││ │█ █   █ █ ███████████│  │
    │ dense 1'      12 █  relu     84││0.0588│       ⠑⠢││0│█ █ █ █ █ ███████████│  │
    │ output        24 █  sigmoid 312││      └─────────││ └────────────────────────│
    │ hidden act.       relu         ││       0       5││  0                  0.151│
    │ output act.       sigmoid      │└────────────────┘└──────────────────────────┘
    │ 819 parameters                 │┌ ROC ───────┐┌ Threshold and metrics ───────┐
    └────────────────────────────────┘│─ ROC       ││ threshold 0.1334             │
    ┌ Training ──────────────────────┐│1│    ⢠⠏⠉⠉⢩⠋││   99th pct. of train errors  │
    │ epochs            5            ││ │   ⢰⠚ ⢀⠔⠁ ││ accuracy  0.780  F1     0.421│
    │ batch size        16           ││ │  ⢸⠉ ⡠⠃   ││ precision 1.000  recall 0.267│
    │ learning rate     0.01         ││ │ ⣀⡏⢠⠊     ││ FPR       0.000  FNR    0.733│
    │ optimizer         adam         ││ │●⢃⠔⠁      ││ TP 4  FP 0  TN 35  FN 11     │
    │ regularizer       none         ││0│⡧⠃        ││ AUC 0.7619  PCA 1.0000       │
    │ reg. rate         0.001        ││ └──────────││ output spread 0.31: ok       │
    │ seed              3            ││  0        1││                              │
    └────────────────────────────────┘└────────────┘└──────────────────────────────┘
     FINISHED  epoch 5/5 █████████████ 100%  Training finished after 5 epochs.
     ↑↓ select  ←→ change  a add layer  d remove       o O w files  ? help  q quit
    """

  static let tooSmallIdle = """








                     Terminal too small: 60x20.
                  Anomagram needs at least 80x24.
                        Enlarge the window.
                              q quits.








    """

  static let tooSmallFinished = """







                     Terminal too small: 60x20.
                  Anomagram needs at least 80x24.
                        Enlarge the window.
                              q quits.
                             epoch 5/5








    """

  static let help120 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 values
    ┌ Model ───────────────────────────────┐┌ Loss per epoch ──────────────────────┐┌ Error histogram ─────────────────────┐
    │ input         24 ██┌ Help: keys of the Train screen ────────────────────────── Keys ─ Concepts ─┐e training starts.  │
    │▶dense 1       12 ██│ Everywhere                                                                 │                    │
    │ dense 2        6 ██│  1 / 2 / 3         Train, Explore or Runs screen (or F1 to F3)             │                    │
    │ bottleneck     3 ██│  Space             start training, pause, resume                           │                    │
    │ dense 2'       6 ██│  o / O / w         open a model file / open a data file / save the model   │                    │
    │ dense 1'      12 ██│  n                 train one epoch, then pause                             │                    │
    │ output        24 ██│  ?                 this help                                               │                    │
    │ hidden act.       r│  q                 quit (asks first while training)                        │                    │
    │ output act.       s│                                                                            │                    │
    │ 819 parameters     │ Train screen                                                               │                    │
    └────────────────────│  r                 reset: forget the model; the next start builds one      │                    │
    ┌ Training ──────────│  Tab / Shift-Tab   next / previous pane                                    │                    │
    │ epochs            5│                                                                            │                    │
    │ batch size        1│ Model                                                                      │                    │
    │ learning rate     0│  Up / Down         select a layer or activation                            │                    │
    │ optimizer         a│  Left / Right      fewer / more units, other activation                    │                    │
    │ regularizer       n│  a or +            add a hidden layer after the selected one               │────────────────────┘
    │ reg. rate         0│  d or -            remove the selected hidden layer                        │────────────────────┐
    │ seed              3│  Enter             type the number of units                                │ to train.          │
    │ Data               │                                                                            │                    │
    │ train rows        8│ Training                                                                   │                    │
    │ test rows         5│  Up / Down         select a setting                                        │                    │
    │ abnormal share    0│  Left / Right      previous / next preset value                            │                    │
    │                    │  Enter             type a value; Enter sets it, Esc cancels                │                    │
    │                    │                                                                            │                    │
    │                    │ Threshold and charts                                                       │                    │
    │                    │  Left / Right      move the threshold a little                             │                    │
    │                    │  Up / Down         move it a lot                                           │                    │
    │                    │  f a y             maximum F1, maximum accuracy, Youden's J                │                    │
    │                    │  p s               99th percentile, mean + 3 sd of training errors         │                    │
    │                    │  l                 log scale: histogram counts, or the focused loss chart  │                    │
    │                    │  [ / ] and Esc     replay an earlier / later epoch; Esc back to live       │                    │
    │                    │                    stores up to 400 epochs, ~24 MB with the default split  │                    │
    │                    │ Esc or ? closes this help.  Right: concepts.                               │                    │
    │                    └────────────────────────────────────────────────────────────────────────────┘                    │
    └──────────────────────────────────────┘└──────────────────────────────┘└──────────────────────────────────────────────┘
     IDLE  epoch 0/5 ░░░░░░░░░░░░░░░░░░░░   0%
     ↑↓ select  ←→ change  a add layer  d remove  Enter type units  Space train  n one epoch   o O w files  ? help  q quit
    """

  static let inProgress120 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 values
    ┌ Model ───────────────────────────────┐┌ Loss per epoch ──────────────────────┐┌ Error histogram ─────────────────────┐
    │ input         24 ████                ││─ train 0.0877  ─ validation 0.0892   ││█ normal  █ abnormal                  │
    │▶dense 1       12 ███      relu    300││0.0893│      ⠄                        ││4│                █   █       █ █│    │
    │ dense 2        6 ██       relu     78││      │                               ││ │                █   █       █ █│    │
    │ bottleneck     3 ██       linear   21││      │                               ││ │                █   █       █ █│    │
    │ dense 2'       6 ██       relu     24││      │                               ││ │      ▆     ▆   █ ▆ █   ▆   █ █│    │
    │ dense 1'      12 ███      relu     84││      │                               ││ │      █     █   █ █ █   █   █ █│    │
    │ output        24 ████     sigmoid 312││      │                               ││ │      █     █   █ █ █   █   █ █│    │
    │ hidden act.       relu               ││0.0884│                               ││2│      █     █ ▄ █ █▄█▄  █  ▄█▄█│    │
    │ output act.       sigmoid            ││      │                               ││ │      █     █ █ █ ████  █  ████│    │
    │ 819 parameters                       ││      │                               ││ │      █     █ █ █ ████  █  ████│    │
    └──────────────────────────────────────┘│      │                               ││ │      █ ▂ ▂ █ █ █▂████▂▂█▂▂████│▂▂ ▂│
    ┌ Training ────────────────────────────┐│      │                               ││ │      █ █ █ █ █ ███████████████│██ █│
    │ epochs            5                  ││      │                               ││ │      █ █ █ █ █ ███████████████│██ █│
    │ batch size        16                 ││0.0876│      ⠂                        ││0│      █ █ █ █ █ ███████████████│██ █│
    │ learning rate     0.01               ││      └───────────────────────────────││ └────────────────────────────────────│
    │ optimizer         adam               ││       0                             5││  0                              0.157│
    │ regularizer       none               │└──────────────────────────────────────┘└──────────────────────────────────────┘
    │ reg. rate         0.001              │┌ ROC ─────────────────────────┐┌ Threshold and metrics ───────────────────────┐
    │ seed              3                  ││─ ROC  ─ chance               ││ threshold 0.1381                             │
    │ Data                                 ││1│                   ⡏⠉⠉⠉⠉⠉⠉⡩⠋││   99th percentile of training errors         │
    │ train rows        80                 ││ │               ⣀⣸⠉⠉⠁    ⡠⠊  ││ accuracy  0.760  F1     0.400                │
    │ test rows         50                 ││ │           ⣀⣀⣀⣀⡇      ⡠⠊    ││ precision 0.800  recall 0.267                │
    │ abnormal share    0.00               ││ │           ⡇        ⡠⠊      ││ FPR       0.029  FNR    0.733                │
    │                                      ││ │          ⡤⠇      ⡠⠊        ││ TP 4  FP 1  TN 34  FN 11                     │
    │                                      ││ │        ⡤⠤⠇     ⡠⠊          ││ AUC 0.7048  PCA 1.0000                       │
    │                                      ││ │        ⡇     ⡠⠊            ││ output spread 0.05: collapsed                │
    │                                      ││ │       ⡖⠃   ⡠⠊              ││                                              │
    │                                      ││ │       ⡇  ⡠⠊                ││                                              │
    │                                      ││ │       ⡇⡠⠊                  ││                                              │
    │                                      ││ │ ●⠉⠉⠉⠉⡩⠋                    ││                                              │
    │                                      ││ │ ⡇  ⡠⠊                      ││                                              │
    │                                      ││ │⣀⡇⡠⠊                        ││                                              │
    │                                      ││0│⡧⠊                AUC 0.7048││                                              │
    │                                      ││ └────────────────────────────││                                              │
    │                                      ││  0                          1││                                              │
    └──────────────────────────────────────┘└──────────────────────────────┘└──────────────────────────────────────────────┘
     TRAINING  epoch 1/5 ████░░░░░░░░░░░░░░░░  20%  12,345 samples/s  ~2 s left
     ↑↓ select  ←→ change  a add layer  d remove  Enter type units  Space pause  n one epoch   o O w files  ? help  q quit
    """

  static let quit80 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 valu
    ┌ Model ─────────────────────────┐┌ Loss per epoch ┐┌ Error histogram ─────────┐
    │ input         24 █             ││─ train  ─ val. ││█ normal  █ abnormal      │
    │▶dense 1       12 █  relu    300││0.0893│ ⠐       ││6│        ▁   █     ▁ ▁│  │
    │ dense 2        6 █  relu     78││      │         ││ │        █ ▃ █     █ █│  │
    │ bottleneck     3 █  linear   21││0.0884│         ││3│    ▄   █ █ █  ▄▄ █▄█│  │
    │ dense 2'       6 █  relu     24││      │         ││ │    █ ▅ █ █ █▅▅██▅███│  │
    │ dense 1'      12 █  relu     84││0.0876│ ⠠       ││0│    █ █ █ █▇█████████│ ▇│
    │ output        24 █  sigmoid 312││      └─────────││ └────────────────────────│
    │ hidden act.┌ Quit? ─────────────────────────────────────────────┐       0.157│
    │ output act.│ Training is running. Quit anyway? (y/n)            │────────────┘
    │ 819 paramet│ The model is not saved.                            │rics ───────┐
    └────────────└────────────────────────────────────────────────────┘            │
    ┌ Training ──────────────────────┐│1│     ⣠⠼⠉⢩⠋││   99th pct. of train errors  │
    │ epochs            5            ││ │    ⡖⠃⢀⠔⠁ ││ accuracy  0.760  F1     0.400│
    │ batch size        16           ││ │  ⢰⠚⠁⡠⠃   ││ precision 0.800  recall 0.267│
    │ learning rate     0.01         ││ │  ⢸⢠⠊     ││ FPR       0.029  FNR    0.733│
    │ optimizer         adam         ││ │●⢒⠞⠁      ││ TP 4  FP 1  TN 34  FN 11     │
    │ regularizer       none         ││0│⡾⠃        ││ AUC 0.7048  PCA 1.0000       │
    │ reg. rate         0.001        ││ └──────────││ output spread 0.05: collapsed│
    │ seed              3            ││  0        1││                              │
    └────────────────────────────────┘└────────────┘└──────────────────────────────┘
     TRAINING  epoch 1/5 ██░░░░░░░░░░░  20%  12,345 samples/s  ~2 s left
     y quit  any other key keep training
    """

  static let ascii120 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 values
    + Model -------------------------------++ Loss per epoch ----------------------++ Error histogram ---------------------+
    | input         24 ####                ||- train 0.0602  - validation 0.0738   ||# normal  # abnormal                  |
    |>dense 1       12 ###      relu    300||0.0907|      .                        ||4|          #         #         #| #  |
    | dense 2        6 ##       relu     78||      |      :::.                     || |          #         #         #| #  |
    | bottleneck     3 ##       linear   21||      |       ':.'..                  || |          #         #         #| #  |
    | dense 2'       6 ##       relu     24||      |          '.''..               || |  =       #   =     #       ==#| #  |
    | dense 1'      12 ###      relu     84||      |            '. ''..            || |  #       #   #     #       ###| #  |
    | output        24 ####     sigmoid 312||      |             ':.  '':..        || |  #       #   #     #       ###| #  |
    | hidden act.       relu               ||0.0747|               '.      '''.....||2|_ #       # _ # __  #__  __ ###| #  |
    | output act.       sigmoid            ||      |                 :.            || |# #       # # # ##  ###  ## ###| #  |
    | 819 parameters                       ||      |                  ':.          || |# #       # # # ##  ###  ## ###| #  |
    +--------------------------------------+|      |                     '.        || |# #   . . # # # ##..###..## ###| #  |
    + Training ----------------------------+|      |                       ':.     || |# #   # # # # # ########### ###| #  |
    | epochs            5                  ||      |                          ':.. || |# #   # # # # # ########### ###| #  |
    | batch size        16                 ||0.0588|                             ''||0|# #   # # # # # ########### ###| #  |
    | learning rate     0.01               ||      +-------------------------------|| +------------------------------------|
    | optimizer         adam               ||       0                             5||  0                              0.151|
    | regularizer       none               |+--------------------------------------++--------------------------------------+
    | reg. rate         0.001              |+ ROC -------------------------++ Threshold and metrics -----------------------+
    | seed              3                  ||- ROC  - chance               || threshold 0.1334                             |
    | Data                                 ||1|               :'''''''''':'||   99th percentile of training errors         |
    | train rows        80                 || |            .:''        .'  || accuracy  0.780  F1     0.421                |
    | test rows         50                 || |          ..:         .'    || precision 1.000  recall 0.267                |
    | abnormal share    0.00               || |         .:         .'      || FPR       0.000  FNR    0.733                |
    |                                      || |        .:        .'        || TP 4  FP 0  TN 35  FN 11                     |
    |                                      || |        :       .'          || AUC 0.7619  PCA 1.0000                       |
    |                                      || |        :     .'            || output spread 0.31: ok                       |
    |                                      || |     :'''   .'              ||                                              |
    |                                      || |     :    .'                ||                                              |
    |                                      || |   :''  .'                  ||                                              |
    |                                      || |o'''  .'                    ||                                              |
    |                                      || |:   .'                      ||                                              |
    |                                      || |: .'                        ||                                              |
    |                                      ||0|:'                AUC 0.7619||                                              |
    |                                      || +----------------------------||                                              |
    |                                      ||  0                          1||                                              |
    +--------------------------------------++------------------------------++----------------------------------------------+
     FINISHED  epoch 5/5 #################### 100%  12,345 samples/s  Training finished after 5 epochs.
     up/down select  left/right change  a add layer  d remove  Enter type units  Space train   o O w files  ? help  q quit
    """
}
