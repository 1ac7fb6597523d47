import Foundation

/// Export to and import from the TensorFlow.js layers format: a folder with
/// `model.json` (the topology and a weights manifest) and `weights.bin` (the
/// weights as little-endian float32), which `tf.loadLayersModel` loads.
///
/// The export is a `Sequential` model of `Dense` layers. TensorFlow.js has no
/// `Dense` activation for leaky relu, so a leaky-relu layer is exported as a
/// `Dense` layer with linear activation followed by a `LeakyReLU` layer with
/// `alpha` 0.2, and the import reads that pair back as one layer. The scaler,
/// threshold and normal labels are not part of the format; they go into a
/// sidecar file, `anomagram.json`, in the same folder.
///
/// The import reads a `Sequential` or functional `Model` of `Dense` layers,
/// and also the form of the original browser demo, in which the encoder and
/// the decoder are each a `Model` nested inside the autoencoder `Model`.
/// Weights are matched to layers by name (`<layer>/kernel`,
/// `<layer>/bias`). The model must be a dense autoencoder that the engine can
/// represent: widths that mirror around a linear bottleneck, an output as
/// wide as the input, and one activation for all hidden layers.
public enum TensorFlowJS {
  public static let modelFileName = "model.json"
  public static let weightsFileName = "weights.bin"
  public static let sidecarFileName = "anomagram.json"
  /// The value of the sidecar's `format` field.
  public static let sidecarFormatName = "anomagram-tfjs-sidecar"
  public static let sidecarVersion = 1
  /// The `generatedBy` and `convertedBy` text of exported models.
  public static let generatorName = "anomagram"

  /// The arrangement of an imported model's layers.
  public enum Topology: String, Sendable {
    /// A `Sequential` model.
    case sequential
    /// A functional `Model` whose layers form a chain.
    case functional
    /// A functional `Model` with nested models, such as an encoder and a decoder.
    case nested
  }

  /// A model read from a TensorFlow.js folder.
  public struct ImportedModel: Sendable {
    /// The model, with the sidecar's scaler, threshold and normal labels when
    /// the folder has one, and otherwise no scaler, no threshold and the
    /// normal label `1`.
    public var modelFile: ModelFile
    /// Whether the folder had a sidecar file.
    public var hasSidecar: Bool
    public var topology: Topology
    /// The names of the `Dense` layers, in order.
    public var denseLayerNames: [String]
  }

  /// Returns the path of `name` inside `directory`.
  static func path(_ name: String, in directory: String) -> String {
    URL(fileURLWithPath: directory).appendingPathComponent(name).path
  }
}
