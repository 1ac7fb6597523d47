/// Walks through command-line arguments of the forms `--name value`,
/// `--name=value` and `--flag`.
struct ArgumentScanner {
  private let arguments: [String]
  private var index = 0
  /// The value written after `=` in the option just read, if any.
  private var inlineValue: String?
  /// The option just read, for messages.
  private(set) var currentOption = ""

  init(_ arguments: [String]) {
    self.arguments = arguments
  }

  /// The next option's name including its dashes, or `nil` at the end.
  mutating func nextOption() throws(UsageError) -> String? {
    guard index < arguments.count else { return nil }
    let argument = arguments[index]
    index += 1
    guard argument.hasPrefix("-"), argument.count > 1 else {
      throw UsageError("Unexpected argument \"\(argument)\". Options start with \"--\"; see --help.")
    }
    if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
      currentOption = String(argument[..<equals])
      inlineValue = String(argument[argument.index(after: equals)...])
    } else {
      currentOption = argument
      inlineValue = nil
    }
    return currentOption
  }

  /// The value of the option just read.
  ///
  /// A following argument that looks like an option, "--" and a name or "-"
  /// and a letter, is taken as the next option, not as this one's value, so
  /// `--save --json` and `--save -q` are reported as a missing value. Such a
  /// value can still be given as `--save=--json`. Negative numbers and "-"
  /// alone are read as values.
  mutating func value() throws(UsageError) -> String {
    if let inlineValue {
      self.inlineValue = nil
      return inlineValue
    }
    guard index < arguments.count else {
      throw UsageError("Missing value for \(currentOption); see --help.")
    }
    let value = arguments[index]
    if Self.looksLikeOption(value) {
      throw UsageError(
        "Missing value for \(currentOption): the next argument, \(value), is an option. "
          + "Write \(currentOption)=VALUE for a value that starts with a dash.")
    }
    index += 1
    return value
  }

  /// Returns whether `argument` is "--" and a name, or "-" and a letter.
  static func looksLikeOption(_ argument: String) -> Bool {
    let characters = Array(argument)
    guard characters.count >= 2, characters[0] == "-" else { return false }
    return characters[1] == "-" ? characters.count > 2 : characters[1].isLetter
  }

  /// Fails when a flag was written with `=value`.
  mutating func expectNoValue() throws(UsageError) {
    if let inlineValue {
      throw UsageError("\(currentOption) takes no value, got \"\(inlineValue)\".")
    }
  }
}
