import Testing

@testable import AnomagramCore

/// The solver works in `Double` and these matrices have entries of order 1,
/// so each result is exact to about 1e-15. 1e-12 leaves room for the
/// rounding of several sweeps without hiding a wrong rotation.
private let tolerance = 1e-12

private func expectClose(
  _ actual: [Double], _ expected: [Double], tolerance: Double = tolerance,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, sourceLocation: sourceLocation)
  for (index, (a, e)) in zip(actual, expected).enumerated() {
    #expect(abs(a - e) <= tolerance, "element \(index): \(a) vs \(e)", sourceLocation: sourceLocation)
  }
}

private func randomSymmetricMatrix(dimension n: Int, seed: UInt64) -> [Double] {
  var generator = SeededGenerator(seed: seed)
  var matrix = [Double](repeating: 0, count: n * n)
  for row in 0..<n {
    for column in row..<n {
      let value = generator.nextUnitDouble() * 2 - 1
      matrix[row * n + column] = value
      matrix[column * n + row] = value
    }
  }
  return matrix
}

@Suite struct SymmetricEigenTests {
  @Test func twoByTwoHandWorked() {
    // [[2, 1], [1, 2]] has characteristic polynomial (2 − λ)² − 1, so λ = 3
    // with (1, 1)/√2 and λ = 1 with (1, −1)/√2. The second vector's entries
    // tie in magnitude, so the sign rule makes the first one positive.
    let eigen = SymmetricEigen(symmetric: [2, 1, 1, 2], dimension: 2)
    let half = 0.5.squareRoot()

    expectClose(eigen.eigenvalues, [3, 1])
    expectClose(Array(eigen.eigenvector(0)), [half, half])
    expectClose(Array(eigen.eigenvector(1)), [half, -half])
    #expect(eigen.isConverged)
  }

  @Test func threeByThreeHandWorked() {
    // The second-difference matrix [[2, −1, 0], [−1, 2, −1], [0, −1, 2]] has
    // λ = 2 − 2cos(kπ/4) for k = 1, 2, 3: 2 + √2, 2, 2 − √2, with vectors
    // (1, −√2, 1)/2, (1, 0, −1)/√2, (1, √2, 1)/2. Check of the first:
    // A (1, −√2, 1) = (2 + √2, −2 − 2√2, 2 + √2) = (2 + √2)(1, −√2, 1).
    // The sign rule flips the first vector so that −√2/2 becomes positive.
    let eigen = SymmetricEigen(symmetric: [2, -1, 0, -1, 2, -1, 0, -1, 2], dimension: 3)
    let root2 = 2.0.squareRoot()

    expectClose(eigen.eigenvalues, [2 + root2, 2, 2 - root2])
    expectClose(Array(eigen.eigenvector(0)), [-0.5, root2 / 2, -0.5])
    expectClose(Array(eigen.eigenvector(1)), [1 / root2, 0, -1 / root2])
    expectClose(Array(eigen.eigenvector(2)), [0.5, root2 / 2, 0.5])
  }

  @Test func diagonalNeedsNoRotation() {
    let eigen = SymmetricEigen(symmetric: [1, 0, 0, 0, 5, 0, 0, 0, 3], dimension: 3)

    #expect(eigen.sweepCount == 1)
    #expect(eigen.eigenvalues == [5, 3, 1])
    #expect(eigen.eigenvectors == [0, 1, 0, 0, 0, 1, 1, 0, 0])
  }

  @Test func readsOnlyUpperTriangle() {
    let symmetric: [Double] = [4, 1, 2, 1, 3, 0.5, 2, 0.5, 1]
    let upperOnly: [Double] = [4, 1, 2, 99, 3, 0.5, -7, 42, 1]

    let expected = SymmetricEigen(symmetric: symmetric, dimension: 3)
    let actual = SymmetricEigen(symmetric: upperOnly, dimension: 3)

    #expect(actual == expected)
  }

  @Test(arguments: [1, 2, 7, 40])
  func randomMatrixSatisfiesDefinition(dimension n: Int) {
    let matrix = randomSymmetricMatrix(dimension: n, seed: UInt64(n))
    let eigen = SymmetricEigen(symmetric: matrix, dimension: n)

    #expect(eigen.isConverged)
    for index in 0..<n {
      let vector = Array(eigen.eigenvector(index))
      let product = (0..<n).map { row in (0..<n).reduce(0.0) { $0 + matrix[row * n + $1] * vector[$1] } }
      // A v = λ v to 1e-12 per entry; entries of A are in [−1, 1], so the
      // products have rounding of about n · 1e-16.
      expectClose(product, vector.map { eigen.eigenvalues[index] * $0 })
    }
  }

  @Test func randomMatrixEigenvectorsOrthonormal() {
    let n = 25
    let eigen = SymmetricEigen(symmetric: randomSymmetricMatrix(dimension: n, seed: 11), dimension: n)

    for first in 0..<n {
      for second in 0..<n {
        let dot = zip(eigen.eigenvector(first), eigen.eigenvector(second)).reduce(0.0) { $0 + $1.0 * $1.1 }
        #expect(abs(dot - (first == second ? 1 : 0)) <= tolerance, "vectors \(first), \(second): \(dot)")
      }
    }
  }

  @Test func randomMatrixEigenvaluesSumToTrace() {
    let n = 25
    let matrix = randomSymmetricMatrix(dimension: n, seed: 12)
    let eigen = SymmetricEigen(symmetric: matrix, dimension: n)
    let trace = (0..<n).reduce(0.0) { $0 + matrix[$1 * n + $1] }

    #expect(abs(eigen.eigenvalues.reduce(0, +) - trace) <= tolerance)
    #expect(eigen.eigenvalues == eigen.eigenvalues.sorted(by: >))
  }

  @Test func emptyMatrix() {
    let eigen = SymmetricEigen(symmetric: [], dimension: 0)

    #expect(eigen.eigenvalues.isEmpty)
    #expect(eigen.eigenvectors.isEmpty)
    #expect(eigen.isConverged)
  }
}
