import AnomagramCore
import Foundation
import Synchronization

/// `anomagram train`: trains an autoencoder without the terminal screens and
/// reports how well its reconstruction error separates the classes.
public enum TrainCommand {
  /// Runs the command and returns the exit status: 0 on success, 1 for
  /// data and training errors (a diverged run included), 2 for usage errors.
  public static func run(arguments: [String], console: Console) -> Int32 {
    let started = Date()
    let options: TrainOptions
    do {
      options = try TrainOptions.parse(arguments)
    } catch {
      console.writeError("anomagram train: \(error)\n")
      return 2
    }
    if options.showHelp {
      console.writeOutput(helpText)
      return 0
    }
    if let problem = outputFolderProblem(options) {
      console.writeError("anomagram train: \(problem)\n")
      return 1
    }

    let split: DataSplit
    let dataFiles: [String]
    do {
      (split, dataFiles) = try loadSplit(options)
    } catch {
      console.writeError("anomagram train: \(error)\n")
      return 1
    }
    for warning in split.warnings {
      console.writeError("anomagram train: \(warning)\n")
    }

    let progress = options.showProgress ? ProgressPrinter(console: console) : nil
    let epochAUCs = Mutex<[Int: Double]>([:])
    let session = TrainingSession(split: split, configuration: options.training) { snapshot in
      progress?.show(snapshot)
      if let evaluation = snapshot.evaluation, let auc = evaluation.auc {
        epochAUCs.withLock { $0[evaluation.epoch] = auc }
      }
    }
    session.start()
    session.waitUntilEnded()
    progress?.finish()

    let report: TrainReport
    do {
      report = try makeReport(
        snapshot: session.snapshot, split: split, options: options, dataFiles: dataFiles,
        epochAUCs: epochAUCs.withLock { $0 }, totalSeconds: Date().timeIntervalSince(started))
    } catch {
      console.writeError("anomagram train: \(error)\n")
      return 1
    }
    console.writeOutput(options.json ? report.jsonText() + "\n" : unlabelledDataNote(split) + report.summaryText())
    if report.status == TrainingStatus.diverged.rawValue {
      var advice = divergenceAdvice
      if options.training.regularization.kind != .none {
        advice += " A very large regularization rate (--reg-rate) diverges too."
      }
      console.writeError("anomagram train: \(report.failureReason ?? "Training diverged.") \(advice)\n")
      reportModelNotSaved(options, console: console)
      return 1
    }
    return saveTrainedModel(snapshot: session.snapshot, split: split, options: options, report: report, console: console)
  }

  static let divergenceAdvice = "Try a smaller learning rate (--learning-rate), for example a tenth of this one."

  /// Loads the data files and draws the training and test rows.
  static func loadSplit(_ options: TrainOptions) throws -> (DataSplit, [String]) {
    let data = try loadData(options)
    if let test = data.test {
      return (try DataSplit.make(train: data.pool, test: test, configuration: options.split), data.files)
    }
    return (try DataSplit.make(pool: data.pool, configuration: options.split), data.files)
  }

  /// The rows of the `--data` files pooled, the `--test-data` rows if
  /// given, and the paths of the data files (the bundled ones by default).
  ///
  /// The `--data` files are read with `options.dataFormat` and the test file
  /// with `options.testDataFormat`, so every `--data` file is labelled or
  /// every one is unlabelled.
  public static func loadData(_ options: TrainOptions) throws -> (pool: Dataset, test: Dataset?, files: [String]) {
    var files = options.dataFiles
    if files.isEmpty {
      guard let bundled = BundledData.locate() else { throw CommandError(BundledData.notFoundMessage) }
      files = bundled
    }
    var pool = try DataFileReader.load(path: files[0], format: options.dataFormat)
    for file in files.dropFirst() {
      let next = try DataFileReader.load(path: file, format: options.dataFormat)
      guard next.featureCount == pool.featureCount else {
        throw CommandError(
          "The --data files must hold series of the same length: \"\(files[0])\" has \(pool.featureCount) "
            + "values per row, \"\(file)\" has \(next.featureCount).")
      }
      pool = pool.appending(next)
    }
    let test = try options.testDataFile.map { try DataFileReader.load(path: $0, format: options.testDataFormat) }
    return (pool, test, files)
  }

  /// Returns the summary's opening line about unlabelled rows, or "" when
  /// the training and test rows are all labelled.
  static func unlabelledDataNote(_ split: DataSplit) -> String {
    let training =
      split.trainIsLabelled
      ? "The training rows are labelled"
      : "The training data is unlabelled, so all \(split.train.rows) training rows count as normal"
    switch (split.trainIsLabelled, split.testIsLabelled) {
    case (true, true):
      return ""
    case (false, true):
      return "\(training). The test rows are labelled.\n"
    case (_, false):
      return """
        \(training). The \(split.test.rows) test rows are unlabelled, so there is no AUC, and a test row above the \
        threshold counts as a false positive.

        """
    }
  }

  /// Builds the report from the final snapshot.
  ///
  /// `epochAUCs` maps an epoch number to the test AUC after that epoch.
  static func makeReport(
    snapshot: TrainingSnapshot, split: DataSplit, options: TrainOptions, dataFiles: [String],
    epochAUCs: [Int: Double], totalSeconds: Double
  ) throws -> TrainReport {
    let architecture = snapshot.architecture
    let config = TrainReport.Config(
      dataFiles: dataFiles, testDataFile: options.testDataFile, split: options.split, training: options.training,
      architecture: architecture.summary, parameterCount: architecture.parameterCount,
      thresholdRule: options.thresholdRule.argument)
    var classCounts: [String: Int] = [:]
    for label in split.testLabels { classCounts[label, default: 0] += 1 }
    let data = TrainReport.DataSummary(
      features: split.featureCount, trainRows: split.train.rows,
      trainAbnormalRows: split.trainIsAbnormal.filter { $0 }.count, testRows: split.test.rows,
      testNormalRows: split.testIsAbnormal.filter { !$0 }.count,
      testAbnormalRows: split.testIsAbnormal.filter { $0 }.count, testClassCounts: classCounts,
      warnings: split.warnings)
    let timing = TrainReport.Timing(
      trainSeconds: snapshot.trainingSeconds, samplesPerSecond: snapshot.samplesPerSecond, totalSeconds: totalSeconds)

    var threshold: TrainReport.ThresholdReport?
    var metrics: TrainReport.Metrics?
    var alternatives: [TrainReport.AlternativeThreshold] = []
    var collapse: TrainReport.Collapse?
    let evaluation = snapshot.status == .diverged ? nil : snapshot.evaluation
    if let evaluation {
      let choice = try ThresholdChoice(
        rule: options.thresholdRule, trainingErrors: evaluation.trainErrors, testErrors: evaluation.testErrors,
        testIsAbnormal: split.testIsAbnormal)
      threshold = thresholdReport(choice)
      metrics = TrainReport.Metrics(
        ConfusionCounts(errors: evaluation.testErrors, isAbnormal: split.testIsAbnormal, threshold: choice.value))
      alternatives = alternativeThresholds(evaluation: evaluation, split: split, chosen: options.thresholdRule)
      collapse = TrainReport.Collapse(
        inputSpread: evaluation.collapse.inputSpread, outputSpread: evaluation.collapse.outputSpread,
        ratio: evaluation.collapse.ratio, collapsed: evaluation.collapse.isCollapsed)
    }

    return TrainReport(
      config: config, data: data, status: snapshot.status.rawValue, failureReason: snapshot.failureReason,
      epochs: snapshot.history.map { TrainReport.Epoch(summary: $0, auc: epochAUCs[$0.epoch]) }, auc: evaluation?.auc, baselineAUC: snapshot.baselineAUC,
      baselineComponents: TrainingSession.baselineComponents(
        latentSize: options.training.latentSize, features: split.featureCount), threshold: threshold, metrics: metrics,
      alternativeThresholds: alternatives, collapse: collapse, timing: timing)
  }

  static func thresholdReport(_ choice: ThresholdChoice) -> TrainReport.ThresholdReport {
    TrainReport.ThresholdReport(value: choice.value, rule: choice.rule.argument, description: choice.rule.name)
  }

  /// The other standard rules, for comparison; label rules are left out
  /// when the test rows hold one class.
  static func alternativeThresholds(
    evaluation: EpochEvaluation, split: DataSplit, chosen: ThresholdRule
  ) -> [TrainReport.AlternativeThreshold] {
    let rules: [ThresholdRule] = [
      .percentile(ThresholdRule.defaultPercentile), .meanPlusStandardDeviations(ThresholdRule.defaultStandardDeviations),
      .maxF1, .maxAccuracy, .youden,
    ]
    return rules.filter { $0 != chosen }.compactMap { rule in
      guard
        let choice = try? ThresholdChoice(
          rule: rule, trainingErrors: evaluation.trainErrors, testErrors: evaluation.testErrors,
          testIsAbnormal: split.testIsAbnormal)
      else { return nil }
      let counts = ConfusionCounts(errors: evaluation.testErrors, isAbnormal: split.testIsAbnormal, threshold: choice.value)
      return TrainReport.AlternativeThreshold(threshold: thresholdReport(choice), metrics: TrainReport.Metrics(counts))
    }
  }
}

/// A failure of a command that is not about one data file, with its message.
struct CommandError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
