/// A principal component analysis (PCA) reconstruction model, the linear
/// baseline for the autoencoder. With `k` components it is the affine rank-`k`
/// reconstruction with the least squared error on the training rows.
///
/// Fitting centres the training rows by their mean `μ`, forms the sample
/// covariance `C = Xcᵀ Xc / (n − 1)` and keeps its `k` leading eigenvectors as
/// the rows of `Vᵀ` (`[k, features]`). A row `x` is reconstructed as
///
/// ```
/// x̂ = μ + (x − μ) V Vᵀ
/// ```
///
/// and its reconstruction error is `mean((x − x̂)²)` over the features, which
/// is the energy of `x − μ` outside the span of the components, divided by
/// the feature count.
///
/// All arithmetic runs in `Double`. Only the public `mean` and `components`
/// are rounded to `Float`, for display.
public struct PCABaseline: Sendable {
  /// The number of features of the rows this model was fitted on.
  public let featureCount: Int
  /// The number of components kept.
  public let componentCount: Int
  /// The mean of the training rows, `[features]`.
  public let mean: [Float]
  /// The principal axes, `[componentCount, features]`: orthonormal rows,
  /// largest variance first.
  public let components: Matrix
  /// The variance of the training rows along each kept axis (the eigenvalues
  /// of the covariance matrix, rounding noise below zero clamped to zero).
  public let explainedVariance: [Double]
  /// The share of the total training variance along each kept axis. All
  /// ratios are 0 when the training rows have no variance at all.
  public let explainedVarianceRatio: [Double]
  /// Whether the eigenvalue solver met its tolerance (see `SymmetricEigen`).
  public let isConverged: Bool

  private let meanValues: [Double]
  /// `Vᵀ`, `[componentCount, features]` row-major.
  private let axes: [Double]

  /// Fits the model on `training`, `[samples, features]`, keeping
  /// `componentCount` components.
  ///
  /// A `componentCount` above the feature count is reduced to the feature
  /// count, which reconstructs every row exactly. With fewer than
  /// `features + 1` samples the covariance has rank at most `samples − 1`, and
  /// the components beyond that rank have zero explained variance: they are
  /// still orthonormal but otherwise arbitrary directions of its null space.
  /// With one sample the covariance is divided by 1 instead of 0, which
  /// makes it zero.
  ///
  /// - Precondition: `componentCount ≥ 1`, at least one sample and one feature.
  public static func fit(training: Matrix, componentCount: Int) -> PCABaseline {
    precondition(componentCount >= 1, "PCA needs at least 1 component, got \(componentCount)")
    precondition(
      training.rows >= 1 && training.columns >= 1,
      "PCA needs at least one sample and one feature, got \(training.rows)x\(training.columns)")

    let features = training.columns
    let keptCount = min(componentCount, features)
    let mean = columnMeans(training)
    if features > fullDecompositionLimit {
      let leading = leadingAxes(of: training, mean: mean, count: keptCount)
      let totalVariance = totalColumnVariance(training, mean: mean)
      return PCABaseline(
        featureCount: features, componentCount: keptCount, meanValues: mean, axes: leading.axes,
        explainedVariance: leading.variances,
        explainedVarianceRatio: leading.variances.map { totalVariance > 0 ? $0 / totalVariance : 0 },
        isConverged: leading.isConverged)
    }
    let covariance = covarianceUpperTriangle(training, mean: mean)
    let eigen = SymmetricEigen(symmetric: covariance, dimension: features)

    let variances = eigen.eigenvalues.map { max($0, 0) }
    let totalVariance = variances.reduce(0, +)
    let explained = Array(variances.prefix(keptCount))
    let ratios = explained.map { totalVariance > 0 ? $0 / totalVariance : 0 }
    return PCABaseline(
      featureCount: features, componentCount: keptCount, meanValues: mean,
      axes: Array(eigen.eigenvectors.prefix(keptCount * features)),
      explainedVariance: explained, explainedVarianceRatio: ratios, isConverged: eigen.isConverged)
  }

  private init(
    featureCount: Int, componentCount: Int, meanValues: [Double], axes: [Double],
    explainedVariance: [Double], explainedVarianceRatio: [Double], isConverged: Bool
  ) {
    self.featureCount = featureCount
    self.componentCount = componentCount
    self.meanValues = meanValues
    self.axes = axes
    self.mean = meanValues.map { Float($0) }
    self.components = Matrix(rows: componentCount, columns: featureCount, elements: axes.map { Float($0) })
    self.explainedVariance = explainedVariance
    self.explainedVarianceRatio = explainedVarianceRatio
    self.isConverged = isConverged
  }

  // MARK: - Reconstruction

  /// Reconstructs every row of `input`, `[samples, features]`:
  /// `x̂ = μ + (x − μ) V Vᵀ`.
  public func reconstruction(of input: Matrix) -> Matrix {
    checkFeatureCount(of: input)
    var output = Matrix(rows: input.rows, columns: featureCount)
    var residual = [Double](repeating: 0, count: featureCount)
    for sample in 0..<input.rows {
      computeResidual(of: input.row(sample), into: &residual)
      for feature in 0..<featureCount {
        // x̂ = x − (centred − projection), which equals μ + projection.
        let value = Double(input[sample, feature]) - residual[feature]
        output[sample, feature] = Float(value)
      }
    }
    return output
  }

  /// Returns the reconstruction error of every row of `input`,
  /// `[samples, features]`: `mean((x − x̂)²)` over the features.
  ///
  /// The residual `x − x̂` is formed directly in `Double`, not as
  /// `‖x − μ‖² − ‖(x − μ) V‖²`, which would cancel badly for rows that lie
  /// close to the fitted subspace.
  public func reconstructionErrors(_ input: Matrix) -> [Float] {
    checkFeatureCount(of: input)
    var errors = [Float]()
    errors.reserveCapacity(input.rows)
    var residual = [Double](repeating: 0, count: featureCount)
    for sample in 0..<input.rows {
      computeResidual(of: input.row(sample), into: &residual)
      let squaredSum = residual.reduce(0) { $0 + $1 * $1 }
      errors.append(Float(squaredSum / Double(featureCount)))
    }
    return errors
  }

  /// Writes `(x − μ) − (x − μ) V Vᵀ` into `residual`, `[features]`.
  ///
  /// The components are removed one at a time, each projected out of what
  /// is left (modified Gram-Schmidt). Because the axes are orthonormal this
  /// equals the formula, and it loses less to rounding.
  private func computeResidual(of row: ArraySlice<Float>, into residual: inout [Double]) {
    for (feature, value) in zip(0..<featureCount, row) {
      residual[feature] = Double(value) - meanValues[feature]
    }
    for component in 0..<componentCount {
      let axis = axes[component * featureCount..<(component + 1) * featureCount]
      var coefficient = 0.0
      for (feature, weight) in zip(0..<featureCount, axis) {
        coefficient += residual[feature] * weight
      }
      for (feature, weight) in zip(0..<featureCount, axis) {
        residual[feature] -= coefficient * weight
      }
    }
  }

  private func checkFeatureCount(of input: Matrix) {
    precondition(
      input.columns == featureCount,
      "PCA was fitted on \(featureCount) features, got a matrix with \(input.columns)")
  }

  // MARK: - Fitting helpers

  /// The sum of the columns' sample variances: the trace of the covariance matrix.
  private static func totalColumnVariance(_ matrix: Matrix, mean: [Double]) -> Double {
    var total = 0.0
    for row in 0..<matrix.rows {
      for column in 0..<matrix.columns {
        let difference = Double(matrix[row, column]) - mean[column]
        total += difference * difference
      }
    }
    return total / Double(max(matrix.rows - 1, 1))
  }

  private static func columnMeans(_ matrix: Matrix) -> [Double] {
    var sums = [Double](repeating: 0, count: matrix.columns)
    for sample in 0..<matrix.rows {
      for (feature, value) in zip(0..<matrix.columns, matrix.row(sample)) {
        sums[feature] += Double(value)
      }
    }
    return sums.map { $0 / Double(matrix.rows) }
  }

  /// Returns `Xcᵀ Xc / max(n − 1, 1)`, `[features, features]`, with only the
  /// upper triangle filled (the part `SymmetricEigen` reads).
  ///
  /// The centred data is transposed first so that every element of the
  /// covariance is one dot product of two contiguous feature columns.
  private static func covarianceUpperTriangle(_ matrix: Matrix, mean: [Double]) -> [Double] {
    let samples = matrix.rows
    let features = matrix.columns
    var centredColumns = [Double](repeating: 0, count: features * samples)
    for sample in 0..<samples {
      for (feature, value) in zip(0..<features, matrix.row(sample)) {
        centredColumns[feature * samples + sample] = Double(value) - mean[feature]
      }
    }

    let divisor = Double(max(samples - 1, 1))
    var covariance = [Double](repeating: 0, count: features * features)
    centredColumns.withUnsafeBufferPointer { columns in
      let base = columns.baseAddress!
      for row in 0..<features {
        for column in row..<features {
          let sum = dot(base + row * samples, base + column * samples, count: samples)
          covariance[row * features + column] = sum / divisor
        }
      }
    }
    return covariance
  }

  /// Returns `Σ x[i] y[i]`, summed in two `SIMD4` accumulators because the
  /// compiler does not reorder a plain floating-point sum into vector lanes.
  private static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
    let xRaw = UnsafeRawPointer(x)
    let yRaw = UnsafeRawPointer(y)
    let width = MemoryLayout<Double>.stride
    var first = SIMD4<Double>()
    var second = SIMD4<Double>()
    var index = 0
    while index + 8 <= count {
      let offset = index * width
      first +=
        xRaw.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
        * yRaw.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
      second +=
        xRaw.loadUnaligned(fromByteOffset: offset + 4 * width, as: SIMD4<Double>.self)
        * yRaw.loadUnaligned(fromByteOffset: offset + 4 * width, as: SIMD4<Double>.self)
      index += 8
    }
    var sum = (first + second).sum()
    while index < count {
      sum += x[index] * y[index]
      index += 1
    }
    return sum
  }
}
