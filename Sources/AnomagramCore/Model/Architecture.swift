/// The shape of a dense autoencoder: encoder widths, a linear bottleneck and
/// a decoder that mirrors the encoder.
///
/// With `inputSize` 140, `encoderUnits` [32, 16] and `latentSize` 8 the
/// layers are 140 → 32 → 16 → 8 → 16 → 32 → 140.
public struct Architecture: Sendable, Equatable, Hashable, Codable {
  /// Number of values in one series (the width of the input and output).
  public var inputSize: Int
  /// Widths of the encoder's hidden layers, from the input inwards.
  public var encoderUnits: [Int]
  /// Width of the bottleneck layer, whose activation is always linear.
  public var latentSize: Int
  /// Activation of every hidden layer of the encoder and the decoder.
  public var hiddenActivation: Activation
  /// Activation of the output layer: `sigmoid` suits data scaled to [0, 1].
  public var outputActivation: Activation

  public init(
    inputSize: Int, encoderUnits: [Int], latentSize: Int,
    hiddenActivation: Activation = .relu, outputActivation: Activation = .sigmoid
  ) {
    self.inputSize = inputSize
    self.encoderUnits = encoderUnits
    self.latentSize = latentSize
    self.hiddenActivation = hiddenActivation
    self.outputActivation = outputActivation
  }

  /// Widths of all layers including the input: `[input, encoder..., latent, decoder..., output]`.
  public var layerSizes: [Int] {
    [inputSize] + encoderUnits + [latentSize] + encoderUnits.reversed() + [inputSize]
  }

  /// The dense layers in order, with their positions in the flat parameter vector.
  public var layers: [DenseLayout] {
    let sizes = layerSizes
    let bottleneckIndex = encoderUnits.count
    var layouts: [DenseLayout] = []
    var offset = 0
    for index in 0..<(sizes.count - 1) {
      let activation: Activation
      if index == bottleneckIndex {
        activation = .linear
      } else if index == sizes.count - 2 {
        activation = outputActivation
      } else {
        activation = hiddenActivation
      }
      let layout = DenseLayout(
        inputSize: sizes[index], outputSize: sizes[index + 1], activation: activation, weightOffset: offset)
      layouts.append(layout)
      offset += layout.parameterCount
    }
    return layouts
  }

  /// Index in `layers` of the bottleneck layer, whose output is the code.
  public var bottleneckLayerIndex: Int { encoderUnits.count }

  /// Number of weights and biases in all layers.
  public var parameterCount: Int {
    layers.reduce(0) { $0 + $1.parameterCount }
  }

  /// The sizes as text, for example `140-32-16-8-16-32-140`.
  public var summary: String {
    layerSizes.map(String.init).joined(separator: "-")
  }

  /// Checks the sizes, returning a sentence that names the first bad value.
  public func validationFailure() -> String? {
    if inputSize < 1 { return "The input size must be at least 1, got \(inputSize)." }
    if latentSize < 1 { return "The bottleneck needs at least 1 unit, got \(latentSize)." }
    if let bad = encoderUnits.first(where: { $0 < 1 }) {
      return "Every hidden layer needs at least 1 unit, got \(bad)."
    }
    return nil
  }
}

/// One dense layer `y = f(x W + b)` and where its parameters sit in the
/// model's flat parameter vector: first the kernel `W`, `[inputSize,
/// outputSize]` row-major, then the bias `b`, `[outputSize]`.
public struct DenseLayout: Sendable, Equatable, Hashable {
  public let inputSize: Int
  public let outputSize: Int
  public let activation: Activation
  public let weightOffset: Int

  public var weightCount: Int { inputSize * outputSize }
  public var biasOffset: Int { weightOffset + weightCount }
  public var parameterCount: Int { weightCount + outputSize }
}
