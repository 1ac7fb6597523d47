import AnomagramCore
import Foundation

/// `anomagram score`: the reconstruction error and verdict of each row of
/// values, read from a file or standard input, for use in pipelines.
public enum ScoreCommand {
  public static let helpText = """
    Usage: anomagram score (--model FILE | --tfjs DIR) [options]

    Reads rows of values without labels, one row per line, scales them with the
    model's scaler, and writes one line per row: its number, its reconstruction
    error and its verdict, "abnormal" when the error is above the model's
    threshold and "normal" otherwise. Output is written as input arrives, in
    batches of what one read returns, so the command works in a pipeline:

      cut -f2- rows.tsv | anomagram score --model model.json | head

    Input: fields separated by commas, tabs or spaces, each optionally in double
    quotes. A first line without any number is a header and is skipped (see
    --header for a header of numbers); blank lines are skipped. Rows are
    numbered from 1 in the order they appear, header and blank lines not
    counted. Each row must hold as many values as the model takes.

    Options:
      --model FILE        Model file from anomagram train --save or anomagram import.
      --tfjs DIR          TensorFlow.js model folder (model.json, weights.bin and
                          the optional sidecar anomagram.json).
      --input FILE        Read rows from FILE; "-" means standard input.
                          Default: standard input.
      --format csv|json   csv: a header line "row,error,verdict", then one line per
                          row. json: one JSON object per line (JSON Lines) with the
                          keys row, error and verdict. Default: csv.
      --threshold fixed:VALUE
                          Use this threshold instead of the model's.
      --header            Skip the first line, whatever it holds (for a header
                          of column numbers such as 0,1,2,...).
      --no-header         Read the first line as a row, even without numbers.
      --help, -h          Show this help.

    Exit status: 0 on success; 1 when the model cannot be read or a line is
    invalid (the message names the line, and the rows before it have been
    written); 2 for invalid options.

    """

  /// The output layout.
  enum OutputFormat: String, CaseIterable {
    case csv
    case json
  }

  struct Options: Equatable {
    var source: ModelSource?
    var inputFile: String?
    var format = OutputFormat.csv
    var threshold: ThresholdRule?
    var header = HeaderMode.detect
    var showHelp = false
  }

  /// Runs the command and returns the exit status.
  ///
  /// - Parameter standardInput: where rows come from when no `--input` file
  ///   is given or it is `-`.
  public static func run(
    arguments: [String], console: Console, standardInput: ByteStream = .standardInput
  ) -> Int32 {
    let options: Options
    do {
      options = try parse(arguments)
    } catch {
      console.writeError("anomagram score: \(error)\n")
      return 2
    }
    if options.showHelp {
      console.writeOutput(helpText)
      return 0
    }

    do {
      let (file, notes) = try options.source!.load()
      for note in notes { console.writeError("anomagram score: \(note)\n") }
      let threshold = try thresholdValue(options.threshold, file: file, source: options.source!)
      let (input, inputName) = try openInput(options.inputFile, standardInput: standardInput)
      try score(
        input: input, inputName: inputName, header: options.header, file: file, threshold: threshold,
        format: options.format, console: console)
    } catch {
      console.writeError("anomagram score: \(error)\n")
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
      case "--input": options.inputFile = try scanner.value()
      case "--format": options.format = try TrainOptionSpec.choice(try scanner.value(), option)
      case "--threshold":
        let value = try scanner.value()
        let rule = try parseThresholdRule(value, option: option)
        guard case .fixed = rule else {
          throw UsageError.invalid(option, value, expected: "fixed:VALUE, because scoring has no labels to choose a threshold by")
        }
        options.threshold = rule
      case "--header":
        try scanner.expectNoValue()
        options.header = .present
      case "--no-header":
        try scanner.expectNoValue()
        options.header = .absent
      case "--help", "-h":
        try scanner.expectNoValue()
        options.showHelp = true
      default:
        throw UsageError("Unknown option \(option); see anomagram score --help.")
      }
    }
    if options.source == nil && !options.showHelp {
      throw UsageError("Missing model: give --model FILE or --tfjs DIR; see anomagram score --help.")
    }
    return options
  }

  private static func thresholdValue(_ rule: ThresholdRule?, file: ModelFile, source: ModelSource) throws -> Float {
    if case .fixed(let value) = rule { return value }
    guard let threshold = file.threshold else {
      throw CommandError(
        "The model \(source.path.debugDescription) has no threshold, so rows cannot be judged. "
          + "Give one with --threshold fixed:VALUE.")
    }
    return threshold.value
  }

  private static func openInput(_ path: String?, standardInput: ByteStream) throws -> (ByteStream, String) {
    guard let path, path != "-" else { return (standardInput, "standard input") }
    return (try ByteStream.file(path), path.debugDescription)
  }

  /// Reads chunks, scores the rows each one completes and writes their lines
  /// before reading on.
  private static func score(
    input: ByteStream, inputName: String, header: HeaderMode, file: ModelFile, threshold: Float,
    format: OutputFormat, console: Console
  ) throws {
    var reader = ValueRowReader(featureCount: file.featureCount, source: inputName, header: header)
    var rowNumber = 0
    if format == .csv { console.writeOutput("row,error,verdict\n") }
    var finished = false
    while !finished {
      let (rows, error): ([ValueRow], CommandError?)
      if let chunk = try input.next() {
        (rows, error) = reader.rows(adding: chunk)
      } else {
        (rows, error) = reader.finish()
        finished = true
      }
      try writeScores(rows, firstRow: rowNumber + 1, file: file, threshold: threshold, format: format, console: console)
      rowNumber += rows.count
      if let error { throw error }
    }
  }

  private static func writeScores(
    _ rows: [ValueRow], firstRow: Int, file: ModelFile, threshold: Float, format: OutputFormat, console: Console
  ) throws {
    guard !rows.isEmpty else { return }
    let matrix = Matrix(rows: rows.count, columns: file.featureCount, elements: rows.flatMap(\.values))
    let errors = file.reconstructionErrors(matrix)
    var text = ""
    for (offset, error) in errors.enumerated() {
      guard error.isFinite else {
        console.writeOutput(text)
        throw CommandError(
          "The reconstruction error of line \(rows[offset].line) is \(error); its values are too large for the model.")
      }
      let verdict = ConfusionCounts.isPredictedAbnormal(error: error, threshold: threshold) ? "abnormal" : "normal"
      switch format {
      case .csv: text += "\(firstRow + offset),\(error),\(verdict)\n"
      case .json: text += "{\"row\":\(firstRow + offset),\"error\":\(error),\"verdict\":\"\(verdict)\"}\n"
      }
    }
    console.writeOutput(text)
  }
}
