/// Per-sample reconstruction error, the anomaly score of an autoencoder or of
/// the PCA baseline: the larger it is, the more abnormal the sample.
public enum ReconstructionError {
  /// Returns the mean squared error of every row of `reconstruction` against
  /// the same row of `input`, both `[samples, features]`:
  ///
  /// ```
  /// error[i] = (1 / features) Σⱼ (input[i][j] − reconstruction[i][j])²
  /// ```
  ///
  /// Each sum is accumulated in `Double` and rounded to `Float` once, so the
  /// result does not depend on the feature order to `Float` precision. A
  /// matrix with zero features gives an error of 0 for every row.
  public static func perSample(input: Matrix, reconstruction: Matrix) -> [Float] {
    precondition(
      input.rows == reconstruction.rows && input.columns == reconstruction.columns,
      "Input is \(input.rows)x\(input.columns) but reconstruction is \(reconstruction.rows)x\(reconstruction.columns)")

    var errors = [Float]()
    errors.reserveCapacity(input.rows)
    for sample in 0..<input.rows {
      var squaredSum = 0.0
      for (value, reconstructed) in zip(input.row(sample), reconstruction.row(sample)) {
        let difference = Double(value) - Double(reconstructed)
        squaredSum += difference * difference
      }
      errors.append(input.columns == 0 ? 0 : Float(squaredSum / Double(input.columns)))
    }
    return errors
  }
}
