/// A 64-bit FNV-1a hash of labelled rows, stored in model files to identify
/// the training data without storing it.
///
/// The hashed bytes are, for each row in order, its values as little-endian
/// float32 (4 bytes each), then its label in UTF-8, then one zero byte. The
/// zero byte ends the label, which cannot contain one because data files with
/// NUL bytes are rejected. Two fingerprints are equal when the rows, their
/// order, their labels and their float32 values are equal, barring a hash
/// collision. FNV-1a is not a cryptographic hash: it detects accidental
/// differences, not deliberate ones.
public struct DataFingerprint: Sendable, Hashable {
  /// The algorithm's name as written in model files.
  public static let algorithm = "FNV-1a 64"

  /// The number of rows hashed.
  public let rows: Int
  /// The hash value.
  public let hash: UInt64

  public init(rows: Int, hash: UInt64) {
    self.rows = rows
    self.hash = hash
  }

  /// Hashes the rows of `values`, `[rows, features]`, with their labels.
  public init(values: Matrix, labels: [String]) {
    precondition(values.rows == labels.count, "Got \(values.rows) rows but \(labels.count) labels")
    var hasher = FNV1a64()
    for (index, label) in labels.enumerated() {
      hasher.combine(Float32Bytes.encode(values.row(index)))
      hasher.combine(Array(label.utf8))
      hasher.combine([0])
    }
    self.init(rows: labels.count, hash: hasher.value)
  }

  /// The hash as 16 lowercase hexadecimal digits.
  public var hexadecimal: String {
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}

/// The 64-bit FNV-1a hash (Fowler, Noll and Vo; IETF draft
/// draft-eastlake-fnv): for each byte, `hash = (hash XOR byte) × 1099511628211`
/// modulo 2^64, starting from 14695981039346656037.
struct FNV1a64 {
  static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x0000_0100_0000_01b3

  private(set) var value = offsetBasis

  mutating func combine(_ bytes: [UInt8]) {
    for byte in bytes {
      value = (value ^ UInt64(byte)) &* Self.prime
    }
  }
}
