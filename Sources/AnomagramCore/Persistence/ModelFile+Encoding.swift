import Foundation

extension ModelFile {
  /// Returns the whole file as a JSON tree, members in the order the format documents.
  func jsonValue() -> JSONValue {
    let architecture = model.architecture
    var members: [(key: String, value: JSONValue)] = [
      ("format", .string(Self.formatName)),
      ("version", .number(Self.currentVersion)),
      ("writtenAt", .string(writtenAt.formatted(.iso8601))),
      ("featureCount", .number(featureCount)),
      ("architecture", Self.architectureValue(architecture)),
      ("weightEncoding", .string(Self.weightEncoding)),
      ("layers", .array(architecture.layers.indices.map(layerValue))),
    ]
    members.append(("scaler", scaler.map(Self.scalerValue) ?? .null))
    members.append(("threshold", threshold.map(Self.thresholdValue) ?? .null))
    members.append(("normalLabels", .array(normalLabels.map(JSONValue.string))))
    members.append(("training", training.map(JSONValue.encoding) ?? .null))
    members.append(("split", split.map(JSONValue.encoding) ?? .null))
    members.append(("trainingData", trainingData.map(Self.fingerprintValue) ?? .null))
    return .object(members)
  }

  static func architectureValue(_ architecture: Architecture) -> JSONValue {
    .object([
      ("inputSize", .number(architecture.inputSize)),
      ("encoderUnits", .array(architecture.encoderUnits.map(JSONValue.number))),
      ("latentSize", .number(architecture.latentSize)),
      ("hiddenActivation", .string(architecture.hiddenActivation.rawValue)),
      ("outputActivation", .string(architecture.outputActivation.rawValue)),
    ])
  }

  private func layerValue(_ index: Int) -> JSONValue {
    let layer = model.architecture.layers[index]
    return .object([
      ("inputSize", .number(layer.inputSize)),
      ("outputSize", .number(layer.outputSize)),
      ("activation", .string(layer.activation.rawValue)),
      ("kernel", .string(Float32Bytes.base64(model.parameters[layer.weightOffset..<layer.biasOffset]))),
      ("bias", .string(Float32Bytes.base64(model.bias(layer: index)))),
    ])
  }

  static func scalerValue(_ scaler: MinMaxScaler) -> JSONValue {
    .object([
      ("minimums", .array(scaler.minimums.map(JSONValue.number))),
      ("maximums", .array(scaler.maximums.map(JSONValue.number))),
    ])
  }

  static func thresholdValue(_ threshold: ThresholdChoice) -> JSONValue {
    .object([
      ("value", .number(threshold.value)),
      ("rule", .string(threshold.rule.argument)),
    ])
  }

  private static func fingerprintValue(_ fingerprint: DataFingerprint) -> JSONValue {
    .object([
      ("algorithm", .string(DataFingerprint.algorithm)),
      ("rows", .number(fingerprint.rows)),
      ("hash", .string(fingerprint.hexadecimal)),
    ])
  }
}
