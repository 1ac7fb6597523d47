import Foundation
import Testing

@testable import AnomagramCore

/// Builds a pool whose row `i` is `[i, -i]`, with the given labels in order,
/// so that every row is unique and its values give back its row number.
private func syntheticPool(_ classCounts: [(label: String, count: Int)], source: String = "pool") -> Dataset {
  let labels = classCounts.flatMap { Array(repeating: $0.label, count: $0.count) }
  let rows = labels.indices.map { [Float($0), -Float($0)] }
  return Dataset(values: Matrix(rowArrays: rows), labels: labels, source: source)
}

/// 60 normal rows (label 1) and 40 abnormal rows in classes 2, 3 and 4.
private let mixedPool = syntheticPool([("1", 60), ("2", 20), ("3", 15), ("4", 5)])

private func labelCounts(_ labels: [String]) -> [String: Int] {
  Dictionary(labels.map { ($0, 1) }, uniquingKeysWith: +)
}

/// A configuration that breaks one rule, the error it must raise and a piece of its message.
private struct InvalidConfiguration: CustomTestStringConvertible, Sendable {
  let name: String
  let configuration: SplitConfiguration
  let error: DataError
  let messageFragment: String

  var testDescription: String { name }
}

private func bundledFile(_ name: String) -> String {
  var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
    precondition(directory.path != "/", "No Package.swift above \(#filePath)")
    directory.deleteLastPathComponent()
  }
  return directory.appendingPathComponent("Data/ecg5000/\(name)").path
}

@Suite("DataSplit")
struct DataSplitTests {
  // MARK: - Sizes and shares

  @Test("training size and abnormal share")
  func trainingSizeAndShare() throws {
    let configuration = SplitConfiguration(trainSize: 40, testSize: 20, abnormalShare: 0.25, seed: 7)

    let split = try DataSplit.make(pool: mixedPool, configuration: configuration)

    #expect(split.train.rows == 40)
    #expect(split.trainLabels.count == 40)
    #expect(split.trainIsAbnormal.filter { $0 }.count == 10)
    #expect(split.trainLabels.filter { $0 == "1" }.count == 30)
    #expect(split.trainIsAbnormal == split.trainLabels.map { $0 != "1" })
    #expect(split.test.rows == 20)
    #expect(split.rawTest.rows == 20)
    #expect(split.featureCount == 2)
    #expect(split.warnings.isEmpty)
  }

  @Test("abnormal count rounds halves up")
  func abnormalCountRounding() throws {
    let configuration = SplitConfiguration(trainSize: 5, testSize: 5, abnormalShare: 0.5)

    let split = try DataSplit.make(pool: mixedPool, configuration: configuration)

    #expect(split.trainIsAbnormal.filter { $0 }.count == 3)
    #expect(split.trainIsAbnormal.filter { !$0 }.count == 2)
  }

  @Test("share 0 draws only normal rows")
  func onlyNormalRows() throws {
    let configuration = SplitConfiguration(trainSize: 50, testSize: 10, seed: 3)

    let split = try DataSplit.make(pool: mixedPool, configuration: configuration)

    #expect(split.trainLabels == Array(repeating: "1", count: 50))
  }

  @Test("normal labels compared canonically")
  func canonicalNormalLabels() throws {
    let written = SplitConfiguration(trainSize: 10, testSize: 10, normalLabels: ["1.0000000e+00"], seed: 5)
    let canonical = SplitConfiguration(trainSize: 10, testSize: 10, normalLabels: ["1"], seed: 5)

    let split = try DataSplit.make(pool: mixedPool, configuration: written)

    #expect(split == (try DataSplit.make(pool: mixedPool, configuration: canonical)))
    #expect(split.trainLabels.allSatisfy { $0 == "1" })
  }

  @Test("several normal labels")
  func severalNormalLabels() throws {
    let configuration = SplitConfiguration(trainSize: 70, testSize: 10, normalLabels: ["1", "2"], seed: 9)

    let split = try DataSplit.make(pool: mixedPool, configuration: configuration)

    #expect(Set(split.trainLabels) == ["1", "2"])
    #expect(split.trainIsAbnormal.allSatisfy { !$0 })
    #expect(split.testIsAbnormal == split.testLabels.map { $0 != "1" && $0 != "2" })
  }

  // MARK: - Rows

  @Test("train and test share no row")
  func disjointRows() throws {
    let configuration = SplitConfiguration(trainSize: 50, testSize: 50, abnormalShare: 0.2, seed: 11)

    let split = try DataSplit.make(pool: mixedPool, configuration: configuration)

    #expect(Set(split.trainIndices).isDisjoint(with: split.testIndices))
    #expect(Set(split.trainIndices).count == split.trainIndices.count)
    #expect(Set(split.testIndices).count == split.testIndices.count)
    // Row i of the pool starts with the value i, so the raw test rows show where they came from.
    #expect(split.rawTest == mixedPool.values.selectingRows(split.testIndices))
    #expect((0..<split.rawTest.rows).map { Int(split.rawTest[$0, 0]) } == split.testIndices)
    #expect(split.trainLabels == split.trainIndices.map { mixedPool.labels[$0] })
    #expect(split.testLabels == split.testIndices.map { mixedPool.labels[$0] })
  }

  @Test("rows keep their original order")
  func ascendingOrder() throws {
    let configuration = SplitConfiguration(trainSize: 30, testSize: 30, abnormalShare: 0.5, seed: 13)

    let split = try DataSplit.make(pool: mixedPool, configuration: configuration)

    #expect(split.trainIndices == split.trainIndices.sorted())
    #expect(split.testIndices == split.testIndices.sorted())
  }

  // MARK: - Stratification

  @Test("test set stratified by class")
  func stratifiedTestSet() throws {
    // Shares of 7 test rows: 4.2, 1.4, 1.05 and 0.35. The floors 4, 1, 1, 0
    // leave one row, which goes to class 2 with the largest remainder (0.4).
    let configuration = SplitConfiguration(trainSize: 10, testSize: 7, seed: 17)

    let split = try DataSplit.make(pool: mixedPool, configuration: configuration)

    #expect(labelCounts(split.testLabels) == ["1": 4, "2": 2, "3": 1])
  }

  @Test("test shares use whole pool")
  func stratifiedOverWholePool() throws {
    // The pool is 60% normal, so 12 of 20 test rows are normal. Training
    // and test request 50 + 12 of the 60 normal rows, so training keeps
    // round(60 * 12 / 62) = 12 back and takes 48.
    let configuration = SplitConfiguration(trainSize: 50, testSize: 20, seed: 19)

    let split = try DataSplit.make(pool: mixedPool, configuration: configuration)

    #expect(labelCounts(split.testLabels) == ["1": 12, "2": 4, "3": 3, "4": 1])
    #expect(split.train.rows == 48)
    #expect(
      split.warnings == [
        "Training uses 48 normal rows instead of the requested 50, because the data has only 60 rows "
          + "labelled 1, and 12 are kept for the test set."
      ])
  }

  @Test(
    "largest-remainder quotas",
    arguments: [
      (total: 7, weights: [60, 20, 15, 5], quotas: [4, 2, 1, 0]),
      (total: 20, weights: [60, 20, 15, 5], quotas: [12, 4, 3, 1]),
      (total: 2, weights: [1, 1, 1], quotas: [1, 1, 0]),
      (total: 10, weights: [2919, 1767, 96, 194, 24], quotas: [6, 4, 0, 0, 0]),
      (total: 5, weights: [0, 3], quotas: [0, 5]),
      (total: 4, weights: [0, 0], quotas: [0, 0]),
      (total: Int.max, weights: [3, 1], quotas: [Int.max / 4 * 3 + 2, Int.max / 4 + 1]),
    ])
  func largestRemainderQuotas(total: Int, weights: [Int], quotas: [Int]) {
    #expect(DataSplit.largestRemainderQuotas(total: total, weights: weights) == quotas)
  }

  // MARK: - Determinism

  @Test("same seed gives the same split")
  func sameSeed() throws {
    let configuration = SplitConfiguration(trainSize: 30, testSize: 30, abnormalShare: 0.3, seed: 21)

    let first = try DataSplit.make(pool: mixedPool, configuration: configuration)
    let second = try DataSplit.make(pool: mixedPool, configuration: configuration)

    #expect(first == second)
    #expect(first.train.elements.map(\.bitPattern) == second.train.elements.map(\.bitPattern))
  }

  @Test("different seeds give different splits")
  func differentSeeds() throws {
    var configuration = SplitConfiguration(trainSize: 30, testSize: 30, abnormalShare: 0.3, seed: 21)
    let first = try DataSplit.make(pool: mixedPool, configuration: configuration)
    configuration.seed = 22

    let second = try DataSplit.make(pool: mixedPool, configuration: configuration)

    #expect(first.trainIndices != second.trainIndices)
    #expect(first.testIndices != second.testIndices)
  }

  // MARK: - Short data

  @Test("short training data warns")
  func shortTrainingData() throws {
    // The test quotas of 5 rows over classes of 10 and 5 rows are 3 and 2.
    // Normal rows: 15 + 3 requested of 10, so round(10 * 3 / 18) = 2 stay
    // for the test set. Abnormal rows: 15 + 2 of 5, so round(5 * 2 / 17) = 1.
    let pool = syntheticPool([("1", 10), ("2", 5)])
    let configuration = SplitConfiguration(trainSize: 30, testSize: 5, abnormalShare: 0.5)

    let split = try DataSplit.make(pool: pool, configuration: configuration)

    #expect(split.train.rows == 12)
    #expect(labelCounts(split.testLabels) == ["1": 2, "2": 1])
    #expect(
      split.warnings == [
        "Training uses 8 normal rows instead of the requested 15, because the data has only 10 rows "
          + "labelled 1, and 2 are kept for the test set.",
        "Training uses 4 abnormal rows instead of the requested 15, because the data has only 5 abnormal "
          + "rows, and 1 is kept for the test set.",
        "The test set has 2 rows of class 1 instead of 3, because only 2 are left after drawing the training rows.",
        "The test set has 1 row of class 2 instead of 2, because only 1 is left after drawing the training rows.",
        "The test set has 3 rows instead of the requested 5.",
      ])
  }

  @Test("one normal row stays in training")
  func oneNormalRow() throws {
    let pool = syntheticPool([("1", 1), ("2", 5)])

    let split = try DataSplit.make(pool: pool, configuration: SplitConfiguration(trainSize: 10, testSize: 6))

    #expect(labelCounts(split.trainLabels) == ["1": 1])
    #expect(labelCounts(split.testLabels) == ["2": 5])
  }

  @Test(
    "training share of a short class",
    arguments: [
      (available: 100, requested: 50, reserved: 50, minimum: 1, share: 50),
      (available: 100, requested: 60, reserved: 50, minimum: 1, share: 55),
      (available: 10, requested: 30, reserved: 0, minimum: 1, share: 10),
      (available: 2, requested: 5, reserved: 5, minimum: 1, share: 1),
      (available: 1, requested: 5, reserved: 5, minimum: 1, share: 1),
      (available: 1, requested: 5, reserved: 5, minimum: 0, share: 0),
      (available: 0, requested: 5, reserved: 5, minimum: 1, share: 0),
    ])
  func trainingShare(available: Int, requested: Int, reserved: Int, minimum: Int, share: Int) {
    #expect(
      DataSplit.trainingShare(available: available, requested: requested, reserved: reserved, minimum: minimum)
        == share)
  }

  @Test("short test class warns")
  func shortTestClass() throws {
    let pool = syntheticPool([("1", 10), ("2", 5)])
    let configuration = SplitConfiguration(trainSize: 8, testSize: 15)

    let split = try DataSplit.make(pool: pool, configuration: configuration)

    // Training and test request 8 + 10 of the 10 normal rows, so training
    // keeps round(10 * 10 / 18) = 6 back and takes 4.
    #expect(labelCounts(split.testLabels) == ["1": 6, "2": 5])
    #expect(
      split.warnings == [
        "Training uses 4 normal rows instead of the requested 8, because the data has only 10 rows labelled 1, "
          + "and 6 are kept for the test set.",
        "The test set has 6 rows of class 1 instead of 10, because only 6 are left after drawing the training rows.",
        "The test set has 11 rows instead of the requested 15.",
      ])
  }

  // MARK: - Two files

  @Test("two-file split uses both files")
  func twoFiles() throws {
    let trainData = syntheticPool([("1", 30), ("2", 10)], source: "train.tsv")
    let testData = syntheticPool([("1", 10), ("2", 6), ("3", 4)], source: "test.tsv")
    let configuration = SplitConfiguration(trainSize: 20, testSize: 10, abnormalShare: 0.1, seed: 23)

    let split = try DataSplit.make(train: trainData, test: testData, configuration: configuration)

    #expect(split.trainLabels == split.trainIndices.map { trainData.labels[$0] })
    #expect(split.rawTest == testData.values.selectingRows(split.testIndices))
    #expect(labelCounts(split.testLabels) == ["1": 5, "2": 3, "3": 2])
    #expect(split.scaler == MinMaxScaler.fit(trainData.values.selectingRows(split.trainIndices)))
    #expect(split.warnings.isEmpty)
  }

  @Test("two-file split without test normals")
  func testFileWithoutNormalRows() throws {
    let trainData = syntheticPool([("1", 30)], source: "train.tsv")
    let testData = syntheticPool([("2", 6)], source: "test.tsv")
    let configuration = SplitConfiguration(trainSize: 10, testSize: 3)

    let split = try DataSplit.make(train: trainData, test: testData, configuration: configuration)

    #expect(split.warnings == ["The test data \"test.tsv\" has no rows labelled 1, so every test row is abnormal."])
    #expect(split.testIsAbnormal == [true, true, true])
  }

  @Test("two-file split rejects different feature counts")
  func featureCountMismatch() {
    let trainData = syntheticPool([("1", 5)], source: "train.tsv")
    let testData = Dataset(values: Matrix(rowArrays: [[1, 2, 3]]), labels: ["1"], source: "test.tsv")

    let error = #expect(throws: DataError.self) {
      try DataSplit.make(
        train: trainData, test: testData, configuration: SplitConfiguration(trainSize: 2, testSize: 1))
    }

    #expect(
      error
        == .featureCountMismatch(trainSource: "train.tsv", trainFeatures: 2, testSource: "test.tsv", testFeatures: 3))
    #expect(error?.description.contains("\"train.tsv\" has 2 values per row") == true)
  }

  // MARK: - Scaling

  @Test("scaler is fitted on training rows only")
  func scalerFittedOnTraining() throws {
    // The abnormal rows contain extreme values, and with share 0 none is in training.
    var pool = syntheticPool([("1", 20), ("2", 5)])
    for row in 20..<25 {
      pool.values[row, 0] = 1000
      pool.values[row, 1] = -1000
    }
    let configuration = SplitConfiguration(trainSize: 10, testSize: 10, seed: 29)

    let split = try DataSplit.make(pool: pool, configuration: configuration)

    let rawTrain = pool.values.selectingRows(split.trainIndices)
    #expect(split.scaler == MinMaxScaler.fit(rawTrain))
    #expect(split.train == split.scaler.transform(rawTrain))
    #expect(split.test == split.scaler.transform(split.rawTest))
    #expect(split.scaler.maximums[0] < 20)
    #expect(split.test.elements.contains { $0 > 1 })
    #expect(split.test.elements.contains { $0 < 0 })
  }

  // MARK: - Rejected configurations

  private static let invalidConfigurations: [InvalidConfiguration] = [
    InvalidConfiguration(
      name: "training size 0", configuration: SplitConfiguration(trainSize: 0, testSize: 5),
      error: .invalidTrainSize(0), messageFragment: "training size must be at least 1, got 0"),
    InvalidConfiguration(
      name: "negative test size", configuration: SplitConfiguration(trainSize: 5, testSize: -3),
      error: .invalidTestSize(-3), messageFragment: "test size must be at least 1, got -3"),
    InvalidConfiguration(
      name: "abnormal share above 0.9",
      configuration: SplitConfiguration(trainSize: 5, testSize: 5, abnormalShare: 0.95),
      error: .invalidAbnormalShare(0.95), messageFragment: "between 0 and 0.9, got 0.95"),
    InvalidConfiguration(
      name: "negative abnormal share",
      configuration: SplitConfiguration(trainSize: 5, testSize: 5, abnormalShare: -0.1),
      error: .invalidAbnormalShare(-0.1), messageFragment: "got -0.1"),
    InvalidConfiguration(
      name: "normal label absent",
      configuration: SplitConfiguration(trainSize: 5, testSize: 5, normalLabels: ["7"]),
      error: .normalLabelsMissing(normalLabels: ["7"], presentLabels: ["1", "2", "3", "4"], source: "pool"),
      messageFragment: "label 7. Choose the normal labels from those present: 1, 2, 3, 4."),
    InvalidConfiguration(
      name: "no normal labels",
      configuration: SplitConfiguration(trainSize: 5, testSize: 5, normalLabels: []),
      error: .normalLabelsMissing(normalLabels: [], presentLabels: ["1", "2", "3", "4"], source: "pool"),
      messageFragment: "No normal label is set"),
    InvalidConfiguration(
      name: "one row at share 0.9",
      configuration: SplitConfiguration(trainSize: 1, testSize: 5, abnormalShare: 0.9),
      error: .noNormalTrainingRows(trainSize: 1, abnormalShare: 0.9),
      messageFragment: "training size of 1 and an abnormal share of 0.9, the training set has no normal rows"),
  ]

  @Test("rejects configuration", arguments: invalidConfigurations)
  fileprivate func rejectsConfiguration(_ invalid: InvalidConfiguration) {
    let error = #expect(throws: DataError.self) {
      try DataSplit.make(pool: mixedPool, configuration: invalid.configuration)
    }

    #expect(error == invalid.error)
    #expect(error?.description.contains(invalid.messageFragment) == true, "message: \(error?.description ?? "")")
  }

  @Test("rejects a NaN abnormal share")
  func rejectsNaNShare() {
    let configuration = SplitConfiguration(trainSize: 5, testSize: 5, abnormalShare: .nan)

    let error = #expect(throws: DataError.self) {
      try DataSplit.make(pool: mixedPool, configuration: configuration)
    }

    // NaN is not equal to itself, so match the case instead of comparing errors.
    guard case .invalidAbnormalShare(let share) = error else {
      Issue.record("expected invalidAbnormalShare, got \(String(describing: error))")
      return
    }
    #expect(share.isNaN)
  }

  @Test("labels in the message sort by number")
  func labelsSortNumerically() {
    let pool = syntheticPool([("10", 2), ("2", 2), ("1", 2)])

    let error = #expect(throws: DataError.self) {
      try DataSplit.make(pool: pool, configuration: SplitConfiguration(trainSize: 2, testSize: 2, normalLabels: ["0"]))
    }

    #expect(error == .normalLabelsMissing(normalLabels: ["0"], presentLabels: ["1", "2", "10"], source: "pool"))
  }

  // MARK: - Configuration

  @Test("configuration encodes sorted labels")
  func configurationEncoding() throws {
    let configuration = SplitConfiguration(
      trainSize: 100, testSize: 50, abnormalShare: 0.1, normalLabels: ["3", "10", "1"], seed: 99)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys

    let json = String(decoding: try encoder.encode(configuration), as: UTF8.self)
    let decoded = try JSONDecoder().decode(SplitConfiguration.self, from: Data(json.utf8))

    #expect(json.contains(#""normalLabels":["1","3","10"]"#))
    #expect(decoded == configuration)
  }

  // MARK: - Bundled data

  @Test("splits the bundled ECG5000 files")
  func bundledFiles() throws {
    let trainData = try DataFileReader.load(path: bundledFile("ECG5000_TRAIN.tsv"))
    let testData = try DataFileReader.load(path: bundledFile("ECG5000_TEST.tsv"))
    let configuration = SplitConfiguration(trainSize: 2500, testSize: 500, abnormalShare: 0.05, seed: 1)

    let split = try DataSplit.make(pool: trainData.appending(testData), configuration: configuration)

    #expect(split.train.rows == 2500)
    #expect(split.featureCount == 140)
    #expect(split.trainIsAbnormal.filter { $0 }.count == 125)
    // 500 test rows over classes of 2919, 1767, 96, 194 and 24 rows out of 5000.
    #expect(labelCounts(split.testLabels) == ["1": 292, "2": 177, "3": 10, "4": 19, "5": 2])
    #expect(split.train.elements.allSatisfy { (0...1).contains($0) })
    #expect(split.warnings.isEmpty)
  }
}
