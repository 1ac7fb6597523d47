import Foundation
import AnomagramCore

extension TrainReport {
  /// The report as text for people.
  public func summaryText() -> String {
    let training = config.training
    let optimizer = training.optimizer
    var lines: [String] = []
    lines.append(
      "Model \(config.architecture) (\(training.hiddenActivation.rawValue) hidden, "
        + "\(training.outputActivation.rawValue) output, \(Format.grouped(config.parameterCount)) parameters)")
    lines.append(
      "Trained \(epochs.count) of \(Format.count(training.epochs, "epoch")) on \(Format.count(data.trainRows, "row")) "
        + "(\(data.trainAbnormalRows) abnormal), \(optimizer.kind.rawValue) learning rate \(optimizer.learningRate), "
        + "batch \(training.batchSize), seed \(training.seed)")
    if let last = epochs.last?.summary {
      var lossLine = "Final loss: training \(Format.loss(last.trainLoss))"
      if let validation = last.validationLoss { lossLine += ", validation \(Format.loss(validation)) (normal test rows)" }
      if last.regularizationLoss > 0 { lossLine += ", regularization \(Format.loss(last.regularizationLoss))" }
      lines.append(lossLine)
    }
    lines.append(
      "Test set: \(Format.count(data.testRows, "row")) (\(data.testNormalRows) normal, \(data.testAbnormalRows) abnormal)")

    if status == TrainingStatus.diverged.rawValue {
      lines.append("Training diverged: \(failureReason ?? "The loss is no longer a finite number.")")
      return lines.joined(separator: "\n") + "\n"
    }

    lines.append(
      "AUC: \(Format.optional(auc, 4))   PCA baseline (\(baselineComponents) \(baselineComponents == 1 ? "component" : "components")): "
        + "\(Format.optional(baselineAUC, 4))")
    if let collapse, collapse.collapsed {
      lines.append(
        "Warning: the model's output barely depends on its input (output spread is "
          + "\(Format.optional(collapse.ratio, 3)) of the input spread): it rebuilds every row as nearly the "
          + "same series. Unless the rows are mostly noise, train longer, raise the learning rate or widen "
          + "the layers.")
    }
    if let threshold, let metrics {
      lines.append("")
      lines.append("Threshold \(Format.loss(Double(threshold.value))), set by the \(threshold.description):")
      lines.append("  " + Self.metricsLine(metrics))
      lines.append(
        "  confusion: TP \(metrics.truePositives)  FP \(metrics.falsePositives)  "
          + "TN \(metrics.trueNegatives)  FN \(metrics.falseNegatives)")
    }
    if !alternativeThresholds.isEmpty {
      lines.append("")
      lines.append("Other threshold rules:")
      for alternative in alternativeThresholds {
        let name = alternative.threshold.rule.padding(toLength: 14, withPad: " ", startingAt: 0)
        lines.append("  \(name) \(Format.loss(Double(alternative.threshold.value)))  \(Self.metricsLine(alternative.metrics))")
      }
    }
    lines.append("")
    lines.append(
      "Time: \(Format.fixed(timing.trainSeconds, 2)) s training, "
        + "\(Format.grouped(Int(timing.samplesPerSecond))) samples/s; \(Format.fixed(timing.totalSeconds, 2)) s in all")
    return lines.joined(separator: "\n") + "\n"
  }

  static func metricsLine(_ metrics: Metrics) -> String {
    "accuracy \(Format.optional(metrics.accuracy))  precision \(Format.optional(metrics.precision))  "
      + "recall \(Format.optional(metrics.recall))  F1 \(Format.optional(metrics.f1))  "
      + "FPR \(Format.optional(metrics.falsePositiveRate))  FNR \(Format.optional(metrics.falseNegativeRate))"
  }
}
