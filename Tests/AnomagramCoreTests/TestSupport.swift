import Foundation

@testable import AnomagramCore

// MARK: - Approximate equality

/// Returns whether `actual` is within `absoluteTolerance` of `expected`, or
/// within `relativeTolerance` times the larger magnitude of the two.
///
/// NaN is never approximately equal to anything, and infinities only to
/// themselves. Pass the tolerance that the computation under test can
/// promise, and state in the test why it is that value.
func isApproximatelyEqual(
  _ actual: Double, _ expected: Double, absoluteTolerance: Double = 0, relativeTolerance: Double = 0
) -> Bool {
  precondition(absoluteTolerance >= 0 && relativeTolerance >= 0, "Tolerances must not be negative")
  if actual.isNaN || expected.isNaN { return false }
  if actual.isInfinite || expected.isInfinite { return actual == expected }
  let scale = max(abs(actual), abs(expected))
  return abs(actual - expected) <= max(absoluteTolerance, relativeTolerance * scale)
}

/// Returns `isApproximatelyEqual` for two `Float` values, compared in `Double`.
func isApproximatelyEqual(
  _ actual: Float, _ expected: Float, absoluteTolerance: Double = 0, relativeTolerance: Double = 0
) -> Bool {
  isApproximatelyEqual(
    Double(actual), Double(expected), absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance)
}

// MARK: - Reference network

/// A plain-loop forward pass of an autoencoder in `Double`, written from the
/// formulas and independent of `NetworkWorkspace`, BLAS and `VectorMath`.
///
/// Layer `i` computes `y = f(x W + b)` with `W` `[inputSize, outputSize]`
/// row-major at `weightOffset` and `b` right after it, as `DenseLayout`
/// documents.
struct ReferenceNetwork {
  let architecture: Architecture
  var parameters: [Double]

  init(architecture: Architecture, parameters: [Double]) {
    self.architecture = architecture
    self.parameters = parameters
  }

  init(_ model: Autoencoder) {
    self.init(architecture: model.architecture, parameters: model.parameters.map(Double.init))
  }

  /// Returns each layer's pre-activation `x W + b` and output `f(x W + b)` for one row.
  func layerValues(for row: [Double]) -> [(preActivation: [Double], output: [Double])] {
    var values: [(preActivation: [Double], output: [Double])] = []
    var x = row
    for layer in architecture.layers {
      var z = [Double](repeating: 0, count: layer.outputSize)
      for j in 0..<layer.outputSize {
        var sum = parameters[layer.biasOffset + j]
        for i in 0..<layer.inputSize {
          sum += x[i] * parameters[layer.weightOffset + i * layer.outputSize + j]
        }
        z[j] = sum
      }
      let y = z.map { referenceActivation(layer.activation, $0) }
      values.append((z, y))
      x = y
    }
    return values
  }

  func reconstruction(of row: [Double]) -> [Double] {
    layerValues(for: row).last!.output
  }

  /// Returns `1/(B F) Σ (y - x)²` over all rows and features of `rows`.
  func meanSquaredError(_ rows: Matrix) -> Double {
    var sum: Double = 0
    for r in 0..<rows.rows {
      let row = rows.row(r).map(Double.init)
      for (y, x) in zip(reconstruction(of: row), row) {
        sum += (y - x) * (y - x)
      }
    }
    return sum / Double(rows.rows * rows.columns)
  }

  /// Returns `r Σ|w|` for L1, `r Σw²` for L2 and both for L1+L2, over the kernels only.
  func penalty(_ regularization: Regularization) -> Double {
    let rate = Double(regularization.rate)
    var total: Double = 0
    for layer in architecture.layers {
      for index in layer.weightOffset..<layer.biasOffset {
        let w = parameters[index]
        switch regularization.kind {
        case .none: break
        case .l1: total += rate * abs(w)
        case .l2: total += rate * w * w
        case .l1l2: total += rate * (abs(w) + w * w)
        }
      }
    }
    return total
  }
}

/// Returns `activation` of `x` in `Double`, from the textbook definitions.
func referenceActivation(_ activation: Activation, _ x: Double) -> Double {
  switch activation {
  case .relu: return max(0, x)
  case .leakyRelu: return x > 0 ? x : 0.2 * x
  case .elu: return x > 0 ? x : Foundation.exp(x) - 1
  case .tanh: return Foundation.tanh(x)
  case .sigmoid: return 1 / (1 + Foundation.exp(-x))
  case .linear: return x
  }
}

// MARK: - Random values

/// Returns a `[rows, columns]` matrix of values drawn uniformly from `range`
/// with a `SeededGenerator`, so every run gets the same values.
func seededUniformMatrix(rows: Int, columns: Int, in range: ClosedRange<Float>, seed: UInt64) -> Matrix {
  Matrix(rows: rows, columns: columns, elements: seededUniformValues(count: rows * columns, in: range, seed: seed))
}

/// Returns `count` values drawn uniformly from `range` with a `SeededGenerator`.
func seededUniformValues(count: Int, in range: ClosedRange<Float>, seed: UInt64) -> [Float] {
  var generator = SeededGenerator(seed: seed)
  let width = range.upperBound - range.lowerBound
  return (0..<count).map { _ in range.lowerBound + width * generator.nextUnitFloat() }
}
