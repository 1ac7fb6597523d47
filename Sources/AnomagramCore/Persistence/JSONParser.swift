/// Text that is not valid JSON, with the 1-based line and column of the
/// first byte at fault. Columns count bytes, so they equal characters on
/// lines of ASCII text.
struct JSONSyntaxError: Error, Equatable {
  var line: Int
  var column: Int
  /// The problem, as a phrase: "unexpected end of the file".
  var reason: String
}

/// Parses JSON text (RFC 8259) into a `JSONValue`.
///
/// The parser is strict: no comments, no trailing commas, no duplicate keys,
/// no bare control characters in strings, no bytes that are not UTF-8 and
/// nothing but whitespace after the value. A UTF-8 byte-order mark at the
/// start is skipped. Nesting deeper than `maximumDepth` is rejected, so a
/// damaged or hostile file cannot exhaust the stack.
struct JSONParser {
  static let maximumDepth = 200

  private let bytes: [UInt8]
  private var position = 0
  private var depth = 0

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Parses one JSON document.
  static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    var parser = JSONParser(bytes: bytes)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      parser.position = 3
    }
    parser.skipWhitespace()
    let value = try parser.parseValue()
    parser.skipWhitespace()
    if parser.position < bytes.count {
      throw parser.error("unexpected text after the end of the JSON value")
    }
    return value
  }

  // MARK: - Values

  private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
    guard let byte = peek() else { throw error("unexpected end of the file") }
    switch byte {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    default: throw error("unexpected character \(describe(byte)), expected a JSON value")
    }
  }

  private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
    try enterContainer()
    position += 1
    var members: [(key: String, value: JSONValue)] = []
    var keys = Set<String>()
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      position += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard peek() == UInt8(ascii: "\"") else { throw unexpected(expected: "a quoted member name") }
      let keyStart = position
      let key = try parseString()
      guard keys.insert(key).inserted else {
        throw error("duplicate member name \(key.debugDescription)", at: keyStart)
      }
      skipWhitespace()
      guard peek() == UInt8(ascii: ":") else { throw unexpected(expected: "\":\" after a member name") }
      position += 1
      skipWhitespace()
      members.append((key, try parseValue()))
      skipWhitespace()
      if try endOfContainer(closing: "}") { break }
    }
    return .object(members)
  }

  private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
    try enterContainer()
    position += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      position += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue())
      skipWhitespace()
      if try endOfContainer(closing: "]") { break }
    }
    return .array(elements)
  }

  private mutating func enterContainer() throws(JSONSyntaxError) {
    depth += 1
    if depth > Self.maximumDepth {
      throw error("values are nested more than \(Self.maximumDepth) levels deep")
    }
  }

  /// Consumes a comma and returns false, or consumes `closing` and returns true.
  private mutating func endOfContainer(closing: Unicode.Scalar) throws(JSONSyntaxError) -> Bool {
    switch peek() {
    case UInt8(ascii: ","):
      position += 1
      return false
    case UInt8(ascii: closing):
      position += 1
      depth -= 1
      return true
    default:
      throw unexpected(expected: "\",\" or \"\(closing)\"")
    }
  }

  private mutating func parseLiteral(_ text: String, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
    let literal = Array(text.utf8)
    guard bytes[position...].starts(with: literal) else {
      throw error("invalid literal, expected \(text)")
    }
    position += literal.count
    return value
  }

  // MARK: - Numbers

  /// Reads `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` and returns its text.
  private mutating func parseNumber() throws(JSONSyntaxError) -> String {
    let start = position
    if peek() == UInt8(ascii: "-") { position += 1 }
    if peek() == UInt8(ascii: "0") {
      position += 1
    } else {
      try digits(in: "the integer part")
    }
    if peek() == UInt8(ascii: ".") {
      position += 1
      try digits(in: "the fraction")
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      position += 1
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
      try digits(in: "the exponent")
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  private mutating func digits(in part: String) throws(JSONSyntaxError) {
    let start = position
    while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
      position += 1
    }
    if position == start {
      throw unexpected(expected: "a digit in \(part) of a number")
    }
  }

  // MARK: - Strings

  private mutating func parseString() throws(JSONSyntaxError) -> String {
    let start = position
    position += 1
    var utf8: [UInt8] = []
    while true {
      guard let byte = peek() else { throw error("unexpected end of the file inside a string") }
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        guard let string = String(validating: utf8, as: UTF8.self) else {
          throw error("a string contains bytes that are not valid UTF-8", at: start)
        }
        return string
      case UInt8(ascii: "\\"):
        position += 1
        try parseEscape(into: &utf8)
      case 0..<0x20:
        throw error("control character \(describe(byte)) inside a string; write it as an escape such as \\n")
      default:
        utf8.append(byte)
        position += 1
      }
    }
  }

  private mutating func parseEscape(into utf8: inout [UInt8]) throws(JSONSyntaxError) {
    guard let byte = peek() else { throw error("unexpected end of the file inside a string") }
    position += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
    case UInt8(ascii: "b"): utf8.append(0x08)
    case UInt8(ascii: "f"): utf8.append(0x0C)
    case UInt8(ascii: "n"): utf8.append(0x0A)
    case UInt8(ascii: "r"): utf8.append(0x0D)
    case UInt8(ascii: "t"): utf8.append(0x09)
    case UInt8(ascii: "u"): utf8.append(contentsOf: try parseUnicodeEscape())
    default: throw error("invalid escape \\\(describe(byte)) in a string", at: position - 2)
    }
  }

  /// Reads the hex digits after `\u`, and a second `\uXXXX` when the first is
  /// a high surrogate, and returns the character's UTF-8 bytes.
  private mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> [UInt8] {
    let escapeStart = position - 2
    let first = try hexQuad()
    var scalarValue = UInt32(first)
    if (0xD800..<0xDC00).contains(first) {
      guard bytes[position...].starts(with: Array("\\u".utf8)) else {
        throw error("unpaired surrogate in a \\u escape", at: escapeStart)
      }
      position += 2
      let second = try hexQuad()
      guard (0xDC00..<0xE000).contains(second) else {
        throw error("unpaired surrogate in a \\u escape", at: escapeStart)
      }
      scalarValue = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(scalarValue) else {
      throw error("unpaired surrogate in a \\u escape", at: escapeStart)
    }
    return Array(String(Character(scalar)).utf8)
  }

  private mutating func hexQuad() throws(JSONSyntaxError) -> UInt16 {
    guard position + 4 <= bytes.count,
      let value = UInt16(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
    else {
      throw error("a \\u escape needs four hexadecimal digits")
    }
    position += 4
    return value
  }

  // MARK: - Helpers

  private func peek() -> UInt8? {
    position < bytes.count ? bytes[position] : nil
  }

  private mutating func skipWhitespace() {
    while let byte = peek(),
      byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        || byte == UInt8(ascii: "\t")
    {
      position += 1
    }
  }

  private func unexpected(expected: String) -> JSONSyntaxError {
    guard let byte = peek() else { return error("unexpected end of the file, expected \(expected)") }
    return error("unexpected character \(describe(byte)), expected \(expected)")
  }

  private func describe(_ byte: UInt8) -> String {
    if (0x21..<0x7F).contains(byte) {
      return "\"\(Character(Unicode.Scalar(byte)))\""
    }
    let digits = String(byte, radix: 16, uppercase: true)
    return "0x" + (digits.count < 2 ? "0" + digits : digits)
  }

  private func error(_ reason: String, at offset: Int? = nil) -> JSONSyntaxError {
    let offset = min(offset ?? position, bytes.count)
    var line = 1
    var lineStart = 0
    for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    return JSONSyntaxError(line: line, column: offset - lineStart + 1, reason: reason)
  }
}
