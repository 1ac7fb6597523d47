import AnomagramCore
import Foundation
import Synchronization
import Testing

@testable import AnomagramCLI

@Suite("ScoreCommand", .timeLimit(.minutes(1)))
struct ScoreCommandTests {
  @Test("file rows get the model's errors and verdicts")
  func scoresFile() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      let text = SyntheticBeats.text(normalRows: 5, abnormalRows: 3)
      let rowsPath = try writeFile(unlabelledRows(text), named: "rows.tsv", in: folder)
      let model = try ModelFile.load(from: modelPath)
      let expected = model.reconstructionErrors(try DataFileReader.parse(bytes: Array(text.utf8), source: "beats").values)
      let threshold = try #require(model.threshold?.value)

      let run = runScore(["--model", modelPath, "--input", rowsPath])
      let lines = try scoreLines(run.output)

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(lines.map(\.row) == Array(1...8))
      #expect(lines.map(\.error.bitPattern) == expected.map(\.bitPattern))
      #expect(lines.map(\.verdict) == expected.map { $0 > threshold ? "abnormal" : "normal" })
      #expect(run.error.isEmpty)
    }
  }

  @Test("standard input gives the same output as a file, across chunk boundaries")
  func scoresStandardInput() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      let rows = unlabelledRows(SyntheticBeats.text(normalRows: 6, abnormalRows: 2))
      let rowsPath = try writeFile(rows, named: "rows.tsv", in: folder)

      let fromFile = runScore(["--model", modelPath, "--input", rowsPath])
      let fromInput = runScore(["--model", modelPath], standardInput: rows, chunkSize: 7)
      let fromDash = runScore(["--model", modelPath, "--input", "-"], standardInput: rows)

      #expect(fromInput.status == 0, "stderr: \(fromInput.error)")
      #expect(fromInput.output == fromFile.output)
      #expect(fromDash.output == fromFile.output)
      #expect(try scoreLines(fromInput.output).count == 8)
    }
  }

  @Test("output is written before the rest of the input arrives")
  func streams() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      let lines = unlabelledRows(SyntheticBeats.text(normalRows: 2, abnormalRows: 0)).split(separator: "\n")
      let output = CapturedStream()
      let outputBeforeSecondChunk = Mutex<String?>(nil)
      let chunksRead = Mutex(0)
      let input = ByteStream {
        let index = chunksRead.withLock { count in
          defer { count += 1 }
          return count
        }
        if index == 1 { outputBeforeSecondChunk.withLock { $0 = output.text } }
        return index < lines.count ? Array((lines[index] + "\n").utf8) : nil
      }
      let console = Console(writeOutput: { output.append($0) }, writeError: { _ in }, errorIsTerminal: false)

      let status = ScoreCommand.run(arguments: ["--model", modelPath], console: console, standardInput: input)

      #expect(status == 0)
      #expect(outputBeforeSecondChunk.withLock { $0 }?.contains("\n1,") == true)
      #expect(try scoreLines(output.text).count == 2)
    }
  }

  @Test("header, blank lines, commas and CRLF are accepted")
  func inputForms() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      let tabRows = unlabelledRows(SyntheticBeats.text(normalRows: 3, abnormalRows: 0))
      let header = (1...SyntheticBeats.featureCount).map { "t\($0)" }.joined(separator: ",")
      let commaRows = tabRows.split(separator: "\n").map { $0.replacingOccurrences(of: "\t", with: " , ") }
      let input = header + "\r\n\r\n" + commaRows.joined(separator: "\r\n")

      let plain = runScore(["--model", modelPath], standardInput: tabRows)
      let decorated = runScore(["--model", modelPath], standardInput: input)

      #expect(decorated.status == 0, "stderr: \(decorated.error)")
      #expect(decorated.output == plain.output)
    }
  }

  @Test("header option skips a header of numbers")
  func numericHeader() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      let rows = unlabelledRows(SyntheticBeats.text(normalRows: 3, abnormalRows: 0))
      let header = (0..<SyntheticBeats.featureCount).map(String.init).joined(separator: "\t")

      let plain = runScore(["--model", modelPath], standardInput: rows)
      let skipped = runScore(["--model", modelPath, "--header"], standardInput: header + "\n" + rows)
      let detected = runScore(["--model", modelPath], standardInput: header + "\n" + rows)

      #expect(skipped.status == 0, "stderr: \(skipped.error)")
      #expect(skipped.output == plain.output)
      #expect(try scoreLines(detected.output).count == 4)
    }
  }

  @Test("no-header option reads a first line without numbers")
  func noHeaderOption() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      let header = (1...SyntheticBeats.featureCount).map { "t\($0)" }.joined(separator: ",")

      let run = runScore(["--model", modelPath, "--no-header"], standardInput: header + "\n")

      #expect(run.status == 1)
      #expect(run.error.contains("Line 1, column 1 of standard input is \"t1\", which is not a number"))
    }
  }

  @Test("quoted values read as numbers")
  func quotedValues() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      let rows = unlabelledRows(SyntheticBeats.text(normalRows: 2, abnormalRows: 0))
      let quoted = rows.split(separator: "\n").map { line in
        line.split(separator: "\t").map { "\"\($0)\"" }.joined(separator: ",")
      }.joined(separator: "\n")

      let plain = runScore(["--model", modelPath], standardInput: rows)
      let run = runScore(["--model", modelPath], standardInput: quoted + "\n")

      #expect(run.status == 0, "stderr: \(run.error)")
      #expect(run.output == plain.output)
    }
  }

  @Test("semicolon-separated row is rejected with advice")
  func semicolons() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      let row = Array(repeating: "0.5", count: SyntheticBeats.featureCount).joined(separator: ";")

      let run = runScore(["--model", modelPath], standardInput: row + "\n")

      #expect(run.status == 1)
      #expect(run.error.contains("Line 1, column 1 of standard input"), "stderr: \(run.error)")
      #expect(run.error.contains("Semicolons do not separate values"))
    }
  }

  @Test("hexadecimal value is not a number")
  func hexadecimalValue() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      let row = (["0x8"] + Array(repeating: "0.5", count: SyntheticBeats.featureCount - 1)).joined(separator: ",")

      let run = runScore(["--model", modelPath], standardInput: "\n" + row + "\n")

      #expect(run.status == 1)
      #expect(run.error.contains("Line 2, column 1 of standard input is \"0x8\", which is not a number"))
    }
  }

  @Test("invalid value exits 1 naming the line, after the rows before it")
  func invalidValue() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      var lines = unlabelledRows(SyntheticBeats.text(normalRows: 4, abnormalRows: 0)).split(separator: "\n").map(String.init)
      lines[3] = lines[3].replacingOccurrences(of: "\t", with: "\tabc\t", options: [], range: lines[3].range(of: "\t"))

      let run = runScore(["--model", modelPath], standardInput: lines.joined(separator: "\n") + "\n", chunkSize: 5)

      #expect(run.status == 1)
      #expect(run.error.contains("Line 4, column 2 of standard input is \"abc\", which is not a number"), "stderr: \(run.error)")
      #expect(try scoreLines(run.output).count == 3)
    }
  }

  @Test("row with the wrong number of values exits 1 naming the line")
  func wrongValueCount() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      let rows = unlabelledRows(SyntheticBeats.text(normalRows: 2, abnormalRows: 0)) + "0.1\t0.2\n"

      let run = runScore(["--model", modelPath], standardInput: rows)

      #expect(run.status == 1)
      #expect(run.error.contains("Line 3 of standard input has 2 values, expected 20"), "stderr: \(run.error)")
    }
  }

  @Test("non-finite value exits 1 naming the line")
  func nonFiniteValue() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      let row = (["nan"] + Array(repeating: "0.5", count: SyntheticBeats.featureCount - 1)).joined(separator: ",")

      let run = runScore(["--model", modelPath], standardInput: "\n" + row + "\n")

      #expect(run.status == 1)
      #expect(run.error.contains("Line 2, column 1"), "stderr: \(run.error)")
      #expect(run.error.contains("not a finite"))
    }
  }

  @Test("JSON format writes one object per line")
  func jsonLines() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      let rows = unlabelledRows(SyntheticBeats.text(normalRows: 2, abnormalRows: 1))

      let run = runScore(["--model", modelPath, "--format", "json"], standardInput: rows)
      let objects = try run.output.split(separator: "\n").map { try jsonObject(String($0)) }

      #expect(run.status == 0)
      #expect(objects.count == 3)
      #expect(objects.map { $0["row"] as? Int } == [1, 2, 3])
      #expect(objects.allSatisfy { $0["error"] is Double })
      #expect(objects.allSatisfy { $0["verdict"] is String })
    }
  }

  @Test("model without threshold needs one on the command line")
  func noThreshold() throws {
    try withTemporaryFolder { folder in
      let architecture = Architecture(inputSize: 2, encoderUnits: [], latentSize: 1, outputActivation: .linear)
      let modelPath = folder.appendingPathComponent("model.json").path
      try ModelFile(model: Autoencoder(architecture: architecture, seed: 1), scaler: nil, threshold: nil, normalLabels: ["1"])
        .save(to: modelPath)

      let without = runScore(["--model", modelPath], standardInput: "0.1,0.2\n")
      let with = runScore(["--model", modelPath, "--threshold", "fixed:0"], standardInput: "0.1,0.2\n")

      #expect(without.status == 1)
      #expect(without.error.contains("has no threshold"))
      #expect(with.status == 0, "stderr: \(with.error)")
      #expect(try scoreLines(with.output).map(\.verdict) == ["abnormal"])
    }
  }

  @Test("usage errors exit 2", arguments: [
    ["--input", "rows.tsv"], ["--model", "m.json", "--format", "xml"], ["--model", "m.json", "--threshold", "max-f1"],
    ["--model", "m.json", "--tfjs", "dir"], ["--model", "m.json", "--bogus"],
  ])
  func usageErrors(_ arguments: [String]) {
    let run = runScore(arguments)

    #expect(run.status == 2)
    #expect(run.error.hasPrefix("anomagram score: "))
    #expect(run.output.isEmpty)
  }

  @Test("missing input file exits 1 naming it")
  func missingInputFile() throws {
    try withTemporaryFolder { folder in
      let (_, modelPath) = try trainSyntheticModel(in: folder)
      let path = folder.appendingPathComponent("absent.tsv").path

      let run = runScore(["--model", modelPath, "--input", path])

      #expect(run.status == 1)
      #expect(run.error.contains(path))
      #expect(run.error.contains("does not exist"))
    }
  }

  @Test("anomagram dispatches score")
  func dispatch() {
    let run = runCapturing { Anomagram.run(arguments: ["score", "--help"], console: $0) }

    #expect(run.status == 0)
    #expect(run.output == ScoreCommand.helpText)
  }
}
