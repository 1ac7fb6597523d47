/// A one-row horizontal bar filled in proportion to a fraction, with an
/// optional label to its right.
///
/// The filled part is `glyphs.fullBlock` in `color` and the rest
/// `glyphs.shade` in `emptyColor`. The filled width is rounded down, so the
/// bar is full only at a fraction of 1.
public struct ProgressBar: Sendable {
  /// The share done, from 0 to 1. Values outside are clamped, and NaN draws
  /// an empty bar.
  public var fraction: Double
  /// Text after the bar, such as "epoch 3 of 20".
  public var label: String?
  public var color: TerminalColor
  public var emptyColor: TerminalColor

  /// The minimum number of cells the label may leave for the bar. With less
  /// room the label is dropped.
  public static let minimumBarWidth = 4

  public init(
    fraction: Double, label: String? = nil, color: TerminalColor = .green, emptyColor: TerminalColor = .gray
  ) {
    self.fraction = fraction
    self.label = label
    self.color = color
    self.emptyColor = emptyColor
  }

  /// Draws the bar on the top row of `rect`; nothing outside it changes.
  public func draw(into canvas: inout Canvas, in rect: Rect, glyphs: Glyphs) {
    guard !rect.isEmpty else { return }
    var barWidth = rect.width
    if let label, !label.isEmpty, rect.width - label.count - 1 >= Self.minimumBarWidth {
      barWidth = rect.width - label.count - 1
      canvas.write(" " + label, x: rect.x + barWidth, y: rect.y, clip: rect)
    }

    let clamped = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
    let filled = Int((clamped * Double(barWidth)).rounded(.down))
    let bar = Rect(x: rect.x, y: rect.y, width: barWidth, height: 1)
    canvas.write(String(repeating: glyphs.fullBlock, count: filled), x: rect.x, y: rect.y, foreground: color, clip: bar)
    canvas.write(
      String(repeating: glyphs.shade, count: barWidth - filled), x: rect.x + filled, y: rect.y,
      foreground: emptyColor, clip: bar)
  }
}
