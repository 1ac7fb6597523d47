import AnomagramCore
import Foundation

/// A histogram of reconstruction errors with one bar per class in each bin,
/// side by side, and a vertical line at the threshold.
///
/// Each bin gets the same number of columns: the left half shows the normal
/// count and the right half the abnormal count, in their own colours, so no
/// cell ever has to show both classes. Bars are built from eighth blocks
/// (`glyphs.lowerBlocks` and `glyphs.fullBlock`), which give 8 height steps
/// per row. A non-zero count is at least one step high, so a single sample
/// stays visible. When the plot has fewer than two columns per bin,
/// neighbouring bins are summed into groups that differ by at most one bin,
/// and columns left over at the right stay empty.
///
/// Without colour to distinguish the classes, `abnormalBlock` gives the
/// abnormal bars' full cells, and their legend marker, a glyph of their own.
///
/// The threshold line fills its whole column in `thresholdColor`, over any
/// bar there, so it stays visible at every height; it is drawn only when the
/// threshold lies within the histogram's range. The legend always shows the
/// threshold's value.
public struct HistogramChart: Sendable {
  /// The mapping from counts to bar heights.
  public enum Scale: Sendable {
    case linear
    /// Heights proportional to `log(1 + count)`, so a bin of a few abnormal
    /// samples stays visible next to one of thousands, and 0 stays 0.
    case log1p
  }

  public var histogram: ErrorHistogram
  /// The error above which a sample is predicted abnormal, or `nil` for no line.
  public var threshold: Float?
  public var countScale: Scale
  public var normalColor: TerminalColor
  public var abnormalColor: TerminalColor
  public var thresholdColor: TerminalColor
  public var axisColor: TerminalColor
  /// The glyph of the abnormal bars' full cells, or `nil` for `glyphs.fullBlock`.
  public var abnormalBlock: Character?

  public init(
    histogram: ErrorHistogram, threshold: Float? = nil, countScale: Scale = .linear,
    normalColor: TerminalColor = .green, abnormalColor: TerminalColor = .red,
    thresholdColor: TerminalColor = .yellow, axisColor: TerminalColor = .gray, abnormalBlock: Character? = nil
  ) {
    self.histogram = histogram
    self.threshold = threshold
    self.countScale = countScale
    self.normalColor = normalColor
    self.abnormalColor = abnormalColor
    self.thresholdColor = thresholdColor
    self.axisColor = axisColor
    self.abnormalBlock = abnormalBlock
  }

  /// Draws the chart inside `rect`; nothing outside it changes.
  public func draw(into canvas: inout Canvas, in rect: Rect, glyphs: Glyphs) {
    guard !rect.isEmpty else { return }
    let frame = Frame(chart: self, rect: rect)
    let layout = frame.layout
    layout.drawAxes(into: &canvas, glyphs: glyphs, color: axisColor)
    layout.drawYLabels(
      into: &canvas, top: frame.yLabels[0], middle: frame.yLabels.count == 3 ? frame.yLabels[1] : nil,
      bottom: frame.yLabels.last!)
    layout.drawLegend(into: &canvas, items: legendItems(glyphs: glyphs))

    let xLabels = ChartNumberFormat.distinctTexts([Double(histogram.lowerBound), Double(histogram.upperBound)])
    layout.drawXLabels(
      into: &canvas, left: xLabels[0], right: xLabels[1], rightEnd: layout.plot.x + frame.columns.usedWidth)
    if frame.columns.groupCount > 0 {
      drawBars(into: &canvas, frame: frame, glyphs: glyphs)
      drawThreshold(into: &canvas, plot: layout.plot, columns: frame.columns, glyphs: glyphs)
    }
    if !histogram.totalCounts.contains(where: { $0 > 0 }) {
      layout.drawNote(into: &canvas, "no data", glyphs: glyphs)
    }
  }

  /// The layout of one drawing: where the plot goes, how bins map to its
  /// columns, the counts of each group and the y labels.
  struct Frame {
    let layout: ChartLayout
    let columns: BinColumns
    /// The summed counts of each group of bins.
    let groupCounts: [(normal: Int, abnormal: Int)]
    /// The count at the top of the plot, at least 1.
    let topCount: Int
    let yLabels: [String]

    /// Lays out `chart` in `rect`.
    ///
    /// The y labels show the largest group count, which depends on the
    /// plot's width, which depends on the labels' width. So the label
    /// column starts 1 wide and is widened to the labels until they fit.
    /// It only grows, and no label is wider than one for the total count,
    /// so the loop ends.
    init(chart: HistogramChart, rect: Rect) {
      var labelWidth = 1
      while true {
        let layout = ChartLayout(rect: rect, yLabelWidth: labelWidth)
        let columns = BinColumns(binCount: chart.histogram.binCount, plotWidth: layout.plot.width)
        let groupCounts = (0..<columns.groupCount).map { group in
          let bins = columns.bins(ofGroup: group)
          return (
            normal: chart.histogram.normalCounts[bins].reduce(0, +),
            abnormal: chart.histogram.abnormalCounts[bins].reduce(0, +)
          )
        }
        // Without samples the axis still needs a span, and 0...1 is as good as any.
        let topCount = max(groupCounts.map { max($0.normal, $0.abnormal) }.max() ?? 0, 1)
        let yLabels = chart.yLabelTexts(topCount: topCount, plotRows: layout.plot.height)
        let neededWidth = yLabels.map(\.count).max() ?? 0
        if neededWidth <= labelWidth {
          self.layout = layout
          self.columns = columns
          self.groupCounts = groupCounts
          self.topCount = topCount
          self.yLabels = yLabels
          return
        }
        labelWidth = neededWidth
      }
    }
  }

  // MARK: - Layout of bins

  /// The mapping of bins to plot columns: `groupCount` groups of
  /// neighbouring bins, each `2 classWidth` columns wide.
  struct BinColumns {
    /// The number of groups drawn, at most one per bin.
    let groupCount: Int
    /// The columns of each class in a group.
    let classWidth: Int
    let binCount: Int

    init(binCount: Int, plotWidth: Int) {
      self.binCount = binCount
      groupCount = min(binCount, max(plotWidth, 0) / 2)
      classWidth = groupCount > 0 ? plotWidth / (2 * groupCount) : 0
    }

    /// The columns the groups cover, from the plot's left edge.
    var usedWidth: Int { groupCount * 2 * classWidth }

    /// Returns the bins of group `index`: `floor(index B / G) ..< floor((index + 1) B / G)`.
    func bins(ofGroup index: Int) -> Range<Int> {
      (index * binCount / groupCount)..<((index + 1) * binCount / groupCount)
    }

    /// Returns the group that contains `bin`.
    func group(ofBin bin: Int) -> Int {
      // The group is the largest g with floor(g B / G) <= bin, that is
      // g B < (bin + 1) G, so g = ceil((bin + 1) G / B) - 1.
      ((bin + 1) * groupCount - 1) / binCount
    }
  }

  // MARK: - Drawing

  /// Returns the top, (middle,) and bottom y labels, all whole counts,
  /// because bins hold whole numbers of rows. The middle label is the count
  /// at the centre of its row, rounded, or else rounded the other way, as
  /// long as that count's height lies in the row. It is left out when
  /// neither does or when it would repeat an end's count.
  private func yLabelTexts(topCount: Int, plotRows: Int) -> [String] {
    var values = [Double(topCount)]
    if let row = ChartLayout.middleLabelRow(plotRows: plotRows) {
      let fraction = (Double(plotRows - row) - 0.5) / Double(plotRows)
      let centre = unscaled(fraction * scaled(Double(topCount)))
      // The row's heights run from (rows - row - 1) / rows to (rows - row) / rows of the top.
      let rowFractions = Double(plotRows - row - 1) / Double(plotRows)..<Double(plotRows - row) / Double(plotRows)
      let middle = [centre.rounded(), centre.rounded(.down), centre.rounded(.up)].first { count in
        count > 0 && count < Double(topCount) && rowFractions.contains(scaled(count) / scaled(Double(topCount)))
      }
      if let middle {
        values.append(middle)
      }
    }
    values.append(0)
    return values.map { ChartNumberFormat.text($0) }
  }

  private func legendItems(glyphs: Glyphs) -> [ChartLayout.LegendItem] {
    var items = [
      ChartLayout.LegendItem(marker: glyphs.fullBlock, color: normalColor, text: "normal"),
      ChartLayout.LegendItem(marker: abnormalBlock ?? glyphs.fullBlock, color: abnormalColor, text: "abnormal"),
    ]
    if let threshold {
      var text = "threshold " + ChartNumberFormat.text(Double(threshold))
      if thresholdOnChart == nil {
        text += " (off chart)"
      }
      items.append(ChartLayout.LegendItem(marker: glyphs.vertical, color: thresholdColor, text: text))
    }
    return items
  }

  private func drawBars(into canvas: inout Canvas, frame: Frame, glyphs: Glyphs) {
    let plot = frame.layout.plot
    let classWidth = frame.columns.classWidth
    let steps = plot.height * 8
    for (group, counts) in frame.groupCounts.enumerated() {
      let normalHeight = barHeight(count: counts.normal, topCount: frame.topCount, steps: steps)
      let abnormalHeight = barHeight(count: counts.abnormal, topCount: frame.topCount, steps: steps)
      let left = plot.x + group * 2 * classWidth
      for offset in 0..<classWidth {
        drawBar(
          into: &canvas, column: left + offset, plot: plot, height: normalHeight, color: normalColor,
          fullBlock: glyphs.fullBlock, glyphs: glyphs)
        drawBar(
          into: &canvas, column: left + classWidth + offset, plot: plot, height: abnormalHeight,
          color: abnormalColor, fullBlock: abnormalBlock ?? glyphs.fullBlock, glyphs: glyphs)
      }
    }
  }

  /// Returns the height of a bar in eighths of a row, out of `steps`.
  private func barHeight(count: Int, topCount: Int, steps: Int) -> Int {
    guard count > 0 else { return 0 }
    let fraction = scaled(Double(count)) / scaled(Double(topCount))
    return max(1, Int((fraction * Double(steps)).rounded()))
  }

  /// Draws a bar `height` eighths high, from the plot's bottom row up,
  /// with `fullBlock` in its full cells.
  ///
  /// A bar with a `fullBlock` of its own (the abnormal bars without colour)
  /// is drawn in whole cells of it, rounded and at least one, because the
  /// eighth blocks of its top cell would look like the other class's.
  private func drawBar(
    into canvas: inout Canvas, column: Int, plot: Rect, height: Int, color: TerminalColor, fullBlock: Character,
    glyphs: Glyphs
  ) {
    if fullBlock != glyphs.fullBlock {
      let cells = height > 0 ? max(1, Int((Double(height) / 8).rounded())) : 0
      for rowFromBottom in 0..<min(cells, plot.height) {
        canvas.write(String(fullBlock), x: column, y: plot.maxY - 1 - rowFromBottom, foreground: color, clip: plot)
      }
      return
    }
    for rowFromBottom in 0..<plot.height {
      let eighths = min(height - 8 * rowFromBottom, 8)
      guard eighths > 0 else { break }
      let glyph = eighths == 8 ? fullBlock : glyphs.lowerBlocks[eighths - 1]
      canvas.write(String(glyph), x: column, y: plot.maxY - 1 - rowFromBottom, foreground: color, clip: plot)
    }
  }

  private func drawThreshold(into canvas: inout Canvas, plot: Rect, columns: BinColumns, glyphs: Glyphs) {
    guard let threshold = thresholdOnChart else { return }
    let offset = thresholdColumnOffset(threshold, columns: columns)
    for row in plot.y..<plot.maxY {
      canvas.write(String(glyphs.vertical), x: plot.x + offset, y: row, foreground: thresholdColor, clip: plot)
    }
  }

  /// The threshold when it lies within the histogram's range, else `nil`.
  private var thresholdOnChart: Float? {
    guard let threshold, threshold >= histogram.lowerBound, threshold <= histogram.upperBound else {
      return nil
    }
    return threshold
  }

  /// Returns the threshold's column, counted from the plot's left edge.
  ///
  /// Inside its bin group the column is proportional to where the
  /// threshold lies between the group's lower and upper edge.
  private func thresholdColumnOffset(_ threshold: Float, columns: BinColumns) -> Int {
    let group = columns.group(ofBin: histogram.binIndex(of: threshold))
    let bins = columns.bins(ofGroup: group)
    let lower = Double(histogram.edges(ofBin: bins.lowerBound).lower)
    let upper = Double(histogram.edges(ofBin: bins.upperBound - 1).upper)
    let groupWidth = 2 * columns.classWidth
    let fraction = upper > lower ? (Double(threshold) - lower) / (upper - lower) : 0
    let offset = min(max(Int(fraction * Double(groupWidth)), 0), groupWidth - 1)
    return group * groupWidth + offset
  }

  private func scaled(_ count: Double) -> Double {
    countScale == .log1p ? Foundation.log1p(count) : count
  }

  private func unscaled(_ height: Double) -> Double {
    countScale == .log1p ? expm1(height) : height
  }
}
