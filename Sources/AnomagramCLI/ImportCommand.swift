import AnomagramCore

/// `anomagram import`: reads a TensorFlow.js layers model into a model file.
public enum ImportCommand {
  public static let helpText = """
    Usage: anomagram import --tfjs DIR --output FILE [options]

    Reads DIR/model.json and its weight files and writes a model file that
    anomagram evaluate and score read. The model must be a dense autoencoder
    this program can represent: Dense layers whose widths mirror around a linear
    bottleneck, an output as wide as the input, and one activation (relu, elu,
    tanh, sigmoid, linear, or a linear Dense followed by LeakyReLU with alpha
    0.2) for every hidden layer. Sequential models, functional models and the
    original browser demo's form, an encoder model and a decoder model nested in
    the autoencoder model, are read. Weights are matched to layers by name.

    DIR/anomagram.json, when present, supplies the scaler, threshold and normal
    labels. Without it the model has no scaler, so its inputs must already be
    scaled, and no threshold unless --threshold gives one.

    Options:
      --tfjs DIR              Folder with model.json.
      --output FILE           Model file to write.
      --threshold fixed:VALUE Threshold to store, replacing the sidecar's.
      --normal-class LABELS   Normal labels to store, separated by commas.
                              Default: the sidecar's, or 1.
      --help, -h              Show this help.

    Exit status: 0 on success, 1 when the model cannot be read or represented or
    FILE cannot be written, 2 for invalid options.

    """

  struct Options: Equatable {
    var directory: String?
    var output: String?
    var threshold: Float?
    var normalLabels: [String]?
    var showHelp = false
  }

  /// Runs the command and returns the exit status.
  public static func run(arguments: [String], console: Console) -> Int32 {
    let options: Options
    do {
      options = try parse(arguments)
    } catch {
      console.writeError("anomagram import: \(error)\n")
      return 2
    }
    if options.showHelp {
      console.writeOutput(helpText)
      return 0
    }

    do {
      let imported = try TensorFlowJS.load(from: options.directory!)
      var file = imported.modelFile
      if let value = options.threshold {
        file.threshold = ThresholdChoice(value: value, rule: .fixed(value))
      }
      if let labels = options.normalLabels {
        file.normalLabels = labels.sorted(by: ClassLabel.areInIncreasingOrder)
      }
      try file.save(to: options.output!)
      console.writeOutput(importSummary(imported, file: file, options: options))
    } catch {
      console.writeError("anomagram import: \(error)\n")
      return 1
    }
    return 0
  }

  static func parse(_ arguments: [String]) throws(UsageError) -> Options {
    var options = Options()
    var scanner = ArgumentScanner(arguments)
    while let option = try scanner.nextOption() {
      switch option {
      case "--tfjs": options.directory = try scanner.value()
      case "--output": options.output = try scanner.value()
      case "--threshold":
        let value = try scanner.value()
        guard case .fixed(let threshold) = try parseThresholdRule(value, option: option) else {
          throw UsageError.invalid(option, value, expected: "fixed:VALUE, because importing has no data to choose a threshold on")
        }
        options.threshold = threshold
      case "--normal-class": options.normalLabels = try parseNormalLabels(try scanner.value(), option: option)
      case "--help", "-h":
        try scanner.expectNoValue()
        options.showHelp = true
      default:
        throw UsageError("Unknown option \(option); see anomagram import --help.")
      }
    }
    guard !options.showHelp else { return options }
    guard options.directory != nil, options.output != nil else {
      throw UsageError("Missing \(options.directory == nil ? "--tfjs DIR" : "--output FILE"); see anomagram import --help.")
    }
    return options
  }

  /// Returns the lines that describe what was read and what the model lacks.
  static func importSummary(_ imported: TensorFlowJS.ImportedModel, file: ModelFile, options: Options) -> String {
    let architecture = file.model.architecture
    var lines = [
      "Read a \(imported.topology.rawValue) TensorFlow.js model from \(options.directory!.debugDescription): "
        + "\(architecture.summary), \(architecture.hiddenActivation.rawValue) hidden, "
        + "\(architecture.outputActivation.rawValue) output (Dense layers \(imported.denseLayerNames.joined(separator: ", ")))"
    ]
    if !imported.hasSidecar {
      lines.append(
        "No \(TensorFlowJS.sidecarFileName) in the folder: the model has no scaler, so its inputs must already be "
          + "scaled.")
    }
    if file.threshold == nil {
      lines.append("The model has no threshold; give one to evaluate or score with --threshold.")
    }
    lines.append("Wrote \(options.output!.debugDescription).")
    return lines.joined(separator: "\n") + "\n"
  }
}
