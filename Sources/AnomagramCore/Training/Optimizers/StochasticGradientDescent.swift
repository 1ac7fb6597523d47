/// Plain stochastic gradient descent: `w ← w - lr g`.
final class StochasticGradientDescent: Optimizer {
  var settings: OptimizerSettings

  init(settings: OptimizerSettings) {
    self.settings = settings
  }

  var learningRate: Float {
    get { settings.learningRate }
    set { settings.learningRate = newValue }
  }

  func update(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, count: Int) {
    let lr = settings.learningRate
    for i in 0..<count {
      parameters[i] -= lr * gradients[i]
    }
  }
}
