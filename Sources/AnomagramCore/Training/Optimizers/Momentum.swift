/// Stochastic gradient descent with momentum, as Keras 3's `SGD` with
/// `momentum > 0` and no Nesterov step:
///
/// ```
/// v ← μ v - lr g
/// w ← w + v
/// ```
final class Momentum: Optimizer {
  var settings: OptimizerSettings
  private let velocity: FloatBuffer

  init(settings: OptimizerSettings, parameterCount: Int) {
    self.settings = settings
    velocity = FloatBuffer(count: parameterCount)
  }

  var learningRate: Float {
    get { settings.learningRate }
    set { settings.learningRate = newValue }
  }

  func update(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, count: Int) {
    let lr = settings.learningRate
    let mu = settings.momentum
    let v = velocity.pointer
    for i in 0..<count {
      v[i] = mu * v[i] - lr * gradients[i]
      parameters[i] += v[i]
    }
  }
}
