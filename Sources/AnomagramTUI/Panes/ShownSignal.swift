import AnomagramCore

/// The signal the Explore screen shows, the drawing or the selected test
/// sample, with the model's reconstruction of it and the values to plot.
///
/// The reconstruction is computed here, during `view`, by one forward pass
/// over the single row: microseconds for a row of 140 values. Computing it
/// where it is drawn keeps a derived value out of `AppState`, so it can
/// never be out of date with the drawing or the model.
struct ShownSignal {
  /// The values the model reads, scaled.
  let input: [Float]
  /// The model's output for `input`, scaled.
  let reconstruction: [Float]
  /// The mean squared error between the two, in scaled units: the number
  /// compared with the threshold.
  let error: Float
  /// The input and reconstruction in the units shown.
  let shownInput: [Double]
  let shownReconstruction: [Double]
  /// Whether the values shown are in the data's own units.
  let isOriginalUnits: Bool
  /// The values at the bottom and top of the chart.
  let valueRange: ClosedRange<Double>

  /// Returns the drawing's signal in draw mode, else the selected test
  /// sample's, or `nil` when the filter keeps no sample.
  init?(state: AppState, selection: ExploreSelection) {
    let model = selection.model
    if let drawing = state.explore.drawing {
      input = drawing.values
      reconstruction = model.reconstruction(of: input)
      error = ReconstructionError.perSample(
        input: Matrix(rows: 1, columns: input.count, elements: input),
        reconstruction: Matrix(rows: 1, columns: reconstruction.count, elements: reconstruction))[0]
      isOriginalUnits = false
      shownInput = input.map(Double.init)
      shownReconstruction = reconstruction.map(Double.init)
      valueRange = Double.range(drawing.valueRange)
      return
    }
    guard let row = selection.row else { return nil }
    input = Array(model.test.row(row))
    reconstruction = model.reconstruction(of: input)
    // The evaluation's error, so the number matches the list and the histogram.
    error = model.testErrors[row]
    isOriginalUnits = state.explore.showsOriginalUnits
    if isOriginalUnits {
      shownInput = model.rawTest.row(row).map(Double.init)
      shownReconstruction = model.originalUnits(reconstruction).map(Double.init)
    } else {
      shownInput = input.map(Double.init)
      shownReconstruction = reconstruction.map(Double.init)
    }
    valueRange = Self.range(of: shownInput + shownReconstruction, includingUnitRange: !isOriginalUnits)
  }

  /// `|input − reconstruction|` of each point, in the units shown.
  var pointErrors: [Double] {
    zip(shownInput, shownReconstruction).map { abs($0 - $1) }
  }

  /// Returns the range of the finite `values`, widened to include [0, 1]
  /// when asked (the range of the training data once scaled), plus 5 % of
  /// its span above and below.
  static func range(of values: [Double], includingUnitRange: Bool) -> ClosedRange<Double> {
    let finite = values.filter(\.isFinite)
    var lowest = finite.min() ?? 0
    var highest = finite.max() ?? 1
    if includingUnitRange {
      lowest = min(lowest, 0)
      highest = max(highest, 1)
    }
    guard highest > lowest else { return (lowest - 1)...(highest + 1) }
    let padding = (highest - lowest) * 0.05
    return (lowest - padding)...(highest + padding)
  }
}
