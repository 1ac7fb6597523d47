import Foundation

/// Number formatting shared by the command's text output.
enum Format {
  /// `value` with `digits` digits after the point.
  static func fixed(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
  }

  /// A loss or error value: five significant digits, in exponent form when small.
  static func loss(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    return abs(value) >= 1e-3 || value == 0 ? String(format: "%.5f", value) : String(format: "%.4e", value)
  }

  /// An optional ratio with `digits` digits, or "n/a".
  static func optional(_ value: Double?, _ digits: Int = 3) -> String {
    value.map { fixed($0, digits) } ?? "n/a"
  }

  /// `count` followed by `noun`, with an "s" unless the count is 1: "1 row", "2 rows".
  static func count(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  /// A whole number with thousands separated by commas.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
      result.append(character)
    }
    return value < 0 ? "-" + result : result
  }
}
