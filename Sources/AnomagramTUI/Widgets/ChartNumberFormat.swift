import Foundation

/// Short texts for the numbers on chart axes and legends.
enum ChartNumberFormat {
  /// Returns `value` as an integer when it is one (below a million in
  /// magnitude), otherwise with `significantDigits` significant digits in
  /// `%g` style and a short exponent: `0.0123`, `1.5e-5`, `2.5e6`.
  /// Values that are not finite return `-`.
  static func text(_ value: Double, significantDigits: Int = 3) -> String {
    guard value.isFinite else { return "-" }
    if value == value.rounded(), abs(value) < 1e6 {
      return String(Int(value))
    }
    let text = String(format: "%.\(significantDigits)g", value)
    guard let exponentMark = text.firstIndex(of: "e") else { return text }

    // `%g` writes "1.5e-05" and "2.5e+06"; the sign "+" and leading zeros add
    // only width.
    var exponent = text[text.index(after: exponentMark)...]
    var sign = ""
    if exponent.first == "-" {
      sign = "-"
    }
    if exponent.first == "-" || exponent.first == "+" {
      exponent = exponent.dropFirst()
    }
    let digits = exponent.drop { $0 == "0" }
    return text[..<exponentMark] + "e" + sign + (digits.isEmpty ? "0" : digits)
  }

  /// Returns an AUC with 4 decimals, rounded to the nearest, as the ROC
  /// chart, the metrics pane and the Runs screen show it. An AUC below 1
  /// shows at most `0.9999`, so only a perfect one reads `1.0000`. Values
  /// that are not finite return `-`.
  static func auc(_ value: Double) -> String {
    guard value.isFinite else { return "-" }
    let text = String(format: "%.4f", value)
    return value < 1 && text == "1.0000" ? "0.9999" : text
  }

  /// Returns the texts of `values`, with 3 significant digits or as many
  /// more (up to 17) as it takes for different values to read differently,
  /// so the two ends of a narrow axis never get the same label.
  static func distinctTexts(_ values: [Double]) -> [String] {
    let distinctValues = Set(values.filter(\.isFinite)).count
    for digits in 3...17 {
      let texts = values.map { text($0, significantDigits: digits) }
      if Set(texts.filter { $0 != "-" }).count >= distinctValues {
        return texts
      }
    }
    return values.map { text($0, significantDigits: 17) }
  }
}
