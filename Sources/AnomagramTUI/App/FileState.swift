import AnomagramCore

/// The app state's part for opening and saving files: the prompt or
/// question shown, how data files are read, and the paths used last.
public struct FileState: Sendable {
  /// The text input shown, or `nil`.
  public var prompt: PathPrompt?
  /// The yes-or-no question shown, or `nil`.
  public var question: FileQuestion?
  /// Whether a data file's first row is a header, as `--header` and
  /// `--no-header` set it at launch.
  public var header: HeaderMode = .detect
  /// The label column typed last, as the command line writes it; the
  /// label column prompt starts with it.
  public var labelColumn = "first"
  /// The data file opened last, which the data prompt starts with.
  public var lastDataPath = ""
  /// The model file opened or saved last, which the model prompts start with.
  public var lastModelPath = ""
  /// Counts the data sets opened, so that a model evaluated on data since
  /// replaced can be recognised (see `FileCommand.evaluateModel`).
  public var dataGeneration = 0

  public init() {}

  /// The file name the save prompt starts with when no model file was used yet.
  public static let defaultModelPath = "anomagram-model.json"
  /// The file name the export prompt starts with.
  public static let defaultRunsPath = "anomagram-runs.csv"
}

/// A yes-or-no question about a file, such as whether to overwrite it, or
/// a report of a failed file operation that any key closes.
public struct FileQuestion: Equatable, Sendable {
  /// The effect of `y`.
  public enum Action: Equatable, Sendable {
    /// Nothing: the window reports an error, and any key closes it.
    case acknowledge
    /// Opens a prompt whose result ends the run that is training.
    case openPrompt(PathPrompt.Purpose)
    /// Carries out a write again, allowed to replace the existing file.
    case overwrite(FileCommand)
  }

  public var title: String
  /// The text, wrapped to the window's width when drawn.
  public var text: String
  public var action: Action
  /// The footer's name for the effect of `y`, unused by `acknowledge`.
  public var yesLabel: String

  public init(title: String, text: String, action: Action, yesLabel: String = "") {
    self.title = title
    self.text = text
    self.action = action
    self.yesLabel = yesLabel
  }

  /// Returns a window reporting that `title` failed because of `message`.
  static func failure(_ title: String, _ message: String) -> FileQuestion {
    FileQuestion(title: title, text: message, action: .acknowledge)
  }
}

extension AppState {
  /// Whether a file prompt or question is open, which takes every key.
  public var isShowingFileDialog: Bool {
    files.prompt != nil || files.question != nil
  }
}
