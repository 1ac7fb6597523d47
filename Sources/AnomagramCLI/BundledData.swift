import Foundation

/// Finds the ECG5000 files that ship with the program.
public enum BundledData {
  /// The file names inside the data folder, training file first.
  public static let fileNames = ["ECG5000_TRAIN.tsv", "ECG5000_TEST.tsv"]

  /// Environment variable naming the folder that holds the ECG5000 files.
  public static let environmentVariable = "ANOMAGRAM_DATA_DIR"

  /// The paths of the bundled files, or `nil` when they cannot be found.
  ///
  /// Looks in `$ANOMAGRAM_DATA_DIR`, then in `Data/ecg5000` under the
  /// folder of the executable and each folder above it (a build inside the
  /// source tree sits in `.build/<configuration>/`), then under the current
  /// folder and each folder above it.
  public static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executablePath: String = CommandLine.arguments.first ?? "",
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) -> [String]? {
    var folders: [URL] = []
    if let configured = environment[environmentVariable], !configured.isEmpty {
      folders.append(URL(fileURLWithPath: configured))
    }
    let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
    folders += ancestors(of: executable.deletingLastPathComponent()).map { $0.appendingPathComponent("Data/ecg5000") }
    folders += ancestors(of: URL(fileURLWithPath: currentDirectory)).map { $0.appendingPathComponent("Data/ecg5000") }

    for folder in folders {
      let paths = fileNames.map { folder.appendingPathComponent($0).path }
      if paths.allSatisfy({ FileManager.default.isReadableFile(atPath: $0) }) {
        return paths
      }
    }
    return nil
  }

  /// `url` and every folder above it, nearest first.
  private static func ancestors(of url: URL) -> [URL] {
    var result: [URL] = []
    var current = url.standardizedFileURL
    while true {
      result.append(current)
      let parent = current.deletingLastPathComponent()
      if parent.path == current.path || result.count > 64 { break }
      current = parent
    }
    return result
  }

  /// The message for when the files cannot be found.
  public static let notFoundMessage = """
    Cannot find the bundled ECG5000 files (\(fileNames.joined(separator: ", "))). \
    Run the program from its source folder, set \(environmentVariable) to the folder that holds them, \
    or name a data file with --data FILE.
    """
}
