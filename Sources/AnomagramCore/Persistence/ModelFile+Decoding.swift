import Foundation

extension ModelFile {
  /// The largest layer width a model file may declare. It keeps a damaged
  /// size from overflowing the parameter count or allocating gigabytes.
  static let maximumLayerWidth = 1 << 20
  /// The largest number of encoder hidden layers a model file may declare.
  static let maximumHiddenLayers = 64

  /// Parses and checks the bytes of a model file; `path` names it in errors.
  static func decode(_ bytes: [UInt8], path: String) throws(PersistenceError) -> ModelFile {
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      throw .invalidJSON(path: path, line: error.line, column: error.column, reason: error.reason)
    }
    try checkFormatAndVersion(root, path: path)
    do {
      return try decodeContents(JSONNode(root))
    } catch {
      throw .invalidField(path: path, field: error.field, problem: error.problem)
    }
  }

  /// Checks the format name before anything else, so that another JSON file
  /// is reported as such, and the version before the fields, so that a newer
  /// file is reported as newer rather than as damaged.
  private static func checkFormatAndVersion(_ root: JSONValue, path: String) throws(PersistenceError) {
    guard case .string(let format) = root["format"] ?? .null else {
      throw .notAModelFile(path: path, found: nil)
    }
    guard format == formatName else {
      throw .notAModelFile(path: path, found: format)
    }
    do {
      let version = try JSONNode(root).member("version").int()
      if version > currentVersion {
        throw PersistenceError.unsupportedVersion(path: path, found: version, supported: currentVersion)
      }
      if version < 1 {
        throw JSONFieldError(field: "version", problem: .invalid(expected: "1", found: String(version)))
      }
    } catch let error as JSONFieldError {
      throw .invalidField(path: path, field: error.field, problem: error.problem)
    } catch let error as PersistenceError {
      throw error
    } catch {
      preconditionFailure("unexpected error \(error)")
    }
  }

  private static func decodeContents(_ root: JSONNode) throws(JSONFieldError) -> ModelFile {
    let architectureNode = try root.member("architecture")
    let architecture = try decodeArchitecture(architectureNode)
    let featureCountNode = try root.member("featureCount")
    guard try featureCountNode.int() == architecture.inputSize else {
      throw featureCountNode.invalid(
        expected: "\(architecture.inputSize), the input size of the architecture", found: try featureCountNode.int().description)
    }
    let encodingNode = try root.member("weightEncoding")
    guard try encodingNode.string() == weightEncoding else {
      throw encodingNode.invalid(expected: weightEncoding.debugDescription, found: try encodingNode.string().debugDescription)
    }
    let model = Autoencoder(architecture: architecture, parameters: try decodeParameters(root.member("layers"), architecture))

    let scaler = try root.optionalMember("scaler").map { node throws(JSONFieldError) in
      try decodeScaler(node, featureCount: architecture.inputSize)
    }
    let threshold = try root.optionalMember("threshold").map(decodeThreshold)
    let normalLabels = try decodeNormalLabels(root.member("normalLabels"))
    let training = try root.optionalMember("training").map { node throws(JSONFieldError) in
      try decodeTraining(node, architecture: architecture)
    }
    let split = try root.optionalMember("split").map { node throws(JSONFieldError) in
      try node.decoded(as: SplitConfiguration.self)
    }
    let trainingData = try root.optionalMember("trainingData").map(decodeFingerprint)
    let writtenAt = try decodeDate(root.member("writtenAt"))

    return ModelFile(
      model: model, scaler: scaler, threshold: threshold, normalLabels: normalLabels, training: training,
      split: split, trainingData: trainingData, writtenAt: writtenAt)
  }

  // MARK: - Architecture and weights

  static func decodeArchitecture(_ node: JSONNode) throws(JSONFieldError) -> Architecture {
    let widths = 1...maximumLayerWidth
    let inputSize = try node.member("inputSize").int(in: widths)
    let unitsNode = try node.member("encoderUnits")
    let unitNodes = try unitsNode.elements()
    guard unitNodes.count <= maximumHiddenLayers else {
      throw unitsNode.invalid(
        expected: "at most \(maximumHiddenLayers) hidden layers", found: "a list of \(unitNodes.count)")
    }
    var encoderUnits: [Int] = []
    for unitNode in unitNodes {
      encoderUnits.append(try unitNode.int(in: widths))
    }
    return Architecture(
      inputSize: inputSize, encoderUnits: encoderUnits, latentSize: try node.member("latentSize").int(in: widths),
      hiddenActivation: try decodeActivation(node.member("hiddenActivation")),
      outputActivation: try decodeActivation(node.member("outputActivation")))
  }

  static func decodeActivation(_ node: JSONNode) throws(JSONFieldError) -> Activation {
    let name = try node.string()
    guard let activation = Activation(rawValue: name) else {
      throw node.invalid(
        expected: "one of " + Activation.allCases.map(\.rawValue).joined(separator: ", "), found: name.debugDescription)
    }
    return activation
  }

  /// Reads every layer's kernel and bias into the flat parameter vector,
  /// checking that each layer's sizes and activation match the architecture.
  private static func decodeParameters(_ node: JSONNode, _ architecture: Architecture) throws(JSONFieldError)
    -> [Float]
  {
    let layouts = architecture.layers
    let layerNodes = try node.elements(count: layouts.count, unit: "layers (the architecture \(architecture.summary) has \(layouts.count))")
    var parameters: [Float] = []
    parameters.reserveCapacity(architecture.parameterCount)
    for (layout, layerNode) in zip(layouts, layerNodes) {
      try expect(layerNode.member("inputSize"), equals: layout.inputSize)
      try expect(layerNode.member("outputSize"), equals: layout.outputSize)
      let activationNode = try layerNode.member("activation")
      let activation = try decodeActivation(activationNode)
      guard activation == layout.activation else {
        throw activationNode.invalid(
          expected: "\(layout.activation.rawValue.debugDescription) as the architecture implies",
          found: activation.rawValue.debugDescription)
      }
      parameters += try decodeWeights(layerNode.member("kernel"), count: layout.weightCount)
      parameters += try decodeWeights(layerNode.member("bias"), count: layout.outputSize)
    }
    return parameters
  }

  private static func expect(_ node: JSONNode, equals expected: Int) throws(JSONFieldError) {
    let found = try node.int()
    guard found == expected else {
      throw node.invalid(expected: "\(expected) as the architecture implies", found: String(found))
    }
  }

  /// Decodes base64 float32 data and checks its length and that every value is finite.
  private static func decodeWeights(_ node: JSONNode, count: Int) throws(JSONFieldError) -> [Float] {
    let text = try node.string()
    guard let bytes = Data(base64Encoded: text) else {
      throw node.invalid(
        expected: "base64 text (RFC 4648, with padding) of little-endian float32 values", found: "not valid base64 text")
    }
    guard bytes.count % 4 == 0 else {
      throw node.invalid(
        expected: "a multiple of 4 bytes, 4 per float32 value", found: "base64 text of \(bytes.count) bytes")
    }
    let values = Float32Bytes.decode(Array(bytes))
    guard values.count == count else {
      throw JSONFieldError(
        field: node.displayPath, problem: .wrongCount(expected: count, found: values.count, unit: "float32 values"))
    }
    if let index = values.firstIndex(where: { !$0.isFinite }) {
      throw JSONFieldError(
        field: "\(node.displayPath)[\(index)]", problem: .invalid(expected: "a finite number", found: "\(values[index])"))
    }
    return values
  }

  // MARK: - Scaler, threshold and labels

  static func decodeScaler(_ node: JSONNode, featureCount: Int) throws(JSONFieldError) -> MinMaxScaler {
    let minimums = try node.member("minimums").floats(count: featureCount)
    let maximumsNode = try node.member("maximums")
    let maximums = try maximumsNode.floats(count: featureCount)
    if let feature = minimums.indices.first(where: { maximums[$0] < minimums[$0] }) {
      throw JSONFieldError(
        field: "\(maximumsNode.displayPath)[\(feature)]",
        problem: .invalid(
          expected: "at least the minimum \(minimums[feature])", found: String(maximums[feature])))
    }
    return MinMaxScaler(minimums: minimums, maximums: maximums)
  }

  /// Reads a threshold and rejects a value below 0, because reconstruction
  /// errors are never negative.
  static func decodeThreshold(_ node: JSONNode) throws(JSONFieldError) -> ThresholdChoice {
    let valueNode = try node.member("value")
    let value = try valueNode.float()
    guard value >= 0 else {
      throw valueNode.invalid(
        expected: "a number of 0 or more, because reconstruction errors are never negative",
        found: valueNode.value.compact())
    }
    let ruleNode = try node.member("rule")
    let text = try ruleNode.string()
    do {
      return ThresholdChoice(value: value, rule: try ThresholdRule(argument: text))
    } catch {
      throw ruleNode.invalid(expected: "a threshold rule such as \"percentile:99\"", found: text.debugDescription)
    }
  }

  static func decodeNormalLabels(_ node: JSONNode) throws(JSONFieldError) -> [String] {
    let elements = try node.elements()
    guard !elements.isEmpty else {
      throw node.invalid(expected: "at least one label", found: "an empty list")
    }
    var labels: [String] = []
    for element in elements {
      let label = ClassLabel.canonical(try element.string())
      guard !label.isEmpty else { throw element.invalid(expected: "a label", found: "an empty string") }
      labels.append(label)
    }
    return labels
  }

  // MARK: - Provenance

  private static func decodeTraining(_ node: JSONNode, architecture: Architecture) throws(JSONFieldError)
    -> TrainingConfiguration
  {
    let training = try node.decoded(as: TrainingConfiguration.self)
    if let failure = training.validationFailure() {
      throw JSONFieldError(field: node.displayPath, problem: .rejected(reason: failure))
    }
    guard training.architecture(inputSize: architecture.inputSize) == architecture else {
      throw JSONFieldError(
        field: node.displayPath,
        problem: .rejected(
          reason: "Its layers, bottleneck or activations differ from the architecture \(architecture.summary)."))
    }
    return training
  }

  private static func decodeFingerprint(_ node: JSONNode) throws(JSONFieldError) -> DataFingerprint {
    let algorithmNode = try node.member("algorithm")
    let algorithm = try algorithmNode.string()
    guard algorithm == DataFingerprint.algorithm else {
      throw algorithmNode.invalid(expected: DataFingerprint.algorithm.debugDescription, found: algorithm.debugDescription)
    }
    let rows = try node.member("rows").int(in: 0...Int.max)
    let hashNode = try node.member("hash")
    let text = try hashNode.string()
    guard text.count == 16, let hash = UInt64(text, radix: 16) else {
      throw hashNode.invalid(expected: "16 hexadecimal digits", found: text.debugDescription)
    }
    return DataFingerprint(rows: rows, hash: hash)
  }

  private static func decodeDate(_ node: JSONNode) throws(JSONFieldError) -> Date {
    let text = try node.string()
    guard let date = try? Date(text, strategy: .iso8601) else {
      throw node.invalid(expected: "an ISO 8601 date and time such as \"2025-01-31T12:00:00Z\"", found: text.debugDescription)
    }
    return date
  }
}
