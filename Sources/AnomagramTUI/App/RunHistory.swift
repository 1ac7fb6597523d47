import AnomagramCore
import Foundation

/// The runs of this session of the app, for the Runs screen, and which run
/// the current snapshot belongs to, so that each run gets one row.
public struct RunHistory: Sendable {
  /// One row per run that finished, was stopped or diverged, oldest first.
  public private(set) var records: [RunRecord] = []
  /// The number of the run selected on the Runs screen, or `nil` for the newest.
  public var selectedNumber: Int?
  /// The time zone of the start times on the Runs screen and in the CSV file.
  public var timeZone: TimeZone = .current

  /// The run that `AppState.snapshot` shows, or `nil` when there is none.
  var current: TrackedRun?
  /// A run that has started but whose first snapshot has not arrived yet.
  /// Until it arrives, `AppState.snapshot` is still the previous run's.
  var pending: TrackedRun?
  private var nextRunID = 1

  public init() {}

  /// The records newest first, as the Runs screen lists them.
  public var newestFirst: [RunRecord] { records.reversed() }

  /// The best AUC of all records, or `nil` when no record has one.
  public var bestAUC: Double? {
    records.compactMap(\.auc).max()
  }

  /// The position in `newestFirst` of the selected record, or `nil` when there are no records.
  public var selectedPosition: Int? {
    guard !records.isEmpty else { return nil }
    guard let selectedNumber, let position = newestFirst.firstIndex(where: { $0.number == selectedNumber }) else {
      return 0
    }
    return position
  }

  /// Appends a record made from `snapshot`, numbered after the last one.
  mutating func append(
    snapshot: TrainingSnapshot, status: TrainingStatus, threshold: ThresholdSetting, run: TrackedRun
  ) {
    let record = RunRecord(
      number: (records.last?.number ?? 0) + 1, snapshot: snapshot, status: status, threshold: threshold,
      startedAt: run.startedAt, data: run.data)
    records.append(record)
  }

  /// Returns a new tracked run with the next id.
  mutating func makeRun(
    startedAt: Date?, data: String, splitConfiguration: SplitConfiguration, modelFile: String? = nil
  ) -> TrackedRun {
    defer { nextRunID += 1 }
    return TrackedRun(
      id: nextRunID, startedAt: startedAt, data: data, splitConfiguration: splitConfiguration, modelFile: modelFile,
      isRecorded: modelFile != nil)
  }
}

/// A run the app is following: one trained in this session, or a model
/// opened from a file.
struct TrackedRun: Equatable, Sendable {
  let id: Int
  let startedAt: Date?
  /// The title bar's data description when the run started.
  let data: String
  /// The settings that drew the run's split, which a saved model file records.
  let splitConfiguration: SplitConfiguration
  /// The path of a model opened from a file, whose snapshot is an
  /// evaluation rather than a run. `nil` for a run trained here.
  let modelFile: String?
  /// Whether the run has its row in the history. Opened models never get one.
  var isRecorded: Bool
}

/// The run and its last snapshot before a message changed the state, which
/// `update` records as a row when the message replaces the run.
struct RunObservation {
  let snapshot: TrainingSnapshot?
  let threshold: ThresholdSetting
  let run: TrackedRun?

  init(_ state: AppState) {
    snapshot = state.snapshot
    threshold = state.threshold
    run = state.runs.current
  }
}

// MARK: - Keeping the history

/// Adds rows to the run history after `message`: one when a run's snapshot
/// first shows it finished, stopped or diverged, and one when a command
/// ends a run that had trained without ending (as stopped). `before` is
/// the state before the message.
///
/// A run is replaced by `.startRun` and `.discardRun`. A run that has
/// trained no mini-batch yet gets no row.
func recordRuns(after message: Message, commands: [Command], before: RunObservation, in state: inout AppState) {
  if commands.contains(where: endsCurrentRun) {
    recordReplacedRun(before, in: &state)
  }
  switch message {
  case .runStarted(_, let startedAt):
    state.runs.pending = state.runs.makeRun(
      startedAt: startedAt, data: state.dataDescription, splitConfiguration: state.split)
  case .snapshotArrived(let snapshot):
    recordEndedRun(snapshot, in: &state)
  default:
    break
  }
}

private func endsCurrentRun(_ command: Command) -> Bool {
  switch command {
  case .startRun, .discardRun: true
  default: false
  }
}

private func recordReplacedRun(_ before: RunObservation, in state: inout AppState) {
  if let run = before.run, !run.isRecorded, let snapshot = before.snapshot, snapshot.epoch > 0 || snapshot.batch > 0 {
    let status: TrainingStatus =
      snapshot.status == .finished || snapshot.status == .diverged ? snapshot.status : .stopped
    state.runs.append(snapshot: snapshot, status: status, threshold: before.threshold, run: run)
  }
  // A handler may already have put a new run in place, such as an opened model.
  if state.runs.current?.id == before.run?.id {
    state.runs.current = nil
  }
  state.runs.pending = nil
}

/// Makes the pending run current when its first snapshot arrives, and
/// records the current run once its snapshot shows that it ended.
private func recordEndedRun(_ snapshot: TrainingSnapshot, in state: inout AppState) {
  if let pending = state.runs.pending {
    state.runs.current = pending
    state.runs.pending = nil
  } else if state.runs.current == nil {
    // A snapshot with no start seen, as when a test sends one directly.
    state.runs.current = state.runs.makeRun(
      startedAt: nil, data: state.dataDescription, splitConfiguration: state.split)
  }
  guard var run = state.runs.current, !run.isRecorded else { return }
  switch snapshot.status {
  case .finished, .stopped, .diverged:
    state.runs.append(snapshot: snapshot, status: snapshot.status, threshold: state.threshold, run: run)
    run.isRecorded = true
    state.runs.current = run
  case .ready, .training, .paused:
    break
  }
}
