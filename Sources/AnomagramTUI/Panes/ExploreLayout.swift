/// Where the Explore screen's panes go in a window of a given size.
///
/// The left column contains the sample list (40 columns from 110 columns of
/// window up, else 32). On the right, the heartbeat chart sits above the
/// sample details. Windows of at least 100 × 33 give the bottleneck plot a
/// pane beside the details, taking 3/7 of the right column's height for
/// both; smaller windows show it in place of the list when
/// `showsBottleneckInList` is set, and give the details 7 rows.
struct ExploreLayout {
  /// The sample list, or `nil` when the bottleneck plot takes its place.
  let list: Rect?
  let chart: Rect
  let details: Rect
  /// The bottleneck plot, or `nil` when it is not shown.
  let bottleneck: Rect?
  /// Whether the bottleneck plot has a pane of its own at this size.
  let hasBottleneckPane: Bool

  static let minimumSizeForBottleneckPane = Size(width: 100, height: 33)

  init(size: Size, showsBottleneckInList: Bool) {
    let main = Rect(x: 0, y: 1, width: size.width, height: size.height - 3)
    let (left, right) = main.splitLeft(size.width >= 110 ? 40 : 32)
    hasBottleneckPane =
      size.width >= Self.minimumSizeForBottleneckPane.width && size.height >= Self.minimumSizeForBottleneckPane.height
    if hasBottleneckPane {
      let (top, bottom) = right.splitTop(right.height * 4 / 7)
      let (detailsRect, bottleneckRect) = bottom.splitLeft(bottom.width / 2)
      chart = top
      details = detailsRect
      bottleneck = bottleneckRect
      list = left
    } else {
      let (top, bottom) = right.splitBottom(7)
      chart = top
      details = bottom
      bottleneck = showsBottleneckInList ? left : nil
      list = showsBottleneckInList ? nil : left
    }
  }
}
