import AnomagramCore

/// Draws the open file prompt or question, if any, over `area`.
func drawFileDialog(_ canvas: inout Canvas, in area: Rect, state: AppState) {
  if let question = state.files.question {
    drawQuestion(question, into: &canvas, in: area, glyphs: state.glyphs)
  } else if let prompt = state.files.prompt {
    PromptOverlay(prompt: prompt, glyphs: state.glyphs).draw(into: &canvas, in: area)
  }
}

/// The text input window: a note on what to type, the text with its
/// cursor, the matches of the last Tab, and an error or what Tab found.
struct PromptOverlay {
  let prompt: PathPrompt
  let glyphs: Glyphs

  /// The maximum number of lines for the matches of a Tab.
  static let maximumCandidateLines = 3

  func draw(into canvas: inout Canvas, in area: Rect) {
    let width = min(area.width - 4, 80)
    guard width > 20 else { return }
    let textWidth = width - 4
    let hint = hardWrapped(Self.hint(for: prompt.purpose), width: textWidth)
    let candidates = candidateLines(width: textWidth)
    let message = prompt.message.map { hardWrapped($0, width: textWidth) } ?? []
    let height = min(area.height, 3 + hint.count + candidates.count + message.count)
    let rect = Rect(
      x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 3), width: width, height: height
    )
    canvas.fill(rect)
    let inner = drawPaneFrame(&canvas, rect, title: prompt.purpose.title, focused: true, glyphs: glyphs)

    var y = inner.y
    for line in hint {
      canvas.write(line, x: inner.x + 1, y: y, foreground: Theme.muted, clip: inner)
      y += 1
    }
    drawInput(into: &canvas, x: inner.x + 1, y: y, width: inner.width - 2, clip: inner)
    y += 1
    for line in candidates {
      canvas.write(line, x: inner.x + 3, y: y, foreground: Theme.normal, clip: inner)
      y += 1
    }
    for line in message {
      canvas.write(line, x: inner.x + 1, y: y, foreground: prompt.isError ? Theme.error : Theme.muted, clip: inner)
      y += 1
    }
  }

  /// Draws `> ` and the text, scrolled so the cursor stays in view, with
  /// the cell under the cursor in reverse video.
  private func drawInput(into canvas: inout Canvas, x: Int, y: Int, width: Int, clip: Rect) {
    let start = canvas.write("> ", x: x, y: y, foreground: Theme.focusedBorder, style: .bold, clip: clip)
    let room = max(1, width - 2)
    let characters = Array(prompt.text)
    let cursor = min(max(prompt.cursor, 0), characters.count)
    let first = max(0, cursor - room + 1)
    let shown = characters[first..<min(characters.count, first + room)]
    canvas.write(String(shown), x: start, y: y, style: .bold, clip: clip)
    let cursorCharacter = cursor < characters.count ? characters[cursor] : " "
    canvas.write(String(cursorCharacter), x: start + cursor - first, y: y, style: [.bold, .reverse], clip: clip)
  }

  /// Returns the matches packed into lines two cells apart, the last line
  /// ending with the number of matches left out.
  private func candidateLines(width: Int) -> [String] {
    guard !prompt.candidates.isEmpty else { return [] }
    var names = prompt.candidates
    if prompt.moreCandidates > 0 { names.append("(\(prompt.moreCandidates) more)") }
    var lines: [String] = []
    var current = ""
    for name in names {
      let name = name.truncated(to: width - 2, ellipsis: glyphs.ellipsis)
      if current.isEmpty {
        current = name
      } else if current.count + 2 + name.count <= width - 2 {
        current += "  " + name
      } else {
        lines.append(current)
        current = name
      }
    }
    lines.append(current)
    if lines.count > Self.maximumCandidateLines {
      lines = Array(lines.prefix(Self.maximumCandidateLines))
      lines[lines.count - 1] += " " + glyphs.ellipsis
    }
    return lines
  }

  /// Returns the note on what to type, one or two sentences.
  static func hint(for purpose: PathPrompt.Purpose) -> String {
    switch purpose {
    case .openData:
      return "A UCR text file or a CSV file, one series per row. The next step asks for the label column."
    case .labelColumn(let path):
      return "Label column of \(path.debugDescription): first, last, none (unlabelled), a column number from 1, "
        + "or a header name."
    case .normalLabels(let present):
      let counts = present.map { "\($0.label) (\($0.count) rows)" }.joined(separator: ", ")
      return "Labels: \(counts). Type the labels of normal rows, separated by commas; the others are abnormal."
    case .openModel:
      return "An Anomagram model file (JSON), as w or \"anomagram train --save\" writes it."
    case .saveModel:
      return "Saves the model with its scaler, split and training settings and the threshold."
    case .exportRuns:
      return "Writes one row per run, oldest first, after a header row."
    }
  }
}

/// Draws a question or failure report in a window over `area`.
private func drawQuestion(_ question: FileQuestion, into canvas: inout Canvas, in area: Rect, glyphs: Glyphs) {
  let width = min(area.width - 4, 72)
  guard width > 20 else { return }
  var lines = hardWrapped(question.text, width: width - 4)
  if question.action == .acknowledge {
    lines += ["", "Press any key to close."]
  }
  let height = min(area.height, lines.count + 2)
  let rect = Rect(
    x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 3), width: width, height: height)
  canvas.fill(rect)
  let inner = drawPaneFrame(&canvas, rect, title: question.title, focused: true, glyphs: glyphs)
  let isFailure = question.action == .acknowledge
  for (row, line) in lines.prefix(inner.height).enumerated() {
    var color: TerminalColor = isFailure ? Theme.error : .default
    var style: TextStyle = .bold
    if isFailure && row == lines.count - 1 {
      color = Theme.muted
      style = []
    }
    canvas.write(line, x: inner.x + 1, y: inner.y + row, foreground: color, style: style, clip: inner)
  }
}

/// Returns `text` wrapped at spaces to `width`, with words longer than
/// `width` (such as long paths) broken across lines.
func hardWrapped(_ text: String, width: Int) -> [String] {
  guard width > 0 else { return [] }
  return wrapped(text, width: width).flatMap { line -> [String] in
    guard line.count > width else { return [line] }
    var pieces: [String] = []
    var rest = Substring(line)
    while !rest.isEmpty {
      pieces.append(String(rest.prefix(width)))
      rest = rest.dropFirst(width)
    }
    return pieces
  }
}
