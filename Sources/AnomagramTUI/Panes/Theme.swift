/// The colours the screens use for each kind of thing, so that normal and
/// abnormal, training and validation look the same on every chart.
public enum Theme {
  public static let normal = TerminalColor.cyan
  public static let abnormal = TerminalColor.orange
  public static let threshold = TerminalColor.yellow
  public static let trainingLoss = TerminalColor.cyan
  public static let validationLoss = TerminalColor.magenta
  public static let baseline = TerminalColor.gray
  public static let focusedBorder = TerminalColor.green
  public static let border = TerminalColor.gray
  public static let good = TerminalColor.green
  public static let warning = TerminalColor.yellow
  public static let error = TerminalColor.red
  public static let muted = TerminalColor.gray
  /// The Explore screen's signal, its reconstruction and the error of each point.
  public static let input = TerminalColor.cyan
  public static let reconstruction = TerminalColor.magenta
  public static let pointError = TerminalColor.orange
}

// MARK: - Without colour

/// Glyphs for terminals without colour (`ColorSupport.none`, as with
/// `NO_COLOR` set or `TERM=vt100`), so that series that differ only in
/// colour get glyphs of their own. With colours these return the coloured look's
/// glyphs, so that look stays as it is.
extension Theme {
  /// Returns the glyph of the full cells of abnormal histogram bars, and
  /// of their legend marker: `▒` (`+` in ASCII) without colour, and `nil`
  /// (the full block) with it.
  static func abnormalBlock(colors: ColorSupport, glyphs: Glyphs) -> Character? {
    guard colors == .none else { return nil }
    return glyphs.isUnicode ? "▒" : "+"
  }

  /// Returns the pattern of a chart's second line (the validation loss,
  /// the reconstruction): dotted without colour, solid with it.
  static func secondLinePattern(colors: ColorSupport) -> BrailleGrid.LinePattern {
    colors == .none ? .dotted : .solid
  }

  /// Returns the character that abnormal points of the bottleneck plot
  /// show in place of Braille dots: `x` without colour, `nil` (dots) with it.
  static func abnormalPointMark(colors: ColorSupport) -> Character? {
    colors == .none ? "x" : nil
  }
}
