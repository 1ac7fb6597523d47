@testable import AnomagramTUI

/// Returns a canvas of the given size with every cell set to `~`, so a test
/// can tell the cells a widget drew from those it left alone.
func markedCanvas(width: Int, height: Int) -> Canvas {
  var canvas = Canvas(size: Size(width: width, height: height))
  canvas.fill(canvas.bounds, with: Cell("~"))
  return canvas
}

/// Returns the coordinates of the cells outside `rect` that differ between
/// `before` and `after`.
func changedCells(outside rect: Rect, before: Canvas, after: Canvas) -> [String] {
  var changed: [String] = []
  for row in 0..<before.size.height {
    for column in 0..<before.size.width where !rect.contains(x: column, y: row) {
      if before[column, row] != after[column, row] {
        changed.append("(\(column), \(row))")
      }
    }
  }
  return changed
}

/// Every rectangle from 0 × 0 to 4 × 4 cells at `(2, 1)`, for tests of
/// tiny sizes.
let tinyRects: [Rect] = (0...4).flatMap { width in
  (0...4).map { height in Rect(x: 2, y: 1, width: width, height: height) }
}
