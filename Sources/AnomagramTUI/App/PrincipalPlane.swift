import AnomagramCore

/// The plane of the first two principal components of some rows: their
/// mean and two orthonormal axes, each signed so that its entry of largest
/// magnitude is positive (as `SymmetricEigen` signs its eigenvectors).
///
/// Rows of up to `exactFitLimit` columns are fitted with `PCABaseline`,
/// which decomposes the full covariance. It is exact, but its cost grows
/// with the cube of the width: on 1,000 rows in a release build it took
/// 5 ms at 64 columns and 0.26 s at 256. Wider rows, up to the 1,024 units a
/// bottleneck may have, are fitted by subspace iteration, whose cost grows
/// only linearly with the width.
struct PrincipalPlane: Sendable {
  /// The mean of the rows, `[columns]`.
  let mean: [Float]
  /// The two axes, `[2, columns]`, first principal component first.
  let axes: Matrix

  /// The widest rows fitted with `PCABaseline`.
  static let exactFitLimit = 64

  /// Fits the plane of `rows`, `[samples, columns]`, with at least 2
  /// columns. Without rows, the plane is that of the first two columns
  /// through the origin.
  init(rows: Matrix) {
    precondition(rows.columns >= 2, "A principal plane needs rows of 2 or more columns, got \(rows.columns)")
    if rows.rows == 0 {
      var axes = Matrix(rows: 2, columns: rows.columns)
      axes[0, 0] = 1
      axes[1, 1] = 1
      self.init(mean: Array(repeating: 0, count: rows.columns), axes: axes)
    } else if rows.columns <= Self.exactFitLimit {
      let baseline = PCABaseline.fit(training: rows, componentCount: 2)
      self.init(mean: baseline.mean, axes: baseline.components)
    } else {
      self = Self.subspaceIteration(rows: rows)
    }
  }

  init(mean: [Float], axes: Matrix) {
    self.mean = mean
    self.axes = axes
  }

  /// Returns the coordinates of `row` in the plane: `(row - mean) · axesᵀ`.
  func project(_ row: [Float]) -> (x: Float, y: Float) {
    var coordinates: [Float] = [0, 0]
    for axis in 0..<2 {
      var sum: Float = 0
      for column in row.indices {
        sum += (row[column] - mean[column]) * axes[axis, column]
      }
      coordinates[axis] = sum
    }
    return (coordinates[0], coordinates[1])
  }

  // MARK: - Subspace iteration

  /// Fits the plane by orthogonal (subspace) iteration on the centred rows
  /// `X`: `V ← orthonormalize(Xᵀ X V)` for a `[columns, 2]` basis `V`. A
  /// Rayleigh–Ritz step then rotates `V` onto the eigenvectors of the 2 × 2
  /// matrix `Vᵀ Xᵀ X V`. It stops when both basis vectors turn by less than
  /// about 1e-5 radians in one step, or after `maxIterations` steps. When
  /// the second and third variances are close it converges slowly, and the
  /// plane it returns then still keeps nearly as much variance as the
  /// exact one.
  ///
  /// All arithmetic is in `Double`, and the start basis comes from a fixed
  /// seed, so the result is reproducible.
  ///
  /// NOTE: `update` runs this on the main thread once per new model while
  /// the plot is shown. On 1,000 rows of 1,024 columns with a clear gap
  /// between the variances it took 3.8 s in a debug build, so a very wide
  /// bottleneck stalls the Explore screen briefly after each epoch.
  static func subspaceIteration(rows: Matrix, maxIterations: Int = 300) -> PrincipalPlane {
    let columns = rows.columns
    let samples = rows.rows
    var mean = [Double](repeating: 0, count: columns)
    for sample in 0..<samples {
      for column in 0..<columns { mean[column] += Double(rows[sample, column]) }
    }
    mean = mean.map { $0 / Double(max(samples, 1)) }
    var centred = [Double](repeating: 0, count: samples * columns)
    for sample in 0..<samples {
      for column in 0..<columns { centred[sample * columns + column] = Double(rows[sample, column]) - mean[column] }
    }

    var generator = SeededGenerator(seed: 1)
    var basis = (0..<2).map { _ in (0..<columns).map { _ in 2 * generator.nextUnitDouble() - 1 } }
    basis = orthonormalized(basis)
    for _ in 0..<maxIterations {
      let next = orthonormalized(scatterProduct(centred, columns: columns, basis))
      let turned = zip(basis, next).map { 1 - abs(dot($0, $1)) }.max() ?? 0
      basis = next
      if turned < 1e-10 { break }
    }

    // Rayleigh–Ritz: H = Vᵀ Xᵀ X V is 2 × 2, and its eigenvectors rotate the
    // basis onto the principal axes, largest variance first.
    let product = scatterProduct(centred, columns: columns, basis)
    let (a, b, c) = (dot(basis[0], product[0]), dot(basis[0], product[1]), dot(basis[1], product[1]))
    let largest = (a + c) / 2 + (((a - c) / 2) * ((a - c) / 2) + b * b).squareRoot()
    var rotation = b != 0 ? [largest - c, b] : (a >= c ? [1.0, 0] : [0, 1.0])
    let length = (rotation[0] * rotation[0] + rotation[1] * rotation[1]).squareRoot()
    rotation = rotation.map { $0 / length }
    let first = zip(basis[0], basis[1]).map { rotation[0] * $0 + rotation[1] * $1 }
    let second = zip(basis[0], basis[1]).map { -rotation[1] * $0 + rotation[0] * $1 }

    let axes = [signed(first), signed(second)].flatMap { $0.map(Float.init) }
    return PrincipalPlane(mean: mean.map(Float.init), axes: Matrix(rows: 2, columns: columns, elements: axes))
  }

  /// Returns `Xᵀ (X v)` for each vector `v` of `basis`, where `X` is
  /// `centred`, `[samples, columns]` row-major.
  private static func scatterProduct(_ centred: [Double], columns: Int, _ basis: [[Double]]) -> [[Double]] {
    let samples = centred.count / max(columns, 1)
    return basis.map { vector in
      var result = [Double](repeating: 0, count: columns)
      for sample in 0..<samples {
        let offset = sample * columns
        var projection = 0.0
        for column in 0..<columns { projection += centred[offset + column] * vector[column] }
        for column in 0..<columns { result[column] += centred[offset + column] * projection }
      }
      return result
    }
  }

  /// Gram–Schmidt on two vectors. A vector that vanishes (rows with no
  /// variance in that direction) is replaced by a unit vector orthogonal to
  /// the first, so the result is always an orthonormal pair.
  private static func orthonormalized(_ vectors: [[Double]]) -> [[Double]] {
    var firstAxis = [Double](repeating: 0, count: vectors[0].count)
    firstAxis[0] = 1
    let first = normalized(vectors[0]) ?? firstAxis
    let overlap = dot(first, vectors[1])
    let second = normalized(zip(vectors[1], first).map { $0 - overlap * $1 }) ?? orthogonalUnit(to: first)
    return [first, second]
  }

  /// Returns a unit vector orthogonal to the unit vector `vector`: the coordinate
  /// axis where `vector` is smallest, with its part along `vector` removed.
  private static func orthogonalUnit(to vector: [Double]) -> [Double] {
    let axis = vector.indices.min { abs(vector[$0]) < abs(vector[$1]) } ?? 0
    var unit = [Double](repeating: 0, count: vector.count)
    unit[axis] = 1
    let overlap = vector[axis]
    return normalized(zip(unit, vector).map { $0 - overlap * $1 }) ?? unit
  }

  private static func normalized(_ vector: [Double]) -> [Double]? {
    let length = dot(vector, vector).squareRoot()
    guard length > 1e-300, length.isFinite else { return nil }
    return vector.map { $0 / length }
  }

  private static func dot(_ left: [Double], _ right: [Double]) -> Double {
    zip(left, right).reduce(0) { $0 + $1.0 * $1.1 }
  }

  /// Returns the vector with its sign chosen so that its entry of largest
  /// magnitude is positive.
  private static func signed(_ vector: [Double]) -> [Double] {
    guard let largest = vector.max(by: { abs($0) < abs($1) }), largest < 0 else { return vector }
    return vector.map { -$0 }
  }
}
