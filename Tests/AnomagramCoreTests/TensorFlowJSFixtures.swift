import Foundation

/// One `Dense` layer of a hand-built TensorFlow.js model, with its weights.
struct DenseFixture {
  var name: String
  var units: Int
  var activation: String
  /// `[inputSize, units]`, row-major.
  var kernel: [Float]
  var bias: [Float]
}

/// Builds TensorFlow.js layers-format folders by hand, with
/// `JSONSerialization` and plain byte writing, so that import tests do not
/// depend on the exporter.
///
/// The nested form copies the layout of the original Anomagram browser
/// demo's `model.json` (tfjs-layers 1.2.11): an outer functional `Model`
/// named `autoencoder` whose layers are an `InputLayer`, an `encoder` `Model`
/// and a `decoder` `Model`, with weights named `<layer>/kernel` and
/// `<layer>/bias`.
enum TensorFlowJSFixture {
  /// Layers with weights `0.1 × ((i mod 7) − 3)` for kernels and `0.05 × (i mod 3)`
  /// for biases, for tests that need only the right shapes.
  static func denseLayers(inputSize: Int, widths: [Int], activations: [String], namePrefix: String = "dense_Dense")
    -> [DenseFixture]
  {
    var inputWidth = inputSize
    var layers: [DenseFixture] = []
    for (index, (width, activation)) in zip(widths, activations).enumerated() {
      layers.append(
        DenseFixture(
          name: "\(namePrefix)\(index + 1)", units: width, activation: activation,
          kernel: (0..<inputWidth * width).map { Float($0 % 7 - 3) * 0.1 },
          bias: (0..<width).map { Float($0 % 3) * 0.05 }))
      inputWidth = width
    }
    return layers
  }

  static func inputLayer(name: String, width: Int) -> [String: Any] {
    [
      "name": name, "class_name": "InputLayer",
      "config": ["batch_input_shape": [NSNull(), width], "dtype": "float32", "sparse": false, "name": name],
      "inbound_nodes": [Any](),
    ]
  }

  static func denseConfig(_ layer: DenseFixture) -> [String: Any] {
    [
      "units": layer.units, "activation": layer.activation, "use_bias": true,
      "kernel_initializer": ["class_name": "VarianceScaling", "config": ["scale": 1, "mode": "fan_avg"]],
      "bias_initializer": ["class_name": "Zeros", "config": [String: Any]()],
      "name": layer.name, "trainable": true,
    ]
  }

  /// Returns a layer entry of a functional model, taking its input from `inbound`.
  static func functionalLayer(name: String, className: String, config: [String: Any], inbound: String) -> [String: Any] {
    ["name": name, "class_name": className, "config": config, "inbound_nodes": [[[inbound, 0, 0, [String: Any]()]]]]
  }

  /// Returns a functional model: an input layer, then `layers` in a chain.
  static func functionalModel(name: String, inputName: String, inputWidth: Int, layers: [(name: String, className: String, config: [String: Any])])
    -> [String: Any]
  {
    var entries: [[String: Any]] = [inputLayer(name: inputName, width: inputWidth)]
    var previous = inputName
    for layer in layers {
      entries.append(functionalLayer(name: layer.name, className: layer.className, config: layer.config, inbound: previous))
      previous = layer.name
    }
    return [
      "class_name": "Model",
      "config": [
        "name": name, "layers": entries, "input_layers": [[inputName, 0, 0]], "output_layers": [[previous, 0, 0]],
      ],
    ]
  }

  /// Returns the topology of the demo's nested form: an encoder model and a decoder model inside an autoencoder model.
  static func nestedTopology(inputSize: Int, encoder: [DenseFixture], decoder: [DenseFixture]) -> [String: Any] {
    let encoderModel = functionalModel(
      name: "encoder", inputName: "input1", inputWidth: inputSize,
      layers: encoder.map { ($0.name, "Dense", denseConfig($0)) })
    let decoderModel = functionalModel(
      name: "decoder", inputName: "input2", inputWidth: encoder.last!.units,
      layers: decoder.map { ($0.name, "Dense", denseConfig($0)) })
    var topology = functionalModel(
      name: "autoencoder", inputName: "input1", inputWidth: inputSize,
      layers: [
        ("encoder", "Model", encoderModel["config"] as! [String: Any]),
        ("decoder", "Model", decoderModel["config"] as! [String: Any]),
      ])
    // The demo writes the decoder's input as the encoder's node 1.
    var config = topology["config"] as! [String: Any]
    var layers = config["layers"] as! [[String: Any]]
    layers[2]["inbound_nodes"] = [[["encoder", 1, 0, [String: Any]()]]]
    config["layers"] = layers
    config["output_layers"] = [["decoder", 1, 0]]
    topology["config"] = config
    topology["keras_version"] = "tfjs-layers 1.2.11"
    topology["backend"] = "tensor_flow.js"
    return topology
  }

  /// Returns a Sequential topology of `layers`, whose first layer declares the input width.
  static func sequentialTopology(inputSize: Int, layers: [DenseFixture]) -> [String: Any] {
    var entries: [[String: Any]] = []
    for (index, layer) in layers.enumerated() {
      var config = denseConfig(layer)
      if index == 0 { config["batch_input_shape"] = [NSNull(), inputSize] }
      entries.append(["class_name": "Dense", "config": config])
    }
    return ["class_name": "Sequential", "config": ["name": "sequential_1", "layers": entries]]
  }

  /// Manifest entries for each layer's kernel and bias, in order.
  static func manifestWeights(inputSize: Int, layers: [DenseFixture]) -> [[String: Any]] {
    var inputWidth = inputSize
    var weights: [[String: Any]] = []
    for layer in layers {
      weights.append(["name": "\(layer.name)/kernel", "shape": [inputWidth, layer.units], "dtype": "float32"])
      weights.append(["name": "\(layer.name)/bias", "shape": [layer.units], "dtype": "float32"])
      inputWidth = layer.units
    }
    return weights
  }

  /// Little-endian float32 bytes of every kernel and bias, in manifest order.
  static func weightBytes(_ layers: [DenseFixture]) -> [UInt8] {
    var bytes: [UInt8] = []
    for value in layers.flatMap({ $0.kernel + $0.bias }) {
      withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
    }
    return bytes
  }

  /// Writes `model.json` and `weights.bin` into `folder`.
  static func write(
    topology: [String: Any], manifestWeights: [[String: Any]], weightBytes: [UInt8], to folder: URL,
    format: String = "layers-model", weightPaths: [String] = ["weights.bin"]
  ) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let modelJSON: [String: Any] = [
      "modelTopology": topology, "format": format, "generatedBy": "TensorFlow.js tfjs-layers v1.2.11",
      "convertedBy": NSNull(), "weightsManifest": [["paths": weightPaths, "weights": manifestWeights]],
    ]
    try JSONSerialization.data(withJSONObject: modelJSON).write(to: folder.appendingPathComponent("model.json"))
    try Data(weightBytes).write(to: folder.appendingPathComponent("weights.bin"))
  }

  /// Writes a nested-form model of `encoder` and `decoder` into `folder`.
  static func writeNested(inputSize: Int, encoder: [DenseFixture], decoder: [DenseFixture], to folder: URL) throws {
    let layers = encoder + decoder
    try write(
      topology: nestedTopology(inputSize: inputSize, encoder: encoder, decoder: decoder),
      manifestWeights: manifestWeights(inputSize: inputSize, layers: layers), weightBytes: weightBytes(layers),
      to: folder)
  }
}
