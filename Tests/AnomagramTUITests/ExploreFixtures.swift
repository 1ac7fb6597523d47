import AnomagramCore
import Foundation

@testable import AnomagramTUI

/// Inputs of the Explore screen's tests: app states on the Explore screen
/// built from the Train screen's fixture runs, and runs with other
/// bottleneck widths.
enum ExploreFixtures {
  /// The fixture network with a 2-unit bottleneck (24-12-6-2-6-12-24),
  /// trained like the main fixture run.
  static let twoUnitRun: Result<TrainingSnapshot, TrainScreenFixtures.FixtureError> = run(latentSize: 2)

  /// The fixture network with a 1-unit bottleneck (24-12-6-1-6-12-24).
  static let oneUnitRun: Result<TrainingSnapshot, TrainScreenFixtures.FixtureError> = run(latentSize: 1)

  private static func run(latentSize: Int) -> Result<TrainingSnapshot, TrainScreenFixtures.FixtureError> {
    var training = Fixtures.training
    training.latentSize = latentSize
    do {
      let split = try DataSplit.make(pool: Fixtures.pool, configuration: Fixtures.splitConfiguration)
      return Fixtures.runToEnd(split: split, training: training)
    } catch {
      return .failure(.init(description: "The fixture split failed: \(error)"))
    }
  }

  /// Returns the finished fixture run (3-unit bottleneck) on the Explore
  /// screen, sample 1 selected, as `update` leaves it after the key 2.
  static func state(size: Size = Size(width: 120, height: 40), glyphs: Glyphs = .unicode) throws -> AppState {
    var state = try Fixtures.finishedState(size: size, glyphs: glyphs)
    press(.character("2"), in: &state)
    return state
  }

  /// Returns an idle state on the Explore screen with `snapshot` as its run.
  static func state(
    with snapshot: TrainingSnapshot, size: Size = Size(width: 120, height: 40)
  ) -> AppState {
    var state = Fixtures.idleState(size: size)
    _ = update(&state, with: .snapshotArrived(snapshot))
    press(.character("2"), in: &state)
    return state
  }
}

/// Sends a mouse event to `update`.
func mouse(_ kind: MouseEvent.Kind, x: Int, y: Int, in state: inout AppState) {
  _ = update(&state, with: .mouse(MouseEvent(kind: kind, x: x, y: y)))
}
