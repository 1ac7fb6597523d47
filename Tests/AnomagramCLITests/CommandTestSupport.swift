import Foundation
import Synchronization
import Testing

@testable import AnomagramCLI

// MARK: - Capturing a console

/// Text written to one stream of a `Console`.
///
/// A `Mutex` guards the text because the training session calls the progress
/// closure on its own queue while the test thread writes the report and later
/// reads the text. `Mutex` is `Sendable`, so this class needs no
/// `@unchecked Sendable`.
final class CapturedStream: Sendable {
  private let storage = Mutex("")

  func append(_ text: String) {
    storage.withLock { $0 += text }
  }

  var text: String {
    storage.withLock { $0 }
  }
}

/// The exit status and the text of one command run.
struct CommandRun: Sendable {
  let status: Int32
  let output: String
  let error: String

  /// The lines written to standard error, without empty ones.
  var errorLines: [String] {
    error.split(separator: "\n").map(String.init)
  }
}

/// Runs `command` with a console whose streams are captured.
func runCapturing(
  errorIsTerminal: Bool = false, _ command: (Console) -> Int32
) -> CommandRun {
  let output = CapturedStream()
  let error = CapturedStream()
  let console = Console(
    writeOutput: { output.append($0) }, writeError: { error.append($0) }, errorIsTerminal: errorIsTerminal)
  let status = command(console)
  return CommandRun(status: status, output: output.text, error: error.text)
}

/// Runs `anomagram train` with `arguments`.
func runTrain(_ arguments: [String], errorIsTerminal: Bool = false) -> CommandRun {
  runCapturing(errorIsTerminal: errorIsTerminal) { TrainCommand.run(arguments: arguments, console: $0) }
}

/// Parses the whole of `text` as one JSON object.
func jsonObject(_ text: String) throws -> [String: Any] {
  let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
  return try #require(value as? [String: Any], "Expected a JSON object, got: \(text.prefix(200))")
}

// MARK: - Temporary files

/// Creates a fresh temporary folder, passes it to `body` and removes it.
func withTemporaryFolder<Result>(_ body: (URL) throws -> Result) throws -> Result {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("AnomagramCLITests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  return try body(folder)
}

/// Writes `text` to `name` inside `folder` and returns the file's path.
@discardableResult
func writeFile(_ text: String, named name: String, in folder: URL) throws -> String {
  let url = folder.appendingPathComponent(name)
  try text.write(to: url, atomically: true, encoding: .utf8)
  return url.path
}

// MARK: - Synthetic heartbeats

/// Small UCR-style data sets in which normal and abnormal rows have
/// clearly different shapes, so that a few epochs of training separate them.
enum SyntheticBeats {
  /// Values per row.
  static let featureCount = 20

  /// Rows of one period of a sine wave, labelled `normalLabel`, followed by
  /// rows of a square wave, labelled `abnormalLabel`, one row per line with
  /// tab-separated fields.
  ///
  /// Every value carries deterministic noise of at most 0.05 from
  /// `sin(row * 7919 + column * 104729)`, so no two rows are equal and the file
  /// is the same on every run.
  static func text(
    normalRows: Int, abnormalRows: Int, normalLabel: String = "1", abnormalLabel: String = "2"
  ) -> String {
    var lines: [String] = []
    for row in 0..<(normalRows + abnormalRows) {
      let isNormal = row < normalRows
      var fields = [isNormal ? normalLabel : abnormalLabel]
      for column in 0..<featureCount {
        let phase = Double(column) / Double(featureCount - 1)
        let shape = isNormal ? sin(2 * Double.pi * phase) : (phase < 0.5 ? 0.8 : -0.8)
        let noise = 0.05 * sin(Double(row * 7919 + column * 104_729))
        fields.append(String(format: "%.5f", shape + noise))
      }
      lines.append(fields.joined(separator: "\t"))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Writes 80 normal rows (label 1) and 40 abnormal rows (label 2) and
  /// returns the file's path.
  static func writeStandardFile(in folder: URL, named name: String = "beats.tsv") throws -> String {
    try writeFile(text(normalRows: 80, abnormalRows: 40), named: name, in: folder)
  }

  /// Options for a run on a file from `writeStandardFile` that takes well
  /// under a second: 50 normal training rows and 40 test rows (27 normal and
  /// 13 abnormal), so the split needs no warning.
  static func smallRunArguments(data: String, epochs: Int = 3) -> [String] {
    [
      "--data", data, "--train-size", "50", "--test-size", "40", "--layers", "8", "--latent", "2",
      "--epochs", "\(epochs)", "--batch-size", "16",
    ]
  }
}
