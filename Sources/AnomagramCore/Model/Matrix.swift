/// A dense, row-major matrix of `Float` values.
///
/// Element `(row, column)` is stored at `elements[row * columns + column]`.
/// A data set is a matrix of `[samples, features]`; a dense layer's kernel is
/// `[inputs, outputs]`.
public struct Matrix: Sendable, Equatable, Hashable {
  public private(set) var rows: Int
  public let columns: Int
  public var elements: [Float]

  /// Creates a matrix with every element set to `value`.
  public init(rows: Int, columns: Int, repeating value: Float = 0) {
    precondition(rows >= 0 && columns >= 0, "Matrix shape must not be negative, got \(rows)x\(columns)")
    self.rows = rows
    self.columns = columns
    self.elements = Array(repeating: value, count: rows * columns)
  }

  /// Creates a matrix from row-major elements.
  public init(rows: Int, columns: Int, elements: [Float]) {
    precondition(
      elements.count == rows * columns,
      "A \(rows)x\(columns) matrix needs \(rows * columns) elements, got \(elements.count)")
    self.rows = rows
    self.columns = columns
    self.elements = elements
  }

  /// Creates a matrix from an array of equally long rows.
  public init(rowArrays: [[Float]]) {
    let columns = rowArrays.first?.count ?? 0
    for (index, row) in rowArrays.enumerated() {
      precondition(row.count == columns, "Row \(index) has \(row.count) values, expected \(columns)")
    }
    self.init(rows: rowArrays.count, columns: columns, elements: rowArrays.flatMap { $0 })
  }

  public subscript(row: Int, column: Int) -> Float {
    get { elements[row * columns + column] }
    set { elements[row * columns + column] = newValue }
  }

  /// The elements of one row.
  public func row(_ index: Int) -> ArraySlice<Float> {
    elements[index * columns..<(index + 1) * columns]
  }

  /// The rows at `indices`, in that order, as a new matrix.
  public func selectingRows<C: Collection>(_ indices: C) -> Matrix where C.Element == Int {
    var selected = [Float]()
    selected.reserveCapacity(indices.count * columns)
    for index in indices {
      selected.append(contentsOf: row(index))
    }
    return Matrix(rows: indices.count, columns: columns, elements: selected)
  }

  /// Appends one row of `columns` values.
  public mutating func appendRow<C: Collection>(_ values: C) where C.Element == Float {
    precondition(values.count == columns, "Row has \(values.count) values, expected \(columns)")
    elements.append(contentsOf: values)
    rows += 1
  }
}
