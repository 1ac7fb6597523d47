/// A check for the failure in which a trained autoencoder outputs nearly the
/// same series for every input, usually the mean of the training rows.
///
/// Such a model still scores abnormal beats higher than normal ones,
/// because they are further from the mean, so its AUC looks respectable
/// (on ECG5000 around 0.96) while the reconstruction ignores the input.
/// The check compares how much outputs vary across samples with how much
/// inputs vary:
///
/// ```
/// ratio = mean over features of std(output) / mean over features of std(input)
/// ```
///
/// A healthy model has a ratio near 1; a collapsed one near 0.
public struct CollapseCheck: Sendable, Equatable, Codable {
  /// Ratios below this count as collapse. On ECG5000, runs with the default
  /// settings measured 0.6 to 0.9, and runs of the classic preset whose
  /// loss stalled measured 0.001 to 0.15.
  public static let collapseRatio = 0.2

  /// Mean over features of the standard deviation of the inputs across samples.
  public let inputSpread: Double
  /// The same for the reconstructions.
  public let outputSpread: Double

  public init(inputSpread: Double, outputSpread: Double) {
    self.inputSpread = inputSpread
    self.outputSpread = outputSpread
  }

  /// Measures the spreads of `input` and its `reconstruction`, both `[samples, features]`.
  public init(input: Matrix, reconstruction: Matrix) {
    precondition(
      input.rows == reconstruction.rows && input.columns == reconstruction.columns,
      "Input is \(input.rows)x\(input.columns) but reconstruction is \(reconstruction.rows)x\(reconstruction.columns)")
    self.init(inputSpread: Self.meanStandardDeviation(input), outputSpread: Self.meanStandardDeviation(reconstruction))
  }

  /// `outputSpread / inputSpread`, or `nil` when the inputs do not vary at all.
  public var ratio: Double? {
    inputSpread > 0 ? outputSpread / inputSpread : nil
  }

  public var isCollapsed: Bool {
    guard let ratio else { return false }
    return ratio < Self.collapseRatio
  }

  /// The mean over columns of each column's population standard deviation.
  static func meanStandardDeviation(_ matrix: Matrix) -> Double {
    guard matrix.rows > 0, matrix.columns > 0 else { return 0 }
    var sums = [Double](repeating: 0, count: matrix.columns)
    var squareSums = [Double](repeating: 0, count: matrix.columns)
    for row in 0..<matrix.rows {
      for column in 0..<matrix.columns {
        let value = Double(matrix.elements[row * matrix.columns + column])
        sums[column] += value
        squareSums[column] += value * value
      }
    }
    let count = Double(matrix.rows)
    var total: Double = 0
    for column in 0..<matrix.columns {
      let mean = sums[column] / count
      total += max(0, squareSums[column] / count - mean * mean).squareRoot()
    }
    return total / Double(matrix.columns)
  }
}
