/// Per-feature min-max scaling into [0, 1], fitted on training rows.
///
/// ```
/// scaled = (value - minimum) / (maximum - minimum)
/// ```
///
/// Values outside the fitted range map outside [0, 1] and are never clipped,
/// so test data that is larger or smaller than anything seen in training stays
/// visible. A constant feature (`maximum == minimum`) is divided by 1 instead
/// of 0, as scikit-learn's `MinMaxScaler` does: its training values all map to
/// 0, and any other value maps to its difference from the constant.
public struct MinMaxScaler: Sendable, Equatable, Codable {
  /// The smallest training value of each feature.
  public let minimums: [Float]
  /// The largest training value of each feature.
  public let maximums: [Float]

  /// Creates a scaler from stored parameters, for example ones read from a model file.
  public init(minimums: [Float], maximums: [Float]) {
    precondition(
      minimums.count == maximums.count,
      "A scaler needs as many minimums as maximums, got \(minimums.count) and \(maximums.count)")
    self.minimums = minimums
    self.maximums = maximums
  }

  /// Fits a scaler to the rows of `train`, `[samples, features]`.
  ///
  /// `train` needs at least one row. Its values should be finite, as
  /// `DataFileReader` guarantees, because a NaN makes the result undefined.
  public static func fit(_ train: Matrix) -> MinMaxScaler {
    precondition(train.rows > 0, "Fitting a scaler needs at least one row, got 0")
    var minimums = Array(train.row(0))
    var maximums = minimums
    for rowIndex in 1..<train.rows {
      for (feature, value) in train.row(rowIndex).enumerated() {
        minimums[feature] = min(minimums[feature], value)
        maximums[feature] = max(maximums[feature], value)
      }
    }
    return MinMaxScaler(minimums: minimums, maximums: maximums)
  }

  /// The number of features the scaler was fitted on.
  public var featureCount: Int { minimums.count }

  /// Scales every row of `data`, `[samples, featureCount]`.
  public func transform(_ data: Matrix) -> Matrix {
    checkColumns(of: data)
    let ranges = featureRanges()
    var scaled = data
    for index in scaled.elements.indices {
      let feature = index % data.columns
      let offset = Double(data.elements[index]) - Double(minimums[feature])
      scaled.elements[index] = Float(offset / ranges[feature])
    }
    return scaled
  }

  /// Maps scaled rows back to the original units, undoing `transform(_:)` up
  /// to float rounding.
  public func inverseTransform(_ scaled: Matrix) -> Matrix {
    checkColumns(of: scaled)
    let ranges = featureRanges()
    var data = scaled
    for index in data.elements.indices {
      let feature = index % scaled.columns
      data.elements[index] = Float(Double(scaled.elements[index]) * ranges[feature] + Double(minimums[feature]))
    }
    return data
  }

  /// `maximum - minimum` of each feature, with 1 for constant features so
  /// that nothing is divided by zero.
  ///
  /// The arithmetic is in `Double` because the difference of two finite
  /// floats can overflow `Float` (3e38 minus -3e38).
  private func featureRanges() -> [Double] {
    zip(minimums, maximums).map { minimum, maximum in
      maximum > minimum ? Double(maximum) - Double(minimum) : 1
    }
  }

  private func checkColumns(of data: Matrix) {
    precondition(
      data.columns == featureCount,
      "The scaler was fitted on \(featureCount) features, but the data has \(data.columns)")
  }
}
