import AnomagramCore

/// Everything `anomagram train` can be told, with the defaults a first run
/// should use.
public struct TrainOptions: Equatable, Sendable {
  /// Data files; empty means the bundled ECG5000 training and test files,
  /// pooled and then split.
  public var dataFiles: [String] = []
  /// When set, test rows come from this file and training rows from `dataFiles`.
  public var testDataFile: String?
  /// Whether the first row of each data file is a header of column names.
  public var header: HeaderMode = .detect
  /// The column of the `dataFiles` that contains the class label, or
  /// `.unlabelled` for unlabelled rows.
  public var labelColumn: LabelColumn = .first
  /// The label column of `testDataFile`; `nil` means `labelColumn`.
  public var testLabelColumn: LabelColumn?
  public var split = SplitConfiguration(trainSize: 2000, testSize: 1000, abnormalShare: 0, normalLabels: ["1"], seed: 1)
  public var training = TrainOptions.defaultTraining
  public var thresholdRule: ThresholdRule = .percentile(ThresholdRule.defaultPercentile)
  /// Where to save the trained model as a model file, if anywhere.
  public var saveFile: String?
  /// Folder to export the trained model to in the TensorFlow.js layers format, if any.
  public var exportTensorFlowJSDirectory: String?
  public var json = false
  public var showProgress = true
  public var showHelp = false

  public init() {}

  /// The settings that reached AUC above 0.99 on every one of 20 seeds tried
  /// on ECG5000, in under a second of training.
  public static let defaultTraining = TrainingConfiguration(
    encoderUnits: [64, 16], latentSize: 2, hiddenActivation: .relu, outputActivation: .sigmoid,
    optimizer: OptimizerSettings(kind: .adam, learningRate: 0.001), regularization: .none,
    epochs: 50, batchSize: 64, seed: 1)

  /// Named bundles of settings for `--preset`.
  public enum Preset: String, CaseIterable, Sendable {
    /// This program's defaults.
    case standard = "default"
    /// The settings of the original browser demo: layers 7,3, bottleneck 2,
    /// Adam with learning rate 0.01 and beta1 0.5, batch 512, 30 epochs,
    /// 500 training and 500 test rows.
    case classic
  }

  /// Replaces the settings a preset covers.
  mutating func apply(_ preset: Preset) {
    let seed = training.seed
    switch preset {
    case .standard:
      training = Self.defaultTraining
      split.trainSize = 2000
      split.testSize = 1000
    case .classic:
      training = TrainingConfiguration(
        encoderUnits: [7, 3], latentSize: 2, hiddenActivation: .relu, outputActivation: .sigmoid,
        optimizer: OptimizerSettings(kind: .adam, learningRate: 0.01, beta1: 0.5), regularization: .none,
        epochs: 30, batchSize: 512, seed: seed)
      split.trainSize = 500
      split.testSize = 500
    }
    training.seed = seed
  }

  /// Parses the arguments that follow `train`.
  ///
  /// A `--preset` is applied first wherever it appears, so that the other
  /// options override it.
  public static func parse(_ arguments: [String]) throws(UsageError) -> TrainOptions {
    var options = TrainOptions()
    var presetScanner = ArgumentScanner(arguments)
    // A malformed command line ends this first pass quietly; the second
    // pass reports the problem with the option it belongs to.
    while let option = try? presetScanner.nextOption() {
      if option == "--preset" {
        let name = try presetScanner.value()
        guard let preset = Preset(rawValue: name.lowercased()) else {
          throw .invalid("--preset", name, expected: Preset.allCases.map(\.rawValue).joined(separator: " or "))
        }
        options.apply(preset)
      } else if let spec = TrainOptionSpec.all.first(where: { $0.names.contains(option) }), spec.takesValue {
        guard (try? presetScanner.value()) != nil else { break }
      } else {
        // Unknown options and flags given values are reported by the second pass.
        try? presetScanner.expectNoValue()
      }
    }

    // Options that set the learning rate or rho, in order, so that they
    // win over `--optimizer`'s defaults wherever they appear.
    var lateOptions: [(spec: TrainOptionSpec, option: String, value: String)] = []
    var scanner = ArgumentScanner(arguments)
    while let option = try scanner.nextOption() {
      if option == "--preset" {
        _ = try scanner.value()
        continue
      }
      guard let spec = TrainOptionSpec.all.first(where: { $0.names.contains(option) }) else {
        throw UsageError("Unknown option \(option); see anomagram train --help.")
      }
      var value = ""
      if spec.takesValue {
        value = try scanner.value()
      } else {
        try scanner.expectNoValue()
      }
      try apply(spec, option: option, value: value, to: &options)
      if spec.names.contains("--learning-rate") || spec.names.contains("--rho") {
        lateOptions.append((spec, option, value))
      }
    }
    for late in lateOptions {
      try apply(late.spec, option: late.option, value: late.value, to: &options)
    }
    try options.validate()
    return options
  }

  private static func apply(
    _ spec: TrainOptionSpec, option: String, value: String, to options: inout TrainOptions
  ) throws(UsageError) {
    do {
      try spec.apply(&options, value, option)
    } catch let error as UsageError {
      throw error
    } catch {
      throw UsageError("Invalid value \"\(value)\" for \(option): \(error)")
    }
  }

  /// Checks the combination of values once all options are read.
  func validate() throws(UsageError) {
    if let failure = training.validationFailure() {
      throw UsageError(failure)
    }
    if thresholdRule.needsLabels == false, case .fixed(let value) = thresholdRule, !value.isFinite {
      throw .invalid("--threshold", "\(value)", expected: "a finite number")
    }
    try validateDataFormat()
  }
}

// MARK: - Data file format

extension TrainOptions {
  /// How to read the `dataFiles`.
  public var dataFormat: DataFileFormat {
    DataFileFormat(header: header, labelColumn: labelColumn)
  }

  /// How to read `testDataFile`.
  public var testDataFormat: DataFileFormat {
    DataFileFormat(header: header, labelColumn: testLabelColumn ?? labelColumn)
  }

  /// Whether the test rows have labels: those of `testDataFile` if given,
  /// otherwise those of the `dataFiles`.
  public var testRowsAreLabelled: Bool {
    testDataFile == nil ? dataFormat.isLabelled : testDataFormat.isLabelled
  }

  /// Checks the options that concern labels and headers.
  func validateDataFormat() throws(UsageError) {
    if testLabelColumn != nil && testDataFile == nil {
      throw UsageError("--test-label-column needs --test-data, because without it the test rows come from --data.")
    }
    if header == .absent, case .name(let name) = labelColumn {
      throw Self.nameNeedsHeader(option: "--label-column", name: name)
    }
    if header == .absent, case .name(let name)? = testLabelColumn {
      throw Self.nameNeedsHeader(option: "--test-label-column", name: name)
    }
    if labelColumn == .unlabelled && split.abnormalShare != 0 {
      throw UsageError(
        "--abnormal-share is \(split.abnormalShare), but it must be 0 with --label-column none, "
          + "because unlabelled rows all count as normal.")
    }
    if thresholdRule.needsLabels && !testRowsAreLabelled {
      throw UsageError(
        "--threshold \(thresholdRule.argument) needs labelled test rows, because it picks the threshold that "
          + "best separates the classes, but the test rows are unlabelled (label column none). Use a rule on "
          + "training errors: percentile[:P], mean-std[:K] or fixed:VALUE.")
    }
  }

  private static func nameNeedsHeader(option: String, name: String) -> UsageError {
    UsageError(
      "\(option) \"\(name)\" selects a column by name, which needs a header row, but --no-header is given. "
        + "Remove --no-header, or select the column by number.")
  }
}
