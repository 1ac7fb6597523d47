import AnomagramCore

/// The source of a command's model: a model file or a TensorFlow.js folder.
enum ModelSource: Equatable {
  case modelFile(String)
  case tensorFlowJS(String)

  /// The path as given on the command line.
  var path: String {
    switch self {
    case .modelFile(let path), .tensorFlowJS(let path): path
    }
  }

  /// Reads the model and returns it with sentences for the user about what
  /// the source lacked, such as a TensorFlow.js folder without a sidecar.
  func load() throws(PersistenceError) -> (file: ModelFile, notes: [String]) {
    switch self {
    case .modelFile(let path):
      return (try ModelFile.load(from: path), [])
    case .tensorFlowJS(let directory):
      let imported = try TensorFlowJS.load(from: directory)
      var notes: [String] = []
      if !imported.hasSidecar {
        notes.append(
          "\(directory.debugDescription) has no \(TensorFlowJS.sidecarFileName), so the data is assumed to be "
            + "scaled already, the model has no threshold and the normal label is 1.")
      } else if imported.modelFile.scaler == nil {
        notes.append(
          "\(TensorFlowJS.sidecarFileName) in \(directory.debugDescription) has no scaler, so the data is assumed "
            + "to be scaled already.")
      }
      return (imported.modelFile, notes)
    }
  }

  /// Sets `source` once, rejecting a second `--model` or `--tfjs`.
  static func set(_ source: inout ModelSource?, to new: ModelSource, option: String) throws(UsageError) {
    guard source == nil else {
      throw UsageError("Give one model, either --model FILE or --tfjs DIR, not both or twice (\(option) is extra).")
    }
    source = new
  }
}

extension ThresholdRule {
  /// Checks that a rule can be applied without training errors, which a
  /// saved model does not keep: label rules and `fixed` pass.
  func requireNoTrainingErrors(option: String) throws(UsageError) {
    switch self {
    case .percentile, .meanPlusStandardDeviations:
      throw UsageError(
        "Invalid value \"\(argument)\" for \(option): rule \(shortName) needs the errors of the training rows, "
          + "which a saved model does not keep. Use max-f1, max-accuracy, youden or fixed:VALUE.")
    case .maxAccuracy, .maxF1, .youden, .fixed:
      return
    }
  }
}

/// Reads a `--threshold RULE` value.
func parseThresholdRule(_ value: String, option: String) throws(UsageError) -> ThresholdRule {
  do {
    return try ThresholdRule(argument: value)
  } catch {
    throw UsageError("Invalid value for \(option): \(error)")
  }
}

/// Reads a `--normal-class LABELS` value: labels separated by commas.
func parseNormalLabels(_ value: String, option: String) throws(UsageError) -> [String] {
  let labels = value.split(separator: ",", omittingEmptySubsequences: false).map {
    ClassLabel.canonical(String($0))
  }
  guard !labels.contains(where: \.isEmpty) else {
    throw UsageError.invalid(option, value, expected: "one or more labels separated by commas, such as 1 or 1,2")
  }
  return labels
}
