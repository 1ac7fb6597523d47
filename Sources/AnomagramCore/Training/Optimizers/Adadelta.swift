/// Adadelta (Zeiler, "ADADELTA: An Adaptive Learning Rate Method", 2012),
/// with Keras 3's learning-rate factor on the step:
///
/// ```
/// G ← ρ G + (1 - ρ) g²
/// Δ = -sqrt(D + ε) / sqrt(G + ε) · g
/// D ← ρ D + (1 - ρ) Δ²
/// w ← w + lr Δ
/// ```
final class Adadelta: Optimizer {
  var settings: OptimizerSettings
  private let accumulatedGradient: FloatBuffer
  private let accumulatedDelta: FloatBuffer

  init(settings: OptimizerSettings, parameterCount: Int) {
    self.settings = settings
    accumulatedGradient = FloatBuffer(count: parameterCount)
    accumulatedDelta = FloatBuffer(count: parameterCount)
  }

  var learningRate: Float {
    get { settings.learningRate }
    set { settings.learningRate = newValue }
  }

  func update(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, count: Int) {
    let lr = settings.learningRate
    let rho = settings.rho
    let epsilon = settings.epsilon
    let squaredGradients = accumulatedGradient.pointer
    let squaredDeltas = accumulatedDelta.pointer
    for i in 0..<count {
      let g = gradients[i]
      squaredGradients[i] = rho * squaredGradients[i] + (1 - rho) * g * g
      let delta = -(squaredDeltas[i] + epsilon).squareRoot() / (squaredGradients[i] + epsilon).squareRoot() * g
      squaredDeltas[i] = rho * squaredDeltas[i] + (1 - rho) * delta * delta
      parameters[i] += lr * delta
    }
  }
}
