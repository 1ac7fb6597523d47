import AnomagramCore
import Testing

@testable import AnomagramTUI

@Suite struct ROCChartTests {
  private func rendered(_ chart: ROCChart, width: Int, height: Int, glyphs: Glyphs = .unicode) -> Canvas {
    var canvas = Canvas(size: Size(width: width, height: height))
    chart.draw(into: &canvas, in: canvas.bounds, glyphs: glyphs)
    return canvas
  }

  /// Perfect separation: thresholds 0.4, 0.3, 0.2, 0.1 and below give the
  /// points (0, 0), (0, 0.5), (0, 1), (0.5, 1), (1, 1), and the AUC is 1.
  private let separated = ROCCurve(errors: [0.1, 0.2, 0.3, 0.4], isAbnormal: [false, false, true, true])

  // A 10 × 7 chart: legend row, 4 plot rows, the x axis and its labels.
  // The labels "1" and "0" and the y axis take 2 columns, so the plot is
  // 8 × 4 cells, 16 × 16 dots, and the diagonal (0, 15)-(15, 0) sets the
  // dots (x, 15 - x). In plot row r that is cell 6 - 2r with 0x40 | 0x20 =
  // 0x60 "⡠" and cell 7 - 2r with 0x02 | 0x08 = 0x0A "⠊".
  //
  // The curve's points map to the dots (0, 15), (0, 7.5 → 8), (0, 0),
  // (7.5 → 8, 0), (15, 0): the left dot column and the top dot row. Every
  // cell of plot row 0 gets 0x09; cell 0 of every row gets 0x47. With the
  // diagonal: row 0 is 0x4F "⡏", 0x09 "⠉" × 5, 0x69 "⡩", 0x0B "⠋", and row
  // 3 starts 0x67 "⡧", 0x0A "⠊".
  //
  // Threshold 0.25 flags the errors 0.3 and 0.4: the point (0, 1), in the
  // top-left cell, where the marker replaces "⡏". "AUC 1.0000" needs 10
  // cells free of dots and the plot has 8, so it is left out. The legend
  // keeps only "─ ROC", which fits whole.
  @Test func curveHandWorked() {
    let chart = ROCChart(curve: separated, threshold: 0.25)

    let expected = """
      ─ ROC
      1│●⠉⠉⠉⠉⠉⡩⠋
       │⡇   ⡠⠊
       │⡇ ⡠⠊
      0│⡧⠊
       └────────
        0      1
      """
    #expect(rendered(chart, width: 10, height: 7).text == expected)
  }

  @Test func curveInASCII() {
    let chart = ROCChart(curve: separated, threshold: 0.25)

    // The cells of `curveHandWorked`: 0x09, 0x0B and 0x0A light only the
    // top half ("'"), 0x60 only the bottom half ("."), and 0x47, 0x67 and
    // 0x69 both (":"). The marker is "o".
    let expected = """
      - ROC
      1|o''''':'
       |:   .'
       |: .'
      0|:'
       +--------
        0      1
      """
    #expect(rendered(chart, width: 10, height: 7, glyphs: .ascii).text == expected)
  }

  @Test func layerColors() {
    let chart = ROCChart(
      curve: separated, threshold: 0.25, curveColor: .cyan, diagonalColor: .gray, markerColor: .yellow,
      axisColor: .white)

    let canvas = rendered(chart, width: 10, height: 7)

    #expect(canvas[2, 1] == Cell("●", foreground: .yellow, style: .bold))
    #expect(canvas[3, 1] == Cell("⠉", foreground: .cyan))
    // Cell 6 of plot row 0 contains dots of both; the curve is drawn later.
    #expect(canvas[8, 1] == Cell("⡩", foreground: .cyan))
    #expect(canvas[6, 2] == Cell("⡠", foreground: .gray, style: .dim))
    #expect(canvas[3, 4] == Cell("⠊", foreground: .gray, style: .dim))
    #expect(canvas[1, 2].foreground == .white)
  }

  @Test func legendWithOperatingPoint() {
    let chart = ROCChart(curve: separated, threshold: 0.35)

    // Threshold 0.35 flags only 0.4: TPR 1/2, FPR 0.
    let canvas = rendered(chart, width: 40, height: 7)
    #expect(canvas.line(0).hasPrefix("─ ROC  ─ chance  ● FPR 0 TPR 0.5 "))
  }

  @Test(arguments: [
    (Float(0.5), 0.0, 0.0), (0.4, 0, 0), (0.35, 0, 0.5), (0.3, 0, 0.5), (0.2, 0, 1), (0.15, 0.5, 1),
    (0.1, 0.5, 1), (0.05, 1, 1), (-1, 1, 1),
  ])
  func operatingPointMatchesCounts(threshold: Float, falsePositiveRate: Double, truePositiveRate: Double) {
    let errors: [Float] = [0.1, 0.2, 0.3, 0.4]
    let labels = [false, false, true, true]

    let point = ROCChart.operatingPoint(of: separated, threshold: threshold)

    // The point must flag the same samples as the threshold itself.
    let counts = ConfusionCounts(errors: errors, isAbnormal: labels, threshold: threshold)
    #expect(point?.counts == counts)
    #expect(point?.falsePositiveRate == falsePositiveRate)
    #expect(point?.truePositiveRate == truePositiveRate)
  }

  @Test func operatingPointUndefined() {
    let oneClass = ROCCurve(errors: [0.1, 0.2], isAbnormal: [false, false])

    #expect(ROCChart.operatingPoint(of: separated, threshold: .nan) == nil)
    #expect(ROCChart.operatingPoint(of: oneClass, threshold: 0.15) == nil)
  }

  @Test func oneClassShowsNoDataNote() {
    let oneClass = ROCCurve(errors: [0.1, 0.2], isAbnormal: [false, false])
    let chart = ROCChart(curve: oneClass, threshold: 0.15)

    // Only the diagonal is drawn, and the note covers the middle of plot
    // row 1: column 2 + (8 - 7) / 2 = 2.
    let canvas = rendered(chart, width: 10, height: 7)
    #expect(canvas.line(2) == " │no data ")
    #expect(!canvas.text.contains("AUC"))
    #expect(!canvas.text.contains("●"))
    #expect(canvas.line(0) == "─ ROC     ")
  }

  @Test func nonFinitePointsSkipped() {
    let chart = ROCChart(
      points: [(0, 0), (.nan, 0.5), (0, 1), (1, 1), (1, .infinity)], auc: .nan,
      operatingPoint: (.infinity, 0.5))

    // As in `curveHandWorked`, but the curve is the lone dot (0, 15) and
    // the segment (0, 0)-(15, 0). The top dot row gives 0x09 "⠉" in every
    // cell of plot row 0, and (0, 15) adds nothing to the diagonal's "⡠".
    // The marker and the AUC, neither finite, are left out.
    let canvas = rendered(chart, width: 10, height: 7)
    #expect(canvas.line(1) == "1│⠉⠉⠉⠉⠉⠉⡩⠋")
    #expect(canvas.line(2) == " │    ⡠⠊  ")
    #expect(canvas.line(4) == "0│⡠⠊      ")
  }

  @Test func aucDroppedWhenNarrow() {
    let chart = ROCChart(curve: separated, threshold: nil)

    // The plot is 4 columns; "AUC 1.0000" needs 10.
    let canvas = rendered(chart, width: 6, height: 7)
    #expect(!canvas.text.contains("AUC"))
  }

  @Test func aucInLowestFreeRow() {
    let chart = ROCChart(curve: separated, threshold: 0.25)

    // A 14-column plot: the curve and the diagonal take the bottom row's
    // first 4 cells, and the AUC fills its last 10.
    let canvas = rendered(chart, width: 16, height: 7)
    #expect(canvas.line(4) == "0│⡧⠔⠊⠁AUC 1.0000")
    #expect(canvas[6, 4] == Cell("A", style: .bold))
  }

  /// A curve that climbs in steps across the plot: errors of 200 rows,
  /// every third abnormal.
  private static let steppedCurve = ROCCurve(
    errors: (0..<200).map { Float($0) / 200 }, isAbnormal: (0..<200).map { $0 % 3 == 0 })

  @Test(arguments: [(10, 7), (14, 9), (16, 7), (24, 12), (40, 16)])
  func aucNeverCoversCurve(width: Int, height: Int) {
    for curve in [separated, Self.steppedCurve] {
      let withAUC = rendered(ROCChart(curve: curve, threshold: 0.25), width: width, height: height)
      var withoutAUC = ROCChart(curve: curve, threshold: 0.25)
      withoutAUC.auc = nil
      let plain = rendered(withoutAUC, width: width, height: height)

      // Every cell the AUC text takes is blank without it.
      for y in 0..<height {
        for x in 0..<width where withAUC[x, y] != plain[x, y] {
          #expect(plain[x, y].character == " ", "\(width)x\(height): (\(x), \(y))")
        }
      }
    }
  }

  @Test(arguments: tinyRects)
  func tinyRectsStayInside(rect: Rect) {
    let chart = ROCChart(curve: separated, threshold: 0.25)
    let before = markedCanvas(width: 8, height: 7)
    var canvas = before

    chart.draw(into: &canvas, in: rect, glyphs: .unicode)

    #expect(changedCells(outside: rect, before: before, after: canvas).isEmpty)
  }

  @Test func largeChartStaysInside() {
    let errors = (0..<200).map { Float($0) / 200 }
    let labels = (0..<200).map { $0 % 3 == 0 }
    let chart = ROCChart(curve: ROCCurve(errors: errors, isAbnormal: labels), threshold: 0.5)
    let rect = Rect(x: 3, y: 2, width: 30, height: 12)
    let before = markedCanvas(width: 40, height: 16)
    var canvas = before

    chart.draw(into: &canvas, in: rect, glyphs: .unicode)

    #expect(changedCells(outside: rect, before: before, after: canvas).isEmpty)
  }
}
