import Foundation
import Testing

@testable import AnomagramCLI
@testable import AnomagramCore

@Suite("ProgressPrinter", .timeLimit(.minutes(1)))
struct ProgressPrinterTests {
  // MARK: - Through the train command

  @Test("non-terminal stderr gets one line per epoch")
  func oneLinePerEpoch() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let run = runTrain(SyntheticBeats.smallRunArguments(data: path, epochs: 3))
      let lines = run.errorLines

      #expect(run.status == 0)
      #expect(lines.count == 3, "stderr: \(run.error)")
      for (index, line) in lines.enumerated() {
        #expect(line.hasPrefix("epoch \(index + 1)/3  loss "), "Line \(index + 1): \(line)")
        #expect(line.contains("  validation "))
        #expect(line.contains("  AUC "))
      }
      #expect(!run.error.contains("\r"))
    }
  }

  @Test("quiet run writes nothing to stderr")
  func quietRun() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let run = runTrain(SyntheticBeats.smallRunArguments(data: path) + ["--quiet"])

      #expect(run.status == 0)
      #expect(run.error.isEmpty)
    }
  }

  @Test("stdout contains only the JSON report")
  func stdoutHoldsJSONOnly() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let run = runTrain(SyntheticBeats.smallRunArguments(data: path) + ["--json"])

      #expect(run.status == 0)
      #expect(run.errorLines.count == 3)
      #expect(try jsonObject(run.output)["status"] as? String == "finished")
    }
  }

  @Test("stdout contains only the summary")
  func stdoutHoldsSummaryOnly() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let run = runTrain(SyntheticBeats.smallRunArguments(data: path))

      #expect(run.status == 0)
      #expect(run.output.hasPrefix("Model "))
      #expect(!run.output.contains("epoch 1/3"))
    }
  }

  @Test("terminal stderr gets a bar ended by a newline")
  func terminalBar() throws {
    try withTemporaryFolder { folder in
      let path = try SyntheticBeats.writeStandardFile(in: folder)

      let run = runTrain(SyntheticBeats.smallRunArguments(data: path), errorIsTerminal: true)

      #expect(run.status == 0)
      #expect(run.error.hasPrefix("\r\u{1B}[2K["))
      #expect(run.error.contains("] epoch 3/3"))
      #expect(run.error.hasSuffix("\n"))
      #expect(run.error.filter { $0 == "\n" }.count == 1)
      #expect(run.output.hasPrefix("Model "))
    }
  }

  // MARK: - Line format

  @Test("epoch line lists loss, validation and AUC")
  func epochLineWithEverything() {
    let summary = EpochSummary(epoch: 2, trainLoss: 0.5, validationLoss: 0.25, regularizationLoss: 0, seconds: 0.1)

    #expect(
      ProgressPrinter.epochLine(summary, of: 10, auc: 0.875)
        == "epoch 2/10  loss 0.50000  validation 0.25000  AUC 0.8750")
  }

  @Test("epoch line leaves out missing values")
  func epochLineWithLossOnly() {
    let summary = EpochSummary(epoch: 2, trainLoss: 0.5, validationLoss: nil, regularizationLoss: 0, seconds: 0.1)

    #expect(ProgressPrinter.epochLine(summary, of: 10, auc: nil) == "epoch 2/10  loss 0.50000")
  }
}
