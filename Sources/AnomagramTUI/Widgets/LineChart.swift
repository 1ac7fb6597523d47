import Foundation

/// A chart of one or more series of `(x, y)` points joined by lines, drawn
/// with Braille dots, such as the training and validation loss per epoch.
///
/// The legend row names each series with its latest finite `y`. Where
/// that does not fit, it names the series alone, and then by their short
/// names, so no series drops out of a narrow legend. The y axis
/// is labelled with its maximum, its minimum and, when there is room, the
/// value at the middle row. The x axis is labelled with its first and last
/// value. `ChartLayout` places these parts and drops some in a small
/// rectangle.
///
/// Points whose `x` or `y` is NaN or infinite are skipped, and so are points
/// with `y <= 0` on a log scale, which has no place for them. A skipped point
/// breaks its series' line, so a gap shows where data is missing. Where
/// series share a cell, the one later in `series` colours it.
///
/// A dotted series, for terminals without colour, sets every other dot of
/// its line and has `┄` in the legend. In ASCII its cells show `+` and
/// its legend marker is `+`, since ASCII cells cannot show single dots.
public struct LineChart: Sendable {
  /// One line of the chart.
  public struct Series: Sendable {
    public var name: String
    /// A shorter name for narrow legends, or `nil` to keep `name`.
    public var shortName: String?
    /// The points in drawing order; consecutive points are joined.
    public var points: [(x: Double, y: Double)]
    public var color: TerminalColor
    public var pattern: BrailleGrid.LinePattern

    public init(
      name: String, shortName: String? = nil, points: [(x: Double, y: Double)], color: TerminalColor,
      pattern: BrailleGrid.LinePattern = .solid
    ) {
      self.name = name
      self.shortName = shortName
      self.points = points
      self.color = color
      self.pattern = pattern
    }
  }

  /// The mapping from `y` values to heights.
  public enum Scale: Sendable {
    case linear
    /// Heights proportional to `log10(y)`, for losses that fall over several
    /// orders of magnitude. Values `<= 0` are skipped.
    case log10
  }

  public var series: [Series]
  public var yScale: Scale
  /// The x range shown, or `nil` to span the data's x values exactly (a
  /// single x value `v` gets `v - 1...v + 1`).
  public var xRange: ClosedRange<Double>?
  /// The y range shown, or `nil` to span the data's y values with headroom
  /// (see `computedYRange`).
  public var yRange: ClosedRange<Double>?
  public var axisColor: TerminalColor

  /// Creates a chart.
  ///
  /// A given range must have finite bounds, and on a log scale a positive
  /// lower bound. Points outside a given range are clipped at its edges.
  public init(
    series: [Series], yScale: Scale = .linear, xRange: ClosedRange<Double>? = nil,
    yRange: ClosedRange<Double>? = nil, axisColor: TerminalColor = .gray
  ) {
    if let xRange {
      precondition(
        xRange.lowerBound.isFinite && xRange.upperBound.isFinite, "A chart's x range must be finite, got \(xRange)")
    }
    if let yRange {
      precondition(
        yRange.lowerBound.isFinite && yRange.upperBound.isFinite, "A chart's y range must be finite, got \(yRange)")
      precondition(
        yScale == .linear || yRange.lowerBound > 0, "A log-scale y range must be positive, got \(yRange)")
    }
    self.series = series
    self.yScale = yScale
    self.xRange = xRange
    self.yRange = yRange
    self.axisColor = axisColor
  }

  /// Draws the chart inside `rect`; nothing outside it changes.
  public func draw(into canvas: inout Canvas, in rect: Rect, glyphs: Glyphs) {
    guard !rect.isEmpty else { return }
    let xAxis = Self.spanned(xRange.map(Self.bounds) ?? dataXBounds())
    let yAxis = Self.spanned(yRange.map { scaledBounds($0) } ?? computedYRange())

    let plotRows = ChartLayout.plotRowCount(in: rect)
    let yLabels = yLabelTexts(yAxis: yAxis, plotRows: plotRows)
    let layout = ChartLayout(rect: rect, yLabelWidth: yLabels.map(\.count).max() ?? 0)
    layout.drawAxes(into: &canvas, glyphs: glyphs, color: axisColor)
    layout.drawYLabels(
      into: &canvas, top: yLabels[0], middle: yLabels.count == 3 ? yLabels[1] : nil, bottom: yLabels.last!)
    let xLabels = ChartNumberFormat.distinctTexts([xAxis.lower, xAxis.upper])
    layout.drawXLabels(into: &canvas, left: xLabels[0], right: xLabels[1])
    layout.drawLegend(into: &canvas, items: legendItems(width: rect.width, glyphs: glyphs))

    var grid = BrailleGrid(width: layout.plot.width, height: layout.plot.height)
    for line in series {
      plot(line, on: &grid, xAxis: xAxis, yAxis: yAxis, glyphs: glyphs)
    }
    grid.draw(into: &canvas, x: layout.plot.x, y: layout.plot.y, glyphs: glyphs)
    if !hasValidPoint {
      layout.drawNote(into: &canvas, "no data", glyphs: glyphs)
    }
  }

  // MARK: - Ranges

  /// Returns the y range drawn when none is given, in scaled units
  /// (`log10(y)` on a log scale): the data's range plus 5 % of its span
  /// above and below.
  ///
  /// On a linear scale the lower end stays at 0 when the data has no
  /// negative value, so a loss axis never shows negative numbers. When all
  /// values are equal, the range is that value ± half its magnitude (± 1
  /// for 0) on a linear scale and ± half a decade on a log scale, so the
  /// flat line sits in the middle. Without data it is 0...1.
  func computedYRange() -> (lower: Double, upper: Double) {
    let values = series.flatMap { $0.points.compactMap(scaledPoint).map(\.y) }
    guard let lowest = values.min(), let highest = values.max() else { return (0, 1) }
    if lowest == highest {
      let halfWidth = yScale == .log10 ? 0.5 : (lowest == 0 ? 1 : abs(lowest) / 2)
      return (lowest - halfWidth, highest + halfWidth)
    }
    let headroom = (highest - lowest) * 0.05
    var lower = lowest - headroom
    if yScale == .linear, lowest >= 0 {
      lower = max(lower, 0)
    }
    return (lower, highest + headroom)
  }

  /// Returns the smallest and largest x of the points drawn, or 0...1 without data.
  private func dataXBounds() -> (lower: Double, upper: Double) {
    let values = series.flatMap { $0.points.compactMap(scaledPoint).map(\.x) }
    guard let lowest = values.min(), let highest = values.max() else { return (0, 1) }
    return (lowest, highest)
  }

  private static func bounds(_ range: ClosedRange<Double>) -> (lower: Double, upper: Double) {
    (range.lowerBound, range.upperBound)
  }

  private func scaledBounds(_ range: ClosedRange<Double>) -> (lower: Double, upper: Double) {
    (scaled(range.lowerBound), scaled(range.upperBound))
  }

  /// Widens an empty range to `value ± 1`, so mapping never divides by zero
  /// and a single point sits in the middle.
  private static func spanned(_ bounds: (lower: Double, upper: Double)) -> (lower: Double, upper: Double) {
    bounds.lower < bounds.upper ? bounds : (bounds.lower - 1, bounds.upper + 1)
  }

  // MARK: - Scaling

  private func scaled(_ y: Double) -> Double {
    yScale == .log10 ? Foundation.log10(y) : y
  }

  private func unscaled(_ y: Double) -> Double {
    yScale == .log10 ? pow(10, y) : y
  }

  /// Returns the point with its `y` scaled, or `nil` when it is skipped.
  private func scaledPoint(_ point: (x: Double, y: Double)) -> (x: Double, y: Double)? {
    guard point.x.isFinite, point.y.isFinite else { return nil }
    if yScale == .log10, point.y <= 0 { return nil }
    return (point.x, scaled(point.y))
  }

  private var hasValidPoint: Bool {
    series.contains { $0.points.contains { scaledPoint($0) != nil } }
  }

  // MARK: - Drawing

  /// Returns the top, (middle,) and bottom y labels for `plotRows` rows.
  /// The middle label is the value at the centre of its row's dots.
  private func yLabelTexts(yAxis: (lower: Double, upper: Double), plotRows: Int) -> [String] {
    var values = [unscaled(yAxis.upper)]
    if let row = ChartLayout.middleLabelRow(plotRows: plotRows) {
      // Dot rows run from 0 (the upper bound) to 4 plotRows - 1 (the lower
      // bound). The row's centre lies between its dots 1 and 2.
      let fraction = 1 - (Double(4 * row) + 1.5) / Double(4 * plotRows - 1)
      values.append(unscaled(yAxis.lower + fraction * (yAxis.upper - yAxis.lower)))
    }
    values.append(unscaled(yAxis.lower))
    return ChartNumberFormat.distinctTexts(values)
  }

  /// Returns the legend's items: each series' name and latest value, or
  /// where those do not fit in `width`, the names alone, then the short
  /// names. When none fit, the first form is returned, and the legend
  /// shows the items that fit.
  private func legendItems(width: Int, glyphs: Glyphs) -> [ChartLayout.LegendItem] {
    let texts: [(Series) -> String] = [
      { line in
        let latest = line.points.last { $0.x.isFinite && $0.y.isFinite }
        return "\(line.name) \(latest.map { ChartNumberFormat.text($0.y) } ?? "-")"
      },
      { $0.name },
      { $0.shortName ?? $0.name },
    ]
    let forms = texts.map { text in
      series.map { line in
        ChartLayout.LegendItem(marker: line.pattern.legendMarker(glyphs: glyphs), color: line.color, text: text(line))
      }
    }
    // Each item is its marker, a space and its text, two spaces apart.
    func legendWidth(_ items: [ChartLayout.LegendItem]) -> Int {
      items.reduce(0) { $0 + 2 + $1.text.count } + 2 * max(items.count - 1, 0)
    }
    return forms.first { legendWidth($0) <= width } ?? forms[0]
  }

  private func plot(
    _ line: Series, on grid: inout BrailleGrid, xAxis: (lower: Double, upper: Double),
    yAxis: (lower: Double, upper: Double), glyphs: Glyphs
  ) {
    let mark = line.pattern.cellMark(glyphs: glyphs)
    let maxDotX = Double(grid.dotWidth - 1)
    let maxDotY = Double(grid.dotHeight - 1)
    var previous: (x: Double, y: Double)?
    for point in line.points {
      guard let scaledPoint = scaledPoint(point) else {
        previous = nil
        continue
      }
      let dot = (
        x: (scaledPoint.x - xAxis.lower) / (xAxis.upper - xAxis.lower) * maxDotX,
        y: (yAxis.upper - scaledPoint.y) / (yAxis.upper - yAxis.lower) * maxDotY
      )
      if let previous {
        grid.drawLine(from: previous, to: dot, color: line.color, pattern: line.pattern, mark: mark)
      } else {
        grid.set(point: dot, color: line.color, mark: mark)
      }
      previous = dot
    }
  }
}

extension BrailleGrid.LinePattern {
  /// Returns the legend's marker for a line of this pattern: the
  /// horizontal line for a solid one, and for a dotted one `┄` (`+` in ASCII).
  func legendMarker(glyphs: Glyphs) -> Character {
    switch self {
    case .solid: glyphs.horizontal
    case .dotted: glyphs.isUnicode ? "┄" : "+"
    }
  }

  /// Returns the mark a line of this pattern gives its cells: `+` for a
  /// dotted line in ASCII, and `nil` otherwise, because Braille dots show
  /// the pattern on Unicode terminals.
  func cellMark(glyphs: Glyphs) -> Character? {
    self == .dotted && !glyphs.isUnicode ? "+" : nil
  }
}
