/// RMSProp (Hinton, Coursera "Neural Networks for Machine Learning",
/// lecture 6e, 2012) as Keras 3 writes it without momentum or centering:
///
/// ```
/// s ← ρ s + (1 - ρ) g²
/// w ← w - lr g / sqrt(s + ε)
/// ```
final class RMSProp: Optimizer {
  var settings: OptimizerSettings
  private let meanSquare: FloatBuffer

  init(settings: OptimizerSettings, parameterCount: Int) {
    self.settings = settings
    meanSquare = FloatBuffer(count: parameterCount)
  }

  var learningRate: Float {
    get { settings.learningRate }
    set { settings.learningRate = newValue }
  }

  func update(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, count: Int) {
    let lr = settings.learningRate
    let rho = settings.rho
    let epsilon = settings.epsilon
    let s = meanSquare.pointer
    for i in 0..<count {
      let g = gradients[i]
      s[i] = rho * s[i] + (1 - rho) * g * g
      parameters[i] -= lr * g / (s[i] + epsilon).squareRoot()
    }
  }
}
