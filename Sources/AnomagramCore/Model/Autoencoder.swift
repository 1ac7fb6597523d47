/// A dense autoencoder: its architecture and all its parameters.
///
/// A value type, so a copy can travel in a training snapshot or be saved
/// while training goes on with another copy.
public struct Autoencoder: Sendable, Equatable {
  public let architecture: Architecture
  /// Every layer's kernel then bias, in layer order (see `DenseLayout`).
  public internal(set) var parameters: [Float]

  /// Creates a model with the given parameters.
  public init(architecture: Architecture, parameters: [Float]) {
    precondition(
      parameters.count == architecture.parameterCount,
      "Architecture \(architecture.summary) has \(architecture.parameterCount) parameters, got \(parameters.count)")
    self.architecture = architecture
    self.parameters = parameters
  }

  /// Creates a model with Glorot-uniform kernels and zero biases.
  ///
  /// Each kernel element is drawn from `U(-limit, limit)` with
  /// `limit = sqrt(6 / (fanIn + fanOut))` (Glorot and Bengio, "Understanding
  /// the difficulty of training deep feedforward neural networks", 2010),
  /// which is Keras's default for dense layers.
  public init(architecture: Architecture, seed: UInt64) {
    var generator = SeededGenerator.stream(seed: seed, purpose: 2)
    var parameters = [Float](repeating: 0, count: architecture.parameterCount)
    for layer in architecture.layers {
      let limit = (6 / Float(layer.inputSize + layer.outputSize)).squareRoot()
      for index in layer.weightOffset..<layer.biasOffset {
        parameters[index] = (2 * generator.nextUnitFloat() - 1) * limit
      }
    }
    self.init(architecture: architecture, parameters: parameters)
  }

  /// The kernel of layer `index`, `[inputSize, outputSize]`.
  public func weights(layer index: Int) -> Matrix {
    let layer = architecture.layers[index]
    return Matrix(
      rows: layer.inputSize, columns: layer.outputSize,
      elements: Array(parameters[layer.weightOffset..<layer.biasOffset]))
  }

  /// The bias of layer `index`, `[outputSize]`.
  public func bias(layer index: Int) -> [Float] {
    let layer = architecture.layers[index]
    return Array(parameters[layer.biasOffset..<layer.biasOffset + layer.outputSize])
  }

  /// The reconstruction of each row of `input`, `[samples, inputSize]`.
  public func reconstruct(_ input: Matrix) -> Matrix {
    outputs(of: input, layer: architecture.layers.count - 1)
  }

  /// The bottleneck code of each row of `input`, `[samples, latentSize]`.
  public func encode(_ input: Matrix) -> Matrix {
    outputs(of: input, layer: architecture.bottleneckLayerIndex)
  }

  /// The mean squared reconstruction error of each row of `input`.
  public func reconstructionErrors(_ input: Matrix) -> [Float] {
    var errors: [Float] = []
    errors.reserveCapacity(input.rows)
    forEachBatch(of: input) { workspace, batch in
      errors.append(contentsOf: workspace.rowErrors(batch: batch))
    }
    return errors
  }

  /// Collects the output of layer `layerIndex` for every row of `input`.
  private func outputs(of input: Matrix, layer layerIndex: Int) -> Matrix {
    let width = architecture.layers[layerIndex].outputSize
    var result = [Float]()
    result.reserveCapacity(input.rows * width)
    forEachBatch(of: input) { workspace, batch in
      let output = workspace.outputs[layerIndex].pointer
      result.append(contentsOf: UnsafeBufferPointer(start: output, count: batch * width))
    }
    return Matrix(rows: input.rows, columns: width, elements: result)
  }

  /// Runs the forward pass over `input` in batches of at most 256 rows and
  /// hands each finished batch to `body`.
  private func forEachBatch(of input: Matrix, _ body: (NetworkWorkspace, Int) -> Void) {
    precondition(
      input.columns == architecture.inputSize,
      "Model expects \(architecture.inputSize) features, got \(input.columns)")
    guard input.rows > 0 else { return }
    let workspace = NetworkWorkspace(architecture: architecture, capacity: min(input.rows, 256))
    let width = architecture.inputSize
    parameters.withUnsafeBufferPointer { parameterBuffer in
      input.elements.withUnsafeBufferPointer { inputBuffer in
        var start = 0
        while start < input.rows {
          let batch = min(workspace.capacity, input.rows - start)
          workspace.input.pointer.update(from: inputBuffer.baseAddress! + start * width, count: batch * width)
          workspace.forward(parameters: parameterBuffer.baseAddress!, batch: batch)
          body(workspace, batch)
          start += batch
        }
      }
    }
  }
}
