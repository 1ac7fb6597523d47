import Testing

@testable import AnomagramCore

@Suite("TrainingSnapshot")
struct TrainingSnapshotTests {
  /// 30 rows of 6 values: rising ramps labelled 1 and falling ones labelled 2.
  private func makeSplit() throws -> DataSplit {
    var rows: [[Float]] = []
    var labels: [String] = []
    for index in 0..<30 {
      let isAbnormal = index >= 20
      rows.append((0..<6).map { Float(isAbnormal ? 6 - $0 : $0) + Float(index % 4) / 10 })
      labels.append(isAbnormal ? "2" : "1")
    }
    let pool = Dataset(values: Matrix(rowArrays: rows), labels: labels, source: "ramps")
    return try DataSplit.make(pool: pool, configuration: SplitConfiguration(trainSize: 10, testSize: 15, seed: 4))
  }

  @Test("evaluating a model gives a finished snapshot with its errors")
  func evaluatingModel() throws {
    let split = try makeSplit()
    let configuration = TrainingConfiguration(
      encoderUnits: [4], latentSize: 2, optimizer: OptimizerSettings(kind: .adam), epochs: 3, batchSize: 5, seed: 2)
    let model = Autoencoder(architecture: configuration.architecture(inputSize: 6), seed: 2)

    let snapshot = try #require(TrainingSnapshot.evaluating(model, on: split, configuration: configuration))

    #expect(snapshot.status == .finished)
    #expect(snapshot.history.isEmpty)
    #expect(snapshot.model == model)
    let errors = ReconstructionError.perSample(input: split.test, reconstruction: model.reconstruct(split.test))
    #expect(snapshot.evaluation?.testErrors == errors)
    #expect(snapshot.evaluation?.auc == ROCCurve(errors: errors, isAbnormal: split.testIsAbnormal).auc)
    #expect(snapshot.evaluationHistory.evaluations.count == 1)
    #expect(snapshot.baselineAUC != nil)
  }

  @Test("evaluating a model with NaN weights gives nil")
  func evaluatingBrokenModel() throws {
    let split = try makeSplit()
    let configuration = TrainingConfiguration(
      encoderUnits: [], latentSize: 2, optimizer: OptimizerSettings(kind: .adam), epochs: 1, batchSize: 5, seed: 2)
    let architecture = configuration.architecture(inputSize: 6)
    let model = Autoencoder(
      architecture: architecture, parameters: [Float](repeating: .nan, count: architecture.parameterCount))

    #expect(TrainingSnapshot.evaluating(model, on: split, configuration: configuration) == nil)
  }
}
