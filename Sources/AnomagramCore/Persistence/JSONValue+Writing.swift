extension JSONValue {
  /// Returns the value as JSON text: objects one member per line, indented by two
  /// spaces, and arrays of numbers, strings, booleans and nulls on one line,
  /// so that long lists of numbers stay compact. The text ends with a line
  /// feed.
  func formatted() -> String {
    var text = ""
    write(to: &text, indent: 0)
    return text + "\n"
  }

  /// Returns the value as JSON text on one line, without spaces.
  func compact() -> String {
    switch self {
    case .null, .bool, .number, .string:
      return scalarText()
    case .array(let elements):
      return "[" + elements.map { $0.compact() }.joined(separator: ",") + "]"
    case .object(let members):
      return "{" + members.map { Self.quoted($0.key) + ":" + $0.value.compact() }.joined(separator: ",") + "}"
    }
  }

  private func write(to text: inout String, indent: Int) {
    let padding = String(repeating: " ", count: indent + 2)
    switch self {
    case .null, .bool, .number, .string:
      text += scalarText()
    case .array(let elements) where elements.allSatisfy(\.isScalar):
      text += "[" + elements.map { $0.scalarText() }.joined(separator: ", ") + "]"
    case .array(let elements):
      text += "[\n"
      for (index, element) in elements.enumerated() {
        text += padding
        element.write(to: &text, indent: indent + 2)
        text += index == elements.count - 1 ? "\n" : ",\n"
      }
      text += String(repeating: " ", count: indent) + "]"
    case .object(let members) where members.isEmpty:
      text += "{}"
    case .object(let members):
      text += "{\n"
      for (index, member) in members.enumerated() {
        text += padding + Self.quoted(member.key) + ": "
        member.value.write(to: &text, indent: indent + 2)
        text += index == members.count - 1 ? "\n" : ",\n"
      }
      text += String(repeating: " ", count: indent) + "}"
    }
  }

  private var isScalar: Bool {
    switch self {
    case .null, .bool, .number, .string: true
    case .array, .object: false
    }
  }

  private func scalarText() -> String {
    switch self {
    case .null: "null"
    case .bool(let value): value ? "true" : "false"
    case .number(let text): text
    case .string(let value): Self.quoted(value)
    case .array, .object: preconditionFailure("\(kindDescription) is not a scalar")
    }
  }

  /// `string` in double quotes, with quotes, backslashes and control
  /// characters escaped. Other characters are written as UTF-8.
  static func quoted(_ string: String) -> String {
    var result = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20:
        let digits = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
