import AnomagramCore
import Dispatch
import Synchronization

/// Runs `FileTasks` on a serial background queue, in the order they were
/// started, and keeps their results until the run loop takes them. Reading
/// a large data file or evaluating a model then never stops the screen from
/// drawing or the keys from working.
final class FileWorker: Sendable {
  private let queue = DispatchQueue(label: "anomagram.files", qos: .userInitiated)
  private let group = DispatchGroup()
  // The results of finished tasks, appended on `queue` and taken on the main thread.
  private let finished = Mutex<[FileEvent]>([])
  private let running = Atomic<Int>(0)

  /// Whether a task has been started and has not finished yet.
  var isBusy: Bool { running.load(ordering: .acquiring) > 0 }

  /// Starts `command` on the background queue with `data`, the rows the app
  /// trains on when the command is started.
  func start(_ command: FileCommand, data: (pool: Dataset, test: Dataset?)) {
    running.add(1, ordering: .relaxed)
    group.enter()
    let pool = data.pool
    let test = data.test
    queue.async { [self] in
      if let event = FileTasks.perform(command, data: (pool, test)) {
        finished.withLock { $0.append(event) }
      }
      running.subtract(1, ordering: .releasing)
      group.leave()
    }
  }

  /// Returns the results that arrived since the last call, oldest first.
  func takeFinished() -> [FileEvent] {
    finished.withLock { events in
      defer { events = [] }
      return events
    }
  }

  /// Waits until every started task has finished, at most `timeout`
  /// seconds; returns whether they all finished. The run loop calls it
  /// before exiting, so a file being saved is complete rather than missing.
  @discardableResult
  func waitUntilIdle(timeout: Double) -> Bool {
    group.wait(timeout: .now() + timeout) == .success
  }
}
