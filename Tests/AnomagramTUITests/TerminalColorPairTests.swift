import Testing

@testable import AnomagramTUI

@Suite("ColorPairTable")
struct TerminalColorPairTests {
  private typealias Colors = ColorPairTable.Colors
  private let defaults = Colors(foreground: -1, background: -1)

  @Test("pairs numbered in order of first use")
  func pairsNumberedInOrder() {
    var table = ColorPairTable(maxPairNumber: 255, defaultColors: defaults)
    let red = table.pairNumber(for: Colors(foreground: 1, background: -1))
    let blueOnWhite = table.pairNumber(for: Colors(foreground: 4, background: 7))
    let redAgain = table.pairNumber(for: Colors(foreground: 1, background: -1))

    #expect(red.number == 1)
    #expect(red.isNew)
    #expect(blueOnWhite.number == 2)
    #expect(blueOnWhite.isNew)
    #expect(redAgain.number == 1)
    #expect(!redAgain.isNew)
    #expect(table.count == 2)
  }

  @Test("default colours use pair 0")
  func defaultColorsUsePairZero() {
    var table = ColorPairTable(maxPairNumber: 255, defaultColors: defaults)
    let pair = table.pairNumber(for: defaults)
    #expect(pair.number == 0)
    #expect(!pair.isNew)
    #expect(table.count == 0)
  }

  @Test("full table falls back to pair 0")
  func fullTableFallsBack() {
    var table = ColorPairTable(maxPairNumber: 2, defaultColors: defaults)
    _ = table.pairNumber(for: Colors(foreground: 1, background: -1))
    _ = table.pairNumber(for: Colors(foreground: 2, background: -1))
    let third = table.pairNumber(for: Colors(foreground: 3, background: -1))
    let firstAgain = table.pairNumber(for: Colors(foreground: 1, background: -1))

    #expect(third.number == 0)
    #expect(!third.isNew)
    #expect(firstAgain.number == 1)
    #expect(table.count == 2)
  }

  @Test("no pairs when terminal has none")
  func noPairsWhenTerminalHasNone() {
    // COLOR_PAIRS is 0 before start_color, so the highest number is -1.
    var table = ColorPairTable(maxPairNumber: -1, defaultColors: defaults)
    #expect(table.pairNumber(for: Colors(foreground: 1, background: 0)).number == 0)
  }

  @Test("every 256-colour combination fits in 65535 pairs")
  func manyCombinationsFit() {
    // xterm-256color has 65536 pairs. All 256 x 256 foreground and background
    // combinations except the default one get their own number.
    var table = ColorPairTable(maxPairNumber: 65_535, defaultColors: Colors(foreground: 7, background: 0))
    var numbers = Set<Int32>()
    for foreground in Int32(0)..<256 {
      for background in Int32(0)..<256 {
        numbers.insert(table.pairNumber(for: Colors(foreground: foreground, background: background)).number)
      }
    }
    #expect(numbers.count == 65_536)
    #expect(numbers.max() == 65_535)
  }
}
