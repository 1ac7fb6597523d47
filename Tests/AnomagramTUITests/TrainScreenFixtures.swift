import AnomagramCore
import Foundation

@testable import AnomagramTUI

/// Shared inputs of the Train screen's update and render tests: a small
/// synthetic data set, a real training run on it, and app states built from
/// them.
enum TrainScreenFixtures {
  /// Why a fixture run could not be built.
  struct FixtureError: Error, CustomStringConvertible {
    var description: String
  }

  static let featureCount = 24
  static let dataDescription = "synthetic waves: 200 rows of 24 values"

  /// 140 normal rows (label "1"): one period of a sine wave with random
  /// phase and an amplitude from 0.5 to 1. 60 abnormal rows (label "2"): three
  /// periods of a sine wave with the same spread of phase and amplitude,
  /// plus 0.3. 24 values per row.
  static let pool: Dataset = {
    var generator = SeededGenerator(seed: 11)
    var rows: [[Float]] = []
    var labels: [String] = []
    for index in 0..<200 {
      let isAbnormal = index >= 140
      let phase = 2 * Float.pi * generator.nextUnitFloat()
      let amplitude = 0.5 + 0.5 * generator.nextUnitFloat()
      let periods: Float = isAbnormal ? 3 : 1
      let offset: Float = isAbnormal ? 0.3 : 0
      let row = (0..<featureCount).map { column in
        amplitude * Foundation.sin(2 * Float.pi * periods * Float(column) / Float(featureCount) + phase) + offset
      }
      rows.append(row)
      labels.append(isAbnormal ? "2" : "1")
    }
    return Dataset(values: Matrix(rowArrays: rows), labels: labels, source: "synthetic waves")
  }()

  /// 80 normal training rows and 50 test rows stratified by the pool's
  /// class shares: 35 normal and 15 abnormal. 60 normal rows are left
  /// after training takes 80, so the split needs no warnings.
  static let splitConfiguration = SplitConfiguration(trainSize: 80, testSize: 50, abnormalShare: 0, seed: 7)

  /// A 24-12-6-3-6-12-24 network, relu then sigmoid, trained by Adam at
  /// 0.01 for 5 epochs in batches of 16, so 5 batches an epoch.
  static let training = TrainingConfiguration(
    encoderUnits: [12, 6], latentSize: 3, hiddenActivation: .relu, outputActivation: .sigmoid,
    optimizer: OptimizerSettings(kind: .adam, learningRate: 0.01), epochs: 5, batchSize: 16, seed: 3)

  /// The samples per second and training seconds written into every fixture
  /// snapshot in place of the measured ones, which change from run to run.
  static let samplesPerSecond = 12_345.0
  static let trainingSeconds = 0.5

  /// The fixture configuration run to the end, with the timing fields fixed.
  static let finishedRun: Result<TrainingSnapshot, FixtureError> = {
    do {
      let split = try DataSplit.make(pool: pool, configuration: splitConfiguration)
      return runToEnd(split: split, training: training)
    } catch {
      return .failure(FixtureError(description: "The fixture split failed: \(error)"))
    }
  }()

  /// One epoch of the fixture network on a split whose test rows are all
  /// normal: 80 training rows from `pool`, and 20 test rows drawn from a
  /// second data set that holds only the pool's normal rows.
  static let oneClassRun: Result<TrainingSnapshot, FixtureError> = {
    let normalRows = pool.labels.indices.filter { pool.labels[$0] == "1" }
    let normalOnly = Dataset(
      values: pool.values.selectingRows(normalRows), labels: normalRows.map { _ in "1" }, source: "normal waves")
    var oneEpoch = training
    oneEpoch.epochs = 1
    do {
      let split = try DataSplit.make(
        train: pool, test: normalOnly, configuration: SplitConfiguration(trainSize: 80, testSize: 20, seed: 7))
      return runToEnd(split: split, training: oneEpoch)
    } catch {
      return .failure(FixtureError(description: "The one-class split failed: \(error)"))
    }
  }()

  /// The fixture configuration after one epoch, as `stepEpoch()` leaves it,
  /// relabelled `.training` so that it stands for a run in progress: epoch
  /// 1 of 5, 20 % done, with the timing fields fixed.
  static let runInProgress: Result<TrainingSnapshot, FixtureError> = {
    let split: DataSplit
    do {
      split = try DataSplit.make(pool: pool, configuration: splitConfiguration)
    } catch {
      return .failure(FixtureError(description: "The fixture split failed: \(error)"))
    }
    let session = TrainingSession(split: split, configuration: training)
    defer { session.stop() }
    session.stepEpoch()
    let deadline = Date().addingTimeInterval(60)
    while session.snapshot.status != .paused {
      guard Date() < deadline else {
        return .failure(FixtureError(description: "The fixture run did not pause within 60 seconds."))
      }
      usleep(1000)
    }
    var snapshot = session.snapshot
    snapshot.status = .training
    snapshot.samplesPerSecond = samplesPerSecond
    snapshot.trainingSeconds = trainingSeconds
    return .success(snapshot)
  }()

  /// Trains a session to its end, waiting at most 60 seconds.
  static func runToEnd(split: DataSplit, training: TrainingConfiguration) -> Result<
    TrainingSnapshot, FixtureError
  > {
    let session = TrainingSession(split: split, configuration: training)
    session.start()
    guard session.waitUntilEnded(timeout: 60) else {
      session.stop()
      return .failure(FixtureError(description: "The fixture run did not end within 60 seconds."))
    }
    var snapshot = session.snapshot
    guard snapshot.status == .finished else {
      return .failure(FixtureError(description: "The fixture run ended as \(snapshot.status), not finished."))
    }
    snapshot.samplesPerSecond = samplesPerSecond
    snapshot.trainingSeconds = trainingSeconds
    return .success(snapshot)
  }

  /// Returns the finished run with another status. `update` and the panes
  /// read only the status field here, so the copy is a run caught in that
  /// state.
  static func snapshot(status: TrainingStatus) throws -> TrainingSnapshot {
    var snapshot = try finishedRun.get()
    snapshot.status = status
    return snapshot
  }

  /// Returns the finished run with its evaluation replaced by one of a model whose
  /// parameters are all 0. Such a model outputs sigmoid(0) = 0.5 for every
  /// value of every row, so its output spread is 0 and the collapse check
  /// fires.
  static func collapsedSnapshot() throws -> TrainingSnapshot {
    var snapshot = try finishedRun.get()
    let architecture = snapshot.architecture
    let model = Autoencoder(
      architecture: architecture, parameters: Array(repeating: 0, count: architecture.parameterCount))
    guard let evaluation = EpochEvaluation(epoch: snapshot.epoch, model: model, split: snapshot.split) else {
      throw FixtureError(description: "The all-zero model gave NaN errors.")
    }
    snapshot.model = model
    snapshot.evaluation = evaluation
    return snapshot
  }

  /// Returns a state with the fixture settings, no run and the model pane focused.
  static func idleState(size: Size = Size(width: 120, height: 40), glyphs: Glyphs = .unicode) -> AppState {
    AppState(
      training: training, split: splitConfiguration, featureCount: featureCount, dataDescription: dataDescription,
      size: size, glyphs: glyphs)
  }

  /// Returns an idle state that has received the finished run as `.snapshotArrived`.
  static func finishedState(size: Size = Size(width: 120, height: 40), glyphs: Glyphs = .unicode) throws -> AppState {
    var state = idleState(size: size, glyphs: glyphs)
    _ = update(&state, with: .snapshotArrived(try finishedRun.get()))
    return state
  }

  /// Returns an idle state that has received the finished run, relabelled
  /// `status`, as `.snapshotArrived`.
  static func state(withRun status: TrainingStatus) throws -> AppState {
    var state = idleState()
    _ = update(&state, with: .snapshotArrived(try snapshot(status: status)))
    return state
  }
}

/// A short name for the fixtures in test bodies.
typealias Fixtures = TrainScreenFixtures

/// Sends each key to `update` in turn and returns all the commands, in order.
@discardableResult
func press(_ keys: Key..., in state: inout AppState) -> [Command] {
  press(keys, in: &state)
}

/// Returns the keys that type `text`, one `.character` each.
func typing(_ text: String) -> [Key] {
  text.map { .character($0) }
}

/// Sends each key of `keys` to `update` and returns all the commands.
@discardableResult
func press(_ keys: [Key], in state: inout AppState) -> [Command] {
  keys.flatMap { update(&state, with: .keyPressed($0)) }
}
