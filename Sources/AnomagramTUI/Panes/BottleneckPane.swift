import AnomagramCore

/// Every test sample's bottleneck code as a dot, normal and abnormal in
/// their colours (abnormal drawn last, so it colours a shared cell), with
/// a marker on the shown sample or on the drawing. Without colour, cells
/// with abnormal points show `x` in place of the dots.
struct BottleneckPane {
  let state: AppState
  let selection: ExploreSelection
  let signal: ShownSignal?

  func draw(into canvas: inout Canvas, in rect: Rect) {
    let model = selection.model
    let projection =
      state.explore.projection.flatMap { $0.matches(model) ? $0 : nil } ?? BottleneckProjection(model)
    let inner = drawPaneFrame(&canvas, rect, title: projection.title, focused: false, glyphs: state.glyphs)
    guard inner.height >= 2, inner.width >= 4 else { return }

    var normal: [(x: Double, y: Double)] = []
    var abnormal: [(x: Double, y: Double)] = []
    for (row, point) in projection.points.enumerated() {
      let position = (x: Double(point.x), y: Double(point.y))
      if model.testIsAbnormal[row] { abnormal.append(position) } else { normal.append(position) }
    }
    var marker: (x: Double, y: Double)?
    if let signal {
      let point =
        state.explore.drawing == nil && selection.row != nil
        ? projection.points[selection.row!]
        : projection.point(code: model.code(of: signal.input), error: signal.error)
      marker = (Double(point.x), Double(point.y))
    }

    let (legendRow, plot) = inner.splitTop(1)
    drawLegend(into: &canvas, in: legendRow, hasMarker: marker != nil)
    let chart = ScatterChart(
      groups: [
        .init(points: normal, color: Theme.normal),
        .init(points: abnormal, color: Theme.abnormal, mark: Theme.abnormalPointMark(colors: state.colors)),
      ],
      marker: marker, markerColor: Theme.threshold)
    chart.draw(into: &canvas, in: plot, glyphs: state.glyphs)
  }

  private func drawLegend(into canvas: inout Canvas, in row: Rect, hasMarker: Bool) {
    let glyphs = state.glyphs
    // Without colour, the markers are the glyphs the plot shows: a dot
    // (one Braille dot, `.` in ASCII) and the abnormal points' mark.
    let abnormalMark = Theme.abnormalPointMark(colors: state.colors)
    var normalMarker = glyphs.fullBlock
    if abnormalMark != nil {
      normalMarker = glyphs.isUnicode ? "⠂" : "."
    }
    var items: [ChartLayout.LegendItem] = [
      .init(marker: normalMarker, color: Theme.normal, text: "normal"),
      .init(marker: abnormalMark ?? glyphs.fullBlock, color: Theme.abnormal, text: "abnormal"),
    ]
    if hasMarker {
      let name: String
      if state.explore.drawing != nil {
        name = "drawing"
      } else {
        name = selection.row.map { "sample \($0 + 1)" } ?? "sample"
      }
      items.append(.init(marker: glyphs.marker, color: Theme.threshold, text: name))
    }
    // Only whole items are written, as on the other charts' legends.
    var x = row.x
    for (index, item) in items.enumerated() {
      let separator = index > 0 ? "  " : ""
      guard x + separator.count + 2 + item.text.count <= row.maxX else { return }
      x = canvas.write(separator, x: x, y: row.y)
      x = canvas.write(String(item.marker), x: x, y: row.y, foreground: item.color)
      x = canvas.write(" " + item.text, x: x, y: row.y)
    }
  }
}
