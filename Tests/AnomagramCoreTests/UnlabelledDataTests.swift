import Foundation
import Testing

@testable import AnomagramCore

/// `count` rows of 8 values, each row `row + column / 8`, so that every row
/// differs and row numbers can be read back from the values.
private func rampRows(_ count: Int, offset: Int = 0) -> Matrix {
  Matrix(rowArrays: (0..<count).map { row in (0..<8).map { Float(row + offset) + Float($0) / 8 } })
}

private func unlabelled(_ count: Int, source: String = "plain.csv") -> Dataset {
  Dataset(unlabelled: rampRows(count), source: source)
}

/// 30 rows labelled 1 and 10 rows labelled 2.
private func labelled(source: String = "labelled.csv") -> Dataset {
  Dataset(values: rampRows(40, offset: 100), labels: Array(repeating: "1", count: 30) + Array(repeating: "2", count: 10),
    source: source)
}

@Suite("DataSplit with unlabelled data")
struct UnlabelledSplitTests {
  @Test("pool split counts rows normal")
  func poolSplitCountsRowsNormal() throws {
    // The normal label 9 occurs nowhere, which must not matter without labels.
    let configuration = SplitConfiguration(trainSize: 30, testSize: 10, normalLabels: ["9"], seed: 4)

    let split = try DataSplit.make(pool: unlabelled(50), configuration: configuration)

    #expect(!split.trainIsLabelled)
    #expect(!split.testIsLabelled)
    #expect(split.train.rows == 30)
    #expect(split.test.rows == 10)
    #expect(split.trainIsAbnormal == Array(repeating: false, count: 30))
    #expect(split.testIsAbnormal == Array(repeating: false, count: 10))
    #expect(Set(split.trainLabels + split.testLabels) == [ClassLabel.unlabelled])
    #expect(Set(split.trainIndices).isDisjoint(with: split.testIndices))
  }

  @Test("pool split warns about unlabelled tests")
  func poolSplitWarns() throws {
    let split = try DataSplit.make(pool: unlabelled(50), configuration: SplitConfiguration(trainSize: 30, testSize: 10))

    #expect(split.warnings.count == 1)
    #expect(split.warnings.first?.contains("test rows are unlabelled") == true)
    #expect(split.warnings.first?.contains("no ROC curve or AUC") == true)
  }

  @Test("test rows exclude training rows")
  func testRowsFromRemainingRows() throws {
    // 15 + 10 rows requested of 20, so training keeps round(20 * 10 / 25) = 8 back.
    let split = try DataSplit.make(pool: unlabelled(20), configuration: SplitConfiguration(trainSize: 15, testSize: 10))

    #expect(split.train.rows == 12)
    #expect(split.test.rows == 8)
    #expect(Set(split.trainIndices + split.testIndices) == Set(0..<20))
    #expect(split.warnings.contains { $0.contains("8 rows instead of the requested 10") })
  }

  @Test("short data warns without labels")
  func shortDataWarns() throws {
    let split = try DataSplit.make(pool: unlabelled(10), configuration: SplitConfiguration(trainSize: 20, testSize: 5))

    // 20 + 5 rows requested of 10, so training keeps round(10 * 5 / 25) = 2 back.
    #expect(split.train.rows == 8)
    #expect(split.warnings.contains { $0.contains("only 10 rows, all unlabelled and counted as normal") })
  }

  @Test("abnormal share above 0 rejected")
  func rejectsAbnormalShare() {
    let configuration = SplitConfiguration(trainSize: 30, testSize: 10, abnormalShare: 0.1)

    let error = #expect(throws: DataError.self) {
      try DataSplit.make(pool: unlabelled(50), configuration: configuration)
    }

    #expect(error == .abnormalShareNeedsLabels(abnormalShare: 0.1, source: "plain.csv"))
    #expect(error?.description.contains("\"plain.csv\" is unlabelled") == true)
    #expect(error?.description.contains("abnormal share of 0") == true)
  }

  @Test("empty unlabelled data is rejected")
  func rejectsEmptyData() {
    let empty = Dataset(unlabelled: Matrix(rows: 0, columns: 8), source: "empty.csv")

    let error = #expect(throws: DataError.self) {
      try DataSplit.make(pool: empty, configuration: SplitConfiguration(trainSize: 5, testSize: 5))
    }

    #expect(error == .noDataRows(file: "empty.csv"))
  }

  @Test("unlabelled training, labelled test file")
  func unlabelledTrainLabelledTest() throws {
    let split = try DataSplit.make(
      train: unlabelled(30), test: labelled(), configuration: SplitConfiguration(trainSize: 20, testSize: 40))

    #expect(!split.trainIsLabelled)
    #expect(split.testIsLabelled)
    #expect(split.trainIsAbnormal == Array(repeating: false, count: 20))
    #expect(split.testIsAbnormal.filter { $0 }.count == 10)
    #expect(split.warnings.isEmpty)
  }

  @Test("labelled training, unlabelled test file")
  func labelledTrainUnlabelledTest() throws {
    let split = try DataSplit.make(
      train: labelled(), test: unlabelled(12, source: "test.csv"),
      configuration: SplitConfiguration(trainSize: 20, testSize: 12))

    #expect(split.trainIsLabelled)
    #expect(!split.testIsLabelled)
    #expect(split.testIsAbnormal == Array(repeating: false, count: 12))
    // Without labels the test file cannot lack the normal label, so only the unlabelled note appears.
    #expect(split.warnings.count == 1)
    #expect(split.warnings.first?.contains("test rows are unlabelled") == true)
  }

  @Test("labelled pool split stays labelled")
  func labelledPoolStaysLabelled() throws {
    let split = try DataSplit.make(pool: labelled(), configuration: SplitConfiguration(trainSize: 20, testSize: 10))

    #expect(split.trainIsLabelled)
    #expect(split.testIsLabelled)
    #expect(split.warnings.isEmpty)
  }
}

@Suite("Dataset without labels")
struct UnlabelledDatasetTests {
  @Test("rows get the reserved label")
  func reservedLabel() {
    let dataset = Dataset(unlabelled: rampRows(3), source: "plain.csv", columnNames: (1...8).map { "t\($0)" })

    #expect(!dataset.isLabelled)
    #expect(dataset.labels == Array(repeating: ClassLabel.unlabelled, count: 3))
    #expect(dataset.labelName == nil)
    #expect(dataset.columnNames?.first == "t1")
  }

  @Test("appending unlabelled sets stays unlabelled")
  func appendingStaysUnlabelled() {
    let joined = unlabelled(3, source: "a.csv").appending(unlabelled(2, source: "b.csv"))

    #expect(!joined.isLabelled)
    #expect(joined.sampleCount == 5)
    #expect(joined.labels.count == 5)
    #expect(joined.source == "a.csv + b.csv")
  }
}

@Suite("TrainingSession on unlabelled data", .timeLimit(.minutes(1)))
struct UnlabelledSessionTests {
  @Test("session trains and reports no AUC")
  func sessionReportsNoAUC() throws {
    let split = try DataSplit.make(pool: unlabelled(60), configuration: SplitConfiguration(trainSize: 40, testSize: 20))
    let configuration = TrainingConfiguration(
      encoderUnits: [4], latentSize: 2, hiddenActivation: .tanh, outputActivation: .sigmoid,
      optimizer: OptimizerSettings(kind: .adam, learningRate: 0.01), epochs: 2, batchSize: 8, seed: 3)
    let session = TrainingSession(split: split, configuration: configuration)

    session.start()
    try #require(session.waitUntilEnded(timeout: 30), "The run did not end within 30 s")
    let snapshot = session.snapshot
    let evaluation = try #require(snapshot.evaluation)

    #expect(snapshot.status == .finished)
    #expect(snapshot.history.count == 2)
    #expect(evaluation.auc == nil)
    #expect(snapshot.baselineAUC == nil)
    #expect(evaluation.testErrors.count == 20)
    #expect(evaluation.trainErrors.count == 40)
    // Every test row counts as normal, so every one enters the validation loss.
    #expect(snapshot.history.last?.validationLoss != nil)
  }
}
