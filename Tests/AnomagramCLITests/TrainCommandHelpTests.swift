import Testing

@testable import AnomagramCLI

/// Options whose stated default is a description rather than a value that
/// the option accepts.
private let optionsWithDescribedDefaults: Set = [
  // The bundled files, pooled.
  "--data",
  // Splitting the --data rows.
  "--test-data",
  // One value per optimizer, which `rhoDefaults` checks.
  "--rho",
]

/// The first name of every option whose help states a default value.
private let optionsWithDefaults = TrainOptionSpec.all
  .filter { $0.help.contains("Default: ") && !optionsWithDescribedDefaults.contains($0.names[0]) }
  .map { $0.names[0] }

/// The help printed by `anomagram train --help`, split by option.
private struct HelpEntries {
  /// Each option name and the help text under its heading, with line breaks
  /// and indentation replaced by single spaces.
  var helpByName: [String: String] = [:]

  init(_ text: String) {
    var names: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("  -") {
        // A heading such as "  --learning-rate, --lr RATE".
        let heading = line.dropFirst(2).split(separator: " ").map { $0.trimmingSuffix(",") }
        names = heading.filter { $0.hasPrefix("-") }
        for name in names { helpByName[name] = "" }
      } else if line.hasPrefix("      ") {
        let words = line.split(separator: " ").joined(separator: " ")
        for name in names {
          let previous = helpByName[name] ?? ""
          helpByName[name] = previous.isEmpty ? words : previous + " " + words
        }
      } else {
        names = []
      }
    }
  }

  /// Returns the word after "Default: " in the help of `name`, without a final period.
  func statedDefault(of name: String) -> String? {
    guard let help = helpByName[name], let range = help.range(of: "Default: ") else { return nil }
    let word = help[range.upperBound...].prefix { $0 != " " }
    return String(word.hasSuffix(".") ? word.dropLast() : word)
  }
}

extension Substring {
  fileprivate func trimmingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : String(self)
  }
}

@Suite("TrainCommand help")
struct TrainCommandHelpTests {
  private static let help = runTrain(["--help"])

  @Test("help exits 0 on stdout", arguments: [["--help"], ["-h"], ["--epochs", "5", "--help"]])
  func helpExitsZero(_ arguments: [String]) {
    let run = runTrain(arguments)

    #expect(run.status == 0)
    #expect(run.output == TrainCommand.helpText)
    #expect(run.error.isEmpty)
  }

  @Test("help lists option", arguments: TrainOptionSpec.all.flatMap(\.names))
  func helpListsOption(_ name: String) {
    #expect(HelpEntries(Self.help.output).helpByName[name] != nil, "No heading for \(name)")
  }

  @Test("help shows the option's description", arguments: TrainOptionSpec.all.map { $0.names[0] })
  func helpShowsDescription(_ name: String) throws {
    let spec = try #require(TrainOptionSpec.all.first { $0.names[0] == name })
    let entry = HelpEntries(Self.help.output).helpByName[name]

    #expect(entry == spec.help.split(separator: " ").joined(separator: " "))
  }

  @Test("stated default is the parsed default", arguments: optionsWithDefaults)
  func statedDefaultMatches(_ name: String) throws {
    let stated = try #require(HelpEntries(Self.help.output).statedDefault(of: name))

    // Giving the stated default explicitly must leave the options unchanged.
    #expect(try TrainOptions.parse([name, stated]) == TrainOptions(), "\(name) states the default \(stated)")
  }

  @Test("stated rho defaults match the optimizers")
  func rhoDefaults() throws {
    let help = try #require(HelpEntries(Self.help.output).helpByName["--rho"])

    #expect(help.contains("Default: 0.95 for adadelta, 0.9 for rmsprop."))
    #expect(try TrainOptions.parse(["--optimizer", "adadelta"]).training.optimizer.rho == 0.95)
    #expect(try TrainOptions.parse(["--optimizer", "rmsprop"]).training.optimizer.rho == 0.9)
  }

  @Test("help states defaults for the main options")
  func mainOptionsStateDefaults() {
    let stated = Set(optionsWithDefaults)

    for name in ["--layers", "--latent", "--optimizer", "--learning-rate", "--epochs", "--batch-size", "--threshold"] {
      #expect(stated.contains(name), "\(name) states no default")
    }
  }
}
