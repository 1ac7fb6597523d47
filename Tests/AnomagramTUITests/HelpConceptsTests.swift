import AnomagramCore
import Testing

@testable import AnomagramTUI

/// The help window's concepts page: switching pages, the order of the
/// concepts for each pane, and reaching every line at the smallest size.
@Suite("view: help concepts", .timeLimit(.minutes(1)))
struct HelpConceptsTests {
  static let large = Size(width: 120, height: 40)
  static let minimum = Size(width: 80, height: 24)

  /// Returns an idle state with `focus` and the help open on its concepts page.
  private func conceptsState(focus: AppState.Pane = .model, size: Size = minimum) -> AppState {
    var state = Fixtures.idleState(size: size)
    state.focus = focus
    press(.character("?"), .right, in: &state)
    return state
  }

  /// Returns the text of every scroll position of the open help page, top to bottom.
  private func everyScroll(of state: AppState) -> String {
    var state = state
    var seen = view(state, size: state.size).text
    for _ in 0...HelpOverlay.maximumScroll(for: state) {
      press(.down, in: &state)
      seen += "\n" + view(state, size: state.size).text
    }
    return seen
  }

  // MARK: - Pages

  @Test("Right shows concepts, Left keys")
  func switchPages() {
    var state = Fixtures.idleState()
    press(.character("?"), in: &state)
    #expect(state.helpPage == .keys)

    press(.right, in: &state)
    #expect(state.helpPage == .concepts)
    #expect(view(state, size: Self.large).text.contains("Help: concepts, Model pane first"))

    press(.left, in: &state)
    #expect(state.helpPage == .keys)
    #expect(view(state, size: Self.large).text.contains("Help: keys of the Train screen"))
  }

  @Test("Tab switches pages and resets scroll")
  func tabSwitches() {
    var state = conceptsState()
    press(.down, .down, in: &state)
    #expect(state.helpScroll == 2)

    press(.tab, in: &state)

    #expect(state.helpPage == .keys)
    #expect(state.helpScroll == 0)
    #expect(state.isShowingHelp)
  }

  @Test("closing help returns to keys")
  func closeResetsPage() {
    var state = conceptsState()

    press(.escape, .character("?"), in: &state)

    #expect(state.isShowingHelp)
    #expect(state.helpPage == .keys)
  }

  // MARK: - Order

  @Test(
    "focused pane's concepts come first",
    arguments: [
      (AppState.Pane.model, "Model pane", "Autoencoder"), (.settings, "Training pane", "Why train on normal rows"),
      (.threshold, "histogram and metrics", "Threshold"), (.lossChart, "loss chart", "Reconstruction error"),
    ])
  func focusedFirst(focus: AppState.Pane, name: String, firstTitle: String) {
    let canvas = view(conceptsState(focus: focus), size: Self.minimum)

    #expect(canvas.line(2).contains("Help: concepts, \(name) first"))
    #expect(canvas.line(3).dropFirst(4).hasPrefix(firstTitle + " "))
  }

  @Test("Explore puts reconstruction error first")
  func exploreFirst() throws {
    var state = try ExploreFixtures.state(size: Self.minimum)
    press(.character("?"), .right, in: &state)

    let canvas = view(state, size: Self.minimum)

    #expect(canvas.line(2).contains("Help: concepts, Explore screen first"))
    #expect(canvas.line(3).contains("Reconstruction error"))
  }

  @Test("Runs puts ROC and AUC first")
  func runsFirst() {
    var state = Fixtures.idleState(size: Self.minimum)
    state.screen = .runs
    press(.character("?"), .right, in: &state)

    let canvas = view(state, size: Self.minimum)

    #expect(canvas.line(2).contains("Help: concepts, Runs screen first"))
    #expect(canvas.line(3).contains("ROC curve and AUC"))
  }

  @Test("every concept listed once for each pane", arguments: AppState.Pane.allCases)
  func everyConceptOnce(focus: AppState.Pane) {
    var state = Fixtures.idleState()
    state.focus = focus

    let titles = HelpConcept.ordered(for: state).map(\.title)

    #expect(titles.sorted() == HelpConcept.all.map(\.title).sorted())
  }

  // MARK: - Scrolling

  // Every wrapped line of every concept must appear whole at some scroll
  // position; a line cut at the window's edge would not match.
  @Test("concepts reach every line by scrolling", arguments: [minimum, large])
  func everyLineReachable(size: Size) {
    let state = conceptsState(size: size)
    let width = HelpOverlay.windowWidth(in: Rect(x: 0, y: 1, width: size.width, height: size.height - 3))

    let seen = everyScroll(of: state)

    for line in HelpOverlay.pageLines(for: state, width: width) {
      switch line {
      case .title(let text), .paragraph(let text): #expect(seen.contains(text), "\(text)")
      case .key, .blank: break
      }
    }
    #expect(view(state, size: size).text.contains("Up/Down scroll."))
  }

  // Down stops at the last page position, so one Up moves the text at once.
  @Test("scrolling stops at the end")
  func scrollStops() {
    var state = conceptsState()
    let maximum = HelpOverlay.maximumScroll(for: state)
    #expect(maximum > 0)

    press(Array(repeating: .down, count: maximum + 20) + [.pageDown], in: &state)
    #expect(state.helpScroll == maximum)
    let atEnd = view(state, size: Self.minimum).text

    press(.up, in: &state)
    #expect(state.helpScroll == maximum - 1)
    #expect(view(state, size: Self.minimum).text != atEnd)
  }

  // Checked by hand: the window is 76 columns wide, centred over the
  // panes. With the histogram and metrics focused, Threshold comes first,
  // then precision, recall and F1, then ROC and AUC. Paragraphs wrap at 70
  // columns, indented 2 under their titles. The top edge names both pages;
  // the last row tells that Left returns to the keys and Up/Down scroll.
  @Test("concepts page at 80x24")
  func conceptsScreen() {
    let state = conceptsState(focus: .threshold)

    let rows = view(state, size: Self.minimum).text.split(separator: "\n", omittingEmptySubsequences: false)

    let expected = Self.expected80.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(rows.count == expected.count)
    for (index, (actual, wanted)) in zip(rows, expected).enumerated() {
      #expect(actual == wanted, "row \(index)")
    }
  }

  static let expected80 = """
     Anomagram   1 Train   2 Explore   3 Runs   synthetic waves: 200 rows of 24 valu
    ┌ Model ─────────────────────────┐┌ Loss per epoch ┐┌ Error histogram ─────────┐
    │ ┌ Help: concepts, histogram and metrics first ─────────── Keys ─ Concepts ─┐…│
    │ │ Threshold                                                                │ │
    │ │   The error above which a row is flagged abnormal. The default rule      │ │
    │ │   takes the 99th percentile of the training rows' errors, so 1 in 100    │ │
    │ │   training rows lies above it. On the Train screen the keys f, a and y   │ │
    │ │   choose the best value using the test labels: that shows what is        │ │
    │ │   possible, but it is optimistic, because new data comes without labels. │ │
    │ │                                                                          │ │
    │ │ Precision, recall and F1                                                 │─┘
    │ │   Measured at the threshold, with abnormal as the positive class.        │─┐
    └─│   Precision is the share of flagged rows that are abnormal, recall the   │…│
    ┌ │   share of abnormal rows that are flagged. Raising the threshold usually │ │
    │ │   raises precision and lowers recall. F1 = 2PR / (P + R), their harmonic │ │
    │ │   mean, is high only when both are.                                      │ │
    │ │                                                                          │ │
    │ │ ROC curve and AUC                                                        │ │
    │ │   Each threshold gives a true positive rate (the share of abnormal rows  │ │
    │ │ Esc or ? closes this help.  Left: keys.  Up/Down scroll.                 │ │
    │ └──────────────────────────────────────────────────────────────────────────┘ │
    └────────────────────────────────┘└────────────┘└──────────────────────────────┘
     IDLE  epoch 0/5 ░░░░░░░░░░░░░   0%
     ←→ fine  ↑↓ coarse  f max F1  a max accuracy      o O w files  ? help  q quit
    """
}
