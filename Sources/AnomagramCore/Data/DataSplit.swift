import Foundation

/// Settings for drawing training and test rows from a data set.
public struct SplitConfiguration: Sendable, Equatable, Codable {
  /// The largest allowed `abnormalShare`, because a training set needs normal
  /// rows to learn what normal looks like.
  public static let maximumAbnormalShare = 0.9

  /// The number of training rows to draw.
  public var trainSize: Int
  /// The number of test rows to draw.
  public var testSize: Int
  /// The share of training rows that are abnormal, from 0 to `maximumAbnormalShare`.
  public var abnormalShare: Double
  /// The labels that count as normal, in canonical form (see `ClassLabel`).
  /// Every other label is abnormal.
  public var normalLabels: Set<String>
  /// The seed of every random choice in the split.
  public var seed: UInt64

  public init(
    trainSize: Int, testSize: Int, abnormalShare: Double = 0, normalLabels: Set<String> = ["1"], seed: UInt64 = 0
  ) {
    self.trainSize = trainSize
    self.testSize = testSize
    self.abnormalShare = abnormalShare
    self.normalLabels = normalLabels
    self.seed = seed
  }

  private enum CodingKeys: String, CodingKey {
    case trainSize, testSize, abnormalShare, normalLabels, seed
  }

  /// Encodes the normal labels sorted, because a `Set` encodes in an order
  /// that changes from run to run.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(trainSize, forKey: .trainSize)
    try container.encode(testSize, forKey: .testSize)
    try container.encode(abnormalShare, forKey: .abnormalShare)
    try container.encode(normalLabels.sorted(by: ClassLabel.areInIncreasingOrder), forKey: .normalLabels)
    try container.encode(seed, forKey: .seed)
  }
}

/// Training and test rows drawn from a data set and scaled for the model.
///
/// Training rows are `trainSize` rows, of which `round(abnormalShare *
/// trainSize)` are abnormal rows of any class and the rest are normal. Test
/// rows are `testSize` rows stratified by class, so each class gets a share of
/// `testSize` proportional to its share of the data the test rows come from.
/// The largest-remainder method decides where the rounded-off rows go.
///
/// When data is short, a part uses the rows there are and `warnings`
/// describes the shortfall. A class that is short in the test set is not made
/// up from other classes, so the test set keeps the class mix of the data and
/// is smaller.
///
/// Within each part the rows are in their original order (ascending
/// `trainIndices` and `testIndices`), not in the random order of the draw.
/// The split depends only on the data and the configuration, bit for bit.
/// The scaler is fitted on the raw training rows and applied to both parts.
///
/// Unlabelled data (`Dataset.isLabelled` false) has one class: every row
/// carries the label `ClassLabel.unlabelled` and counts as normal, whatever
/// `normalLabels` contains. Training from it needs an abnormal share of 0. An
/// unlabelled test set therefore has no abnormal rows, so its ROC curve and
/// AUC are undefined, and `warnings` contains a sentence about it.
/// `trainIsLabelled` and `testIsLabelled` record which parts had labels.
public struct DataSplit: Sendable, Equatable {
  /// Scaled training rows, `[trainRows, featureCount]`.
  public let train: Matrix
  /// Canonical label of each training row.
  public let trainLabels: [String]
  /// Whether each training row is abnormal (its label is not a normal label).
  public let trainIsAbnormal: [Bool]
  /// Row number of each training row in the data it was drawn from (0-based).
  public let trainIndices: [Int]
  /// Scaled test rows, `[testRows, featureCount]`, whose values may lie outside [0, 1].
  public let test: Matrix
  /// Test rows in the file's own units, `[testRows, featureCount]`.
  public let rawTest: Matrix
  /// Canonical label of each test row.
  public let testLabels: [String]
  /// Whether each test row is abnormal.
  public let testIsAbnormal: [Bool]
  /// Row number of each test row in the data it was drawn from (0-based).
  public let testIndices: [Int]
  /// The scaler fitted on the raw training rows.
  public let scaler: MinMaxScaler
  /// Whether the training rows came from labelled data.
  public let trainIsLabelled: Bool
  /// Whether the test rows came from labelled data.
  public let testIsLabelled: Bool
  /// Sentences for the user about rows that were requested but not
  /// available, and about unlabelled test rows, which change what the
  /// metrics mean.
  public let warnings: [String]

  /// The number of values in each row.
  public var featureCount: Int { train.columns }

  /// Splits one data set, such as one file or both bundled files joined, into
  /// training and test rows that share no row.
  ///
  /// Training rows are drawn first. Test rows come from the rest, stratified
  /// by the class shares of the whole of `pool`. `trainIndices` and
  /// `testIndices` are row numbers in `pool`.
  ///
  /// When a class has fewer rows than training and the test set together
  /// request, training takes fewer, so that the class's rows are shared in
  /// proportion to the two requests (training keeps at least one normal
  /// row). A small file thus still leaves normal rows to test on.
  public static func make(pool: Dataset, configuration: SplitConfiguration) throws(DataError) -> DataSplit {
    let normalLabels = try validatedNormalLabels(configuration)
    try requireNormalRows(in: pool, normalLabels: normalLabels, abnormalShare: configuration.abnormalShare)

    var generator = SeededGenerator.stream(seed: configuration.seed, purpose: 1)
    var warnings: [String] = []
    let trainIndices = try drawTrainingRows(
      from: pool, normalLabels: normalLabels, configuration: configuration,
      reserved: testQuotas(of: pool, normalLabels: normalLabels, testSize: configuration.testSize),
      generator: &generator, warnings: &warnings)
    let testIndices = drawTestRows(
      from: pool, excluding: Set(trainIndices), testSize: configuration.testSize,
      generator: &generator, warnings: &warnings)

    return DataSplit(
      trainData: pool, trainIndices: trainIndices, testData: pool, testIndices: testIndices,
      normalLabels: normalLabels, warnings: warnings)
  }

  /// Draws training rows from `train` and test rows from `test`.
  ///
  /// Test rows are stratified by the class shares of `test`.
  /// `trainIndices` are row numbers in `train`, and `testIndices` are row numbers in `test`.
  public static func make(train: Dataset, test: Dataset, configuration: SplitConfiguration) throws(DataError)
    -> DataSplit
  {
    let normalLabels = try validatedNormalLabels(configuration)
    guard train.featureCount == test.featureCount else {
      throw .featureCountMismatch(
        trainSource: train.source, trainFeatures: train.featureCount,
        testSource: test.source, testFeatures: test.featureCount)
    }
    try requireNormalRows(in: train, normalLabels: normalLabels, abnormalShare: configuration.abnormalShare)

    var generator = SeededGenerator.stream(seed: configuration.seed, purpose: 1)
    var warnings: [String] = []
    if test.isLabelled && !test.labels.contains(where: normalLabels.contains) {
      warnings.append(
        "The test data \(test.source.debugDescription) has no rows labelled \(listed(normalLabels)), "
          + "so every test row is abnormal.")
    }
    let trainIndices = try drawTrainingRows(
      from: train, normalLabels: normalLabels, configuration: configuration,
      generator: &generator, warnings: &warnings)
    let testIndices = drawTestRows(
      from: test, excluding: [], testSize: configuration.testSize,
      generator: &generator, warnings: &warnings)

    return DataSplit(
      trainData: train, trainIndices: trainIndices, testData: test, testIndices: testIndices,
      normalLabels: normalLabels, warnings: warnings)
  }

  /// Selects and scales the drawn rows.
  private init(
    trainData: Dataset, trainIndices: [Int], testData: Dataset, testIndices: [Int],
    normalLabels: Set<String>, warnings: [String]
  ) {
    let rawTrain = trainData.values.selectingRows(trainIndices)
    scaler = MinMaxScaler.fit(rawTrain)
    train = scaler.transform(rawTrain)
    trainLabels = trainIndices.map { trainData.labels[$0] }
    trainIsAbnormal = trainIndices.map { Self.isAbnormal(row: $0, of: trainData, normalLabels: normalLabels) }
    self.trainIndices = trainIndices
    trainIsLabelled = trainData.isLabelled

    rawTest = testData.values.selectingRows(testIndices)
    test = scaler.transform(rawTest)
    testLabels = testIndices.map { testData.labels[$0] }
    testIsAbnormal = testIndices.map { Self.isAbnormal(row: $0, of: testData, normalLabels: normalLabels) }
    self.testIndices = testIndices
    testIsLabelled = testData.isLabelled

    var allWarnings = warnings
    if !testData.isLabelled {
      allWarnings.append(
        "The test rows are unlabelled, so every one counts as normal. There is no ROC curve or AUC, "
          + "and each test row above the threshold counts as a false positive.")
    } else if testIndices.isEmpty {
      allWarnings.append("The test set is empty, so there is nothing to evaluate. Lower the training size.")
    } else if !testIsAbnormal.contains(false),
      testData.labels.indices.contains(where: { !Self.isAbnormal(row: $0, of: testData, normalLabels: normalLabels) })
    {
      // The test data has normal rows, but training took them all. (When it
      // has none, the two-file split has already said so.)
      allWarnings.append(
        "The test set has no normal rows, so the AUC is undefined. Lower the training size to keep normal "
          + "rows back for testing.")
    } else if !testIsAbnormal.contains(true) {
      allWarnings.append(
        "The test set has no abnormal rows, so the AUC is undefined. Check which labels count as normal.")
    }
    self.warnings = allWarnings
  }

  /// Returns whether a row is abnormal: never for unlabelled data, otherwise
  /// when its label is not a normal label.
  private static func isAbnormal(row: Int, of data: Dataset, normalLabels: Set<String>) -> Bool {
    data.isLabelled && !normalLabels.contains(data.labels[row])
  }
}

// MARK: - Drawing rows

extension DataSplit {
  /// Checks the sizes and the abnormal share, and returns the normal labels in canonical form.
  private static func validatedNormalLabels(_ configuration: SplitConfiguration) throws(DataError) -> Set<String> {
    guard configuration.trainSize >= 1 else {
      throw .invalidTrainSize(configuration.trainSize)
    }
    guard configuration.testSize >= 1 else {
      throw .invalidTestSize(configuration.testSize)
    }
    // A NaN share fails this check too, because every comparison with NaN is false.
    guard (0...SplitConfiguration.maximumAbnormalShare).contains(configuration.abnormalShare) else {
      throw .invalidAbnormalShare(configuration.abnormalShare)
    }
    return Set(configuration.normalLabels.map(ClassLabel.canonical))
  }

  /// Checks that the training data has normal rows and, when it is
  /// unlabelled, that no abnormal rows are requested from it.
  private static func requireNormalRows(
    in data: Dataset, normalLabels: Set<String>, abnormalShare: Double
  ) throws(DataError) {
    guard data.isLabelled else {
      if data.sampleCount == 0 {
        throw .noDataRows(file: data.source)
      }
      if abnormalShare != 0 {
        throw .abnormalShareNeedsLabels(abnormalShare: abnormalShare, source: data.source)
      }
      return
    }
    guard !data.labels.contains(where: normalLabels.contains) else { return }
    throw .normalLabelsMissing(
      normalLabels: normalLabels.sorted(by: ClassLabel.areInIncreasingOrder),
      presentLabels: Set(data.labels).sorted(by: ClassLabel.areInIncreasingOrder),
      source: data.source)
  }

  /// Returns the numbers of normal and abnormal rows that the test set of a
  /// pool split requests, from the same stratified quotas as `drawTestRows`.
  private static func testQuotas(
    of data: Dataset, normalLabels: Set<String>, testSize: Int
  ) -> (normal: Int, abnormal: Int) {
    let counts = Dictionary(grouping: data.labels, by: { $0 }).mapValues(\.count)
    let classes = counts.keys.sorted(by: ClassLabel.areInIncreasingOrder)
    let quotas = largestRemainderQuotas(total: testSize, weights: classes.map { counts[$0]! })
    var normal = 0
    var abnormal = 0
    for (label, quota) in zip(classes, quotas) {
      if data.isLabelled && !normalLabels.contains(label) {
        abnormal += quota
      } else {
        normal += quota
      }
    }
    return (normal, abnormal)
  }

  /// Returns how many of `available` rows training takes when it requests
  /// `requested` and the test set `reserved`: all it requests when there are
  /// enough for both, otherwise a share in proportion to the two requests,
  /// at least `minimum`.
  static func trainingShare(available: Int, requested: Int, reserved: Int, minimum: Int) -> Int {
    guard available < requested + reserved else { return requested }
    let forTest = Int((Double(available) * Double(reserved) / Double(requested + reserved)).rounded())
    return min(requested, max(available - forTest, min(minimum, available)))
  }

  /// Draws `round(abnormalShare * trainSize)` abnormal rows and normal rows for
  /// the rest, leaving rows for the test set's `reserved` requests as
  /// `trainingShare` describes, and returns their row numbers in ascending
  /// order.
  private static func drawTrainingRows(
    from data: Dataset, normalLabels: Set<String>, configuration: SplitConfiguration,
    reserved: (normal: Int, abnormal: Int) = (0, 0),
    generator: inout SeededGenerator, warnings: inout [String]
  ) throws(DataError) -> [Int] {
    // `rounded()` rounds halves away from zero, so a share of 0.5 of 5 rows is 3.
    let abnormalRequested = Int((configuration.abnormalShare * Double(configuration.trainSize)).rounded())
    let normalRequested = configuration.trainSize - abnormalRequested
    guard normalRequested > 0 else {
      throw .noNormalTrainingRows(trainSize: configuration.trainSize, abnormalShare: configuration.abnormalShare)
    }

    var normalRows = data.labels.indices.filter { !isAbnormal(row: $0, of: data, normalLabels: normalLabels) }
    var abnormalRows = data.labels.indices.filter { isAbnormal(row: $0, of: data, normalLabels: normalLabels) }
    generator.shuffle(&normalRows)
    generator.shuffle(&abnormalRows)

    let normalTaken = trainingShare(
      available: normalRows.count, requested: normalRequested, reserved: reserved.normal, minimum: 1)
    let abnormalTaken = trainingShare(
      available: abnormalRows.count, requested: abnormalRequested, reserved: reserved.abnormal, minimum: 0)
    if normalTaken < normalRequested {
      let available =
        data.isLabelled ? "rows labelled \(listed(normalLabels))" : "rows, all unlabelled and counted as normal"
      warnings.append(
        "Training uses \(normalTaken) normal rows instead of the requested \(normalRequested), "
          + "because the data has only \(normalRows.count) \(available)"
          + keptForTest(normalRows.count - normalTaken))
    }
    if abnormalTaken < abnormalRequested {
      warnings.append(
        "Training uses \(abnormalTaken) abnormal rows instead of the requested \(abnormalRequested), "
          + "because the data has only \(abnormalRows.count) abnormal rows"
          + keptForTest(abnormalRows.count - abnormalTaken))
    }
    let drawn = normalRows.prefix(normalTaken) + abnormalRows.prefix(abnormalTaken)
    return drawn.sorted()
  }

  /// Returns "1 row" or "`count` rows".
  private static func rowCount(_ count: Int) -> String {
    count == 1 ? "1 row" : "\(count) rows"
  }

  /// Returns the end of a training warning: how many rows stay for the test set.
  private static func keptForTest(_ kept: Int) -> String {
    switch kept {
    case 0: "."
    case 1: ", and 1 is kept for the test set."
    default: ", and \(kept) are kept for the test set."
    }
  }

  /// Draws `testSize` rows stratified by class from the rows of `data` not in
  /// `excluded`, and returns their row numbers in ascending order.
  ///
  /// Class shares are taken over all of `data`, excluded rows included, so
  /// that the test set has the class mix of the data rather than of what
  /// training left over.
  private static func drawTestRows(
    from data: Dataset, excluding excluded: Set<Int>, testSize: Int,
    generator: inout SeededGenerator, warnings: inout [String]
  ) -> [Int] {
    let rowsByClass = Dictionary(grouping: data.labels.indices, by: { data.labels[$0] })
    let classes = rowsByClass.keys.sorted(by: ClassLabel.areInIncreasingOrder)
    let quotas = largestRemainderQuotas(total: testSize, weights: classes.map { rowsByClass[$0]!.count })

    var drawn: [Int] = []
    for (label, quota) in zip(classes, quotas) {
      var candidates = rowsByClass[label]!.filter { !excluded.contains($0) }
      generator.shuffle(&candidates)
      if candidates.count < quota {
        let reason =
          candidates.count == rowsByClass[label]!.count
          ? "the \(excluded.isEmpty ? "test " : "")data has only \(candidates.count)"
          : "only \(candidates.count) \(candidates.count == 1 ? "is" : "are") left after drawing the training rows"
        warnings.append(
          "The test set has \(rowCount(candidates.count)) of class \(label) instead of \(quota), because \(reason).")
      }
      drawn += candidates.prefix(quota)
    }

    if drawn.count < testSize {
      warnings.append("The test set has \(rowCount(drawn.count)) instead of the requested \(testSize).")
    }
    return drawn.sorted()
  }

  /// Divides `total` among classes in proportion to `weights` with the
  /// largest-remainder (Hamilton) method.
  ///
  /// Each class first gets `floor(total * weight / sum)`. The rows left over
  /// go one each to the classes with the largest remainders
  /// `total * weight mod sum`; equal remainders go to the earlier class. The
  /// arithmetic is exact in integers, so the result is the same everywhere.
  static func largestRemainderQuotas(total: Int, weights: [Int]) -> [Int] {
    let weightSum = weights.reduce(0, +)
    guard weightSum > 0 else { return weights.map { _ in 0 } }

    // Full-width products, because `total * weight` can overflow `Int` for a huge requested size.
    var quotas: [Int] = []
    var remainders: [Int] = []
    for weight in weights {
      let product = total.multipliedFullWidth(by: weight)
      let (quotient, remainder) = weightSum.dividingFullWidth(product)
      quotas.append(quotient)
      remainders.append(remainder)
    }

    let leftOver = total - quotas.reduce(0, +)
    let byRemainder = weights.indices.sorted { first, second in
      remainders[first] != remainders[second] ? remainders[first] > remainders[second] : first < second
    }
    for index in byRemainder.prefix(leftOver) {
      quotas[index] += 1
    }
    return quotas
  }

  /// Lists labels for a sentence: "1", "1 or 2".
  private static func listed(_ labels: Set<String>) -> String {
    labels.sorted(by: ClassLabel.areInIncreasingOrder).joined(separator: " or ")
  }
}
