/// A small, fast pseudo-random generator whose sequence depends only on its
/// seed, so that runs repeat bit for bit on every platform.
///
/// The state is advanced with SplitMix64 (Steele, Lea and Flood, "Fast
/// splittable pseudorandom number generators", OOPSLA 2014). Swift's
/// `SystemRandomNumberGenerator` cannot be seeded, and the standard
/// library's `Int.random(in:using:)` may change its algorithm between
/// releases, so the helpers below draw values with fixed formulas.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A generator for one purpose (splitting, initialising, shuffling),
  /// independent of the others drawn from the same seed.
  public static func stream(seed: UInt64, purpose: UInt64) -> SeededGenerator {
    var mixer = SeededGenerator(seed: seed ^ (purpose &* 0xD1B5_4A32_D192_ED03))
    return SeededGenerator(seed: mixer.next())
  }

  /// A uniform integer in `0..<bound`, without modulo bias.
  ///
  /// Uses Lemire's multiply-and-reject method ("Fast random integer
  /// generation in an interval", ACM TOMACS 2019).
  public mutating func nextIndex(below bound: Int) -> Int {
    precondition(bound > 0, "Bound must be positive, got \(bound)")
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold {
        product = next().multipliedFullWidth(by: range)
      }
    }
    return Int(product.high)
  }

  /// A uniform `Float` in `[0, 1)` with 24 random bits.
  public mutating func nextUnitFloat() -> Float {
    Float(next() >> 40) * 0x1p-24
  }

  /// A uniform `Double` in `[0, 1)` with 53 random bits.
  public mutating func nextUnitDouble() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// Shuffles `values` in place with the Fisher-Yates algorithm.
  public mutating func shuffle<T>(_ values: inout [T]) {
    guard values.count > 1 else { return }
    for index in stride(from: values.count - 1, to: 0, by: -1) {
      let other = nextIndex(below: index + 1)
      values.swapAt(index, other)
    }
  }
}
