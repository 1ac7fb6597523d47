/// A one-line text input shown over the screen: a path to open or save,
/// with Tab completion, or a short answer such as a label column.
public struct PathPrompt: Equatable, Sendable {
  /// The value the prompt requests.
  public enum Purpose: Equatable, Sendable {
    /// The path of a data file to open.
    case openData
    /// The label column of the data file at this path, before it is read.
    case labelColumn(path: String)
    /// The labels that count as normal in the data just opened; `present`
    /// lists the labels of its rows with their row counts.
    case normalLabels(present: [LabelCount])
    /// The path of a model file to open.
    case openModel
    /// The path to save the current model to.
    case saveModel
    /// The path to write the run history to, as CSV.
    case exportRuns

    /// The prompt's title.
    public var title: String {
      switch self {
      case .openData: "Open a data file"
      case .labelColumn: "Label column"
      case .normalLabels: "Normal labels"
      case .openModel: "Open a model file"
      case .saveModel: "Save the model"
      case .exportRuns: "Export the run history as CSV"
      }
    }

    /// Whether the text is a path, which Tab completes.
    public var takesPath: Bool {
      switch self {
      case .openData, .openModel, .saveModel, .exportRuns: true
      case .labelColumn, .normalLabels: false
      }
    }

    /// The footer's name for what Enter does.
    public var acceptAction: String {
      switch self {
      case .openData: "next"
      case .labelColumn, .openModel: "open"
      case .normalLabels: "set"
      case .saveModel, .exportRuns: "save"
      }
    }
  }

  public var purpose: Purpose
  public var text: String
  /// The cursor's position in `text`, in characters, from 0 to `text.count`.
  public var cursor: Int
  /// The matches of the last Tab that left a choice, at most `maximumCandidates`.
  public var candidates: [String] = []
  /// How many matches did not fit in `candidates`.
  public var moreCandidates = 0
  /// A line under the input: why the text was rejected, or what Tab found.
  public var message: String?
  /// Whether `message` is an error.
  public var isError = false
  /// The text that a Tab is waiting for a folder listing of; `nil` when none is.
  public var completionRequest: String?

  /// Opens a prompt with `text` typed and the cursor after it.
  public init(purpose: Purpose, text: String = "") {
    self.purpose = purpose
    self.text = text
    cursor = text.count
  }

  /// The maximum number of matches shown under the input.
  static let maximumCandidates = 8
  /// The maximum length of the text, in characters: Linux's `PATH_MAX`.
  static let maximumLength = 4096

  // MARK: - Editing

  /// Inserts `character` at the cursor.
  mutating func insert(_ character: Character) {
    let index = text.index(text.startIndex, offsetBy: cursor)
    let countBefore = text.count
    text.insert(character, at: index)
    // A combining mark joins the character before it, so the count (and
    // the cursor) may not grow.
    cursor += text.count - countBefore
    edited()
  }

  /// Deletes the character before the cursor (Backspace).
  mutating func deleteBackward() {
    guard cursor > 0 else { return }
    let index = text.index(text.startIndex, offsetBy: cursor - 1)
    text.remove(at: index)
    cursor -= 1
    edited()
  }

  /// Deletes the character under the cursor (Delete).
  mutating func deleteForward() {
    guard cursor < text.count else { return }
    text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    edited()
  }

  /// Clears the text (Ctrl-U).
  mutating func clear() {
    text = ""
    cursor = 0
    edited()
  }

  /// Moves the cursor by `offset` characters, stopping at the ends.
  mutating func moveCursor(by offset: Int) {
    cursor = min(max(cursor + offset, 0), text.count)
  }

  /// Replaces the text, with the cursor at its end, and keeps the matches shown.
  mutating func replaceText(with newText: String) {
    text = newText
    cursor = newText.count
    completionRequest = nil
  }

  /// Forgets what a Tab showed and any error, because the text changed.
  private mutating func edited() {
    candidates = []
    moreCandidates = 0
    message = nil
    isError = false
    completionRequest = nil
  }

  /// Shows `message` under the input as an error.
  mutating func reject(_ message: String) {
    self.message = message
    isError = true
  }
}

/// A class label and the number of rows that have it.
public struct LabelCount: Equatable, Sendable {
  public var label: String
  public var count: Int

  public init(label: String, count: Int) {
    self.label = label
    self.count = count
  }
}
