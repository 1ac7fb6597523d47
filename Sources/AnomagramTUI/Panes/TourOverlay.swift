/// The tour's window for one step: a box beside the part of the screen the
/// step describes, with an arrow towards it, and that part's frame redrawn
/// in heavy lines and the highlight colour.
struct TourOverlay {
  let state: AppState
  let step: TourStep

  /// The colour of the tour's box and of the frame it points at.
  static let highlight = TerminalColor.yellow
  /// The widest the box gets, and the narrowest it may be beside its target.
  static let preferredWidth = 48
  static let minimumWidth = 30

  /// The sides of the target the box may sit on.
  enum Side: CaseIterable {
    case right
    case below
    case left
    case above
  }

  func draw(into canvas: inout Canvas, in area: Rect) {
    let frames = Self.targetFrames(of: step, state: state, size: canvas.size)
    for frame in frames {
      highlightFrame(frame, in: &canvas)
    }
    let anchor = Self.targetArea(of: step, state: state, size: canvas.size)
    if step.target == .helpKey {
      canvas.restyle(anchor, foreground: Self.highlight, style: [.bold, .reverse])
    }

    let sides: [Side] = step.target == .helpKey ? [.above, .left] : Side.allCases
    let placement = Self.place(
      beside: anchor, in: area, sides: sides, avoiding: Self.titleEdges(of: step, state: state, size: canvas.size),
      height: { lines(width: $0 - 4).count + 2 })
    drawBox(placement.rect, into: &canvas)
    if let side = placement.side {
      drawArrow(on: placement.rect, facing: side, towards: anchor, into: &canvas)
    }
  }

  // MARK: - Targets

  /// Returns the frames of the panes that `step` describes, in the
  /// window `view` draws at `size`; none for the footer's help key.
  static func targetFrames(of step: TourStep, state: AppState, size: Size) -> [Rect] {
    let train = TrainLayout(size: size, training: state.training)
    switch step.target {
    case .model: return [train.model]
    case .settings: return [train.settings]
    case .lossChart: return [train.lossChart]
    case .histogram: return [train.histogram]
    case .rocAndMetrics: return [train.roc, train.metrics]
    case .exploreChart:
      guard state.exploreModel != nil else {
        return [Rect(x: 0, y: 1, width: size.width, height: size.height - 3)]
      }
      return [ExploreLayout(size: size, showsBottleneckInList: state.explore.showsBottleneckInList).chart]
    case .helpKey: return []
    }
  }

  /// Returns the smallest rectangle around what `step` describes: its
  /// frames, or the cells of `? help` at the footer's right end.
  static func targetArea(of step: TourStep, state: AppState, size: Size) -> Rect {
    guard step.target == .helpKey else {
      return targetFrames(of: step, state: state, size: size).reduce(nil) { union($0, $1) } ?? Rect(x: 0, y: 0, width: 0, height: 0)
    }
    // The footer draws its fixed hints at the right end, each as its key,
    // a space, its action and two spaces.
    let hints = Footer(state: state).fixedHints
    var x = size.width - hints.reduce(0) { $0 + $1.key.count + $1.action.count + 3 }
    for hint in hints {
      if hint.key == "?" {
        return Rect(x: x, y: size.height - 1, width: hint.key.count + 1 + hint.action.count, height: 1)
      }
      x += hint.key.count + hint.action.count + 3
    }
    return Rect(x: size.width - 1, y: size.height - 1, width: 0, height: 1)
  }

  /// Returns the top edges, which carry the titles, of the panes on the
  /// screen of `step` other than the ones it describes.
  static func titleEdges(of step: TourStep, state: AppState, size: Size) -> [Rect] {
    let frames: [Rect]
    switch step.screen {
    case .train:
      let train = TrainLayout(size: size, training: state.training)
      frames = [train.model, train.settings, train.lossChart, train.histogram, train.roc, train.metrics]
    case .explore:
      let explore = ExploreLayout(size: size, showsBottleneckInList: state.explore.showsBottleneckInList)
      frames = [explore.list, explore.chart, explore.details, explore.bottleneck].compactMap { $0 }
    case .runs:
      frames = []
    }
    let targets = targetFrames(of: step, state: state, size: size)
    return frames.filter { !targets.contains($0) }.map { Rect(x: $0.x, y: $0.y, width: $0.width, height: 1) }
  }

  private static func union(_ first: Rect?, _ second: Rect) -> Rect {
    guard let first else { return second }
    let x = min(first.x, second.x)
    let y = min(first.y, second.y)
    return Rect(x: x, y: y, width: max(first.maxX, second.maxX) - x, height: max(first.maxY, second.maxY) - y)
  }

  // MARK: - Placement

  /// Returns where the box goes: on the first of `sides` of `anchor` where
  /// it fits inside `area` at least `minimumWidth` columns wide, aligned
  /// with the anchor's top or left edge as far as `area` allows. Beside or
  /// below the anchor, the box then moves up or down to the nearest row
  /// where it covers the fewest cells of `titleEdges`, so the titles of
  /// the panes around stay readable. When no side fits, the box sits just
  /// above the bottom row of `area`, centred, with no side.
  ///
  /// - Parameters:
  ///   - titleEdges: the top edges of other panes, which carry their titles.
  ///   - height: the box's height for a given width.
  static func place(
    beside anchor: Rect, in area: Rect, sides: [Side], avoiding titleEdges: [Rect] = [], height: (Int) -> Int
  ) -> (rect: Rect, side: Side?) {
    for side in sides {
      if let rect = rect(on: side, of: anchor, in: area, height: height) {
        return (moved(rect, on: side, of: anchor, in: area, avoiding: titleEdges), side)
      }
    }
    // Inside the anchor's bottom edge when the anchor is that large, so
    // its frame stays in view.
    let width = min(preferredWidth, area.width)
    let boxHeight = min(height(width), area.height)
    let bottom = boxHeight < area.height ? area.maxY - 1 : area.maxY
    return (Rect(x: area.x + (area.width - width) / 2, y: bottom - boxHeight, width: width, height: boxHeight), nil)
  }

  private static func rect(on side: Side, of anchor: Rect, in area: Rect, height: (Int) -> Int) -> Rect? {
    // The edge of the anchor that the box touches, held inside `area`:
    // the footer's help key, for one, lies below it.
    let room: (width: Int, height: Int)
    switch side {
    case .right: room = (area.maxX - max(anchor.maxX, area.x), area.height)
    case .left: room = (min(anchor.x, area.maxX) - area.x, area.height)
    case .below: room = (area.width, area.maxY - max(anchor.maxY, area.y))
    case .above: room = (area.width, min(anchor.y, area.maxY) - area.y)
    }
    let width = min(preferredWidth, room.width)
    guard width >= minimumWidth else { return nil }
    let boxHeight = height(width)
    guard boxHeight <= room.height else { return nil }

    switch side {
    case .right, .left:
      let x = side == .right ? max(anchor.maxX, area.x) : min(anchor.x, area.maxX) - width
      let y = clamped(anchor.y, area.y, area.maxY - boxHeight)
      return Rect(x: x, y: y, width: width, height: boxHeight)
    case .below, .above:
      let x = clamped(anchor.x, area.x, area.maxX - width)
      let y = side == .below ? max(anchor.maxY, area.y) : min(anchor.y, area.maxY) - boxHeight
      return Rect(x: x, y: y, width: width, height: boxHeight)
    }
  }

  /// Returns `rect` moved to the row where it covers the fewest cells of
  /// `titleEdges`. The rows tried keep it in `area` and on `side` of
  /// `anchor`, with its arrow facing the anchor. Of equal rows, the one
  /// nearest to where it was wins.
  private static func moved(_ rect: Rect, on side: Side, of anchor: Rect, in area: Rect, avoiding titleEdges: [Rect])
    -> Rect
  {
    let rows: ClosedRange<Int>
    switch side {
    case .right, .left:
      // The arrow sits on a side edge between the corners, so at least one
      // of those rows must face the anchor.
      let lowest = max(area.y, anchor.y - rect.height + 2)
      let highest = min(area.maxY - rect.height, anchor.maxY - 2)
      rows = lowest <= highest ? lowest...highest : rect.y...rect.y
    case .below: rows = rect.y...max(rect.y, area.maxY - rect.height)
    // Above, the box stays against the anchor: for the footer's help key
    // its arrow would otherwise point at the panes.
    case .above: rows = rect.y...rect.y
    }
    func coveredCells(_ candidate: Rect) -> Int {
      titleEdges.reduce(0) { $0 + overlap(candidate, $1) }
    }
    return rows.map { Rect(x: rect.x, y: $0, width: rect.width, height: rect.height) }
      .min { first, second in
        let (firstCovered, secondCovered) = (coveredCells(first), coveredCells(second))
        if firstCovered != secondCovered { return firstCovered < secondCovered }
        return abs(first.y - rect.y) < abs(second.y - rect.y)
      } ?? rect
  }

  /// Returns the number of cells that `first` and `second` share.
  private static func overlap(_ first: Rect, _ second: Rect) -> Int {
    let width = min(first.maxX, second.maxX) - max(first.x, second.x)
    let height = min(first.maxY, second.maxY) - max(first.y, second.y)
    return width > 0 && height > 0 ? width * height : 0
  }

  private static func clamped(_ value: Int, _ lower: Int, _ upper: Int) -> Int {
    max(lower, min(value, upper))
  }

  // MARK: - Drawing

  /// Returns the box's text for a text width of `width`: the step's text,
  /// a blank line and the keys.
  private func lines(width: Int) -> [(text: String, isKeys: Bool)] {
    let keys = step == TourStep.allCases.last ? "Enter finishes  Left back  Esc closes" : "Enter/Right next  Left back  Esc skips"
    let text = wrapped(step.text(in: state), width: width).map { ($0, false) }
    // The keys keep their double spaces when they fit on one line.
    let keyLines = keys.count <= width ? [keys] : wrapped(keys, width: width)
    return text + [("", false)] + keyLines.map { ($0, true) }
  }

  private func drawBox(_ rect: Rect, into canvas: inout Canvas) {
    canvas.fill(rect)
    let title = Self.title(of: step)
    canvas.drawBox(rect, title: title, glyphs: state.glyphs, color: Self.highlight, style: .bold)
    let inner = rect.inset(by: 1)
    for (row, line) in lines(width: inner.width - 2).prefix(inner.height).enumerated() {
      canvas.write(
        line.text, x: inner.x + 1, y: inner.y + row, foreground: line.isKeys ? Theme.muted : .default, clip: inner)
    }
  }

  /// "Tour 3/7: Training and loss"
  static func title(of step: TourStep) -> String {
    "Tour \(step.number)/\(TourStep.allCases.count): \(step.title)"
  }

  /// Puts an arrow on the edge of `box` that faces the target, level with
  /// the middle of `anchor` as far as the edge reaches. On the top edge
  /// the arrow stays right of the title.
  private func drawArrow(on box: Rect, facing side: Side, towards anchor: Rect, into canvas: inout Canvas) {
    let unicode = state.glyphs.isUnicode
    let middleY = Self.clamped(anchor.y + anchor.height / 2, box.y + 1, box.maxY - 2)
    let titleEnd = box.x + 1 + Self.title(of: step).count + 2
    let firstX = side == .below ? titleEnd : box.x + 1
    let middleX = Self.clamped(anchor.x + anchor.width / 2, firstX, box.maxX - 2)
    let arrow: (character: Character, x: Int, y: Int)
    switch side {
    case .right: arrow = (unicode ? "◀" : "<", box.x, middleY)
    case .left: arrow = (unicode ? "▶" : ">", box.maxX - 1, middleY)
    case .below: arrow = (unicode ? "▲" : "^", middleX, box.y)
    case .above: arrow = (unicode ? "▼" : "v", middleX, box.maxY - 1)
    }
    canvas[arrow.x, arrow.y] = Cell(arrow.character, foreground: Self.highlight, style: .bold)
  }

  /// Redraws the frame around `rect` in heavy lines (`#` and `=` in ASCII)
  /// and the highlight colour, keeping the title in its top edge.
  private func highlightFrame(_ rect: Rect, in canvas: inout Canvas) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let glyphs = state.glyphs
    let heavy: [Character: Character] =
      glyphs.isUnicode
      ? [glyphs.horizontal: "━", glyphs.vertical: "┃", glyphs.topLeft: "┏", glyphs.topRight: "┓",
        glyphs.bottomLeft: "┗", glyphs.bottomRight: "┛"]
      : [glyphs.horizontal: "=", glyphs.vertical: "#", glyphs.topLeft: "#"]
    var edge: [(x: Int, y: Int)] = []
    for x in rect.x..<rect.maxX {
      edge += [(x, rect.y), (x, rect.maxY - 1)]
    }
    for y in rect.y + 1..<rect.maxY - 1 {
      edge += [(rect.x, y), (rect.maxX - 1, y)]
    }
    for (x, y) in edge {
      var cell = canvas[x, y]
      cell.character = heavy[cell.character] ?? cell.character
      cell.foreground = Self.highlight
      cell.style = .bold
      canvas[x, y] = cell
    }
  }
}
