/// The first-launch tour: a few steps, each pointing at one part of a
/// screen with a short text. It opens once, until it is finished or
/// skipped (see `UserSettings.hasSeenTour`).
public struct Tour: Equatable, Sendable {
  /// The step shown.
  public var step: TourStep = .model

  public init(step: TourStep = .model) {
    self.step = step
  }

  /// Whether the step shown is the last one.
  public var isAtLastStep: Bool { step.rawValue == TourStep.allCases.count - 1 }
}

/// One step of the tour, in order.
public enum TourStep: Int, CaseIterable, Sendable {
  case model
  case settings
  case lossChart
  case histogram
  case rocAndMetrics
  case explore
  case help

  /// The part of the screen a step points at.
  public enum Target: Sendable {
    case model
    case settings
    case lossChart
    case histogram
    /// The ROC pane and the metrics pane beside it.
    case rocAndMetrics
    /// The Explore screen's heartbeat chart, or its whole area when there
    /// is no model to explore.
    case exploreChart
    /// The `? help` key at the right end of the footer.
    case helpKey
  }

  /// The step's number for people, from 1.
  public var number: Int { rawValue + 1 }

  /// The screen shown during the step.
  public var screen: AppState.Screen { self == .explore ? .explore : .train }

  public var target: Target {
    switch self {
    case .model: .model
    case .settings: .settings
    case .lossChart: .lossChart
    case .histogram: .histogram
    case .rocAndMetrics: .rocAndMetrics
    case .explore: .exploreChart
    case .help: .helpKey
    }
  }

  /// The step's name, at most 17 characters, so that "Tour 3/7: " and the
  /// name fit the top edge of a box of `TourOverlay.minimumWidth`.
  public var title: String {
    switch self {
    case .model: "The model"
    case .settings: "Settings"
    case .lossChart: "Training and loss"
    case .histogram: "Errors, threshold"
    case .rocAndMetrics: "ROC and metrics"
    case .explore: "Explore screen"
    case .help: "Help and concepts"
    }
  }

  /// The step's text. The Explore step names the model that screen shows
  /// at this moment.
  public func text(in state: AppState) -> String {
    switch self {
    case .model:
      return "Welcome to Anomagram. This pane is the autoencoder you will train: the input, the encoder's "
        + "layers, the narrow bottleneck and the mirrored decoder. Up/Down select a layer, Left/Right change "
        + "its units, a adds a layer and d removes one."
    case .settings:
      return "How to train: epochs, batch size, learning rate, optimizer and seed, then the data: training "
        + "rows, test rows and the share of abnormal rows mixed into training. Tab moves to this pane; "
        + "Left/Right pick a value and Enter types one."
    case .lossChart:
      return "After the tour, Space starts training and pauses it; n trains one epoch. This chart shows the "
        + "loss after each epoch: the reconstruction error on the training rows and on normal test rows. Both "
        + "should fall."
    case .histogram:
      return "Each test row gets a reconstruction error. Normal rows should pile up at small errors and "
        + "abnormal ones further right. Rows to the right of the threshold line are flagged as abnormal."
    case .rocAndMetrics:
      return "The ROC curve shows every possible threshold at once, and its AUC how well the errors separate "
        + "the classes. The metrics pane gives precision, recall and F1 at the threshold, which Left/Right "
        + "move there, and the AUC of a PCA baseline."
    case .explore:
      return exploreText(in: state)
    case .help:
      return "Press ? on any screen for its keys and, with Right, short explanations of the ideas behind "
        + "it: autoencoder, bottleneck, threshold, ROC, precision and recall. Press Enter to close this "
        + "tour, then Space to train your first model."
    }
  }

  private func exploreText(in state: AppState) -> String {
    let steps = "Press 2 for this screen and 1 to return. Up/Down step through the test heartbeats, "
      + "each drawn with the model's reconstruction and its verdict; d lets you draw a beat of your own."
    guard let model = state.exploreModel else {
      return steps + " It shows a model once your first run has one."
    }
    return steps + " Now it shows the \(model.origin)."
  }
}
