import Foundation
import Testing

@testable import AnomagramCore

/// Creates a fresh folder under the temporary folder, passes its path to
/// `body` and removes it, with anything inside.
private func withTemporaryFolder<Result>(_ body: (String) throws -> Result) throws -> Result {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("AtomicFileTests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer {
    // Restore write permission first, in case a test left a protected file behind.
    try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
    try? FileManager.default.removeItem(at: folder)
  }
  return try body(folder.path)
}

/// Returns the `lstat` information of `path`, which describes a link itself rather than its target.
private func linkStatus(_ path: String) throws -> stat {
  var status = stat()
  guard lstat(path, &status) == 0 else {
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
  }
  return status
}

private func contents(_ path: String) throws -> String {
  try String(contentsOfFile: path, encoding: .utf8)
}

private func permissions(_ path: String) throws -> mode_t {
  try linkStatus(path).st_mode & 0o7777
}

private func entries(_ folder: String) throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
}

/// Writes `text` to `path` and returns the error, or `nil`.
private func writeError(_ text: String, to path: String) -> PersistenceError? {
  do throws(PersistenceError) {
    try AtomicFile.write(text, to: path)
    return nil
  } catch {
    return error
  }
}

@Suite("AtomicFile")
struct AtomicFileTests {
  // MARK: - Symbolic links

  @Test("write through a link replaces its target")
  func linkWriteThrough() throws {
    try withTemporaryFolder { folder throws in
      let target = "\(folder)/target.csv"
      let link = "\(folder)/link.csv"
      try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.csv")

      try AtomicFile.write("new\n", to: link)

      #expect(try linkStatus(link).st_mode & S_IFMT == S_IFLNK)
      #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.csv")
      #expect(try contents(target) == "new\n")
      #expect(try entries(folder) == ["link.csv", "target.csv"])
    }
  }

  @Test("write through a chain of links replaces the last target")
  func linkChain() throws {
    try withTemporaryFolder { folder throws in
      // first → sub/second → ../target, so each relative target is read from its link's own folder.
      try FileManager.default.createDirectory(atPath: "\(folder)/sub", withIntermediateDirectories: false)
      try "old\n".write(toFile: "\(folder)/target.csv", atomically: false, encoding: .utf8)
      try FileManager.default.createSymbolicLink(atPath: "\(folder)/sub/second.csv", withDestinationPath: "../target.csv")
      try FileManager.default.createSymbolicLink(atPath: "\(folder)/first.csv", withDestinationPath: "sub/second.csv")

      try AtomicFile.write("new\n", to: "\(folder)/first.csv")

      #expect(try linkStatus("\(folder)/first.csv").st_mode & S_IFMT == S_IFLNK)
      #expect(try linkStatus("\(folder)/sub/second.csv").st_mode & S_IFMT == S_IFLNK)
      #expect(try contents("\(folder)/target.csv") == "new\n")
      #expect(try entries(folder) == ["first.csv", "sub", "target.csv"])
      #expect(try entries("\(folder)/sub") == ["second.csv"])
    }
  }

  @Test("dangling link creates its target")
  func danglingLink() throws {
    try withTemporaryFolder { folder throws in
      try FileManager.default.createDirectory(atPath: "\(folder)/out", withIntermediateDirectories: false)
      let link = "\(folder)/link.csv"
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "\(folder)/out/missing.csv")

      try AtomicFile.write("new\n", to: link)

      #expect(try linkStatus(link).st_mode & S_IFMT == S_IFLNK)
      #expect(try contents("\(folder)/out/missing.csv") == "new\n")
      #expect(try entries("\(folder)/out") == ["missing.csv"])
    }
  }

  @Test("link loop is rejected")
  func linkLoop() throws {
    try withTemporaryFolder { folder throws in
      try FileManager.default.createSymbolicLink(atPath: "\(folder)/a", withDestinationPath: "b")
      try FileManager.default.createSymbolicLink(atPath: "\(folder)/b", withDestinationPath: "a")

      #expect {
        try AtomicFile.write("new\n", to: "\(folder)/a")
      } throws: { error in
        guard case .writeFailed(let path, _) = error as? PersistenceError else { return false }
        return path == "\(folder)/a"
      }
      #expect(try entries(folder) == ["a", "b"])
    }
  }

  @Test("failed write through a link keeps the target")
  func failedWriteThroughLink() throws {
    try withTemporaryFolder { folder throws in
      try FileManager.default.createDirectory(atPath: "\(folder)/data", withIntermediateDirectories: false)
      let target = "\(folder)/data/target.csv"
      let link = "\(folder)/link.csv"
      try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)

      #expect(throws: PersistenceError.writeFailed(path: link, reason: "simulated failure")) {
        try AtomicFile.replace(path: link) { descriptor throws(PersistenceError) in
          _ = "half".withCString { write(descriptor, $0, 4) }
          throw .writeFailed(path: link, reason: "simulated failure")
        }
      }
      #expect(try contents(target) == "old\n")
      #expect(try entries("\(folder)/data") == ["target.csv"])
      #expect(try entries(folder) == ["data", "link.csv"])
    }
  }

  // MARK: - Destinations that are not regular files

  @Test("FIFO is rejected without writing")
  func fifoRejected() throws {
    try withTemporaryFolder { folder throws in
      let fifo = "\(folder)/pipe"
      #expect(mkfifo(fifo, 0o600) == 0)

      #expect(throws: PersistenceError.notARegularFile(path: fifo, resolvedPath: fifo, type: .fifo)) {
        try AtomicFile.write("new\n", to: fifo)
      }
      #expect(try linkStatus(fifo).st_mode & S_IFMT == S_IFIFO)
      #expect(try entries(folder) == ["pipe"])
    }
  }

  @Test("link to a FIFO is rejected naming both")
  func linkToFIFORejected() throws {
    try withTemporaryFolder { folder throws in
      let fifo = "\(folder)/pipe"
      let link = "\(folder)/link"
      #expect(mkfifo(fifo, 0o600) == 0)
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fifo)

      let caught = writeError("new\n", to: link)

      #expect(caught == .notARegularFile(path: link, resolvedPath: fifo, type: .fifo))
      #expect(
        caught?.description
          == "Cannot write \(link.debugDescription): it is a symbolic link to \(fifo.debugDescription), which is "
          + "a FIFO, not a regular file. Nothing was written. Give the path of a new or existing regular file.")
      #expect(try linkStatus(link).st_mode & S_IFMT == S_IFLNK)
      #expect(try entries(folder) == ["link", "pipe"])
    }
  }

  @Test("folder is rejected without writing")
  func folderRejected() throws {
    try withTemporaryFolder { folder throws in
      let destination = "\(folder)/out"
      try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: false)

      #expect(throws: PersistenceError.notARegularFile(path: destination, resolvedPath: destination, type: .folder)) {
        try AtomicFile.write("new\n", to: destination)
      }
      #expect(try entries(folder) == ["out"])
      #expect(try entries(destination) == [])
    }
  }

  // MARK: - Permissions

  @Test("write-protected file is rejected")
  func writeProtectedRejected() throws {
    try withTemporaryFolder { folder throws in
      let path = "\(folder)/model.json"
      try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
      #expect(chmod(path, 0o444) == 0)

      let caught = writeError("new\n", to: path)

      // Root passes `access(W_OK)`, so run as root this checks the rejection of a file without write bits.
      #expect(caught == .writeProtected(path: path, resolvedPath: path))
      #expect(caught?.description.contains("it is a write-protected file") == true)
      #expect(try contents(path) == "old\n")
      #expect(try permissions(path) == 0o444)
      #expect(try entries(folder) == ["model.json"])
    }
  }

  @Test("link to a write-protected file is rejected")
  func linkToWriteProtectedRejected() throws {
    try withTemporaryFolder { folder throws in
      let target = "\(folder)/model.json"
      let link = "\(folder)/link.json"
      try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
      #expect(chmod(target, 0o444) == 0)
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "model.json")

      #expect(throws: PersistenceError.writeProtected(path: link, resolvedPath: "\(folder)/model.json")) {
        try AtomicFile.write("new\n", to: link)
      }
      #expect(try contents(target) == "old\n")
    }
  }

  @Test("replaced file keeps its permissions")
  func replacedFileKeepsMode() throws {
    try withTemporaryFolder { folder throws in
      let path = "\(folder)/model.json"
      try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
      #expect(chmod(path, 0o640) == 0)

      try AtomicFile.write("new\n", to: path)

      #expect(try contents(path) == "new\n")
      #expect(try permissions(path) == 0o640)
    }
  }
}

/// Tests that change the process's umask. The umask is shared by every
/// thread, so these run one at a time and restore it straight after the
/// write. Another suite that creates a file within that window gets the
/// test's umask, which changes no test's outcome because none checks the
/// permissions of its new files.
@Suite("AtomicFile umask", .serialized)
struct AtomicFileUmaskTests {
  /// A umask and the permissions it leaves a new file, labelled in octal.
  struct UmaskCase: CustomTestStringConvertible, Sendable {
    var mask: mode_t
    var expected: mode_t

    var testDescription: String {
      "umask \(String(mask, radix: 8)) gives \(String(expected, radix: 8))"
    }
  }

  @Test(
    "new file gets 0666 minus the umask",
    arguments: [
      UmaskCase(mask: 0o077, expected: 0o600), UmaskCase(mask: 0o022, expected: 0o644),
      UmaskCase(mask: 0o002, expected: 0o664),
    ])
  func newFileMode(_ umaskCase: UmaskCase) throws {
    try withTemporaryFolder { folder throws in
      let path = "\(folder)/new.csv"
      let expected = umaskCase.expected

      let previous = umask(umaskCase.mask)
      let error = writeError("new\n", to: path)
      umask(previous)

      #expect(error == nil)
      #expect(try permissions(path) == expected)
      #expect(try contents(path) == "new\n")
    }
  }
}
