import AnomagramCore

/// One option of `anomagram train`: its names, its help line and how its
/// value changes `TrainOptions`. The help text is generated from this
/// table, so every option is documented.
struct TrainOptionSpec: Sendable {
  let names: [String]
  /// Placeholder for the value in the help text; `nil` for a flag.
  let valueName: String?
  let help: String
  let apply: @Sendable (inout TrainOptions, String, String) throws -> Void

  var takesValue: Bool { valueName != nil }

  static let all: [TrainOptionSpec] = data + model + optimizer + schedule + output + persistence

  static let data: [TrainOptionSpec] = [
    TrainOptionSpec(
      names: ["--data"], valueName: "FILE",
      help: "Series, one per line: UCR format (label first; tabs, commas or spaces) or CSV, with or without "
        + "a header row. Repeat to pool several files. Default: the bundled ECG5000 training and test files, pooled.",
      apply: { options, value, _ in options.dataFiles.append(value) }),
    TrainOptionSpec(
      names: ["--test-data"], valueName: "FILE",
      help: "Draw test rows from this file and training rows from --data. Default: split the --data rows.",
      apply: { options, value, _ in options.testDataFile = value }),
    TrainOptionSpec(
      names: ["--label-column"], valueName: "COLUMN",
      help: "Column of the --data files that contains the class label: first, last, a column number from 1, a "
        + "header name, or none for unlabelled rows (all count as normal; needs --abnormal-share 0 and a "
        + "threshold rule on training errors). Default: first.",
      apply: { options, value, option in options.labelColumn = try labelColumn(value, option) }),
    TrainOptionSpec(
      names: ["--test-label-column"], valueName: "COLUMN",
      help: "Label column of the --test-data file, in the same forms as --label-column. "
        + "Without this option the --test-data file uses the --label-column value.",
      apply: { options, value, option in options.testLabelColumn = try labelColumn(value, option) }),
    TrainOptionSpec(
      names: ["--header"], valueName: nil,
      help: "Read the first row of every data file as a header of column names. Without --header or "
        + "--no-header, a first row is a header when a field outside the label column is not a number.",
      apply: { options, _, _ in options.header = .present }),
    TrainOptionSpec(
      names: ["--no-header"], valueName: nil,
      help: "Read the first row of every data file as data. The last of --header and --no-header wins.",
      apply: { options, _, _ in options.header = .absent }),
    TrainOptionSpec(
      names: ["--normal-class"], valueName: "LABELS",
      help: "Class labels that count as normal, separated by commas; all others are abnormal. Default: 1.",
      apply: { options, value, option in
        options.split.normalLabels = Set(try parseNormalLabels(value, option: option))
      }),
    TrainOptionSpec(
      names: ["--train-size"], valueName: "ROWS",
      help: "Training rows to draw. When a file has fewer rows of a class than training and the test set "
        + "request, they are shared in proportion to the two requests. Default: 2000 (500 with --preset classic).",
      apply: { options, value, option in options.split.trainSize = try positiveInteger(value, option) }),
    TrainOptionSpec(
      names: ["--test-size"], valueName: "ROWS",
      help: "Test rows to draw, stratified by class. Default: 1000 (500 with --preset classic).",
      apply: { options, value, option in options.split.testSize = try positiveInteger(value, option) }),
    TrainOptionSpec(
      names: ["--abnormal-share"], valueName: "FRACTION",
      help: "Share of the training rows that are abnormal, from 0 to 0.9. Default: 0.",
      apply: { options, value, option in
        guard let share = Double(value), share >= 0, share <= SplitConfiguration.maximumAbnormalShare else {
          throw UsageError.invalid(option, value, expected: "a number from 0 to 0.9")
        }
        options.split.abnormalShare = share
      }),
  ]

  static let model: [TrainOptionSpec] = [
    TrainOptionSpec(
      names: ["--layers"], valueName: "UNITS",
      help: "Units of the encoder's hidden layers, outermost first, separated by commas; the decoder mirrors "
        + "them. \"none\" for no hidden layer. Default: 64,16.",
      apply: { options, value, option in
        if value == "none" {
          options.training.encoderUnits = []
          return
        }
        let units = value.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard units.allSatisfy({ $0 != nil && $0! >= 1 && $0! <= 4096 }) else {
          throw UsageError.invalid(option, value, expected: "whole numbers from 1 to 4096 separated by commas, such as 64,16")
        }
        options.training.encoderUnits = units.map { $0! }
      }),
    TrainOptionSpec(
      names: ["--latent"], valueName: "UNITS",
      help: "Units of the bottleneck (linear activation), from 1 to 4096. Default: 2.",
      apply: { options, value, option in
        guard let units = Int(value), units >= 1, units <= 4096 else {
          throw UsageError.invalid(option, value, expected: "a whole number from 1 to 4096")
        }
        options.training.latentSize = units
      }),
    TrainOptionSpec(
      names: ["--activation"], valueName: "NAME",
      help: "Activation of the hidden layers: relu, leaky-relu, elu, tanh, sigmoid or linear. Default: relu.",
      apply: { options, value, option in options.training.hiddenActivation = try choice(value, option) }),
    TrainOptionSpec(
      names: ["--output-activation"], valueName: "NAME",
      help: "Activation of the output layer: sigmoid (suits data scaled to [0, 1]) or linear. Default: sigmoid.",
      apply: { options, value, option in
        let activation: Activation = try choice(value, option)
        guard activation == .sigmoid || activation == .linear else {
          throw UsageError.invalid(option, value, expected: "sigmoid or linear")
        }
        options.training.outputActivation = activation
      }),
  ]

  static let optimizer: [TrainOptionSpec] = [
    TrainOptionSpec(
      names: ["--optimizer"], valueName: "NAME",
      help: "sgd, momentum, adam, adamax, adadelta, adagrad or rmsprop (update rules as in Keras 3). "
        + "Default: adam.",
      apply: { options, value, option in
        // The learning rate and rho follow the optimizer's defaults unless
        // given; `TrainOptions.parse` restores given values afterwards.
        let kind: OptimizerSettings.Kind = try choice(value, option)
        options.training.optimizer.kind = kind
        options.training.optimizer.learningRate = OptimizerSettings.defaultLearningRate(for: kind)
        options.training.optimizer.rho = OptimizerSettings.defaultRho(for: kind)
      }),
    TrainOptionSpec(
      names: ["--learning-rate", "--lr"], valueName: "RATE",
      help: "Step size of the optimizer. Default: 0.001 (0.01 for sgd and momentum; 0.01 with --preset classic).",
      apply: { options, value, option in options.training.optimizer.learningRate = try positiveFloat(value, option) }),
    TrainOptionSpec(
      names: ["--momentum"], valueName: "FACTOR",
      help: "Momentum of the momentum optimizer, in [0, 1). Default: 0.9.",
      apply: { options, value, option in options.training.optimizer.momentum = try unitInterval(value, option) }),
    TrainOptionSpec(
      names: ["--beta1"], valueName: "DECAY",
      help: "Decay of Adam's and Adamax's first-moment average, in [0, 1). Default: 0.9 (0.5 with --preset classic).",
      apply: { options, value, option in options.training.optimizer.beta1 = try unitInterval(value, option) }),
    TrainOptionSpec(
      names: ["--beta2"], valueName: "DECAY",
      help: "Decay of Adam's second-moment average and Adamax's norm, in [0, 1). Default: 0.999.",
      apply: { options, value, option in options.training.optimizer.beta2 = try unitInterval(value, option) }),
    TrainOptionSpec(
      names: ["--rho"], valueName: "DECAY",
      help: "Decay of the squared-gradient average of adadelta and rmsprop, in [0, 1). "
        + "Default: 0.95 for adadelta, 0.9 for rmsprop.",
      apply: { options, value, option in options.training.optimizer.rho = try unitInterval(value, option) }),
    TrainOptionSpec(
      names: ["--epsilon"], valueName: "VALUE",
      help: "Constant added to the denominators of the adaptive optimizers. Default: 1e-7.",
      apply: { options, value, option in options.training.optimizer.epsilon = try positiveFloat(value, option) }),
    TrainOptionSpec(
      names: ["--regularizer"], valueName: "NAME",
      help: "Penalty on the kernel weights: none, l1, l2 or l1l2. Default: none.",
      apply: { options, value, option in options.training.regularization.kind = try choice(value, option) }),
    TrainOptionSpec(
      names: ["--reg-rate"], valueName: "RATE",
      help: "Weight of the regularization penalty, independent of the learning rate. Default: 0.001.",
      apply: { options, value, option in
        guard let rate = Float(value), rate >= 0, rate.isFinite else {
          throw UsageError.invalid(option, value, expected: "a number of 0 or more")
        }
        options.training.regularization.rate = rate
      }),
  ]

  static let schedule: [TrainOptionSpec] = [
    TrainOptionSpec(
      names: ["--epochs"], valueName: "COUNT",
      help: "Passes over the training rows. Default: 50 (30 with --preset classic).",
      apply: { options, value, option in
        options.training.epochs = try boundedInteger(value, option, maximum: TrainingConfiguration.maximumEpochs)
      }),
    TrainOptionSpec(
      names: ["--batch-size"], valueName: "ROWS",
      help: "Rows per mini-batch; the last batch of an epoch may be smaller. Default: 64 (512 with --preset classic).",
      apply: { options, value, option in
        options.training.batchSize = try boundedInteger(
          value, option, maximum: TrainingConfiguration.maximumBatchSize)
      }),
    TrainOptionSpec(
      names: ["--seed"], valueName: "NUMBER",
      help: "Seed of every random choice: split, initialisation and shuffling. Default: 1.",
      apply: { options, value, option in
        guard let seed = UInt64(value) else {
          throw UsageError.invalid(option, value, expected: "a whole number from 0 to \(UInt64.max)")
        }
        options.training.seed = seed
        options.split.seed = seed
      }),
    TrainOptionSpec(
      names: ["--preset"], valueName: "NAME",
      help: "default, or classic for the original browser demo's settings (layers 7,3, latent 2, Adam with "
        + "learning rate 0.01 and beta1 0.5, batch 512, 30 epochs, 500 training and 500 test rows). "
        + "That is 30 optimizer steps in all, so the classic model often stops short of the PCA baseline "
        + "or collapses. Other options override it.",
      apply: { _, _, _ in }),
  ]

  static let output: [TrainOptionSpec] = [
    TrainOptionSpec(
      names: ["--threshold"], valueName: "RULE",
      help: "How to set the anomaly threshold: percentile[:P] or mean-std[:K] of the training errors, "
        + "max-f1, max-accuracy or youden on the labelled test set, or fixed:VALUE. Default: percentile:99.",
      apply: { options, value, option in
        do {
          options.thresholdRule = try ThresholdRule(argument: value)
        } catch {
          throw UsageError("\(error) (\(option))")
        }
      }),
    TrainOptionSpec(
      names: ["--json"], valueName: nil,
      help: "Print one JSON object with the configuration, losses, AUC, threshold, metrics and timing.",
      apply: { options, _, _ in options.json = true }),
    TrainOptionSpec(
      names: ["--quiet", "-q"], valueName: nil,
      help: "Print no progress on standard error.",
      apply: { options, _, _ in options.showProgress = false }),
    TrainOptionSpec(
      names: ["--help", "-h"], valueName: nil,
      help: "Show this help.",
      apply: { options, _, _ in options.showHelp = true }),
  ]

  static let persistence: [TrainOptionSpec] = [
    TrainOptionSpec(
      names: ["--save"], valueName: "FILE",
      help: "Save the trained model with its scaler, threshold and settings to FILE (JSON), for anomagram "
        + "evaluate, score and export. Nothing is saved when training diverges.",
      apply: { options, value, option in
        guard value != "-" else {
          throw UsageError.invalid(option, value, expected: "a file path; a model cannot be saved to standard output")
        }
        options.saveFile = value
      }),
    TrainOptionSpec(
      names: ["--export-tfjs"], valueName: "DIR",
      help: "Write the trained model to the folder DIR in the TensorFlow.js layers format: model.json, "
        + "weights.bin, and anomagram.json with the scaler and threshold.",
      apply: { options, value, _ in options.exportTensorFlowJSDirectory = value }),
  ]

  // MARK: - Value parsing

  static func positiveInteger(_ value: String, _ option: String) throws(UsageError) -> Int {
    guard let number = Int(value), number >= 1 else {
      throw UsageError.invalid(option, value, expected: "a whole number of 1 or more")
    }
    return number
  }

  static func boundedInteger(_ value: String, _ option: String, maximum: Int) throws(UsageError) -> Int {
    guard let number = Int(value), number >= 1, number <= maximum else {
      throw UsageError.invalid(option, value, expected: "a whole number from 1 to \(maximum)")
    }
    return number
  }

  static func positiveFloat(_ value: String, _ option: String) throws(UsageError) -> Float {
    guard let number = Float(value), number > 0, number.isFinite else {
      throw UsageError.invalid(option, value, expected: "a positive number")
    }
    return number
  }

  static func unitInterval(_ value: String, _ option: String) throws(UsageError) -> Float {
    guard let number = Float(value), number >= 0, number < 1 else {
      throw UsageError.invalid(option, value, expected: "a number from 0 up to but not including 1")
    }
    return number
  }

  /// Reads `first`, `last`, `none`, a column number from 1, or else a header name.
  static func labelColumn(_ value: String, _ option: String) throws(UsageError) -> LabelColumn {
    switch value {
    case "first": return .first
    case "last": return .last
    case "none": return .unlabelled
    case "":
      throw UsageError.invalid(option, value, expected: "first, last, none, a column number or a column name")
    default:
      guard let number = Int(value) else { return .name(value) }
      guard number >= 1 else {
        throw UsageError.invalid(option, value, expected: "a column number of 1 or more (the first column is 1)")
      }
      return .number(number)
    }
  }

  static func choice<T: RawRepresentable & CaseIterable>(_ value: String, _ option: String) throws(UsageError) -> T
  where T.RawValue == String {
    guard let parsed = T(rawValue: value.lowercased()) else {
      throw UsageError.invalid(option, value, expected: "one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return parsed
  }
}
