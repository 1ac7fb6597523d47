/// A chart of series that share their x positions, such as a heartbeat and
/// its reconstruction, drawn with Braille dots over a fixed value range,
/// with the per-point error as a row of bars under them.
///
/// From top to bottom it has a legend row, the plot rows, the error row,
/// the x axis and the x labels, which number the points from 1:
///
/// ```
/// ─ input  ─ reconstruction  ▆ point error
///  1.2│⠉⠑⠢⡀   ⢀⠔⠉
///     │    ⠈⠒⠊
/// -0.2│
///     │▁▁▂▅█▃▁
///     └────────
///      1     140
/// ```
///
/// Point `i` of `n` lies at dot column `i (2 W - 1) / (n - 1)` of a plot
/// `W` cells wide, so the first and last points touch the plot's edges.
/// Values outside `valueRange` are clipped at the plot's edge. A cell of the
/// error row shows the largest error of the points in its column (the
/// nearest point when none falls in it) as eighth blocks, full at
/// `errorFullScale`. The error row needs a plot of 3 rows or more, and
/// smaller charts leave it out.
public struct SignalChart: Sendable {
  /// One line of the chart.
  public struct Series: Sendable {
    public var name: String
    /// One value per point.
    public var values: [Double]
    public var color: TerminalColor
    /// Dotted for a line that colour cannot tell apart (see `LineChart`).
    public var pattern: BrailleGrid.LinePattern

    public init(name: String, values: [Double], color: TerminalColor, pattern: BrailleGrid.LinePattern = .solid) {
      self.name = name
      self.values = values
      self.color = color
      self.pattern = pattern
    }
  }

  /// The lines, drawn in order; where two share a cell, the later one colours it.
  public var series: [Series]
  /// The values at the bottom and top of the plot.
  public var valueRange: ClosedRange<Double>
  /// The error of each point, drawn in the error row, or `nil` for none.
  public var pointErrors: [Double]?
  /// The error that fills a whole cell of the error row; must be positive.
  public var errorFullScale: Double
  public var errorColor: TerminalColor
  /// The points a brush covers and the point under its centre, marked on
  /// the x axis, or `nil` for no brush.
  public var brush: (points: ClosedRange<Int>, cursor: Int)?
  public var brushColor: TerminalColor
  public var axisColor: TerminalColor

  /// Creates a chart; `valueRange` must have finite bounds.
  public init(
    series: [Series], valueRange: ClosedRange<Double>, pointErrors: [Double]? = nil, errorFullScale: Double = 1,
    errorColor: TerminalColor = .orange, brush: (points: ClosedRange<Int>, cursor: Int)? = nil,
    brushColor: TerminalColor = .yellow, axisColor: TerminalColor = .gray
  ) {
    precondition(
      valueRange.lowerBound.isFinite && valueRange.upperBound.isFinite,
      "A signal chart's value range must be finite, got \(valueRange)")
    precondition(errorFullScale > 0, "The error scale must be positive, got \(errorFullScale)")
    self.series = series
    self.valueRange = valueRange
    self.pointErrors = pointErrors
    self.errorFullScale = errorFullScale
    self.errorColor = errorColor
    self.brush = brush
    self.brushColor = brushColor
    self.axisColor = axisColor
  }

  /// The number of points: the length of the longest series.
  var pointCount: Int { series.map(\.values.count).max() ?? pointErrors?.count ?? 0 }

  // MARK: - Geometry

  /// The places of a chart's parts in `rect`.
  struct Geometry {
    let layout: ChartLayout
    /// The rows and columns of the series.
    let plot: Rect
    /// The row of the error bars, if there is room for it.
    let errorRow: Int?
    /// The y labels: top, (middle,) bottom.
    let yLabels: [String]
  }

  static func geometry(in rect: Rect, valueRange: ClosedRange<Double>) -> Geometry {
    let chartRows = ChartLayout.plotRowCount(in: rect)
    let hasErrorRow = chartRows >= 3
    let plotRows = hasErrorRow ? chartRows - 1 : chartRows
    let yLabels = yLabelTexts(valueRange: valueRange, plotRows: plotRows)
    let layout = ChartLayout(rect: rect, yLabelWidth: yLabels.map(\.count).max() ?? 0)
    let plot = Rect(x: layout.plot.x, y: layout.plot.y, width: layout.plot.width, height: plotRows)
    return Geometry(layout: layout, plot: plot, errorRow: hasErrorRow ? plot.maxY : nil, yLabels: yLabels)
  }

  /// Returns the cells where a chart drawn in `rect` puts its series, so
  /// that a mouse position can be mapped to a point and a value.
  public static func plotRect(in rect: Rect, valueRange: ClosedRange<Double>) -> Rect {
    geometry(in: rect, valueRange: valueRange).plot
  }

  /// Returns the dot column of point `index` of `count`, in a plot
  /// `plotWidth` cells wide.
  static func dotX(ofPoint index: Int, count: Int, plotWidth: Int) -> Double {
    guard count > 1 else { return Double(plotWidth * 2 - 1) / 2 }
    return Double(index) * Double(plotWidth * 2 - 1) / Double(count - 1)
  }

  /// Returns the plot column, from 0, that point `index` of `count` is drawn in.
  public static func column(ofPoint index: Int, count: Int, plotWidth: Int) -> Int {
    Int(dotX(ofPoint: index, count: count, plotWidth: plotWidth).rounded()) / 2
  }

  /// Returns the point nearest to the centre of plot column `column`, from
  /// 0: the point at dot column `2 column + 0.5`, rounded and kept within
  /// `0..<count`.
  public static func point(atColumn column: Int, count: Int, plotWidth: Int) -> Int {
    guard count > 1, plotWidth > 0 else { return 0 }
    let dotX = Double(column * 2) + 0.5
    let index = (dotX * Double(count - 1) / Double(plotWidth * 2 - 1)).rounded()
    return Int(min(max(index, 0), Double(count - 1)))
  }

  /// Returns the value at the centre of plot row `row`, from 0 at the top:
  /// the value at dot row `4 row + 1.5` of `4 plotHeight - 1`.
  public static func value(atRow row: Int, plotHeight: Int, range: ClosedRange<Double>) -> Double {
    let dotRows = Double(4 * plotHeight - 1)
    guard dotRows > 0 else { return (range.lowerBound + range.upperBound) / 2 }
    let fraction = (Double(4 * row) + 1.5) / dotRows
    return range.upperBound - fraction * (range.upperBound - range.lowerBound)
  }

  /// Returns the top, (middle,) and bottom y labels for `plotRows` rows.
  /// The middle label is the value at the centre of its row's dots.
  private static func yLabelTexts(valueRange: ClosedRange<Double>, plotRows: Int) -> [String] {
    var values = [valueRange.upperBound]
    if let row = ChartLayout.middleLabelRow(plotRows: plotRows) {
      values.append(value(atRow: row, plotHeight: plotRows, range: valueRange))
    }
    values.append(valueRange.lowerBound)
    return ChartNumberFormat.distinctTexts(values)
  }

  // MARK: - Drawing

  /// Draws the chart inside `rect`; nothing outside it changes.
  public func draw(into canvas: inout Canvas, in rect: Rect, glyphs: Glyphs) {
    guard !rect.isEmpty else { return }
    let geometry = Self.geometry(in: rect, valueRange: valueRange)
    let layout = geometry.layout
    let plot = geometry.plot
    layout.drawAxes(into: &canvas, glyphs: glyphs, color: axisColor)
    drawYLabels(into: &canvas, geometry: geometry)
    layout.drawXLabels(into: &canvas, left: "1", right: String(max(pointCount, 1)))
    layout.drawLegend(into: &canvas, items: legendItems(glyphs: glyphs))

    var grid = BrailleGrid(width: plot.width, height: plot.height)
    for line in series {
      plotLine(line, on: &grid, glyphs: glyphs)
    }
    grid.draw(into: &canvas, x: plot.x, y: plot.y, glyphs: glyphs)
    if let row = geometry.errorRow, let pointErrors {
      drawErrors(pointErrors, into: &canvas, row: row, plot: plot, glyphs: glyphs)
    }
    if layout.hasAxes {
      drawBrush(into: &canvas, axisRow: layout.plot.maxY, plot: plot, glyphs: glyphs)
    }
  }

  private func drawYLabels(into canvas: inout Canvas, geometry: Geometry) {
    let width = geometry.layout.yLabelWidth
    guard width > 0 else { return }
    let plot = geometry.plot
    let labels = geometry.yLabels
    canvas.write(labels[0].leftPadded(to: width), x: geometry.layout.rect.x, y: plot.y)
    if plot.height >= 2 {
      canvas.write(labels[labels.count - 1].leftPadded(to: width), x: geometry.layout.rect.x, y: plot.maxY - 1)
    }
    if labels.count == 3, let row = ChartLayout.middleLabelRow(plotRows: plot.height) {
      canvas.write(labels[1].leftPadded(to: width), x: geometry.layout.rect.x, y: plot.y + row)
    }
  }

  private func legendItems(glyphs: Glyphs) -> [ChartLayout.LegendItem] {
    var items = series.map {
      ChartLayout.LegendItem(marker: $0.pattern.legendMarker(glyphs: glyphs), color: $0.color, text: $0.name)
    }
    if pointErrors != nil {
      items.append(ChartLayout.LegendItem(marker: glyphs.lowerBlocks[5], color: errorColor, text: "point error"))
    }
    return items
  }

  private func plotLine(_ line: Series, on grid: inout BrailleGrid, glyphs: Glyphs) {
    let mark = line.pattern.cellMark(glyphs: glyphs)
    let span = valueRange.upperBound - valueRange.lowerBound
    let maxDotY = Double(grid.dotHeight - 1)
    var previous: (x: Double, y: Double)?
    for (index, value) in line.values.enumerated() {
      guard value.isFinite else {
        previous = nil
        continue
      }
      let dotY = span > 0 ? (valueRange.upperBound - value) / span * maxDotY : maxDotY / 2
      let dot = (x: Self.dotX(ofPoint: index, count: pointCount, plotWidth: grid.width), y: dotY)
      if let previous {
        grid.drawLine(from: previous, to: dot, color: line.color, pattern: line.pattern, mark: mark)
      } else {
        grid.set(point: dot, color: line.color, mark: mark)
      }
      previous = dot
    }
  }

  /// Draws one eighth-block bar per plot column for the largest error of
  /// the points drawn in it.
  private func drawErrors(_ errors: [Double], into canvas: inout Canvas, row: Int, plot: Rect, glyphs: Glyphs) {
    guard !errors.isEmpty else { return }
    var largest = [Double?](repeating: nil, count: plot.width)
    for (index, error) in errors.enumerated() where error.isFinite {
      let column = Self.column(ofPoint: index, count: errors.count, plotWidth: plot.width)
      guard largest.indices.contains(column) else { continue }
      largest[column] = max(largest[column] ?? 0, abs(error))
    }
    let heights = glyphs.lowerBlocks + [glyphs.fullBlock]
    for column in 0..<plot.width {
      let nearest = errors[Self.point(atColumn: column, count: errors.count, plotWidth: plot.width)]
      let error = largest[column] ?? (nearest.isFinite ? abs(nearest) : 0)
      let level = Int(min(error / errorFullScale * Double(heights.count), Double(heights.count)).rounded())
      guard level > 0 else { continue }
      canvas.write(String(heights[level - 1]), x: plot.x + column, y: row, foreground: errorColor)
    }
  }

  /// Marks the brush's points on the x axis in `brushColor`, and its
  /// centre with an upward arrow.
  private func drawBrush(into canvas: inout Canvas, axisRow: Int, plot: Rect, glyphs: Glyphs) {
    guard let brush, pointCount > 0 else { return }
    let count = pointCount
    for index in brush.points where (0..<count).contains(index) {
      let column = Self.column(ofPoint: index, count: count, plotWidth: plot.width)
      canvas.write(
        glyphs.isUnicode ? "━" : "=", x: plot.x + column, y: axisRow, foreground: brushColor, style: .bold, clip: plot
          .extended(toRow: axisRow))
    }
    let column = Self.column(ofPoint: brush.cursor, count: count, plotWidth: plot.width)
    canvas.write(
      glyphs.isUnicode ? "▲" : "^", x: plot.x + column, y: axisRow, foreground: brushColor, style: .bold,
      clip: plot.extended(toRow: axisRow))
  }
}

extension Rect {
  /// Returns the rectangle grown downwards so that it ends at row `row`, inclusive.
  fileprivate func extended(toRow row: Int) -> Rect {
    Rect(x: x, y: y, width: width, height: max(height, row - y + 1))
  }
}
