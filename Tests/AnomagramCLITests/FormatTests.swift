import Testing

@testable import AnomagramCLI

@Suite("Format")
struct FormatTests {
  @Test(
    "grouped separates thousands with commas",
    arguments: [
      (0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (12_345, "12,345"), (999_999, "999,999"),
      (1_234_567, "1,234,567"), (-1234, "-1,234"), (-999, "-999"),
      (Int.min, "-9,223,372,036,854,775,808"),
    ])
  func grouped(_ value: Int, _ expected: String) {
    #expect(Format.grouped(value) == expected)
  }

  @Test(
    "loss uses exponent form below 0.001",
    arguments: [
      (0, "0.00000"), (0.5, "0.50000"), (0.001, "0.00100"), (2.25, "2.25000"), (0.0001, "1.0000e-04"),
      (-0.0001, "-1.0000e-04"), (0.00012345, "1.2345e-04"), (-0.5, "-0.50000"),
    ])
  func loss(_ value: Double, _ expected: String) {
    #expect(Format.loss(value) == expected)
  }

  @Test("loss writes non-finite values as Swift does", arguments: [Double.infinity, -Double.infinity, Double.nan])
  func lossNonFinite(_ value: Double) {
    #expect(Format.loss(value) == "\(value)")
  }

  @Test("optional writes n/a for a missing value")
  func optional() {
    #expect(Format.optional(nil) == "n/a")
    #expect(Format.optional(0.12345) == "0.123")
    #expect(Format.optional(0.12345, 4) == "0.1235")
  }
}
