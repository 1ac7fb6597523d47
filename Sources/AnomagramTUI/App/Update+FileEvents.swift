import AnomagramCore
import Foundation

/// Applies the result of a `FileCommand` to the state.
func handleFileEvent(_ event: FileEvent, in state: inout AppState) -> [Command] {
  switch event {
  case .folderListed(let request, let entries):
    applyCompletion(request, entries: entries, in: &state)
    return []
  case .folderListFailed(let request, let reason):
    guard var prompt = state.files.prompt, prompt.completionRequest == request, prompt.text == request else {
      return []
    }
    prompt.completionRequest = nil
    prompt.reject(reason)
    state.files.prompt = prompt
    return []
  case .dataPathChecked(let path, let problem):
    // A prompt closed or edited since the check was sent ignores its result.
    guard var prompt = state.files.prompt, prompt.purpose == .openData, prompt.text == path else { return [] }
    if let problem {
      prompt.reject(problem)
      state.files.prompt = prompt
    } else {
      state.files.prompt = PathPrompt(purpose: .labelColumn(path: path), text: state.files.labelColumn)
    }
    return []
  case .dataLoaded(let data):
    return useData(data, in: &state)
  case .dataLoadFailed(let message):
    reportFailure("Cannot open the data file", message, in: &state)
    return []
  case .modelFileLoaded(let file, let path):
    return evaluateModelFile(file, path: path, in: &state)
  case .modelEvaluated(let opened):
    return useModel(opened, in: &state)
  case .modelOpenFailed(let message):
    reportFailure("Cannot open the model file", message, in: &state)
    return []
  case .fileExists(let command, let path):
    state.files.question = FileQuestion(
      title: "Replace the file?",
      text:
        "\(path.debugDescription) exists. Replace it? (y/n) The old file stays as it is until the new one is complete.",
      action: .overwrite(command), yesLabel: "replace")
    return []
  case .modelSaved(let path):
    state.files.lastModelPath = path
    state.notice = Notice(.info, "Saved the model to \(path.debugDescription).")
    return []
  case .runsExported(let path, let rows):
    state.notice = Notice(.info, "Wrote \(rows) run\(rows == 1 ? "" : "s") to \(path.debugDescription).")
    return []
  case .writeFailed(let message):
    reportFailure("Cannot write the file", message, in: &state)
    return []
  }
}

/// Shows `message` in a window that any key closes, and keeps it in the
/// status bar after that.
private func reportFailure(_ title: String, _ message: String, in state: inout AppState) {
  state.files.question = .failure(title, message)
  state.notice = Notice(.error, message)
}

// MARK: - Data

/// Makes `data` the data of the next runs: ends the current run, and
/// follows the new number of values per row in the model's input size.
/// Labelled data then gets the normal labels prompt.
private func useData(_ data: LoadedData, in state: inout AppState) -> [Command] {
  state.featureCount = data.pool.featureCount
  state.dataDescription = data.description
  let labels = data.pool.labels + (data.test?.labels ?? [])
  state.classNames = ClassNames.names(dataFiles: data.files, featureCount: data.pool.featureCount, labels: Set(labels))
  state.snapshot = nil
  state.replayEpoch = nil
  state.isStale = false
  state.pretrained = nil
  state.explore = ExploreState()
  state.files.dataGeneration += 1

  var notice = "Opened \(data.description). Press Space to train on it."
  // A value set by hand was chosen on the old data's errors.
  if case .manual = state.threshold {
    state.threshold = .rule(.percentile(ThresholdRule.defaultPercentile))
    notice += " The threshold follows the 99th percentile again."
  }
  if !data.pool.isLabelled && state.split.abnormalShare != 0 {
    state.split.abnormalShare = 0
    notice += " The abnormal share is now 0, because unlabelled rows all count as normal."
  }
  state.notice = Notice(.info, notice)
  if data.pool.isLabelled {
    askForNormalLabels(labels, in: &state)
  }
  return [.discardRun, .files(.useData(data))]
}

/// Opens the normal labels prompt with the labels present and their row
/// counts, starting with the current normal labels that are present, or
/// else the first label.
private func askForNormalLabels(_ labels: [String], in state: inout AppState) {
  var counts: [String: Int] = [:]
  for label in labels { counts[label, default: 0] += 1 }
  let present = counts.keys.sorted(by: ClassLabel.areInIncreasingOrder).map {
    LabelCount(label: $0, count: counts[$0]!)
  }
  let presentNormalLabels = present.map(\.label).filter(state.split.normalLabels.contains)
  var text = presentNormalLabels.joined(separator: ",")
  if presentNormalLabels.isEmpty {
    text = present.first?.label ?? ""
  }
  state.files.prompt = PathPrompt(purpose: .normalLabels(present: present), text: text)
}

// MARK: - Models

/// Checks that the model fits the loaded data and requests its evaluation
/// on a split drawn with the file's split settings, or the app's when the
/// file has none (with the file's normal labels).
private func evaluateModelFile(_ file: ModelFile, path: String, in state: inout AppState) -> [Command] {
  guard file.featureCount == state.featureCount else {
    reportFailure(
      "Cannot open the model file",
      FileTasks.featureCountMismatch(path: path, modelFeatures: file.featureCount, dataFeatures: state.featureCount),
      in: &state)
    return []
  }
  var splitConfiguration = state.split
  if let split = file.split {
    splitConfiguration = split
  } else {
    splitConfiguration.normalLabels = Set(file.normalLabels)
  }
  state.notice = Notice(.info, "Evaluating \(path.debugDescription) on \(splitConfiguration.testSize) test rows…")
  return [
    .files(
      .evaluateModel(
        file, path: path, splitConfiguration: splitConfiguration, dataGeneration: state.files.dataGeneration))
  ]
}

/// Makes an evaluated model file the current model: its snapshot, its
/// training and split settings and its threshold replace the app's.
private func useModel(_ opened: OpenedModel, in state: inout AppState) -> [Command] {
  guard opened.dataGeneration == state.files.dataGeneration else {
    state.notice = Notice(
      .warning, "Other data was opened while \(opened.path.debugDescription) was read; press o to open it again.")
    return []
  }
  state.snapshot = opened.snapshot
  state.training = opened.file.training ?? trainingSettings(for: opened.file.model.architecture, from: state.training)
  state.split = opened.splitConfiguration
  if let threshold = opened.file.threshold {
    if case .fixed(let value) = threshold.rule {
      state.threshold = .manual(value)
    } else {
      state.threshold = .rule(threshold.rule)
    }
  }
  state.isStale = false
  state.replayEpoch = nil
  state.explore.drawing = nil
  state.runs.current = state.runs.makeRun(
    startedAt: nil, data: state.dataDescription, splitConfiguration: opened.splitConfiguration, modelFile: opened.path)
  state.files.lastModelPath = opened.path

  let auc = opened.snapshot.evaluation?.auc.map { "AUC " + ChartNumberFormat.auc($0) } ?? "no AUC (one class)"
  var text =
    "Opened \(opened.path.debugDescription): \(opened.snapshot.architecture.summary), \(auc) on "
    + "\(opened.snapshot.split.test.rows) test rows. Space trains a new model with its settings."
  if let warning = opened.warnings.first {
    text = warning + " " + text
  }
  state.notice = Notice(opened.warnings.isEmpty ? .info : .warning, text)
  return [.discardRun]
}

/// Returns the app's training settings with the layers of `architecture`,
/// for a model file without training settings of its own.
private func trainingSettings(for architecture: Architecture, from current: TrainingConfiguration)
  -> TrainingConfiguration
{
  var training = current
  training.encoderUnits = architecture.encoderUnits
  training.latentSize = architecture.latentSize
  training.hiddenActivation = architecture.hiddenActivation
  training.outputActivation = architecture.outputActivation
  return training
}
