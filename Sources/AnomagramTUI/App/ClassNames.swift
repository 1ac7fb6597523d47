import AnomagramCLI
import Foundation

/// Names for class labels, known only for the bundled ECG5000 data.
public enum ClassNames {
  /// ECG5000's classes as the UCR archive lists them. Sources disagree on
  /// which of 3 and 4 is which, so screens show the number with the name.
  public static let ecg5000: [String: String] = [
    "1": "normal",
    "2": "R-on-T premature ventricular contraction",
    "3": "premature ventricular contraction",
    "4": "supraventricular premature or ectopic beat",
    "5": "unclassified beat",
  ]

  /// Returns `ecg5000` when the data is the bundled ECG5000, otherwise no names.
  ///
  /// The data counts as ECG5000 when every file's name is one of
  /// `BundledData.fileNames` (`ECG5000_TRAIN.tsv`, `ECG5000_TEST.tsv`), its
  /// rows have 140 values and every label is one of 1 to 5. The name check
  /// accepts a copy of the files elsewhere. The shape and label checks keep
  /// another data set that happens to use those names from getting heart
  /// beat names.
  ///
  /// - Parameters:
  ///   - dataFiles: the paths of every data file read, test file included.
  ///   - labels: the canonical labels of every row.
  public static func names(dataFiles: [String], featureCount: Int, labels: Set<String>) -> [String: String] {
    let fileNames = dataFiles.map { URL(fileURLWithPath: $0).lastPathComponent }
    guard !fileNames.isEmpty, fileNames.allSatisfy(BundledData.fileNames.contains), featureCount == 140,
      labels.isSubset(of: ecg5000.keys)
    else { return [:] }
    return ecg5000
  }
}
