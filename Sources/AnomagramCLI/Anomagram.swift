/// The top level of the `anomagram` command: picks the subcommand.
public enum Anomagram {
  /// The program's version, printed by `anomagram --version`.
  public static let version = "0.1.0"

  public static let usage = """
    Usage: anomagram [options]            open the full-screen app
           anomagram <command> [options]

    Commands:
      train             Train an autoencoder headless and report AUC, threshold and metrics
      evaluate          Report AUC and metrics of a saved model on a labelled data file
      score             Write the reconstruction error and verdict of each row of values
      export            Write a saved model in the TensorFlow.js layers format
      import            Read a TensorFlow.js layers model into a model file
      benchmark         Measure training speed in samples per second
      screen-benchmark  Measure start-up and frame drawing time of the app
      help [command]    Show this help, or the options of a command

    Run "anomagram <command> --help" for the options of a command, and
    "anomagram --version" for the version.

    """

  /// Runs the command named by the first argument; returns the exit status.
  public static func run(arguments: [String], console: Console) -> Int32 {
    guard let command = arguments.first else {
      console.writeOutput(usage)
      return 0
    }
    let rest = Array(arguments.dropFirst())
    switch command {
    case "train":
      return TrainCommand.run(arguments: rest, console: console)
    case "benchmark":
      return BenchmarkCommand.run(arguments: rest, console: console)
    case "evaluate":
      return EvaluateCommand.run(arguments: rest, console: console)
    case "score":
      return ScoreCommand.run(arguments: rest, console: console)
    case "export":
      return ExportCommand.run(arguments: rest, console: console)
    case "import":
      return ImportCommand.run(arguments: rest, console: console)
    case "help", "--help", "-h":
      if let topic = rest.first, topic != "help", !topic.hasPrefix("-") {
        return run(arguments: [topic, "--help"], console: console)
      }
      console.writeOutput(usage)
      return 0
    case "version", "--version":
      console.writeOutput("anomagram \(version)\n")
      return 0
    default:
      console.writeError("anomagram: Unknown command \"\(command)\".\n\n" + usage)
      return 2
    }
  }
}
