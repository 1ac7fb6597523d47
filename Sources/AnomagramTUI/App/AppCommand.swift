import AnomagramCLI
import AnomagramCore
import Foundation

/// `anomagram` without a subcommand: the full-screen app with its Train and
/// Explore screens.
public enum AppCommand {
  public static let helpText = """
    Usage: anomagram [options]

    Opens the full-screen app: build an autoencoder with the keys, press Space
    to train it on the bundled ECG5000 heartbeats (or your --data file), and
    watch the loss, the error histogram, the ROC curve and the metrics update
    live. Press 2 for the Explore screen: step through the test heartbeats,
    see each one's reconstruction and verdict, and draw your own. Press ? in
    the app for the keys.

    Options of the app:
      --ascii          Draw with ASCII characters only (also used when the
                       locale is not UTF-8).
      --help, -h       Show this help.

    Every option of "anomagram train" also works here and sets the starting
    values (for example --preset classic, --layers 32,16, --data FILE);
    see "anomagram train --help". NO_COLOR=1 turns colours off.

    Commands: "anomagram train", "anomagram benchmark" and
    "anomagram screen-benchmark"; "anomagram help" lists them.

    """

  /// Runs the app; returns the exit status.
  public static func run(arguments: [String], console: Console) -> Int32 {
    var forceASCII = false
    var trainArguments: [String] = []
    for argument in arguments {
      switch argument {
      case "--ascii": forceASCII = true
      case "--help", "-h":
        console.writeOutput(helpText)
        return 0
      default: trainArguments.append(argument)
      }
    }
    let options: TrainOptions
    do {
      options = try TrainOptions.parse(trainArguments)
    } catch {
      console.writeError("anomagram: \(error)\n")
      return 2
    }

    let data: (pool: Dataset, test: Dataset?, files: [String])
    do {
      data = try TrainCommand.loadData(options)
    } catch {
      console.writeError("anomagram: \(error)\n")
      return 1
    }

    // Signals are watched before the terminal opens, so that an early
    // Ctrl-C still restores it.
    let signals = TerminalSignals()
    let terminal: NcursesTerminal
    do {
      terminal = try NcursesTerminal(options: .init(forceASCII: forceASCII))
    } catch {
      signals.restoreDefaults()
      console.writeError("anomagram: \(error)\n")
      return 1
    }

    var state = AppState(
      training: options.training, split: options.split, featureCount: data.pool.featureCount,
      dataDescription: describe(data), size: terminal.size, glyphs: terminal.glyphs, colors: terminal.colorSupport)
    state.classNames = ClassNames.names(
      dataFiles: data.files + [options.testDataFile].compactMap { $0 }, featureCount: data.pool.featureCount,
      labels: Set(data.pool.labels + (data.test?.labels ?? [])))
    // The app ships no pretrained model, so `state.pretrained` stays nil
    // and the Explore screen tells the user to train one first.
    let runner = AppRunner(state: state, terminal: terminal, signals: signals, pool: data.pool, testPool: data.test)
    let signal = runner.run()
    terminal.shutdown()
    signals.restoreDefaults()
    if let signal {
      return signal.exitStatus
    }
    return 0
  }

  /// "ECG5000_TRAIN.tsv + ECG5000_TEST.tsv: 5000 rows of 140 values".
  static func describe(_ data: (pool: Dataset, test: Dataset?, files: [String])) -> String {
    let names = data.files.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " + ")
    var text = "\(names): \(formatGrouped(data.pool.sampleCount)) rows of \(data.pool.featureCount) values"
    if let test = data.test {
      text += "; test rows from \(test.source)"
    }
    return text
  }
}
