import Foundation

extension TensorFlowJS {
  /// Writes `file` to `directory` as `model.json`, `weights.bin` and the
  /// sidecar `anomagram.json`, creating the folder when needed.
  ///
  /// Each file is written atomically, the weights first and `model.json`
  /// last, so a failure part-way leaves any earlier `model.json` in place.
  /// The three destinations are checked before the first write, so a FIFO,
  /// folder or write-protected file among them stops the export with
  /// nothing written. The three files are not replaced as one unit.
  ///
  /// - Throws: `PersistenceError.writeFailed` when a file cannot be written
  ///   or a parameter is NaN or infinite.
  public static func export(_ file: ModelFile, to directory: String) throws(PersistenceError) {
    let model = file.model
    if let index = model.parameters.firstIndex(where: { !$0.isFinite }) {
      throw .writeFailed(
        path: path(weightsFileName, in: directory),
        reason: "parameter \(index) of the model is \(model.parameters[index]); only finite weights can be exported")
    }
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw .writeFailed(path: directory, reason: (error as NSError).localizedDescription)
    }
    for name in [weightsFileName, sidecarFileName, modelFileName] {
      try AtomicFile.checkDestination(path(name, in: directory))
    }
    try AtomicFile.write(Float32Bytes.encode(model.parameters), to: path(weightsFileName, in: directory))
    try AtomicFile.write(sidecarValue(file).formatted(), to: path(sidecarFileName, in: directory))
    try AtomicFile.write(modelJSON(model).formatted(), to: path(modelFileName, in: directory))
  }

  /// Returns the contents of `model.json` for `model`.
  ///
  /// The weights manifest lists each layer's kernel, `[inputSize,
  /// outputSize]`, then its bias, `[outputSize]`, in layer order, which is
  /// the order of the engine's flat parameter vector, so `weights.bin` is
  /// that vector's bytes.
  static func modelJSON(_ model: Autoencoder) -> JSONValue {
    var layers: [JSONValue] = []
    var weights: [JSONValue] = []
    var leakyCount = 0
    for (index, layout) in model.architecture.layers.enumerated() {
      let name = "dense_\(index + 1)"
      layers.append(denseLayer(name: name, layout: layout, isFirst: index == 0))
      if layout.activation == .leakyRelu {
        leakyCount += 1
        layers.append(leakyReLULayer(name: "leaky_re_lu_\(leakyCount)"))
      }
      weights.append(weightEntry(name: "\(name)/kernel", shape: [layout.inputSize, layout.outputSize]))
      weights.append(weightEntry(name: "\(name)/bias", shape: [layout.outputSize]))
    }
    return .object([
      ("format", .string("layers-model")),
      ("generatedBy", .string(generatorName)),
      ("convertedBy", .string(generatorName)),
      (
        "modelTopology",
        .object([
          ("class_name", .string("Sequential")),
          ("config", .object([("name", .string("autoencoder")), ("layers", .array(layers))])),
        ])
      ),
      ("weightsManifest", .array([.object([("paths", .array([.string(weightsFileName)])), ("weights", .array(weights))])])),
    ])
  }

  private static func denseLayer(name: String, layout: DenseLayout, isFirst: Bool) -> JSONValue {
    var config: [(key: String, value: JSONValue)] = [
      ("name", .string(name)),
      ("trainable", .bool(true)),
    ]
    if isFirst {
      // The first layer of a Sequential model must declare its input shape.
      config.append(("batch_input_shape", .array([.null, .number(layout.inputSize)])))
      config.append(("dtype", .string("float32")))
    }
    config.append(("units", .number(layout.outputSize)))
    config.append(("activation", .string(tensorFlowJSActivation(layout.activation))))
    config.append(("use_bias", .bool(true)))
    return .object([("class_name", .string("Dense")), ("config", .object(config))])
  }

  private static func leakyReLULayer(name: String) -> JSONValue {
    .object([
      ("class_name", .string("LeakyReLU")),
      (
        "config",
        .object([("name", .string(name)), ("trainable", .bool(true)), ("alpha", .number(Activation.leakyReluSlope))])
      ),
    ])
  }

  /// Returns the `Dense` activation string. Leaky relu is linear here,
  /// because a `LeakyReLU` layer follows.
  private static func tensorFlowJSActivation(_ activation: Activation) -> String {
    switch activation {
    case .relu: "relu"
    case .elu: "elu"
    case .tanh: "tanh"
    case .sigmoid: "sigmoid"
    case .linear, .leakyRelu: "linear"
    }
  }

  private static func weightEntry(name: String, shape: [Int]) -> JSONValue {
    .object([
      ("name", .string(name)),
      ("shape", .array(shape.map(JSONValue.number))),
      ("dtype", .string("float32")),
    ])
  }

  /// Returns the sidecar: the scaler, threshold and labels that scoring needs
  /// and `tf.loadLayersModel` does not load.
  static func sidecarValue(_ file: ModelFile) -> JSONValue {
    .object([
      ("format", .string(sidecarFormatName)),
      ("version", .number(sidecarVersion)),
      ("featureCount", .number(file.featureCount)),
      ("scaler", file.scaler.map(ModelFile.scalerValue) ?? .null),
      ("threshold", file.threshold.map(ModelFile.thresholdValue) ?? .null),
      ("normalLabels", .array(file.normalLabels.map(JSONValue.string))),
    ])
  }
}
