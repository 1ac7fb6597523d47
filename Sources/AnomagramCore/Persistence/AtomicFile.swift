import Foundation

/// Reads whole files and replaces files atomically.
///
/// A write goes to a temporary file in the destination's folder, which is
/// flushed to disk and then renamed over the destination. `rename(2)` within
/// one file system is atomic, so a reader sees either the old file or the
/// complete new one, and a failed write leaves the old file untouched and no
/// temporary file behind.
public enum AtomicFile {
  /// The number of symbolic links a write follows before giving up, the
  /// same limit of 40 that Linux applies to one path lookup.
  private static let maximumLinkDepth = 40

  /// Replaces the file at `path` with `bytes`, or creates it.
  ///
  /// When `path` is a symbolic link, or a chain of them, the file the last
  /// link points to is replaced and the links stay as they are. A link to a
  /// file that does not exist yet creates that file. A new file gets
  /// permissions `0666` minus the process's umask, as a shell redirection
  /// gives it, and a replaced file keeps the permissions it had.
  ///
  /// - Throws: `PersistenceError.notARegularFile` when the destination is a
  ///   folder, device, FIFO or socket, `.writeProtected` when it is a file
  ///   without write permission, and `.writeFailed` when creating, writing or
  ///   renaming the temporary file fails. In every case the destination is
  ///   unchanged.
  public static func write(_ bytes: [UInt8], to path: String) throws(PersistenceError) {
    try replace(path: path) { descriptor throws(PersistenceError) in
      try writeAll(bytes, to: descriptor, path: path)
    }
  }

  /// Checks, without writing, that `write(_:to:)` could replace or create
  /// the file at `path`: after following symbolic links it is absent, or a
  /// regular file with write permission.
  ///
  /// - Throws: the `notARegularFile`, `writeProtected` or `writeFailed`
  ///   error that `write(_:to:)` would throw before writing anything.
  public static func checkDestination(_ path: String) throws(PersistenceError) {
    _ = try Destination(checking: path)
  }

  /// Replaces the file at `path` with the UTF-8 bytes of `text`.
  public static func write(_ text: String, to path: String) throws(PersistenceError) {
    try write(Array(text.utf8), to: path)
  }

  /// Creates a temporary file beside the destination of `path`, lets
  /// `writeContents` fill it, and renames it over the destination. When
  /// anything fails, including `writeContents`, the temporary file is removed
  /// and the destination is untouched.
  static func replace(
    path: String, writeContents: (Int32) throws(PersistenceError) -> Void
  ) throws(PersistenceError) {
    let destination = try Destination(checking: path)
    let (descriptor, temporaryPath) = try createTemporaryFile(for: destination, path: path)
    var closed = false
    do {
      if let mode = destination.existingMode {
        try check(fchmod(descriptor, mode), path: path)
      }
      try writeContents(descriptor)
      try check(fsync(descriptor), path: path)
      closed = true
      try check(close(descriptor), path: path)
      try check(rename(temporaryPath, destination.path), path: path)
    } catch {
      if !closed { close(descriptor) }
      unlink(temporaryPath)
      throw error
    }
    syncFolder(destination.folder)
  }

  /// Reads the whole file at `path`.
  public static func read(_ path: String) throws(PersistenceError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .fileNotFound(path: path) }
      throw .fileUnreadable(path: path, reason: systemMessage(code))
    }
    defer { close(descriptor) }

    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw .fileUnreadable(path: path, reason: systemMessage(errno))
    }
    if status.st_mode & S_IFMT == S_IFDIR {
      throw .fileUnreadable(path: path, reason: "it is a folder")
    }

    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(status.st_size))
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
      if count == 0 { break }
      if count < 0 {
        if errno == EINTR { continue }
        throw .fileUnreadable(path: path, reason: systemMessage(errno))
      }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
  }

  /// Returns the size in bytes of the file at `path`, without reading it.
  static func size(of path: String) throws(PersistenceError) -> Int {
    var status = stat()
    guard stat(path, &status) == 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .fileNotFound(path: path) }
      throw .fileUnreadable(path: path, reason: systemMessage(code))
    }
    if status.st_mode & S_IFMT == S_IFDIR {
      throw .fileUnreadable(path: path, reason: "it is a folder")
    }
    return Int(status.st_size)
  }

  // MARK: - Destination

  /// Opens a new, empty file with a random name beside `destination`, and
  /// returns its descriptor and path.
  private static func createTemporaryFile(
    for destination: Destination, path: String
  ) throws(PersistenceError) -> (descriptor: Int32, path: String) {
    // A clash with another file's name is retried under a new name. A
    // hundred clashes in a row mean that something other than chance is at work.
    for _ in 0..<100 {
      let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
      let temporaryPath = joined(destination.folder, ".\(destination.name).tmp-\(suffix)")
      // Mode 0666 lets the kernel subtract the umask, as it does for a shell
      // redirection. `replace` then sets an existing file's mode explicitly.
      let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if descriptor >= 0 { return (descriptor, temporaryPath) }
      let code = errno
      if code != EEXIST && code != EINTR {
        throw .writeFailed(path: path, reason: systemMessage(code))
      }
    }
    throw .writeFailed(path: path, reason: systemMessage(EEXIST))
  }

  /// Returns `path` with symbolic links in its last component followed, to
  /// the file the last link points to, which may not exist.
  fileprivate static func resolvingSymbolicLinks(_ path: String) throws(PersistenceError) -> String {
    var current = path
    for _ in 0..<maximumLinkDepth {
      var status = stat()
      // A path that `lstat` cannot read is returned as it is, and creating
      // the temporary file beside it then reports the system's reason.
      guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
      let target = try linkTarget(current, path: path)
      current = target.hasPrefix("/") ? target : joined(split(current).folder, target)
    }
    throw .writeFailed(path: path, reason: systemMessage(ELOOP))
  }

  private static func linkTarget(_ link: String, path: String) throws(PersistenceError) -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = buffer.withUnsafeMutableBufferPointer { readlink(link, $0.baseAddress!, $0.count - 1) }
    guard count >= 0 else {
      throw .writeFailed(path: path, reason: systemMessage(errno))
    }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Splits `path` at its last slash. A path without a slash is in the
  /// current folder.
  fileprivate static func split(_ path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let folder = String(path[..<slash])
    return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
  }

  private static func joined(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : "\(folder)/\(name)"
  }

  // MARK: - Helpers

  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(PersistenceError) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw .writeFailed(path: path, reason: systemMessage(errno))
      }
      offset += written
    }
  }

  private static func check(_ result: Int32, path: String) throws(PersistenceError) {
    if result != 0 {
      throw .writeFailed(path: path, reason: systemMessage(errno))
    }
  }

  /// Flushes the folder's entry for the renamed file, so that the rename
  /// itself survives a power failure. A failure here changes nothing that a
  /// reader could see, so it is ignored.
  private static func syncFolder(_ folder: String) {
    let descriptor = open(folder, O_RDONLY)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  fileprivate static func systemMessage(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}

/// The file that a write replaces, found by following the symbolic links of
/// the caller's path. It is a regular file that may be written, or absent.
private struct Destination {
  /// The path the rename replaces.
  let path: String
  let folder: String
  let name: String
  /// The permission bits of the existing file, or `nil` when the write creates it.
  let existingMode: mode_t?

  /// Follows the links from `requestedPath` and checks what is at the end.
  init(checking requestedPath: String) throws(PersistenceError) {
    path = try AtomicFile.resolvingSymbolicLinks(requestedPath)
    (folder, name) = AtomicFile.split(path)

    var status = stat()
    guard stat(path, &status) == 0 else {
      let code = errno
      guard code == ENOENT else {
        throw .writeFailed(path: requestedPath, reason: AtomicFile.systemMessage(code))
      }
      existingMode = nil
      return
    }
    let type = status.st_mode & S_IFMT
    guard type == S_IFREG else {
      throw .notARegularFile(path: requestedPath, resolvedPath: path, type: Self.fileType(type))
    }
    // Root passes `access(W_OK)` for any file on a writable file system, so a
    // file with no write bit at all counts as write-protected too, as `chmod a-w` intends.
    let mode = status.st_mode & 0o7777
    if mode & 0o222 == 0 || (access(path, W_OK) != 0 && errno == EACCES) {
      throw .writeProtected(path: requestedPath, resolvedPath: path)
    }
    existingMode = mode
  }

  private static func fileType(_ type: mode_t) -> PersistenceError.FileType {
    switch type {
    case S_IFDIR: .folder
    case S_IFCHR: .characterDevice
    case S_IFBLK: .blockDevice
    case S_IFIFO: .fifo
    case S_IFSOCK: .socket
    default: .other
    }
  }
}
