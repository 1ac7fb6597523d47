import AnomagramCore

/// Where the Train screen's panes go in a window of a given size.
///
/// The left column (40 columns from 110 columns of window up, else 34)
/// contains the model pane, as tall as its rows or half the column plus 2,
/// above the settings pane. The right column's top half contains the loss
/// chart beside the histogram, and its bottom half the ROC curve beside the
/// metrics. From 110 columns up the loss chart and histogram share the
/// width equally and the ROC pane takes min(2 × its height + 4, 2/5 of the
/// width); below that the loss chart gets 2/5 of the width and the metrics
/// 32 columns.
struct TrainLayout {
  let model: Rect
  let settings: Rect
  let lossChart: Rect
  let histogram: Rect
  let roc: Rect
  let metrics: Rect

  /// Lays out the panes in `main`, the area between the title row and the
  /// status rows of a window of `size`.
  init(main: Rect, size: Size, training: TrainingConfiguration) {
    let leftWidth = size.width >= 110 ? 40 : 34
    let (left, right) = main.splitLeft(leftWidth)
    let modelHeight = min(left.height / 2 + 2, ModelRow.rows(for: training).count + training.encoderUnits.count + 5)
    (model, settings) = left.splitTop(modelHeight)

    let halves = right.rows(weights: [1, 1])
    if size.width >= 110 {
      let top = halves[0].columns(weights: [1, 1])
      let bottomParts = halves[1].splitLeft(min(halves[1].height * 2 + 4, halves[1].width * 2 / 5))
      (lossChart, histogram) = (top[0], top[1])
      (roc, metrics) = bottomParts
    } else {
      let top = halves[0].columns(weights: [2, 3])
      let bottomParts = halves[1].splitLeft(max(0, halves[1].width - 32))
      (lossChart, histogram) = (top[0], top[1])
      (roc, metrics) = bottomParts
    }
  }

  /// Lays out the panes for the whole window, as `view` does.
  init(size: Size, training: TrainingConfiguration) {
    self.init(main: Rect(x: 0, y: 1, width: size.width, height: size.height - 3), size: size, training: training)
  }
}
