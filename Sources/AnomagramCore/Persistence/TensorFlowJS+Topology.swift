extension TensorFlowJS {
  /// A `Dense` layer of an imported model, with a following `LeakyReLU`
  /// layer folded into its activation.
  struct DenseLayerSpec {
    let name: String
    let units: Int
    var activation: Activation
  }

  /// The `Dense` layers of a model's topology, in order.
  struct ParsedTopology {
    var denseLayers: [DenseLayerSpec]
    /// The input width declared by an `InputLayer` or the first layer's
    /// `batch_input_shape`, if any.
    var declaredInputSize: Int?
    var topology: Topology
  }

  /// The tolerance for reading a `LeakyReLU` alpha as the engine's 0.2.
  /// Python Keras writes the float32 value as 0.20000000298023224, about
  /// 3e-9 away, and any other slope differs by far more than this.
  static let leakyReLUAlphaTolerance: Float = 1e-6

  /// Reads the layers of `modelTopology`, or of its `model_config` when it
  /// is a full Keras model file, and folds them into `Dense` layers.
  static func parseTopology(_ root: JSONNode, path: String) throws -> ParsedTopology {
    var topologyNode = try root.member("modelTopology")
    if let modelConfig = try topologyNode.optionalMember("model_config") {
      topologyNode = modelConfig
    }
    var parser = TopologyParser(path: path)
    try parser.parseModel(topologyNode)
    let topology: Topology =
      parser.nestedModelCount > 0 ? .nested : (parser.outerClassName == "Sequential" ? .sequential : .functional)
    return ParsedTopology(
      denseLayers: try parser.foldedDenseLayers(), declaredInputSize: parser.declaredInputSize, topology: topology)
  }
}

/// Walks a Keras-style model configuration, nested models included, and
/// collects its `Dense` and `LeakyReLU` layers in order, skipping layers that
/// are the identity at inference, such as `Dropout`.
private struct TopologyParser {
  enum Layer {
    case dense(name: String, units: Int, activation: String?, useBias: Bool)
    case leakyReLU(name: String, alpha: Float)
  }

  /// TensorFlow.js's default `LeakyReLU` alpha, used when the config has none.
  static let defaultLeakyReLUAlpha: Float = 0.3

  let path: String
  var layers: [Layer] = []
  var declaredInputSize: Int?
  var nestedModelCount = 0
  var outerClassName: String?

  init(path: String) {
    self.path = path
  }

  mutating func parseModel(_ node: JSONNode) throws {
    let className = try node.member("class_name").string()
    let config = try node.member("config")
    if outerClassName == nil { outerClassName = className }
    switch className {
    case "Sequential":
      // Keras before 2.2.3 wrote a Sequential config as the bare list of layers.
      let layerNodes = try config.hasMember("layers") ? config.member("layers").elements() : config.elements()
      for layerNode in layerNodes { try parseLayer(layerNode) }
    case "Model", "Functional":
      let layerNodes = try config.member("layers").elements()
      try checkChain(config: config, layerNodes: layerNodes)
      for layerNode in layerNodes { try parseLayer(layerNode) }
    default:
      throw PersistenceError.unsupportedLayer(path: path, layer: try layerName(node), className: className)
    }
  }

  private mutating func parseLayer(_ node: JSONNode) throws {
    let className = try node.member("class_name").string()
    let config = try node.member("config")
    let name = try layerName(node)
    switch className {
    case "InputLayer":
      try recordInputShape(config, keys: ["batch_input_shape", "batch_shape"])
    case "Dense":
      try recordInputShape(config, keys: ["batch_input_shape"])
      let units = try config.member("units").int(in: 1...ModelFile.maximumLayerWidth)
      let activation = try config.optionalMember("activation")?.string()
      let useBias = try config.optionalMember("use_bias")?.bool() ?? true
      layers.append(.dense(name: name, units: units, activation: activation, useBias: useBias))
    case "LeakyReLU":
      // Keras 3 calls the slope `negative_slope`; Keras 2 and TensorFlow.js call it `alpha`.
      let alphaNode = try config.optionalMember("alpha") ?? config.optionalMember("negative_slope")
      layers.append(.leakyReLU(name: name, alpha: try alphaNode?.float() ?? Self.defaultLeakyReLUAlpha))
    case "Sequential", "Model", "Functional":
      nestedModelCount += 1
      try parseModel(node)
    case "Dropout", "GaussianNoise", "GaussianDropout", "AlphaDropout":
      // These layers change their input only during training and pass it
      // through unchanged at inference, so they add nothing to the chain.
      // As the first layer, one may still declare the model's input shape.
      try recordInputShape(config, keys: ["batch_input_shape"])
    default:
      throw PersistenceError.unsupportedLayer(path: path, layer: name, className: className)
    }
  }

  /// Records the input width from the first layer's shape, `[null, width]`.
  /// Later input layers, such as a nested decoder's, are checked through the
  /// kernel shapes instead.
  private mutating func recordInputShape(_ config: JSONNode, keys: [String]) throws {
    guard declaredInputSize == nil, layers.isEmpty else { return }
    for key in keys {
      guard let shapeNode = try config.optionalMember(key) else { continue }
      let dimensions = try shapeNode.elements()
      guard dimensions.count == 2, dimensions[0].value == .null else {
        throw shapeNode.invalid(expected: "[null, width], the shape of a batch of flat rows", found: shapeNode.value.compact())
      }
      declaredInputSize = try dimensions[1].int(in: 1...ModelFile.maximumLayerWidth)
      return
    }
  }

  /// Checks that each layer of a functional model takes the output of the
  /// layer listed before it and nothing else, and that the last layer is the
  /// only output.
  private func checkChain(config: JSONNode, layerNodes: [JSONNode]) throws {
    var previous: String?
    for layerNode in layerNodes {
      let name = try layerName(layerNode)
      let inboundNodes = try layerNode.optionalMember("inbound_nodes")?.elements() ?? []
      if let previous {
        try checkSingleInput(of: name, inboundNodes: inboundNodes, expected: previous)
      } else if !inboundNodes.isEmpty {
        throw PersistenceError.notAChain(path: path, layer: name, reason: "is the first layer but takes an input")
      }
      previous = name
    }
    guard let last = previous, let outputsNode = try config.optionalMember("output_layers") else { return }
    let outputs = try outputsNode.elements()
    let outputNames = try outputs.map { output in try output.elements().first?.string() ?? "" }
    guard outputNames == [last] else {
      throw PersistenceError.notAChain(
        path: path, layer: last,
        reason: "is the last layer, but the model's outputs are \(outputNames.map(\.debugDescription).joined(separator: ", "))")
    }
  }

  private func checkSingleInput(of name: String, inboundNodes: [JSONNode], expected previous: String) throws {
    guard inboundNodes.count == 1 else {
      throw PersistenceError.notAChain(
        path: path, layer: name, reason: "is applied \(inboundNodes.count) times, expected once")
    }
    let inputs = try inboundNodes[0].elements()
    guard inputs.count == 1 else {
      throw PersistenceError.notAChain(path: path, layer: name, reason: "takes \(inputs.count) inputs, expected 1")
    }
    // An input is written [layer name, node index, tensor index, keyword arguments].
    guard let source = try inputs[0].elements().first?.string() else {
      throw inputs[0].invalid(expected: "[layer name, node index, tensor index, arguments]", found: "an empty list")
    }
    guard source == previous else {
      throw PersistenceError.notAChain(
        path: path, layer: name,
        reason: "takes its input from \(source.debugDescription), not from the layer listed before it, "
          + previous.debugDescription)
    }
  }

  private func layerName(_ node: JSONNode) throws -> String {
    if let name = try node.member("config").optionalMember("name")?.string() { return name }
    if let name = try node.optionalMember("name")?.string() { return name }
    return node.displayPath
  }

  /// Converts the collected layers into `Dense` layer specifications,
  /// folding each `LeakyReLU` into the linear `Dense` layer before it.
  func foldedDenseLayers() throws -> [TensorFlowJS.DenseLayerSpec] {
    var result: [TensorFlowJS.DenseLayerSpec] = []
    var previousWasLinearDense = false
    for layer in layers {
      switch layer {
      case .dense(let name, let units, let activationName, let useBias):
        guard useBias else { throw PersistenceError.denseWithoutBias(path: path, layer: name) }
        let activation = try Self.activation(activationName, layer: name, path: path)
        result.append(TensorFlowJS.DenseLayerSpec(name: name, units: units, activation: activation))
        previousWasLinearDense = activation == .linear
      case .leakyReLU(let name, let alpha):
        guard previousWasLinearDense else {
          throw PersistenceError.unsupportedLeakyReLU(
            path: path, layer: name,
            reason: "it must directly follow a Dense layer with linear activation, and here it does not.")
        }
        guard abs(alpha - Activation.leakyReluSlope) <= TensorFlowJS.leakyReLUAlphaTolerance else {
          throw PersistenceError.unsupportedLeakyReLU(
            path: path, layer: name,
            reason: "its alpha is \(alpha), but this program's leaky relu has a negative slope of "
              + "\(Activation.leakyReluSlope).")
        }
        result[result.count - 1].activation = .leakyRelu
        previousWasLinearDense = false
      }
    }
    return result
  }

  /// Maps a TensorFlow.js activation name to the engine's; a missing name means linear.
  private static func activation(_ name: String?, layer: String, path: String) throws -> Activation {
    switch name {
    case nil, "linear": return .linear
    case "relu": return .relu
    case "elu": return .elu
    case "tanh": return .tanh
    case "sigmoid": return .sigmoid
    case let other?: throw PersistenceError.unsupportedActivation(path: path, layer: layer, activation: other)
    }
  }
}
