import AnomagramCore
import Testing

@testable import AnomagramTUI

/// Draw mode on the Explore screen: starting a drawing, the cursor, the
/// brush, raising and lowering, and drawing with the mouse. The fixture
/// rows have 24 points, so a new drawing's cursor is on point 12 (0-based).
@Suite("update: draw mode", .timeLimit(.minutes(1)))
struct UpdateDrawingTests {
  /// Compares two lists of floats within `tolerance`, which absorbs the
  /// rounding of sums of a few `Float` steps.
  private func expectClose(
    _ actual: [Float], _ expected: [Float], tolerance: Float = 1e-5,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(actual.count == expected.count, "count", sourceLocation: sourceLocation)
    for (index, (value, wanted)) in zip(actual, expected).enumerated() {
      #expect(abs(value - wanted) <= tolerance, "point \(index): \(value), expected \(wanted)", sourceLocation: sourceLocation)
    }
  }

  /// Returns the fixture on the Explore screen in draw mode from a flat line.
  private func flatDrawing() throws -> AppState {
    var state = try ExploreFixtures.state()
    press(.character("0"), in: &state)
    return state
  }

  // MARK: - Starting

  @Test("d starts from the selected sample")
  func startFromSample() throws {
    var state = try ExploreFixtures.state()
    press(.down, .down, .character("d"), in: &state)

    let drawing = try #require(state.explore.drawing)
    let split = try Fixtures.finishedRun.get().split

    #expect(drawing.origin == .sample(2))
    #expect(drawing.values == Array(split.test.row(2)))
    #expect(drawing.cursor == 12)
    #expect(drawing.brushWidth == 5)
    let lowest = try #require(drawing.values.min())
    let highest = try #require(drawing.values.max())
    #expect(drawing.valueRange == min(-0.25, lowest)...max(1.25, highest))
  }

  @Test("0 starts from a flat line")
  func startFlat() throws {
    let state = try flatDrawing()

    let drawing = try #require(state.explore.drawing)

    #expect(drawing.origin == .flat)
    #expect(drawing.values == Array(repeating: 0.5, count: 24))
    #expect(drawing.valueRange == -0.25...1.25)
  }

  @Test("z starts from seeded noise")
  func startNoise() throws {
    var first = try ExploreFixtures.state()
    var second = try ExploreFixtures.state()
    press(.character("z"), in: &first)
    press(.character("z"), in: &second)

    let drawing = try #require(first.explore.drawing)

    #expect(drawing.origin == .noise(seed: 1))
    #expect(drawing.values == second.explore.drawing?.values, "the same keys give the same noise")
    #expect(drawing.values.allSatisfy { $0 >= 0 })
    #expect(drawing.values.allSatisfy { $0 < 1 })
    #expect(Set(drawing.values).count > 12, "noise, not a pattern: \(drawing.values)")

    press(.character("z"), in: &first)
    #expect(first.explore.drawing?.origin == .noise(seed: 2))
    #expect(first.explore.drawing?.values != drawing.values)
  }

  @Test("restart keeps cursor and brush")
  func restartKeepsBrush() throws {
    var state = try flatDrawing()
    press(.left, .left, .character("]"), in: &state)

    press(.character("d"), in: &state)

    let drawing = try #require(state.explore.drawing)
    #expect(drawing.origin == .sample(0))
    #expect(drawing.cursor == 10)
    #expect(drawing.brushWidth == 7)
  }

  @Test("d without a sample explains", arguments: [Key.character("0"), .character("z")])
  func drawOnEmptyFilter(scratchKey: Key) throws {
    var state = try ExploreFixtures.state()
    state.explore.filter = .falsePositives

    press(.character("d"), in: &state)
    #expect(state.explore.drawing == nil)
    #expect(
      state.notice
        == Notice(.info, "No test samples are false positives at this threshold. Press 0 or z to draw from scratch."))

    press(scratchKey, in: &state)
    #expect(state.explore.drawing != nil)
  }

  @Test("Enter and Esc leave draw mode", arguments: [Key.enter, .escape])
  func leaveDrawMode(key: Key) throws {
    var state = try flatDrawing()

    press(key, .down, in: &state)

    #expect(state.explore.drawing == nil)
    #expect(state.explore.selectedRow == 1, "Down steps through samples again")
  }

  @Test("u in draw mode keeps scaled values")
  func unitsInDrawMode() throws {
    var state = try flatDrawing()

    press(.character("u"), in: &state)

    #expect(!state.explore.showsOriginalUnits)
    #expect(state.notice == Notice(.info, "Draw mode shows scaled values, the model's input. Enter leaves it."))
  }

  // MARK: - Cursor and brush

  @Test("cursor stops at both ends")
  func cursorBounds() throws {
    var state = try flatDrawing()

    press(Array(repeating: .left, count: 20), in: &state)
    #expect(state.explore.drawing?.cursor == 0)
    press(.character("l"), in: &state)
    #expect(state.explore.drawing?.cursor == 1)
    press(Array(repeating: .right, count: 30), in: &state)
    #expect(state.explore.drawing?.cursor == 23)
    press(.home, in: &state)
    #expect(state.explore.drawing?.cursor == 0)
    press(.end, in: &state)
    #expect(state.explore.drawing?.cursor == 23)
  }

  /// Brush keys pressed in a new drawing (cursor 12, width 5) and the
  /// weights of the points under the brush: `1 - d / (h + 1)` for the
  /// point `d` places from the cursor, with `h = (width - 1) / 2`.
  static let brushes: [(label: String, keys: [Key], weights: [(Int, Float)])] = [
    ("width 5", [], [(10, 1.0 / 3), (11, 2.0 / 3), (12, 1), (13, 2.0 / 3), (14, 1.0 / 3)]),
    ("width 3", [.character("[")], [(11, 0.5), (12, 1), (13, 0.5)]),
    ("width 1", [.character("["), .character("[")], [(12, 1)]),
    ("width 1 is the narrowest", [.character("["), .character("["), .character("[")], [(12, 1)]),
    (
      "width 15 is the widest", Array(repeating: .character("]"), count: 9),
      (5...19).map { ($0, 1 - Float(abs($0 - 12)) / 8) }
    ),
    ("cut at the left end", [.home], [(0, 1), (1, 2.0 / 3), (2, 1.0 / 3)]),
    ("cut at the right end", [.end, .left], [(20, 1.0 / 3), (21, 2.0 / 3), (22, 1), (23, 2.0 / 3)]),
  ]

  @Test("brush is a tent", arguments: brushes.map(\.label))
  func brushShape(label: String) throws {
    let brush = try #require(Self.brushes.first { $0.label == label })
    var state = try flatDrawing()
    press(brush.keys, in: &state)

    let weights = try #require(state.explore.drawing).brushWeights

    #expect(weights.map(\.index) == brush.weights.map(\.0))
    expectClose(weights.map(\.weight), brush.weights.map(\.1))
  }

  // MARK: - Raising and lowering

  @Test("Up raises the points under the brush")
  func raise() throws {
    var state = try flatDrawing()

    press(.up, in: &state)

    var expected = [Float](repeating: 0.5, count: 24)
    for (index, weight) in [(10, Float(1) / 3), (11, 2 / 3), (12, 1), (13, 2 / 3), (14, 1 / 3)] {
      expected[index] = 0.5 + 0.05 * weight
    }
    expectClose(try #require(state.explore.drawing).values, expected)
  }

  @Test("Down and Page Down lower them")
  func lower() throws {
    var state = try flatDrawing()
    press(.character("["), in: &state)  // width 3: points 11, 12, 13

    press(.down, .pageDown, in: &state)

    var expected = [Float](repeating: 0.5, count: 24)
    expected[11] = 0.5 - 0.3 * 0.5
    expected[12] = 0.5 - 0.3
    expected[13] = 0.5 - 0.3 * 0.5
    expectClose(try #require(state.explore.drawing).values, expected)
  }

  // Four Page Ups take the centre to 0.5 + 4 × 0.25 = 1.5, held at the top
  // of the range, 1.25. The neighbours reach 0.5 + 1 × 2/3 and 0.5 + 1 × 1/3.
  @Test("values stay within the range")
  func raiseClamps() throws {
    var state = try flatDrawing()

    press(.pageUp, .pageUp, .pageUp, .pageUp, in: &state)

    let values = try #require(state.explore.drawing).values
    expectClose(Array(values[10...14]), [0.5 + 1.0 / 3, 0.5 + 2.0 / 3, 1.25, 0.5 + 2.0 / 3, 0.5 + 1.0 / 3])
    press(Array(repeating: .pageDown, count: 12), in: &state)
    #expect(state.explore.drawing?.values[12] == -0.25)
  }

  // MARK: - Mouse

  // Worked example at 120x40. The chart pane is columns 40 to 119, rows 1
  // to 21 (4/7 of the 37 rows between title and status), so the chart
  // inside its frame is x 41, y 2, 78 × 19. Of its 19 rows the legend, the
  // axis and the x labels take 3 and the error row 1, leaving 15 plot rows
  // from row 3. The flat drawing's range -0.25...1.25 gives the labels
  // "1.25", "0.5" and "-0.25", 5 columns wide, so with the axis the plot
  // starts at x 47 and is 72 columns wide: 144 dot columns, 60 dot rows.
  //
  // A press at (83, 5) is plot column 36, row 2. Column 36's centre is dot
  // column 72.5, and point i lies at dot column i × 143 / 23, so the point
  // is round(72.5 × 23 / 143) = round(11.66) = 12. Row 2's centre is dot
  // row 9.5 of 0...59, so the value is 1.25 - 9.5 / 59 × 1.5 = 1.00847.
  //
  // A drag to (118, 17) is column 71, row 14: point round(142.5 × 23 /
  // 143) = 23 and value 1.25 - 57.5 / 59 × 1.5 = -0.21186. Points 13 to 23
  // then lie on the straight line between the two.
  @Test("mouse sets values on the chart")
  func mouseDrawing() throws {
    var state = try flatDrawing()

    mouse(.press, x: 83, y: 5, in: &state)
    var drawing = try #require(state.explore.drawing)
    var expected = [Float](repeating: 0.5, count: 24)
    expected[12] = 1.25 - 9.5 / 59 * 1.5
    expectClose(drawing.values, expected)
    #expect(drawing.cursor == 12)

    mouse(.drag, x: 118, y: 17, in: &state)
    drawing = try #require(state.explore.drawing)
    let end: Float = 1.25 - 57.5 / 59 * 1.5
    for point in 13...23 {
      expected[point] = expected[12] + Float(point - 12) / 11 * (end - expected[12])
    }
    expectClose(drawing.values, expected)
    #expect(abs(drawing.values[23] - (-0.21186)) < 1e-4)
    #expect(drawing.cursor == 23)
  }

  // Past the plot's top-right corner the drag is held at column 71, row 0:
  // point 23 at 1.25 - 1.5 / 59 × 1.5 = 1.21186.
  @Test("drag outside the plot holds to its edge")
  func dragOutside() throws {
    var state = try flatDrawing()
    mouse(.press, x: 118, y: 10, in: &state)

    mouse(.drag, x: 119, y: 0, in: &state)

    let values = try #require(state.explore.drawing).values
    #expect(abs(values[23] - 1.21186) < 1e-4)
    #expect(Array(values[0..<23]) == Array(repeating: 0.5, count: 23))
  }

  @Test("press outside the plot does nothing")
  func pressOutside() throws {
    var state = try flatDrawing()

    mouse(.press, x: 10, y: 6, in: &state)  // on the sample list
    mouse(.drag, x: 83, y: 5, in: &state)  // no stroke started

    #expect(state.explore.drawing?.values == Array(repeating: 0.5, count: 24))
    #expect(state.explore.selectedRow == 0)
  }

  @Test("release ends the stroke")
  func releaseEndsStroke() throws {
    var state = try flatDrawing()
    mouse(.press, x: 83, y: 5, in: &state)

    mouse(.release, x: 83, y: 5, in: &state)
    mouse(.drag, x: 118, y: 17, in: &state)

    let values = try #require(state.explore.drawing).values
    #expect(values[23] == 0.5)
    #expect(state.explore.drawing?.strokeEnd == nil)
  }
}
