/// A one-row chart of a series, one lower-block glyph per column, such as a
/// heartbeat next to its entry in a list.
///
/// The 8 heights are `glyphs.lowerBlocks` (1/8 to 7/8 of a cell) and
/// `glyphs.fullBlock`. The lowest value gets the 1/8 block and the highest
/// the full block. A series longer than the rectangle is wide is averaged
/// over equal runs of values, one run per column; a shorter one takes one
/// column per value from the left. NaN and infinite values are skipped: a
/// column with no finite value is left as it is.
public struct Sparkline: Sendable {
  public var values: [Double]
  /// The values of the lowest and highest glyph, or `nil` for the smallest
  /// and largest column value. Values outside it are drawn at its ends.
  public var range: ClosedRange<Double>?
  public var color: TerminalColor

  /// Creates a sparkline; a given range must have finite bounds.
  public init(values: [Double], range: ClosedRange<Double>? = nil, color: TerminalColor = .default) {
    if let range {
      precondition(
        range.lowerBound.isFinite && range.upperBound.isFinite, "A sparkline's range must be finite, got \(range)")
    }
    self.values = values
    self.range = range
    self.color = color
  }

  /// Draws the sparkline on the top row of `rect`; nothing outside it changes.
  public func draw(into canvas: inout Canvas, in rect: Rect, glyphs: Glyphs) {
    guard !rect.isEmpty else { return }
    let columns = columnValues(width: rect.width)
    let finite = columns.compactMap { $0 }
    guard let lowest = range?.lowerBound ?? finite.min(), let highest = range?.upperBound ?? finite.max() else {
      return
    }
    let heights = glyphs.lowerBlocks + [glyphs.fullBlock]
    for (offset, value) in columns.enumerated() {
      guard let value else { continue }
      let level = Self.level(of: value, lowest: lowest, highest: highest, levels: heights.count)
      canvas.write(String(heights[level]), x: rect.x + offset, y: rect.y, foreground: color, clip: rect)
    }
  }

  /// Returns the value of each column: the mean of the finite values in its
  /// run, or `nil` when the run has none. There are `min(width, count)` columns.
  func columnValues(width: Int) -> [Double?] {
    guard values.count > width else {
      return values.map { $0.isFinite ? $0 : nil }
    }
    return (0..<width).map { column in
      let run = values[(column * values.count / width)..<((column + 1) * values.count / width)]
      let finite = run.filter(\.isFinite)
      return finite.isEmpty ? nil : finite.reduce(0, +) / Double(finite.count)
    }
  }

  /// Returns the glyph level, from 0 to `levels - 1`, of `value`. When
  /// `lowest == highest`, every value gets the middle level, a flat line.
  private static func level(of value: Double, lowest: Double, highest: Double, levels: Int) -> Int {
    guard highest > lowest else { return (levels - 1) / 2 }
    // Halving each term keeps `highest - lowest` finite for any finite ends.
    let fraction = (value / 2 - lowest / 2) / (highest / 2 - lowest / 2)
    let level = (fraction * Double(levels - 1)).rounded()
    return Int(min(max(level, 0), Double(levels - 1)))
  }
}
