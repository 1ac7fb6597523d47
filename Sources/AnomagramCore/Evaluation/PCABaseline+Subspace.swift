extension PCABaseline {
  /// The largest feature count for which `fit` decomposes the whole
  /// covariance matrix. The Jacobi solver's cost grows with the cube of the
  /// feature count (about 28 s for 2,000 features), so wider data uses
  /// subspace iteration for the leading components only.
  static let fullDecompositionLimit = 256

  /// Leading principal axes of `training`, by subspace iteration with
  /// Rayleigh-Ritz steps (Golub and Van Loan, "Matrix Computations", 4th
  /// ed., section 8.2.4), without forming the covariance matrix.
  ///
  /// Works on a block of `count + 8` vectors, which speeds convergence when
  /// neighbouring eigenvalues are close, and stops when the leading
  /// `count` Ritz values change by less than 1e-12 of the largest between
  /// two iterations, or after 500 iterations.
  ///
  /// - Returns: `axes` `[count, features]` row-major, the variances along
  ///   them (largest first), and whether the iteration converged.
  static func leadingAxes(
    of training: Matrix, mean: [Double], count: Int
  ) -> (axes: [Double], variances: [Double], isConverged: Bool) {
    let samples = training.rows
    let features = training.columns
    let block = min(features, count + 8)
    var centred = [Double](repeating: 0, count: samples * features)
    for row in 0..<samples {
      for column in 0..<features {
        centred[row * features + column] = Double(training[row, column]) - mean[column]
      }
    }
    let divisor = Double(max(samples - 1, 1))

    // A fixed seed keeps the result reproducible.
    var generator = SeededGenerator(seed: 0x5EED)
    var basis = (0..<(block * features)).map { _ in generator.nextUnitDouble() - 0.5 }
    orthonormalizeRows(&basis, rows: block, columns: features)

    var previous = [Double](repeating: .infinity, count: count)
    var ritzValues: [Double] = []
    var isConverged = false
    for _ in 0..<500 {
      // Apply the covariance to each basis vector: C q = Xᵀ (X q) / (n − 1).
      var projected = [Double](repeating: 0, count: samples * block)  // X Q, [samples, block]
      for row in 0..<samples {
        for vector in 0..<block {
          var sum = 0.0
          for column in 0..<features { sum += centred[row * features + column] * basis[vector * features + column] }
          projected[row * block + vector] = sum
        }
      }

      // Rayleigh-Ritz: the small matrix Qᵀ C Q, its eigenvectors rotate the basis.
      var small = [Double](repeating: 0, count: block * block)
      for i in 0..<block {
        for j in i..<block {
          var sum = 0.0
          for row in 0..<samples { sum += projected[row * block + i] * projected[row * block + j] }
          small[i * block + j] = sum / divisor
          small[j * block + i] = small[i * block + j]
        }
      }
      let eigen = SymmetricEigen(symmetric: small, dimension: block)
      ritzValues = eigen.eigenvalues.map { max($0, 0) }

      // Next basis: C Q rotated by the Ritz vectors, then orthonormalized.
      var next = [Double](repeating: 0, count: block * features)
      for vector in 0..<block {
        for row in 0..<samples {
          var weight = 0.0
          for source in 0..<block {
            weight += eigen.eigenvectors[vector * block + source] * projected[row * block + source]
          }
          if weight == 0 { continue }
          for column in 0..<features { next[vector * features + column] += weight * centred[row * features + column] }
        }
      }
      orthonormalizeRows(&next, rows: block, columns: features)
      basis = next

      let leading = Array(ritzValues.prefix(count))
      let scale = max(leading.first ?? 0, .leastNormalMagnitude)
      if zip(leading, previous).allSatisfy({ abs($0 - $1) <= 1e-12 * scale }) {
        isConverged = true
        break
      }
      previous = leading
    }
    return (Array(basis.prefix(count * features)), Array(ritzValues.prefix(count)), isConverged)
  }

  /// Orthonormalizes the rows of `matrix`, `[rows, columns]`, in place with
  /// modified Gram-Schmidt, run twice for accuracy. A row that becomes
  /// zero is replaced by a unit vector orthogonal to the earlier rows.
  private static func orthonormalizeRows(_ matrix: inout [Double], rows: Int, columns: Int) {
    for _ in 0..<2 {
      for row in 0..<rows {
        for earlier in 0..<row {
          var dot = 0.0
          for column in 0..<columns { dot += matrix[row * columns + column] * matrix[earlier * columns + column] }
          for column in 0..<columns { matrix[row * columns + column] -= dot * matrix[earlier * columns + column] }
        }
        var norm = 0.0
        for column in 0..<columns { norm += matrix[row * columns + column] * matrix[row * columns + column] }
        norm = norm.squareRoot()
        if norm > 1e-300 {
          for column in 0..<columns { matrix[row * columns + column] /= norm }
        } else {
          replaceWithOrthogonalUnitVector(&matrix, row: row, columns: columns)
        }
      }
    }
  }

  /// Sets row `row` to the first coordinate axis whose component
  /// orthogonal to the earlier rows is not negligible, normalized.
  private static func replaceWithOrthogonalUnitVector(_ matrix: inout [Double], row: Int, columns: Int) {
    for axis in 0..<columns {
      var candidate = [Double](repeating: 0, count: columns)
      candidate[axis] = 1
      for earlier in 0..<row {
        let dot = matrix[earlier * columns + axis]
        for column in 0..<columns { candidate[column] -= dot * matrix[earlier * columns + column] }
      }
      let norm = candidate.reduce(0) { $0 + $1 * $1 }.squareRoot()
      if norm > 1e-6 {
        for column in 0..<columns { matrix[row * columns + column] = candidate[column] / norm }
        return
      }
    }
  }
}
