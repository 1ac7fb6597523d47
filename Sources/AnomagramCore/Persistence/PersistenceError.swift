/// A model file or TensorFlow.js model that cannot be read, written or
/// represented by the engine. Every case names the file at fault.
public enum PersistenceError: Error, CustomStringConvertible, Equatable {
  // MARK: - Reading and writing files

  case fileNotFound(path: String)
  /// The file exists but cannot be read. `reason` is the system's message.
  case fileUnreadable(path: String, reason: String)
  /// The file cannot be written. `reason` is the system's message. An
  /// existing file at `path` is left as it was.
  case writeFailed(path: String, reason: String)
  /// The destination of a write exists but is not a regular file. `path` is
  /// the path given, and `resolvedPath` the one its symbolic links lead to.
  case notARegularFile(path: String, resolvedPath: String, type: FileType)
  /// The destination of a write is a regular file without write permission.
  case writeProtected(path: String, resolvedPath: String)
  /// The file is not valid JSON.
  case invalidJSON(path: String, line: Int, column: Int, reason: String)

  // MARK: - Model files

  /// The `format` field is missing or names another format. `found` is its value, if any.
  case notAModelFile(path: String, found: String?)
  /// The file was written in a format version this program does not read.
  case unsupportedVersion(path: String, found: Int, supported: Int)
  /// A field is missing or has a value that fails a check.
  case invalidField(path: String, field: String, problem: FieldProblem)

  // MARK: - TensorFlow.js models

  /// A layer class other than `Dense`, `LeakyReLU`, `InputLayer`, nested
  /// models and the layers that are the identity at inference (`Dropout`,
  /// `GaussianNoise`, `GaussianDropout`, `AlphaDropout`).
  case unsupportedLayer(path: String, layer: String, className: String)
  /// A `Dense` activation this program does not implement.
  case unsupportedActivation(path: String, layer: String, activation: String)
  /// A `LeakyReLU` layer whose negative slope is not the engine's 0.2, or
  /// that does not follow a `Dense` layer with linear activation.
  case unsupportedLeakyReLU(path: String, layer: String, reason: String)
  /// A `Dense` layer without a bias (`use_bias: false`).
  case denseWithoutBias(path: String, layer: String)
  /// A layer that does not take the previous layer's output as its only input.
  case notAChain(path: String, layer: String, reason: String)
  /// The model has no `Dense` layer.
  case noDenseLayers(path: String)
  /// The output width differs from the input width, so the model does not reconstruct its input.
  case outputSizeMismatch(path: String, inputSize: Int, outputSize: Int)
  /// The layer widths do not mirror around the bottleneck, for example `140-15-7-2-7-15-15-140`.
  case notMirrored(path: String, layerSizes: [Int])
  /// The middle `Dense` layer, the bottleneck, has an activation other than linear.
  case bottleneckNotLinear(path: String, layer: String, activation: String)
  /// Hidden layers use different activations; the engine uses one for all of them.
  case mixedHiddenActivations(path: String, activations: [String])
  /// A weight's data type is not `float32`.
  case unsupportedWeightType(path: String, weight: String, dtype: String)
  /// A weight is stored quantized.
  case quantizedWeight(path: String, weight: String, dtype: String)
  /// A `Dense` layer's kernel or bias is not in the weights manifest.
  case missingWeight(path: String, layer: String, weight: String)
  /// The weights manifest lists a weight that no layer uses.
  case unusedWeight(path: String, weight: String)
  /// A weight's shape in the manifest does not fit the layer.
  case weightShapeMismatch(path: String, weight: String, expected: [Int], found: [Int])
  /// The weight files hold a different number of bytes than the manifest describes.
  case weightByteCountMismatch(path: String, expected: Int, found: Int)
  /// A weight value is NaN or infinite.
  case nonFiniteWeight(path: String, weight: String, index: Int, value: Float)
  /// A weight file path that leaves the model's folder or is a URL.
  case unsafeWeightPath(path: String, weightPath: String)

  public var description: String {
    switch self {
    case .fileNotFound, .fileUnreadable, .writeFailed, .notARegularFile, .writeProtected, .invalidJSON:
      return fileMessage
    case .notAModelFile, .unsupportedVersion, .invalidField:
      return modelFileMessage
    default:
      return tensorFlowJSMessage
    }
  }

  private var fileMessage: String {
    switch self {
    case .fileNotFound(let path):
      return "\(quoted(path)) does not exist. Check the path."
    case .fileUnreadable(let path, let reason):
      return "Cannot read \(quoted(path)) (\(reason)). Check that the path names a readable file."
    case .writeFailed(let path, let reason):
      return "Cannot write \(quoted(path)) (\(reason)). Check that its folder exists and is writable; "
        + "any existing file there is unchanged."
    case .notARegularFile(let path, let resolvedPath, let type):
      return "Cannot write \(quoted(path)): \(subject(path, resolvedPath)) \(type.phrase), not a regular file. "
        + "Nothing was written. Give the path of a new or existing regular file."
    case .writeProtected(let path, let resolvedPath):
      return "Cannot write \(quoted(path)): \(subject(path, resolvedPath)) a write-protected file. "
        + "The file is unchanged. Make it writable (chmod u+w) or choose another path."
    case .invalidJSON(let path, let line, let column, let reason):
      return "\(quoted(path)) is not valid JSON: \(reason) at line \(line), column \(column). "
        + "The file may be truncated or damaged."
    default:
      preconditionFailure("not a file error")
    }
  }

  private var modelFileMessage: String {
    switch self {
    case .notAModelFile(let path, let found):
      let what = found.map { "its format is \(quoted($0))" } ?? "it has no \"format\" field"
      return "\(quoted(path)) is not an Anomagram model file: \(what), expected \(quoted(ModelFile.formatName))."
    case .unsupportedVersion(let path, let found, let supported):
      return "\(quoted(path)) is a model file of version \(found), but this program reads version "
        + "\(supported) and older. It was probably written by a newer version of anomagram; update the program."
    case .invalidField(let path, let field, let problem):
      let phrase = problem.phrase(field: field)
      return "\(quoted(path)) is invalid: \(phrase)\(phrase.hasSuffix(".") ? "" : ".")"
    default:
      preconditionFailure("not a model file error")
    }
  }

  private var tensorFlowJSMessage: String {
    switch self {
    case .unsupportedLayer(let path, let layer, let className):
      return "\(quoted(path)): layer \(quoted(layer)) is a \(className) layer, which this program cannot run. "
        + "Supported layers are Dense, LeakyReLU (after a linear Dense), InputLayer, nested Sequential or Model, "
        + "and Dropout, GaussianNoise, GaussianDropout and AlphaDropout, which do nothing at inference."
    case .unsupportedActivation(let path, let layer, let activation):
      return "\(quoted(path)): layer \(quoted(layer)) uses activation \(quoted(activation)), which this program "
        + "does not implement. Supported activations are relu, elu, tanh, sigmoid, linear and a LeakyReLU layer "
        + "with alpha 0.2."
    case .unsupportedLeakyReLU(let path, let layer, let reason):
      return "\(quoted(path)): layer \(quoted(layer)) cannot be read: \(reason)"
    case .denseWithoutBias(let path, let layer):
      return "\(quoted(path)): Dense layer \(quoted(layer)) has no bias (use_bias is false), but every layer of "
        + "this program's models has one."
    case .notAChain(let path, let layer, let reason):
      return "\(quoted(path)): layer \(quoted(layer)) \(reason). This program reads only models whose layers "
        + "form a single chain."
    case .noDenseLayers(let path):
      return "\(quoted(path)) has no Dense layers, so it is not a dense autoencoder."
    case .outputSizeMismatch(let path, let inputSize, let outputSize):
      return "\(quoted(path)): the model takes \(inputSize) values but outputs \(outputSize), so it does not "
        + "reconstruct its input and cannot be used as an autoencoder."
    case .notMirrored(let path, let layerSizes):
      return "\(quoted(path)): the layer widths \(layerSizes.map(String.init).joined(separator: "-")) do not mirror "
        + "around the bottleneck. This program's autoencoders have a decoder that mirrors the encoder, so it "
        + "cannot represent this model."
    case .bottleneckNotLinear(let path, let layer, let activation):
      return "\(quoted(path)): the bottleneck layer \(quoted(layer)) uses activation \(quoted(activation)), but "
        + "this program's bottleneck is always linear, so it cannot represent this model."
    case .mixedHiddenActivations(let path, let activations):
      return "\(quoted(path)): the hidden layers use different activations (\(activations.joined(separator: ", "))), "
        + "but this program uses one activation for every hidden layer, so it cannot represent this model."
    case .unsupportedWeightType(let path, let weight, let dtype):
      return "\(quoted(path)): weight \(quoted(weight)) has data type \(quoted(dtype)); only float32 weights "
        + "are supported."
    case .quantizedWeight(let path, let weight, let dtype):
      return "\(quoted(path)): weight \(quoted(weight)) is quantized to \(dtype); only unquantized float32 weights "
        + "are supported. Convert the model again without quantization."
    case .missingWeight(let path, let layer, let weight):
      return "\(quoted(path)): the weights manifest has no \(quoted(weight)) for layer \(quoted(layer))."
    case .unusedWeight(let path, let weight):
      return "\(quoted(path)): the weights manifest lists \(quoted(weight)), which belongs to no Dense layer of "
        + "the model."
    case .weightShapeMismatch(let path, let weight, let expected, let found):
      return "\(quoted(path)): weight \(quoted(weight)) has shape \(shape(found)), expected \(shape(expected))."
    case .weightByteCountMismatch(let path, let expected, let found):
      return "\(quoted(path)) holds \(found) bytes, but the weights manifest describes \(expected) "
        + "(4 bytes per float32 value). The file may be truncated or belong to another model."
    case .nonFiniteWeight(let path, let weight, let index, let value):
      return "\(quoted(path)): value \(index) of weight \(quoted(weight)) is \(value), expected a finite number."
    case .unsafeWeightPath(let path, let weightPath):
      return "\(quoted(path)): weight file \(quoted(weightPath)) is not a relative path inside the model's folder; "
        + "this program reads weight files only from that folder."
    default:
      preconditionFailure("not a TensorFlow.js error")
    }
  }
}

extension PersistenceError {
  /// The type of a file that a write does not replace.
  public enum FileType: Sendable, Equatable {
    case folder
    case characterDevice
    case blockDevice
    case fifo
    case socket
    /// A type that `stat` reports but this program does not name.
    case other

    /// The type with an article, for example "a FIFO".
    var phrase: String {
      switch self {
      case .folder: "a folder"
      case .characterDevice: "a character device"
      case .blockDevice: "a block device"
      case .fifo: "a FIFO"
      case .socket: "a socket"
      case .other: "a special file"
      }
    }
  }
}

/// Returns the start of a sentence about the file at `path`: "it is", or,
/// when symbolic links lead elsewhere, "it is a symbolic link to "…", which is".
private func subject(_ path: String, _ resolvedPath: String) -> String {
  resolvedPath == path ? "it is" : "it is a symbolic link to \(quoted(resolvedPath)), which is"
}

/// Quotes `text` for a message, escaping quotes and control characters.
private func quoted(_ text: String) -> String {
  text.debugDescription
}

private func shape(_ dimensions: [Int]) -> String {
  "[" + dimensions.map(String.init).joined(separator: ", ") + "]"
}
