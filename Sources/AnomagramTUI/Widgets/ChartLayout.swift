/// Where the parts of a chart go inside its rectangle, and how they are drawn.
///
/// From top to bottom a chart has a legend row, the plot rows, the x axis
/// row and the x label row. The y labels and the y axis sit left of the
/// plot:
///
/// ```
/// ─ train 0.031  ─ validation 0.042
/// 0.1│⠑⠢⢄⡀
///    │   ⠈⠉⠒⠤⣀⣀
///   0│
///    └──────────
///     1       20
/// ```
///
/// Small rectangles drop parts so that at least one plot row remains: a
/// height of 3 drops the legend, 2 also drops the x labels, and a height of
/// 1 or a width of 1 leaves only the plot, without axes. The y labels are
/// dropped when they would leave the plot fewer than 4 columns.
struct ChartLayout {
  /// The whole chart.
  let rect: Rect
  /// The area inside the axes where the data is drawn.
  let plot: Rect
  /// The row of the legend, if there is room for one.
  let legendRow: Int?
  /// The row under the x axis for its labels, if there is room for one.
  let xLabelRow: Int?
  /// Whether the axes are drawn: left of and under `plot`.
  let hasAxes: Bool
  /// The width of the y labels' column, 0 when they are dropped.
  let yLabelWidth: Int

  /// The minimum number of plot columns the y labels may leave.
  static let minimumPlotWidthWithLabels = 4

  /// Lays out a chart in `rect` whose longest y label is `yLabelWidth`
  /// characters long.
  init(rect: Rect, yLabelWidth: Int) {
    self.rect = rect
    hasAxes = rect.width >= 2 && rect.height >= 2
    guard hasAxes else {
      plot = rect
      legendRow = nil
      xLabelRow = nil
      self.yLabelWidth = 0
      return
    }

    legendRow = rect.height >= 4 ? rect.y : nil
    xLabelRow = rect.height >= 3 ? rect.maxY - 1 : nil
    let labelsFit = rect.width - yLabelWidth - 1 >= Self.minimumPlotWidthWithLabels
    self.yLabelWidth = labelsFit ? max(0, yLabelWidth) : 0
    plot = Rect(
      x: rect.x + self.yLabelWidth + 1, y: rect.y + (legendRow == nil ? 0 : 1),
      width: rect.width - self.yLabelWidth - 1, height: Self.plotRowCount(in: rect))
  }

  /// Returns the number of plot rows a chart in `rect` gets. It depends only
  /// on the height, so a chart can compute its y labels before the layout.
  static func plotRowCount(in rect: Rect) -> Int {
    guard rect.width >= 2, rect.height >= 2 else { return rect.height }
    let legendRows = rect.height >= 4 ? 1 : 0
    let xLabelRows = rect.height >= 3 ? 1 : 0
    return rect.height - 1 - legendRows - xLabelRows
  }

  /// Returns the plot row, counted from the plot's top, that gets a middle
  /// y label: the middle row when there are at least 5, so a blank row
  /// separates every two labels, otherwise `nil`.
  static func middleLabelRow(plotRows: Int) -> Int? {
    plotRows >= 5 ? (plotRows - 1) / 2 : nil
  }

  // MARK: - Drawing

  /// Draws the y axis left of the plot and the x axis under it.
  func drawAxes(into canvas: inout Canvas, glyphs: Glyphs, color: TerminalColor) {
    guard hasAxes else { return }
    let axisColumn = plot.x - 1
    for row in plot.y..<plot.maxY {
      canvas.write(String(glyphs.vertical), x: axisColumn, y: row, foreground: color, clip: rect)
    }
    canvas.write(String(glyphs.bottomLeft), x: axisColumn, y: plot.maxY, foreground: color, clip: rect)
    let axis = String(repeating: glyphs.horizontal, count: plot.width)
    canvas.write(axis, x: plot.x, y: plot.maxY, foreground: color, clip: rect)
  }

  /// Writes the y labels right-aligned left of the axis: `top` on the top
  /// plot row, `bottom` on the bottom one when there are two or more rows,
  /// and `middle` on `middleLabelRow(plotRows:)` when there is one.
  func drawYLabels(into canvas: inout Canvas, top: String, middle: String?, bottom: String) {
    guard yLabelWidth > 0 else { return }
    canvas.write(top.leftPadded(to: yLabelWidth), x: rect.x, y: plot.y, clip: rect)
    if plot.height >= 2 {
      canvas.write(bottom.leftPadded(to: yLabelWidth), x: rect.x, y: plot.maxY - 1, clip: rect)
    }
    if let middle, let row = Self.middleLabelRow(plotRows: plot.height) {
      canvas.write(middle.leftPadded(to: yLabelWidth), x: rect.x, y: plot.y + row, clip: rect)
    }
  }

  /// Writes `left` under the first plot column and `right` so that it ends
  /// under column `rightEnd - 1` (the plot's last column by default). When
  /// both do not fit with a space between them, only `left` is written,
  /// and when it does not fit either, neither is: a cut number would
  /// read as a different one.
  func drawXLabels(into canvas: inout Canvas, left: String, right: String, rightEnd: Int? = nil) {
    guard let row = xLabelRow else { return }
    let end = min(rightEnd ?? plot.maxX, plot.maxX)
    let width = end - plot.x
    if left.count + 1 + right.count <= width {
      canvas.write(right, x: end - right.count, y: row)
    }
    if left.count <= width {
      canvas.write(left, x: plot.x, y: row)
    }
  }

  /// One entry of a legend: a coloured marker and the text after it.
  struct LegendItem {
    var marker: Character
    var color: TerminalColor
    var text: String
  }

  /// Writes the legend items on the legend row, each as the marker in its
  /// colour, a space and the text, separated by two spaces. Only the items
  /// that fit whole are written, from the first to the first that does not
  /// fit, because a cut value would read as a different one.
  func drawLegend(into canvas: inout Canvas, items: [LegendItem]) {
    guard let row = legendRow else { return }
    var column = rect.x
    for (index, item) in items.enumerated() {
      let separator = index > 0 ? "  " : ""
      guard column + separator.count + 2 + item.text.count <= rect.maxX else { return }
      column = canvas.write(separator, x: column, y: row)
      column = canvas.write(String(item.marker), x: column, y: row, foreground: item.color)
      column = canvas.write(" " + item.text, x: column, y: row)
    }
  }

  /// Writes `note` centred on the plot's middle row, cut to the plot's width.
  func drawNote(into canvas: inout Canvas, _ note: String, glyphs: Glyphs) {
    guard !plot.isEmpty else { return }
    let text = note.truncated(to: plot.width, ellipsis: glyphs.ellipsis)
    let column = plot.x + (plot.width - text.count) / 2
    canvas.write(text, x: column, y: plot.y + (plot.height - 1) / 2, clip: plot)
  }
}
