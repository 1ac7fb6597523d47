import AnomagramCore
import Testing

@testable import AnomagramCLI

/// An argument list and the change it must make to the default options.
///
/// Parsed options are compared whole and exactly, so a case also fails when
/// an option changes a field it should leave alone. Exact comparison of
/// floats is sound here because `Float("0.05")` and the literal `0.05` round
/// the same decimal to the same nearest `Float`.
struct ParseCase: CustomTestStringConvertible, Sendable {
  let arguments: [String]
  let change: @Sendable (inout TrainOptions) -> Void

  init(_ arguments: [String], _ change: @escaping @Sendable (inout TrainOptions) -> Void) {
    self.arguments = arguments
    self.change = change
  }

  var testDescription: String { arguments.joined(separator: " ") }

  var expected: TrainOptions {
    var options = TrainOptions()
    change(&options)
    return options
  }

  /// The case written as `--name=value`, when it is one long option and its value.
  var inlineForm: ParseCase? {
    guard arguments.count == 2, arguments[0].hasPrefix("--") else { return nil }
    return ParseCase(["\(arguments[0])=\(arguments[1])"], change)
  }
}

private let optionCases: [ParseCase] = [
  ParseCase(["--data", "a.tsv"]) { $0.dataFiles = ["a.tsv"] },
  ParseCase(["--data", "dir/a=b.tsv"]) { $0.dataFiles = ["dir/a=b.tsv"] },
  ParseCase(["--data", "a.tsv", "--data", "b.tsv"]) { $0.dataFiles = ["a.tsv", "b.tsv"] },
  ParseCase(["--test-data", "t.tsv"]) { $0.testDataFile = "t.tsv" },
  ParseCase(["--normal-class", "1,2"]) { $0.split.normalLabels = ["1", "2"] },
  ParseCase(["--normal-class", "3.0"]) { $0.split.normalLabels = ["3"] },
  ParseCase(["--train-size", "300"]) { $0.split.trainSize = 300 },
  ParseCase(["--test-size", "200"]) { $0.split.testSize = 200 },
  ParseCase(["--abnormal-share", "0.25"]) { $0.split.abnormalShare = 0.25 },
  ParseCase(["--abnormal-share", "0.9"]) { $0.split.abnormalShare = 0.9 },
  ParseCase(["--layers", "32,8,4"]) { $0.training.encoderUnits = [32, 8, 4] },
  ParseCase(["--layers", "none"]) { $0.training.encoderUnits = [] },
  ParseCase(["--latent", "5"]) { $0.training.latentSize = 5 },
  ParseCase(["--activation", "tanh"]) { $0.training.hiddenActivation = .tanh },
  ParseCase(["--activation", "leaky-relu"]) { $0.training.hiddenActivation = .leakyRelu },
  ParseCase(["--activation", "ELU"]) { $0.training.hiddenActivation = .elu },
  ParseCase(["--output-activation", "linear"]) { $0.training.outputActivation = .linear },
  ParseCase(["--optimizer", "rmsprop"]) { $0.training.optimizer = OptimizerSettings(kind: .rmsprop) },
  ParseCase(["--optimizer", "adadelta"]) { $0.training.optimizer = OptimizerSettings(kind: .adadelta) },
  ParseCase(["--optimizer", "sgd"]) { $0.training.optimizer = OptimizerSettings(kind: .sgd) },
  ParseCase(["--learning-rate", "0.05"]) { $0.training.optimizer.learningRate = 0.05 },
  ParseCase(["--lr", "0.05"]) { $0.training.optimizer.learningRate = 0.05 },
  ParseCase(["--momentum", "0.8"]) { $0.training.optimizer.momentum = 0.8 },
  ParseCase(["--beta1", "0.7"]) { $0.training.optimizer.beta1 = 0.7 },
  ParseCase(["--beta2", "0.99"]) { $0.training.optimizer.beta2 = 0.99 },
  ParseCase(["--rho", "0.8"]) { $0.training.optimizer.rho = 0.8 },
  ParseCase(["--epsilon", "1e-6"]) { $0.training.optimizer.epsilon = 1e-6 },
  ParseCase(["--regularizer", "l2"]) { $0.training.regularization.kind = .l2 },
  ParseCase(["--reg-rate", "0.01"]) { $0.training.regularization.rate = 0.01 },
  ParseCase(["--reg-rate", "0"]) { $0.training.regularization.rate = 0 },
  ParseCase(["--epochs", "7"]) { $0.training.epochs = 7 },
  ParseCase(["--batch-size", "32"]) { $0.training.batchSize = 32 },
  ParseCase(["--seed", "42"]) {
    $0.training.seed = 42
    $0.split.seed = 42
  },
  ParseCase(["--preset", "default"]) { _ in },
  ParseCase(["--threshold", "max-f1"]) { $0.thresholdRule = .maxF1 },
  ParseCase(["--threshold", "max-accuracy"]) { $0.thresholdRule = .maxAccuracy },
  ParseCase(["--threshold", "youden"]) { $0.thresholdRule = .youden },
  ParseCase(["--threshold", "percentile:95"]) { $0.thresholdRule = .percentile(95) },
  ParseCase(["--threshold", "mean-std:2"]) { $0.thresholdRule = .meanPlusStandardDeviations(2) },
  ParseCase(["--threshold", "fixed:0.02"]) { $0.thresholdRule = .fixed(0.02) },
  ParseCase(["--json"]) { $0.json = true },
  ParseCase(["--save", "m.json"]) { $0.saveFile = "m.json" },
  ParseCase(["--export-tfjs", "web"]) { $0.exportTensorFlowJSDirectory = "web" },
  ParseCase(["--label-column", "last"]) { $0.labelColumn = .last },
  ParseCase(["--test-label-column", "none", "--test-data", "t.csv"]) {
    $0.testLabelColumn = .unlabelled
    $0.testDataFile = "t.csv"
  },
  ParseCase(["--header"]) { $0.header = .present },
  ParseCase(["--no-header"]) { $0.header = .absent },
  ParseCase(["--quiet"]) { $0.showProgress = false },
  ParseCase(["-q"]) { $0.showProgress = false },
  ParseCase(["--help"]) { $0.showHelp = true },
  ParseCase(["-h"]) { $0.showHelp = true },
]

/// An argument list and the learning rate and rho it must leave the optimizer with.
struct OptimizerCase: CustomTestStringConvertible, Sendable {
  let arguments: [String]
  let learningRate: Float
  let rho: Float

  var testDescription: String { arguments.joined(separator: " ") }
}

@Suite("TrainOptions")
struct TrainOptionsTests {
  // MARK: - Defaults

  @Test("no arguments give the defaults")
  func defaults() throws {
    let options = try TrainOptions.parse([])

    #expect(options == TrainOptions())
    #expect(options.training.encoderUnits == [64, 16])
    #expect(options.training.latentSize == 2)
    #expect(options.training.hiddenActivation == .relu)
    #expect(options.training.outputActivation == .sigmoid)
    #expect(options.training.optimizer.kind == .adam)
    #expect(options.training.optimizer.learningRate == 0.001)
    #expect(options.training.regularization.kind == .none)
    #expect(options.training.batchSize == 64)
    #expect(options.training.epochs == 50)
    #expect(options.training.seed == 1)
    #expect(options.split.trainSize == 2000)
    #expect(options.split.testSize == 1000)
    #expect(options.split.abnormalShare == 0)
    #expect(options.split.normalLabels == ["1"])
    #expect(options.split.seed == 1)
    #expect(options.thresholdRule == .percentile(99))
    #expect(options.dataFiles.isEmpty)
    #expect(options.testDataFile == nil)
    #expect(options.json == false)
    #expect(options.showProgress == true)
    #expect(options.showHelp == false)
  }

  // MARK: - Single options

  @Test("option sets its field", arguments: optionCases)
  func optionSetsField(_ parseCase: ParseCase) throws {
    #expect(try TrainOptions.parse(parseCase.arguments) == parseCase.expected)
  }

  @Test("option written with equals sets its field", arguments: optionCases.compactMap(\.inlineForm))
  func inlineOptionSetsField(_ parseCase: ParseCase) throws {
    #expect(try TrainOptions.parse(parseCase.arguments) == parseCase.expected)
  }

  @Test("every option name has a parse case")
  func everyOptionHasCase() {
    let tested = Set(optionCases.map { $0.arguments[0] })
    for name in TrainOptionSpec.all.flatMap(\.names) {
      #expect(tested.contains(name), "No case in optionCases starts with \(name)")
    }
  }

  // MARK: - Presets

  @Test("classic preset sets the browser demo's settings")
  func classicPreset() throws {
    let options = try TrainOptions.parse(["--preset", "classic"])

    #expect(options.training.encoderUnits == [7, 3])
    #expect(options.training.latentSize == 2)
    #expect(options.training.hiddenActivation == .relu)
    #expect(options.training.outputActivation == .sigmoid)
    #expect(options.training.optimizer.kind == .adam)
    #expect(options.training.optimizer.learningRate == 0.01)
    #expect(options.training.optimizer.beta1 == 0.5)
    #expect(options.training.optimizer.beta2 == 0.999)
    #expect(options.training.batchSize == 512)
    #expect(options.training.epochs == 30)
    #expect(options.split.trainSize == 500)
    #expect(options.split.testSize == 500)
    #expect(options.training.seed == 1)
    #expect(options.split.seed == 1)
  }

  @Test(
    "later options override the preset in any order",
    arguments: [
      ["--epochs", "5", "--preset", "classic"],
      ["--preset", "classic", "--epochs", "5"],
      ["--epochs=5", "--preset=classic"],
      ["--json", "--epochs", "5", "--quiet", "--preset", "classic"],
    ])
  func optionsOverridePreset(_ arguments: [String]) throws {
    let options = try TrainOptions.parse(arguments)

    #expect(options.training.epochs == 5)
    #expect(options.training.batchSize == 512)
    #expect(options.training.encoderUnits == [7, 3])
    #expect(options.split.trainSize == 500)
  }

  @Test(
    "seed before or after the preset sets both seeds",
    arguments: [
      ["--seed", "42", "--preset", "classic"],
      ["--preset", "classic", "--seed", "42"],
    ])
  func seedWithPreset(_ arguments: [String]) throws {
    let options = try TrainOptions.parse(arguments)

    #expect(options.training.seed == 42)
    #expect(options.split.seed == 42)
    #expect(options.training.batchSize == 512)
  }

  @Test("training size overrides the preset's row count")
  func trainSizeOverridesPreset() throws {
    let options = try TrainOptions.parse(["--train-size", "800", "--preset", "classic"])

    #expect(options.split.trainSize == 800)
    #expect(options.split.testSize == 500)
  }

  @Test("default preset after classic restores the defaults")
  func defaultPresetRestores() throws {
    #expect(try TrainOptions.parse(["--preset", "classic", "--preset", "default"]) == TrainOptions())
  }

  // MARK: - Optimizer defaults

  @Test(
    "optimizer picks default rate and rho unless given",
    arguments: [
      OptimizerCase(arguments: ["--optimizer", "sgd"], learningRate: 0.01, rho: 0.9),
      OptimizerCase(arguments: ["--optimizer", "momentum"], learningRate: 0.01, rho: 0.9),
      OptimizerCase(arguments: ["--optimizer", "adagrad"], learningRate: 0.001, rho: 0.9),
      OptimizerCase(arguments: ["--optimizer", "adadelta"], learningRate: 0.001, rho: 0.95),
      OptimizerCase(arguments: ["--optimizer", "sgd", "--optimizer", "adam"], learningRate: 0.001, rho: 0.9),
      OptimizerCase(arguments: ["--optimizer", "sgd", "--learning-rate", "0.3"], learningRate: 0.3, rho: 0.9),
      OptimizerCase(arguments: ["--learning-rate", "0.3", "--optimizer", "sgd"], learningRate: 0.3, rho: 0.9),
      // 0.001 is Adam's default rate, but the user wrote it, so sgd must not replace it with 0.01.
      OptimizerCase(arguments: ["--learning-rate", "0.001", "--optimizer", "sgd"], learningRate: 0.001, rho: 0.9),
      OptimizerCase(arguments: ["--optimizer", "rmsprop", "--rho", "0.5"], learningRate: 0.001, rho: 0.5),
      OptimizerCase(arguments: ["--rho", "0.5", "--optimizer", "rmsprop"], learningRate: 0.001, rho: 0.5),
      OptimizerCase(arguments: ["--rho", "0.5", "--optimizer", "adadelta"], learningRate: 0.001, rho: 0.5),
    ])
  func optimizerKeepsGivenValues(_ optimizerCase: OptimizerCase) throws {
    let optimizer = try TrainOptions.parse(optimizerCase.arguments).training.optimizer

    #expect(optimizer.learningRate == optimizerCase.learningRate)
    #expect(optimizer.rho == optimizerCase.rho)
  }

  // MARK: - Errors thrown by parse

  @Test("parse throws a usage error for a bad value")
  func parseThrowsUsageError() {
    #expect(throws: UsageError("Invalid value \"0\" for --batch-size: expected a whole number from 1 to 1000000.")) {
      try TrainOptions.parse(["--batch-size", "0"])
    }
  }
}
