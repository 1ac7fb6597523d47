import AnomagramCLI
import AnomagramCore
import Foundation

/// Carries out `FileCommand`s: the file reads and writes of the app. Each
/// function blocks until its work is done, so the run loop calls them on
/// `FileWorker`'s queue, never from `update`.
///
/// Paths are used as typed, relative to the current folder, except that a
/// leading `~` or `~/` stands for the home folder (`~user` is not expanded).
/// Messages name a path as the user typed it.
enum FileTasks {
  /// Carries out `command` on `data`, the rows the app trains on, and
  /// returns its result; `nil` for `useData`, which the run loop handles.
  static func perform(_ command: FileCommand, data: (pool: Dataset, test: Dataset?)) -> FileEvent? {
    switch command {
    case .listFolder(let text):
      return listFolder(of: text)
    case .checkDataPath(let path):
      return .dataPathChecked(path: path, problem: dataPathProblem(path))
    case .loadData(let path, let format):
      return loadData(path: path, format: format)
    case .useData:
      return nil
    case .loadModel(let path):
      if let problem = dataPathProblem(path) {
        return .modelOpenFailed(problem)
      }
      do {
        return .modelFileLoaded(try ModelFile.load(from: expandingTilde(path)), path: path)
      } catch {
        return .modelOpenFailed("\(error)")
      }
    case .evaluateModel(let file, let path, let splitConfiguration, let generation):
      return evaluate(file, path: path, splitConfiguration: splitConfiguration, generation: generation, data: data)
    case .saveModel(let model, let path, let overwrite):
      return saveModel(model, path: path, overwrite: overwrite, command: command)
    case .exportRuns(let records, let path, let timeZone, let overwrite):
      return exportRuns(records, path: path, timeZone: timeZone, overwrite: overwrite, command: command)
    }
  }

  /// Returns `path` with a leading `~` replaced by the home folder: `$HOME`,
  /// as shells use it, or the user's home folder when `HOME` is not set.
  static func expandingTilde(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/") else { return path }
    var home = ProcessInfo.processInfo.environment["HOME"] ?? ""
    if home.isEmpty {
      home = FileManager.default.homeDirectoryForCurrentUser.path
    }
    if home.count > 1 && home.hasSuffix("/") {
      home.removeLast()
    }
    return home + path.dropFirst()
  }

  // MARK: - Reading

  /// Lists the folder that a prompt's `text` is typing a name in.
  static func listFolder(of text: String) -> FileEvent {
    let folder = PathCompletion.split(text).folder
    let path = folder.isEmpty ? "." : expandingTilde(folder)
    let folderName = folder.isEmpty ? "the current folder" : folder.debugDescription
    guard isFolder(path) else {
      // "file/" does not exist to stat(2), which fails with ENOTDIR, so the check drops the slash.
      let withoutSlash = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
      let exists = FileManager.default.fileExists(atPath: withoutSlash)
      let reason = exists ? "\(folderName) is not a folder." : "\(folderName) does not exist."
      return .folderListFailed(request: text, reason: reason)
    }
    do {
      let names = try FileManager.default.contentsOfDirectory(atPath: path)
      let entries = names.map { name in
        FolderEntry(name: name, isFolder: isFolder(path.hasSuffix("/") ? path + name : path + "/" + name))
      }
      return .folderListed(request: text, entries: entries)
    } catch {
      return .folderListFailed(request: text, reason: "Cannot list \(folderName): \(error.localizedDescription)")
    }
  }

  /// Returns why `path` cannot be read as a data or model file (missing, a
  /// folder, a FIFO or device, unreadable), or `nil` when it is a readable
  /// regular file. Reading a FIFO would wait for a writer and hold up every
  /// later file command behind it.
  static func dataPathProblem(_ path: String) -> String? {
    let expanded = expandingTilde(path)
    let name = path.debugDescription
    var status = stat()
    guard stat(expanded, &status) == 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { return "\(name) does not exist." }
      return "Cannot read \(name): \(String(cString: strerror(code)))."
    }
    switch status.st_mode & S_IFMT {
    case S_IFDIR:
      return "\(name) is a folder. Type the path of a file; Tab completes names."
    case S_IFREG:
      break
    case S_IFIFO:
      return "\(name) is a FIFO, not a regular file. Save the data to a file and open that."
    default:
      return "\(name) is a device or socket, not a regular file."
    }
    guard access(expanded, R_OK) == 0 else {
      return "Cannot read \(name): \(String(cString: strerror(errno)))."
    }
    return nil
  }

  /// Reads a data file with `anomagram train`'s own loader and options, so
  /// the rules and messages are those of the command line.
  static func loadData(path: String, format: DataFileFormat) -> FileEvent {
    var options = TrainOptions()
    options.dataFiles = [expandingTilde(path)]
    options.header = format.header
    options.labelColumn = format.labelColumn
    do {
      let data = try TrainCommand.loadData(options)
      return .dataLoaded(
        LoadedData(pool: data.pool, test: data.test, files: data.files, description: AppCommand.describe(data)))
    } catch {
      return .dataLoadFailed("\(error)")
    }
  }

  /// Draws the split and evaluates the file's model on it.
  static func evaluate(
    _ file: ModelFile, path: String, splitConfiguration: SplitConfiguration, generation: Int,
    data: (pool: Dataset, test: Dataset?)
  ) -> FileEvent {
    // `update` checked the feature count against the data it knew of; the
    // data may have changed since, and a mismatch would trap in the model.
    guard file.featureCount == data.pool.featureCount else {
      return .modelOpenFailed(
        featureCountMismatch(path: path, modelFeatures: file.featureCount, dataFeatures: data.pool.featureCount))
    }
    let split: DataSplit
    do {
      if let test = data.test {
        split = try DataSplit.make(train: data.pool, test: test, configuration: splitConfiguration)
      } else {
        split = try DataSplit.make(pool: data.pool, configuration: splitConfiguration)
      }
    } catch {
      return .modelOpenFailed("Cannot draw the rows to evaluate \(path.debugDescription) on: \(error)")
    }
    let training = file.training ?? TrainingConfiguration(architecture: file.model.architecture)
    guard let snapshot = TrainingSnapshot.evaluating(file.model, on: split, configuration: training) else {
      return .modelOpenFailed(
        "The model in \(path.debugDescription) gives reconstruction errors that are not numbers (NaN) on this data, "
          + "so it cannot be shown.")
    }
    return .modelEvaluated(
      OpenedModel(
        snapshot: snapshot, file: file, path: path, splitConfiguration: splitConfiguration, dataGeneration: generation,
        warnings: scalingWarnings(file, split: split)))
  }

  /// Returns the message for a model whose input size differs from the data's.
  static func featureCountMismatch(path: String, modelFeatures: Int, dataFeatures: Int) -> String {
    "The model in \(path.debugDescription) takes \(modelFeatures) values per row, but the loaded data has "
      + "\(dataFeatures). Open a model trained on data like the loaded data, or open matching data with O first."
  }

  /// Says when the split's min-max scaling, which the evaluation uses,
  /// differs from the scaler saved with the model.
  private static func scalingWarnings(_ file: ModelFile, split: DataSplit) -> [String] {
    guard let scaler = file.scaler else {
      return [
        "The model file has no scaler, so it is shown on rows scaled to [0, 1] on this split's training rows."
      ]
    }
    if scaler != split.scaler {
      return [
        "This split scales the data differently from the model's training rows (other data or split settings), "
          + "so its errors differ from those of training."
      ]
    }
    return []
  }

  // MARK: - Writing

  private static func saveModel(_ model: ModelToSave, path: String, overwrite: Bool, command: FileCommand) -> FileEvent
  {
    if let refusal = writeRefusal(path: path, overwrite: overwrite, command: command, action: "save the model") {
      return refusal
    }
    let file = ModelFile(
      trainedModel: model.model, split: model.split, splitConfiguration: model.splitConfiguration,
      training: model.training, threshold: model.threshold)
    do {
      try file.save(to: expandingTilde(path))
      return .modelSaved(path: path)
    } catch {
      return .writeFailed("\(error)")
    }
  }

  private static func exportRuns(
    _ records: [RunRecord], path: String, timeZone: TimeZone, overwrite: Bool, command: FileCommand
  ) -> FileEvent {
    if let refusal = writeRefusal(path: path, overwrite: overwrite, command: command, action: "export the runs") {
      return refusal
    }
    do {
      try AtomicFile.write(RunHistoryCSV.text(records, timeZone: timeZone), to: expandingTilde(path))
      return .runsExported(path: path, rows: records.count)
    } catch {
      return .writeFailed("\(error)")
    }
  }

  /// Returns why `path` is not written yet: it is a folder, something
  /// else that cannot be written (a FIFO, a device, a write-protected
  /// file), or a file and `overwrite` is false. `nil` when writing may go
  /// ahead.
  private static func writeRefusal(path: String, overwrite: Bool, command: FileCommand, action: String) -> FileEvent? {
    let expanded = expandingTilde(path)
    if isFolder(expanded) {
      return .writeFailed("Cannot \(action) to \(path.debugDescription): it is a folder. Give a file name.")
    }
    do {
      try AtomicFile.checkDestination(expanded)
    } catch {
      return .writeFailed("\(error)")
    }
    if !overwrite && FileManager.default.fileExists(atPath: expanded) {
      return .fileExists(command, path: path)
    }
    return nil
  }

  private static func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }
}

extension TrainingConfiguration {
  /// Settings that rebuild `architecture` for a model that has no training
  /// settings of its own (an imported one), with the command line's
  /// defaults for everything else.
  init(architecture: Architecture) {
    self = TrainOptions.defaultTraining
    encoderUnits = architecture.encoderUnits
    latentSize = architecture.latentSize
    hiddenActivation = architecture.hiddenActivation
    outputActivation = architecture.outputActivation
  }
}
