import Foundation
import Testing

@testable import AnomagramCore

/// The hand-computed example: a 3-2-1-2-3 nested autoencoder whose output
/// for the input [1, 2, 3] is worked out in `nestedFormByHand`.
private let handEncoder = [
  DenseFixture(name: "dense_Dense1", units: 2, activation: "relu", kernel: [1, 0, 0, 1, 1, -1], bias: [0, 0.5]),
  DenseFixture(name: "dense_Dense2", units: 1, activation: "linear", kernel: [0.5, 2], bias: [-1]),
]
private let handDecoder = [
  DenseFixture(name: "dense_Dense3", units: 2, activation: "relu", kernel: [1, -1], bias: [0, 0]),
  DenseFixture(name: "dense_Dense4", units: 3, activation: "sigmoid", kernel: [0, 1, 2, 3, 4, 5], bias: [1, -1, -2]),
]

/// Returns the error of loading the folder, or `nil`.
private func importError(_ folder: URL) -> PersistenceError? {
  do {
    _ = try TensorFlowJS.load(from: folder.path)
    return nil
  } catch {
    return error
  }
}

/// Returns a model file with seeded weights and a scaler for rows of 12 values.
private func seededModelFile(hiddenActivation: Activation, outputActivation: Activation = .sigmoid) -> ModelFile {
  let architecture = Architecture(
    inputSize: 12, encoderUnits: [8, 4], latentSize: 2, hiddenActivation: hiddenActivation,
    outputActivation: outputActivation)
  let minimums = (0..<12).map { Float($0) * -0.25 }
  return ModelFile(
    model: Autoencoder(architecture: architecture, seed: 11),
    scaler: MinMaxScaler(minimums: minimums, maximums: minimums.map { $0 + 2 }),
    threshold: ThresholdChoice(value: 0.031_25, rule: .maxF1), normalLabels: ["1", "3"])
}

/// The rows the export tests reconstruct: 16 rows of 12 seeded values.
private let sampleRows = seededUniformMatrix(rows: 16, columns: 12, in: -2...3, seed: 21)

@Suite("TensorFlowJS")
struct TensorFlowJSTests {
  // MARK: - Export and import

  @Test("export then import keeps weights and reconstructions", arguments: Activation.allCases)
  func roundTrip(_ activation: Activation) throws {
    let file = seededModelFile(hiddenActivation: activation)
    try withModelFileFolder { folder in
      try TensorFlowJS.export(file, to: folder.path)
      let imported = try TensorFlowJS.load(from: folder.path)

      #expect(imported.modelFile.model.architecture == file.model.architecture)
      #expect(imported.modelFile.model.parameters.map(\.bitPattern) == file.model.parameters.map(\.bitPattern))
      #expect(
        imported.modelFile.reconstructionErrors(sampleRows).map(\.bitPattern)
          == file.reconstructionErrors(sampleRows).map(\.bitPattern))
      #expect(imported.topology == .sequential)
      #expect(imported.hasSidecar)
    }
  }

  @Test("sidecar carries the scaler, threshold and labels")
  func sidecarRoundTrip() throws {
    let file = seededModelFile(hiddenActivation: .relu)
    try withModelFileFolder { folder in
      try TensorFlowJS.export(file, to: folder.path)
      let imported = try TensorFlowJS.load(from: folder.path).modelFile

      #expect(imported.scaler == file.scaler)
      #expect(imported.threshold == file.threshold)
      #expect(imported.normalLabels == ["1", "3"])
    }
  }

  @Test("model without sidecar has no scaler or threshold")
  func withoutSidecar() throws {
    let file = seededModelFile(hiddenActivation: .relu)
    try withModelFileFolder { folder in
      try TensorFlowJS.export(file, to: folder.path)
      try FileManager.default.removeItem(at: folder.appendingPathComponent("anomagram.json"))

      let imported = try TensorFlowJS.load(from: folder.path)

      #expect(!imported.hasSidecar)
      #expect(imported.modelFile.scaler == nil)
      #expect(imported.modelFile.threshold == nil)
      #expect(imported.modelFile.normalLabels == ["1"])
    }
  }

  @Test("export onto a FIFO writes nothing")
  func exportOntoFIFO() throws {
    try withModelFileFolder { folder in
      let modelPath = folder.appendingPathComponent("model.json").path
      try #require(mkfifo(modelPath, 0o600) == 0)

      #expect(throws: PersistenceError.self) {
        try TensorFlowJS.export(seededModelFile(hiddenActivation: .relu), to: folder.path)
      }
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.json"])
    }
  }

  @Test("exported model.json has the layers-model layout")
  func exportLayout() throws {
    let file = seededModelFile(hiddenActivation: .leakyRelu)
    try withModelFileFolder { folder in
      try TensorFlowJS.export(file, to: folder.path)
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("model.json")))
          as? [String: Any])
      let topology = try #require(json["modelTopology"] as? [String: Any])
      let config = try #require(topology["config"] as? [String: Any])
      let layers = try #require(config["layers"] as? [[String: Any]])
      let firstConfig = try #require(layers.first?["config"] as? [String: Any])
      let groups = try #require(json["weightsManifest"] as? [[String: Any]])
      let weights = try #require(groups.first?["weights"] as? [[String: Any]])
      let weightsBin = try Data(contentsOf: folder.appendingPathComponent("weights.bin"))

      #expect(json["format"] as? String == "layers-model")
      #expect(json["generatedBy"] as? String == "anomagram")
      #expect(json["convertedBy"] as? String == "anomagram")
      #expect(topology["class_name"] as? String == "Sequential")
      // Hidden leaky-relu layers become linear Dense + LeakyReLU; the bottleneck and the output stay single.
      #expect(
        layers.map { $0["class_name"] as? String }
          == ["Dense", "LeakyReLU", "Dense", "LeakyReLU", "Dense", "Dense", "LeakyReLU", "Dense", "LeakyReLU", "Dense"])
      #expect(firstConfig["activation"] as? String == "linear")
      #expect(firstConfig["batch_input_shape"] as? [Any] != nil)
      #expect((layers[1]["config"] as? [String: Any])?["alpha"] as? Double == 0.2)
      #expect(groups.count == 1)
      #expect(groups.first?["paths"] as? [String] == ["weights.bin"])
      #expect(weights.map { $0["name"] as? String }.prefix(4) == ["dense_1/kernel", "dense_1/bias", "dense_2/kernel", "dense_2/bias"])
      #expect(weights[0]["shape"] as? [Int] == [12, 8])
      #expect(weights[1]["shape"] as? [Int] == [8])
      #expect(weights.allSatisfy { $0["dtype"] as? String == "float32" })
      #expect(weightsBin.count == 4 * file.model.architecture.parameterCount)
      #expect(Array(weightsBin.prefix(4)) == withUnsafeBytes(of: file.model.parameters[0].bitPattern.littleEndian) { Array($0) })
    }
  }

  // MARK: - The nested form

  @Test("nested form gives the output worked out by hand")
  func nestedFormByHand() throws {
    try withModelFileFolder { folder in
      try TensorFlowJSFixture.writeNested(inputSize: 3, encoder: handEncoder, decoder: handDecoder, to: folder)

      let imported = try TensorFlowJS.load(from: folder.path)
      let model = imported.modelFile.model
      let output = model.reconstruct(Matrix(rowArrays: [[1, 2, 3]]))
      let error = imported.modelFile.reconstructionErrors(Matrix(rowArrays: [[1, 2, 3]]))

      // Layer 1: relu([1·1 + 2·0 + 3·1 + 0, 1·0 + 2·1 + 3·(−1) + 0.5]) = relu([4, −0.5]) = [4, 0].
      // Layer 2: 4·0.5 + 0·2 − 1 = 1.  Layer 3: relu([1·1, 1·(−1)]) = [1, 0].
      // Layer 4: sigmoid([1·0 + 0·3 + 1, 1·1 + 0·4 − 1, 1·2 + 0·5 − 2]) = sigmoid([1, 0, 0]).
      let expected: [Double] = [1 / (1 + exp(-1)), 0.5, 0.5]
      let expectedError = ((1 - expected[0]) * (1 - expected[0]) + 1.5 * 1.5 + 2.5 * 2.5) / 3
      #expect(imported.topology == .nested)
      #expect(imported.denseLayerNames == ["dense_Dense1", "dense_Dense2", "dense_Dense3", "dense_Dense4"])
      #expect(model.architecture == Architecture(inputSize: 3, encoderUnits: [2], latentSize: 1, hiddenActivation: .relu, outputActivation: .sigmoid))
      // Float sigmoid is within a few ulps of the exact value; 1e-6 covers it.
      for (actual, wanted) in zip(output.elements, expected) {
        #expect(isApproximatelyEqual(Double(actual), wanted, absoluteTolerance: 1e-6))
      }
      #expect(isApproximatelyEqual(Double(error[0]), expectedError, relativeTolerance: 1e-6))
    }
  }

  @Test("the demo's 140-15-7-2-7-15-140 tanh model is read")
  func demoShape() throws {
    let encoder = TensorFlowJSFixture.denseLayers(inputSize: 140, widths: [15, 7, 2], activations: ["relu", "relu", "linear"])
    let decoder = TensorFlowJSFixture.denseLayers(inputSize: 2, widths: [7, 15, 140], activations: ["relu", "relu", "tanh"])
      .enumerated().map { index, layer in
        var renamed = layer
        renamed.name = "dense_Dense\(index + 4)"
        return renamed
      }
    try withModelFileFolder { folder in
      try TensorFlowJSFixture.writeNested(inputSize: 140, encoder: encoder, decoder: decoder, to: folder)

      let architecture = try TensorFlowJS.load(from: folder.path).modelFile.model.architecture

      #expect(architecture.summary == "140-15-7-2-7-15-140")
      #expect(architecture.hiddenActivation == .relu)
      #expect(architecture.outputActivation == .tanh)
    }
  }

  @Test("the demo's unmirrored 140-15-7-2-7-15-15-140 model is rejected")
  func demoUnmirrored() throws {
    let encoder = TensorFlowJSFixture.denseLayers(inputSize: 140, widths: [15, 7, 2], activations: ["relu", "relu", "linear"])
    let decoder = TensorFlowJSFixture.denseLayers(
      inputSize: 2, widths: [7, 15, 15, 140], activations: ["relu", "relu", "relu", "linear"], namePrefix: "dense_Decoder")
    try withModelFileFolder { folder in
      try TensorFlowJSFixture.writeNested(inputSize: 140, encoder: encoder, decoder: decoder, to: folder)

      let error = importError(folder)

      #expect(error == .notMirrored(path: folder.appendingPathComponent("model.json").path, layerSizes: [140, 15, 7, 2, 7, 15, 15, 140]))
      #expect(error?.description.contains("140-15-7-2-7-15-15-140 do not mirror") == true)
    }
  }

  @Test("flat functional model is read")
  func functionalModel() throws {
    let layers = TensorFlowJSFixture.denseLayers(inputSize: 4, widths: [3, 4], activations: ["linear", "sigmoid"])
    let topology = TensorFlowJSFixture.functionalModel(
      name: "model1", inputName: "input1", inputWidth: 4,
      layers: layers.map { ($0.name, "Dense", TensorFlowJSFixture.denseConfig($0)) })
    try withModelFileFolder { folder in
      try TensorFlowJSFixture.write(
        topology: topology, manifestWeights: TensorFlowJSFixture.manifestWeights(inputSize: 4, layers: layers),
        weightBytes: TensorFlowJSFixture.weightBytes(layers), to: folder)

      let imported = try TensorFlowJS.load(from: folder.path)

      #expect(imported.topology == .functional)
      #expect(imported.modelFile.model.architecture.summary == "4-3-4")
      #expect(imported.modelFile.model.parameters == layers.flatMap { $0.kernel + $0.bias })
    }
  }

  // MARK: - Layers that do nothing at inference

  /// Returns a layer entry of `className` with the config Keras writes for it.
  private func inferenceIdentityLayer(_ className: String, name: String) -> [String: Any] {
    let config: [String: Any] =
      switch className {
      case "GaussianNoise": ["name": name, "trainable": true, "stddev": 0.1]
      default: ["name": name, "trainable": true, "rate": 0.2, "noise_shape": NSNull(), "seed": NSNull()]
      }
    return ["class_name": className, "config": config]
  }

  @Test("flat Sequential model with Dropout equals the model without it")
  func sequentialWithDropout() throws {
    let layers = TensorFlowJSFixture.denseLayers(inputSize: 4, widths: [3, 2, 3, 4], activations: ["relu", "linear", "relu", "sigmoid"])
    let plain = TensorFlowJSFixture.sequentialTopology(inputSize: 4, layers: layers)
    var withDropout = plain
    var config = plain["config"] as! [String: Any]
    var entries = config["layers"] as! [[String: Any]]
    entries.insert(inferenceIdentityLayer("Dropout", name: "dropout_2"), at: 3)
    entries.insert(inferenceIdentityLayer("Dropout", name: "dropout_1"), at: 1)
    config["layers"] = entries
    withDropout["config"] = config
    try withModelFileFolder { folder in
      let plainFolder = folder.appendingPathComponent("plain")
      let dropoutFolder = folder.appendingPathComponent("dropout")
      for (topology, target) in [(plain, plainFolder), (withDropout, dropoutFolder)] {
        try TensorFlowJSFixture.write(
          topology: topology, manifestWeights: TensorFlowJSFixture.manifestWeights(inputSize: 4, layers: layers),
          weightBytes: TensorFlowJSFixture.weightBytes(layers), to: target)
      }

      let expected = try TensorFlowJS.load(from: plainFolder.path)
      let imported = try TensorFlowJS.load(from: dropoutFolder.path)

      #expect(imported.modelFile.model.architecture.summary == "4-3-2-3-4")
      #expect(imported.modelFile.model.architecture == expected.modelFile.model.architecture)
      #expect(imported.modelFile.model.parameters == expected.modelFile.model.parameters)
      #expect(imported.denseLayerNames == expected.denseLayerNames)
      #expect(imported.topology == .sequential)
    }
  }

  @Test(
    "functional chain skips layers that do nothing at inference",
    arguments: ["Dropout", "GaussianNoise", "GaussianDropout", "AlphaDropout"])
  func functionalSkipsIdentityLayer(_ className: String) throws {
    let layers = TensorFlowJSFixture.denseLayers(inputSize: 4, widths: [3, 4], activations: ["linear", "sigmoid"])
    let identity = inferenceIdentityLayer(className, name: "noise_1")
    let topology = TensorFlowJSFixture.functionalModel(
      name: "model1", inputName: "input1", inputWidth: 4,
      layers: [
        (layers[0].name, "Dense", TensorFlowJSFixture.denseConfig(layers[0])),
        ("noise_1", className, identity["config"] as! [String: Any]),
        (layers[1].name, "Dense", TensorFlowJSFixture.denseConfig(layers[1])),
      ])
    try withModelFileFolder { folder in
      try TensorFlowJSFixture.write(
        topology: topology, manifestWeights: TensorFlowJSFixture.manifestWeights(inputSize: 4, layers: layers),
        weightBytes: TensorFlowJSFixture.weightBytes(layers), to: folder)

      let imported = try TensorFlowJS.load(from: folder.path)

      #expect(imported.topology == .functional)
      #expect(imported.modelFile.model.architecture.summary == "4-3-4")
      #expect(imported.modelFile.model.parameters == layers.flatMap { $0.kernel + $0.bias })
    }
  }

  @Test("nested form with Dropout gives the output worked out by hand")
  func nestedWithDropout() throws {
    try withModelFileFolder { folder in
      try writeChangedNested(in: folder) { topology, _, _ in
        // Put a Dropout layer between the encoder's two Dense layers.
        var config = topology["config"] as! [String: Any]
        var outerLayers = config["layers"] as! [[String: Any]]
        var encoderConfig = outerLayers[1]["config"] as! [String: Any]
        var encoderLayers = encoderConfig["layers"] as! [[String: Any]]
        let dropout = TensorFlowJSFixture.functionalLayer(
          name: "dropout_1", className: "Dropout", config: ["name": "dropout_1", "rate": 0.5], inbound: "dense_Dense1")
        encoderLayers[2]["inbound_nodes"] = [[["dropout_1", 0, 0, [String: Any]()]]]
        encoderLayers.insert(dropout, at: 2)
        encoderConfig["layers"] = encoderLayers
        outerLayers[1]["config"] = encoderConfig
        config["layers"] = outerLayers
        topology["config"] = config
      }

      let imported = try TensorFlowJS.load(from: folder.path)
      let output = imported.modelFile.model.reconstruct(Matrix(rowArrays: [[1, 2, 3]]))

      // The same output as in `nestedFormByHand`: sigmoid([1, 0, 0]).
      let expected: [Double] = [1 / (1 + exp(-1)), 0.5, 0.5]
      #expect(imported.topology == .nested)
      #expect(imported.denseLayerNames == ["dense_Dense1", "dense_Dense2", "dense_Dense3", "dense_Dense4"])
      // Float sigmoid is within a few ulps of the exact value; 1e-6 covers it.
      for (actual, wanted) in zip(output.elements, expected) {
        #expect(isApproximatelyEqual(Double(actual), wanted, absoluteTolerance: 1e-6))
      }
    }
  }

  @Test("Dropout before LeakyReLU still folds it into the Dense layer")
  func dropoutBeforeLeakyReLU() throws {
    let file = seededModelFile(hiddenActivation: .leakyRelu)
    try withModelFileFolder { folder in
      try TensorFlowJS.export(file, to: folder.path)
      let url = folder.appendingPathComponent("model.json")
      var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
      var topology = try #require(json["modelTopology"] as? [String: Any])
      var config = try #require(topology["config"] as? [String: Any])
      let layers = try #require(config["layers"] as? [[String: Any]])
      // A Dropout layer after every layer, so one sits between each linear Dense and its LeakyReLU.
      config["layers"] = layers.enumerated().flatMap { index, layer in
        [layer, inferenceIdentityLayer("Dropout", name: "dropout_\(index + 1)")]
      }
      topology["config"] = config
      json["modelTopology"] = topology
      try JSONSerialization.data(withJSONObject: json).write(to: url)

      let imported = try TensorFlowJS.load(from: folder.path).modelFile.model

      #expect(imported.architecture == file.model.architecture)
      #expect(imported.parameters.map(\.bitPattern) == file.model.parameters.map(\.bitPattern))
    }
  }

  @Test("Dropout as the first layer declares the input width", arguments: [4, 5])
  func dropoutDeclaresInput(_ declaredWidth: Int) throws {
    let layers = TensorFlowJSFixture.denseLayers(inputSize: 4, widths: [3, 4], activations: ["linear", "sigmoid"])
    var dropout = inferenceIdentityLayer("Dropout", name: "dropout_1")
    var dropoutConfig = dropout["config"] as! [String: Any]
    dropoutConfig["batch_input_shape"] = [NSNull(), declaredWidth]
    dropout["config"] = dropoutConfig
    let dense = layers.map { ["class_name": "Dense", "config": TensorFlowJSFixture.denseConfig($0)] as [String: Any] }
    let topology: [String: Any] = ["class_name": "Sequential", "config": ["name": "sequential_1", "layers": [dropout] + dense]]
    try withModelFileFolder { folder in
      try TensorFlowJSFixture.write(
        topology: topology, manifestWeights: TensorFlowJSFixture.manifestWeights(inputSize: 4, layers: layers),
        weightBytes: TensorFlowJSFixture.weightBytes(layers), to: folder)

      let error = importError(folder)

      // A declared width of 5 contradicts the [4, 3] kernel, which shows that the declaration is read.
      if declaredWidth == 4 {
        #expect(error == nil)
      } else {
        #expect(
          error
            == .weightShapeMismatch(
              path: folder.appendingPathComponent("model.json").path, weight: "dense_Dense1/kernel", expected: [5, 3],
              found: [4, 3]))
      }
    }
  }

  // MARK: - Rejected models

  /// Writes the hand-computed nested model after `change` edits its pieces.
  private func writeChangedNested(
    in folder: URL,
    change: (_ topology: inout [String: Any], _ weights: inout [[String: Any]], _ bytes: inout [UInt8]) -> Void
  ) throws {
    var topology = TensorFlowJSFixture.nestedTopology(inputSize: 3, encoder: handEncoder, decoder: handDecoder)
    var weights = TensorFlowJSFixture.manifestWeights(inputSize: 3, layers: handEncoder + handDecoder)
    var bytes = TensorFlowJSFixture.weightBytes(handEncoder + handDecoder)
    change(&topology, &weights, &bytes)
    try TensorFlowJSFixture.write(topology: topology, manifestWeights: weights, weightBytes: bytes, to: folder)
  }

  @Test("weights.bin shorter than the manifest is rejected")
  func byteCountMismatch() throws {
    try withModelFileFolder { folder in
      try writeChangedNested(in: folder) { _, _, bytes in bytes.removeLast(4) }

      let error = importError(folder)

      #expect(error == .weightByteCountMismatch(path: folder.appendingPathComponent("weights.bin").path, expected: 96, found: 92))
    }
  }

  @Test("unknown layer class is rejected naming the layer")
  func unknownLayerClass() throws {
    var encoder = handEncoder
    encoder[0].name = "noise"
    try withModelFileFolder { folder in
      var topology = TensorFlowJSFixture.nestedTopology(inputSize: 3, encoder: encoder, decoder: handDecoder)
      var config = topology["config"] as! [String: Any]
      var layers = config["layers"] as! [[String: Any]]
      var encoderConfig = layers[1]["config"] as! [String: Any]
      var encoderLayers = encoderConfig["layers"] as! [[String: Any]]
      encoderLayers[1]["class_name"] = "BatchNormalization"
      encoderConfig["layers"] = encoderLayers
      layers[1]["config"] = encoderConfig
      config["layers"] = layers
      topology["config"] = config
      try TensorFlowJSFixture.write(
        topology: topology, manifestWeights: TensorFlowJSFixture.manifestWeights(inputSize: 3, layers: encoder + handDecoder),
        weightBytes: TensorFlowJSFixture.weightBytes(encoder + handDecoder), to: folder)

      let error = importError(folder)

      #expect(
        error
          == .unsupportedLayer(
            path: folder.appendingPathComponent("model.json").path, layer: "noise", className: "BatchNormalization"))
      #expect(error?.description.contains("layer \"noise\" is a BatchNormalization layer") == true)
    }
  }

  @Test("unknown activation is rejected naming the layer")
  func unknownActivation() throws {
    var decoder = handDecoder
    decoder[1].activation = "softmax"
    try withModelFileFolder { folder in
      try TensorFlowJSFixture.writeNested(inputSize: 3, encoder: handEncoder, decoder: decoder, to: folder)

      let error = importError(folder)

      #expect(error == .unsupportedActivation(path: folder.appendingPathComponent("model.json").path, layer: "dense_Dense4", activation: "softmax"))
    }
  }

  @Test("float16 weights are rejected")
  func float16Weights() throws {
    try withModelFileFolder { folder in
      try writeChangedNested(in: folder) { _, weights, _ in weights[2]["dtype"] = "float16" }

      let error = importError(folder)

      #expect(error == .unsupportedWeightType(path: folder.appendingPathComponent("model.json").path, weight: "dense_Dense2/kernel", dtype: "float16"))
    }
  }

  @Test("quantized weights are rejected")
  func quantizedWeights() throws {
    try withModelFileFolder { folder in
      try writeChangedNested(in: folder) { _, weights, _ in
        weights[0]["quantization"] = ["dtype": "uint8", "scale": 0.1, "min": -1]
      }

      let error = importError(folder)

      #expect(error == .quantizedWeight(path: folder.appendingPathComponent("model.json").path, weight: "dense_Dense1/kernel", dtype: "uint8"))
    }
  }

  @Test("kernel shape that does not fit the layer is rejected")
  func shapeMismatch() throws {
    try withModelFileFolder { folder in
      try writeChangedNested(in: folder) { _, weights, _ in weights[0]["shape"] = [2, 3] }

      let error = importError(folder)

      #expect(error == .weightShapeMismatch(path: folder.appendingPathComponent("model.json").path, weight: "dense_Dense1/kernel", expected: [3, 2], found: [2, 3]))
    }
  }

  @Test("missing weight is rejected naming the layer")
  func missingWeight() throws {
    try withModelFileFolder { folder in
      let path = folder.appendingPathComponent("model.json").path

      try writeChangedNested(in: folder) { _, weights, _ in weights[3]["name"] = "dense_Dense9/bias" }

      #expect(importError(folder) == .missingWeight(path: path, layer: "dense_Dense2", weight: "dense_Dense2/bias"))
    }
  }

  @Test("weight no layer uses is rejected")
  func unusedWeight() throws {
    try withModelFileFolder { folder in
      try writeChangedNested(in: folder) { _, weights, bytes in
        weights.append(["name": "dense_Dense9/bias", "shape": [1], "dtype": "float32"])
        bytes += [0, 0, 0, 0]
      }

      #expect(importError(folder) == .unusedWeight(path: folder.appendingPathComponent("model.json").path, weight: "dense_Dense9/bias"))
    }
  }

  @Test("hidden layers with different activations are rejected")
  func mixedActivations() throws {
    var decoder = handDecoder
    decoder[0].activation = "tanh"
    try withModelFileFolder { folder in
      try TensorFlowJSFixture.writeNested(inputSize: 3, encoder: handEncoder, decoder: decoder, to: folder)

      let error = importError(folder)

      #expect(error == .mixedHiddenActivations(path: folder.appendingPathComponent("model.json").path, activations: ["dense_Dense1: relu", "dense_Dense3: tanh"]))
    }
  }

  @Test("bottleneck with an activation is rejected")
  func bottleneckActivation() throws {
    var encoder = handEncoder
    encoder[1].activation = "relu"
    try withModelFileFolder { folder in
      try TensorFlowJSFixture.writeNested(inputSize: 3, encoder: encoder, decoder: handDecoder, to: folder)

      #expect(importError(folder) == .bottleneckNotLinear(path: folder.appendingPathComponent("model.json").path, layer: "dense_Dense2", activation: "relu"))
    }
  }

  @Test("output narrower than the input is rejected")
  func outputSizeMismatch() throws {
    let layers = TensorFlowJSFixture.denseLayers(inputSize: 4, widths: [2, 3], activations: ["linear", "sigmoid"])
    try withModelFileFolder { folder in
      try TensorFlowJSFixture.write(
        topology: TensorFlowJSFixture.sequentialTopology(inputSize: 4, layers: layers),
        manifestWeights: TensorFlowJSFixture.manifestWeights(inputSize: 4, layers: layers),
        weightBytes: TensorFlowJSFixture.weightBytes(layers), to: folder)

      #expect(importError(folder) == .outputSizeMismatch(path: folder.appendingPathComponent("model.json").path, inputSize: 4, outputSize: 3))
    }
  }

  @Test("layer that skips the chain is rejected")
  func notAChain() throws {
    try withModelFileFolder { folder in
      try writeChangedNested(in: folder) { topology, _, _ in
        var config = topology["config"] as! [String: Any]
        var layers = config["layers"] as! [[String: Any]]
        layers[2]["inbound_nodes"] = [[["input1", 0, 0, [String: Any]()]]]
        config["layers"] = layers
        topology["config"] = config
      }

      let error = importError(folder)

      guard case .notAChain(_, let layer, let reason) = error else {
        Issue.record("Expected notAChain, got \(String(describing: error))")
        return
      }
      #expect(layer == "decoder")
      #expect(reason.contains("\"input1\""))
    }
  }

  @Test("weight path outside the folder is rejected")
  func unsafeWeightPath() throws {
    try withModelFileFolder { folder in
      try TensorFlowJSFixture.write(
        topology: TensorFlowJSFixture.nestedTopology(inputSize: 3, encoder: handEncoder, decoder: handDecoder),
        manifestWeights: TensorFlowJSFixture.manifestWeights(inputSize: 3, layers: handEncoder + handDecoder),
        weightBytes: TensorFlowJSFixture.weightBytes(handEncoder + handDecoder), to: folder,
        weightPaths: ["../weights.bin"])

      #expect(importError(folder) == .unsafeWeightPath(path: folder.appendingPathComponent("model.json").path, weightPath: "../weights.bin"))
    }
  }

  @Test("graph model is rejected by its format")
  func graphModel() throws {
    try withModelFileFolder { folder in
      try TensorFlowJSFixture.write(
        topology: TensorFlowJSFixture.nestedTopology(inputSize: 3, encoder: handEncoder, decoder: handDecoder),
        manifestWeights: TensorFlowJSFixture.manifestWeights(inputSize: 3, layers: handEncoder + handDecoder),
        weightBytes: TensorFlowJSFixture.weightBytes(handEncoder + handDecoder), to: folder, format: "graph-model")

      #expect(
        importError(folder)
          == .invalidField(
            path: folder.appendingPathComponent("model.json").path, field: "format",
            problem: .invalid(expected: "\"layers-model\"", found: "\"graph-model\"")))
    }
  }

  @Test("LeakyReLU with another slope is rejected")
  func leakyReLUSlope() throws {
    let file = seededModelFile(hiddenActivation: .leakyRelu)
    try withModelFileFolder { folder in
      try TensorFlowJS.export(file, to: folder.path)
      let url = folder.appendingPathComponent("model.json")
      let text = try String(contentsOf: url, encoding: .utf8)
      try text.replacingOccurrences(of: "\"alpha\": 0.2", with: "\"alpha\": 0.3").write(to: url, atomically: true, encoding: .utf8)

      let error = importError(folder)

      guard case .unsupportedLeakyReLU(_, let layer, let reason) = error else {
        Issue.record("Expected unsupportedLeakyReLU, got \(String(describing: error))")
        return
      }
      #expect(layer == "leaky_re_lu_1")
      #expect(reason.contains("0.3"))
    }
  }

  @Test("sidecar of another width is rejected")
  func sidecarWidthMismatch() throws {
    let file = seededModelFile(hiddenActivation: .relu)
    try withModelFileFolder { folder in
      try TensorFlowJS.export(file, to: folder.path)
      let url = folder.appendingPathComponent("anomagram.json")
      let text = try String(contentsOf: url, encoding: .utf8)
      try text.replacingOccurrences(of: "\"featureCount\": 12", with: "\"featureCount\": 13").write(to: url, atomically: true, encoding: .utf8)

      let error = importError(folder)

      guard case .invalidField(let path, let field, _) = error else {
        Issue.record("Expected invalidField, got \(String(describing: error))")
        return
      }
      #expect(path == url.path)
      #expect(field == "featureCount")
    }
  }

  @Test("sidecar with a negative threshold is rejected")
  func sidecarNegativeThreshold() throws {
    let file = seededModelFile(hiddenActivation: .relu)
    try withModelFileFolder { folder in
      try TensorFlowJS.export(file, to: folder.path)
      let url = folder.appendingPathComponent("anomagram.json")
      let text = try String(contentsOf: url, encoding: .utf8)
      try text.replacingOccurrences(of: "\"value\": 0.03125", with: "\"value\": -0.03125")
        .write(to: url, atomically: true, encoding: .utf8)

      let error = importError(folder)

      guard case .invalidField(let path, let field, _) = error else {
        Issue.record("Expected invalidField, got \(String(describing: error))")
        return
      }
      #expect(path == url.path)
      #expect(field == "threshold.value")
    }
  }

  @Test("missing model.json is reported")
  func missingModelJSON() throws {
    try withModelFileFolder { folder in
      #expect(importError(folder) == .fileNotFound(path: folder.appendingPathComponent("model.json").path))
    }
  }
}
