import Testing

@testable import AnomagramTUI

/// One `wget_wch` result and the key it must become. Key codes are the
/// values ncurses 6 defines in curses.h (octal there, decimal here), written
/// out so that the test does not read them from the code under test.
struct KeyCase: CustomTestStringConvertible, Sendable {
  let label: String
  let code: Int
  let isFunctionKey: Bool
  let expected: Key?

  var testDescription: String { label }
}

private func character(_ label: String, _ code: Int, _ expected: Key?) -> KeyCase {
  KeyCase(label: label, code: code, isFunctionKey: false, expected: expected)
}

private func keyCode(_ label: String, _ code: Int, _ expected: Key?) -> KeyCase {
  KeyCase(label: label, code: code, isFunctionKey: true, expected: expected)
}

private let keyCases: [KeyCase] = [
  keyCode("KEY_UP (259)", 259, .up),
  keyCode("KEY_DOWN (258)", 258, .down),
  keyCode("KEY_LEFT (260)", 260, .left),
  keyCode("KEY_RIGHT (261)", 261, .right),
  keyCode("KEY_PPAGE (339)", 339, .pageUp),
  keyCode("KEY_NPAGE (338)", 338, .pageDown),
  keyCode("KEY_HOME (262)", 262, .home),
  keyCode("KEY_END (360)", 360, .end),
  keyCode("KEY_BTAB (353)", 353, .backTab),
  keyCode("KEY_BACKSPACE (263)", 263, .backspace),
  keyCode("KEY_DC (330)", 330, .delete),
  keyCode("KEY_ENTER (343)", 343, .enter),
  keyCode("KEY_F(1) (265)", 265, .function(1)),
  keyCode("KEY_F(5) (269)", 269, .function(5)),
  keyCode("KEY_F(12) (276)", 276, .function(12)),
  keyCode("KEY_F(13) (277) has no key", 277, nil),
  keyCode("KEY_F0 (264) has no key", 264, nil),
  keyCode("KEY_IC (331) has no key", 331, nil),
  character("carriage return", 13, .enter),
  character("line feed", 10, .enter),
  character("escape", 27, .escape),
  character("tab", 9, .tab),
  character("DEL (127)", 127, .backspace),
  character("Ctrl-H (8)", 8, .backspace),
  character("Ctrl-A", 1, .control("a")),
  character("Ctrl-C", 3, .control("c")),
  character("Ctrl-S", 19, .control("s")),
  character("Ctrl-Z", 26, .control("z")),
  character("Ctrl-Space (0) has no key", 0, nil),
  character("Ctrl-backslash (28) has no key", 28, nil),
  character("C1 control (0x85) has no key", 0x85, nil),
  character("space", 32, .character(" ")),
  character("letter q", 113, .character("q")),
  character("question mark", 63, .character("?")),
  character("e acute", 0xE9, .character("é")),
  character("Braille dots-1", 0x2801, .character("⠁")),
  character("emoji outside the BMP", 0x1F600, .character("😀")),
  character("surrogate code point has no key", 0xD800, nil),
  character("value past Unicode has no key", 0x11_0000, nil),
]

@Suite("NcursesTerminal key decoding")
struct TerminalKeyTests {
  @Test("code maps to key", arguments: keyCases)
  func codeMapsToKey(keyCase: KeyCase) {
    #expect(NcursesTerminal.key(fromCode: keyCase.code, isFunctionKey: keyCase.isFunctionKey) == keyCase.expected)
  }

  @Test("character code is not read as key code")
  func characterCodeIsNotKeyCode() {
    // 259 is KEY_UP as a key code but U+0103 (ă) as a character.
    #expect(NcursesTerminal.key(fromCode: 259, isFunctionKey: false) == .character("ă"))
  }
}
