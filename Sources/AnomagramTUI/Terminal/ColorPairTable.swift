/// Assigns curses colour-pair numbers to the foreground and background
/// combinations drawn so far, in order of first use.
///
/// Pair 0 is fixed to the terminal's default colours, so combinations equal
/// to `defaultColors` use it without taking a number. The others get 1, 2, …
/// up to `maxPairNumber`. Once every number is taken, further combinations
/// also map to pair 0: those cells show in the default colours but keep
/// their attributes, so reverse-video highlights stay visible. Numbers are
/// never reused, because redefining a pair recolours every cell on screen
/// that uses it.
struct ColorPairTable {
  /// Curses colour numbers: 0–255, or -1 for the terminal's default colour.
  struct Colors: Hashable {
    var foreground: Int32
    var background: Int32
  }

  /// The highest pair number the terminal accepts (`COLOR_PAIRS` - 1, or
  /// less where the curses build limits it).
  let maxPairNumber: Int
  let defaultColors: Colors
  private var numbers: [Colors: Int32] = [:]

  init(maxPairNumber: Int, defaultColors: Colors) {
    self.maxPairNumber = max(maxPairNumber, 0)
    self.defaultColors = defaultColors
  }

  /// The number of pairs handed out, pair 0 not counted.
  var count: Int { numbers.count }

  /// Returns the pair number for `colors`, and whether it is newly assigned
  /// and so still has to be defined with `init_extended_pair`.
  mutating func pairNumber(for colors: Colors) -> (number: Int32, isNew: Bool) {
    if colors == defaultColors {
      return (0, false)
    }
    if let number = numbers[colors] {
      return (number, false)
    }
    guard numbers.count < maxPairNumber else {
      return (0, false)
    }
    let number = Int32(numbers.count + 1)
    numbers[colors] = number
    return (number, true)
  }
}
