/// Eigenvalues and eigenvectors of a real symmetric matrix, computed with the
/// cyclic Jacobi method in `Double`.
///
/// Each Jacobi rotation `A ← Jᵀ A J` zeroes one off-diagonal pair `a[p][q]`,
/// `a[q][p]`. With `τ = (a[q][q] − a[p][p]) / (2 a[p][q])` the rotation uses
///
/// ```
/// t = sign(τ) / (|τ| + √(1 + τ²))    (the smaller root of t² + 2τt − 1 = 0)
/// c = 1 / √(1 + t²),  s = t c
/// ```
///
/// and accumulates `V ← V J`, so that at the end `A ≈ V diag(λ) Vᵀ`. A sweep
/// visits every pair `p < q` in row order. See M. Hjorth-Jensen, Computational
/// Physics lecture notes, "Eigenvalue problems: Jacobi's method"
/// (compphysics.github.io/ComputationalPhysics).
///
/// Convergence: a rotation is skipped when `|a[p][q]| ≤ tolerance`, with
/// `tolerance = relativeTolerance · ‖A‖_F` of the input. The solver stops after
/// the first sweep that skips every pair, so every off-diagonal element of the
/// final matrix is at most `tolerance`. The sorted diagonal then differs from
/// the sorted eigenvalues of that matrix by at most `n · tolerance` (Weyl's
/// inequality), plus the rounding of the rotations. If `maxSweeps` sweeps
/// pass without that, `isConverged` is false and the last iterate is returned.
public struct SymmetricEigen: Sendable, Equatable {
  /// The order `n` of the matrix.
  public let dimension: Int
  /// The eigenvalues, largest first.
  public let eigenvalues: [Double]
  /// The unit eigenvectors, `[n, n]` row-major: row `i` belongs to
  /// `eigenvalues[i]`. Each vector's sign is chosen so that its component of
  /// largest magnitude is positive (the first one on an exact tie), which
  /// makes the result reproducible.
  public let eigenvectors: [Double]
  /// The number of sweeps performed, counting the final sweep without rotations.
  public let sweepCount: Int
  /// Whether a sweep found every off-diagonal element at or below the tolerance.
  public let isConverged: Bool

  /// Decomposes the symmetric matrix `matrix`, `[dimension, dimension]` row-major.
  ///
  /// Only the upper triangle is read, and the lower triangle is taken to mirror it.
  /// - Parameters:
  ///   - relativeTolerance: Off-diagonal elements at or below this fraction
  ///     of the Frobenius norm of `matrix` count as zero. The default is about
  ///     45 units in the last place, which leaves room for the rounding that
  ///     every rotation adds to the other elements of its rows.
  ///   - maxSweeps: Upper bound on the number of sweeps. The 140x140
  ///     covariance matrices of random and of smooth, correlated rows
  ///     needed 10 and 11 sweeps.
  public init(symmetric matrix: [Double], dimension: Int, relativeTolerance: Double = 1e-14, maxSweeps: Int = 60) {
    precondition(dimension >= 0, "Matrix dimension must not be negative, got \(dimension)")
    precondition(
      matrix.count == dimension * dimension,
      "A \(dimension)x\(dimension) matrix needs \(dimension * dimension) elements, got \(matrix.count)")
    precondition(matrix.allSatisfy(\.isFinite), "Symmetric eigendecomposition needs finite elements")

    var working = Self.symmetrized(fromUpperTriangle: matrix, dimension: dimension)
    let frobeniusNorm = working.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let tolerance = relativeTolerance * frobeniusNorm
    var rotations = Self.identity(dimension: dimension)

    var sweepCount = 0
    var isConverged = false
    while sweepCount < maxSweeps {
      sweepCount += 1
      let rotationCount = Self.sweep(&working, rotations: &rotations, dimension: dimension, tolerance: tolerance)
      if rotationCount == 0 {
        isConverged = true
        break
      }
    }

    let diagonal = (0..<dimension).map { working[$0 * dimension + $0] }
    let order = diagonal.indices.sorted { diagonal[$0] > diagonal[$1] }
    var eigenvectors = [Double]()
    eigenvectors.reserveCapacity(dimension * dimension)
    for index in order {
      let vector = rotations[index * dimension..<(index + 1) * dimension]
      eigenvectors.append(contentsOf: Self.signNormalized(vector))
    }

    self.dimension = dimension
    self.eigenvalues = order.map { diagonal[$0] }
    self.eigenvectors = eigenvectors
    self.sweepCount = sweepCount
    self.isConverged = isConverged
  }

  /// Returns the unit eigenvector of `eigenvalues[index]`.
  public func eigenvector(_ index: Int) -> ArraySlice<Double> {
    eigenvectors[index * dimension..<(index + 1) * dimension]
  }

  // MARK: - Jacobi sweep

  /// Performs one cyclic sweep and returns the number of rotations applied.
  ///
  /// Every rotation `(p, q)` rotates rows `p` and `q` of `A` (contiguous) and
  /// would have to copy them into columns `p` and `q` (strided) to keep `A`
  /// symmetric. Those strided copies dominate the cost, so the sweep makes
  /// only the ones that a later rotation of the same sweep reads:
  ///
  /// - Rows above `p` are not read again in this sweep, so they get no copies.
  /// - Column `q` is copied into the rows below `p` after each rotation.
  /// - Column `p` is copied into the rows below `p` once, after the last
  ///   rotation with that `p`. Until then `a[q][p]` is stale when rotation
  ///   `(p, q)` reads row `q`, but that rotation takes the pivot from row `p`
  ///   and sets `a[q][p]` to 0 afterwards.
  ///
  /// Row `i` is therefore up to date for every rotation up to the end of the
  /// rotations with `p = i`, and later rotations change only its entries
  /// right of the diagonal. The strict lower triangle is thus exact at the
  /// end of the sweep, and the sweep copies it into the upper triangle.
  ///
  /// `rotations` stores `Vᵀ`: row `i` is column `i` of `V`, so that the update
  /// of columns `p` and `q` of `V` is a contiguous row operation too.
  private static func sweep(
    _ matrix: inout [Double], rotations: inout [Double], dimension n: Int, tolerance: Double
  ) -> Int {
    var rotationCount = 0
    matrix.withUnsafeMutableBufferPointer { a in
      rotations.withUnsafeMutableBufferPointer { vt in
        for p in 0..<n {
          for q in (p + 1)..<n where abs(a[p * n + q]) > tolerance {
            rotate(a, vt, p: p, q: q, n: n)
            for r in (p + 1)..<n where r != q {
              a[r * n + q] = a[q * n + r]
            }
            rotationCount += 1
          }
          for r in (p + 1)..<n {
            a[r * n + p] = a[p * n + r]
          }
        }
        for row in 0..<n {
          for column in (row + 1)..<n {
            a[row * n + column] = a[column * n + row]
          }
        }
      }
    }
    return rotationCount
  }

  /// Applies the rotation that zeroes `a[p][q]` to rows `p` and `q` of `a`
  /// and of `vt`. The caller copies the rows into the columns it needs.
  private static func rotate(
    _ a: UnsafeMutableBufferPointer<Double>, _ vt: UnsafeMutableBufferPointer<Double>, p: Int, q: Int, n: Int
  ) {
    let rowP = p * n
    let rowQ = q * n
    let app = a[rowP + p]
    let aqq = a[rowQ + q]
    let apq = a[rowP + q]
    let tau = (aqq - app) / (2 * apq)
    // The smaller root keeps the rotation angle at most π/4, which is what
    // makes cyclic Jacobi converge. For |τ| near the overflow limit, τ² is
    // infinite and t becomes 0, which is correct to working precision.
    let t = (tau >= 0 ? 1 : -1) / (abs(tau) + (1 + tau * tau).squareRoot())
    let c = 1 / (1 + t * t).squareRoot()
    let s = t * c

    // By symmetry rows p and q of A are its columns p and q, so rotating the
    // rows computes both Jᵀ A and A J outside the 2x2 block, which is then
    // set to its exact rotated values.
    let base = a.baseAddress!
    applyPlaneRotation(base + rowP, base + rowQ, count: n, c: c, s: s)
    a[rowP + p] = app - t * apq
    a[rowQ + q] = aqq + t * apq
    a[rowP + q] = 0
    a[rowQ + p] = 0

    applyPlaneRotation(vt.baseAddress! + rowP, vt.baseAddress! + rowQ, count: n, c: c, s: s)
  }

  /// Replaces `(x, y)` by `(c x − s y, s x + c y)` element by element, the
  /// plane rotation that BLAS calls `drot` (with `s` negated).
  ///
  /// Written with `SIMD4` because the compiler does not vectorize the plain
  /// loop: it cannot rule out that `x` and `y` overlap.
  @inline(__always)
  private static func applyPlaneRotation(
    _ x: UnsafeMutablePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int, c: Double, s: Double
  ) {
    let xRaw = UnsafeMutableRawPointer(x)
    let yRaw = UnsafeMutableRawPointer(y)
    var index = 0
    while index + 4 <= count {
      let offset = index * MemoryLayout<Double>.stride
      let xv = xRaw.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
      let yv = yRaw.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
      xRaw.storeBytes(of: c * xv - s * yv, toByteOffset: offset, as: SIMD4<Double>.self)
      yRaw.storeBytes(of: s * xv + c * yv, toByteOffset: offset, as: SIMD4<Double>.self)
      index += 4
    }
    while index < count {
      let xs = x[index]
      let ys = y[index]
      x[index] = c * xs - s * ys
      y[index] = s * xs + c * ys
      index += 1
    }
  }

  // MARK: - Helpers

  private static func symmetrized(fromUpperTriangle matrix: [Double], dimension n: Int) -> [Double] {
    var result = matrix
    for row in 0..<n {
      for column in 0..<row {
        result[row * n + column] = matrix[column * n + row]
      }
    }
    return result
  }

  private static func identity(dimension n: Int) -> [Double] {
    var result = [Double](repeating: 0, count: n * n)
    for index in 0..<n {
      result[index * n + index] = 1
    }
    return result
  }

  private static func signNormalized(_ vector: ArraySlice<Double>) -> [Double] {
    var largest = vector.startIndex
    for index in vector.indices where abs(vector[index]) > abs(vector[largest]) {
      largest = index
    }
    let isNegative = vector.isEmpty ? false : vector[largest] < 0
    return isNegative ? vector.map { -$0 } : Array(vector)
  }
}
