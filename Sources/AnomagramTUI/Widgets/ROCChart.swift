import AnomagramCore

/// A ROC curve drawn with Braille dots over the dimmer chance diagonal, with
/// a marker at the operating point of the current threshold and the AUC
/// (see `ChartNumberFormat.auc`) written right-aligned in the plot's
/// lowest row, up to the middle one, where it covers neither dots nor the
/// marker. Where no such row exists, the chart leaves the AUC out.
///
/// Both axes run from 0 to 1: the false positive rate to the right and the
/// true positive rate upwards. The layers are drawn in this order, each over
/// the one before: the diagonal, the curve, the AUC text, the marker. Points
/// with a rate that is NaN or infinite are skipped and break the curve.
public struct ROCChart: Sendable {
  /// The curve's points in drawing order, normally from (0, 0) to (1, 1).
  public var points: [(falsePositiveRate: Double, truePositiveRate: Double)]
  /// The area under the curve, or `nil` when it is undefined.
  public var auc: Double?
  /// The point to mark, or `nil` for no marker.
  public var operatingPoint: (falsePositiveRate: Double, truePositiveRate: Double)?
  public var curveColor: TerminalColor
  public var diagonalColor: TerminalColor
  public var markerColor: TerminalColor
  public var axisColor: TerminalColor

  /// Creates a chart of the given points.
  public init(
    points: [(falsePositiveRate: Double, truePositiveRate: Double)], auc: Double?,
    operatingPoint: (falsePositiveRate: Double, truePositiveRate: Double)? = nil,
    curveColor: TerminalColor = .cyan, diagonalColor: TerminalColor = .gray,
    markerColor: TerminalColor = .yellow, axisColor: TerminalColor = .gray
  ) {
    self.points = points
    self.auc = auc
    self.operatingPoint = operatingPoint
    self.curveColor = curveColor
    self.diagonalColor = diagonalColor
    self.markerColor = markerColor
    self.axisColor = axisColor
  }

  /// Creates a chart of `curve` with the operating point of `threshold`
  /// marked (see `operatingPoint(of:threshold:)`).
  public init(
    curve: ROCCurve, threshold: Float?, curveColor: TerminalColor = .cyan, diagonalColor: TerminalColor = .gray,
    markerColor: TerminalColor = .yellow, axisColor: TerminalColor = .gray
  ) {
    let marked = threshold.flatMap { Self.operatingPoint(of: curve, threshold: $0) }
    self.init(
      points: curve.points.map { ($0.falsePositiveRate, $0.truePositiveRate) }, auc: curve.auc,
      operatingPoint: marked.map { ($0.falsePositiveRate, $0.truePositiveRate) }, curveColor: curveColor,
      diagonalColor: diagonalColor, markerColor: markerColor, axisColor: axisColor)
  }

  /// Returns the point of `curve` whose counts a detector with `threshold`
  /// produces, or `nil` when the curve is empty or the threshold is NaN.
  ///
  /// The point with threshold `e` flags the errors above `e`, and the
  /// points run in decreasing order of threshold, so the first point whose
  /// threshold is at most `threshold` flags the same samples. A threshold
  /// below every point's flags everything, as the last point does.
  public static func operatingPoint(of curve: ROCCurve, threshold: Float) -> ROCPoint? {
    guard !threshold.isNaN else { return nil }
    return curve.points.first { $0.threshold <= threshold } ?? curve.points.last
  }

  /// Draws the chart inside `rect`; nothing outside it changes.
  public func draw(into canvas: inout Canvas, in rect: Rect, glyphs: Glyphs) {
    guard !rect.isEmpty else { return }
    let layout = ChartLayout(rect: rect, yLabelWidth: 1)
    layout.drawAxes(into: &canvas, glyphs: glyphs, color: axisColor)
    layout.drawYLabels(into: &canvas, top: "1", middle: nil, bottom: "0")
    layout.drawXLabels(into: &canvas, left: "0", right: "1")
    layout.drawLegend(into: &canvas, items: legendItems(glyphs: glyphs))

    var grid = BrailleGrid(width: layout.plot.width, height: layout.plot.height)
    let maxDotX = Double(grid.dotWidth - 1)
    let maxDotY = Double(grid.dotHeight - 1)
    grid.drawLine(from: (0, maxDotY), to: (maxDotX, 0), color: diagonalColor, style: .dim)
    drawCurve(on: &grid)
    grid.draw(into: &canvas, x: layout.plot.x, y: layout.plot.y, glyphs: glyphs)

    let validPoints = points.filter { $0.falsePositiveRate.isFinite && $0.truePositiveRate.isFinite }
    if validPoints.isEmpty {
      layout.drawNote(into: &canvas, "no data", glyphs: glyphs)
    } else if let auc, auc.isFinite {
      let text = "AUC " + ChartNumberFormat.auc(auc)
      if let row = aucRow(width: text.count, grid: grid, plot: layout.plot, glyphs: glyphs) {
        canvas.write(text, x: layout.plot.maxX - text.count, y: layout.plot.y + row, style: .bold)
      }
    }
    drawMarker(into: &canvas, plot: layout.plot, glyphs: glyphs)
  }

  // MARK: - Drawing

  /// Returns the plot row, from the bottom up to the middle, whose last
  /// `width` cells hold no dots and not the marker, or `nil` when none does.
  private func aucRow(width: Int, grid: BrailleGrid, plot: Rect, glyphs: Glyphs) -> Int? {
    guard width <= plot.width, plot.height > 0 else { return nil }
    let marker = markerCell(plot: plot)
    let columns = (plot.width - width)..<plot.width
    for row in stride(from: plot.height - 1, through: plot.height / 2, by: -1) {
      let isFree = columns.allSatisfy { column in
        grid.character(column: column, row: row, glyphs: glyphs) == nil
          && !(marker?.column == column && marker?.row == row)
      }
      if isFree { return row }
    }
    return nil
  }

  /// Returns the dot coordinates of the rates `(x, y)` in a plot of
  /// `size` cells: rate (0, 0) is the bottom-left dot and (1, 1) the
  /// top-right one.
  private static func dot(_ rates: (x: Double, y: Double), size: Size) -> (x: Double, y: Double) {
    (rates.x * Double(2 * size.width - 1), (1 - rates.y) * Double(4 * size.height - 1))
  }

  private func drawCurve(on grid: inout BrailleGrid) {
    var previous: (x: Double, y: Double)?
    for point in points {
      guard point.falsePositiveRate.isFinite, point.truePositiveRate.isFinite else {
        previous = nil
        continue
      }
      let size = Size(width: grid.width, height: grid.height)
      let dot = Self.dot((point.falsePositiveRate, point.truePositiveRate), size: size)
      if let previous {
        grid.drawLine(from: previous, to: dot, color: curveColor)
      } else {
        grid.set(point: dot, color: curveColor)
      }
      previous = dot
    }
  }

  /// Returns the plot cell that contains the operating point's dot, or
  /// `nil` without a marker.
  private func markerCell(plot: Rect) -> (column: Int, row: Int)? {
    guard let operatingPoint, !plot.isEmpty else { return nil }
    let rates = [operatingPoint.falsePositiveRate, operatingPoint.truePositiveRate]
    guard rates.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 1 }) else { return nil }
    let size = Size(width: plot.width, height: plot.height)
    let dot = Self.dot((operatingPoint.falsePositiveRate, operatingPoint.truePositiveRate), size: size)
    return (Int(dot.x.rounded()) / 2, Int(dot.y.rounded()) / 4)
  }

  /// Writes `glyphs.marker` in the cell that contains the operating point's dot.
  private func drawMarker(into canvas: inout Canvas, plot: Rect, glyphs: Glyphs) {
    guard let cell = markerCell(plot: plot) else { return }
    canvas.write(
      String(glyphs.marker), x: plot.x + cell.column, y: plot.y + cell.row, foreground: markerColor, style: .bold,
      clip: plot)
  }

  private func legendItems(glyphs: Glyphs) -> [ChartLayout.LegendItem] {
    var items = [
      ChartLayout.LegendItem(marker: glyphs.horizontal, color: curveColor, text: "ROC"),
      ChartLayout.LegendItem(marker: glyphs.horizontal, color: diagonalColor, text: "chance"),
    ]
    if let operatingPoint {
      let falsePositiveRate = ChartNumberFormat.text(operatingPoint.falsePositiveRate)
      let truePositiveRate = ChartNumberFormat.text(operatingPoint.truePositiveRate)
      items.append(
        ChartLayout.LegendItem(
          marker: glyphs.marker, color: markerColor, text: "FPR \(falsePositiveRate) TPR \(truePositiveRate)"))
    }
    return items
  }
}
