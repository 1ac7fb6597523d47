extension TrainCommand {
  /// The text of `anomagram train --help`, generated from the option table.
  static var helpText: String {
    var text = """
      Usage: anomagram train [options]

      Trains a dense autoencoder on normal heartbeats and reports how well its
      reconstruction error separates normal from abnormal ones: per-epoch losses,
      AUC beside a PCA baseline, and metrics at an anomaly threshold. Progress goes
      to standard error, the summary (or JSON) to standard output.

      Exit status: 0 on success, 1 for data errors and diverged training, 2 for
      invalid options.

      """
    let sections: [(String, [TrainOptionSpec])] = [
      ("Data", TrainOptionSpec.data), ("Model", TrainOptionSpec.model),
      ("Optimizer and regularization", TrainOptionSpec.optimizer), ("Schedule", TrainOptionSpec.schedule),
      ("Output", TrainOptionSpec.output), ("Saving the model", TrainOptionSpec.persistence),
    ]
    for (title, specs) in sections {
      text += "\n\(title):\n"
      for spec in specs {
        var heading = "  " + spec.names.joined(separator: ", ")
        if let valueName = spec.valueName { heading += " \(valueName)" }
        text += heading + "\n"
        text += wrapped(spec.help, indent: 6, width: 80)
      }
    }
    return text
  }

  /// `text` broken into lines of at most `width` columns, each indented.
  static func wrapped(_ text: String, indent: Int, width: Int) -> String {
    let prefix = String(repeating: " ", count: indent)
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && indent + line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.map { prefix + $0 + "\n" }.joined()
  }
}
