import AnomagramCore
import Foundation
import Testing

@testable import AnomagramTUI

/// The Runs screen, the file prompt and the failure window, rendered from
/// states built by sending messages to `update`.
@Suite("view: Runs screen and file windows", .timeLimit(.minutes(1)))
struct RunsRenderTests {
  static let large = Size(width: 120, height: 40)
  static let minimum = Size(width: 80, height: 24)

  /// Three runs, started a minute apart at 15:06:40 UTC: the fixture run
  /// to its end (1), the same run reset while paused (2), and a one-class
  /// run with the threshold moved by hand to 0.05 (3). The Runs screen shows.
  static func stateWithRuns(size: Size, glyphs: Glyphs = .unicode) throws -> AppState {
    var state = Fixtures.idleState(size: size, glyphs: glyphs)
    state.runs.timeZone = try #require(TimeZone(identifier: "UTC"))
    let start = Date(timeIntervalSince1970: 1_750_000_000)
    _ = update(&state, with: .runStarted(warnings: [], startedAt: start))
    _ = update(&state, with: .snapshotArrived(try Fixtures.finishedRun.get()))
    _ = update(&state, with: .runStarted(warnings: [], startedAt: start.addingTimeInterval(65)))
    _ = update(&state, with: .snapshotArrived(try Fixtures.snapshot(status: .paused)))
    press(.character("r"), in: &state)
    state.threshold = .manual(0.05)
    _ = update(&state, with: .runStarted(warnings: [], startedAt: start.addingTimeInterval(130)))
    _ = update(&state, with: .snapshotArrived(try Fixtures.oneClassRun.get()))
    press(.character("3"), in: &state)
    return state
  }

  /// Returns rows `range` of the canvas as text, trailing spaces removed.
  private func rows(_ canvas: Canvas, _ range: ClosedRange<Int>) -> [String] {
    let all = canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    return Array(all[range])
  }

  private func expectRows(
    _ actual: [String], equal expected: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let expectedRows = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(actual.count == expectedRows.count, "row count", sourceLocation: sourceLocation)
    for (index, (row, expectedRow)) in zip(actual, expectedRows).enumerated() {
      #expect(row == expectedRow, "row \(index)", sourceLocation: sourceLocation)
    }
  }

  // Checked by hand: newest run first with the pointer on it. Runs 1 and
  // 2 share the fixture's AUC 0.7619 (PCA baseline 1.0000) and
  // both get the best-AUC mark; run 3's test rows are all normal, so it
  // has no AUC. Run 2 was reset while paused and is "stopped". The
  // losses are epoch 5's, 0.06021 and 0.07377, as the Train screen shows
  // them. At 120 columns the activation, batch, seconds, threshold and
  // rule columns do not fit; the details pane below has every field.
  @Test("runs table and details at 120x40")
  func runsLarge() throws {
    let canvas = view(try Self.stateWithRuns(size: Self.large), size: Self.large)

    #expect(canvas.line(0).hasPrefix(" Anomagram   1 Train   2 Explore   3 Runs   synthetic waves"))
    expectRows(rows(canvas, 1...5), equal: Expected.table120)
    expectRows(rows(canvas, 31...37), equal: Expected.details120)
    #expect(
      canvas.text.split(separator: "\n").last
        == " ↑↓ select  x export CSV  o open model  O open data  w save model  Space train  1 Train                 ? help  q quit"
    )
  }

  @Test("runs table at 80x24 keeps the main columns")
  func runsMinimum() throws {
    let canvas = view(try Self.stateWithRuns(size: Self.minimum), size: Self.minimum)

    expectRows(rows(canvas, 1...5), equal: Expected.table80)
    expectRows(rows(canvas, 14...20), equal: Expected.details80)
  }

  @Test("Down selects an older run")
  func selectionMoves() throws {
    var state = try Self.stateWithRuns(size: Self.large)

    press(.down, in: &state)
    var canvas = view(state, size: Self.large)

    #expect(canvas.line(3).hasPrefix("│     3  "))
    #expect(canvas.line(4).hasPrefix("│▶*   2  "))
    #expect(canvas.line(31).hasPrefix("┌ Run 2 ─"))
    #expect(canvas.line(32).hasPrefix("│ stopped after 5 of 5 epochs, 0.5 s of training, started 2025-06-15 15:07:45"))

    press(.end, in: &state)
    canvas = view(state, size: Self.large)
    #expect(canvas.line(5).hasPrefix("│▶*   1  "))
    press(.down, .home, in: &state)
    #expect(state.runs.selectedNumber == nil)
    #expect(view(state, size: Self.large).line(3).hasPrefix("│▶    3  "))
  }

  @Test("ASCII glyphs mark the selection")
  func asciiRuns() throws {
    let canvas = view(try Self.stateWithRuns(size: Self.large, glyphs: .ascii), size: Self.large)

    #expect(canvas.line(3).hasPrefix("|>    3  "))
    #expect(canvas.line(4).hasPrefix("| *   2  "))
  }

  // Every key the Runs screen takes is in its help: Page Up and Page
  // Down move the selection by 10 runs.
  @Test("Runs help lists PgUp and PgDn")
  func runsHelpPaging() throws {
    var state = try Self.stateWithRuns(size: Self.large)
    press(.character("?"), in: &state)

    let text = view(state, size: Self.large).text

    #expect(text.contains("PgUp / PgDn"))
    #expect(text.contains("10 runs up / down"))
  }

  @Test("no runs yet explains the screen")
  func noRuns() {
    var state = Fixtures.idleState(size: Self.minimum)
    press(.character("3"), in: &state)

    let canvas = view(state, size: Self.minimum)

    #expect(canvas.line(1).hasPrefix("┌ Runs ─"))
    #expect(canvas.text.contains("│                                 No runs yet.                                 │"))
    #expect(canvas.text.contains("Press 1 for the Train screen, then Space to train."))
    #expect(canvas.line(23).hasPrefix(" 1 Train screen  Space train  "))
  }

  // MARK: - File windows

  // The prompt after Tab found 12 matches of "Data/ec": the text is
  // completed to their common prefix "Data/ecg-", and 8 matches fit under
  // it with the other 4 counted. The folder ecg-3.tsv ends with a slash.
  @Test("prompt shows the text and the matches")
  func promptWithCandidates() throws {
    var state = Fixtures.idleState(size: Self.large)
    press([.character("O")] + typing("Data/ec") + [.tab], in: &state)
    let entries = (1...12).map { FolderEntry(name: "ecg-\($0).tsv", isFolder: $0 == 3) }
    _ = update(&state, with: .files(.folderListed(request: "Data/ec", entries: entries)))

    let canvas = view(state, size: Self.large)

    let box = rows(canvas, 11...17).map { String($0.dropFirst(20).prefix(80)) }
    expectRows(box, equal: Expected.prompt120)
    // The cursor is the reverse cell after the text: "> " at column 22, then 9 characters.
    #expect(canvas[33, 14].style.contains(.reverse))
    #expect(!canvas[32, 14].style.contains(.reverse))
    #expect(
      canvas.line(39) == " Tab complete  Enter next  Esc cancel  Ctrl-U clear  ←→ move"
        + String(repeating: " ", count: 60))
  }

  @Test("long text scrolls to keep the cursor in view")
  func promptScrolls() throws {
    var state = Fixtures.idleState(size: Self.minimum)
    let path = "/a/very/long/folder/name/that/does/not/fit/in/the/window/of/eighty/columns/beats.csv"
    press([.character("O")] + typing(path), in: &state)

    let canvas = view(state, size: Self.minimum)

    let inputRow = try #require((0..<24).first { canvas.line($0).contains("│ > ") })
    #expect(canvas.line(inputRow).contains("fit/in/the/window/of/eighty/columns/beats.csv"))
    #expect(!canvas.line(inputRow).contains("/a/very/"))
  }

  @Test("failure window shows the whole message")
  func failureWindow() {
    var state = Fixtures.idleState(size: Self.minimum)
    let message =
      "Line 3, column 3 of \"/tmp/anomagram-e2e-abcdef/broken.csv\" is \"abc\", which is not a number. "
      + "Values must be decimal numbers such as 0.25 or -1.5e-3."
    _ = update(&state, with: .files(.dataLoadFailed(message)))

    let canvas = view(state, size: Self.minimum)

    let box = rows(canvas, 5...11).map { String($0.dropFirst(4).prefix(72)) }
    expectRows(box, equal: Expected.failure80)
    #expect(canvas.line(23).hasPrefix(" any key close "))
  }
}

/// Expected rows of the screens above, in `Canvas.text` form.
private enum Expected {
  static let table120 = """
    ┌ Runs: 3, newest first, * best AUC (5 columns hidden) ────────────────────────────────────────────────────────────────┐
    │     #  started   architecture       optimizer      lr     epochs  train loss    val loss     AUC  PCA AUC  status    │
    │▶    3  15:08:50  24-12-6-3-6-12-24  adam         0.01        1/1     0.08768     0.09429       -        -  finished  │
    │ *   2  15:07:45  24-12-6-3-6-12-24  adam         0.01        5/5     0.06021     0.07377  0.7619   1.0000  stopped   │
    │ *   1  15:06:40  24-12-6-3-6-12-24  adam         0.01        5/5     0.06021     0.07377  0.7619   1.0000  finished  │
    """

  static let details120 = """
    ┌ Run 3 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
    │ finished after 1 of 1 epochs, 0.5 s of training, started 2025-06-15 15:08:50                                         │
    │ data: synthetic waves: 200 rows of 24 values                                                                         │
    │ model 24-12-6-3-6-12-24, relu hidden layers; adam, learning rate 0.01, batch size 16, seed 3                         │
    │ loss: training 0.08768, validation 0.09429                                                                           │
    │ AUC -, PCA baseline -; threshold 0.05 (fixed:0.05)                                                                   │
    └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
    """

  static let table80 = """
    ┌ Runs: 3, newest first, * best AUC (9 columns hidden) ────────────────────────┐
    │     #  architecture          epochs  train loss    val loss     AUC  status  │
    │▶    3  24-12-6-3-6-12-24        1/1     0.08768     0.09429       -  finished│
    │ *   2  24-12-6-3-6-12-24        5/5     0.06021     0.07377  0.7619  stopped │
    │ *   1  24-12-6-3-6-12-24        5/5     0.06021     0.07377  0.7619  finished│
    """

  static let details80 = """
    └──────────────────────────────────────────────────────────────────────────────┘
    ┌ Run 3 ───────────────────────────────────────────────────────────────────────┐
    │ finished after 1 of 1 epochs, 0.5 s of training, started 2025-06-15 15:08:50 │
    │ data: synthetic waves: 200 rows of 24 values                                 │
    │ model 24-12-6-3-6-12-24, relu hidden layers; adam, learning rate 0.01, batch…│
    │ loss: training 0.08768, validation 0.09429                                   │
    │ AUC -, PCA baseline -; threshold 0.05 (fixed:0.05)                           │
    """

  static let prompt120 = """
    ┌ Open a data file ────────────────────────────────────────────────────────────┐
    │ A UCR text file or a CSV file, one series per row. The next step asks for    │
    │ the label column.                                                            │
    │ > Data/ecg-                                                                  │
    │   ecg-1.tsv  ecg-10.tsv  ecg-11.tsv  ecg-12.tsv  ecg-2.tsv  ecg-3.tsv/       │
    │   ecg-4.tsv  ecg-5.tsv  (4 more)                                             │
    └──────────────────────────────────────────────────────────────────────────────┘
    """

  static let failure80 = """
    ┌ Cannot open the data file ───────────────────────────────────────────┐
    │ Line 3, column 3 of "/tmp/anomagram-e2e-abcdef/broken.csv" is "abc", │
    │ which is not a number. Values must be decimal numbers such as 0.25   │
    │ or -1.5e-3.                                                          │
    │                                                                      │
    │ Press any key to close.                                              │
    └──────────────────────────────────────────────────────────────────────┘
    """
}
