import Foundation
import Testing

@testable import AnomagramCore

/// Parses `text`, returning the error or `nil`.
private func syntaxError(_ text: String) -> JSONSyntaxError? {
  do {
    _ = try JSONParser.parse(Array(text.utf8))
    return nil
  } catch {
    return error
  }
}

/// Text that the JSON parser must reject, and a piece of the reason it must give.
struct InvalidJSONCase: CustomTestStringConvertible, Sendable {
  let label: String
  let text: String
  let reason: String

  var testDescription: String { label }
}

private let invalidJSONCases: [InvalidJSONCase] = [
  InvalidJSONCase(label: "empty text", text: "", reason: "end of the file"),
  InvalidJSONCase(label: "trailing comma", text: "[1, 2,]", reason: "unexpected character \"]\""),
  InvalidJSONCase(label: "duplicate key", text: "{\"a\": 1, \"a\": 2}", reason: "duplicate member name \"a\""),
  InvalidJSONCase(label: "text after the value", text: "{} x", reason: "after the end"),
  InvalidJSONCase(label: "leading zero", text: "[012]", reason: "expected \",\" or \"]\""),
  InvalidJSONCase(label: "bare decimal point", text: "[1.]", reason: "digit in the fraction"),
  InvalidJSONCase(label: "NaN literal", text: "[NaN]", reason: "expected a JSON value"),
  InvalidJSONCase(label: "control character in a string", text: "[\"a\tb\"]", reason: "control character"),
  InvalidJSONCase(label: "unpaired surrogate", text: "[\"\\ud800\"]", reason: "unpaired surrogate"),
  InvalidJSONCase(label: "unknown escape", text: "[\"\\x\"]", reason: "invalid escape"),
  InvalidJSONCase(label: "unclosed string", text: "[\"abc", reason: "inside a string"),
  InvalidJSONCase(label: "single quotes", text: "{'a': 1}", reason: "quoted member name"),
]

@Suite("ModelFile JSON")
struct ModelFileJSONTests {
  @Test("numbers keep their text")
  func numbersKeepText() throws {
    let value = try JSONParser.parse(Array("[0.1, -0, 1e-07, 18446744073709551615]".utf8))

    #expect(value == .array([.number("0.1"), .number("-0"), .number("1e-07"), .number("18446744073709551615")]))
  }

  @Test("members keep their order")
  func memberOrder() throws {
    let value = try JSONParser.parse(Array("{\"b\": 1, \"a\": [true, false, null]}".utf8))

    #expect(value == .object([("b", .number("1")), ("a", .array([.bool(true), .bool(false), .null]))]))
  }

  @Test("escapes decode, surrogate pairs included")
  func escapes() throws {
    let value = try JSONParser.parse(Array(#"["a\"b\\c\/d\n\u00e9\ud83d\ude00"]"#.utf8))

    #expect(value == .array([.string("a\"b\\c/d\né😀")]))
  }

  @Test("invalid text is rejected", arguments: invalidJSONCases)
  func invalidText(_ testCase: InvalidJSONCase) {
    let error = syntaxError(testCase.text)

    #expect(error != nil)
    #expect(error?.reason.contains(testCase.reason) == true, "reason: \(error?.reason ?? "none")")
  }

  @Test("error gives line and column")
  func lineAndColumn() {
    let error = syntaxError("{\n  \"a\": 1,\n  \"b\": ?\n}")

    #expect(error?.line == 3)
    #expect(error?.column == 8)
  }

  @Test("invalid UTF-8 in a string is rejected")
  func invalidUTF8() {
    let bytes: [UInt8] = Array("[\"".utf8) + [0xC3, 0x28] + Array("\"]".utf8)

    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes) }
  }

  @Test("deep nesting is rejected without exhausting the stack")
  func deepNesting() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let allowed = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)

    #expect(syntaxError(deep)?.reason.contains("nested more than") == true)
    #expect(syntaxError(allowed) == nil)
  }

  @Test("formatted text parses back to the same value")
  func formattedRoundTrip() throws {
    let value = JSONValue.object([
      ("text", .string("quote \" backslash \\ tab \t bell \u{07} é")),
      ("numbers", .array([.number(Float(0.1)), .number(Float(-0.0)), .number(42)])),
      ("nested", .array([.object([]), .array([]), .object([("x", .null)])])),
    ])

    let formatted = value.formatted()

    #expect(try JSONParser.parse(Array(formatted.utf8)) == value)
    #expect(try JSONParser.parse(Array(value.compact().utf8)) == value)
    #expect(formatted.contains("\\u0007"))
    #expect(formatted.contains("[0.1, -0.0, 42]"))
  }

  @Test("node errors name the path")
  func nodePaths() throws {
    let root = JSONNode(try JSONParser.parse(Array(#"{"layers": [{"kernel": "x"}, {"kernel": 3}]}"#.utf8)))
    let second = try root.member("layers").elements()[1]

    #expect(throws: JSONFieldError(field: "layers[1].kernel", problem: .wrongType(expected: "a string", found: "a number"))) {
      try second.member("kernel").string()
    }
    #expect(throws: JSONFieldError(field: "layers[1].bias", problem: .missing)) {
      try second.member("bias")
    }
  }
}
