/// The evaluations of a run's epochs, kept so that the run can be replayed,
/// within a fixed bound on how many are stored.
///
/// When the store is full, every second stored evaluation is dropped,
/// always keeping epoch 0 and the newest, so long runs keep an evenly
/// thinned record instead of only their last epochs. With the default
/// split (1,000 test and 2,000 training rows) one evaluation takes about
/// 52 KB, so the default bound of 400 keeps the history near 21 MB.
/// `capacity(trainRows:testRows:)` lowers the bound for larger splits.
public struct EvaluationHistory: Sendable {
  /// The maximum number of evaluations stored at once.
  public let capacity: Int

  /// The maximum number of evaluations a history keeps, whatever their size.
  public static let maximumCapacity = 400
  /// The memory that `capacity(trainRows:testRows:)` lets a history use.
  public static let memoryBudget = 64 << 20

  /// Returns how many evaluations of a split of this size fit in
  /// `memoryBudget`: 400 at most and 3 at least. The estimate counts each
  /// evaluation's error arrays and ROC points, the bulk of its memory.
  public static func capacity(trainRows: Int, testRows: Int) -> Int {
    let bytes =
      MemoryLayout<Float>.stride * (trainRows + testRows) + MemoryLayout<ROCPoint>.stride * (testRows + 1)
    return min(maximumCapacity, max(3, memoryBudget / max(1, bytes)))
  }
  /// Stored evaluations in increasing epoch order.
  public private(set) var evaluations: [EpochEvaluation] = []

  public init(capacity: Int = maximumCapacity) {
    precondition(capacity >= 3, "An evaluation history needs room for at least 3 entries, got \(capacity)")
    self.capacity = capacity
  }

  /// Stores `evaluation`, thinning the older ones first when full.
  public mutating func append(_ evaluation: EpochEvaluation) {
    if evaluations.count >= capacity {
      let last = evaluations.count - 1
      evaluations = evaluations.enumerated().filter { index, _ in
        index == 0 || index == last || index % 2 == 0
      }.map(\.element)
    }
    evaluations.append(evaluation)
  }

  /// The stored evaluation nearest to `epoch`, preferring the earlier one on a tie.
  public func nearest(toEpoch epoch: Int) -> EpochEvaluation? {
    evaluations.min { abs($0.epoch - epoch) < abs($1.epoch - epoch) }
  }
}
