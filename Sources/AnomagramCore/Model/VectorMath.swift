/// Elementwise math on `Float` buffers, written with SIMD vectors so that
/// activations, the loss and the optimizers cost little next to the matrix
/// products.
enum VectorMath {
  typealias Vector = SIMD8<Float>

  /// Returns `e^x` for each lane, within a few ulp of the correctly rounded
  /// result for `x` in `[-87, 88]`; inputs outside are clamped to it.
  ///
  /// Range reduction `x = n ln 2 + r` with `|r| <= ln 2 / 2`, then
  /// `e^x = 2^n e^r`. The polynomial for `e^r` is the minimax fit used by
  /// the Cephes library's `expf` (Moshier, "Methods and Programs for
  /// Mathematical Functions", 1989). `ln 2` is split in two parts so that
  /// `n ln 2` is exact for the `n` that occur.
  @inline(__always)
  static func exp(_ x: Vector) -> Vector {
    // e^88 is just below Float's maximum and e^-87 just above its smallest
    // normal number, so 2^n below stays a normal float.
    let low = Vector(repeating: -87)
    let high = Vector(repeating: 88)
    let clamped = x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)

    // Adding 1.5 * 2^23 rounds to the nearest integer and leaves that
    // integer in the low mantissa bits, which avoids a rounding call.
    let roundingShift: Float = 12_582_912
    let shifted = clamped * 1.442_695_04 + roundingShift
    let n = shifted - roundingShift
    let r = clamped - n * 0.693_359_375 + n * 2.121_944_4e-4

    var p = Vector(repeating: 1.987_569_15e-4)
    p = p * r + 1.398_199_950_7e-3
    p = p * r + 8.333_451_907_3e-3
    p = p * r + 4.166_579_589_4e-2
    p = p * r + 1.666_666_545_9e-1
    p = p * r + 5.000_000_120_1e-1
    let expR = p * r * r + r + 1

    let shiftedBits = unsafeBitCast(shifted, to: SIMD8<UInt32>.self)
    let exponentBits = (shiftedBits &- 0x4B40_0000 &+ 127) &<< 23
    return expR * unsafeBitCast(exponentBits, to: Vector.self)
  }

  /// Returns `1 / (1 + e^-x)` for each lane.
  @inline(__always)
  static func sigmoid(_ x: Vector) -> Vector {
    1 / (1 + exp(-x))
  }

  @inline(__always)
  static func load(_ pointer: UnsafePointer<Float>) -> Vector {
    UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
  }

  @inline(__always)
  static func store(_ value: Vector, to pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Vector.self)
  }

  /// Replaces each of `count` values `x` with `Operation.apply(x)`, a vector
  /// at a time; the last partial vector is padded with zeros.
  ///
  /// The operation is a type rather than a closure so that the compiler
  /// specializes and inlines it; closures here were left as calls.
  @inline(__always)
  static func transform<Operation: UnaryVectorOperation>(
    _ values: UnsafeMutablePointer<Float>, count: Int, _: Operation.Type
  ) {
    let lanes = Vector.scalarCount
    var index = 0
    while index + 2 * lanes <= count {
      // Two independent vectors per iteration keep more arithmetic in flight.
      let first = Operation.apply(load(values + index))
      let second = Operation.apply(load(values + index + lanes))
      store(first, to: values + index)
      store(second, to: values + index + lanes)
      index += 2 * lanes
    }
    while index < count {
      let remaining = min(lanes, count - index)
      var tail = Vector(repeating: 0)
      for lane in 0..<remaining { tail[lane] = values[index + lane] }
      let result = Operation.apply(tail)
      for lane in 0..<remaining { values[index + lane] = result[lane] }
      index += remaining
    }
  }

  /// Replaces each of `count` values `a` with `Operation.apply(a, b)`, where
  /// `b` is the value at the same index of `other`.
  @inline(__always)
  static func combine<Operation: BinaryVectorOperation>(
    _ values: UnsafeMutablePointer<Float>, with other: UnsafePointer<Float>, count: Int, _: Operation.Type
  ) {
    let lanes = Vector.scalarCount
    var index = 0
    while index + 2 * lanes <= count {
      let first = Operation.apply(load(values + index), load(other + index))
      let second = Operation.apply(load(values + index + lanes), load(other + index + lanes))
      store(first, to: values + index)
      store(second, to: values + index + lanes)
      index += 2 * lanes
    }
    while index < count {
      let remaining = min(lanes, count - index)
      var tailA = Vector(repeating: 0)
      var tailB = Vector(repeating: 0)
      for lane in 0..<remaining {
        tailA[lane] = values[index + lane]
        tailB[lane] = other[index + lane]
      }
      let result = Operation.apply(tailA, tailB)
      for lane in 0..<remaining { values[index + lane] = result[lane] }
      index += remaining
    }
  }
}

/// An elementwise function of one vector, for `VectorMath.transform`.
protocol UnaryVectorOperation {
  static func apply(_ x: VectorMath.Vector) -> VectorMath.Vector
}

/// An elementwise function of two vectors, for `VectorMath.combine`.
protocol BinaryVectorOperation {
  static func apply(_ a: VectorMath.Vector, _ b: VectorMath.Vector) -> VectorMath.Vector
}
