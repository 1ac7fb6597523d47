import AnomagramCore

/// One selectable row of the model pane. The decoder mirrors the encoder,
/// so only the encoder's layers and the bottleneck are edited.
public enum ModelRow: Equatable, Sendable {
  /// The encoder's hidden layer at this index, outermost first.
  case hiddenLayer(Int)
  case bottleneck
  case hiddenActivation
  case outputActivation

  /// The rows of the model pane in order.
  public static func rows(for training: TrainingConfiguration) -> [ModelRow] {
    training.encoderUnits.indices.map { .hiddenLayer($0) } + [.bottleneck, .hiddenActivation, .outputActivation]
  }

  /// The most hidden layers the encoder may have.
  public static let maximumHiddenLayers = 6
  /// The largest number of units of one layer.
  public static let maximumUnits = 1024
  static let unitPresets = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024]
  static let outputActivations: [Activation] = [.sigmoid, .linear]
}
