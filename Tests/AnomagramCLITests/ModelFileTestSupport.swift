import AnomagramCore
import Foundation
import Testing

@testable import AnomagramCLI

/// Trains a small model on a `SyntheticBeats` file with `train --save` and
/// returns the paths of the data file and the model file.
func trainSyntheticModel(in folder: URL, extraArguments: [String] = []) throws -> (data: String, model: String) {
  let data = try SyntheticBeats.writeStandardFile(in: folder)
  let model = folder.appendingPathComponent("model.json").path
  let run = runTrain(
    SyntheticBeats.smallRunArguments(data: data, epochs: 5) + ["--quiet", "--save", model] + extraArguments)
  try #require(run.status == 0, "train failed: \(run.error)")
  return (data, model)
}

/// Returns the rows of a `SyntheticBeats` text without their labels, tab-separated.
func unlabelledRows(_ text: String) -> String {
  text.split(separator: "\n").map { line in
    line.split(separator: "\t").dropFirst().joined(separator: "\t")
  }.joined(separator: "\n") + "\n"
}

/// Runs `anomagram score` with `standardInput` as its input stream.
func runScore(_ arguments: [String], standardInput: String = "", chunkSize: Int = 1 << 16) -> CommandRun {
  runCapturing {
    ScoreCommand.run(
      arguments: arguments, console: $0, standardInput: .text(standardInput, chunkSize: chunkSize))
  }
}

/// Parses the CSV output of `score` into (row, error, verdict) triples, skipping the header.
func scoreLines(_ output: String) throws -> [(row: Int, error: Float, verdict: String)] {
  let lines = output.split(separator: "\n")
  try #require(lines.first == "row,error,verdict", "output: \(output.prefix(200))")
  return try lines.dropFirst().map { line in
    let fields = line.split(separator: ",")
    try #require(fields.count == 3, "line: \(line)")
    return (try #require(Int(fields[0])), try #require(Float(fields[1])), String(fields[2]))
  }
}
