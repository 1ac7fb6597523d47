import AnomagramCore
import Foundation
import Synchronization

/// Shows training progress on standard error: a bar redrawn in place on a
/// terminal, otherwise one line per finished epoch.
final class ProgressPrinter: Sendable {
  private let console: Console
  /// Epochs already printed as lines, and whether a bar is on screen.
  private let state = Mutex<(printedEpochs: Int, barShown: Bool)>((0, false))

  init(console: Console) {
    self.console = console
  }

  func show(_ snapshot: TrainingSnapshot) {
    state.withLock { state in
      if console.errorIsTerminal {
        console.writeError("\r\u{1B}[2K" + Self.bar(snapshot))
        state.barShown = true
        return
      }
      while state.printedEpochs < snapshot.history.count {
        let summary = snapshot.history[state.printedEpochs]
        state.printedEpochs += 1
        let auc = summary.epoch == snapshot.evaluation?.epoch ? snapshot.evaluation?.auc : nil
        console.writeError(Self.epochLine(summary, of: snapshot.totalEpochs, auc: auc) + "\n")
      }
    }
  }

  /// Ends the bar's line so that later output starts on a fresh one.
  func finish() {
    state.withLock { state in
      if state.barShown { console.writeError("\n") }
      state.barShown = false
    }
  }

  static func epochLine(_ summary: EpochSummary, of total: Int, auc: Double?) -> String {
    var line = "epoch \(summary.epoch)/\(total)  loss \(Format.loss(summary.trainLoss))"
    if let validation = summary.validationLoss { line += "  validation \(Format.loss(validation))" }
    if let auc { line += "  AUC \(Format.fixed(auc, 4))" }
    return line
  }

  static func bar(_ snapshot: TrainingSnapshot, width: Int = 24) -> String {
    let filled = Int((snapshot.progress * Double(width)).rounded(.down))
    var text = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
    text += " epoch \(snapshot.epoch)/\(snapshot.totalEpochs)"
    if let last = snapshot.history.last {
      text += "  loss \(Format.loss(last.trainLoss))"
    }
    if let auc = snapshot.evaluation?.auc { text += "  AUC \(Format.fixed(auc, 4))" }
    if snapshot.samplesPerSecond > 0 { text += "  \(Format.grouped(Int(snapshot.samplesPerSecond))) samples/s" }
    return text
  }
}
