extension HelpOverlay {
  /// The help of the Runs screen, with the keys of the file prompts.
  static let runsSections: [Section] = [
    everywhere,
    (
      "Runs screen",
      [
        ("Up / Down, k / j", "select a run; its details show below the table"),
        ("PgUp / PgDn", "10 runs up / down"), ("Home / End", "newest / oldest run"),
        ("x", "export the history as CSV, oldest run first"),
        ("*", "marks the runs with the best AUC"),
      ]
    ),
    (
      "File prompts (o, O, w, x)",
      [
        ("Tab", "complete a file or folder name; ~/ is the home folder"), ("Ctrl-U", "clear the text"),
        ("Left / Right", "move the cursor"), ("Enter / Esc", "accept / cancel"),
        ("O", "asks for the path, the label column, the normal labels"),
        ("w, x", "an existing file is replaced only after y"),
      ]
    ),
  ]
}
