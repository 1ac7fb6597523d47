import Testing

@testable import AnomagramCore

/// Evaluations of one tiny untrained model under different epoch numbers:
/// the history only looks at the epoch numbers.
private func evaluations(epochs: ClosedRange<Int>) throws -> [EpochEvaluation] {
  var rows: [[Float]] = []
  var labels: [String] = []
  for index in 0..<20 {
    rows.append((0..<4).map { Float(($0 + index) % 5) / 5 })
    labels.append(index < 14 ? "1" : "2")
  }
  let pool = Dataset(values: Matrix(rowArrays: rows), labels: labels, source: "ramps")
  let split = try DataSplit.make(pool: pool, configuration: SplitConfiguration(trainSize: 8, testSize: 8, seed: 1))
  let model = Autoencoder(architecture: Architecture(inputSize: 4, encoderUnits: [], latentSize: 2), seed: 1)
  return try epochs.map { epoch in try #require(EpochEvaluation(epoch: epoch, model: model, split: split)) }
}

@Suite("EvaluationHistory")
struct EvaluationHistoryTests {
  @Test("keeps every epoch below capacity")
  func keepsAllBelowCapacity() throws {
    var history = EvaluationHistory(capacity: 10)
    for evaluation in try evaluations(epochs: 0...9) { history.append(evaluation) }

    #expect(history.evaluations.map(\.epoch) == Array(0...9))
  }

  @Test("thins to every second epoch when full")
  func thinsWhenFull() throws {
    var history = EvaluationHistory(capacity: 5)
    for evaluation in try evaluations(epochs: 0...5) { history.append(evaluation) }

    // Full at epochs 0-4; appending 5 keeps indices 0, 2 and 4 (the last), then adds 5.
    #expect(history.evaluations.map(\.epoch) == [0, 2, 4, 5])
  }

  @Test("never exceeds capacity and keeps first and newest")
  func boundedOverLongRun() throws {
    var history = EvaluationHistory(capacity: 7)
    for evaluation in try evaluations(epochs: 0...200) {
      history.append(evaluation)
      #expect(history.evaluations.count <= 7)
      #expect(history.evaluations.first?.epoch == 0)
      #expect(history.evaluations.last?.epoch == evaluation.epoch)
    }
    let epochs = history.evaluations.map(\.epoch)
    #expect(epochs == epochs.sorted())
  }

  @Test("nearest finds the closest stored epoch")
  func nearestEpoch() throws {
    var history = EvaluationHistory(capacity: 5)
    for evaluation in try evaluations(epochs: 0...5) { history.append(evaluation) }

    // Stored: 0, 2, 4, 5.
    #expect(history.nearest(toEpoch: 3)?.epoch == 2)
    #expect(history.nearest(toEpoch: 1)?.epoch == 0)
    #expect(history.nearest(toEpoch: 40)?.epoch == 5)
  }

  @Test(
    "capacity follows the split size",
    arguments: [
      // 4 bytes per error and 40 per ROC point: 4 * 3,000 + 40 * 1,001 = 52,040 bytes.
      (trainRows: 2_000, testRows: 1_000, capacity: 400),
      // 4 * 60,000 + 40 * 43,001 = 1,960,040 bytes, so 67,108,864 / 1,960,040 = 34.
      (trainRows: 17_000, testRows: 43_000, capacity: 34),
      // One evaluation is larger than the budget: the floor of 3 applies.
      (trainRows: 1_000_000, testRows: 1_000_000, capacity: 3),
    ])
  func capacityFollowsSize(trainRows: Int, testRows: Int, capacity: Int) {
    #expect(MemoryLayout<ROCPoint>.stride == 40)
    #expect(EvaluationHistory.capacity(trainRows: trainRows, testRows: testRows) == capacity)
  }
}
