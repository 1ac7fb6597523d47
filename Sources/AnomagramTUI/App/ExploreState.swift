import AnomagramCore

/// The Explore screen's part of the app state.
public struct ExploreState: Sendable {
  /// The selected test row, 0-based. When the filter leaves it out, the
  /// screen shows the first row after it that the filter keeps (see
  /// `ExploreSelection`), and the next step selects from there.
  public var selectedRow = 0
  public var filter: ExploreFilter = .all
  /// Whether values are shown in the data's own units rather than scaled
  /// for the model's input.
  public var showsOriginalUnits = false
  /// Whether the left column shows the bottleneck plot in place of the
  /// sample list, in windows too small for a pane of its own.
  public var showsBottleneckInList = false
  /// The signal being drawn, or `nil` outside draw mode.
  public var drawing: Drawing?
  /// How many noise signals have been drawn, which seeds the next one, so
  /// each `z` gives new noise and the same keys give the same noise.
  public var noiseCount: UInt64 = 0
  /// The bottleneck plot's points for the model and test rows they were
  /// made from. `update` refreshes them when the model changes, so drawing
  /// a frame does not encode every test row again. `view` computes its own
  /// when they do not match.
  public var projection: BottleneckProjection?

  public init() {}
}

/// The choice of test samples the Explore screen lists.
public enum ExploreFilter: Equatable, Hashable, Sendable {
  case all
  /// The rows with this canonical label.
  case label(String)
  /// The rows whose flag (error above the threshold) differs from their label.
  case misclassified
  /// Normal rows flagged as abnormal.
  case falsePositives
  /// Abnormal rows not flagged.
  case falseNegatives

  /// Returns the filters that `f` cycles through, in order, for test rows
  /// with these labels: all, each label, misclassified, false positives, false
  /// negatives.
  public static func cycle(labels: [String]) -> [ExploreFilter] {
    [.all] + labels.map { .label($0) } + [.misclassified, .falsePositives, .falseNegatives]
  }

  /// Returns the filter `offset` steps from this one in `cycle(labels:)`,
  /// wrapping around; a label no longer present counts as `.all`.
  public func moved(by offset: Int, labels: [String]) -> ExploreFilter {
    let cycle = Self.cycle(labels: labels)
    let index = cycle.firstIndex(of: self) ?? 0
    let count = cycle.count
    return cycle[((index + offset) % count + count) % count]
  }

  /// Returns the test rows this filter keeps, in row order, when errors
  /// above `threshold` are flagged.
  public func rows(in model: ExploreModel, threshold: Float) -> [Int] {
    (0..<model.sampleCount).filter { row in
      switch self {
      case .all: return true
      case .label(let label): return model.testLabels[row] == label
      case .misclassified: return !model.outcome(ofRow: row, threshold: threshold).isCorrect
      case .falsePositives: return model.outcome(ofRow: row, threshold: threshold) == .falsePositive
      case .falseNegatives: return model.outcome(ofRow: row, threshold: threshold) == .falseNegative
      }
    }
  }

  /// A short name for titles: "all", "class 2", "false negatives".
  public var name: String {
    switch self {
    case .all: "all"
    case .label(let label): "class \(label)"
    case .misclassified: "misclassified"
    case .falsePositives: "false positives"
    case .falseNegatives: "false negatives"
    }
  }

  /// The sample list's title: "All samples", "Class 2", "False negatives".
  public var title: String {
    switch self {
    case .all: "All samples"
    case .label(let label): "Class \(label)"
    case .misclassified: "Misclassified"
    case .falsePositives: "False positives"
    case .falseNegatives: "False negatives"
    }
  }

  /// A sentence for an empty list: "No test samples are false negatives."
  public var emptyMessage: String {
    switch self {
    case .all: "There are no test samples."
    case .label(let label): "No test samples have class \(label)."
    case .misclassified: "No test samples are misclassified at this threshold."
    case .falsePositives: "No test samples are false positives at this threshold."
    case .falseNegatives: "No test samples are false negatives at this threshold."
    }
  }
}

/// The sample the Explore screen shows and the list it belongs to, as the
/// state defines them. `update` and `view` both use it, so a step moves
/// from the sample on screen.
public struct ExploreSelection: Sendable {
  public let model: ExploreModel
  public let reading: ThresholdReading
  /// The test rows the filter keeps, in row order.
  public let rows: [Int]
  /// The position in `rows` of the sample shown: that of the selected row,
  /// or of the first kept row after it, or the last one when none follows.
  /// `nil` when the filter keeps no row.
  public let position: Int?

  /// Returns the selection of `state`, or `nil` when there is no model to explore.
  public init?(_ state: AppState) {
    guard let model = state.exploreModel else { return nil }
    self.model = model
    reading = ThresholdReading(
      setting: state.threshold, trainingErrors: model.trainErrors, testErrors: model.testErrors,
      testIsAbnormal: model.testIsAbnormal)
    rows = state.explore.filter.rows(in: model, threshold: reading.value)
    if rows.isEmpty {
      position = nil
    } else {
      position = rows.firstIndex { $0 >= state.explore.selectedRow } ?? rows.count - 1
    }
  }

  /// The test row shown, or `nil` when the filter keeps none.
  public var row: Int? { position.map { rows[$0] } }
}
