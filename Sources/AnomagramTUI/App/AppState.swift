import AnomagramCore
import Foundation

/// Everything the app shows, as plain values: settings, the newest training
/// snapshot, the screen, focus, threshold and overlays. Only `update`
/// changes it.
public struct AppState: Sendable {
  /// The full-screen views, switched with the keys 1 to 3 (or F1 to F3).
  public enum Screen: Int, CaseIterable, Sendable {
    /// Build the model, train it and read the metrics.
    case train = 1
    /// Step through the test heartbeats, draw new ones and see the bottleneck.
    case explore = 2
    /// The history of this session's runs.
    case runs = 3

    /// The name in the title bar and the help window.
    public var name: String {
      switch self {
      case .train: "Train"
      case .explore: "Explore"
      case .runs: "Runs"
      }
    }
  }

  /// The panes that take keys, in Tab order.
  public enum Pane: Int, CaseIterable, Sendable {
    case model
    case settings
    case threshold
    case lossChart
  }

  /// The model and training settings the next run will use.
  public var training: TrainingConfiguration
  /// The data settings the next run will use.
  public var split: SplitConfiguration
  /// Number of values per series in the loaded data; opening a data file changes it.
  public var featureCount: Int
  /// Where the data came from, for the title line.
  public var dataDescription: String
  /// The prompt or question about files shown, and the paths used last.
  public var files = FileState()
  /// The runs of this session, for the Runs screen.
  public var runs = RunHistory()

  public var screen: Screen = .train
  public var focus: Pane = .model
  /// Selected row of the model pane (see `ModelRow`).
  public var modelCursor = 0
  /// Selected field of the settings pane (see `SettingsField`).
  public var settingsCursor = 0
  /// The value being typed into a field, if any.
  public var editor: FieldEditor?

  /// The newest snapshot of the current run, or `nil` before the first start
  /// and after a reset.
  public var snapshot: TrainingSnapshot?
  /// Whether a run exists that Space pauses and resumes (ready, training or paused).
  public var hasActiveRun: Bool {
    guard let status = snapshot?.status else { return false }
    return status == .ready || status == .training || status == .paused
  }
  /// Settings differ from those the current run was built with; the next
  /// start builds a new model.
  public var isStale = false
  /// The settings the current run was built with, recorded when a setting
  /// first changes after the run was built (see `noteSettingsChange`).
  /// Read only while `isStale` is set.
  var runSettings: RunSettings?

  public var threshold: ThresholdSetting = .rule(.percentile(ThresholdRule.defaultPercentile))
  /// The epoch whose stored evaluation the Train screen's histogram, ROC
  /// curve and metrics show, or `nil` for the newest one (live).
  ///
  /// Replay reads `snapshot.evaluationHistory`, which the training session
  /// keeps within a bound: at most 400 evaluations and about 64 MB (see
  /// `EvaluationHistory.capacity(trainRows:testRows:)`). Longer runs keep an
  /// evenly thinned record, so an epoch may be shown by its nearest stored
  /// neighbour.
  public var replayEpoch: Int?
  public var lossScale: ChartScale = .linear
  public var histogramScale: ChartScale = .linear

  /// The Explore screen's selection, filter, units and drawing.
  public var explore = ExploreState()
  /// A model to explore before any run has trained one (for example a
  /// pretrained model shipped with the app), or `nil` when there is none.
  /// The Explore screen prefers the current run's model once it exists.
  public var pretrained: ExploreModel?
  /// Names of the classes by canonical label, shown beside the label
  /// numbers. Empty unless the data is the bundled ECG5000 (see
  /// `ClassNames.names(dataFiles:featureCount:labels:)`).
  public var classNames: [String: String] = [:]

  /// A one-line note in the status bar: the result of the last action or why it was refused.
  public var notice: Notice?
  /// The warning about the current run's split (rows missing from the
  /// data), shown as the notice for its first epochs.
  var splitWarning: Notice?
  /// Whether the app is asking to confirm quitting.
  public var isConfirmingQuit = false
  public var isShowingHelp = false
  /// First line of the help text shown, when it is longer than the window.
  public var helpScroll = 0
  /// The help window's page: the keys or the concepts.
  public var helpPage: HelpPage = .keys
  /// The first-launch tour while it is open, otherwise `nil`.
  public var tour: Tour?
  /// Whether the tour opens when the settings record it as not seen.
  /// `--no-tour` clears it for one launch.
  public var offersTour = true
  /// The settings kept between launches, as last read or saved.
  public var userSettings = UserSettings()
  /// Set when the user has confirmed quitting; the run loop then exits.
  public var hasQuit = false

  public var size: Size
  public var glyphs: Glyphs
  public var colors: ColorSupport

  public init(
    training: TrainingConfiguration, split: SplitConfiguration, featureCount: Int, dataDescription: String,
    size: Size, glyphs: Glyphs = .unicode, colors: ColorSupport = .indexed256
  ) {
    self.training = training
    self.split = split
    self.featureCount = featureCount
    self.dataDescription = dataDescription
    self.size = size
    self.glyphs = glyphs
    self.colors = colors
  }

  /// The architecture the next run will build.
  public var architecture: Architecture {
    training.architecture(inputSize: featureCount)
  }

  /// The status of the current run, `nil` when there is none.
  public var status: TrainingStatus? { snapshot?.status }

  /// The evaluation the Train screen's histogram, ROC curve and metrics
  /// show: the stored one nearest to `replayEpoch` while replaying,
  /// otherwise the newest.
  public var shownEvaluation: EpochEvaluation? {
    guard let snapshot else { return nil }
    if let replayEpoch, let stored = snapshot.evaluationHistory.nearest(toEpoch: replayEpoch) {
      return stored
    }
    return snapshot.evaluation
  }

  /// Whether the Train screen shows a stored epoch rather than the newest one.
  public var isReplaying: Bool {
    replayEpoch != nil && snapshot?.evaluationHistory.evaluations.isEmpty == false
  }

  /// The threshold on `shownEvaluation`, or `nil` without an evaluation.
  public var shownThresholdReading: ThresholdReading? {
    guard let snapshot, let evaluation = shownEvaluation else { return nil }
    return ThresholdReading(setting: threshold, evaluation: evaluation, testIsAbnormal: snapshot.split.testIsAbnormal)
  }

  /// The model and rows the Explore screen shows: the current run's model
  /// with its newest evaluation, or the pretrained model when no run has one.
  public var exploreModel: ExploreModel? {
    if let snapshot, var model = ExploreModel(snapshot: snapshot) {
      // A model opened with o was evaluated, not trained, in this session;
      // the file's name fits the Explore screen's narrow details pane.
      if let path = runs.current?.modelFile {
        model.origin = URL(fileURLWithPath: path).lastPathComponent
      }
      return model
    }
    return pretrained
  }
}

/// Linear or logarithmic axis of a chart.
public enum ChartScale: Sendable {
  case linear
  case logarithmic

  public var toggled: ChartScale { self == .linear ? .logarithmic : .linear }
}

/// Where the anomaly threshold comes from.
public enum ThresholdSetting: Equatable, Sendable {
  /// A rule, applied again to every new snapshot.
  case rule(ThresholdRule)
  /// A value the user moved the threshold to.
  case manual(Float)
}

/// A short message in the status bar.
public struct Notice: Equatable, Sendable {
  public enum Kind: Sendable {
    case info
    case warning
    case error
  }

  public var kind: Kind
  public var text: String

  public init(_ kind: Kind, _ text: String) {
    self.kind = kind
    self.text = text
  }
}

/// A value being typed into a settings or model field.
public struct FieldEditor: Equatable, Sendable {
  /// What the typed text will set.
  public enum Target: Equatable, Sendable {
    case setting(SettingsField)
    case layerUnits(index: Int)
    case bottleneckUnits
  }

  public var target: Target
  public var text: String
  /// Whether `text` is still the value the editor opened with, which the
  /// first typed character replaces rather than extends.
  public var isShowingCurrentValue = true
  /// The reason the last attempt to commit or type was rejected.
  public var error: String?

  /// The maximum number of characters in `text`: more than the 20 digits
  /// of `UInt64.max`, so an out-of-range seed is typed whole and rejected.
  public static let maximumLength = 32

  public init(target: Target, text: String) {
    self.target = target
    self.text = text
  }
}
