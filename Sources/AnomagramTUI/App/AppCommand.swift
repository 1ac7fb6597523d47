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
    see each one's reconstruction and verdict, and draw your own. Press 3 for
    the history of this session's runs. O opens another data file, o opens a
    saved model and w saves the current one. Press ? in the app for the keys.

    Options of the app:
      --ascii          Draw with ASCII characters only (also used when the
                       locale is not UTF-8).
      --no-tour        Do not open the first-launch tour this time. The tour
                       opens until it is finished or skipped once, which is
                       recorded in $XDG_CONFIG_HOME/anomagram/settings.json
                       (by default ~/.config/anomagram/settings.json).
      --help, -h       Show this help.
      --version        Print the version.

    Every option of "anomagram train" also works here and sets the starting
    values (for example --preset classic, --layers 32,16, --data FILE);
    see "anomagram train --help". NO_COLOR=1 turns colours off.

    Commands without the screen: train, evaluate, score, export, import,
    benchmark and screen-benchmark; "anomagram help" describes them.

    """

  /// Runs the app; returns the exit status.
  public static func run(arguments: [String], console: Console) -> Int32 {
    var forceASCII = false
    var offersTour = true
    var trainArguments: [String] = []
    for argument in arguments {
      switch argument {
      case "--ascii": forceASCII = true
      case "--no-tour": offersTour = false
      case "--help", "-h":
        console.writeOutput(helpText)
        return 0
      case "--version":
        console.writeOutput("anomagram \(Anomagram.version)\n")
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

    let classNames = ClassNames.names(
      dataFiles: data.files + [options.testDataFile].compactMap { $0 }, featureCount: data.pool.featureCount,
      labels: Set(data.pool.labels + (data.test?.labels ?? [])))
    // Only the bundled ECG5000 data, found by the check behind the class
    // names, gets the pretrained model. It loads before the terminal opens,
    // so that its forward passes do not hold up a blank screen.
    var pretrained: Result<ExploreModel, PretrainedModelError>?
    if !classNames.isEmpty, let path = PretrainedModel.path(besideDataFiles: data.files) {
      pretrained = Result { () throws(PretrainedModelError) in
        try PretrainedModel.load(path: path, pool: data.pool, testPool: data.test)
      }
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
    state.classNames = classNames
    state.offersTour = offersTour
    state.files.header = options.header
    state.files.labelColumn = options.labelColumn.description
    switch pretrained {
    case .success(let model): state.pretrained = model
    case .failure(let error): state.notice = Notice(.warning, error.description)
    case nil: break
    }
    let runner = AppRunner(
      state: state, terminal: terminal, signals: signals, pool: data.pool, testPool: data.test,
      settingsStore: UserSettingsStore(path: UserSettingsStore.defaultPath()))
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
