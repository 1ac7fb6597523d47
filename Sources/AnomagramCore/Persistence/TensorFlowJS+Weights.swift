extension TensorFlowJS {
  /// One weight from the manifest with its values.
  struct ManifestWeight {
    let name: String
    let shape: [Int]
    let values: [Float]
  }

  /// The largest number of values one weight may have, which keeps a damaged
  /// shape from overflowing the byte count.
  static let maximumWeightElements = 1 << 31

  /// Reads every weight listed in `weightsManifest` from the group's files.
  ///
  /// Each group lists its weight files (shards) in `paths`. Their bytes,
  /// joined in order, contain the group's weights one after the other, each
  /// `product(shape)` little-endian float32 values. Only float32 weights
  /// without quantization are accepted. The files' total size must equal the
  /// size the manifest describes.
  static func readWeights(_ root: JSONNode, directory: String, modelPath: String) throws -> [ManifestWeight] {
    var weights: [ManifestWeight] = []
    var names = Set<String>()
    for group in try root.member("weightsManifest").elements() {
      let entries = try group.member("weights").elements()
      var specs: [(name: String, shape: [Int], count: Int)] = []
      for entry in entries {
        let spec = try weightSpec(entry, path: modelPath)
        guard names.insert(spec.name).inserted else {
          throw entry.invalid(expected: "a weight name not used before", found: spec.name.debugDescription)
        }
        specs.append(spec)
      }

      let bytes = try readShards(group.member("paths"), directory: directory, modelPath: modelPath, expectedBytes: specs.reduce(0) { $0 + $1.count * 4 })
      var offset = 0
      for spec in specs {
        let values = Float32Bytes.decode(bytes[offset..<offset + spec.count * 4])
        weights.append(ManifestWeight(name: spec.name, shape: spec.shape, values: values))
        offset += spec.count * 4
      }
    }
    return weights
  }

  /// Reads one manifest entry's name and shape and checks its data type.
  private static func weightSpec(_ entry: JSONNode, path: String) throws -> (name: String, shape: [Int], count: Int) {
    let name = try entry.member("name").string()
    let dtype = try entry.optionalMember("dtype")?.string() ?? "float32"
    guard dtype == "float32" else {
      throw PersistenceError.unsupportedWeightType(path: path, weight: name, dtype: dtype)
    }
    if let quantization = try entry.optionalMember("quantization") {
      let quantizedType = try quantization.optionalMember("dtype")?.string() ?? "another type"
      throw PersistenceError.quantizedWeight(path: path, weight: name, dtype: quantizedType)
    }
    let shapeNode = try entry.member("shape")
    var shape: [Int] = []
    var count = 1
    for dimension in try shapeNode.elements() {
      let size = try dimension.int(in: 0...maximumWeightElements)
      shape.append(size)
      count *= size
      guard count <= maximumWeightElements else {
        throw shapeNode.invalid(expected: "at most \(maximumWeightElements) values", found: shapeNode.value.compact())
      }
    }
    return (name, shape, count)
  }

  /// Joins a group's weight files after checking that their sizes add up to
  /// `expectedBytes`, which is checked before reading so that a wrong file
  /// is never read whole.
  private static func readShards(
    _ pathsNode: JSONNode, directory: String, modelPath: String, expectedBytes: Int
  ) throws -> [UInt8] {
    var shardPaths: [String] = []
    for pathNode in try pathsNode.elements() {
      let relativePath = try pathNode.string()
      guard isInsideFolder(relativePath) else {
        throw PersistenceError.unsafeWeightPath(path: modelPath, weightPath: relativePath)
      }
      shardPaths.append(path(relativePath, in: directory))
    }
    var total = 0
    for shardPath in shardPaths {
      total += try AtomicFile.size(of: shardPath)
    }
    guard total == expectedBytes else {
      let files = shardPaths.count == 1 ? shardPaths[0] : shardPaths.joined(separator: " + ")
      throw PersistenceError.weightByteCountMismatch(path: files, expected: expectedBytes, found: total)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(total)
    for shardPath in shardPaths {
      bytes += try AtomicFile.read(shardPath)
    }
    // The files could change between the size check and the read.
    guard bytes.count == expectedBytes else {
      throw PersistenceError.weightByteCountMismatch(
        path: shardPaths.joined(separator: " + "), expected: expectedBytes, found: bytes.count)
    }
    return bytes
  }

  /// Returns whether a manifest path names a file inside the model's folder:
  /// relative, not a URL, and without `..` components.
  static func isInsideFolder(_ relativePath: String) -> Bool {
    guard !relativePath.isEmpty, !relativePath.hasPrefix("/"), !relativePath.contains("://") else { return false }
    return !relativePath.split(separator: "/").contains("..")
  }
}
