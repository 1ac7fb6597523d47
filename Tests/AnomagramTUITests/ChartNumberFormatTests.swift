import Testing

@testable import AnomagramTUI

@Suite struct ChartNumberFormatTests {
  @Test(arguments: [
    (0.0, "0"), (-0.0, "0"), (3, "3"), (-42, "-42"), (999_999, "999999"), (1_234_567, "1.23e6"),
    (0.5, "0.5"), (-0.5, "-0.5"), (0.0123, "0.0123"), (1.5e-5, "1.5e-5"), (2.5e6, "2.5e6"),
    (1234.5, "1.23e3"), (1e-300, "1e-300"), (.nan, "-"), (.infinity, "-"),
  ])
  func text(value: Double, expected: String) {
    #expect(ChartNumberFormat.text(value) == expected)
  }

  // Rounded to the nearest, except that an AUC below 1 never reads 1.0000.
  @Test(arguments: [
    (1.0, "1.0000"), (0.99996, "0.9999"), (0.99862, "0.9986"), (0.99908, "0.9991"), (0.957, "0.9570"),
    (0.5, "0.5000"), (0, "0.0000"), (.nan, "-"),
  ])
  func auc(value: Double, expected: String) {
    #expect(ChartNumberFormat.auc(value) == expected)
  }

  @Test func distinctTextsAddDigits() {
    // With 3 and 4 significant digits both read "1"; 5 tell them apart.
    #expect(ChartNumberFormat.distinctTexts([1.0001, 1.0002]) == ["1.0001", "1.0002"])
    #expect(ChartNumberFormat.distinctTexts([0.5, 0.25, 0]) == ["0.5", "0.25", "0"])
  }

  @Test func distinctTextsKeepEqualValues() {
    #expect(ChartNumberFormat.distinctTexts([2, 2]) == ["2", "2"])
    #expect(ChartNumberFormat.distinctTexts([.nan, 1]) == ["-", "1"])
  }
}
