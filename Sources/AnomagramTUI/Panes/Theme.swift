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
