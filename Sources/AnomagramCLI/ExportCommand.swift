import AnomagramCore

/// `anomagram export`: writes a model file in the TensorFlow.js layers format.
public enum ExportCommand {
  public static let helpText = """
    Usage: anomagram export --model FILE --tfjs DIR

    Writes the model in FILE to the folder DIR, creating it if needed:
      model.json     a Sequential model of Dense layers (TensorFlow.js layers format)
      weights.bin    the weights as little-endian float32, in the manifest's order
      anomagram.json the scaler, threshold and normal labels, which the format
                     cannot hold
    tf.loadLayersModel("DIR/model.json") loads it in a browser or in Node.js.
    Inputs must be scaled with the minimums and maximums in anomagram.json first.

    Options:
      --model FILE   Model file from anomagram train --save or anomagram import.
      --tfjs DIR     Folder to write.
      --help, -h     Show this help.

    Exit status: 0 on success, 1 when the model cannot be read or the folder
    cannot be written, 2 for invalid options.

    """

  /// Runs the command and returns the exit status.
  public static func run(arguments: [String], console: Console) -> Int32 {
    var modelFile: String?
    var directory: String?
    var scanner = ArgumentScanner(arguments)
    do {
      while let option = try scanner.nextOption() {
        switch option {
        case "--model": modelFile = try scanner.value()
        case "--tfjs": directory = try scanner.value()
        case "--help", "-h":
          try scanner.expectNoValue()
          console.writeOutput(helpText)
          return 0
        default: throw UsageError("Unknown option \(option); see anomagram export --help.")
        }
      }
      guard modelFile != nil, directory != nil else {
        throw UsageError("Missing \(modelFile == nil ? "--model FILE" : "--tfjs DIR"); see anomagram export --help.")
      }
    } catch {
      console.writeError("anomagram export: \(error)\n")
      return 2
    }

    do {
      let file = try ModelFile.load(from: modelFile!)
      try TensorFlowJS.export(file, to: directory!)
      console.writeOutput(exportSummary(file, directory: directory!))
    } catch {
      console.writeError("anomagram export: \(error)\n")
      return 1
    }
    return 0
  }

  /// Returns the lines that describe what an export wrote.
  static func exportSummary(_ file: ModelFile, directory: String) -> String {
    let files = [TensorFlowJS.modelFileName, TensorFlowJS.weightsFileName, TensorFlowJS.sidecarFileName]
    var text =
      "Wrote \(file.model.architecture.summary) to \(directory.debugDescription): "
      + files.joined(separator: ", ") + "\n"
    if file.model.architecture.layers.contains(where: { $0.activation == .leakyRelu }) {
      text += "Each leaky-relu layer is a linear Dense layer followed by a LeakyReLU layer with alpha 0.2.\n"
    }
    if file.scaler == nil {
      text += "The model has no scaler, so inputs are used as they are.\n"
    }
    return text
  }
}
