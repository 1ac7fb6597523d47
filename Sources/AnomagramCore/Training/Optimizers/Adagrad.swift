/// Adagrad (Duchi, Hazan and Singer, "Adaptive Subgradient Methods", 2011)
/// as Keras 3 writes it, with the accumulator starting at 0.1:
///
/// ```
/// A ← A + g²
/// w ← w - lr g / sqrt(A + ε)
/// ```
final class Adagrad: Optimizer {
  static let initialAccumulatorValue: Float = 0.1

  var settings: OptimizerSettings
  private let accumulator: FloatBuffer

  init(settings: OptimizerSettings, parameterCount: Int) {
    self.settings = settings
    accumulator = FloatBuffer(count: parameterCount)
    accumulator.fill(with: Self.initialAccumulatorValue)
  }

  var learningRate: Float {
    get { settings.learningRate }
    set { settings.learningRate = newValue }
  }

  func update(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, count: Int) {
    let lr = settings.learningRate
    let epsilon = settings.epsilon
    let a = accumulator.pointer
    for i in 0..<count {
      let g = gradients[i]
      a[i] += g * g
      parameters[i] -= lr * g / (a[i] + epsilon).squareRoot()
    }
  }
}
