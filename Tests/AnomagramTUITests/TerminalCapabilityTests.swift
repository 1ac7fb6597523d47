import Testing

@testable import AnomagramTUI

struct ColorSupportCase: CustomTestStringConvertible, Sendable {
  let label: String
  let colors: Int
  let environment: [String: String]
  let expected: ColorSupport

  var testDescription: String { label }
}

private let colorSupportCases: [ColorSupportCase] = [
  ColorSupportCase(label: "monochrome", colors: 0, environment: [:], expected: .none),
  ColorSupportCase(label: "missing colors (-1)", colors: -1, environment: [:], expected: .none),
  ColorSupportCase(label: "2 colours", colors: 2, environment: [:], expected: .none),
  ColorSupportCase(label: "8 colours", colors: 8, environment: [:], expected: .basic8),
  ColorSupportCase(label: "16 colours", colors: 16, environment: [:], expected: .basic8),
  ColorSupportCase(label: "88 colours", colors: 88, environment: [:], expected: .basic8),
  ColorSupportCase(label: "255 colours", colors: 255, environment: [:], expected: .basic8),
  ColorSupportCase(label: "256 colours", colors: 256, environment: [:], expected: .indexed256),
  ColorSupportCase(label: "direct colour (16777216)", colors: 16_777_216, environment: [:], expected: .indexed256),
  ColorSupportCase(label: "NO_COLOR=1", colors: 256, environment: ["NO_COLOR": "1"], expected: .none),
  ColorSupportCase(label: "NO_COLOR=0 still disables", colors: 8, environment: ["NO_COLOR": "0"], expected: .none),
  ColorSupportCase(label: "empty NO_COLOR is ignored", colors: 256, environment: ["NO_COLOR": ""], expected: .indexed256),
  ColorSupportCase(
    label: "other variables are ignored", colors: 8, environment: ["TERM": "xterm", "COLORTERM": "truecolor"],
    expected: .basic8),
]

struct CodesetCase: CustomTestStringConvertible, Sendable {
  let codeset: String
  let isUTF8: Bool

  var testDescription: String { "codeset \"\(codeset)\"" }
}

private let codesetCases: [CodesetCase] = [
  CodesetCase(codeset: "UTF-8", isUTF8: true),
  CodesetCase(codeset: "utf8", isUTF8: true),
  CodesetCase(codeset: "UTF_8", isUTF8: true),
  CodesetCase(codeset: "ANSI_X3.4-1968", isUTF8: false),
  CodesetCase(codeset: "ISO-8859-1", isUTF8: false),
  CodesetCase(codeset: "US-ASCII", isUTF8: false),
  CodesetCase(codeset: "UTF-16", isUTF8: false),
  CodesetCase(codeset: "", isUTF8: false),
]

@Suite("NcursesTerminal capabilities")
struct TerminalCapabilityTests {
  @Test("colour support from count and environment", arguments: colorSupportCases)
  func colorSupport(colorCase: ColorSupportCase) {
    #expect(NcursesTerminal.colorSupport(colors: colorCase.colors, environment: colorCase.environment) == colorCase.expected)
  }

  @Test("UTF-8 codeset recognised", arguments: codesetCases)
  func utf8CodesetRecognised(codesetCase: CodesetCase) {
    #expect(NcursesTerminal.isUTF8(codeset: codesetCase.codeset) == codesetCase.isUTF8)
  }

  @Test("Unicode needs UTF-8 and no forced ASCII")
  func unicodeNeedsUTF8AndNoForcedASCII() {
    #expect(NcursesTerminal.usesUnicode(codeset: "UTF-8", forceASCII: false))
    #expect(!NcursesTerminal.usesUnicode(codeset: "UTF-8", forceASCII: true))
    #expect(!NcursesTerminal.usesUnicode(codeset: "ANSI_X3.4-1968", forceASCII: false))
    #expect(!NcursesTerminal.usesUnicode(codeset: "ANSI_X3.4-1968", forceASCII: true))
  }

  // MARK: - Colours

  @Test("basic colours pass through")
  func basicColorsPassThrough() {
    for support in [ColorSupport.basic8, .indexed256] {
      #expect(NcursesTerminal.colorNumber(.red, support: support, defaultNumber: -1) == 1)
      #expect(NcursesTerminal.colorNumber(.white, support: support, defaultNumber: -1) == 7)
      #expect(NcursesTerminal.colorNumber(.basic(9), support: support, defaultNumber: -1) == 7)
    }
  }

  @Test("indexed colour falls back on 8 colours")
  func indexedColorFallsBack() {
    #expect(NcursesTerminal.colorNumber(.orange, support: .indexed256, defaultNumber: -1) == 208)
    #expect(NcursesTerminal.colorNumber(.orange, support: .basic8, defaultNumber: -1) == 3)
    #expect(NcursesTerminal.colorNumber(.gray, support: .basic8, defaultNumber: -1) == 7)
  }

  @Test("default colour uses default number")
  func defaultColorUsesDefaultNumber() {
    #expect(NcursesTerminal.colorNumber(.default, support: .indexed256, defaultNumber: -1) == -1)
    #expect(NcursesTerminal.colorNumber(.default, support: .basic8, defaultNumber: 7) == 7)
  }

  @Test("no colour support maps every colour to default")
  func noColorMapsToDefault() {
    for color in [TerminalColor.red, .orange, .default, .basic(0)] {
      #expect(NcursesTerminal.colorNumber(color, support: .none, defaultNumber: -1) == -1)
    }
  }

  // MARK: - Attributes

  @Test("each style sets its own attribute bit")
  func eachStyleSetsOwnBit() {
    let styles: [TextStyle] = [.bold, .dim, .reverse, .underline]
    let bits = styles.map { NcursesTerminal.attributes(for: $0) }
    #expect(NcursesTerminal.attributes(for: []) == 0)
    for bit in bits {
      #expect(bit.nonzeroBitCount == 1)
    }
    #expect(Set(bits).count == styles.count)
    #expect(NcursesTerminal.attributes(for: [.bold, .reverse]) == bits[0] | bits[2])
  }

  // MARK: - Characters

  /// Column widths as a UTF-8 locale's `wcwidth` gives them, for the
  /// characters used below.
  private static func columnWidth(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.value {
    case 0x4E00...0x9FFF, 0x1F300...0x1FAFF: return 2
    case 0x0300...0x036F: return 0
    default: return 1
    }
  }

  private static func displayed(_ character: Character, allowsNonASCII: Bool = true) -> Character {
    NcursesTerminal.displayedCharacter(character, allowsNonASCII: allowsNonASCII, columnWidth: columnWidth)
  }

  @Test("one-column characters are drawn as they are")
  func oneColumnCharactersDrawn() {
    for character: Character in ["a", " ", "─", "┌", "█", "⠿", "é", "e\u{301}"] {
      #expect(Self.displayed(character) == character)
    }
  }

  @Test("control and wide characters become question marks")
  func controlAndWideCharactersReplaced() {
    for character: Character in ["\t", "\n", "\r\n", "\u{7F}", "\u{85}", "中", "😀"] {
      #expect(Self.displayed(character) == "?", "\(character.unicodeScalars.map(\.value))")
    }
  }

  @Test("non-ASCII needs a UTF-8 locale")
  func nonASCIINeedsUTF8Locale() {
    #expect(Self.displayed("─", allowsNonASCII: false) == "?")
    #expect(Self.displayed("é", allowsNonASCII: false) == "?")
    #expect(Self.displayed("x", allowsNonASCII: false) == "x")
  }

  // MARK: - Errors

  @Test("error messages quote the terminal type")
  func errorMessagesQuoteTerminalType() {
    let message = TerminalError.terminalTypeUnsupported("vt52-nonsense").description
    #expect(message.contains("\"vt52-nonsense\""))
    #expect(message.contains("TERM"))
    #expect(TerminalError.terminalTypeMissing.description.contains("TERM"))
    #expect(TerminalError.notATerminal.description.contains("terminal"))
  }
}
