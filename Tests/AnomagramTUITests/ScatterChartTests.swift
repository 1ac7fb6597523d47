import Testing

@testable import AnomagramTUI

@Suite struct ScatterChartTests {
  private func rendered(_ chart: ScatterChart, width: Int, height: Int, glyphs: Glyphs = .unicode) -> Canvas {
    var canvas = markedCanvas(width: width, height: height)
    chart.draw(into: &canvas, in: canvas.bounds, glyphs: glyphs)
    return canvas
  }

  // Points (0, 0) and (1, 1): both ranges are -0.05...1.05. In a 2 × 1
  // grid (4 × 4 dots) x = 0 is dot column 0.05 / 1.1 × 3 = 0.14 → 0 and
  // x = 1 is 2.86 → 3; y = 0 is dot row 3 and y = 1 dot row 0. So the
  // first point is dot 7 of the left cell, "⡀", and the second dot 4 of
  // the right cell, "⠈". Cells without dots are left as they were.
  @Test func twoGroups() {
    let chart = ScatterChart(groups: [
      .init(points: [(0, 0)], color: .cyan), .init(points: [(1, 1)], color: .orange),
    ])

    let canvas = rendered(chart, width: 2, height: 1)

    #expect(canvas.text == "⡀⠈")
    #expect(canvas[0, 0].foreground == .cyan)
    #expect(canvas[1, 0].foreground == .orange)
    // In 3 × 2 cells (6 × 8 dots) the points are dot (0, 7), the bottom
    // left dot of cell (0, 1), and dot (5, 0), the top right of cell (2, 0).
    #expect(rendered(chart, width: 3, height: 2).text == "~~⠈\n⡀~~")
  }

  // A later group colours a shared cell.
  @Test func laterGroupWins() {
    let chart = ScatterChart(groups: [
      .init(points: [(0, 0), (1, 1)], color: .cyan), .init(points: [(0.1, 0.1)], color: .orange),
    ])

    let canvas = rendered(chart, width: 1, height: 1)

    #expect(canvas[0, 0].foreground == .orange)
  }

  @Test func markerOverPoint() {
    let chart = ScatterChart(
      groups: [.init(points: [(0, 0), (1, 1)], color: .cyan)], marker: (1, 1), markerColor: .yellow)

    let canvas = rendered(chart, width: 2, height: 1)

    #expect(canvas.text == "⡀●")
    #expect(canvas[1, 0] == Cell("●", foreground: .yellow, style: .bold))
  }

  // A marker beyond the ranges is held at the nearest edge, even one far
  // enough away to overflow an `Int`.
  @Test("marker outside is held at the edge", arguments: [(5.0, -5.0), (-1e300, 1e300)])
  func markerOutside(position: (Double, Double)) {
    let chart = ScatterChart(groups: [.init(points: [(0, 0), (1, 1)], color: .cyan)], marker: position)

    let canvas = rendered(chart, width: 3, height: 2)

    let markers = canvas.cells.filter { $0.character == "●" }.count
    #expect(markers == 1)
    let corner = position.0 > 0 ? canvas[2, 1] : canvas[0, 0]
    #expect(corner.character == "●")
  }

  @Test func paddedRanges() {
    #expect(ScatterChart.paddedRange(of: [0, 10]) == -0.5...10.5)
    #expect(ScatterChart.paddedRange(of: [3, 3]) == 2...4)
    #expect(ScatterChart.paddedRange(of: [.nan]) == 0...1)
  }

  @Test func nonFinitePointsSkipped() {
    let chart = ScatterChart(groups: [.init(points: [(0, 0), (.nan, 1), (1, .infinity), (1, 1)], color: .cyan)])

    #expect(rendered(chart, width: 2, height: 1).text == "⡀⠈")
  }

  @Test func asciiDots() {
    let chart = ScatterChart(groups: [.init(points: [(0, 0), (1, 1)], color: .cyan)], marker: (0, 0))

    #expect(rendered(chart, width: 2, height: 1, glyphs: .ascii).text == "o'")
  }
}
