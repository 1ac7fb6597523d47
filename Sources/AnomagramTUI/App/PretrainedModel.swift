import AnomagramCore
import Foundation

/// The pretrained ECG5000 model that ships beside the bundled data, which
/// the Explore screen shows before any run has trained a model.
public enum PretrainedModel {
  /// The model file's name inside the `pretrained` folder.
  public static let fileName = "ecg5000-autoencoder.json"

  /// Returns where the pretrained model sits for these data files: in the
  /// folder `pretrained` beside the folder of the first file, as
  /// `Data/pretrained` sits beside `Data/ecg5000`. `nil` without files.
  public static func path(besideDataFiles dataFiles: [String]) -> String? {
    guard let first = dataFiles.first else { return nil }
    let dataFolder = URL(fileURLWithPath: first).deletingLastPathComponent()
    return dataFolder.deletingLastPathComponent().appendingPathComponent("pretrained/\(fileName)").path
  }

  /// Loads the model file at `path` and draws the split it records from the
  /// app's data, so that the test rows are rows the model did not train on.
  ///
  /// The split is drawn as `DataSplit.make` drew it for training: from
  /// `pool`, or from `pool` and `testPool` when there is a test file. The
  /// training rows it gives must match the fingerprint the file records;
  /// other data, such as one ECG5000 file instead of both, is rejected.
  ///
  /// - Returns: the model with its test rows, named "pretrained model, AUC
  ///   0.9991" (with its AUC on those rows).
  public static func load(path: String, pool: Dataset, testPool: Dataset?) throws(PretrainedModelError) -> ExploreModel {
    let file: ModelFile
    do {
      file = try ModelFile.load(from: path)
    } catch {
      throw .unreadable(error)
    }
    guard let configuration = file.split, let fingerprint = file.trainingData else {
      throw .noRecordedSplit(path: path)
    }
    guard file.featureCount == pool.featureCount else {
      throw .featureCountMismatch(path: path, model: file.featureCount, data: pool.featureCount)
    }

    let split: DataSplit
    do {
      if let testPool {
        split = try DataSplit.make(train: pool, test: testPool, configuration: configuration)
      } else {
        split = try DataSplit.make(pool: pool, configuration: configuration)
      }
    } catch {
      throw .splitFailed(path: path, reason: error.description)
    }
    guard DataFingerprint(values: split.train, labels: split.trainLabels) == fingerprint else {
      throw .otherTrainingRows(path: path)
    }

    // Both forms of `DataSplit.make` draw the training rows from `pool`.
    var model = ExploreModel(
      model: file.model, scaler: file.scaler, trainRows: pool.values.selectingRows(split.trainIndices),
      testRows: split.rawTest, testLabels: split.testLabels, testIsAbnormal: split.testIsAbnormal,
      testIsLabelled: split.testIsLabelled, origin: "pretrained model")
    model.origin = origin(testErrors: model.testErrors, testIsAbnormal: model.testIsAbnormal)
    return model
  }

  /// "pretrained model, AUC 0.9991", or without the AUC when it is undefined.
  static func origin(testErrors: [Float], testIsAbnormal: [Bool]) -> String {
    guard let auc = ROCCurve(errors: testErrors, isAbnormal: testIsAbnormal).auc else { return "pretrained model" }
    return "pretrained model, AUC \(String(format: "%.4f", auc))"
  }
}

/// A reason the pretrained model was not loaded. Each case names the file.
public enum PretrainedModelError: Error, Equatable, CustomStringConvertible {
  /// The file is missing or damaged.
  case unreadable(PersistenceError)
  /// The file records no split or no fingerprint of its training rows.
  case noRecordedSplit(path: String)
  case featureCountMismatch(path: String, model: Int, data: Int)
  /// The recorded split cannot be drawn from the data.
  case splitFailed(path: String, reason: String)
  /// The recorded split draws training rows other than those the model was trained on.
  case otherTrainingRows(path: String)

  /// The message for the status bar: what is wrong first, then the file,
  /// because the status bar may cut the end off.
  public var description: String {
    switch self {
    case .unreadable(let error):
      return "No pretrained model: its file is missing or damaged. \(error)"
    case .noRecordedSplit(let path):
      return "No pretrained model: its file records no split to draw test rows with (\(path.debugDescription))."
    case .featureCountMismatch(let path, let model, let data):
      return "No pretrained model: it takes \(model) values per row, the data has \(data) (\(path.debugDescription))."
    case .splitFailed(let path, let reason):
      return "No pretrained model: its recorded split fails on this data. \(reason) File: \(path.debugDescription)."
    case .otherTrainingRows(let path):
      return "No pretrained model: it needs both ECG5000 files pooled, the default data. Here its recorded split "
        + "draws other training rows, so its test rows could overlap them (\(path.debugDescription))."
    }
  }
}
