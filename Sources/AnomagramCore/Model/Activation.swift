import Foundation

/// Elementwise activation function of a dense layer.
public enum Activation: String, Sendable, Codable, CaseIterable {
  /// `max(0, x)`.
  case relu
  /// `x` for `x > 0`, otherwise `0.2 x` (Keras 3's default negative slope).
  case leakyRelu = "leaky-relu"
  /// `x` for `x > 0`, otherwise `e^x - 1` (Clevert et al., 2015, with alpha 1).
  case elu
  /// Hyperbolic tangent.
  case tanh
  /// Logistic sigmoid `1 / (1 + e^-x)`.
  case sigmoid
  /// Identity.
  case linear

  static let leakyReluSlope: Float = 0.2

  /// The value of the function at one point, in plain scalar math; the
  /// reference that tests compare the buffer versions against.
  public func callAsFunction(_ x: Float) -> Float {
    switch self {
    case .relu: return x < 0 ? 0 : x
    case .leakyRelu: return x > 0 ? x : Self.leakyReluSlope * x
    case .elu: return x > 0 ? x : Foundation.expm1(x)
    case .tanh: return Foundation.tanh(x)
    case .sigmoid: return 1 / (1 + Foundation.exp(-x))
    case .linear: return x
    }
  }

  /// Applies the function in place to `count` values.
  ///
  /// Elu, tanh and sigmoid use `VectorMath.exp`; tanh is computed as
  /// `2 sigmoid(2x) - 1`, which is within about 1e-7 of the true value.
  func apply(_ values: UnsafeMutablePointer<Float>, count: Int) {
    switch self {
    case .relu: VectorMath.transform(values, count: count, ReluForward.self)
    case .leakyRelu: VectorMath.transform(values, count: count, LeakyReluForward.self)
    case .elu: VectorMath.transform(values, count: count, EluForward.self)
    case .tanh: VectorMath.transform(values, count: count, TanhForward.self)
    case .sigmoid: VectorMath.transform(values, count: count, SigmoidForward.self)
    case .linear: break
    }
  }

  /// Multiplies each gradient by the derivative of the function, in place.
  ///
  /// Every derivative here can be written in terms of the layer's output
  /// `y = f(x)`, so the backward pass needs no copy of the pre-activations:
  /// relu `y > 0 ? 1 : 0`, leaky relu `y > 0 ? 1 : 0.2`, elu
  /// `y > 0 ? 1 : y + 1`, tanh `1 - y^2`, sigmoid `y (1 - y)`. At `x = 0`
  /// relu and leaky relu take the left-hand derivative, as Keras does.
  func multiplyByDerivative(
    _ gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int
  ) {
    switch self {
    case .relu: VectorMath.combine(gradient, with: output, count: count, ReluBackward.self)
    case .leakyRelu: VectorMath.combine(gradient, with: output, count: count, LeakyReluBackward.self)
    case .elu: VectorMath.combine(gradient, with: output, count: count, EluBackward.self)
    case .tanh: VectorMath.combine(gradient, with: output, count: count, TanhBackward.self)
    case .sigmoid: VectorMath.combine(gradient, with: output, count: count, SigmoidBackward.self)
    case .linear: break
    }
  }
}

// MARK: - Vector kernels

private typealias Vector = VectorMath.Vector

private enum ReluForward: UnaryVectorOperation {
  @inline(__always) static func apply(_ x: Vector) -> Vector {
    x.replacing(with: 0, where: x .< 0)
  }
}

private enum LeakyReluForward: UnaryVectorOperation {
  @inline(__always) static func apply(_ x: Vector) -> Vector {
    x.replacing(with: Activation.leakyReluSlope * x, where: x .< 0)
  }
}

private enum EluForward: UnaryVectorOperation {
  @inline(__always) static func apply(_ x: Vector) -> Vector {
    x.replacing(with: VectorMath.exp(x) - 1, where: x .< 0)
  }
}

private enum TanhForward: UnaryVectorOperation {
  @inline(__always) static func apply(_ x: Vector) -> Vector {
    2 * VectorMath.sigmoid(2 * x) - 1
  }
}

private enum SigmoidForward: UnaryVectorOperation {
  @inline(__always) static func apply(_ x: Vector) -> Vector {
    VectorMath.sigmoid(x)
  }
}

private enum ReluBackward: BinaryVectorOperation {
  @inline(__always) static func apply(_ gradient: Vector, _ output: Vector) -> Vector {
    gradient.replacing(with: 0, where: output .<= 0)
  }
}

private enum LeakyReluBackward: BinaryVectorOperation {
  @inline(__always) static func apply(_ gradient: Vector, _ output: Vector) -> Vector {
    gradient.replacing(with: Activation.leakyReluSlope * gradient, where: output .<= 0)
  }
}

private enum EluBackward: BinaryVectorOperation {
  @inline(__always) static func apply(_ gradient: Vector, _ output: Vector) -> Vector {
    gradient.replacing(with: gradient * (output + 1), where: output .<= 0)
  }
}

private enum TanhBackward: BinaryVectorOperation {
  @inline(__always) static func apply(_ gradient: Vector, _ output: Vector) -> Vector {
    gradient * (1 - output * output)
  }
}

private enum SigmoidBackward: BinaryVectorOperation {
  @inline(__always) static func apply(_ gradient: Vector, _ output: Vector) -> Vector {
    gradient * output * (1 - output)
  }
}
