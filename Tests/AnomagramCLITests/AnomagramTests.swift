import Testing

@testable import AnomagramCLI

@Suite("Anomagram")
struct AnomagramTests {
  @Test("no arguments print usage")
  func noArguments() {
    let run = runCapturing { Anomagram.run(arguments: [], console: $0) }

    #expect(run.status == 0)
    #expect(run.output == Anomagram.usage)
    #expect(run.output.hasPrefix("Usage: anomagram [options]"))
    #expect(run.output.contains("anomagram <command> [options]"))
    #expect(run.error.isEmpty)
  }

  @Test("help command prints usage", arguments: ["help", "--help", "-h"])
  func helpCommand(_ command: String) {
    let run = runCapturing { Anomagram.run(arguments: [command], console: $0) }

    #expect(run.status == 0)
    #expect(run.output == Anomagram.usage)
    #expect(run.error.isEmpty)
  }

  @Test("help with a command prints its options")
  func helpForCommand() {
    let run = runCapturing { Anomagram.run(arguments: ["help", "train"], console: $0) }

    #expect(run.status == 0)
    #expect(run.output == TrainCommand.helpText)
  }

  @Test("version prints the version", arguments: ["version", "--version"])
  func versionCommand(_ command: String) {
    let run = runCapturing { Anomagram.run(arguments: [command], console: $0) }

    #expect(run.status == 0)
    #expect(run.output == "anomagram \(Anomagram.version)\n")
  }

  @Test("unknown command exits 2 naming it")
  func unknownCommand() {
    let run = runCapturing { Anomagram.run(arguments: ["fly", "--json"], console: $0) }

    #expect(run.status == 2)
    #expect(run.error.hasPrefix("anomagram: Unknown command \"fly\"."))
    #expect(run.error.contains(Anomagram.usage))
    #expect(run.output.isEmpty)
  }

  @Test("train receives the remaining arguments")
  func trainDispatch() {
    let run = runCapturing { Anomagram.run(arguments: ["train", "--help"], console: $0) }

    #expect(run.status == 0)
    #expect(run.output == TrainCommand.helpText)
  }

  @Test("train usage errors keep exit status 2")
  func trainUsageError() {
    let run = runCapturing { Anomagram.run(arguments: ["train", "--epochs", "0"], console: $0) }

    #expect(run.status == 2)
    #expect(run.error.contains("--epochs"))
  }

  @Test("benchmark receives the remaining arguments")
  func benchmarkDispatch() {
    let run = runCapturing { Anomagram.run(arguments: ["benchmark", "--help"], console: $0) }

    #expect(run.status == 0)
    #expect(run.output == BenchmarkCommand.helpText)
  }
}
