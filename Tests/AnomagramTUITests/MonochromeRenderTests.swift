import AnomagramCore
import Testing

@testable import AnomagramTUI

/// Charts on terminals without colour (`ColorSupport.none`), where each
/// series needs glyphs of its own, and the same charts with colour, which
/// keep their coloured look.
@Suite("view: charts without colour", .timeLimit(.minutes(1)))
struct MonochromeRenderTests {
  static let large = Size(width: 120, height: 40)

  private func trainScreen(colors: ColorSupport, glyphs: Glyphs = .unicode) throws -> Canvas {
    var state = try Fixtures.finishedState(size: Self.large, glyphs: glyphs)
    state.colors = colors
    return view(state, size: Self.large)
  }

  /// Returns the characters of the cells in `rows` × `columns`.
  private func characters(_ canvas: Canvas, rows: ClosedRange<Int>, columns: ClosedRange<Int>) -> Set<Character> {
    Set(rows.flatMap { row in columns.map { canvas[$0, row].character } })
  }

  // The loss legend and histogram legend of `finished120`, with the
  // second series' own glyph: a dotted line and shaded bars.
  @Test("Train screen legends differ by glyph")
  func trainLegends() throws {
    let canvas = try trainScreen(colors: .none)

    #expect(canvas.line(2).contains("─ train 0.0602  ┄ validation 0.0738"))
    #expect(canvas.line(2).contains("█ normal  ▒ abnormal"))
    // The histogram's plot, right of its count labels, has both glyphs.
    let bars = characters(canvas, rows: 3...16, columns: 83...118)
    #expect(bars.contains("█"))
    #expect(bars.contains("▒"))
  }

  @Test("ASCII legends differ by glyph")
  func asciiLegends() throws {
    let canvas = try trainScreen(colors: .none, glyphs: .ascii)

    #expect(canvas.line(2).contains("- train 0.0602  + validation 0.0738"))
    #expect(canvas.line(2).contains("# normal  + abnormal"))
    // The validation line's cells show "+" in the loss chart's plot.
    #expect(characters(canvas, rows: 3...16, columns: 47...78).contains("+"))
  }

  // With colour the screen is the one `RenderTests` checks: the same
  // glyph for both series, which colour distinguishes.
  @Test("colour keeps one glyph per chart")
  func colourUnchanged() throws {
    let canvas = try trainScreen(colors: .indexed256)

    #expect(canvas.line(2).contains("─ train 0.0602  ─ validation 0.0738"))
    #expect(canvas.line(2).contains("█ normal  █ abnormal"))
    #expect(!characters(canvas, rows: 3...16, columns: 83...118).contains("▒"))
  }

  // The validation line sets every other dot, so across the loss chart's
  // plot it has fewer dots than with colour, where it is solid.
  @Test("validation line is dotted")
  func validationDotted() throws {
    func dotCount(_ canvas: Canvas) -> Int {
      var count = 0
      for row in 3...16 {
        for column in 47...78 {
          let value = canvas[column, row].character.unicodeScalars.first!.value
          if (0x2800...0x28FF).contains(value) { count += (value - 0x2800).nonzeroBitCount }
        }
      }
      return count
    }

    #expect(dotCount(try trainScreen(colors: .none)) < dotCount(try trainScreen(colors: .indexed256)))
  }

  @Test("Explore legends differ by glyph")
  func exploreLegends() throws {
    var state = try ExploreFixtures.state()
    state.colors = .none

    let text = view(state, size: Self.large).text

    #expect(text.contains("─ input  ┄ reconstruction  ▆ point error"))
    #expect(text.contains("⠂ normal  x abnormal  ● sample 1"))
  }

  // Cells with abnormal codes show "x"; the normal ones keep their dots.
  @Test("bottleneck marks abnormal points")
  func bottleneckMarks() throws {
    var state = try ExploreFixtures.state()
    state.colors = .none

    let canvas = view(state, size: Self.large)
    let plot = characters(canvas, rows: 24...36, columns: 81...118)

    let braille = plot.filter { (0x2801...0x28FF).contains($0.unicodeScalars.first!.value) }
    #expect(plot.contains("x"))
    #expect(!braille.isEmpty)
  }
}
