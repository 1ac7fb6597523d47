import Foundation
import Synchronization

/// A source of bytes read in chunks as they become available: standard
/// input, a file, or text given by a test.
public struct ByteStream: Sendable {
  private let nextChunk: @Sendable () throws -> [UInt8]?

  /// Creates a stream whose `next` returns the next chunk, or `nil` at the end.
  public init(next: @escaping @Sendable () throws -> [UInt8]?) {
    nextChunk = next
  }

  /// Returns the next chunk of bytes, or `nil` at the end of the stream.
  /// Chunks are never empty.
  public func next() throws -> [UInt8]? {
    while let chunk = try nextChunk() {
      if !chunk.isEmpty { return chunk }
    }
    return nil
  }

  /// Returns the UTF-8 bytes of `text` in chunks of at most `chunkSize` bytes, so a
  /// test can check lines that span chunks.
  public static func text(_ text: String, chunkSize: Int = 1 << 16) -> ByteStream {
    precondition(chunkSize >= 1, "Chunk size must be at least 1, got \(chunkSize)")
    let bytes = Array(text.utf8)
    let position = Counter()
    return ByteStream {
      let start = position.advance(by: chunkSize)
      guard start < bytes.count else { return nil }
      return Array(bytes[start..<min(start + chunkSize, bytes.count)])
    }
  }

  /// The process's standard input.
  public static var standardInput: ByteStream {
    fileDescriptor(STDIN_FILENO, name: "standard input")
  }

  /// Reads from an open file descriptor; each chunk is what one `read(2)`
  /// returns, so lines from a pipe arrive as soon as they are written.
  static func fileDescriptor(_ descriptor: Int32, name: String) -> ByteStream {
    ByteStream {
      var buffer = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
        if count >= 0 { return count == 0 ? nil : Array(buffer[0..<count]) }
        if errno != EINTR {
          throw CommandError("Cannot read \(name) (\(String(cString: strerror(errno)))).")
        }
      }
    }
  }

  /// Opens the file at `path` for reading; the file stays open until the
  /// stream is released.
  static func file(_ path: String) throws -> ByteStream {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR {
        throw CommandError("Input file \(path.debugDescription) does not exist. Check the path.")
      }
      throw CommandError("Cannot read input file \(path.debugDescription) (\(String(cString: strerror(code)))).")
    }
    let handle = DescriptorOwner(descriptor)
    let stream = fileDescriptor(descriptor, name: path.debugDescription)
    return ByteStream {
      // Capturing the owner keeps the descriptor open while the stream is in use.
      _ = handle
      return try stream.next()
    }
  }
}

/// A position shared by the calls of a stream's closure.
private final class Counter: Sendable {
  private let value = Mutex(0)

  /// Returns the current value and adds `step` to it.
  func advance(by step: Int) -> Int {
    value.withLock { value in
      defer { value += step }
      return value
    }
  }
}

/// Closes a file descriptor when the last stream that reads it is released.
private final class DescriptorOwner: Sendable {
  let descriptor: Int32

  init(_ descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit {
    close(descriptor)
  }
}
