import AnomagramCore
import Foundation

/// A side effect on files or on the data the runs use, which the run loop
/// carries out (see `FileTasks`). Every one but `useData` reads or writes
/// the disk and reports back with a `FileEvent`.
public enum FileCommand: Equatable, Sendable {
  /// List the folder of `text`, a prompt's text, for Tab completion. A
  /// command rather than a file system value in the state, so `update`
  /// does no I/O and its tests send listings as messages.
  case listFolder(text: String)
  /// Check that `path` names a readable file, before the app prompts for the
  /// label column. The run loop carries it out at once, not on the worker.
  case checkDataPath(path: String)
  /// Read a data file as `anomagram train --data PATH` does with this format.
  case loadData(path: String, format: DataFileFormat)
  /// Train and evaluate from now on with this data.
  case useData(LoadedData)
  /// Read a model file.
  case loadModel(path: String)
  /// Draw a split of the data with `splitConfiguration` and evaluate the
  /// model file's model on it. `dataGeneration` is `FileState.dataGeneration`
  /// when the command was made, so an evaluation of data since replaced is
  /// dropped.
  case evaluateModel(ModelFile, path: String, splitConfiguration: SplitConfiguration, dataGeneration: Int)
  /// Write a model file. Without `overwrite`, an existing file is left alone
  /// and the app asks first.
  case saveModel(ModelToSave, path: String, overwrite: Bool)
  /// Write the run history as CSV, with start times in `timeZone`.
  case exportRuns([RunRecord], path: String, timeZone: TimeZone, overwrite: Bool)

  /// The same command with permission to replace an existing file.
  var overwriting: FileCommand {
    switch self {
    case .saveModel(let model, let path, _): .saveModel(model, path: path, overwrite: true)
    case .exportRuns(let records, let path, let timeZone, _):
      .exportRuns(records, path: path, timeZone: timeZone, overwrite: true)
    default: self
    }
  }
}

/// The result of a `FileCommand`, sent to `update` as `Message.files`.
public enum FileEvent: Sendable {
  /// The folder of `request`, a prompt's text, was listed.
  case folderListed(request: String, entries: [FolderEntry])
  /// The folder of `request` could not be listed, for the `reason` given.
  case folderListFailed(request: String, reason: String)
  /// `path` was checked: `problem` gives the reason it cannot be read as a
  /// data file, or is `nil` when it can.
  case dataPathChecked(path: String, problem: String?)
  case dataLoaded(LoadedData)
  /// Reading a data file failed; the text is the command line's message.
  case dataLoadFailed(String)
  case modelFileLoaded(ModelFile, path: String)
  case modelEvaluated(OpenedModel)
  /// Reading or evaluating a model file failed, for the reason in the text.
  case modelOpenFailed(String)
  /// A file exists where the command would write; `update` asks before
  /// sending the command again with permission to overwrite.
  case fileExists(FileCommand, path: String)
  case modelSaved(path: String)
  case runsExported(path: String, rows: Int)
  /// Writing a file failed. The text gives the reason and states that any existing file is unchanged.
  case writeFailed(String)
}

/// Data read by `FileCommand.loadData`: the rows to split, as
/// `TrainCommand.loadData` returns them, and a description for the title.
public struct LoadedData: Equatable, Sendable {
  public var pool: Dataset
  /// Separate test rows, or `nil` when the split draws them from `pool`.
  public var test: Dataset?
  public var files: [String]
  /// "beats.csv: 60 rows of 24 values".
  public var description: String

  public init(pool: Dataset, test: Dataset?, files: [String], description: String) {
    self.pool = pool
    self.test = test
    self.files = files
    self.description = description
  }
}

/// A model from a file, evaluated on a split of the current data.
public struct OpenedModel: Sendable {
  /// A finished-looking snapshot with the model's evaluation (see
  /// `TrainingSnapshot.evaluating`).
  public var snapshot: TrainingSnapshot
  public var file: ModelFile
  public var path: String
  /// The settings that drew the split: the file's, or the app's when the file has none.
  public var splitConfiguration: SplitConfiguration
  public var dataGeneration: Int
  /// Sentences about differences the user should know of, such as a split
  /// whose scaling differs from the model's.
  public var warnings: [String]
}

/// The contents of a model file to write: the model of the current snapshot,
/// the split it was trained or evaluated on, and the settings and threshold.
public struct ModelToSave: Equatable, Sendable {
  public var model: Autoencoder
  public var split: DataSplit
  public var splitConfiguration: SplitConfiguration
  public var training: TrainingConfiguration
  public var threshold: ThresholdChoice
}
