extension Footer {
  /// The keys of the open file prompt or question, or `nil` when none is open.
  var fileDialogHints: [(key: String, action: String)]? {
    if let question = state.files.question {
      if question.action == .acknowledge {
        return [("any key", "close")]
      }
      return [("y", question.yesLabel), ("any other key", "cancel")]
    }
    guard let prompt = state.files.prompt else { return nil }
    var hints = [("Enter", prompt.purpose.acceptAction), ("Esc", "cancel")]
    if prompt.purpose.takesPath {
      hints.insert(("Tab", "complete"), at: 0)
    }
    return hints + [("Ctrl-U", "clear"), (state.glyphs.isUnicode ? "←→" : "left/right", "move")]
  }

  /// The file keys among the fixed hints: on the Train screen only, because
  /// the Runs screen lists them among its own keys, and on the Explore
  /// screen the room goes to its mode's keys. The tour takes no file keys,
  /// so none are shown while it is open.
  var fileHints: [(key: String, action: String)] {
    state.screen == .train && state.tour == nil ? [("o O w", "files")] : []
  }

  /// The keys of the Runs screen.
  var runsHints: [(key: String, action: String)] {
    let training = ("Space", state.status == .training ? "pause" : "train")
    guard !state.runs.records.isEmpty else {
      return [("1", "Train screen"), training]
    }
    return [
      (state.glyphs.isUnicode ? "↑↓" : "up/down", "select"), ("x", "export CSV"), ("o", "open model"),
      ("O", "open data"), ("w", "save model"), training, ("1", "Train"),
    ]
  }
}
