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
    let title = state.isModelChanged ? "Model (changed)" : "Model"
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

    let columns = DiagramColumns(lines: diagram, inner: inner)
    var y = inner.y
    for line in diagram where y < inner.maxY {
      drawDiagramLine(line, selected: focused && line.row == selected, columns: columns, into: &canvas, y: y)
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

  /// The columns of a diagram line's parts. From the left: the pointer,
  /// the name, the units and a bar; from the right edge: the parameter
  /// count, and left of it the activation. Both right-hand columns are as
  /// wide as their longest text. Where they would reach the units, the
  /// activations take short names, and then the counts go to thousands.
  private struct DiagramColumns {
    let inner: Rect
    let unitsX: Int
    let barX: Int
    let activationX: Int
    let parametersX: Int
    let parametersWidth: Int
    let usesShortActivations: Bool
    let usesThousands: Bool

    static let nameWidth = 11
    static let unitsWidth = 5

    init(lines: [Line], inner: Rect) {
      self.inner = inner
      unitsX = inner.x + 1 + Self.nameWidth
      let barX = unitsX + Self.unitsWidth + 1
      self.barX = barX
      // The widths of the activation and count columns in each form,
      // widest first; the first form that leaves the units room is used.
      let forms = [(false, false), (true, false), (true, true)].map { short, thousands in
        let activations = lines.map { (short ? ModelPane.shortName($0.activation) : $0.activation).count }
        let counts = lines.compactMap { $0.parameters.map { ModelPane.parameterText($0, inThousands: thousands) } }
        return (
          short: short, thousands: thousands, activationWidth: activations.max() ?? 0,
          countWidth: counts.map(\.count).max() ?? 0
        )
      }
      let form =
        forms.first { inner.maxX - $0.countWidth - 1 - $0.activationWidth >= barX } ?? forms[forms.count - 1]
      usesShortActivations = form.short
      usesThousands = form.thousands
      parametersWidth = form.countWidth
      parametersX = inner.maxX - parametersWidth
      activationX = max(barX, parametersX - 1 - form.activationWidth)
    }

    /// The columns a bar may fill, keeping one blank before the activation.
    var barSpace: Int { max(0, activationX - barX - 1) }
  }

  private func drawDiagramLine(
    _ line: Line, selected: Bool, columns: DiagramColumns, into canvas: inout Canvas, y: Int
  ) {
    let glyphs = state.glyphs
    let inner = columns.inner
    let style: TextStyle = line.isMirrored ? .dim : []
    if selected {
      canvas.write(String(glyphs.pointer), x: inner.x, y: y, foreground: Theme.focusedBorder, style: .bold, clip: inner)
    }
    var unitsText = String(line.units).leftPadded(to: DiagramColumns.unitsWidth)
    if selected, let editor = state.editor, editor.target.matches(line.row) {
      unitsText = editingText(editor.text, width: DiagramColumns.unitsWidth, glyphs: glyphs)
        .leftPadded(to: DiagramColumns.unitsWidth)
    }
    let nameStyle: TextStyle = selected ? style.union(.reverse) : style
    canvas.write(line.name.padded(to: DiagramColumns.nameWidth), x: inner.x + 1, y: y, style: nameStyle, clip: inner)
    canvas.write(unitsText, x: columns.unitsX, y: y, style: selected ? [.bold] : style, clip: inner)

    // A bar whose length grows with log2(units), so 1 and 1024 units both fit.
    let barSpace = columns.barSpace
    if barSpace > 0 {
      let fraction = log2(Double(line.units) + 1) / log2(Double(ModelRow.maximumUnits) + 1)
      let length = max(1, min(barSpace, Int((fraction * Double(barSpace)).rounded())))
      let color: TerminalColor = line.row == .bottleneck ? Theme.threshold : Theme.normal
      canvas.write(
        String(repeating: glyphs.fullBlock, count: length), x: columns.barX, y: y, foreground: color, style: style,
        clip: inner)
    }
    if !line.activation.isEmpty {
      let text = columns.usesShortActivations ? Self.shortName(line.activation) : line.activation
      canvas.write(text, x: columns.activationX, y: y, style: style, clip: inner)
    }
    let parametersText = line.parameters.map { Self.parameterText($0, inThousands: columns.usesThousands) } ?? ""
    canvas.write(
      parametersText.leftPadded(to: columns.parametersWidth), x: columns.parametersX, y: y, foreground: Theme.muted,
      style: style, clip: inner)
  }

  /// Returns a layer's parameter count in at most 7 characters: grouped
  /// below a million (`144,384`), in millions above (`1.05M`, `12.3M`).
  /// With `inThousands`, counts from 10,000 take at most 5 (`144k`,
  /// `4.2M`). The total under the diagram gives the exact count.
  static func parameterText(_ count: Int, inThousands: Bool = false) -> String {
    let millions = Double(count) / 1_000_000
    if inThousands && count >= 10_000 {
      guard count >= 999_500 else { return String(format: "%.0fk", Double(count) / 1000) }
      return millions < 9.95 ? String(format: "%.1fM", millions) : String(format: "%.0fM", millions)
    }
    guard count >= 1_000_000 else { return formatGrouped(count) }
    return millions < 10 ? String(format: "%.2fM", millions) : String(format: "%.1fM", millions)
  }

  /// Returns the activation's name, with `leaky-relu` shortened to
  /// `lrelu`. The activation rows under the diagram give the full name.
  static func shortName(_ activation: String) -> String {
    activation == Activation.leakyRelu.rawValue ? "lrelu" : activation
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
  let labelWidth = fieldLabelWidth(in: inner)
  canvas.write(label.padded(to: labelWidth), x: inner.x + 1, y: y, style: selected ? .reverse : [], clip: inner)
  let valueX = inner.x + 2 + labelWidth
  // The arrows and the indent go where the value leaves room for them; a
  // long value such as a 20-digit seed keeps its digits instead.
  let arrowed = "\(glyphs.isUnicode ? "◀" : "<") \(value) \(glyphs.isUnicode ? "▶" : ">")"
  let room = inner.maxX - valueX
  let valueText: String
  if selected && arrowed.count <= room {
    valueText = arrowed
  } else if value.count + 2 <= room {
    valueText = "  \(value)"
  } else {
    valueText = value
  }
  canvas.writeTruncated(
    valueText, x: valueX, y: y, foreground: error ? Theme.error : .default, style: selected ? .bold : [],
    clip: inner, ellipsis: glyphs.ellipsis)
}

/// Returns the width of the labels of `drawField` rows in a pane of `inner`.
func fieldLabelWidth(in inner: Rect) -> Int {
  min(15, max(0, inner.width - 10))
}

/// Returns text being typed, with a `_` cursor, in at most `width`
/// characters. Longer text loses its start to the ellipsis, so the end
/// being typed stays in view and the field stays within its column.
func editingText(_ text: String, width: Int, glyphs: Glyphs) -> String {
  let shown = text + "_"
  guard shown.count > width else { return shown }
  let kept = max(0, width - glyphs.ellipsis.count)
  return String((glyphs.ellipsis + shown.suffix(kept)).prefix(max(0, width)))
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
