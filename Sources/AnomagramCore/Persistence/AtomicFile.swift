import Foundation

/// Reads whole files and replaces files atomically.
///
/// A write goes to a temporary file in the destination's folder, which is
/// flushed to disk and then renamed over the destination. `rename(2)` within
/// one file system is atomic, so a reader sees either the old file or the
/// complete new one, and a failed write leaves the old file untouched and no
/// temporary file behind.
public enum AtomicFile {
  /// Replaces the file at `path` with `bytes`, or creates it.
  ///
  /// A new file gets permissions `rw-r--r--`; a replaced file keeps the
  /// permissions it had. When `path` is a symbolic link, the link itself is
  /// replaced, not the file it points to.
  public static func write(_ bytes: [UInt8], to path: String) throws(PersistenceError) {
    try replace(path: path) { descriptor throws(PersistenceError) in
      try writeAll(bytes, to: descriptor, path: path)
    }
  }

  /// Replaces the file at `path` with the UTF-8 bytes of `text`.
  public static func write(_ text: String, to path: String) throws(PersistenceError) {
    try write(Array(text.utf8), to: path)
  }

  /// Creates a temporary file beside `path`, lets `writeContents` fill it,
  /// and renames it over `path`. When anything fails, including
  /// `writeContents`, the temporary file is removed and `path` is untouched.
  static func replace(
    path: String, writeContents: (Int32) throws(PersistenceError) -> Void
  ) throws(PersistenceError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    var template = Array("\(folder)/.\(url.lastPathComponent).tmp-XXXXXX".utf8CString)
    let descriptor = mkstemp(&template)
    guard descriptor >= 0 else {
      throw .writeFailed(path: path, reason: systemMessage(errno))
    }
    let temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var closed = false
    do {
      var status = stat()
      let mode: mode_t = stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0o644
      try check(fchmod(descriptor, mode), path: path)
      try writeContents(descriptor)
      try check(fsync(descriptor), path: path)
      closed = true
      try check(close(descriptor), path: path)
      try check(rename(temporaryPath, path), path: path)
    } catch {
      if !closed { close(descriptor) }
      unlink(temporaryPath)
      throw error
    }
    syncFolder(folder)
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

  private static func systemMessage(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
