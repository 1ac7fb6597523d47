import Foundation

/// Adamax, the infinity-norm variant of Adam (Kingma and Ba, 2014, section
/// 7.1), as Keras 3 writes it:
///
/// ```
/// t ← t + 1
/// m ← m + (g - m)(1 - β1)
/// u ← max(β2 u, |g|)
/// w ← w - lr m / ((1 - β1^t)(u + ε))
/// ```
final class Adamax: Optimizer {
  var settings: OptimizerSettings
  private let m: FloatBuffer
  private let u: FloatBuffer
  private var step = 0

  init(settings: OptimizerSettings, parameterCount: Int) {
    self.settings = settings
    m = FloatBuffer(count: parameterCount)
    u = FloatBuffer(count: parameterCount)
  }

  var learningRate: Float {
    get { settings.learningRate }
    set { settings.learningRate = newValue }
  }

  func update(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, count: Int) {
    step += 1
    let lr = settings.learningRate
    let beta1 = settings.beta1
    let beta2 = settings.beta2
    let epsilon = settings.epsilon
    let correction = 1 - pow(beta1, Float(step))
    let m = m.pointer
    let u = u.pointer
    for i in 0..<count {
      let g = gradients[i]
      m[i] += (g - m[i]) * (1 - beta1)
      u[i] = max(beta2 * u[i], abs(g))
      parameters[i] -= lr * m[i] / (correction * (u[i] + epsilon))
    }
  }
}
