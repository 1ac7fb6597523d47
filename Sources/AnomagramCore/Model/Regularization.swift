/// A penalty on the size of the kernels (never the biases) that is added to
/// the loss, as Keras's `kernel_regularizer` does.
///
/// With rate `r`: L1 adds `r Σ|w|`, L2 adds `r Σw²`, and L1+L2 adds both
/// with the same rate. The rate is separate from the learning rate.
public struct Regularization: Sendable, Equatable, Hashable, Codable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case none
    case l1
    case l2
    case l1l2
  }

  public var kind: Kind
  public var rate: Float

  public init(kind: Kind = .none, rate: Float = 0.001) {
    self.kind = kind
    self.rate = rate
  }

  public static let none = Regularization(kind: .none)

  var usesL1: Bool { kind == .l1 || kind == .l1l2 }
  var usesL2: Bool { kind == .l2 || kind == .l1l2 }

  /// The penalty for the kernels of `layers` in `parameters`.
  func penalty(parameters: UnsafePointer<Float>, layers: [DenseLayout]) -> Double {
    guard kind != .none else { return 0 }
    var absoluteSum: Double = 0
    var squareSum: Double = 0
    for layer in layers {
      for index in layer.weightOffset..<layer.biasOffset {
        let weight = Double(parameters[index])
        absoluteSum += abs(weight)
        squareSum += weight * weight
      }
    }
    let rate = Double(self.rate)
    return (usesL1 ? rate * absoluteSum : 0) + (usesL2 ? rate * squareSum : 0)
  }

  /// Adds the penalty's gradient to the kernel gradients:
  /// `r sign(w)` for L1 (0 at `w = 0`) and `2 r w` for L2.
  func addGradient(
    parameters: UnsafePointer<Float>, gradients: UnsafeMutablePointer<Float>, layers: [DenseLayout]
  ) {
    guard kind != .none else { return }
    let l1 = usesL1 ? rate : 0
    let l2 = usesL2 ? 2 * rate : 0
    for layer in layers {
      for index in layer.weightOffset..<layer.biasOffset {
        let weight = parameters[index]
        let sign: Float = weight > 0 ? 1 : (weight < 0 ? -1 : 0)
        gradients[index] += l1 * sign + l2 * weight
      }
    }
  }
}
