/// A fixed-size, zero-initialised block of `Float` memory for the training
/// hot path, where `Array`'s copy-on-write checks and bounds checks cost
/// more than the arithmetic on narrow layers.
///
/// Not thread-safe: a buffer belongs to the one queue that trains with it.
final class FloatBuffer {
  let count: Int
  let pointer: UnsafeMutablePointer<Float>

  init(count: Int) {
    self.count = count
    pointer = .allocate(capacity: max(count, 1))
    pointer.initialize(repeating: 0, count: max(count, 1))
  }

  convenience init(_ values: [Float]) {
    self.init(count: values.count)
    values.withUnsafeBufferPointer { source in
      guard let base = source.baseAddress else { return }
      pointer.update(from: base, count: values.count)
    }
  }

  deinit {
    pointer.deallocate()
  }

  var array: [Float] {
    Array(UnsafeBufferPointer(start: pointer, count: count))
  }

  func fill(with value: Float) {
    pointer.update(repeating: value, count: count)
  }

  subscript(index: Int) -> Float {
    get { pointer[index] }
    set { pointer[index] = newValue }
  }
}
