import Foundation

extension TensorFlowJS {
  /// Reads the TensorFlow.js layers model in `directory` and, when present,
  /// its sidecar file.
  ///
  /// - Throws: `PersistenceError` naming the file and the layer, weight or
  ///   field at fault, or saying why the engine cannot represent the model.
  public static func load(from directory: String) throws(PersistenceError) -> ImportedModel {
    let modelPath = path(modelFileName, in: directory)
    let root: JSONValue
    do {
      root = try JSONParser.parse(AtomicFile.read(modelPath))
    } catch let error as JSONSyntaxError {
      throw .invalidJSON(path: modelPath, line: error.line, column: error.column, reason: error.reason)
    } catch let error as PersistenceError {
      throw error
    } catch {
      preconditionFailure("unexpected error \(error)")
    }

    let parsed: ParsedTopology
    let model: Autoencoder
    do {
      let rootNode = JSONNode(root)
      try checkFormat(rootNode)
      parsed = try parseTopology(rootNode, path: modelPath)
      let weights = try readWeights(rootNode, directory: directory, modelPath: modelPath)
      model = try assemble(parsed, weights: weights, path: modelPath)
    } catch let error as JSONFieldError {
      throw .invalidField(path: modelPath, field: error.field, problem: error.problem)
    } catch let error as PersistenceError {
      throw error
    } catch {
      preconditionFailure("unexpected error \(error)")
    }

    let sidecar = try readSidecar(in: directory, featureCount: model.architecture.inputSize)
    let modelFile = ModelFile(
      model: model, scaler: sidecar?.scaler, threshold: sidecar?.threshold, normalLabels: sidecar?.normalLabels ?? ["1"])
    return ImportedModel(
      modelFile: modelFile, hasSidecar: sidecar != nil, topology: parsed.topology,
      denseLayerNames: parsed.denseLayers.map(\.name))
  }

  /// Rejects other TensorFlow.js formats, such as `graph-model`, by name.
  /// Older files have no `format` field and are read as layers models.
  private static func checkFormat(_ root: JSONNode) throws {
    guard let formatNode = try root.optionalMember("format") else { return }
    let format = try formatNode.string()
    guard format == "layers-model" else {
      throw formatNode.invalid(expected: "\"layers-model\"", found: format.debugDescription)
    }
  }

  // MARK: - From layers to an autoencoder

  /// Matches each `Dense` layer to its weights, checks their shapes, and
  /// builds the autoencoder if the engine can represent it.
  private static func assemble(_ parsed: ParsedTopology, weights: [ManifestWeight], path: String) throws -> Autoencoder {
    let layers = parsed.denseLayers
    guard let first = layers.first else { throw PersistenceError.noDenseLayers(path: path) }
    var unused = Dictionary(uniqueKeysWithValues: weights.map { ($0.name, $0) })

    var inputSize = parsed.declaredInputSize
    if inputSize == nil, let kernel = matchingWeight(layer: first.name, suffix: "kernel", in: unused) {
      inputSize = kernel.shape.first
    }
    guard let inputSize else {
      throw PersistenceError.missingWeight(path: path, layer: first.name, weight: "\(first.name)/kernel")
    }

    var sizes = [inputSize]
    var parameters: [Float] = []
    for layer in layers {
      let kernel = try takeWeight(layer: layer.name, suffix: "kernel", shape: [sizes.last!, layer.units], from: &unused, path: path)
      let bias = try takeWeight(layer: layer.name, suffix: "bias", shape: [layer.units], from: &unused, path: path)
      parameters += kernel + bias
      sizes.append(layer.units)
    }
    if let leftOver = weights.first(where: { unused[$0.name] != nil }) {
      throw PersistenceError.unusedWeight(path: path, weight: leftOver.name)
    }

    let architecture = try representableArchitecture(layers: layers, sizes: sizes, path: path)
    return Autoencoder(architecture: architecture, parameters: parameters)
  }

  /// Returns the weight named `<layer>/<suffix>`, or else the one weight whose
  /// name ends in `/<layer>/<suffix>`, as converters that prefix the model's name write.
  private static func matchingWeight(layer: String, suffix: String, in weights: [String: ManifestWeight])
    -> ManifestWeight?
  {
    let name = "\(layer)/\(suffix)"
    if let exact = weights[name] { return exact }
    let candidates = weights.values.filter { $0.name.hasSuffix("/" + name) }
    return candidates.count == 1 ? candidates[0] : nil
  }

  private static func takeWeight(
    layer: String, suffix: String, shape: [Int], from weights: inout [String: ManifestWeight], path: String
  ) throws -> [Float] {
    guard let weight = matchingWeight(layer: layer, suffix: suffix, in: weights) else {
      throw PersistenceError.missingWeight(path: path, layer: layer, weight: "\(layer)/\(suffix)")
    }
    guard weight.shape == shape else {
      throw PersistenceError.weightShapeMismatch(path: path, weight: weight.name, expected: shape, found: weight.shape)
    }
    if let index = weight.values.firstIndex(where: { !$0.isFinite }) {
      throw PersistenceError.nonFiniteWeight(path: path, weight: weight.name, index: index, value: weight.values[index])
    }
    weights[weight.name] = nil
    return weight.values
  }

  /// Checks that the layers form a dense autoencoder as the engine builds
  /// them (see `Architecture`) and returns that architecture.
  ///
  /// `sizes` are the widths `[input, layer 1, …, layer n]`.
  private static func representableArchitecture(
    layers: [DenseLayerSpec], sizes: [Int], path: String
  ) throws -> Architecture {
    let count = layers.count
    guard sizes[count] == sizes[0] else {
      throw PersistenceError.outputSizeMismatch(path: path, inputSize: sizes[0], outputSize: sizes[count])
    }
    // The engine has an encoder, a bottleneck, a mirrored decoder and an
    // output layer, so an even number of layers of at least 2.
    guard count >= 2, count % 2 == 0, (0...count).allSatisfy({ sizes[$0] == sizes[count - $0] }) else {
      throw PersistenceError.notMirrored(path: path, layerSizes: sizes)
    }
    let bottleneck = count / 2 - 1
    guard layers[bottleneck].activation == .linear else {
      throw PersistenceError.bottleneckNotLinear(
        path: path, layer: layers[bottleneck].name, activation: layers[bottleneck].activation.rawValue)
    }
    let hidden = layers.indices.filter { $0 != bottleneck && $0 != count - 1 }
    let hiddenActivations = Set(hidden.map { layers[$0].activation })
    guard hiddenActivations.count <= 1 else {
      throw PersistenceError.mixedHiddenActivations(
        path: path, activations: hidden.map { "\(layers[$0].name): \(layers[$0].activation.rawValue)" })
    }

    let architecture = Architecture(
      inputSize: sizes[0], encoderUnits: Array(sizes[1..<bottleneck + 1]), latentSize: sizes[bottleneck + 1],
      hiddenActivation: hiddenActivations.first ?? .relu, outputActivation: layers[count - 1].activation)
    assert(architecture.layers.map(\.activation) == layers.map(\.activation), "Activations must survive the mapping")
    return architecture
  }
}
