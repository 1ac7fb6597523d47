import Foundation
import Testing

@testable import AnomagramCore

/// Returns the path of a bundled ECG5000 file, found from this source file's location.
private func bundledFile(_ name: String) -> String {
  var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
    precondition(directory.path != "/", "No Package.swift above \(#filePath)")
    directory.deleteLastPathComponent()
  }
  return directory.appendingPathComponent("Data/ecg5000/\(name)").path
}

/// Returns a model file for a 140-16-8-2-8-16-140 leaky-relu model with seeded
/// weights, a scaler fitted on 200 training rows of ECG5000 and a threshold.
private func ecgModelFile() throws -> ModelFile {
  let data = try DataFileReader.load(path: bundledFile("ECG5000_TRAIN.tsv"))
  let splitConfiguration = SplitConfiguration(trainSize: 200, testSize: 100, seed: 3)
  let split = try DataSplit.make(pool: data, configuration: splitConfiguration)
  let training = TrainingConfiguration(
    encoderUnits: [16, 8], latentSize: 2, hiddenActivation: .leakyRelu, outputActivation: .sigmoid,
    optimizer: OptimizerSettings(kind: .adam, learningRate: 0.003), epochs: 1, batchSize: 32, seed: 5)
  let model = Autoencoder(architecture: training.architecture(inputSize: data.featureCount), seed: 5)
  return ModelFile(
    trainedModel: model, split: split, splitConfiguration: splitConfiguration, training: training,
    threshold: ThresholdChoice(value: 0.012_345_67, rule: .percentile(99.5)))
}

/// Creates a fresh temporary folder, passes it to `body` and removes it.
func withModelFileFolder<Result>(_ body: (URL) throws -> Result) throws -> Result {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ModelFileTests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  return try body(folder)
}

/// Saves `file`, lets `damage` change its JSON as parsed by
/// `JSONSerialization`, writes the result and returns the error of loading it.
private func loadError(
  after damage: (inout [String: Any]) throws -> Void, file: ModelFile, in folder: URL
) throws -> PersistenceError? {
  let path = folder.appendingPathComponent("model.json").path
  try file.save(to: path)
  var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
  try damage(&object)
  try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
  do {
    _ = try ModelFile.load(from: path)
    return nil
  } catch {
    return error
  }
}

/// Returns the list at `key` of a JSON object as dictionaries.
private func layers(_ object: [String: Any]) throws -> [[String: Any]] {
  try #require(object["layers"] as? [[String: Any]])
}

/// Base64 of little-endian float32 bytes, written without the code under test.
private func base64(_ values: [Float]) -> String {
  var bytes: [UInt8] = []
  for value in values {
    withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
  }
  return Data(bytes).base64EncodedString()
}

@Suite("ModelFile")
struct ModelFileTests {
  // MARK: - Round trip

  @Test("save then load gives identical contents")
  func roundTrip() throws {
    let file = try ecgModelFile()
    try withModelFileFolder { folder in
      let path = folder.appendingPathComponent("model.json").path

      try file.save(to: path)
      let loaded = try ModelFile.load(from: path)

      #expect(loaded.model.parameters.map(\.bitPattern) == file.model.parameters.map(\.bitPattern))
      #expect(loaded.model.architecture == file.model.architecture)
      #expect(loaded.scaler == file.scaler)
      #expect(loaded.threshold == file.threshold)
      #expect(loaded.normalLabels == ["1"])
      #expect(loaded.training == file.training)
      #expect(loaded.split == file.split)
      #expect(loaded.trainingData == file.trainingData)
      #expect(loaded.writtenAt == file.writtenAt)
      #expect(loaded == file)
    }
  }

  @Test("reconstruction errors are identical after loading")
  func reconstructionErrorsAfterLoading() throws {
    let file = try ecgModelFile()
    let test = try DataFileReader.load(path: bundledFile("ECG5000_TEST.tsv"))
    try withModelFileFolder { folder in
      let path = folder.appendingPathComponent("model.json").path

      try file.save(to: path)
      let loaded = try ModelFile.load(from: path)
      let before = file.reconstructionErrors(test.values)
      let after = loaded.reconstructionErrors(test.values)

      #expect(before.count == 4500)
      #expect(after.map(\.bitPattern) == before.map(\.bitPattern))
    }
  }

  @Test("a row's error does not depend on the other rows")
  func errorsIndependentOfBatch() throws {
    let file = try ecgModelFile()
    let test = try DataFileReader.load(path: bundledFile("ECG5000_TEST.tsv"))
    let rows = test.values.selectingRows(0..<40)

    let together = file.reconstructionErrors(rows)
    let reversed = file.reconstructionErrors(rows.selectingRows((0..<40).reversed()))
    let alone = (0..<40).map { file.reconstructionErrors(rows.selectingRows([$0]))[0] }

    #expect(together.map(\.bitPattern) == alone.map(\.bitPattern))
    #expect(reversed.reversed().map(\.bitPattern) == alone.map(\.bitPattern))
  }

  @Test("extreme float values survive bit for bit")
  func extremeFloats() throws {
    let architecture = Architecture(inputSize: 3, encoderUnits: [], latentSize: 1, outputActivation: .linear)
    let special: [Float] = [
      -0.0, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
      0.1, 1e-7, 3.4028235e38,
    ]
    let parameters = (0..<architecture.parameterCount).map { special[$0 % special.count] }
    let scaler = MinMaxScaler(minimums: [-0.0, .leastNonzeroMagnitude, 0.1], maximums: [0, 1e-7, .greatestFiniteMagnitude])
    let file = ModelFile(
      model: Autoencoder(architecture: architecture, parameters: parameters), scaler: scaler,
      threshold: ThresholdChoice(value: .leastNonzeroMagnitude, rule: .fixed(.leastNonzeroMagnitude)),
      normalLabels: ["normal"])
    try withModelFileFolder { folder in
      let path = folder.appendingPathComponent("model.json").path

      try file.save(to: path)
      let loaded = try ModelFile.load(from: path)

      #expect(loaded.model.parameters.map(\.bitPattern) == parameters.map(\.bitPattern))
      #expect(loaded.scaler?.minimums.map(\.bitPattern) == scaler.minimums.map(\.bitPattern))
      #expect(loaded.scaler?.maximums.map(\.bitPattern) == scaler.maximums.map(\.bitPattern))
      #expect(loaded.threshold?.value.bitPattern == Float.leastNonzeroMagnitude.bitPattern)
      #expect(loaded.threshold?.rule == .fixed(.leastNonzeroMagnitude))
    }
  }

  @Test("imported model without provenance round trips")
  func withoutProvenance() throws {
    let architecture = Architecture(inputSize: 4, encoderUnits: [3], latentSize: 2, hiddenActivation: .tanh)
    let file = ModelFile(
      model: Autoencoder(architecture: architecture, seed: 9), scaler: nil, threshold: nil, normalLabels: ["2", "10"])
    try withModelFileFolder { folder in
      let path = folder.appendingPathComponent("model.json").path

      try file.save(to: path)
      let loaded = try ModelFile.load(from: path)

      #expect(loaded == file)
      #expect(loaded.scaler == nil)
      #expect(loaded.threshold == nil)
      #expect(loaded.training == nil)
      #expect(loaded.trainingData == nil)
      #expect(loaded.normalLabels == ["2", "10"])
    }
  }

  @Test("file layout has the documented fields")
  func layout() throws {
    let file = try ecgModelFile()
    try withModelFileFolder { folder in
      let path = folder.appendingPathComponent("model.json").path

      try file.save(to: path)
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
      let firstLayer = try #require(try layers(object).first)
      let threshold = try #require(object["threshold"] as? [String: Any])
      let fingerprint = try #require(object["trainingData"] as? [String: Any])

      #expect(object["format"] as? String == "anomagram-model")
      #expect(object["version"] as? Int == 1)
      #expect(object["featureCount"] as? Int == 140)
      #expect(object["weightEncoding"] as? String == "float32-le-base64")
      #expect(try layers(object).count == 6)
      #expect(firstLayer["activation"] as? String == "leaky-relu")
      #expect(firstLayer["kernel"] as? String == base64(Array(file.model.parameters[0..<140 * 16])))
      #expect(threshold["rule"] as? String == "percentile:99.5")
      #expect(fingerprint["algorithm"] as? String == "FNV-1a 64")
      #expect(fingerprint["rows"] as? Int == 200)
      #expect((object["writtenAt"] as? String)?.hasSuffix("Z") == true)
    }
  }

  // MARK: - Damaged files

  @Test("truncated JSON is rejected with its line")
  func truncatedJSON() throws {
    let file = try ecgModelFile()
    try withModelFileFolder { folder in
      let path = folder.appendingPathComponent("model.json").path
      try file.save(to: path)
      let text = try String(contentsOfFile: path, encoding: .utf8)
      try String(text.prefix(text.count / 2)).write(toFile: path, atomically: false, encoding: .utf8)

      #expect {
        _ = try ModelFile.load(from: path)
      } throws: { error in
        guard case .invalidJSON(let errorPath, let line, _, let reason) = error as? PersistenceError else { return false }
        return errorPath == path && line > 1 && reason.contains("end of the file")
      }
    }
  }

  @Test("newer version is rejected as newer")
  func newerVersion() throws {
    try withModelFileFolder { folder in
      let error = try loadError(after: { $0["version"] = 2 }, file: try ecgModelFile(), in: folder)

      #expect(error == .unsupportedVersion(path: folder.appendingPathComponent("model.json").path, found: 2, supported: 1))
      #expect(error?.description.contains("newer version") == true)
    }
  }

  @Test("wrong weight count names the layer's kernel")
  func wrongWeightCount() throws {
    try withModelFileFolder { folder in
      let error = try loadError(
        after: { object in
          var list = try layers(object)
          list[1]["kernel"] = base64([Float](repeating: 0.5, count: 100))
          object["layers"] = list
        }, file: try ecgModelFile(), in: folder)

      guard case .invalidField(_, let field, let problem) = error else {
        Issue.record("Expected an invalid field, got \(String(describing: error))")
        return
      }
      #expect(field == "layers[1].kernel")
      #expect(problem == .wrongCount(expected: 16 * 8, found: 100, unit: "float32 values"))
      #expect(error?.description.contains("layers[1].kernel has 100 float32 values, expected 128") == true)
    }
  }

  @Test("NaN weight names its index")
  func nanWeight() throws {
    try withModelFileFolder { folder in
      let error = try loadError(
        after: { object in
          var list = try layers(object)
          list[0]["bias"] = base64([0, 0, 0, .nan] + [Float](repeating: 0, count: 12))
          object["layers"] = list
        }, file: try ecgModelFile(), in: folder)

      guard case .invalidField(_, let field, let problem) = error else {
        Issue.record("Expected an invalid field, got \(String(describing: error))")
        return
      }
      #expect(field == "layers[0].bias[3]")
      #expect(problem == .invalid(expected: "a finite number", found: "nan"))
    }
  }

  @Test("bias that is not base64 is named")
  func biasNotBase64() throws {
    try withModelFileFolder { folder in
      let error = try loadError(
        after: { object in
          var list = try layers(object)
          list[0]["bias"] = "not base64!"
          object["layers"] = list
        }, file: try ecgModelFile(), in: folder)

      let path = folder.appendingPathComponent("model.json").path
      #expect(
        error
          == .invalidField(
            path: path, field: "layers[0].bias",
            problem: .invalid(
              expected: "base64 text (RFC 4648, with padding) of little-endian float32 values",
              found: "not valid base64 text")))
      #expect(
        error?.description
          == "\(path.debugDescription) is invalid: layers[0].bias is not valid base64 text, expected base64 text "
          + "(RFC 4648, with padding) of little-endian float32 values.")
    }
  }

  @Test("kernel of a partial float32 is named")
  func kernelPartialFloat() throws {
    try withModelFileFolder { folder in
      let error = try loadError(
        after: { object in
          var list = try layers(object)
          // "AAAAAAAA" is base64 of 6 zero bytes: one float32 and half of another.
          list[1]["kernel"] = "AAAAAAAA"
          object["layers"] = list
        }, file: try ecgModelFile(), in: folder)

      guard case .invalidField(_, let field, let problem) = error else {
        Issue.record("Expected an invalid field, got \(String(describing: error))")
        return
      }
      #expect(field == "layers[1].kernel")
      #expect(problem == .invalid(expected: "a multiple of 4 bytes, 4 per float32 value", found: "base64 text of 6 bytes"))
      #expect(
        error?.description.contains(
          "layers[1].kernel is base64 text of 6 bytes, expected a multiple of 4 bytes, 4 per float32 value.") == true)
    }
  }

  @Test("wrong scaler length names the list")
  func wrongScalerLength() throws {
    try withModelFileFolder { folder in
      let error = try loadError(
        after: { object in
          var scaler = try #require(object["scaler"] as? [String: Any])
          scaler["minimums"] = try #require(scaler["minimums"] as? [Double]).dropLast().map { $0 }
          object["scaler"] = scaler
        }, file: try ecgModelFile(), in: folder)

      guard case .invalidField(_, let field, let problem) = error else {
        Issue.record("Expected an invalid field, got \(String(describing: error))")
        return
      }
      #expect(field == "scaler.minimums")
      #expect(problem == .wrongCount(expected: 140, found: 139, unit: "numbers"))
    }
  }

  @Test(
    "missing field is named",
    arguments: ["architecture", "layers", "normalLabels", "writtenAt", "featureCount", "weightEncoding", "version"])
  func missingField(_ key: String) throws {
    try withModelFileFolder { folder in
      let error = try loadError(after: { $0[key] = nil }, file: try ecgModelFile(), in: folder)

      guard case .invalidField(let path, let field, let problem) = error else {
        Issue.record("Expected an invalid field, got \(String(describing: error))")
        return
      }
      #expect(path == folder.appendingPathComponent("model.json").path)
      #expect(field == key)
      #expect(problem == .missing)
      #expect(error?.description.contains("\(key) is missing") == true)
    }
  }

  @Test("missing nested field is named by its path")
  func missingNestedField() throws {
    try withModelFileFolder { folder in
      let error = try loadError(
        after: { object in
          var threshold = try #require(object["threshold"] as? [String: Any])
          threshold["rule"] = nil
          object["threshold"] = threshold
        }, file: try ecgModelFile(), in: folder)

      #expect(error?.description.contains("threshold.rule is missing") == true)
    }
  }

  @Test("other format name is rejected")
  func otherFormat() throws {
    try withModelFileFolder { folder in
      let error = try loadError(after: { $0["format"] = "layers-model" }, file: try ecgModelFile(), in: folder)

      #expect(error == .notAModelFile(path: folder.appendingPathComponent("model.json").path, found: "layers-model"))
    }
  }

  @Test("layer width that contradicts the architecture is rejected")
  func layerWidthMismatch() throws {
    try withModelFileFolder { folder in
      let error = try loadError(
        after: { object in
          var list = try layers(object)
          list[2]["outputSize"] = 3
          object["layers"] = list
        }, file: try ecgModelFile(), in: folder)

      guard case .invalidField(_, let field, _) = error else {
        Issue.record("Expected an invalid field, got \(String(describing: error))")
        return
      }
      #expect(field == "layers[2].outputSize")
    }
  }

  @Test("threshold beyond float range is rejected")
  func thresholdOutOfRange() throws {
    try withModelFileFolder { folder in
      let error = try loadError(
        after: { object in
          object["threshold"] = ["value": 1e39, "rule": "fixed:1"]
        }, file: try ecgModelFile(), in: folder)

      guard case .invalidField(_, let field, _) = error else {
        Issue.record("Expected an invalid field, got \(String(describing: error))")
        return
      }
      #expect(field == "threshold.value")
    }
  }

  @Test("negative threshold is rejected", arguments: [-1, -1e-30])
  func negativeThreshold(_ value: Double) throws {
    try withModelFileFolder { folder in
      let error = try loadError(
        after: { object in
          object["threshold"] = ["value": value, "rule": "fixed:\(value)"]
        }, file: try ecgModelFile(), in: folder)

      guard case .invalidField(_, let field, let problem) = error else {
        Issue.record("Expected an invalid field, got \(String(describing: error))")
        return
      }
      #expect(field == "threshold.value")
      guard case .invalid(let expected, _) = problem else {
        Issue.record("Expected an invalid value, got \(problem)")
        return
      }
      #expect(expected == "a number of 0 or more, because reconstruction errors are never negative")
      #expect(error?.description.contains("threshold.value is -1") == true)
    }
  }

  @Test("zero threshold is accepted")
  func zeroThreshold() throws {
    var file = try ecgModelFile()
    file.threshold = ThresholdChoice(value: 0, rule: .fixed(0))
    try withModelFileFolder { folder in
      let path = folder.appendingPathComponent("model.json").path

      try file.save(to: path)

      #expect(try ModelFile.load(from: path).threshold == file.threshold)
    }
  }

  @Test("negative threshold is not saved")
  func negativeThresholdNotSaved() throws {
    var file = try ecgModelFile()
    file.threshold = ThresholdChoice(value: -0.5, rule: .fixed(-0.5))
    try withModelFileFolder { folder throws in
      let path = folder.appendingPathComponent("model.json").path

      #expect {
        try file.save(to: path)
      } throws: { error in
        guard case .writeFailed(let errorPath, let reason) = error as? PersistenceError else { return false }
        return errorPath == path && reason.contains("-0.5") && reason.contains("never negative")
      }
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
  }

  @Test("scaler maximum below minimum is rejected")
  func scalerMaximumBelowMinimum() throws {
    try withModelFileFolder { folder in
      let error = try loadError(
        after: { object in
          var scaler = try #require(object["scaler"] as? [String: Any])
          var maximums = try #require(scaler["maximums"] as? [Double])
          maximums[5] = -1000
          scaler["maximums"] = maximums
          object["scaler"] = scaler
        }, file: try ecgModelFile(), in: folder)

      guard case .invalidField(_, let field, _) = error else {
        Issue.record("Expected an invalid field, got \(String(describing: error))")
        return
      }
      #expect(field == "scaler.maximums[5]")
    }
  }

  @Test("training settings that contradict the architecture are rejected")
  func trainingContradiction() throws {
    try withModelFileFolder { folder in
      let error = try loadError(
        after: { object in
          var training = try #require(object["training"] as? [String: Any])
          training["latentSize"] = 5
          object["training"] = training
        }, file: try ecgModelFile(), in: folder)

      guard case .invalidField(_, let field, _) = error else {
        Issue.record("Expected an invalid field, got \(String(describing: error))")
        return
      }
      #expect(field == "training")
      #expect(
        error?.description.hasSuffix(
          "training is invalid. Its layers, bottleneck or activations differ from the architecture "
            + "140-16-8-2-8-16-140.") == true)
    }
  }

  @Test("huge declared width is rejected without allocating")
  func hugeWidth() throws {
    try withModelFileFolder { folder in
      let error = try loadError(
        after: { object in
          var architecture = try #require(object["architecture"] as? [String: Any])
          architecture["inputSize"] = Int.max
          object["architecture"] = architecture
        }, file: try ecgModelFile(), in: folder)

      guard case .invalidField(_, let field, _) = error else {
        Issue.record("Expected an invalid field, got \(String(describing: error))")
        return
      }
      #expect(field == "architecture.inputSize")
    }
  }

  @Test("missing file and folder are reported")
  func missingFile() throws {
    try withModelFileFolder { folder in
      let path = folder.appendingPathComponent("absent.json").path

      #expect(throws: PersistenceError.fileNotFound(path: path)) { try ModelFile.load(from: path) }
      #expect(throws: PersistenceError.fileUnreadable(path: folder.path, reason: "it is a folder")) {
        try ModelFile.load(from: folder.path)
      }
    }
  }

  // MARK: - Atomic writes

  @Test("save replaces an existing file and leaves no temporary file")
  func saveReplaces() throws {
    let file = try ecgModelFile()
    var other = file
    other.threshold = ThresholdChoice(value: 0.5, rule: .fixed(0.5))
    try withModelFileFolder { folder in
      let path = folder.appendingPathComponent("model.json").path

      try file.save(to: path)
      try other.save(to: path)

      #expect(try ModelFile.load(from: path).threshold?.value == 0.5)
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.json"])
    }
  }

  @Test("failed write leaves the old file intact")
  func failedWriteKeepsOldFile() throws {
    try withModelFileFolder { folder in
      let path = folder.appendingPathComponent("model.json").path
      try "old contents\n".write(toFile: path, atomically: false, encoding: .utf8)

      #expect(throws: PersistenceError.writeFailed(path: path, reason: "simulated failure")) {
        try AtomicFile.replace(path: path) { descriptor throws(PersistenceError) in
          _ = "new contents that stop half way".withCString { write(descriptor, $0, 10) }
          throw .writeFailed(path: path, reason: "simulated failure")
        }
      }
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "old contents\n")
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.json"])
    }
  }

  @Test("model with NaN parameters is not written over the old file")
  func nonFiniteModelKeepsOldFile() throws {
    let file = try ecgModelFile()
    var broken = file
    broken.model = Autoencoder(
      architecture: file.model.architecture, parameters: [.nan] + file.model.parameters.dropFirst())
    try withModelFileFolder { folder in
      let path = folder.appendingPathComponent("model.json").path
      try file.save(to: path)
      let before = try Data(contentsOf: URL(fileURLWithPath: path))

      #expect(throws: PersistenceError.self) { try broken.save(to: path) }
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
  }

  @Test("save under a path whose parent is a file fails naming the path")
  func parentIsAFile() throws {
    let file = try ecgModelFile()
    try withModelFileFolder { folder in
      let parent = folder.appendingPathComponent("not-a-folder")
      try "text".write(to: parent, atomically: false, encoding: .utf8)
      let path = parent.appendingPathComponent("model.json").path

      #expect {
        try file.save(to: path)
      } throws: { error in
        guard case .writeFailed(let errorPath, _) = error as? PersistenceError else { return false }
        return errorPath == path && "\(error)".contains(path)
      }
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["not-a-folder"])
    }
  }

  // MARK: - Fingerprint

  @Test("FNV-1a 64 matches the published test vectors")
  func fnvVectors() {
    // Vectors from the FNV reference test suite (draft-eastlake-fnv).
    let cases: [(String, UInt64)] = [("", 0xcbf2_9ce4_8422_2325), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8)]
    for (text, expected) in cases {
      var hasher = FNV1a64()
      hasher.combine(Array(text.utf8))
      #expect(hasher.value == expected, "FNV-1a 64 of \(text.debugDescription)")
    }
  }

  @Test("fingerprint hashes values, labels and separators")
  func fingerprintBytes() {
    // Expected value computed separately from the bytes
    // 0000803f 000020c0 31 00 0000803e 00004040 61626e6f726d616c 00.
    let values = Matrix(rowArrays: [[1.0, -2.5], [0.25, 3.0]])

    let fingerprint = DataFingerprint(values: values, labels: ["1", "abnormal"])

    #expect(fingerprint.rows == 2)
    #expect(fingerprint.hexadecimal == "a5a071ec5ef36da1")
  }

  @Test("fingerprint changes with a label or the row order")
  func fingerprintSensitivity() {
    let values = Matrix(rowArrays: [[1.0, -2.5], [0.25, 3.0]])
    let swapped = Matrix(rowArrays: [[0.25, 3.0], [1.0, -2.5]])
    let original = DataFingerprint(values: values, labels: ["1", "2"])

    #expect(DataFingerprint(values: values, labels: ["1", "3"]) != original)
    #expect(DataFingerprint(values: swapped, labels: ["2", "1"]) != original)
  }
}
