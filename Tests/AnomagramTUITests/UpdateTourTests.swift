import AnomagramCore
import Testing

@testable import AnomagramTUI

/// The first-launch tour in `update`: when it opens, stepping through it,
/// and what finishing, skipping and failing to save do.
@Suite("update: tour")
struct UpdateTourTests {
  /// Returns an idle state with the tour opened by settings that have not
  /// seen it, as at a first launch.
  private func stateWithTour() -> AppState {
    var state = Fixtures.idleState()
    _ = update(&state, with: .settingsLoaded(.success(UserSettings())))
    return state
  }

  // MARK: - Opening

  @Test("first launch opens the tour")
  func firstLaunchOpens() {
    let state = stateWithTour()

    #expect(state.tour == Tour(step: .model))
    #expect(state.screen == .train)
    #expect(state.notice == nil)
  }

  @Test("seen tour stays closed")
  func seenTourStaysClosed() {
    var state = Fixtures.idleState()

    _ = update(&state, with: .settingsLoaded(.success(UserSettings(hasSeenTour: true))))

    #expect(state.tour == nil)
    #expect(state.userSettings.hasSeenTour)
  }

  @Test("--no-tour keeps the tour closed")
  func noTourOption() {
    var state = Fixtures.idleState()
    state.offersTour = false

    _ = update(&state, with: .settingsLoaded(.success(UserSettings())))

    #expect(state.tour == nil)
  }

  // A file that cannot be read does not say the tour was seen, so the tour
  // opens, and the notice names the file.
  @Test("unreadable settings open the tour with a notice")
  func unreadableSettings() {
    var state = Fixtures.idleState()
    let error = UserSettingsError.invalid(path: "/c/settings.json", reason: "not valid JSON")

    _ = update(&state, with: .settingsLoaded(.failure(error)))

    #expect(state.tour == Tour(step: .model))
    #expect(state.notice == Notice(.warning, error.description))
  }

  // MARK: - Stepping

  @Test("Enter, Right and l go forward", arguments: [Key.enter, .right, .character("l")])
  func forward(key: Key) {
    var state = stateWithTour()

    let commands = press(key, in: &state)

    #expect(commands.isEmpty)
    #expect(state.tour?.step == .settings)
  }

  @Test("Left and h go back", arguments: [Key.left, .character("h")])
  func back(key: Key) {
    var state = stateWithTour()
    press(.enter, .enter, in: &state)

    press(key, in: &state)

    #expect(state.tour?.step == .settings)
  }

  @Test("Left on the first step stays")
  func backAtFirstStep() {
    var state = stateWithTour()

    press(.left, in: &state)

    #expect(state.tour?.step == .model)
  }

  // The Explore step shows the Explore screen; the steps around it show
  // the Train screen.
  @Test("each step shows its screen")
  func stepScreens() {
    var state = stateWithTour()
    var seen: [(TourStep, AppState.Screen)] = []

    for _ in TourStep.allCases {
      if let step = state.tour?.step { seen.append((step, state.screen)) }
      press(.right, in: &state)
    }

    #expect(seen.map(\.0) == TourStep.allCases)
    for (step, screen) in seen {
      #expect(screen == (step == .explore ? .explore : .train), "\(step)")
    }
    press(.left, in: &state)
    #expect(state.screen == .train)
  }

  @Test("keys outside the tour do nothing", arguments: [
    Key.character(" "), .character("n"), .character("r"), .character("2"), .tab, .down, .character("a"),
    .function(2),
  ])
  func otherKeysIgnored(key: Key) {
    var state = stateWithTour()

    let commands = press(key, in: &state)

    #expect(commands.isEmpty)
    #expect(state.tour == Tour(step: .model))
    #expect(state.screen == .train)
    #expect(state.training == Fixtures.training)
    #expect(state.focus == .model)
  }

  @Test("mouse does nothing during the tour")
  func mouseIgnored() throws {
    var state = stateWithTour()
    _ = update(&state, with: .snapshotArrived(try Fixtures.finishedRun.get()))
    press(.right, .right, .right, .right, .right, in: &state)
    #expect(state.screen == .explore)

    mouse(.scrollDown, x: 60, y: 10, in: &state)

    #expect(state.explore.selectedRow == 0)
  }

  // MARK: - Ending

  @Test("finishing saves that the tour was seen")
  func finish() {
    var state = stateWithTour()
    press(Array(repeating: .enter, count: TourStep.allCases.count - 1), in: &state)
    #expect(state.tour?.step == .help)

    let commands = press(.enter, in: &state)

    #expect(state.tour == nil)
    #expect(state.screen == .train)
    #expect(commands == [.saveSettings(UserSettings(hasSeenTour: true))])
    #expect(state.userSettings.hasSeenTour)
    #expect(state.notice == Notice(.info, "Tour finished. Press ? for the keys and concepts of each screen."))
  }

  // Skipping from the Explore step also returns to the Train screen.
  @Test("Esc skips from any step", arguments: TourStep.allCases)
  func skip(step: TourStep) {
    var state = stateWithTour()
    press(Array(repeating: .right, count: step.rawValue), in: &state)

    let commands = press(.escape, in: &state)

    #expect(state.tour == nil)
    #expect(state.screen == .train)
    #expect(commands == [.saveSettings(UserSettings(hasSeenTour: true))])
    #expect(state.notice == Notice(.info, "Tour skipped. Press ? for the keys and concepts of each screen."))
  }

  @Test("q ends the tour and quits")
  func quitDuringTour() {
    var state = stateWithTour()

    let commands = press(.character("q"), in: &state)

    #expect(state.tour == nil)
    #expect(state.hasQuit)
    #expect(commands == [.saveSettings(UserSettings(hasSeenTour: true)), .quit])
  }

  @Test("? ends the tour and opens help")
  func helpDuringTour() {
    var state = stateWithTour()
    press(.right, in: &state)

    let commands = press(.character("?"), in: &state)

    #expect(state.tour == nil)
    #expect(state.isShowingHelp)
    #expect(commands == [.saveSettings(UserSettings(hasSeenTour: true))])
  }

  @Test("failed save warns")
  func saveFailure() {
    var state = stateWithTour()
    press(.escape, in: &state)
    let error = UserSettingsError.writeFailed(path: "/c/settings.json", reason: "Read-only file system")

    _ = update(&state, with: .settingsSaveFailed(error))

    #expect(
      state.notice
        == Notice(
          .warning,
          "Cannot save the settings file (Read-only file system): \"/c/settings.json\". The tour opens again at "
            + "the next launch; --no-tour skips it."))
    #expect(state.tour == nil)
  }
}
