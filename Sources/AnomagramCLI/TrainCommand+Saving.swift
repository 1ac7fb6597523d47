import AnomagramCore
import Foundation

extension TrainCommand {
  /// Returns a sentence naming a `--save` or `--export-tfjs` path that cannot
  /// be written, checked before training so that a long run is not lost to a
  /// typo: the save file's folder must exist, and the export folder must be
  /// a folder if it exists.
  static func outputFolderProblem(_ options: TrainOptions) -> String? {
    if let saveFile = options.saveFile {
      let folder = URL(fileURLWithPath: saveFile).deletingLastPathComponent().path
      if !isFolder(folder) {
        return "Cannot save the model to \(saveFile.debugDescription): the folder \(folder.debugDescription) "
          + "does not exist. Create it or choose another --save path."
      }
      if isFolder(saveFile) {
        return "Cannot save the model to \(saveFile.debugDescription): it is a folder. Give a file name."
      }
    }
    if let directory = options.exportTensorFlowJSDirectory, FileManager.default.fileExists(atPath: directory),
      !isFolder(directory)
    {
      return "Cannot export the model to \(directory.debugDescription): it is a file, not a folder."
    }
    return nil
  }

  private static func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// Tells the user that `--save` and `--export-tfjs` wrote nothing.
  static func reportModelNotSaved(_ options: TrainOptions, console: Console) {
    guard options.saveFile != nil || options.exportTensorFlowJSDirectory != nil else { return }
    console.writeError("anomagram train: The model was not saved or exported, because training diverged.\n")
  }

  /// Saves and exports the model of a finished run as the options ask, with
  /// the threshold the report chose. Returns the exit status: 0, or 1 when
  /// a file cannot be written.
  static func saveTrainedModel(
    snapshot: TrainingSnapshot, split: DataSplit, options: TrainOptions, report: TrainReport, console: Console
  ) -> Int32 {
    guard options.saveFile != nil || options.exportTensorFlowJSDirectory != nil else { return 0 }
    guard let model = snapshot.model, let threshold = report.threshold else {
      console.writeError("anomagram train: The run produced no evaluated model, so nothing was saved.\n")
      return 1
    }
    let file = ModelFile(
      trainedModel: model, split: split, splitConfiguration: options.split, training: options.training,
      threshold: ThresholdChoice(value: threshold.value, rule: options.thresholdRule))
    do {
      if let saveFile = options.saveFile {
        try file.save(to: saveFile)
        console.writeError("anomagram train: Saved the model to \(saveFile.debugDescription).\n")
      }
      if let directory = options.exportTensorFlowJSDirectory {
        try TensorFlowJS.export(file, to: directory)
        console.writeError(
          "anomagram train: Exported the model to \(directory.debugDescription) in the TensorFlow.js layers format.\n")
      }
    } catch {
      console.writeError("anomagram train: \(error)\n")
      return 1
    }
    return 0
  }
}
