import AnomagramCore
import Testing

@testable import AnomagramTUI

/// The first-launch tour on screen: whole screens of two steps, and for
/// every step and size where its box goes and which frame it highlights.
@Suite("view: tour", .timeLimit(.minutes(1)))
struct TourRenderTests {
  static let large = Size(width: 120, height: 40)
  static let minimum = Size(width: 80, height: 24)
  static let sizes = [large, minimum, Size(width: 200, height: 60), Size(width: 100, height: 30)]

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

  /// Returns `state` with the tour opened as at a first launch and moved on to `step`.
  private func touring(_ state: AppState, at step: TourStep) -> AppState {
    var state = state
    _ = update(&state, with: .settingsLoaded(.success(UserSettings())))
    press(Array(repeating: .right, count: step.rawValue), in: &state)
    return state
  }

  /// Returns the box the tour drew, found by its title and then by its corners.
  private func tourBox(in canvas: Canvas, step: TourStep) -> Rect? {
    let title = "┌ " + TourOverlay.title(of: step)
    for y in 0..<canvas.size.height {
      guard let range = canvas.line(y).range(of: title) else { continue }
      let x = canvas.line(y).distance(from: canvas.line(y).startIndex, to: range.lowerBound)
      guard let right = (x + 1..<canvas.size.width).first(where: { canvas[$0, y].character == "┐" }),
        let bottom = (y + 1..<canvas.size.height).first(where: { canvas[x, $0].character == "└" })
      else { return nil }
      return Rect(x: x, y: y, width: right - x + 1, height: bottom - y + 1)
    }
    return nil
  }

  private func overlaps(_ first: Rect, _ second: Rect) -> Bool {
    first.x < second.maxX && second.x < first.maxX && first.y < second.maxY && second.y < first.maxY
  }

  // MARK: - Whole screens

  // Checked by hand: the model pane's frame is redrawn in heavy lines,
  // title kept. The 48-column box sits right of it one row below the top
  // of the panes, over the loss chart and part of the histogram, whose
  // titles stay in view. Its left edge carries ◀ level with the model
  // pane's middle row, row 7 of rows 1 to 12. The text wraps at 44
  // columns; a blank row and the keys close it. The footer shows the
  // tour's keys, without the file keys, which the tour does not take.
  @Test("tour step 1 at 120x40")
  func modelStepLarge() {
    let state = touring(Fixtures.idleState(size: Self.large), at: .model)

    expectScreen(view(state, size: Self.large), equals: ExpectedTourScreen.model120)
  }

  // Checked by hand: at 80x24 the ROC and metrics panes take rows 11 to
  // 21 and columns 34 to 79. Only their left side has room for the box, 34
  // columns, so the box is 34 wide over the settings pane. It is 14
  // rows tall, so it starts at row 8 to end at the last row of the panes.
  // Its ▶ sits level with the middle of the two panes, row 16. Both
  // frames are heavy; the keys wrap onto two rows.
  @Test("tour step 5 at 80x24")
  func rocStepMinimum() {
    let state = touring(Fixtures.idleState(size: Self.minimum), at: .rocAndMetrics)

    expectScreen(view(state, size: Self.minimum), equals: ExpectedTourScreen.roc80)
  }

  // MARK: - Every step

  // The box stays between the title row and the status row, off the frames
  // it describes, and every corner of those frames is drawn heavy where
  // the screen without the tour has a light corner.
  @Test("box beside the highlighted frames", arguments: sizes)
  func boxBesideTarget(size: Size) throws {
    let idle = try Fixtures.finishedState(size: size)
    for step in TourStep.allCases {
      let state = touring(idle, at: step)
      var plain = state
      plain.tour = nil
      let canvas = view(state, size: size)
      let without = view(plain, size: size)

      let box = try #require(tourBox(in: canvas, step: step), "\(step) at \(size)")
      #expect(box.y >= 1, "\(step) at \(size): \(box)")
      #expect(box.maxY <= size.height - 2, "\(step) at \(size): \(box)")
      for frame in TourOverlay.targetFrames(of: step, state: state, size: size) {
        #expect(!overlaps(box, frame), "\(step) at \(size): box \(box) on frame \(frame)")
        let corners = [(frame.x, frame.y, "┌", "┏"), (frame.maxX - 1, frame.maxY - 1, "┘", "┛")]
        for (x, y, light, heavy) in corners {
          #expect(without[x, y].character == Character(light), "\(step) at \(size): (\(x), \(y))")
          #expect(canvas[x, y].character == Character(heavy), "\(step) at \(size): (\(x), \(y))")
          #expect(canvas[x, y].foreground == TourOverlay.highlight)
        }
      }
    }
  }

  // Beside or below the panes it describes, the box moves to rows where
  // it covers no other pane's top edge, so every title stays readable:
  // "Loss per epoch" beside the model step's box, the bottleneck plot's
  // title under the Explore step's box.
  @Test("box leaves pane titles readable", arguments: [large, Size(width: 200, height: 60)])
  func boxLeavesTitles(size: Size) throws {
    let idle = try Fixtures.finishedState(size: size)
    for step in TourStep.allCases where step.target != .helpKey {
      let state = touring(idle, at: step)
      let canvas = view(state, size: size)

      let box = try #require(tourBox(in: canvas, step: step), "\(step) at \(size)")
      for edge in TourOverlay.titleEdges(of: step, state: state, size: size) {
        #expect(!overlaps(box, edge), "\(step) at \(size): box \(box) on title row \(edge)")
      }
    }
  }

  @Test("model step keeps the loss chart's title")
  func modelStepKeepsLossTitle() {
    let state = touring(Fixtures.idleState(size: Self.large), at: .model)

    #expect(view(state, size: Self.large).line(1).contains("┌ Loss per epoch ─"))
  }

  // The tour takes only its own keys, ? and q: the file keys, which do
  // nothing while it is open, are not offered. Space does nothing either,
  // so the loss step describes what it does after the tour.
  @Test("footer offers only working keys", arguments: TourStep.allCases.map(\.rawValue))
  func footerKeys(step: Int) throws {
    let tourStep = try #require(TourStep(rawValue: step))
    let state = touring(Fixtures.idleState(size: Self.large), at: tourStep)

    let footer = view(state, size: Self.large).line(39)

    #expect(!footer.contains("files"), "footer: \(footer)")
    #expect(footer.trimmingTrailingSpaces.hasSuffix("? help  q quit"), "footer: \(footer)")
  }

  @Test("Space during the tour does nothing")
  func spaceDuringTour() {
    var state = touring(Fixtures.idleState(size: Self.large), at: .lossChart)

    let commands = press(.character(" "), in: &state)

    #expect(commands.isEmpty)
    #expect(state.tour == Tour(step: .lossChart))
    #expect(TourStep.lossChart.text(in: state).hasPrefix("After the tour, Space starts training"))
  }

  // The last step points at "? help" in the footer: those cells are
  // highlighted and the box's bottom edge has ▼ above them.
  @Test("help step points at the help key", arguments: sizes)
  func helpStep(size: Size) throws {
    let state = touring(Fixtures.idleState(size: size), at: .help)
    let canvas = view(state, size: size)

    let footer = canvas.line(size.height - 1)
    let helpRange = try #require(footer.range(of: "? help"))
    let helpX = footer.distance(from: footer.startIndex, to: helpRange.lowerBound)
    #expect(canvas[helpX, size.height - 1].foreground == TourOverlay.highlight)
    let box = try #require(tourBox(in: canvas, step: .help))
    #expect(box.maxY == size.height - 2)
    let arrowX = try #require((box.x..<box.maxX).first { canvas[$0, box.maxY - 1].character == "▼" })
    #expect((helpX..<helpX + 6).contains(arrowX))
  }

  // With a model to explore, the Explore step highlights the heartbeat
  // chart, and the box names the model the screen shows; its last words,
  // "5 of 5.", are on one row at both sizes.
  @Test("Explore step names the model", arguments: [large, minimum])
  func exploreStep(size: Size) throws {
    let state = touring(try Fixtures.finishedState(size: size), at: .explore)
    let canvas = view(state, size: size)
    let chart = ExploreLayout(size: size, showsBottleneckInList: false).chart

    #expect(canvas.line(chart.y).dropFirst(chart.x).hasPrefix("┏ Test sample 1 of 50"))
    #expect(TourStep.explore.text(in: state).hasSuffix(" Now it shows the current run, epoch 5 of 5."))
    #expect(canvas.text.contains("5 of 5."))
  }

  @Test("ASCII tour draws only ASCII", arguments: sizes)
  func asciiOnly(size: Size) {
    for step in TourStep.allCases {
      let state = touring(Fixtures.idleState(size: size, glyphs: .ascii), at: step)

      let others = view(state, size: size).cells.map(\.character).filter { !$0.isASCII }

      #expect(others.isEmpty, "\(step) at \(size): \(String(others.prefix(10)))")
    }
  }
}

// MARK: - Expected screens

enum ExpectedTourScreen {
  static let model120 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 values
    ┏ Model ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓┌ Loss per epoch ──────────────────────┐┌ Error histogram ─────────────────────┐
    ┃ input         24 ████                ┃┌ Tour 1/7: The model ─────────────────────────┐ appear once training starts.  │
    ┃▶dense 1       12 ███      relu    300┃│ Welcome to Anomagram. This pane is the       │                               │
    ┃ dense 2        6 ██       relu     78┃│ autoencoder you will train: the input, the   │                               │
    ┃ bottleneck     3 ██       linear   21┃│ encoder's layers, the narrow bottleneck and  │                               │
    ┃ dense 2'       6 ██       relu     24┃│ the mirrored decoder. Up/Down select a       │                               │
    ┃ dense 1'      12 ███      relu     84┃◀ layer, Left/Right change its units, a adds a │                               │
    ┃ output        24 ████     sigmoid 312┃│ layer and d removes one.                     │                               │
    ┃ hidden act.       relu               ┃│                                              │                               │
    ┃ output act.       sigmoid            ┃│ Enter/Right next  Left back  Esc skips       │                               │
    ┃ 819 parameters                       ┃└──────────────────────────────────────────────┘                               │
    ┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛│   │                                  ││                                      │
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
     Enter next  ←→ back / next  Esc skip tour                                                              ? help  q quit
    """

  static let roc80 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 valu
    ┌ Model ─────────────────────────┐┌ Loss per epoch ┐┌ Error histogram ─────────┐
    │ input         24 █             ││─ train  ─ val. ││ Errors appear once train…│
    │▶dense 1       12 █  relu    300││  1│            ││                          │
    │ dense 2        6 █  relu     78││   │            ││                          │
    │ bottleneck     3 █  linear   21││0.5│  no data   ││                          │
    │ dense 2'       6 █  relu     24││   │            ││                          │
    │ dense 1'      12 █  relu     84││  0│            ││                          │
    ┌ Tour 5/7: ROC and metrics ─────┐│   └────────────││                          │
    │ The ROC curve shows every      ││    0          5││                          │
    │ possible threshold at once,    │└────────────────┘└──────────────────────────┘
    │ and its AUC how well the       │┏ ROC ━━━━━━━┓┏ Threshold and metrics ━━━━━━━┓
    │ errors separate the classes.   │┃ No curve y…┃┃ No model yet: press Space to…┃
    │ The metrics pane gives         │┃            ┃┃                              ┃
    │ precision, recall and F1 at    │┃            ┃┃                              ┃
    │ the threshold, which           │┃            ┃┃                              ┃
    │ Left/Right move there, and the ▶┃            ┃┃                              ┃
    │ AUC of a PCA baseline.         │┃            ┃┃                              ┃
    │                                │┃            ┃┃                              ┃
    │ Enter/Right next Left back Esc │┃            ┃┃                              ┃
    │ skips                          │┃            ┃┃                              ┃
    └────────────────────────────────┘┗━━━━━━━━━━━━┛┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛
     IDLE  epoch 0/5 ░░░░░░░░░░░░░   0%
     Enter next  ←→ back / next  Esc skip tour                      ? help  q quit
    """
}
