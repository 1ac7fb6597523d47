import Foundation

/// Conversion between `Float` values and their IEEE 754 binary32 bytes in
/// little-endian order, the layout of TensorFlow.js weight files and of the
/// weights in model files.
enum Float32Bytes {
  /// Returns the bytes of `values`, four per value, least significant byte first.
  static func encode<C: Collection>(_ values: C) -> [UInt8] where C.Element == Float {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(values.count * 4)
    for value in values {
      let bits = value.bitPattern
      bytes.append(UInt8(truncatingIfNeeded: bits))
      bytes.append(UInt8(truncatingIfNeeded: bits >> 8))
      bytes.append(UInt8(truncatingIfNeeded: bits >> 16))
      bytes.append(UInt8(truncatingIfNeeded: bits >> 24))
    }
    return bytes
  }

  /// Returns the values stored in `bytes`, whose count must be a multiple of 4.
  static func decode<C: Collection>(_ bytes: C) -> [Float] where C.Element == UInt8, C.Index == Int {
    precondition(bytes.count % 4 == 0, "float32 data needs a multiple of 4 bytes, got \(bytes.count)")
    var values: [Float] = []
    values.reserveCapacity(bytes.count / 4)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let bits =
        UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
        | UInt32(bytes[index + 3]) << 24
      values.append(Float(bitPattern: bits))
      index += 4
    }
    return values
  }

  /// Returns `values` as base64 text of their little-endian bytes (RFC 4648, with padding).
  static func base64(_ values: some Collection<Float>) -> String {
    Data(encode(values)).base64EncodedString()
  }

  /// Returns the values in base64 `text`, or `nil` when the text is not
  /// base64 or its byte count is not a multiple of 4.
  static func values(base64 text: String) -> [Float]? {
    guard let data = Data(base64Encoded: text), data.count % 4 == 0 else { return nil }
    return decode(Array(data))
  }
}
