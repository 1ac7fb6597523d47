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
    lines.append([("  " + reading.source, Theme.muted, [])])
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
      ("AUC ", .default, []), (evaluation.auc.map { String(format: "%.4f", $0) } ?? "n/a", Theme.good, .bold),
      ("  PCA ", Theme.muted, []),
      (snapshot.baselineAUC.map { String(format: "%.4f", $0) } ?? "n/a", Theme.baseline, []),
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

  static func ratio(_ value: Double?) -> String {
    value.map { String(format: "%.3f", $0) } ?? "n/a"
  }

  /// A reconstruction error: four significant digits.
  static func number(_ value: Double) -> String {
    String(format: "%.4g", value)
  }
}
