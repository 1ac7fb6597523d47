import AnomagramCore
import Foundation

/// The model's verdict on the shown signal: its class, its error against
/// the threshold and the verdict in words, then its place in the filtered
/// list and the model that judged it.
struct SampleDetailsPane {
  let state: AppState
  let selection: ExploreSelection
  let signal: ShownSignal?

  private typealias Part = (text: String, color: TerminalColor, style: TextStyle)

  func draw(into canvas: inout Canvas, in rect: Rect) {
    let title = state.explore.drawing == nil ? "Sample" : "Drawing"
    let inner = drawPaneFrame(&canvas, rect, title: title, focused: false, glyphs: state.glyphs)
    guard !inner.isEmpty else { return }
    for (row, parts) in lines(width: inner.width - 1).prefix(inner.height).enumerated() {
      var x = inner.x + 1
      for part in parts {
        x = canvas.writeTruncated(
          part.text, x: x, y: inner.y + row, foreground: part.color, style: part.style, clip: inner,
          ellipsis: state.glyphs.ellipsis)
      }
    }
  }

  /// Returns the pane's lines for a text width of `width`. Only the class
  /// line wraps, because ECG5000's class names are long.
  private func lines(width: Int) -> [[Part]] {
    let origin: [Part] = [("model: " + selection.model.origin, Theme.muted, [])]
    guard let signal else {
      let message = wrapped(state.explore.filter.emptyMessage, width: width)
      return message.map { [($0, Theme.muted, TextStyle())] } + [origin]
    }
    if let drawing = state.explore.drawing {
      return drawingLines(drawing, signal: signal) + [origin]
    }
    return sampleLines(signal: signal, width: width) + [origin]
  }

  /// "error 0.08917 ≤ threshold 0.1334", with `>` when the error is flagged.
  private func comparison(error: Float) -> [Part] {
    let threshold = selection.reading.value
    var comparator = " > "
    if !ConfusionCounts.isPredictedAbnormal(error: error, threshold: threshold) {
      comparator = state.glyphs.isUnicode ? " ≤ " : " <= "
    }
    return [
      ("error ", .default, []), (MetricsPane.number(Double(error)), .default, .bold), (comparator, .default, []),
      ("threshold ", .default, []), (MetricsPane.number(Double(threshold)), Theme.threshold, .bold),
    ]
  }

  private func drawingLines(_ drawing: Drawing, signal: ShownSignal) -> [[Part]] {
    let isFlagged = ConfusionCounts.isPredictedAbnormal(error: signal.error, threshold: selection.reading.value)
    let verdict: Part =
      isFlagged
      ? ("drawn: flagged as abnormal", Theme.abnormal, .bold) : ("drawn: not flagged, looks normal", Theme.normal, .bold)
    return [
      [(drawingOrigin(drawing), .default, [])],
      [(cursorText(drawing), Theme.muted, [])],
      comparison(error: signal.error),
      [verdict],
    ]
  }

  private func sampleLines(signal: ShownSignal, width: Int) -> [[Part]] {
    guard let row = selection.row, let position = selection.position else { return [] }
    let outcome = selection.model.outcome(ofRow: row, threshold: selection.reading.value)
    let classPart = classText(row: row)
    let classLines = wrapped(classPart.text, width: width).map { [($0, classPart.color, classPart.style)] }
    return classLines + [
      comparison(error: signal.error),
      [(verdict(row: row, outcome: outcome), outcome.isCorrect ? Theme.good : Theme.error, .bold)],
      [("filter \(state.explore.filter.name): \(position + 1) of \(selection.rows.count)", Theme.muted, [])],
    ]
  }

  /// "class 2: R-on-T premature ventricular contraction", "class abc", or
  /// "unlabelled (counts as normal)", in the class's colour.
  private func classText(row: Int) -> Part {
    let model = selection.model
    let color = model.testIsAbnormal[row] ? Theme.abnormal : Theme.normal
    guard model.testIsLabelled else { return ("unlabelled (counts as normal)", color, []) }
    let label = model.testLabels[row]
    if let name = state.classNames[label] {
      return ("class \(label): \(name)", color, [])
    }
    return ("class \(label)", color, [])
  }

  /// "abnormal, flagged: true positive", "normal, not flagged: true negative" and so on.
  private func verdict(row: Int, outcome: SampleOutcome) -> String {
    let model = selection.model
    var truth = "unlabelled"
    if model.testIsLabelled {
      truth = model.testIsAbnormal[row] ? "abnormal" : "normal"
    }
    return "\(truth), \(outcome.isFlagged ? "flagged" : "not flagged"): \(outcome.name)"
  }

  private func drawingOrigin(_ drawing: Drawing) -> String {
    switch drawing.origin {
    case .sample(let row):
      let label = selection.model.testLabels.indices.contains(row) ? ", class \(selection.model.testLabels[row])" : ""
      return "drawn from test sample \(row + 1)\(label)"
    case .flat:
      return "drawn from a flat line at \(ChartNumberFormat.text(Double(Drawing.flatValue)))"
    case .noise(let seed):
      return "drawn from noise, seed \(seed)"
    }
  }

  /// "point 57 of 140 = 0.734, brush 5"
  private func cursorText(_ drawing: Drawing) -> String {
    let value = String(format: "%.3g", Double(drawing.values[drawing.cursor]))
    return "point \(drawing.cursor + 1) of \(drawing.values.count) = \(value), brush \(drawing.brushWidth)"
  }
}
