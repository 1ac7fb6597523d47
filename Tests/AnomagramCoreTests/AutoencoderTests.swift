import Dispatch
import Foundation
import Synchronization
import Testing

@testable import AnomagramCore

/// The output activations the model is trained with.
private let outputActivations: [Activation] = [.sigmoid, .linear]

/// Returns a 7-5-3-2-3-5-7 model whose kernels and biases are all random
/// in [-0.8, 0.8], so that biases and every unit take part.
private func randomModel(hidden: Activation, output: Activation, seed: UInt64 = 21) -> Autoencoder {
  let architecture = Architecture(
    inputSize: 7, encoderUnits: [5, 3], latentSize: 2, hiddenActivation: hidden, outputActivation: output)
  let parameters = seededUniformValues(count: architecture.parameterCount, in: -0.8...0.8, seed: seed)
  return Autoencoder(architecture: architecture, parameters: parameters)
}

/// The forward pass through `NetworkWorkspace` and BLAS runs in `Float` and
/// the reference in `Double`. With values of order 1 and at most 7 terms
/// per sum, the difference stays near 1e-7. The tolerance of 2e-6 leaves
/// room for the fast `exp` of the activations without hiding a wrong
/// weight or bias.
private let floatForwardTolerance = 2e-6

/// A count that threads increment.
private final class SharedCount: Sendable {
  private let count = Mutex(0)

  func increment() { count.withLock { $0 += 1 } }
  var value: Int { count.withLock { $0 } }
}

/// Returns whether two arrays hold the same bit patterns, compared with
/// `memcmp` so that the check costs little next to a forward pass.
private func haveSameBits(_ first: [Float], _ second: [Float]) -> Bool {
  guard first.count == second.count else { return false }
  return first.withUnsafeBytes { a in
    second.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
  }
}

@Suite("Autoencoder")
struct AutoencoderTests {
  // MARK: - Initialisation

  @Test("Glorot bounds and zero biases")
  func glorotBoundsAndZeroBiases() {
    let architecture = Architecture(inputSize: 140, encoderUnits: [32, 16], latentSize: 8)

    let model = Autoencoder(architecture: architecture, seed: 42)

    for (index, layer) in architecture.layers.enumerated() {
      let limit = (6 / Float(layer.inputSize + layer.outputSize)).squareRoot()
      let weights = model.weights(layer: index).elements
      let largest = weights.map(abs).max() ?? 0
      #expect(largest <= limit, "layer \(index): largest |w| \(largest) above limit \(limit)")
      #expect(model.bias(layer: index).allSatisfy { $0 == 0 }, "layer \(index) has a nonzero bias")

      // U(-a, a) has mean 0 and variance a²/3. With n >= 128 weights the
      // sample mean has a standard deviation of at most a/sqrt(3·128) =
      // 0.05a, and the sample variance one of about 0.08 a²/3, so these
      // bounds sit 4 to 5 standard deviations out.
      let mean = weights.reduce(0, +) / Float(weights.count)
      let variance = weights.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(weights.count)
      #expect(abs(mean) < 0.25 * limit, "layer \(index): mean \(mean), limit \(limit)")
      #expect(
        abs(variance / (limit * limit / 3) - 1) < 0.4,
        "layer \(index): variance \(variance), expected \(limit * limit / 3)")
    }
  }

  @Test("same seed gives same parameters")
  func sameSeedGivesSameParameters() {
    let architecture = Architecture(inputSize: 20, encoderUnits: [8], latentSize: 3)

    let first = Autoencoder(architecture: architecture, seed: 7)
    let second = Autoencoder(architecture: architecture, seed: 7)

    // Bit patterns, because the promise is a bit-for-bit repeat.
    #expect(first.parameters.map(\.bitPattern) == second.parameters.map(\.bitPattern))
  }

  @Test("different seed gives different parameters")
  func differentSeedGivesDifferentParameters() {
    let architecture = Architecture(inputSize: 20, encoderUnits: [8], latentSize: 3)

    let first = Autoencoder(architecture: architecture, seed: 7)
    let second = Autoencoder(architecture: architecture, seed: 8)

    let firstBits = first.parameters.map(\.bitPattern)
    let secondBits = second.parameters.map(\.bitPattern)
    let sharedKernelValues = zip(firstBits, secondBits).filter { $0 == $1 && $0 != 0 }.count
    #expect(sharedKernelValues == 0, "\(sharedKernelValues) kernel values repeat across seeds")
  }

  // MARK: - Parameter access

  @Test("weights and bias read the layout")
  func weightsAndBiasReadLayout() {
    let model = randomModel(hidden: .relu, output: .sigmoid)

    for (index, layer) in model.architecture.layers.enumerated() {
      let weights = model.weights(layer: index)
      #expect(weights.rows == layer.inputSize, "layer \(index) kernel rows")
      #expect(weights.columns == layer.outputSize, "layer \(index) kernel columns")
      // Element (i, j) of the kernel is parameter weightOffset + i·outputSize + j.
      let i = layer.inputSize - 1
      let j = layer.outputSize / 2
      #expect(
        weights[i, j].bitPattern == model.parameters[layer.weightOffset + i * layer.outputSize + j].bitPattern,
        "layer \(index) kernel element (\(i), \(j))")
      #expect(
        model.bias(layer: index).map(\.bitPattern)
          == model.parameters[layer.biasOffset..<layer.biasOffset + layer.outputSize].map(\.bitPattern),
        "layer \(index) bias")
    }
  }

  // MARK: - Forward pass

  @Test(
    "reconstruct matches naive forward pass",
    arguments: Activation.allCases, outputActivations)
  func reconstructMatchesNaiveForwardPass(hidden: Activation, output: Activation) {
    let model = randomModel(hidden: hidden, output: output)
    let input = seededUniformMatrix(rows: 9, columns: 7, in: 0...1, seed: 3)
    let reference = ReferenceNetwork(model)

    let reconstruction = model.reconstruct(input)

    #expect(reconstruction.rows == 9)
    #expect(reconstruction.columns == 7)
    for row in 0..<input.rows {
      let expected = reference.reconstruction(of: input.row(row).map(Double.init))
      for column in 0..<input.columns {
        let actual = Double(reconstruction[row, column])
        #expect(
          isApproximatelyEqual(actual, expected[column], absoluteTolerance: floatForwardTolerance),
          "row \(row), column \(column): \(actual), expected \(expected[column])")
      }
    }
  }

  @Test("encode returns bottleneck outputs", arguments: Activation.allCases)
  func encodeReturnsBottleneckOutputs(hidden: Activation) {
    let model = randomModel(hidden: hidden, output: .sigmoid)
    let input = seededUniformMatrix(rows: 5, columns: 7, in: 0...1, seed: 4)
    let reference = ReferenceNetwork(model)

    let code = model.encode(input)

    #expect(code.rows == 5)
    #expect(code.columns == model.architecture.latentSize)
    let bottleneck = model.architecture.bottleneckLayerIndex
    for row in 0..<input.rows {
      let expected = reference.layerValues(for: input.row(row).map(Double.init))[bottleneck].output
      for column in 0..<code.columns {
        #expect(
          isApproximatelyEqual(Double(code[row, column]), expected[column], absoluteTolerance: floatForwardTolerance),
          "row \(row), unit \(column): \(code[row, column]), expected \(expected[column])")
      }
    }
  }

  @Test("reconstruction errors are row MSE", arguments: outputActivations)
  func reconstructionErrorsAreRowMSE(output: Activation) {
    let model = randomModel(hidden: .tanh, output: output)
    let input = seededUniformMatrix(rows: 12, columns: 7, in: 0...1, seed: 5)

    let errors = model.reconstructionErrors(input)

    let reconstruction = model.reconstruct(input)
    #expect(errors.count == 12)
    for row in 0..<input.rows {
      var sum: Double = 0
      for column in 0..<input.columns {
        let difference = Double(reconstruction[row, column]) - Double(input[row, column])
        sum += difference * difference
      }
      let expected = sum / Double(input.columns)
      // Both come from the same Float forward pass, and only the Float sum
      // of seven squares differs from this Double one.
      #expect(
        isApproximatelyEqual(Double(errors[row]), expected, absoluteTolerance: 1e-9, relativeTolerance: 1e-6),
        "row \(row): \(errors[row]), expected \(expected)")
    }
  }

  @Test("large batch matches row by row")
  func largeBatchMatchesRowByRow() {
    // 600 rows is more than two of the 256-row chunks the forward pass
    // uses, with a partial chunk of 88 rows at the end.
    let model = randomModel(hidden: .elu, output: .sigmoid)
    let input = seededUniformMatrix(rows: 600, columns: 7, in: 0...1, seed: 6)

    let reconstruction = model.reconstruct(input)
    let code = model.encode(input)
    let errors = model.reconstructionErrors(input)

    #expect(reconstruction.rows == 600)
    #expect(code.rows == 600)
    #expect(errors.count == 600)
    // Each row's outputs depend only on that row, but BLAS may sum in a
    // different order for a different batch height, so allow a few ulp.
    for row in 0..<600 {
      let single = input.selectingRows([row])
      let singleReconstruction = model.reconstruct(single).elements
      let singleCode = model.encode(single).elements
      let singleError = model.reconstructionErrors(single)[0]
      for column in 0..<7 {
        #expect(
          isApproximatelyEqual(reconstruction[row, column], singleReconstruction[column], absoluteTolerance: 1e-6),
          "row \(row), column \(column)")
      }
      for unit in 0..<code.columns {
        #expect(isApproximatelyEqual(code[row, unit], singleCode[unit], absoluteTolerance: 1e-6), "row \(row) code")
      }
      #expect(
        isApproximatelyEqual(errors[row], singleError, absoluteTolerance: 1e-9, relativeTolerance: 1e-5),
        "row \(row): error \(errors[row]) in the batch, \(singleError) alone")
    }
  }

  @Test("empty input gives empty results")
  func emptyInputGivesEmptyResults() {
    let model = randomModel(hidden: .relu, output: .sigmoid)
    let input = Matrix(rows: 0, columns: 7)

    #expect(model.reconstruct(input).rows == 0)
    #expect(model.reconstruct(input).columns == 7)
    #expect(model.encode(input).columns == 2)
    #expect(model.reconstructionErrors(input).isEmpty)
  }

  // MARK: - Threads

  @Test("concurrent forward passes match serial")
  func concurrentForwardPassesMatchSerial() throws {
    // Autoencoder is Sendable, so a caller may reconstruct on one thread
    // while the training queue runs forward passes on another. Each
    // forward pass has its own workspace, and the same model, input and
    // batch size give the same result bit for bit when run alone, so
    // every concurrent result must equal the one computed before.
    // Linear layers leave the matrix products as most of the work, so
    // that calls from different threads overlap often.
    let architecture = Architecture(
      inputSize: 140, encoderUnits: [32], latentSize: 8, hiddenActivation: .linear, outputActivation: .linear)
    let model = Autoencoder(architecture: architecture, seed: 1)
    let input = seededUniformMatrix(rows: 64, columns: 140, in: 0...1, seed: 2)
    let expected = model.reconstruct(input).elements
    #expect(haveSameBits(model.reconstruct(input).elements, expected), "Serial runs differ")
    let mismatches = SharedCount()
    let finished = DispatchGroup()

    // More threads than cores, so that calls are preempted halfway and
    // overlap as they would under load.
    let threads = 8
    let callsPerThread = 1500
    for _ in 0..<threads {
      finished.enter()
      Thread.detachNewThread {
        for _ in 0..<callsPerThread where !haveSameBits(model.reconstruct(input).elements, expected) {
          mismatches.increment()
        }
        finished.leave()
      }
    }

    try #require(finished.wait(timeout: .now() + 50) == .success, "The threads did not finish within 50 s")
    #expect(
      mismatches.value == 0,
      "\(mismatches.value) of \(threads * callsPerThread) concurrent reconstructions differ from the serial one")
  }
}
