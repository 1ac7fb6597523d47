import Foundation
import AnomagramCore

/// The layer editor: the encoder, bottleneck and mirrored decoder as a
/// small diagram with units, bars sized by units and parameter counts.
struct ModelPane {
  let state: AppState

  /// One line of the diagram.
  private struct Line {
    var name: String
    var units: Int
    var activation: String
    var parameters: Int?
    /// The selectable row this line edits, if any.
    var row: ModelRow?
    var isMirrored = false
  }

  private var lines: [Line] {
    let training = state.training
    let layers = state.architecture.layers
    var lines = [Line(name: "input", units: state.featureCount, activation: "", parameters: nil)]
    for (index, units) in training.encoderUnits.enumerated() {
      lines.append(
        Line(
          name: "dense \(index + 1)", units: units, activation: training.hiddenActivation.rawValue,
          parameters: layers[index].parameterCount, row: .hiddenLayer(index)))
    }
    let bottleneck = training.encoderUnits.count
    lines.append(
      Line(
        name: "bottleneck", units: training.latentSize, activation: "linear",
        parameters: layers[bottleneck].parameterCount, row: .bottleneck))
    for (offset, units) in training.encoderUnits.reversed().enumerated() {
      let number = training.encoderUnits.count - offset
      lines.append(
        Line(
          name: "dense \(number)'", units: units, activation: training.hiddenActivation.rawValue,
          parameters: layers[bottleneck + 1 + offset].parameterCount, isMirrored: true))
    }
    lines.append(
      Line(
        name: "output", units: state.featureCount, activation: training.outputActivation.rawValue,
        parameters: layers[layers.count - 1].parameterCount))
    return lines
  }

  func draw(into canvas: inout Canvas, in rect: Rect) {
    let focused = state.focus == .model
    let title = state.isStale ? "Model (changed)" : "Model"
    let inner = drawPaneFrame(&canvas, rect, title: title, focused: focused, glyphs: state.glyphs)
    guard inner.height > 0, inner.width > 10 else { return }

    let rows = ModelRow.rows(for: state.training)
    let selected = rows[min(state.modelCursor, rows.count - 1)]
    var diagram = lines
    // The mirrored decoder lines go first when the pane is short.
    let fixedLines = 3  // two activation rows and the parameter total
    while diagram.count + fixedLines > inner.height, let index = diagram.lastIndex(where: { $0.isMirrored }) {
      diagram.remove(at: index)
    }

    var y = inner.y
    for line in diagram where y < inner.maxY {
      drawDiagramLine(line, selected: focused && line.row == selected, into: &canvas, in: inner, y: y)
      y += 1
    }
    let activationRows: [(ModelRow, String, String)] = [
      (.hiddenActivation, "hidden act.", state.training.hiddenActivation.rawValue),
      (.outputActivation, "output act.", state.training.outputActivation.rawValue),
    ]
    for (row, label, value) in activationRows where y < inner.maxY {
      let isSelected = focused && row == selected
      drawField(label: label, value: value, selected: isSelected, into: &canvas, in: inner, y: y, glyphs: state.glyphs)
      y += 1
    }
    if y < inner.maxY {
      let total = "\(formatGrouped(state.architecture.parameterCount)) parameters"
      canvas.write(total, x: inner.x + 1, y: y, foreground: Theme.muted, clip: inner)
    }
  }

  private func drawDiagramLine(_ line: Line, selected: Bool, into canvas: inout Canvas, in inner: Rect, y: Int) {
    let glyphs = state.glyphs
    let style: TextStyle = line.isMirrored ? .dim : []
    if selected {
      canvas.write(String(glyphs.pointer), x: inner.x, y: y, foreground: Theme.focusedBorder, style: .bold, clip: inner)
    }
    var unitsText = String(line.units)
    if selected, let editor = state.editor, editor.target.matches(line.row) {
      unitsText = editor.text + "_"
    }
    let nameStyle: TextStyle = selected ? style.union(.reverse) : style
    canvas.write(line.name.padded(to: 11), x: inner.x + 1, y: y, style: nameStyle, clip: inner)
    canvas.write(unitsText.leftPadded(to: 5), x: inner.x + 12, y: y, style: selected ? [.bold] : style, clip: inner)

    // Right to left: the parameter count, the activation, then a bar whose
    // length grows with log2(units), so 1 and 1024 units both fit.
    let parametersText = line.parameters.map { formatGrouped($0) } ?? ""
    let parametersX = inner.maxX - 7
    canvas.write(
      parametersText.leftPadded(to: 7), x: parametersX, y: y, foreground: Theme.muted, style: style, clip: inner)
    // Activation names start no further left than one space after the units.
    let activationX = max(inner.x + 18, parametersX - 8)
    let barSpace = max(0, activationX - (inner.x + 18) - 1)
    if barSpace > 0 {
      let fraction = log2(Double(line.units) + 1) / log2(Double(ModelRow.maximumUnits) + 1)
      let length = max(1, min(barSpace, Int((fraction * Double(barSpace)).rounded())))
      let color: TerminalColor = line.row == .bottleneck ? Theme.threshold : Theme.normal
      canvas.write(
        String(repeating: glyphs.fullBlock, count: length), x: inner.x + 18, y: y, foreground: color, style: style,
        clip: inner)
    }
    if !line.activation.isEmpty {
      let text = String(line.activation.prefix(7))
      canvas.write(text, x: activationX, y: y, style: style, clip: inner)
    }
  }
}

extension FieldEditor.Target {
  /// Whether this editor edits the given model row.
  func matches(_ row: ModelRow?) -> Bool {
    switch (self, row) {
    case (.layerUnits(let index), .hiddenLayer(let other)?): return index == other
    case (.bottleneckUnits, .bottleneck?): return true
    default: return false
    }
  }
}

/// Draws one "label  value" row of a form, highlighted when selected.
func drawField(
  label: String, value: String, selected: Bool, into canvas: inout Canvas, in inner: Rect, y: Int, glyphs: Glyphs,
  error: Bool = false
) {
  if selected {
    canvas.write(String(glyphs.pointer), x: inner.x, y: y, foreground: Theme.focusedBorder, style: .bold, clip: inner)
  }
  let labelWidth = min(15, max(0, inner.width - 10))
  canvas.write(label.padded(to: labelWidth), x: inner.x + 1, y: y, style: selected ? .reverse : [], clip: inner)
  let valueText = selected ? "\(glyphs.isUnicode ? "◀" : "<") \(value) \(glyphs.isUnicode ? "▶" : ">")" : "  \(value)"
  canvas.write(
    valueText, x: inner.x + 2 + labelWidth, y: y, foreground: error ? Theme.error : .default,
    style: selected ? .bold : [], clip: inner)
}

/// A whole number with thousands separated by commas.
func formatGrouped(_ value: Int) -> String {
  let digits = String(value.magnitude)
  var result = ""
  for (index, character) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
    result.append(character)
  }
  return value < 0 ? "-" + result : result
}
