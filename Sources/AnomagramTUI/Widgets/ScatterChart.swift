/// A scatter plot of groups of points drawn with Braille dots, one dot per
/// point, with an optional marker over one position.
///
/// The whole rectangle is the plot: there are no axes or labels, because
/// the coordinates it shows (bottleneck codes, principal components) have
/// no units worth reading. Each cell has one colour, so where groups share
/// a cell the later group colours it; put the group that must stand out
/// last. Points that are NaN or infinite are skipped. The marker is drawn
/// as `glyphs.marker` in the cell of its position, held at the plot's edge
/// when it lies outside the ranges.
public struct ScatterChart: Sendable {
  /// Points drawn in one colour.
  public struct Group: Sendable {
    public var points: [(x: Double, y: Double)]
    public var color: TerminalColor
    /// A character the cells of these points show in place of Braille
    /// dots, so groups differ without colour; `nil` for dots.
    public var mark: Character?

    public init(points: [(x: Double, y: Double)], color: TerminalColor, mark: Character? = nil) {
      self.points = points
      self.color = color
      self.mark = mark
    }
  }

  public var groups: [Group]
  /// The x and y values at the plot's left and right, bottom and top edges.
  public var xRange: ClosedRange<Double>
  public var yRange: ClosedRange<Double>
  /// A position to mark, or `nil` for none.
  public var marker: (x: Double, y: Double)?
  public var markerColor: TerminalColor

  /// Creates a chart whose ranges span every group's points (see
  /// `paddedRange(of:)`); the marker does not widen them.
  public init(groups: [Group], marker: (x: Double, y: Double)? = nil, markerColor: TerminalColor = .yellow) {
    let points = groups.flatMap(\.points)
    self.groups = groups
    xRange = Self.paddedRange(of: points.map(\.x))
    yRange = Self.paddedRange(of: points.map(\.y))
    self.marker = marker
    self.markerColor = markerColor
  }

  /// Returns the range of the finite `values` widened by 5 % of its span on
  /// each side, so no point sits on the frame. Equal values get ± 1 around
  /// them and no values 0...1.
  public static func paddedRange(of values: [Double]) -> ClosedRange<Double> {
    let finite = values.filter(\.isFinite)
    guard let lowest = finite.min(), let highest = finite.max() else { return 0...1 }
    guard highest > lowest else { return (lowest - 1)...(highest + 1) }
    let padding = (highest - lowest) * 0.05
    return (lowest - padding)...(highest + padding)
  }

  /// Returns the fractional dot of `point` in a grid of `size` cells:
  /// `xRange`'s ends at the first and last dot columns, `yRange`'s top at
  /// the first dot row.
  func dot(_ point: (x: Double, y: Double), size: Size) -> (x: Double, y: Double) {
    let xSpan = xRange.upperBound - xRange.lowerBound
    let ySpan = yRange.upperBound - yRange.lowerBound
    let x = xSpan > 0 ? (point.x - xRange.lowerBound) / xSpan : 0.5
    let y = ySpan > 0 ? (yRange.upperBound - point.y) / ySpan : 0.5
    return (x * Double(2 * size.width - 1), y * Double(4 * size.height - 1))
  }

  /// Draws the chart inside `rect`; nothing outside it changes.
  public func draw(into canvas: inout Canvas, in rect: Rect, glyphs: Glyphs) {
    guard !rect.isEmpty else { return }
    let size = Size(width: rect.width, height: rect.height)
    var grid = BrailleGrid(width: rect.width, height: rect.height)
    for group in groups {
      for point in group.points where point.x.isFinite && point.y.isFinite {
        grid.set(point: dot(point, size: size), color: group.color, mark: group.mark)
      }
    }
    grid.draw(into: &canvas, x: rect.x, y: rect.y, glyphs: glyphs)

    guard let marker, marker.x.isFinite, marker.y.isFinite else { return }
    // Holding the dot inside the grid first keeps `Int(_:)` from trapping
    // on a marker far outside the ranges.
    let markerDot = dot(marker, size: size)
    let dotX = min(max(markerDot.x.rounded(), 0), Double(2 * rect.width - 1))
    let dotY = min(max(markerDot.y.rounded(), 0), Double(4 * rect.height - 1))
    let column = Int(dotX) / 2
    let row = Int(dotY) / 4
    canvas.write(
      String(glyphs.marker), x: rect.x + column, y: rect.y + row, foreground: markerColor, style: .bold, clip: rect)
  }
}
