import AnomagramCore
import Foundation

/// The test samples the filter keeps, one line each: the sample number
/// (from 1), a sparkline of the series, the label, the reconstruction
/// error and a mark on misclassified samples.
///
/// Sparklines share one range so that rows compare: [0, 1] for scaled
/// values, the smallest to the largest test value in the data's own units.
struct SampleListPane {
  let state: AppState
  let selection: ExploreSelection

  func draw(into canvas: inout Canvas, in rect: Rect) {
    let model = selection.model
    let filter = state.explore.filter
    let count = filter == .all ? "\(model.sampleCount)" : "\(selection.rows.count) of \(model.sampleCount)"
    let inner = drawPaneFrame(
      &canvas, rect, title: "\(filter.title) (\(count))", focused: true, glyphs: state.glyphs)
    guard !inner.isEmpty else { return }
    guard let position = selection.position else {
      drawWrapped(filter.emptyMessage, into: &canvas, in: inner, color: Theme.muted, glyphs: state.glyphs)
      return
    }

    let columns = Columns(model: model, width: inner.width)
    let sparklineRange = state.explore.showsOriginalUnits ? Self.range(of: model.rawTest) : 0...1
    let offset = scrollOffset(selected: position, count: selection.rows.count, height: inner.height)
    for (line, row) in selection.rows.dropFirst(offset).prefix(inner.height).enumerated() {
      drawRow(
        row, isSelected: offset + line == position, columns: columns, sparklineRange: sparklineRange,
        into: &canvas, in: Rect(x: inner.x, y: inner.y + line, width: inner.width, height: 1))
    }
  }

  /// The widths of a line's parts: pointer, number, sparkline, label,
  /// error and mark, one space apart.
  private struct Columns {
    let number: Int
    let sparkline: Int
    let label: Int
    static let error = 8

    init(model: ExploreModel, width: Int) {
      number = String(model.sampleCount).count
      label = min(6, model.labels.map(\.count).max() ?? 1)
      sparkline = max(0, width - (1 + number + 1 + 1 + label + 1 + Self.error + 1 + 1))
    }
  }

  private func drawRow(
    _ row: Int, isSelected: Bool, columns: Columns, sparklineRange: ClosedRange<Double>, into canvas: inout Canvas,
    in line: Rect
  ) {
    let model = selection.model
    let glyphs = state.glyphs
    let outcome = model.outcome(ofRow: row, threshold: selection.reading.value)
    let classColor = model.testIsAbnormal[row] ? Theme.abnormal : Theme.normal
    if isSelected {
      canvas.write(String(glyphs.pointer), x: line.x, y: line.y, foreground: Theme.focusedBorder, style: .bold, clip: line)
    }
    var x = canvas.write(
      String(row + 1).leftPadded(to: columns.number), x: line.x + 1, y: line.y, style: isSelected ? [.bold, .reverse] : [],
      clip: line)
    x += 1
    let values = state.explore.showsOriginalUnits ? model.rawTest.row(row) : model.test.row(row)
    Sparkline(values: values.map(Double.init), range: sparklineRange, color: classColor).draw(
      into: &canvas, in: Rect(x: x, y: line.y, width: columns.sparkline, height: 1), glyphs: glyphs)
    x += columns.sparkline + 1
    let label = model.testLabels[row].truncated(to: columns.label, ellipsis: glyphs.ellipsis)
    x = canvas.write(label.padded(to: columns.label), x: x, y: line.y, foreground: classColor, clip: line) + 1
    let error = String(format: "%.3g", Double(model.testErrors[row])).leftPadded(to: Columns.error)
    x = canvas.write(
      error, x: x, y: line.y, foreground: outcome.isFlagged ? Theme.abnormal : .default, clip: line) + 1
    if !outcome.isCorrect {
      canvas.write(glyphs.isUnicode ? "✗" : "x", x: x, y: line.y, foreground: Theme.error, style: .bold, clip: line)
    }
  }

  /// Returns the smallest to the largest finite value of `matrix`, or 0...1 when it has none.
  private static func range(of matrix: Matrix) -> ClosedRange<Double> {
    let finite = matrix.elements.filter(\.isFinite)
    guard let lowest = finite.min(), let highest = finite.max() else { return 0...1 }
    return Double(lowest)...Double(highest)
  }

  /// Returns the test row on the list's line at screen row `y`, or `nil`
  /// when `(x, y)` is not on a line of a sample.
  static func row(atScreenRow y: Int, column x: Int, in rect: Rect, selection: ExploreSelection) -> Int? {
    let inner = rect.inset(by: 1)
    guard inner.contains(x: x, y: y), let position = selection.position else { return nil }
    let offset = scrollOffset(selected: position, count: selection.rows.count, height: inner.height)
    let index = offset + y - inner.y
    return selection.rows.indices.contains(index) ? selection.rows[index] : nil
  }
}

/// Writes `text` word-wrapped to the width of `rect`, one line per row,
/// and returns the rows used.
@discardableResult
func drawWrapped(
  _ text: String, into canvas: inout Canvas, in rect: Rect, color: TerminalColor = .default, style: TextStyle = [],
  glyphs: Glyphs
) -> Int {
  let lines = wrapped(text, width: rect.width - 1)
  for (index, line) in lines.prefix(rect.height).enumerated() {
    canvas.writeTruncated(
      line, x: rect.x + 1, y: rect.y + index, foreground: color, style: style, clip: rect, ellipsis: glyphs.ellipsis)
  }
  return min(lines.count, rect.height)
}

/// Returns `text` split into lines of at most `width` characters at
/// spaces; a word longer than `width` gets a line of its own.
func wrapped(_ text: String, width: Int) -> [String] {
  var lines: [String] = []
  var current = ""
  for word in text.split(separator: " ") {
    if current.isEmpty {
      current = String(word)
    } else if current.count + 1 + word.count <= width {
      current += " " + word
    } else {
      lines.append(current)
      current = String(word)
    }
  }
  if !current.isEmpty { lines.append(current) }
  return lines
}
