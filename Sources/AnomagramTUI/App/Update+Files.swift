import AnomagramCLI
import AnomagramCore
import Foundation

/// The file keys of every screen: `o` opens a model file, `O` a data file,
/// and `w` saves the current model. Returns `nil` for any other key.
///
/// Opening a file while a run trains asks first, because the file's data
/// or model replaces the run once it has been read.
func handleFileKey(_ key: Key, in state: inout AppState) -> [Command]? {
  switch key {
  case .character("o"):
    openPromptOrAsk(.openModel, in: &state)
  case .character("O"):
    openPromptOrAsk(.openData, in: &state)
  case .character("w"):
    if case .failure(let refusal) = modelToSave(state) {
      state.notice = Notice(.error, refusal.message)
    } else {
      let path = state.files.lastModelPath.isEmpty ? FileState.defaultModelPath : state.files.lastModelPath
      state.files.prompt = PathPrompt(purpose: .saveModel, text: path)
    }
  default:
    return nil
  }
  return []
}

/// Opens the prompt for `purpose`, or first asks whether to end the run
/// that is training.
func openPromptOrAsk(_ purpose: PathPrompt.Purpose, in state: inout AppState) {
  guard state.status == .training else {
    openPrompt(purpose, in: &state)
    return
  }
  let what = purpose == .openData ? "data file" : "model file"
  state.files.question = FileQuestion(
    title: "Training is running",
    text: "Opening a \(what) ends the current run once the file has been read. Continue? (y/n)",
    action: .openPrompt(purpose), yesLabel: "continue")
}

private func openPrompt(_ purpose: PathPrompt.Purpose, in state: inout AppState) {
  switch purpose {
  case .openData:
    state.files.prompt = PathPrompt(purpose: purpose, text: state.files.lastDataPath)
  case .openModel:
    state.files.prompt = PathPrompt(purpose: purpose, text: state.files.lastModelPath)
  case .exportRuns:
    state.files.prompt = PathPrompt(purpose: purpose, text: FileState.defaultRunsPath)
  default:
    state.files.prompt = PathPrompt(purpose: purpose)
  }
}

// MARK: - Dialog keys

/// Keys while a file prompt or question is open; they go nowhere else.
func handleFileDialogKey(_ key: Key, in state: inout AppState) -> [Command] {
  if let question = state.files.question {
    state.files.question = nil
    switch question.action {
    case .acknowledge:
      return []
    case .openPrompt(let purpose) where key == .character("y") || key == .character("Y"):
      openPrompt(purpose, in: &state)
      return []
    case .overwrite(let command) where key == .character("y") || key == .character("Y"):
      return [.files(command.overwriting)]
    default:
      state.notice = Notice(.info, "Cancelled.")
      return []
    }
  }
  guard var prompt = state.files.prompt else { return [] }
  switch key {
  case .escape:
    state.files.prompt = nil
    cancelPrompt(prompt, in: &state)
    return []
  case .enter:
    return acceptPrompt(prompt, in: &state)
  case .tab:
    return completePath(in: &state)
  case .backspace: prompt.deleteBackward()
  case .delete: prompt.deleteForward()
  case .left: prompt.moveCursor(by: -1)
  case .right: prompt.moveCursor(by: 1)
  case .home, .control("a"): prompt.moveCursor(by: -prompt.text.count)
  case .end, .control("e"): prompt.moveCursor(by: prompt.text.count)
  case .control("u"): prompt.clear()
  case .character(let character) where prompt.text.count < PathPrompt.maximumLength:
    prompt.insert(character)
  default:
    return []
  }
  state.files.prompt = prompt
  return []
}

private func cancelPrompt(_ prompt: PathPrompt, in state: inout AppState) {
  guard case .normalLabels(let present) = prompt.purpose else {
    state.notice = Notice(.info, "Cancelled.")
    return
  }
  if present.contains(where: { state.split.normalLabels.contains($0.label) }) {
    state.notice = Notice(.info, "The normal labels stay \(listed(state.split.normalLabels)).")
  } else {
    state.notice = Notice(
      .warning,
      "No row has the normal label \(listed(state.split.normalLabels)), so training cannot start. "
        + "Press O to open the file again and choose the normal labels.")
  }
}

/// Tab: requests the listing of the folder being typed in, unless the text
/// is `~`, which becomes `~/` at once.
private func completePath(in state: inout AppState) -> [Command] {
  guard var prompt = state.files.prompt, prompt.purpose.takesPath else { return [] }
  if prompt.text == "~" {
    prompt.replaceText(with: "~/")
    state.files.prompt = prompt
    return []
  }
  prompt.completionRequest = prompt.text
  state.files.prompt = prompt
  return [.files(.listFolder(text: prompt.text))]
}

/// Applies a folder listing to the prompt that asked for it. A listing for
/// text since changed is dropped.
func applyCompletion(_ request: String, entries: [FolderEntry], in state: inout AppState) {
  guard var prompt = state.files.prompt, prompt.completionRequest == request, prompt.text == request else { return }
  let result = PathCompletion.complete(request, entries: entries)
  prompt.replaceText(with: result.text)
  prompt.candidates = Array(result.candidates.prefix(PathPrompt.maximumCandidates))
  prompt.moreCandidates = max(0, result.candidates.count - PathPrompt.maximumCandidates)
  prompt.isError = false
  if result.matchCount == 0 {
    let (folder, name) = PathCompletion.split(request)
    let place = folder.isEmpty ? "the current folder" : folder.debugDescription
    prompt.message = "No name in \(place) starts with \(name.debugDescription)."
  } else {
    prompt.message = nil
  }
  state.files.prompt = prompt
}

// MARK: - Enter

private func acceptPrompt(_ prompt: PathPrompt, in state: inout AppState) -> [Command] {
  var prompt = prompt
  let text = prompt.text
  if prompt.purpose.takesPath && text.trimmingCharacters(in: .whitespaces).isEmpty {
    prompt.reject("Type a path; Tab completes names.")
    state.files.prompt = prompt
    return []
  }
  switch prompt.purpose {
  case .openData:
    // The label column is asked for once the path is known to be readable.
    state.files.lastDataPath = text
    prompt.message = nil
    state.files.prompt = prompt
    return [.files(.checkDataPath(path: text))]
  case .labelColumn(let path):
    return loadData(path: path, labelColumn: text, prompt: prompt, in: &state)
  case .normalLabels(let present):
    setNormalLabels(text, present: present, prompt: prompt, in: &state)
    return []
  case .openModel:
    state.files.prompt = nil
    state.files.lastModelPath = text
    state.notice = Notice(.info, "Reading \(text.debugDescription)…")
    return [.files(.loadModel(path: text))]
  case .saveModel:
    state.files.prompt = nil
    switch modelToSave(state) {
    case .success(let model):
      state.notice = Notice(.info, "Saving the model to \(text.debugDescription)…")
      return [.files(.saveModel(model, path: text, overwrite: false))]
    case .failure(let refusal):
      state.notice = Notice(.error, refusal.message)
      return []
    }
  case .exportRuns:
    state.files.prompt = nil
    state.notice = Notice(.info, "Writing \(state.runs.records.count) runs to \(text.debugDescription)…")
    return [.files(.exportRuns(state.runs.records, path: text, timeZone: state.runs.timeZone, overwrite: false))]
  }
}

/// Reads the label column as `--label-column` does, with the header rule
/// the app was started with, and asks for the data file.
private func loadData(path: String, labelColumn: String, prompt: PathPrompt, in state: inout AppState) -> [Command] {
  var arguments = ["--label-column=\(labelColumn)"]
  switch state.files.header {
  case .present: arguments.append("--header")
  case .absent: arguments.append("--no-header")
  case .detect: break
  }
  let format: DataFileFormat
  do {
    format = try TrainOptions.parse(arguments).dataFormat
  } catch {
    // The message names the command-line option, which the prompt stands for.
    var prompt = prompt
    prompt.reject("\(error)".replacingOccurrences(of: "for --label-column", with: "for the label column"))
    state.files.prompt = prompt
    return []
  }
  state.files.prompt = nil
  state.files.labelColumn = labelColumn
  state.notice = Notice(.info, "Reading \(path.debugDescription)…")
  return [.files(.loadData(path: path, format: format))]
}

private func setNormalLabels(_ text: String, present: [LabelCount], prompt: PathPrompt, in state: inout AppState) {
  var prompt = prompt
  let labels = text.split(separator: ",").map { ClassLabel.canonical(String($0).trimmingCharacters(in: .whitespaces)) }
    .filter { !$0.isEmpty }
  guard !labels.isEmpty else {
    prompt.reject("Type one or more labels separated by commas, such as 1 or 1,2.")
    state.files.prompt = prompt
    return
  }
  let normal = present.filter { labels.contains($0.label) }
  guard !normal.isEmpty else {
    prompt.reject(
      "No row has the label \(listed(Set(labels))). Choose from \(present.map(\.label).joined(separator: ", ")).")
    state.files.prompt = prompt
    return
  }
  state.files.prompt = nil
  state.split.normalLabels = Set(labels)
  let normalRows = normal.reduce(0) { $0 + $1.count }
  let abnormalRows = present.reduce(0) { $0 + $1.count } - normalRows
  state.notice = Notice(
    .info, "Normal labels \(listed(Set(labels))): \(normalRows) normal rows, \(abnormalRows) abnormal. Space trains.")
}

/// Returns the labels as `1` or `1 or 2`, sorted.
private func listed(_ labels: Set<String>) -> String {
  labels.sorted(by: ClassLabel.areInIncreasingOrder).joined(separator: " or ")
}

// MARK: - Saving

/// The reason there is no model to save.
struct SaveRefusal: Error {
  let message: String
}

/// Returns the current model with everything a model file records, or the reason it cannot be saved.
func modelToSave(_ state: AppState) -> Result<ModelToSave, SaveRefusal> {
  guard let snapshot = state.snapshot, let model = snapshot.model else {
    return .failure(SaveRefusal(message: "No model to save yet: press Space to train one, or o to open a model file."))
  }
  guard snapshot.status != .diverged else {
    return .failure(
      SaveRefusal(
        message: "The run diverged, so its model is not usable and was not saved. "
          + "Train again with a smaller learning rate, then press w."))
  }
  guard let threshold = state.threshold.appliedChoice(on: snapshot) else {
    return .failure(SaveRefusal(message: "The model has no evaluation yet; wait for the first epoch, then press w."))
  }
  return .success(
    ModelToSave(
      model: model, split: snapshot.split, splitConfiguration: state.runs.current?.splitConfiguration ?? state.split,
      training: snapshot.configuration, threshold: threshold))
}
