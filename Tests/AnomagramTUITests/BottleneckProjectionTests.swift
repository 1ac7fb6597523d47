import AnomagramCore
import Testing

@testable import AnomagramTUI

/// The bottleneck plot's coordinates and the principal plane behind them.
@Suite("BottleneckProjection and PrincipalPlane", .timeLimit(.minutes(1)))
struct BottleneckProjectionTests {
  /// 300 rows of `columns` values: uniform noise scaled by 5 in column 3,
  /// by 2 in column 0 and by 0.3 elsewhere, plus 1 everywhere. The first
  /// principal axis is close to column 3 and the second to column 0, with
  /// variances about 8.3, 1.3 and 0.03.
  private func rows(columns: Int) -> Matrix {
    var generator = SeededGenerator(seed: 5)
    let values = (0..<300).flatMap { _ in
      (0..<columns).map { column -> Float in
        var scale: Float = 0.3
        if column == 3 { scale = 5 }
        if column == 0 { scale = 2 }
        return 1 + scale * (2 * generator.nextUnitFloat() - 1)
      }
    }
    return Matrix(rows: 300, columns: columns, elements: values)
  }

  /// Checks that two axis matrices agree within `tolerance`.
  private func expectAxes(
    _ actual: Matrix, equal expected: Matrix, tolerance: Float, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(actual.rows == expected.rows, sourceLocation: sourceLocation)
    #expect(actual.columns == expected.columns, sourceLocation: sourceLocation)
    for (index, (value, wanted)) in zip(actual.elements, expected.elements).enumerated() {
      #expect(abs(value - wanted) <= tolerance, "entry \(index): \(value) vs \(wanted)", sourceLocation: sourceLocation)
    }
  }

  // Subspace iteration converges to the exact axes when the second and
  // third variances differ by a factor of 40, as here. 1e-4 leaves room
  // for the Float rounding of both results and the iteration's stopping
  // tolerance (turns below about 1e-5 radians).
  @Test func subspaceIterationMatchesPCA() {
    let data = rows(columns: 8)
    let exact = PCABaseline.fit(training: data, componentCount: 2)

    let iterated = PrincipalPlane.subspaceIteration(rows: data)

    expectAxes(iterated.axes, equal: exact.components, tolerance: 1e-4)
    for (value, wanted) in zip(iterated.mean, exact.mean) {
      #expect(abs(value - wanted) <= 1e-5)
    }
    #expect(abs(iterated.axes[0, 3]) > 0.99, "first axis along column 3")
    #expect(abs(iterated.axes[1, 0]) > 0.99, "second axis along column 0")
  }

  // Above `exactFitLimit` columns the plane comes from subspace iteration,
  // and it must still agree with the exact fit.
  @Test func wideRowsUseIteration() {
    let data = rows(columns: PrincipalPlane.exactFitLimit + 6)
    let exact = PCABaseline.fit(training: data, componentCount: 2)

    let plane = PrincipalPlane(rows: data)

    expectAxes(plane.axes, equal: exact.components, tolerance: 1e-4)
  }

  @Test func narrowRowsUsePCA() {
    let data = rows(columns: 5)
    let exact = PCABaseline.fit(training: data, componentCount: 2)

    let plane = PrincipalPlane(rows: data)

    #expect(plane.axes == exact.components)
    #expect(plane.mean == exact.mean)
  }

  // Rows without variance still give an orthonormal pair of axes, and
  // every row projects to the origin.
  @Test func constantRows() {
    let data = Matrix(rows: 10, columns: 70, repeating: 2)

    let plane = PrincipalPlane.subspaceIteration(rows: data)

    let first = Array(plane.axes.row(0))
    let second = Array(plane.axes.row(1))
    let dot = zip(first, second).reduce(Float(0)) { $0 + $1.0 * $1.1 }
    #expect(abs(first.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
    #expect(abs(second.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
    #expect(abs(dot) < 1e-5)
    let projected = plane.project(Array(data.row(0)))
    #expect(projected.x == 0)
    #expect(projected.y == 0)
  }

  @Test func noRows() {
    let plane = PrincipalPlane(rows: Matrix(rows: 0, columns: 4))

    #expect(plane.axes == Matrix(rowArrays: [[1, 0, 0, 0], [0, 1, 0, 0]]))
    #expect(plane.mean == [0, 0, 0, 0])
  }

  // (x - mean) · axesᵀ with mean (1, 1) and the axes (0.6, 0.8), (-0.8, 0.6):
  // the row (2, 3) is (1, 2) from the mean, so x = 0.6 + 1.6 = 2.2 and
  // y = -0.8 + 1.2 = 0.4.
  @Test func projectionFormula() {
    let plane = PrincipalPlane(mean: [1, 1], axes: Matrix(rowArrays: [[0.6, 0.8], [-0.8, 0.6]]))

    let point = plane.project([2, 3])

    #expect(abs(point.x - 2.2) < 1e-6)
    #expect(abs(point.y - 0.4) < 1e-6)
  }

  // MARK: - Projections of fixture runs

  @Test func twoUnitsPlottedAsCodes() throws {
    let model = try #require(ExploreModel(snapshot: try ExploreFixtures.twoUnitRun.get()))

    let projection = BottleneckProjection(model)

    let codes = model.model.encode(model.test)
    #expect(projection.method == .code)
    #expect(projection.title == "Bottleneck: 2 units")
    #expect(projection.points.map(\.x) == (0..<50).map { codes[$0, 0] })
    #expect(projection.points.map(\.y) == (0..<50).map { codes[$0, 1] })
  }

  @Test func oneUnitPlottedAgainstError() throws {
    let model = try #require(ExploreModel(snapshot: try ExploreFixtures.oneUnitRun.get()))

    let projection = BottleneckProjection(model)

    #expect(projection.method == .codeAndError)
    #expect(projection.title == "Bottleneck: 1 unit vs error")
    #expect(projection.points.map(\.x) == model.model.encode(model.test).elements)
    #expect(projection.points.map(\.y) == model.testErrors)
  }

  @Test func threeUnitsProjected() throws {
    let model = try #require(ExploreModel(snapshot: try Fixtures.finishedRun.get()))

    let projection = BottleneckProjection(model)

    let codes = model.model.encode(model.test)
    let plane = PrincipalPlane(rows: codes)
    #expect(projection.method == .principalComponents(units: 3))
    #expect(projection.title == "Bottleneck: PCA of 3 units")
    for row in [0, 17, 49] {
      let expected = plane.project(Array(codes.row(row)))
      #expect(projection.points[row] == expected, "row \(row)")
      // A row projected on its own lands where the test rows put it.
      let again = projection.point(code: Array(codes.row(row)), error: model.testErrors[row])
      #expect(again == expected, "row \(row) again")
    }
  }

  @Test func matchesOnlyItsModel() throws {
    let first = try #require(ExploreModel(snapshot: try Fixtures.finishedRun.get()))
    let second = try #require(ExploreModel(snapshot: try ExploreFixtures.twoUnitRun.get()))

    let projection = BottleneckProjection(first)

    #expect(projection.matches(first))
    #expect(!projection.matches(second))
  }
}
