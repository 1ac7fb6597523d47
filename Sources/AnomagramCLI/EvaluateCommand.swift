import AnomagramCore
import Foundation

/// `anomagram evaluate`: how well a saved model separates the classes of a
/// labelled data file.
public enum EvaluateCommand {
  public static let helpText = """
    Usage: anomagram evaluate (--model FILE | --tfjs DIR) [options]

    Scales each row of a labelled data file with the model's scaler, computes its
    reconstruction error, and reports the AUC and the metrics at the model's
    threshold, or at the threshold a rule chooses on this data. The report goes
    to standard output; each row's error and verdict can be written to a file.

    Options:
      --model FILE          Model file from anomagram train --save or anomagram import.
      --tfjs DIR            TensorFlow.js model folder (model.json, weights.bin and the
                            optional sidecar anomagram.json).
      --data FILE           Labelled series, one per line: UCR files (label first,
                            tabs, commas or spaces) or CSV files with a header.
                            Default: when the model was trained on the bundled
                            ECG5000 files, the test rows of its own split (rows it
                            did not train on); otherwise the bundled ECG5000_TEST.tsv.
      --header, --no-header Whether the first line of --data holds column names.
                            Default: detected.
      --label-column COLUMN first, last, a column number (from 1) or a column name.
                            Default: first.
      --normal-class LABELS Labels that count as normal, separated by commas.
                            Default: the model's normal labels.
      --threshold RULE      max-f1, max-accuracy or youden, chosen on this data, or
                            fixed:VALUE. Default: the model's threshold. Rules on
                            training errors (percentile, mean-std) need the training
                            rows, which a model file does not keep.
      --json                Print one JSON object instead of the text report.
      --errors-csv FILE     Write each row's number, label, class, error and verdict
                            as CSV. With "-", they go to standard output and the
                            report to standard error.
      --errors-json FILE    Write the same as a JSON array (instead of --errors-csv).
      --help, -h            Show this help.

    Exit status: 0 on success, 1 when the model or data cannot be read or do not
    fit each other, 2 for invalid options.

    """

  struct Options: Equatable {
    var source: ModelSource?
    var dataFile: String?
    var dataFormat = DataFileFormat(header: .detect, labelColumn: .first)
    var normalLabels: [String]?
    var threshold: ThresholdRule?
    var json = false
    var errorsCSV: String?
    var errorsJSON: String?
    var showHelp = false
  }

  /// Runs the command and returns the exit status.
  public static func run(arguments: [String], console: Console) -> Int32 {
    let options: Options
    do {
      options = try parse(arguments)
    } catch {
      console.writeError("anomagram evaluate: \(error)\n")
      return 2
    }
    if options.showHelp {
      console.writeOutput(helpText)
      return 0
    }

    do {
      let (file, notes) = try options.source!.load()
      for note in notes { console.writeError("anomagram evaluate: \(note)\n") }
      let evaluation = try evaluate(file, options: options)
      for warning in evaluation.warnings { console.writeError("anomagram evaluate: \(warning)\n") }
      var samplesToOutput: String?
      if let path = options.errorsCSV {
        let text = evaluation.samplesCSV()
        if path == "-" { samplesToOutput = text } else { try AtomicFile.write(text, to: path) }
      }
      if let path = options.errorsJSON {
        let text = evaluation.samplesJSON()
        if path == "-" { samplesToOutput = text } else { try AtomicFile.write(text, to: path) }
      }
      let report = options.json ? evaluation.report.jsonText() + "\n" : evaluation.report.summaryText()
      if let samplesToOutput {
        console.writeError(report)
        console.writeOutput(samplesToOutput)
      } else {
        console.writeOutput(report)
      }
    } catch {
      console.writeError("anomagram evaluate: \(error)\n")
      return 1
    }
    return 0
  }

  static func parse(_ arguments: [String]) throws(UsageError) -> Options {
    var options = Options()
    var scanner = ArgumentScanner(arguments)
    while let option = try scanner.nextOption() {
      switch option {
      case "--model": try ModelSource.set(&options.source, to: .modelFile(try scanner.value()), option: option)
      case "--tfjs": try ModelSource.set(&options.source, to: .tensorFlowJS(try scanner.value()), option: option)
      case "--data":
        guard options.dataFile == nil else {
          throw UsageError("Give one --data file; evaluate reads one labelled file at a time.")
        }
        options.dataFile = try scanner.value()
      case "--header":
        try scanner.expectNoValue()
        options.dataFormat.header = .present
      case "--no-header":
        try scanner.expectNoValue()
        options.dataFormat.header = .absent
      case "--label-column":
        let column = try TrainOptionSpec.labelColumn(try scanner.value(), option)
        guard column != .unlabelled else {
          throw UsageError("--label-column none is not possible here: evaluate needs labels. Use anomagram score.")
        }
        options.dataFormat.labelColumn = column
      case "--normal-class": options.normalLabels = try parseNormalLabels(try scanner.value(), option: option)
      case "--threshold":
        let rule = try parseThresholdRule(try scanner.value(), option: option)
        try rule.requireNoTrainingErrors(option: option)
        options.threshold = rule
      case "--json":
        try scanner.expectNoValue()
        options.json = true
      case "--errors-csv": options.errorsCSV = try scanner.value()
      case "--errors-json": options.errorsJSON = try scanner.value()
      case "--help", "-h":
        try scanner.expectNoValue()
        options.showHelp = true
      default:
        throw UsageError("Unknown option \(option); see anomagram evaluate --help.")
      }
    }
    guard !options.showHelp else { return options }
    if options.dataFormat.header == .absent, case .name(let name) = options.dataFormat.labelColumn {
      throw UsageError("--label-column \(name) names a column, which needs a header row; drop --no-header.")
    }
    if options.source == nil {
      throw UsageError("Missing model: give --model FILE or --tfjs DIR; see anomagram evaluate --help.")
    }
    if options.errorsCSV != nil && options.errorsJSON != nil {
      throw UsageError("Give --errors-csv or --errors-json, not both.")
    }
    return options
  }

  /// Loads the data, checks that it fits the model, and evaluates the model on it.
  static func evaluate(_ file: ModelFile, options: Options) throws -> Evaluation {
    var notes: [String] = []
    let data: Dataset
    let dataPath: String
    if let dataFile = options.dataFile {
      dataPath = dataFile
      data = try DataFileReader.load(path: dataFile, format: options.dataFormat)
    } else {
      guard let bundled = BundledData.locate() else { throw CommandError(BundledData.notFoundMessage) }
      if let heldOut = try heldOutBundledRows(for: file, bundledFiles: bundled) {
        dataPath = heldOut.source
        data = heldOut
      } else {
        dataPath = bundled[1]
        data = try DataFileReader.load(path: dataPath)
        notes.append(
          "The model was not trained on a split of the bundled ECG5000 files, so it is evaluated on all of "
            + "\(dataPath.debugDescription); rows it trained on may be among them.")
      }
    }
    guard data.featureCount == file.featureCount else {
      let advice =
        options.dataFile == nil
        ? "Without --data, evaluate uses the bundled ECG5000 data; give the labelled file to evaluate on with "
          + "--data FILE."
        : "Use data with series of the length the model was trained on."
      throw CommandError(
        "The data file \(dataPath.debugDescription) has \(data.featureCount) values per row, but the model "
          + "\(options.source!.path.debugDescription) takes \(file.featureCount). \(advice)")
    }
    let evaluation = try Evaluation(
      file: file, source: options.source!, data: data, normalLabels: options.normalLabels ?? file.normalLabels,
      thresholdRule: options.threshold)
    return evaluation.addingWarnings(notes)
  }

  /// The test rows of the model's own split of the bundled files, when the
  /// model records a split and its training rows match that split's
  /// (same fingerprint); otherwise `nil`.
  static func heldOutBundledRows(for file: ModelFile, bundledFiles: [String]) throws -> Dataset? {
    guard let splitConfiguration = file.split, let fingerprint = file.trainingData else { return nil }
    var pool = try DataFileReader.load(path: bundledFiles[0])
    for path in bundledFiles.dropFirst() { pool = pool.appending(try DataFileReader.load(path: path)) }
    guard pool.featureCount == file.featureCount,
      let split = try? DataSplit.make(pool: pool, configuration: splitConfiguration),
      DataFingerprint(values: split.train, labels: split.trainLabels) == fingerprint
    else { return nil }
    let names = bundledFiles.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " + ")
    return Dataset(
      values: split.rawTest, labels: split.testLabels,
      source: "held-out test rows of the model split of \(names)")
  }
}
