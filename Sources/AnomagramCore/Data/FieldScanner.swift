/// The position of one field of a row in the bytes of a data file.
struct FieldBounds {
  /// The field's first byte: its opening quote if it is quoted.
  var start: Int
  /// The field's text: inside the quotes for a quoted field, and without
  /// the blanks around it.
  var content: Range<Int>
  /// The byte after the field: after the closing quote, or the separator or
  /// line end that stopped an unquoted field.
  var end: Int
  var isQuoted: Bool
  /// Whether the quoted text contains `""`, which stands for one quote.
  var hasDoubledQuotes: Bool
}

/// The rule that separates the fields of a row.
enum FieldSeparators: Equatable {
  /// A run of spaces and tabs, or one comma with optional blanks around it.
  case blanksOrComma
  /// One comma. Spaces and tabs around a field are not part of it, and
  /// spaces inside an unquoted field are.
  case comma
}

/// Finds the fields of one line in the bytes of a data file.
///
/// A field that starts with `"` is quoted: it runs to the next `"` that is
/// not doubled, may contain separators, and ends at its line. `""` inside it
/// stands for one quote. A quote anywhere else is an ordinary character.
struct FieldScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  let source: String
  var separators: FieldSeparators = .blanksOrComma

  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")

  /// Reads the field that starts at `start`, which is not a blank. A field
  /// at a comma or at `end` is empty.
  ///
  /// - Throws: `unclosedQuote` and `textAfterClosingQuote` for a malformed
  ///   quoted field, naming `line` and `column`.
  @inline(__always)
  func field(at start: Int, end: Int, line: Int, column: Int) throws(DataError) -> FieldBounds {
    if start < end && bytes[start] == Self.quote {
      return try quotedField(at: start, end: end, line: line, column: column)
    }
    var position = start
    switch separators {
    case .blanksOrComma:
      while position < end && !Self.isBlankOrComma(bytes[position]) {
        position += 1
      }
      return FieldBounds(start: start, content: start..<position, end: position, isQuoted: false, hasDoubledQuotes: false)
    case .comma:
      while position < end && bytes[position] != Self.comma {
        position += 1
      }
      var contentEnd = position
      while contentEnd > start && Self.isBlank(bytes[contentEnd - 1]) {
        contentEnd -= 1
      }
      return FieldBounds(start: start, content: start..<contentEnd, end: position, isQuoted: false, hasDoubledQuotes: false)
    }
  }

  /// Moves past the separator after a field that ended at `position`, and
  /// returns where the next field starts, or `nil` at the end of the line.
  /// The next field may be empty, as after a trailing comma.
  @inline(__always)
  func nextFieldStart(after position: Int, end: Int, line: Int, column: Int) throws(DataError) -> Int? {
    let position = skippingBlanks(from: position, to: end)
    if position == end {
      return nil
    }
    if bytes[position] == Self.comma {
      return skippingBlanks(from: position + 1, to: end)
    }
    // Comma-separated fields stop only at a comma or the line end, so only
    // a quoted field can be followed by other text.
    if separators == .comma {
      throw .textAfterClosingQuote(file: source, line: line, column: column)
    }
    return position
  }

  /// Returns every field of a line, empty ones included.
  func fields(in range: Range<Int>, line: Int) throws(DataError) -> [FieldBounds] {
    var fields: [FieldBounds] = []
    var position = skippingBlanks(from: range.lowerBound, to: range.upperBound)
    guard position < range.upperBound else { return [] }
    while true {
      let field = try field(at: position, end: range.upperBound, line: line, column: fields.count + 1)
      fields.append(field)
      guard
        let next = try nextFieldStart(after: field.end, end: range.upperBound, line: line, column: fields.count)
      else { break }
      position = next
    }
    return fields
  }

  /// Returns whether a comma separates any two of `fields`, which were read
  /// with `.blanksOrComma` from one line.
  func hasCommaSeparator(_ fields: [FieldBounds]) -> Bool {
    zip(fields, fields.dropFirst()).contains { previous, next in
      bytes[previous.end..<next.start].contains(Self.comma)
    }
  }

  /// Returns the text of a field, with each `""` of a quoted field turned into `"`.
  func text(_ field: FieldBounds) -> String {
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[field.content]), as: UTF8.self)
    return field.hasDoubledQuotes ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
  }

  @inline(__always)
  func skippingBlanks(from start: Int, to end: Int) -> Int {
    var position = start
    while position < end && Self.isBlank(bytes[position]) {
      position += 1
    }
    return position
  }

  private func quotedField(at start: Int, end: Int, line: Int, column: Int) throws(DataError) -> FieldBounds {
    var position = start + 1
    var hasDoubledQuotes = false
    while true {
      guard let closing = indexOfQuote(from: position, to: end) else {
        throw .unclosedQuote(file: source, line: line, column: column)
      }
      if closing + 1 < end && bytes[closing + 1] == Self.quote {
        hasDoubledQuotes = true
        position = closing + 2
        continue
      }
      let after = closing + 1
      if after < end && !Self.isBlankOrComma(bytes[after]) {
        throw .textAfterClosingQuote(file: source, line: line, column: column)
      }
      return FieldBounds(
        start: start, content: (start + 1)..<closing, end: after, isQuoted: true, hasDoubledQuotes: hasDoubledQuotes)
    }
  }

  private func indexOfQuote(from start: Int, to end: Int) -> Int? {
    var position = start
    while position < end {
      if bytes[position] == Self.quote { return position }
      position += 1
    }
    return nil
  }

  @inline(__always)
  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
  }

  /// Tests the three separator bytes with one comparison for most bytes,
  /// because digits, letters and the point all lie above the comma (0x2C).
  @inline(__always)
  private static func isBlankOrComma(_ byte: UInt8) -> Bool {
    byte <= comma && (byte == comma || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t"))
  }
}
