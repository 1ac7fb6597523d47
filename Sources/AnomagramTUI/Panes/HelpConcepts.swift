/// The pages of the help window, switched with Left and Right.
public enum HelpPage: Sendable {
  /// The keys of the current screen, by pane or mode.
  case keys
  /// Short explanations of the ideas on screen.
  case concepts
}

/// An idea the screens rely on, explained in a few sentences for a
/// newcomer. Numbers in the texts were measured with this program on the
/// bundled ECG5000 data.
struct HelpConcept: Equatable {
  let title: String
  let text: String

  static let autoencoder = HelpConcept(
    title: "Autoencoder",
    text: "A neural network trained to reproduce its input at its output. The encoder's layers squeeze each "
      + "row (in ECG5000 a heartbeat of 140 values) into a few numbers, and the decoder's layers rebuild the "
      + "row from them. Training needs no labels: the target is the input itself.")

  static let bottleneck = HelpConcept(
    title: "Bottleneck",
    text: "The narrowest layer, in the middle. All the decoder learns about a row passes through its few "
      + "units (2 by default), so the network has to learn the shapes that normal rows share instead of "
      + "copying each row. A wider bottleneck rebuilds more detail, anomalies included; a narrower one "
      + "blurs normal rows too. The Explore screen plots each test row's bottleneck values.")

  static let reconstructionError = HelpConcept(
    title: "Reconstruction error",
    text: "The mean of the squared differences between a row and its reconstruction, on scaled values. "
      + "A row like those the model learned from comes back close to the original and has a small error; "
      + "an unusual row comes back distorted and has a large one. The error is the anomaly score, and the "
      + "training loss is its mean over the training rows.")

  static let threshold = HelpConcept(
    title: "Threshold",
    text: "The error above which a row is flagged abnormal. The default rule takes the 99th percentile of "
      + "the training rows' errors, so 1 in 100 training rows lies above it. On the Train screen the keys "
      + "f, a and y choose the best value using the test labels: that shows what is possible, but it is "
      + "optimistic, because new data comes without labels.")

  static let rocAndAUC = HelpConcept(
    title: "ROC curve and AUC",
    text: "Each threshold gives a true positive rate (the share of abnormal rows flagged) and a false "
      + "positive rate (the share of normal rows flagged). The ROC curve joins these points for every "
      + "threshold. AUC, the area under it, is the chance that a random abnormal row has a larger error "
      + "than a random normal one: 1 separates them perfectly, 0.5 is chance. It does not depend on the "
      + "threshold.")

  static let precisionAndRecall = HelpConcept(
    title: "Precision, recall and F1",
    text: "Measured at the threshold, with abnormal as the positive class. Precision is the share of "
      + "flagged rows that are abnormal, recall the share of abnormal rows that are flagged. Raising the "
      + "threshold usually raises precision and lowers recall. F1 = 2PR / (P + R), their harmonic mean, "
      + "is high only when both are.")

  static let normalTraining = HelpConcept(
    title: "Why train on normal rows",
    text: "The model rebuilds well only what it has seen. Trained on normal rows alone, it never learns "
      + "the shapes of abnormal ones, so their errors stay large and the error alone tells the classes "
      + "apart. Normal data is also what is easy to collect: anomalies are rare, varied and often unknown "
      + "in advance.")

  static let abnormalTraining = HelpConcept(
    title: "Abnormal rows in training",
    text: "The abnormal share setting mixes abnormal rows into training, as happens when data is "
      + "unlabelled or mislabelled. The model then learns to rebuild those shapes too, their errors "
      + "shrink, and the histogram's two humps overlap. With the default settings and 20 epochs, this "
      + "program reached AUC 0.998 with a share of 0 and 0.68 with a share of 0.3.")

  static let scaling = HelpConcept(
    title: "Scaling on training rows only",
    text: "Each position of a row is scaled to [0, 1] with the minimum and maximum it has in the training "
      + "rows, and test rows get the same scaling, so their values can fall outside [0, 1]. Fitting the "
      + "scaler on test rows too would pass information about them into training, and the results would "
      + "look better than on data the model has never seen.")

  static let trainingLength = HelpConcept(
    title: "Epochs, batches and steps",
    text: "An epoch is one pass over the training rows in batches, and the optimizer takes one step per "
      + "batch. The classic preset (layers 7,3, batch size 512, 30 epochs on 500 rows) takes one step per "
      + "epoch, 30 in all: its runs often stall at a loss of 0.013 to 0.026 with AUC 0.93 to 0.97. The "
      + "default settings (140-64-16-2-16-64-140, seed 1) reached AUC 0.9986, and the bundled pretrained "
      + "model, trained for 100 epochs, 0.9991.")

  static let simplerMethods = HelpConcept(
    title: "When PCA is enough",
    text: "PCA with k components is the best linear reconstruction through k numbers, computed directly "
      + "with no training. The metrics pane shows its AUC beside the model's. On ECG5000 PCA with 2 "
      + "components reached 0.9896 against 0.9986 for the default autoencoder: close, with nothing to "
      + "tune. Try it first, and use an autoencoder when the extra separation matters.")

  /// Every concept, in the order the help lists those that no pane puts first.
  static let all: [HelpConcept] = [
    autoencoder, bottleneck, reconstructionError, threshold, rocAndAUC, precisionAndRecall, normalTraining,
    abnormalTraining, scaling, trainingLength, simplerMethods,
  ]

  /// Returns the concepts behind what the focused pane (on the Train
  /// screen) or the screen shows, most relevant first.
  static func relevant(to state: AppState) -> [HelpConcept] {
    switch state.screen {
    case .explore: return [reconstructionError, threshold, autoencoder, bottleneck]
    case .runs: return [rocAndAUC, trainingLength, simplerMethods]
    case .train: break
    }
    switch state.focus {
    case .model: return [autoencoder, bottleneck, simplerMethods]
    case .settings: return [normalTraining, abnormalTraining, scaling, trainingLength]
    case .threshold: return [threshold, precisionAndRecall, rocAndAUC, reconstructionError]
    case .lossChart: return [reconstructionError, trainingLength]
    }
  }

  /// Returns every concept, those relevant to the focused pane first.
  static func ordered(for state: AppState) -> [HelpConcept] {
    let first = relevant(to: state)
    return first + all.filter { !first.contains($0) }
  }

  /// Returns the name of what `relevant(to:)` follows: "Model pane", "loss chart", "Explore screen".
  static func focusName(for state: AppState) -> String {
    switch state.screen {
    case .explore, .runs: return "\(state.screen.name) screen"
    case .train: break
    }
    switch state.focus {
    case .model: return "Model pane"
    case .settings: return "Training pane"
    case .threshold: return "histogram and metrics"
    case .lossChart: return "loss chart"
    }
  }
}
