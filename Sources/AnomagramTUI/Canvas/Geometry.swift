/// A width and height in terminal cells.
public struct Size: Equatable, Hashable, Sendable {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
}

/// A rectangle of terminal cells; `x` grows to the right, `y` downwards.
public struct Rect: Equatable, Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public init(origin x: Int, _ y: Int, size: Size) {
    self.init(x: x, y: y, width: size.width, height: size.height)
  }

  public var maxX: Int { x + width }
  public var maxY: Int { y + height }
  public var isEmpty: Bool { width <= 0 || height <= 0 }

  public func contains(x column: Int, y row: Int) -> Bool {
    column >= x && column < maxX && row >= y && row < maxY
  }

  /// The rectangle shrunk by `amount` cells on every side.
  public func inset(by amount: Int) -> Rect {
    Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
  }

  /// The top `rows` rows and the rest below them.
  public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
    let top = min(max(rows, 0), height)
    return (
      Rect(x: x, y: y, width: width, height: top),
      Rect(x: x, y: y + top, width: width, height: height - top)
    )
  }

  /// The bottom `rows` rows and the rest above them.
  public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
    let bottom = min(max(rows, 0), height)
    return (
      Rect(x: x, y: y, width: width, height: height - bottom),
      Rect(x: x, y: maxY - bottom, width: width, height: bottom)
    )
  }

  /// The left `columns` columns and the rest to their right.
  public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
    let left = min(max(columns, 0), width)
    return (
      Rect(x: x, y: y, width: left, height: height),
      Rect(x: x + left, y: y, width: width - left, height: height)
    )
  }

  /// Splits the width into parts proportional to `weights`; rounding
  /// leftovers go to the last part.
  public func columns(weights: [Int]) -> [Rect] {
    let total = max(weights.reduce(0, +), 1)
    var result: [Rect] = []
    var offset = x
    for (index, weight) in weights.enumerated() {
      let partWidth = index == weights.count - 1 ? maxX - offset : width * weight / total
      result.append(Rect(x: offset, y: y, width: partWidth, height: height))
      offset += partWidth
    }
    return result
  }

  /// Splits the height into parts proportional to `weights`; rounding
  /// leftovers go to the last part.
  public func rows(weights: [Int]) -> [Rect] {
    let total = max(weights.reduce(0, +), 1)
    var result: [Rect] = []
    var offset = y
    for (index, weight) in weights.enumerated() {
      let partHeight = index == weights.count - 1 ? maxY - offset : height * weight / total
      result.append(Rect(x: x, y: offset, width: width, height: partHeight))
      offset += partHeight
    }
    return result
  }
}
