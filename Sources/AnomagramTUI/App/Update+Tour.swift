/// Applies the settings read at launch, and opens the tour when it has not
/// been seen and `offersTour` is set. A file that cannot be read leaves the
/// defaults, so the tour opens, and a notice gives the reason.
func applyLoadedSettings(_ result: Result<UserSettings, UserSettingsError>, to state: inout AppState) {
  switch result {
  case .success(let settings):
    state.userSettings = settings
  case .failure(let error):
    state.notice = Notice(.warning, error.description)
  }
  if state.offersTour && !state.userSettings.hasSeenTour {
    openTour(at: .model, in: &state)
  }
}

/// Explains that the tour will open again because its end was not saved.
func noteSettingsSaveFailure(_ error: UserSettingsError, in state: inout AppState) {
  state.notice = Notice(.warning, "\(error) The tour opens again at the next launch; --no-tour skips it.")
}

/// Keys while the tour is open. Enter, Right and `l` go to the next step
/// (the last one finishes the tour), Left and `h` to the previous one, and
/// Escape skips the rest. `?` and `q` end the tour and then do what they
/// always do, so `passesKeyOn` is set for them. Other keys do nothing.
func handleTourKey(_ key: Key, in state: inout AppState) -> (commands: [Command], passesKeyOn: Bool) {
  guard let tour = state.tour else { return ([], true) }
  switch key {
  case .enter, .right, .character("l"):
    if tour.isAtLastStep {
      return (endTour(in: &state, notice: "Tour finished. Press ? for the keys and concepts of each screen."), false)
    }
    openTour(at: TourStep(rawValue: tour.step.rawValue + 1)!, in: &state)
  case .left, .character("h"):
    openTour(at: TourStep(rawValue: max(0, tour.step.rawValue - 1))!, in: &state)
  case .escape:
    return (endTour(in: &state, notice: "Tour skipped. Press ? for the keys and concepts of each screen."), false)
  case .character("?"), .character("q"):
    return (endTour(in: &state, notice: nil), true)
  default:
    break
  }
  return ([], false)
}

/// Shows `step`, on the screen it belongs to.
private func openTour(at step: TourStep, in state: inout AppState) {
  state.tour = Tour(step: step)
  state.screen = step.screen
}

/// Closes the tour on the Train screen and returns the command that saves
/// that it has been seen.
private func endTour(in state: inout AppState, notice: String?) -> [Command] {
  state.tour = nil
  state.screen = .train
  state.userSettings.hasSeenTour = true
  if let notice {
    state.notice = Notice(.info, notice)
  }
  return [.saveSettings(state.userSettings)]
}
