extension TensorFlowJS {
  /// The scaler, threshold and normal labels that a sidecar file adds to a TensorFlow.js model.
  struct Sidecar {
    var scaler: MinMaxScaler?
    var threshold: ThresholdChoice?
    var normalLabels: [String]
  }

  /// Reads `anomagram.json` in `directory`, or returns `nil` when the folder has none.
  ///
  /// `featureCount` is the model's input width, which the sidecar's must match.
  static func readSidecar(in directory: String, featureCount: Int) throws(PersistenceError) -> Sidecar? {
    let sidecarPath = path(sidecarFileName, in: directory)
    let bytes: [UInt8]
    do {
      bytes = try AtomicFile.read(sidecarPath)
    } catch .fileNotFound {
      return nil
    }

    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      throw .invalidJSON(path: sidecarPath, line: error.line, column: error.column, reason: error.reason)
    }
    do {
      return try decodeSidecar(JSONNode(root), featureCount: featureCount, path: sidecarPath)
    } catch let error as JSONFieldError {
      throw .invalidField(path: sidecarPath, field: error.field, problem: error.problem)
    } catch let error as PersistenceError {
      throw error
    } catch {
      preconditionFailure("unexpected error \(error)")
    }
  }

  private static func decodeSidecar(_ root: JSONNode, featureCount: Int, path: String) throws -> Sidecar {
    let formatNode = try root.member("format")
    let format = try formatNode.string()
    guard format == sidecarFormatName else {
      throw formatNode.invalid(expected: sidecarFormatName.debugDescription, found: format.debugDescription)
    }
    let versionNode = try root.member("version")
    let version = try versionNode.int()
    if version > sidecarVersion {
      throw PersistenceError.unsupportedVersion(path: path, found: version, supported: sidecarVersion)
    }
    guard version >= 1 else { throw versionNode.invalid(expected: "1", found: String(version)) }

    let featureCountNode = try root.member("featureCount")
    let declared = try featureCountNode.int()
    guard declared == featureCount else {
      throw featureCountNode.invalid(expected: "\(featureCount), the input width of model.json", found: String(declared))
    }
    let scaler = try root.optionalMember("scaler").map { node in
      try ModelFile.decodeScaler(node, featureCount: featureCount)
    }
    return Sidecar(
      scaler: scaler, threshold: try root.optionalMember("threshold").map(ModelFile.decodeThreshold),
      normalLabels: try ModelFile.decodeNormalLabels(root.member("normalLabels")))
  }
}
