import Foundation

/// Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", 2014)
/// in the form Keras 3 uses, with the bias corrections folded into the step
/// size and `ε` added outside the square root:
///
/// ```
/// t ← t + 1
/// α = lr sqrt(1 - β2^t) / (1 - β1^t)
/// m ← m + (g - m)(1 - β1)
/// v ← v + (g² - v)(1 - β2)
/// w ← w - α m / (sqrt(v) + ε)
/// ```
final class Adam: Optimizer {
  var settings: OptimizerSettings
  private let m: FloatBuffer
  private let v: FloatBuffer
  private var step = 0

  init(settings: OptimizerSettings, parameterCount: Int) {
    self.settings = settings
    m = FloatBuffer(count: parameterCount)
    v = FloatBuffer(count: parameterCount)
  }

  var learningRate: Float {
    get { settings.learningRate }
    set { settings.learningRate = newValue }
  }

  func update(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, count: Int) {
    step += 1
    let t = Float(step)
    let alpha = settings.learningRate * (1 - pow(settings.beta2, t)).squareRoot() / (1 - pow(settings.beta1, t))
    let decay1 = 1 - settings.beta1
    let decay2 = 1 - settings.beta2
    let epsilon = settings.epsilon
    let m = m.pointer
    let v = v.pointer

    // The same arithmetic a vector at a time, then one by one.
    typealias Vector = VectorMath.Vector
    var i = 0
    while i + Vector.scalarCount <= count {
      let g = VectorMath.load(gradients + i)
      let newM = VectorMath.load(m + i) + (g - VectorMath.load(m + i)) * decay1
      let newV = VectorMath.load(v + i) + (g * g - VectorMath.load(v + i)) * decay2
      VectorMath.store(newM, to: m + i)
      VectorMath.store(newV, to: v + i)
      VectorMath.store(VectorMath.load(parameters + i) - alpha * newM / (newV.squareRoot() + epsilon), to: parameters + i)
      i += Vector.scalarCount
    }
    while i < count {
      let g = gradients[i]
      m[i] += (g - m[i]) * decay1
      v[i] += (g * g - v[i]) * decay2
      parameters[i] -= alpha * m[i] / (v[i].squareRoot() + epsilon)
      i += 1
    }
  }
}
