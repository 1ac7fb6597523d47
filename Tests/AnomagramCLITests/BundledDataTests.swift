import Foundation
import Testing

@testable import AnomagramCLI

/// Creates `Data/ecg5000` with the files named in `fileNames` under `root`
/// and returns the folder.
@discardableResult
private func makeDataFolder(under root: URL, fileNames: [String] = BundledData.fileNames) throws -> URL {
  let folder = root.appendingPathComponent("Data/ecg5000")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  for name in fileNames {
    try writeFile("1\t0.5\t0.25\n", named: name, in: folder)
  }
  return folder
}

/// Creates an empty folder `name` under `root` and returns it.
private func makeEmptyFolder(_ name: String, under root: URL) throws -> URL {
  let folder = root.appendingPathComponent(name)
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder
}

/// `path` with symbolic links resolved, because the temporary folder may sit
/// behind one (on macOS, `/var` links to `/private/var`).
private func resolved(_ path: String) -> String {
  URL(fileURLWithPath: path).resolvingSymlinksInPath().path
}

@Suite("BundledData")
struct BundledDataTests {
  @Test("environment variable names the data folder")
  func environmentVariable() throws {
    try withTemporaryFolder { root in
      let dataFolder = try makeDataFolder(under: root.appendingPathComponent("elsewhere"))
      let empty = try makeEmptyFolder("empty", under: root)

      let paths = BundledData.locate(
        environment: [BundledData.environmentVariable: dataFolder.path],
        executablePath: empty.appendingPathComponent("anomagram").path, currentDirectory: empty.path)

      let expected = BundledData.fileNames.map { resolved(dataFolder.appendingPathComponent($0).path) }
      #expect(paths?.map(resolved) == expected)
    }
  }

  @Test("environment variable wins over the executable's tree")
  func environmentVariableFirst() throws {
    try withTemporaryFolder { root in
      let configured = try makeDataFolder(under: root.appendingPathComponent("configured"))
      let tree = root.appendingPathComponent("tree")
      try makeDataFolder(under: tree)

      let paths = BundledData.locate(
        environment: [BundledData.environmentVariable: configured.path],
        executablePath: tree.appendingPathComponent(".build/debug/anomagram").path, currentDirectory: tree.path)

      #expect(paths.map { resolved($0[0]) } == resolved(configured.appendingPathComponent("ECG5000_TRAIN.tsv").path))
    }
  }

  @Test("walk from the executable finds the data folder above it")
  func walkFromExecutable() throws {
    try withTemporaryFolder { root in
      let tree = root.appendingPathComponent("checkout")
      let dataFolder = try makeDataFolder(under: tree)
      let buildFolder = try makeEmptyFolder(".build/debug", under: tree)
      let empty = try makeEmptyFolder("empty", under: root)

      let paths = BundledData.locate(
        environment: [:], executablePath: buildFolder.appendingPathComponent("anomagram").path,
        currentDirectory: empty.path)

      let expected = BundledData.fileNames.map { resolved(dataFolder.appendingPathComponent($0).path) }
      #expect(paths?.map(resolved) == expected)
    }
  }

  @Test("walk from the current folder finds the data folder above it")
  func walkFromCurrentFolder() throws {
    try withTemporaryFolder { root in
      let tree = root.appendingPathComponent("checkout")
      let dataFolder = try makeDataFolder(under: tree)
      let workFolder = try makeEmptyFolder("Sources/deep", under: tree)
      let empty = try makeEmptyFolder("empty", under: root)

      let paths = BundledData.locate(
        environment: [:], executablePath: empty.appendingPathComponent("anomagram").path,
        currentDirectory: workFolder.path)

      let expected = BundledData.fileNames.map { resolved(dataFolder.appendingPathComponent($0).path) }
      #expect(paths?.map(resolved) == expected)
    }
  }

  @Test("nothing to find returns nil")
  func nothingFound() throws {
    try withTemporaryFolder { root in
      let empty = try makeEmptyFolder("empty", under: root)

      let paths = BundledData.locate(
        environment: [BundledData.environmentVariable: root.appendingPathComponent("absent").path],
        executablePath: empty.appendingPathComponent("anomagram").path, currentDirectory: empty.path)

      #expect(paths == nil)
    }
  }

  @Test("folder with only the training file is skipped")
  func incompleteFolder() throws {
    try withTemporaryFolder { root in
      let tree = root.appendingPathComponent("checkout")
      try makeDataFolder(under: tree, fileNames: ["ECG5000_TRAIN.tsv"])
      let empty = try makeEmptyFolder("empty", under: root)

      let paths = BundledData.locate(
        environment: [:], executablePath: tree.appendingPathComponent("anomagram").path,
        currentDirectory: empty.path)

      #expect(paths == nil)
    }
  }

  @Test("empty environment variable is ignored")
  func emptyEnvironmentVariable() throws {
    try withTemporaryFolder { root in
      let tree = root.appendingPathComponent("checkout")
      let dataFolder = try makeDataFolder(under: tree)
      let empty = try makeEmptyFolder("empty", under: root)

      let paths = BundledData.locate(
        environment: [BundledData.environmentVariable: ""],
        executablePath: tree.appendingPathComponent("anomagram").path, currentDirectory: empty.path)

      #expect(paths.map { resolved($0[1]) } == resolved(dataFolder.appendingPathComponent("ECG5000_TEST.tsv").path))
    }
  }
}
