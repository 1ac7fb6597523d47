import Dispatch

/// Times the matrix products of one training step alone, for comparing a
/// measured training speed with the speed BLAS allows.
public enum MatrixProductBenchmark {
  /// Returns the fastest time, in seconds, of the 3n - 1 matrix products
  /// that one training step of `architecture` makes on a batch of `batch`
  /// rows (forward, kernel gradients, and input gradients except the
  /// first layer's), over `repetitions` steps on random data.
  public static func fastestStepSeconds(architecture: Architecture, batch: Int, repetitions: Int) -> Double {
    precondition(batch >= 1 && repetitions >= 1, "Batch and repetitions must be positive")
    var generator = SeededGenerator(seed: 1)
    let layers = architecture.layers
    let parameters = FloatBuffer((0..<architecture.parameterCount).map { _ in generator.nextUnitFloat() - 0.5 })
    let gradients = FloatBuffer(count: architecture.parameterCount)
    let workspace = NetworkWorkspace(architecture: architecture, capacity: batch)
    for index in 0..<workspace.input.count { workspace.input[index] = generator.nextUnitFloat() }

    var fastest = Double.infinity
    for _ in 0..<repetitions {
      let started = DispatchTime.now().uptimeNanoseconds
      for (index, layer) in layers.enumerated() {
        let input = index == 0 ? workspace.input.pointer : workspace.outputs[index - 1].pointer
        BLAS.gemm(
          transposeA: false, transposeB: false, m: batch, n: layer.outputSize, k: layer.inputSize,
          a: input, lda: layer.inputSize, b: parameters.pointer + layer.weightOffset, ldb: layer.outputSize,
          beta: 1, c: workspace.outputs[index].pointer, ldc: layer.outputSize)
      }
      for (index, layer) in layers.enumerated().reversed() {
        let input = index == 0 ? workspace.input.pointer : workspace.outputs[index - 1].pointer
        BLAS.gemm(
          transposeA: true, transposeB: false, m: layer.inputSize, n: layer.outputSize, k: batch,
          a: input, lda: layer.inputSize, b: workspace.deltas[index].pointer, ldb: layer.outputSize,
          beta: 0, c: gradients.pointer + layer.weightOffset, ldc: layer.outputSize)
        if index > 0 {
          BLAS.gemm(
            transposeA: false, transposeB: true, m: batch, n: layer.inputSize, k: layer.outputSize,
            a: workspace.deltas[index].pointer, lda: layer.outputSize,
            b: parameters.pointer + layer.weightOffset, ldb: layer.outputSize,
            beta: 0, c: workspace.deltas[index - 1].pointer, ldc: layer.inputSize)
        }
      }
      fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }
    return fastest
  }
}
