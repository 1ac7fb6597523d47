/// A JSON document as a tree, with object members in file order and each
/// number kept as the text it was written as.
///
/// Keeping the text lets a reader convert a number straight to the type it
/// needs (`Float("0.1")` rounds once, where going through `Double` would round
/// twice) and lets an integer such as a 64-bit seed pass through unchanged.
/// The model-file and TensorFlow.js readers use it instead of
/// `JSONSerialization` for that reason and so that every error can name its
/// field.
indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// The number's text, which the parser has checked against the JSON grammar.
  case number(String)
  case string(String)
  case array([JSONValue])
  /// Members in file order. Keys are unique, because the parser rejects duplicates.
  case object([(key: String, value: JSONValue)])

  static func == (first: JSONValue, second: JSONValue) -> Bool {
    switch (first, second) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: return false
    }
  }

  /// Returns a number written as Swift's shortest text that reads back as the same
  /// `Float`, for example `0.1` or `1e-07`.
  ///
  /// `value` must be finite, because JSON has no text for NaN or infinity.
  static func number(_ value: Float) -> JSONValue {
    precondition(value.isFinite, "JSON has no number for \(value)")
    return .number(value.description)
  }

  static func number(_ value: Int) -> JSONValue {
    .number(String(value))
  }

  /// The value of `key` when this is an object that has it.
  subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// A phrase naming the kind of value, for messages: "a string", "null".
  var kindDescription: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}
