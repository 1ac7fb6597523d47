import Foundation
import Testing

@testable import AnomagramCLI

/// Runs `anomagram benchmark` with `arguments`.
private func runBenchmark(_ arguments: [String]) -> CommandRun {
  runCapturing { BenchmarkCommand.run(arguments: arguments, console: $0) }
}

@Suite("BenchmarkCommand", .timeLimit(.minutes(1)))
struct BenchmarkCommandTests {
  @Test(
    "usage error exits 2 naming the option",
    arguments: [
      (["--epochs", "0"], "--epochs"), (["--warmup", "-1"], "--warmup"), (["--speed"], "--speed"),
      (["--data"], "--data"),
    ])
  func usageError(_ arguments: [String], _ option: String) {
    let run = runBenchmark(arguments)

    #expect(run.status == 2)
    #expect(run.error.hasPrefix("anomagram benchmark: "))
    #expect(run.error.contains(option))
    #expect(run.output.isEmpty)
  }

  @Test("JSON lists both models")
  func jsonResults() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let run = runBenchmark(["--data", path, "--epochs", "2", "--warmup", "1", "--json"])
      let results = try #require(
        try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])

      #expect(run.status == 0)
      #expect(results.compactMap { $0["model"] as? String } == ["small", "large"])
      #expect(results.compactMap { $0["architecture"] as? String } == ["20-7-3-2-3-7-20", "20-64-32-8-32-64-20"])
      for result in results {
        // Only the 80 rows labelled 1 are timed.
        #expect(result["rows"] as? Int == 80)
        #expect(result["measuredEpochs"] as? Int == 2)
        #expect(result["warmupEpochs"] as? Int == 1)
        let minimum = try #require(result["minimumSamplesPerSecond"] as? Double)
        let median = try #require(result["medianSamplesPerSecond"] as? Double)
        let maximum = try #require(result["maximumSamplesPerSecond"] as? Double)
        #expect(minimum > 0)
        #expect(minimum <= median)
        #expect(median <= maximum)
      }
    }
  }

  @Test("text output has one line per model")
  func textResults() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let run = runBenchmark(["--data", path, "--epochs", "1", "--warmup", "0"])
      let lines = run.output.split(separator: "\n")

      #expect(run.status == 0)
      #expect(lines.count == 2)
      #expect(lines.first?.hasPrefix("small  20-7-3-2-3-7-20 batch 512: ") == true)
      #expect(lines.last?.hasPrefix("large  20-64-32-8-32-64-20 batch 256: ") == true)
    }
  }

  @Test("data without label 1 exits 1")
  func noNormalRows() throws {
    try withTemporaryFolder { folder in
      let path = try writeFile(
        SyntheticBeats.text(normalRows: 5, abnormalRows: 0, normalLabel: "2"), named: "other.tsv", in: folder)

      let run = runBenchmark(["--data", path])

      #expect(run.status == 1)
      #expect(run.error.contains(path))
      #expect(run.error.contains("no rows with label 1"))
      #expect(run.output.isEmpty)
    }
  }
}
