import AnomagramCore
import Foundation

/// One field of the settings pane: a hyperparameter or a data setting.
public enum SettingsField: Int, CaseIterable, Sendable {
  case epochs
  case batchSize
  case learningRate
  case optimizer
  case regularizer
  case regularizationRate
  case seed
  case trainSize
  case testSize
  case abnormalShare

  public var label: String {
    switch self {
    case .epochs: "epochs"
    case .batchSize: "batch size"
    case .learningRate: "learning rate"
    case .optimizer: "optimizer"
    case .regularizer: "regularizer"
    case .regularizationRate: "reg. rate"
    case .seed: "seed"
    case .trainSize: "train rows"
    case .testSize: "test rows"
    case .abnormalShare: "abnormal share"
    }
  }

  /// Whether the field is a data setting (shown under its own heading).
  public var isDataSetting: Bool {
    self == .trainSize || self == .testSize || self == .abnormalShare
  }

  /// Whether a change can go to the running session instead of waiting
  /// for a new run.
  public var appliesToRunningSession: Bool { self == .learningRate }

  /// Whether the field takes a typed value (the others only cycle).
  public var acceptsTypedValue: Bool { self != .optimizer && self != .regularizer }

  /// The field's value as shown.
  public func text(in state: AppState) -> String {
    switch self {
    case .epochs: String(state.training.epochs)
    case .batchSize: String(state.training.batchSize)
    case .learningRate: Self.shortNumber(Double(state.training.optimizer.learningRate))
    case .optimizer: state.training.optimizer.kind.rawValue
    case .regularizer: state.training.regularization.kind.rawValue
    case .regularizationRate: Self.shortNumber(Double(state.training.regularization.rate))
    case .seed: String(state.training.seed)
    case .trainSize: String(state.split.trainSize)
    case .testSize: String(state.split.testSize)
    case .abnormalShare: String(format: "%.2f", state.split.abnormalShare)
    }
  }

  /// Moves the value to the next preset up (`direction` 1) or down (-1).
  public func cycle(_ state: inout AppState, direction: Int) {
    switch self {
    case .epochs:
      state.training.epochs = Self.step(state.training.epochs, through: Self.epochPresets, direction)
    case .batchSize:
      state.training.batchSize = Self.step(state.training.batchSize, through: Self.batchPresets, direction)
    case .learningRate:
      state.training.optimizer.learningRate = Self.step(
        state.training.optimizer.learningRate, through: Self.learningRatePresets, direction)
    case .optimizer:
      let kinds = OptimizerSettings.Kind.allCases
      let index = kinds.firstIndex(of: state.training.optimizer.kind) ?? 0
      let kind = kinds[(index + direction + kinds.count) % kinds.count]
      state.training.optimizer.kind = kind
      state.training.optimizer.rho = OptimizerSettings.defaultRho(for: kind)
    case .regularizer:
      let kinds = Regularization.Kind.allCases
      let index = kinds.firstIndex(of: state.training.regularization.kind) ?? 0
      state.training.regularization.kind = kinds[(index + direction + kinds.count) % kinds.count]
    case .regularizationRate:
      state.training.regularization.rate = Self.step(
        state.training.regularization.rate, through: Self.regularizationPresets, direction)
    case .seed:
      state.training.seed = Self.steppedSeed(state.training.seed, direction)
      state.split.seed = state.training.seed
    case .trainSize:
      state.split.trainSize = Self.step(state.split.trainSize, through: Self.rowPresets, direction)
    case .testSize:
      state.split.testSize = Self.step(state.split.testSize, through: Self.rowPresets, direction)
    case .abnormalShare:
      state.split.abnormalShare = Self.step(state.split.abnormalShare, through: Self.sharePresets, direction)
    }
  }

  /// Sets the field from typed text, or returns why the text is rejected.
  public func assign(_ text: String, to state: inout AppState) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    switch self {
    case .epochs:
      guard let value = Int(trimmed), (1...TrainingConfiguration.maximumEpochs).contains(value) else {
        return "Epochs must be a whole number from 1 to \(TrainingConfiguration.maximumEpochs)."
      }
      state.training.epochs = value
    case .batchSize:
      guard let value = Int(trimmed), (1...TrainingConfiguration.maximumBatchSize).contains(value) else {
        return "The batch size must be a whole number from 1 to \(TrainingConfiguration.maximumBatchSize)."
      }
      state.training.batchSize = value
    case .learningRate:
      guard let value = Float(trimmed), value > 0, value <= 10, value.isFinite else {
        return "The learning rate must be a number above 0 and at most 10."
      }
      state.training.optimizer.learningRate = value
    case .regularizationRate:
      guard let value = Float(trimmed), value >= 0, value <= 10, value.isFinite else {
        return "The regularization rate must be a number from 0 to 10."
      }
      state.training.regularization.rate = value
    case .seed:
      guard let value = UInt64(trimmed) else { return "The seed must be a whole number from 0 to \(UInt64.max)." }
      state.training.seed = value
      state.split.seed = value
    case .trainSize:
      guard let value = Int(trimmed), (1...1_000_000).contains(value) else {
        return "Train rows must be a whole number from 1 to 1000000."
      }
      state.split.trainSize = value
    case .testSize:
      guard let value = Int(trimmed), (1...1_000_000).contains(value) else {
        return "Test rows must be a whole number from 1 to 1000000."
      }
      state.split.testSize = value
    case .abnormalShare:
      guard let value = Double(trimmed), value >= 0, value <= SplitConfiguration.maximumAbnormalShare else {
        return "The abnormal share must be a number from 0 to 0.9."
      }
      state.split.abnormalShare = value
    case .optimizer, .regularizer:
      return "Use the arrow keys to choose the \(label)."
    }
    return nil
  }

  // MARK: - Presets

  static let epochPresets = [1, 5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1000]
  static let batchPresets = [1, 8, 16, 32, 64, 128, 256, 512, 1024, 2048]
  // Float, like the fields they step through: comparing a Float field with
  // Double presets would find 0.01 above Float(0.01) and never move past it.
  static let learningRatePresets: [Float] = [1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1]
  static let regularizationPresets: [Float] = [0, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1]
  static let rowPresets = [50, 100, 250, 500, 1000, 1500, 2000, 2500, 3000, 4000, 5000]
  static let sharePresets = [0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.9]

  /// The nearest preset above (`direction` > 0) or below `value`, or
  /// `value` itself at the end of the list.
  static func step<T: Comparable>(_ value: T, through presets: [T], _ direction: Int) -> T {
    if direction > 0 {
      return presets.first(where: { $0 > value }) ?? value
    }
    return presets.last(where: { $0 < value }) ?? value
  }

  /// Returns the seed one above (`direction` > 0) or below `seed`, held at
  /// 0 and at `UInt64.max` rather than wrapping, so a step never jumps
  /// across the whole range.
  static func steppedSeed(_ seed: UInt64, _ direction: Int) -> UInt64 {
    if direction > 0 {
      return seed == .max ? seed : seed + 1
    }
    return seed == 0 ? seed : seed - 1
  }

  /// A number in few characters: `0.001`, `3e-05`, `0.3`.
  static func shortNumber(_ value: Double) -> String {
    if value == 0 { return "0" }
    if value >= 1e-3 && value < 1e5 {
      var text = String(format: "%.6f", value)
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
      return text
    }
    return String(format: "%.0e", value)
  }
}
