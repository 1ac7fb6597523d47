/// The optimizer that updates the parameters and its hyperparameters.
///
/// The update formulas and defaults follow Keras 3's optimizers. Each field
/// is used only by the optimizers that name it.
public struct OptimizerSettings: Sendable, Equatable, Hashable, Codable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case sgd
    case momentum
    case adam
    case adamax
    case adadelta
    case adagrad
    case rmsprop
  }

  public var kind: Kind
  /// Step size; must be positive.
  public var learningRate: Float
  /// Momentum factor of `momentum` (SGD with momentum), in [0, 1).
  public var momentum: Float
  /// Decay of the first-moment average of `adam` and `adamax`, in [0, 1).
  public var beta1: Float
  /// Decay of the second-moment average of `adam` and the infinity norm of
  /// `adamax`, in [0, 1).
  public var beta2: Float
  /// Decay of the squared-gradient average of `adadelta` (0.95 by default)
  /// and `rmsprop` (0.9 by default), in [0, 1).
  public var rho: Float
  /// Small constant added to denominators of the adaptive optimizers.
  public var epsilon: Float

  public init(
    kind: Kind, learningRate: Float? = nil, momentum: Float = 0.9, beta1: Float = 0.9,
    beta2: Float = 0.999, rho: Float? = nil, epsilon: Float = 1e-7
  ) {
    self.kind = kind
    self.learningRate = learningRate ?? Self.defaultLearningRate(for: kind)
    self.momentum = momentum
    self.beta1 = beta1
    self.beta2 = beta2
    self.rho = rho ?? Self.defaultRho(for: kind)
    self.epsilon = epsilon
  }

  /// Keras 3's default learning rate: 0.01 for SGD, 0.001 for the others.
  public static func defaultLearningRate(for kind: Kind) -> Float {
    switch kind {
    case .sgd, .momentum: return 0.01
    case .adam, .adamax, .adadelta, .adagrad, .rmsprop: return 0.001
    }
  }

  public static func defaultRho(for kind: Kind) -> Float {
    kind == .adadelta ? 0.95 : 0.9
  }

  /// Checks the values, returning a sentence that names the first bad one.
  public func validationFailure() -> String? {
    if !(learningRate > 0) || !learningRate.isFinite {
      return "The learning rate must be a positive number, got \(learningRate)."
    }
    for (name, value) in [("momentum", momentum), ("beta1", beta1), ("beta2", beta2), ("rho", rho)]
    where !(value >= 0 && value < 1) {
      return "\(name) must be at least 0 and below 1, got \(value)."
    }
    if !(epsilon > 0) || !epsilon.isFinite {
      return "epsilon must be a positive number, got \(epsilon)."
    }
    return nil
  }

  /// Creates the optimizer with zeroed state for `count` parameters.
  func makeOptimizer(parameterCount count: Int) -> any Optimizer {
    switch kind {
    case .sgd: return StochasticGradientDescent(settings: self)
    case .momentum: return Momentum(settings: self, parameterCount: count)
    case .adam: return Adam(settings: self, parameterCount: count)
    case .adamax: return Adamax(settings: self, parameterCount: count)
    case .adadelta: return Adadelta(settings: self, parameterCount: count)
    case .adagrad: return Adagrad(settings: self, parameterCount: count)
    case .rmsprop: return RMSProp(settings: self, parameterCount: count)
    }
  }
}

/// An update rule that moves the parameters against their gradients and
/// keeps whatever running averages it needs between steps.
protocol Optimizer: AnyObject {
  var settings: OptimizerSettings { get }
  /// Changes the step size from the next update on, keeping the state.
  var learningRate: Float { get set }
  /// Applies one update to `count` parameters.
  func update(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, count: Int)
}
