import Foundation

/// A problem with one field of a JSON file.
public enum FieldProblem: Sendable, Equatable {
  /// The field is absent.
  case missing
  /// The field has another kind of value, for example a string where a number belongs.
  case wrongType(expected: String, found: String)
  /// A list has the wrong number of elements.
  case wrongCount(expected: Int, found: Int, unit: String)
  /// A value is out of range or not one of the allowed values.
  case invalid(expected: String, found: String)
  /// A value fails a check that a sentence explains, for example "Epochs must be at least 1, got 0."
  case rejected(reason: String)

  /// Returns the problem as the end of a sentence that starts with the field's path.
  func phrase(field: String) -> String {
    switch self {
    case .missing:
      return "\(field) is missing"
    case .wrongType(let expected, let found):
      return "\(field) is \(found), expected \(expected)"
    case .wrongCount(let expected, let found, let unit):
      return "\(field) has \(found) \(unit), expected \(expected)"
    case .invalid(let expected, let found):
      return "\(field) is \(found), expected \(expected)"
    case .rejected(let reason):
      // The reason is a sentence of its own, so it keeps its capital letter.
      return "\(field) is invalid. \(reason)"
    }
  }
}

/// A field of a JSON file that fails a check, named by its path.
struct JSONFieldError: Error, Equatable {
  /// The path from the top of the document, for example `layers[2].kernel`.
  var field: String
  var problem: FieldProblem
}

/// A value in a parsed JSON document together with its path, so that every
/// check can name the field that failed.
///
/// Paths use dots for members and brackets for array elements:
/// `layers[2].kernel`. The document itself has the path `(top level)`.
struct JSONNode {
  let value: JSONValue
  let path: String

  init(_ value: JSONValue, path: String = "") {
    self.value = value
    self.path = path
  }

  /// The path for messages.
  var displayPath: String { path.isEmpty ? "(top level)" : path }

  // MARK: - Members and elements

  /// Returns the member `key`, and throws when it is absent.
  func member(_ key: String) throws(JSONFieldError) -> JSONNode {
    let members = try objectMembers()
    guard let value = members.first(where: { $0.key == key })?.value else {
      throw JSONFieldError(field: childPath(key), problem: .missing)
    }
    return JSONNode(value, path: childPath(key))
  }

  /// Returns the member `key`, or `nil` when it is absent or null.
  func optionalMember(_ key: String) throws(JSONFieldError) -> JSONNode? {
    let members = try objectMembers()
    guard let value = members.first(where: { $0.key == key })?.value, value != .null else { return nil }
    return JSONNode(value, path: childPath(key))
  }

  /// Returns whether this is an object that has the member `key`, null or not.
  func hasMember(_ key: String) -> Bool {
    value[key] != nil
  }

  /// Returns the elements of an array, each with its own path.
  func elements() throws(JSONFieldError) -> [JSONNode] {
    guard case .array(let elements) = value else { throw typeError(expected: "an array") }
    return elements.enumerated().map { index, element in JSONNode(element, path: "\(displayPath)[\(index)]") }
  }

  /// Returns the elements of an array, which must have exactly `count` of them.
  func elements(count: Int, unit: String = "elements") throws(JSONFieldError) -> [JSONNode] {
    let elements = try elements()
    guard elements.count == count else {
      throw JSONFieldError(field: displayPath, problem: .wrongCount(expected: count, found: elements.count, unit: unit))
    }
    return elements
  }

  private func objectMembers() throws(JSONFieldError) -> [(key: String, value: JSONValue)] {
    guard case .object(let members) = value else { throw typeError(expected: "an object") }
    return members
  }

  private func childPath(_ key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
  }

  // MARK: - Scalars

  func string() throws(JSONFieldError) -> String {
    guard case .string(let string) = value else { throw typeError(expected: "a string") }
    return string
  }

  func bool() throws(JSONFieldError) -> Bool {
    guard case .bool(let bool) = value else { throw typeError(expected: "true or false") }
    return bool
  }

  /// Returns a whole number written without a fraction or exponent.
  func int() throws(JSONFieldError) -> Int {
    guard case .number(let text) = value else { throw typeError(expected: "a whole number") }
    guard let number = Int(text) else { throw invalid(expected: "a whole number", found: text) }
    return number
  }

  /// Returns a whole number in `range`.
  func int(in range: ClosedRange<Int>) throws(JSONFieldError) -> Int {
    let number = try int()
    guard range.contains(number) else {
      throw invalid(expected: "a whole number from \(range.lowerBound) to \(range.upperBound)", found: String(number))
    }
    return number
  }

  /// Returns a finite number that fits in `Float`, read from its text with one rounding.
  func float() throws(JSONFieldError) -> Float {
    guard case .number(let text) = value else { throw typeError(expected: "a number") }
    guard let number = Float(text), number.isFinite else {
      throw invalid(expected: "a finite number within the range of a 32-bit float", found: text)
    }
    return number
  }

  /// Returns a list of finite numbers of length `count`.
  func floats(count: Int) throws(JSONFieldError) -> [Float] {
    var values: [Float] = []
    values.reserveCapacity(count)
    for element in try elements(count: count, unit: "numbers") {
      values.append(try element.float())
    }
    return values
  }

  // MARK: - Errors

  func invalid(expected: String, found: String) -> JSONFieldError {
    JSONFieldError(field: displayPath, problem: .invalid(expected: expected, found: found))
  }

  func typeError(expected: String) -> JSONFieldError {
    JSONFieldError(field: displayPath, problem: .wrongType(expected: expected, found: value.kindDescription))
  }
}

// MARK: - Codable values inside a document

extension JSONValue {
  /// Encodes `value` with `JSONEncoder`, keys sorted, and parses the result into a tree.
  static func encoding<T: Encodable>(_ value: T) -> JSONValue {
    do {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      let data = try encoder.encode(value)
      return try JSONParser.parse(Array(data))
    } catch {
      // Only a non-finite float can make JSONEncoder fail, and the engine's
      // configuration types are validated to be finite before saving.
      preconditionFailure("Cannot encode \(T.self) as JSON: \(error)")
    }
  }
}

extension JSONNode {
  /// Decodes this node with `JSONDecoder`, turning a decoding error into a
  /// `JSONFieldError` that names the field below this node.
  func decoded<T: Decodable>(as type: T.Type) throws(JSONFieldError) -> T {
    do {
      return try JSONDecoder().decode(T.self, from: Data(value.compact().utf8))
    } catch let error as DecodingError {
      throw fieldError(for: error)
    } catch {
      throw JSONFieldError(field: displayPath, problem: .rejected(reason: "\(error)"))
    }
  }

  private func fieldError(for error: DecodingError) -> JSONFieldError {
    func fieldPath(_ codingPath: [any CodingKey]) -> String {
      var result = displayPath
      for key in codingPath {
        result += key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
      }
      return result
    }
    switch error {
    case .keyNotFound(let key, let context):
      return JSONFieldError(field: fieldPath(context.codingPath + [key]), problem: .missing)
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return JSONFieldError(field: fieldPath(context.codingPath), problem: .rejected(reason: context.debugDescription))
    @unknown default:
      return JSONFieldError(field: displayPath, problem: .rejected(reason: "\(error)"))
    }
  }
}
