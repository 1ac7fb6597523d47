import AnomagramCore

/// A signal drawn on the Explore screen, in the model's scaled units, with
/// the cursor and brush that edit it.
///
/// Keys move the points under the brush, a tent centred on the cursor: the
/// point `d` places from the cursor moves by `1 - d / (h + 1)` of the step,
/// where `h = (brushWidth - 1) / 2`. A 5-point brush moves its points by
/// 1/3, 2/3, 1, 2/3 and 1/3 of the step. Points beyond either end of the
/// series are left out. Values stay within `valueRange`, so the whole
/// drawing stays on the chart.
public struct Drawing: Equatable, Sendable {
  /// The signal a drawing started from.
  public enum Origin: Equatable, Sendable {
    /// A copy of this test row.
    case sample(Int)
    /// Every value at `Drawing.flatValue`.
    case flat
    /// Values drawn uniformly from [0, 1) with this seed.
    case noise(seed: UInt64)
  }

  public var origin: Origin
  /// The drawn values, scaled for the model's input.
  public var values: [Float]
  /// The index of the point under the centre of the brush.
  public var cursor: Int
  /// The number of points the brush covers: odd, from 1 to 15.
  public var brushWidth = 5
  /// The values the chart shows and the drawing stays within.
  public let valueRange: ClosedRange<Float>
  /// The point the last mouse press or drag set. A drag joins it to the
  /// new point with a straight line, so a fast drag leaves no gaps.
  public var strokeEnd: (index: Int, value: Float)?

  /// The change of one Up or Down press at the centre of the brush.
  public static let step: Float = 0.05
  /// The change of one Page Up or Page Down press at the centre of the brush.
  public static let largeStep: Float = 0.25
  public static let brushWidths = Array(stride(from: 1, through: 15, by: 2))
  /// The value of every point of a flat line: the middle of the training range.
  public static let flatValue: Float = 0.5

  /// Starts a drawing from `values`. The chart shows at least -0.25 to
  /// 1.25, a quarter beyond the training range [0, 1] on each side, and
  /// more when `values` reach further.
  public init(origin: Origin, values: [Float], cursor: Int? = nil) {
    precondition(!values.isEmpty, "A drawing needs at least one value")
    self.origin = origin
    self.values = values
    self.cursor = min(max(cursor ?? values.count / 2, 0), values.count - 1)
    let finite = values.filter(\.isFinite)
    valueRange = min(-0.25, finite.min() ?? 0)...max(1.25, finite.max() ?? 1)
  }

  /// Starts a drawing of `count` points at `flatValue`.
  public static func flat(count: Int) -> Drawing {
    Drawing(origin: .flat, values: Array(repeating: flatValue, count: count))
  }

  /// Starts a drawing of `count` points of uniform noise in [0, 1) from `seed`.
  public static func noise(count: Int, seed: UInt64) -> Drawing {
    var generator = SeededGenerator.stream(seed: seed, purpose: 7)
    let values = (0..<count).map { _ in generator.nextUnitFloat() }
    return Drawing(origin: .noise(seed: seed), values: values)
  }

  public static func == (left: Drawing, right: Drawing) -> Bool {
    left.origin == right.origin && left.values == right.values && left.cursor == right.cursor
      && left.brushWidth == right.brushWidth && left.valueRange == right.valueRange
      && left.strokeEnd?.index == right.strokeEnd?.index && left.strokeEnd?.value == right.strokeEnd?.value
  }

  // MARK: - Brush

  /// The points under the brush and the share of a step each moves, from
  /// left to right.
  public var brushWeights: [(index: Int, weight: Float)] {
    let half = (brushWidth - 1) / 2
    return (-half...half).compactMap { offset in
      let index = cursor + offset
      guard values.indices.contains(index) else { return nil }
      return (index, 1 - Float(abs(offset)) / Float(half + 1))
    }
  }

  /// Moves the cursor by `offset` points, stopping at either end.
  public mutating func moveCursor(by offset: Int) {
    cursor = min(max(cursor + offset, 0), values.count - 1)
  }

  /// Moves the points under the brush by `amount` times their weight.
  public mutating func raise(by amount: Float) {
    for (index, weight) in brushWeights {
      values[index] = clamped(values[index] + amount * weight)
    }
  }

  /// Makes the brush one size wider (`direction` 1) or narrower (-1).
  public mutating func changeBrush(by direction: Int) {
    let widths = Self.brushWidths
    let index = widths.firstIndex(of: brushWidth) ?? 2
    brushWidth = widths[min(max(index + direction, 0), widths.count - 1)]
  }

  // MARK: - Mouse strokes

  /// Sets the point at `index` to `value`, as a mouse press does, and
  /// starts a stroke there.
  public mutating func press(index: Int, value: Float) {
    let value = clamped(value)
    values[index] = value
    cursor = index
    strokeEnd = (index, value)
  }

  /// Sets the points from the stroke's last point to `index` on the
  /// straight line to `value`, as a mouse drag does.
  public mutating func drag(index: Int, value: Float) {
    let value = clamped(value)
    guard let start = strokeEnd, start.index != index else {
      press(index: index, value: value)
      return
    }
    let step = start.index < index ? 1 : -1
    for point in stride(from: start.index + step, through: index, by: step) {
      let fraction = Float(point - start.index) / Float(index - start.index)
      values[point] = start.value + fraction * (value - start.value)
    }
    cursor = index
    strokeEnd = (index, value)
  }

  private func clamped(_ value: Float) -> Float {
    min(max(value, valueRange.lowerBound), valueRange.upperBound)
  }
}
