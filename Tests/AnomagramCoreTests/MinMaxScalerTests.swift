import Foundation
import Testing

@testable import AnomagramCore

@Suite("MinMaxScaler")
struct MinMaxScalerTests {
  /// Three rows of three features, where the last feature is constant.
  private let train = Matrix(rowArrays: [
    [1, -2, 5],
    [3, 6, 5],
    [2, 2, 5],
  ])

  @Test("fit stores feature ranges")
  func fitStoresRange() {
    let scaler = MinMaxScaler.fit(train)

    #expect(scaler.minimums == [1, -2, 5])
    #expect(scaler.maximums == [3, 6, 5])
    #expect(scaler.featureCount == 3)
  }

  @Test("transform maps training rows into [0, 1]")
  func transformsTrainingRows() {
    let scaled = MinMaxScaler.fit(train).transform(train)

    // Every value here is exact in binary, so the results compare with ==.
    #expect(scaled == Matrix(rowArrays: [[0, 0, 0], [1, 1, 0], [0.5, 0.5, 0]]))
  }

  @Test("constant feature maps to offset")
  func constantFeature() {
    let scaler = MinMaxScaler.fit(train)
    let test = Matrix(rowArrays: [[2, 2, 5], [2, 2, 7.5], [2, 2, 4]])

    let scaled = scaler.transform(test)

    #expect(scaled[0, 2] == 0)
    #expect(scaled[1, 2] == 2.5)
    #expect(scaled[2, 2] == -1)
    #expect(scaled.elements.allSatisfy { $0.isFinite })
  }

  @Test("test data neither refits nor clips")
  func ignoresTestData() {
    let scaler = MinMaxScaler.fit(train)
    let test = Matrix(rowArrays: [[-1, 14, 5], [1e6, -1e6, 5]])

    let scaled = scaler.transform(test)

    #expect(scaler.minimums == [1, -2, 5])
    #expect(scaler.maximums == [3, 6, 5])
    // (-1 - 1) / 2 = -1 and (14 - -2) / 8 = 2, both exact.
    #expect(scaled[0, 0] == -1)
    #expect(scaled[0, 1] == 2)
    #expect(scaled[1, 0] == Float((1e6 - 1) / 2.0))
    #expect(scaled[1, 1] == Float((-1e6 + 2) / 8.0))
  }

  @Test("inverseTransform undoes transform")
  func inverseTransformRoundTrip() {
    let data = Matrix(rowArrays: [
      [0.123, -7.25, 5],
      [3.3e-3, 1e4, 6],
      [-2.1140915, 0.71141435, 4.5],
    ])
    let scaler = MinMaxScaler.fit(data)

    let restored = scaler.inverseTransform(scaler.transform(data))

    // Rounding the scaled value (below 1) to Float costs up to 2^-25 of the
    // feature's range, and rounding back costs half an ulp of the value. The
    // bound allows four times the first term and two times the second, which
    // is still far below what a wrong formula would give.
    for (index, (original, value)) in zip(data.elements, restored.elements).enumerated() {
      let feature = index % data.columns
      let range = scaler.maximums[feature] - scaler.minimums[feature]
      let tolerance = range * 0x1p-23 + original.ulp
      #expect(abs(original - value) <= tolerance, "\(original) came back as \(value)")
    }
  }

  @Test("range wider than Float span")
  func hugeRange() {
    let data = Matrix(rowArrays: [[-3e38], [3e38], [0]])

    let scaled = MinMaxScaler.fit(data).transform(data)

    #expect(scaled.elements == [0, 1, 0.5])
  }

  @Test("transform of zero rows returns zero rows")
  func emptyInput() {
    let scaled = MinMaxScaler.fit(train).transform(Matrix(rows: 0, columns: 3))

    #expect(scaled.rows == 0)
    #expect(scaled.columns == 3)
  }

  @Test("Codable round trip keeps parameters")
  func codableRoundTrip() throws {
    let scaler = MinMaxScaler.fit(train)

    let encoded = try JSONEncoder().encode(scaler)
    let decoded = try JSONDecoder().decode(MinMaxScaler.self, from: encoded)

    #expect(decoded == scaler)
  }
}
