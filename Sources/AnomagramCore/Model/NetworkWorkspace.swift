/// Activation and gradient buffers for forward and backward passes over
/// mini-batches of up to `capacity` rows.
///
/// A workspace does not own the parameters: every pass takes them as a
/// pointer into the model's flat parameter vector, laid out as
/// `Architecture.layers` describes. Not thread-safe.
final class NetworkWorkspace {
  let layers: [DenseLayout]
  let capacity: Int
  /// The batch being passed through, `[capacity, inputSize]`; also the
  /// target of the reconstruction.
  let input: FloatBuffer
  /// Each layer's output `f(x W + b)`, `[capacity, outputSize]`.
  let outputs: [FloatBuffer]
  /// Each layer's loss gradient, `[capacity, outputSize]`: first with
  /// respect to the layer's output, then with respect to its
  /// pre-activation (the output layer's contains the latter from the start).
  let deltas: [FloatBuffer]

  init(architecture: Architecture, capacity: Int) {
    precondition(capacity >= 1, "Workspace capacity must be at least 1, got \(capacity)")
    layers = architecture.layers
    self.capacity = capacity
    input = FloatBuffer(count: capacity * architecture.inputSize)
    outputs = layers.map { FloatBuffer(count: capacity * $0.outputSize) }
    deltas = layers.map { FloatBuffer(count: capacity * $0.outputSize) }
  }

  var inputSize: Int { layers[0].inputSize }
  var reconstruction: FloatBuffer { outputs[outputs.count - 1] }

  /// The input of layer `index`: the batch for the first layer, otherwise
  /// the previous layer's output.
  private func layerInput(_ index: Int) -> UnsafeMutablePointer<Float> {
    index == 0 ? input.pointer : outputs[index - 1].pointer
  }

  /// Runs the batch in `input` through every layer, filling `outputs`.
  func forward(parameters: UnsafePointer<Float>, batch: Int) {
    precondition(batch >= 1 && batch <= capacity, "Batch of \(batch) rows does not fit capacity \(capacity)")
    for (index, layer) in layers.enumerated() {
      // Start each output row as the bias, then add x W with beta = 1:
      // this saves a pass, because OpenBLAS clears C separately when beta = 0.
      let output = outputs[index].pointer
      let bias = parameters + layer.biasOffset
      for row in 0..<batch {
        (output + row * layer.outputSize).update(from: bias, count: layer.outputSize)
      }
      BLAS.gemm(
        transposeA: false, transposeB: false,
        m: batch, n: layer.outputSize, k: layer.inputSize,
        a: layerInput(index), lda: layer.inputSize,
        b: parameters + layer.weightOffset, ldb: layer.outputSize,
        beta: 1, c: output, ldc: layer.outputSize)
      layer.activation.apply(output, count: batch * layer.outputSize)
    }
  }

  /// Computes the mean squared reconstruction error of the last forward
  /// pass and stores its gradient with respect to the output layer's
  /// pre-activation `z` in the last layer's delta.
  ///
  /// `L = 1/(B F) Σ (y - x)²` over the batch's `B` rows and `F` features,
  /// so `∂L/∂y = 2 (y - x) / (B F)` and `∂L/∂z = ∂L/∂y · f'(z)`, with `f'`
  /// written in terms of `y` (see `Activation.multiplyByDerivative`).
  /// Returns `L`.
  func meanSquaredErrorGradient(batch: Int) -> Double {
    typealias Vector = VectorMath.Vector
    let lanes = Vector.scalarCount
    let count = batch * inputSize
    let target = input.pointer
    let output = reconstruction.pointer
    let delta = deltas[deltas.count - 1].pointer
    let outputActivation = layers[layers.count - 1].activation
    // The sigmoid's derivative is folded into this pass, which saves a pass
    // over the largest layer; other activations get theirs afterwards.
    let foldsSigmoid = outputActivation == .sigmoid
    let scale = 2 / Float(count)

    var total: Double = 0
    var index = 0
    // Sum in Float vectors over a stretch of at most one row's length, then
    // in Double: the partial sums stay small, so the total keeps its
    // precision over large batches.
    while index < count {
      let end = min(index + inputSize, count)
      var partial = Vector(repeating: 0)
      while index + lanes <= end {
        let y = VectorMath.load(output + index)
        let difference = y - VectorMath.load(target + index)
        partial += difference * difference
        let gradient = scale * difference
        VectorMath.store(foldsSigmoid ? gradient * y * (1 - y) : gradient, to: delta + index)
        index += lanes
      }
      var stretchSum = Double(partial.sum())
      while index < end {
        let y = output[index]
        let difference = y - target[index]
        stretchSum += Double(difference * difference)
        let gradient = scale * difference
        delta[index] = foldsSigmoid ? gradient * y * (1 - y) : gradient
        index += 1
      }
      total += stretchSum
    }

    if !foldsSigmoid {
      outputActivation.multiplyByDerivative(delta, output: output, count: count)
    }
    return total / Double(count)
  }

  /// Back-propagates the output layer's delta, as left by
  /// `meanSquaredErrorGradient`, through every layer and writes the
  /// parameter gradients (not yet including regularization).
  ///
  /// `gradients` has the layout of the parameter vector. The gradient with
  /// respect to the input batch is not needed and not computed.
  func backward(parameters: UnsafePointer<Float>, gradients: UnsafeMutablePointer<Float>, batch: Int) {
    for index in stride(from: layers.count - 1, through: 0, by: -1) {
      let layer = layers[index]
      let delta = deltas[index].pointer
      if index < layers.count - 1 {
        layer.activation.multiplyByDerivative(
          delta, output: outputs[index].pointer, count: batch * layer.outputSize)
      }

      // Kernel gradient: xᵀ δ, [inputSize, outputSize].
      BLAS.gemm(
        transposeA: true, transposeB: false,
        m: layer.inputSize, n: layer.outputSize, k: batch,
        a: layerInput(index), lda: layer.inputSize,
        b: delta, ldb: layer.outputSize,
        beta: 0, c: gradients + layer.weightOffset, ldc: layer.outputSize)

      // Bias gradient: the column sums of δ.
      sumColumns(of: delta, rows: batch, columns: layer.outputSize, into: gradients + layer.biasOffset)

      // Gradient for the previous layer's output: δ Wᵀ.
      if index > 0 {
        BLAS.gemm(
          transposeA: false, transposeB: true,
          m: batch, n: layer.inputSize, k: layer.outputSize,
          a: delta, lda: layer.outputSize,
          b: parameters + layer.weightOffset, ldb: layer.outputSize,
          beta: 0, c: deltas[index - 1].pointer, ldc: layer.inputSize)
      }
    }
  }

  /// Mean squared error of each row of the last forward pass, `[batch]`.
  func rowErrors(batch: Int) -> [Float] {
    let target = input.pointer
    let output = reconstruction.pointer
    return (0..<batch).map { row in
      var sum: Float = 0
      for i in row * inputSize..<(row + 1) * inputSize {
        let difference = output[i] - target[i]
        sum += difference * difference
      }
      return sum / Float(inputSize)
    }
  }

  private func sumColumns(
    of values: UnsafePointer<Float>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Float>
  ) {
    sums.update(repeating: 0, count: columns)
    for row in 0..<rows {
      let rowStart = values + row * columns
      for column in 0..<columns { sums[column] += rowStart[column] }
    }
  }
}
