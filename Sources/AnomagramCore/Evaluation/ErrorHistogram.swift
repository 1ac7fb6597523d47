/// Counts of reconstruction errors in equal-width bins, split by class, for
/// the histogram chart.
///
/// Bin `i` of `binCount` covers `[lower + i w, lower + (i + 1) w)` with
/// `w = (upper − lower) / binCount`. The last bin also includes `upper`.
/// Errors below `lower` are counted in the first bin and errors above `upper`
/// in the last, so every sample is counted once and the chart shows outliers
/// at its edges.
public struct ErrorHistogram: Sendable, Hashable {
  /// The lower edge of the first bin.
  public let lowerBound: Float
  /// The upper edge of the last bin.
  public let upperBound: Float
  /// The number of normal samples in each bin.
  public let normalCounts: [Int]
  /// The number of abnormal samples in each bin.
  public let abnormalCounts: [Int]

  /// Counts `errors` into `binCount` bins over `range`.
  ///
  /// - Parameters:
  ///   - errors: One reconstruction error per sample. None may be NaN.
  ///   - isAbnormal: One label per sample, `true` for the abnormal class.
  ///   - range: The span of the bins. Its bounds must be finite and differ.
  ///   - binCount: At least 1.
  public init(errors: [Float], isAbnormal: [Bool], range: ClosedRange<Float>, binCount: Int) {
    precondition(
      errors.count == isAbnormal.count, "Got \(errors.count) errors but \(isAbnormal.count) labels")
    precondition(binCount >= 1, "A histogram needs at least 1 bin, got \(binCount)")
    precondition(
      range.lowerBound.isFinite && range.upperBound.isFinite && range.lowerBound < range.upperBound,
      "A histogram range needs finite, distinct bounds, got \(range)")
    precondition(!errors.contains { $0.isNaN }, "A histogram cannot count NaN errors")

    lowerBound = range.lowerBound
    upperBound = range.upperBound
    var normal = [Int](repeating: 0, count: binCount)
    var abnormal = [Int](repeating: 0, count: binCount)
    for (error, isAbnormalSample) in zip(errors, isAbnormal) {
      let bin = Self.binIndex(of: error, lowerBound: range.lowerBound, upperBound: range.upperBound, binCount: binCount)
      if isAbnormalSample {
        abnormal[bin] += 1
      } else {
        normal[bin] += 1
      }
    }
    normalCounts = normal
    abnormalCounts = abnormal
  }

  /// Counts `errors` into `binCount` bins that span them from the smallest
  /// to the largest finite error.
  ///
  /// When there is no finite error the range is `0...1`. When all finite
  /// errors equal `e`, the range is centred on `e` with a half-width of
  /// `max(0.5, |e| / 4)`, clipped to the finite `Float` values.
  public init(errors: [Float], isAbnormal: [Bool], binCount: Int) {
    self.init(errors: errors, isAbnormal: isAbnormal, range: Self.range(covering: errors), binCount: binCount)
  }

  /// The number of bins.
  public var binCount: Int { normalCounts.count }

  /// The width of every bin.
  public var binWidth: Float { (upperBound - lowerBound) / Float(binCount) }

  /// The number of samples of both classes in each bin.
  public var totalCounts: [Int] { zip(normalCounts, abnormalCounts).map { $0 + $1 } }

  /// Returns the lower and upper edge of bin `index`.
  public func edges(ofBin index: Int) -> (lower: Float, upper: Float) {
    precondition((0..<binCount).contains(index), "Bin \(index) is outside 0..<\(binCount)")
    let span = Double(upperBound) - Double(lowerBound)
    let lower = Double(lowerBound) + span * Double(index) / Double(binCount)
    let upper = Double(lowerBound) + span * Double(index + 1) / Double(binCount)
    return (Float(lower), Float(upper))
  }

  /// Returns the bin that counts `error`, clamping values outside the range
  /// to the first or last bin.
  public func binIndex(of error: Float) -> Int {
    precondition(!error.isNaN, "A NaN error has no bin")
    return Self.binIndex(of: error, lowerBound: lowerBound, upperBound: upperBound, binCount: binCount)
  }

  private static func binIndex(of error: Float, lowerBound: Float, upperBound: Float, binCount: Int) -> Int {
    // Comparing before converting keeps infinite errors out of `Int(_:)`,
    // which traps on values it cannot represent.
    if error <= lowerBound { return 0 }
    if error >= upperBound { return binCount - 1 }
    let position = (Double(error) - Double(lowerBound)) / (Double(upperBound) - Double(lowerBound))
    return min(Int(position * Double(binCount)), binCount - 1)
  }

  private static func range(covering errors: [Float]) -> ClosedRange<Float> {
    let finite = errors.filter(\.isFinite)
    guard let smallest = finite.min(), let largest = finite.max() else { return 0...1 }
    if smallest < largest {
      return smallest...largest
    }
    let halfWidth = max(0.5, abs(smallest) / 4)
    let lower = max(smallest - halfWidth, -Float.greatestFiniteMagnitude)
    let upper = min(smallest + halfWidth, Float.greatestFiniteMagnitude)
    return lower...upper
  }
}
