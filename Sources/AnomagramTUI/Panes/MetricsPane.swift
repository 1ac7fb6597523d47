import AnomagramCore
import Foundation

/// The threshold, the metrics at it, AUC beside the PCA baseline, and the
/// collapse check.
struct MetricsPane {
  let state: AppState

  func draw(into canvas: inout Canvas, in rect: Rect) {
    let focused = state.focus == .threshold
    let inner = drawPaneFrame(
      &canvas, rect, title: paneTitle(live: "Threshold and metrics", replay: "Metrics", state: state), focused: focused, glyphs: state.glyphs)
    guard inner.height > 0, inner.width > 10 else { return }
    guard let snapshot = state.snapshot, let evaluation = state.shownEvaluation, let reading = state.shownThresholdReading
    else {
      canvas.writeTruncated("No model yet: press Space to train.", x: inner.x + 1, y: inner.y, foreground: Theme.muted, clip: inner, ellipsis: state.glyphs.ellipsis)
      return
    }

    let counts = reading.counts
    var lines: [[(String, TerminalColor, TextStyle)]] = []
    lines.append([("threshold ", .default, []), (Self.number(Double(reading.value)), Theme.threshold, .bold)])
    lines.append([("  " + Self.fitted(source: reading.source, width: inner.width - 3), Theme.muted, [])])
    lines.append([
      ("accuracy  \(Self.ratio(counts.accuracy))  F1     \(Self.ratio(counts.f1))", .default, [])
    ])
    lines.append([
      ("precision \(Self.ratio(counts.precision))  recall \(Self.ratio(counts.recall))", .default, [])
    ])
    lines.append([
      ("FPR       \(Self.ratio(counts.falsePositiveRate))  FNR    \(Self.ratio(counts.falseNegativeRate))",
        .default, [])
    ])
    lines.append([
      ("TP \(counts.truePositives) ", Theme.abnormal, []), (" FP \(counts.falsePositives) ", .default, []),
      (" TN \(counts.trueNegatives) ", Theme.normal, []), (" FN \(counts.falseNegatives)", .default, []),
    ])
    lines.append([
      ("AUC ", .default, []), (evaluation.auc.map(ChartNumberFormat.auc) ?? "n/a", Theme.good, .bold),
      ("  PCA ", Theme.muted, []),
      (snapshot.baselineAUC.map(ChartNumberFormat.auc) ?? "n/a", Theme.baseline, []),
    ])
    if let ratio = evaluation.collapse.ratio {
      let collapsed = evaluation.collapse.isCollapsed
      lines.append([
        ("output spread \(String(format: "%.2f", ratio)): ", Theme.muted, []),
        (collapsed ? "collapsed" : "ok", collapsed ? Theme.warning : Theme.good, .bold),
      ])
    }
    for (row, parts) in lines.prefix(inner.height).enumerated() {
      var x = inner.x + 1
      for (text, color, style) in parts {
        x = canvas.writeTruncated(
          text, x: x, y: inner.y + row, foreground: color, style: style, clip: inner, ellipsis: state.glyphs.ellipsis)
      }
    }
  }

  /// A ratio with 3 decimals, or `n/a` padded to the same 5 characters, so
  /// the columns after it stay aligned.
  static func ratio(_ value: Double?) -> String {
    value.map { String(format: "%.3f", $0) } ?? "n/a".padded(to: 5)
  }

  /// Returns the threshold's source for `width` characters: whole when it
  /// fits, otherwise with standard abbreviations ("max", "sd") and then
  /// without its explanation in brackets. Text still too long is left for
  /// the caller to cut with an ellipsis.
  static func fitted(source: String, width: Int) -> String {
    let abbreviations = [
      ("maximum ", "max "), (" on the labelled test set", " on test labels"),
      (" standard deviations", " sd"), (" standard deviation", " sd"), ("percentile", "pct."),
      (" of training errors", " of train errors"),
    ]
    var shortened = source
    for (long, short) in abbreviations where shortened.count > width {
      shortened = shortened.replacingOccurrences(of: long, with: short)
    }
    if shortened.count > width {
      shortened = shortened.replacingOccurrences(of: " (TPR − FPR)", with: "")
    }
    return shortened
  }

  /// A reconstruction error: four significant digits.
  static func number(_ value: Double) -> String {
    String(format: "%.4g", value)
  }
}
