/// A command line that cannot be run as written: an unknown option, a
/// missing value or a value out of range. Commands exit with status 2.
public struct UsageError: Error, CustomStringConvertible, Equatable {
  public let message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }

  /// The standard message for an option whose value is out of range.
  static func invalid(_ option: String, _ value: String, expected: String) -> UsageError {
    UsageError("Invalid value \"\(value)\" for \(option): expected \(expected).")
  }
}
