import AnomagramCore
import Foundation

/// Draws the Runs screen in `main`: the table of runs, newest first, with
/// the best AUC marked, and the selected run's every field below it.
func drawRunsScreen(_ canvas: inout Canvas, in main: Rect, state: AppState) {
  guard !state.runs.records.isEmpty else {
    drawNoRuns(&canvas, in: main, state: state)
    return
  }
  let (tableRect, detailsRect) = main.splitBottom(RunsTable.detailsHeight)
  RunsTable(state: state).draw(into: &canvas, in: tableRect)
  RunDetailsPane(state: state).draw(into: &canvas, in: detailsRect)
}

private func drawNoRuns(_ canvas: inout Canvas, in area: Rect, state: AppState) {
  let inner = drawPaneFrame(&canvas, area, title: "Runs", focused: true, glyphs: state.glyphs)
  let lines = [
    "No runs yet.",
    "Each run of this session gets a row here when it finishes,",
    "is stopped (r, or a new run) or diverges: its settings, losses,",
    "AUC beside the PCA baseline, threshold and time.",
    "Press 1 for the Train screen, then Space to train.",
  ]
  let top = inner.y + max(0, (inner.height - lines.count) / 2)
  for (index, line) in lines.enumerated() {
    let text = line.truncated(to: inner.width, ellipsis: state.glyphs.ellipsis)
    canvas.write(
      text, x: inner.x + max(0, (inner.width - text.count) / 2), y: top + index,
      foreground: index == 0 ? .default : Theme.muted, style: index == 0 ? .bold : [], clip: inner)
  }
}

/// The table of runs. Columns that do not fit the width are left out, the
/// least important first; the details pane shows every field.
struct RunsTable {
  let state: AppState

  /// The details pane's height, frame included.
  static let detailsHeight = 7

  /// One column: its title, width and how to read it from a record.
  struct Column {
    let title: String
    let width: Int
    let alignsRight: Bool
    /// Lower numbers stay longer when the window is narrow.
    let priority: Int
    let value: (RunRecord) -> String
  }

  /// Returns every column in display order.
  func allColumns(records: [RunRecord]) -> [Column] {
    let architectureWidth = min(30, max(12, records.map(\.architecture.count).max() ?? 0))
    let timeFormatter = RunsFormat.timeFormatter(timeZone: state.runs.timeZone)
    return [
      Column(title: "#", width: 3, alignsRight: true, priority: 0) { String($0.number) },
      Column(title: "started", width: 8, alignsRight: false, priority: 10) {
        $0.startedAt.map { timeFormatter.string(from: $0) } ?? "-"
      },
      Column(title: "architecture", width: architectureWidth, alignsRight: false, priority: 3) { $0.architecture },
      Column(title: "act", width: 10, alignsRight: false, priority: 12) { $0.hiddenActivation.rawValue },
      Column(title: "optimizer", width: 9, alignsRight: false, priority: 8) { $0.optimizer.rawValue },
      Column(title: "lr", width: 6, alignsRight: true, priority: 9) {
        SettingsField.shortNumber(Double($0.learningRate))
      },
      Column(title: "batch", width: 5, alignsRight: true, priority: 11) { String($0.batchSize) },
      Column(title: "epochs", width: 9, alignsRight: true, priority: 4) { "\($0.epochsRun)/\($0.epochsPlanned)" },
      Column(title: "train loss", width: 10, alignsRight: true, priority: 5) { RunsFormat.loss($0.trainingLoss) },
      Column(title: "val loss", width: 10, alignsRight: true, priority: 6) { RunsFormat.loss($0.validationLoss) },
      Column(title: "AUC", width: 6, alignsRight: true, priority: 1) { RunsFormat.auc($0.auc) },
      Column(title: "PCA AUC", width: 7, alignsRight: true, priority: 7) { RunsFormat.auc($0.baselineAUC) },
      Column(title: "threshold", width: 9, alignsRight: true, priority: 14) {
        $0.threshold.map { String(format: "%.4g", $0.value) } ?? "-"
      },
      Column(title: "rule", width: 14, alignsRight: false, priority: 15) { $0.threshold?.rule.argument ?? "-" },
      Column(title: "seconds", width: 7, alignsRight: true, priority: 13) {
        String(format: "%.1f", $0.trainingSeconds)
      },
      Column(title: "status", width: 8, alignsRight: false, priority: 2) { $0.status.rawValue },
    ]
  }

  /// Returns the columns that fit in `width` cells after the 3 cells of the
  /// selection pointer and the best-AUC mark, in display order, 2 cells apart.
  func columns(fitting width: Int, records: [RunRecord]) -> [Column] {
    let all = allColumns(records: records)
    var fitting = Set<Int>()
    var used = 3
    for index in all.indices.sorted(by: { all[$0].priority < all[$1].priority }) {
      let needed = all[index].width + (fitting.isEmpty ? 0 : 2)
      guard used + needed <= width else { continue }
      fitting.insert(index)
      used += needed
    }
    return all.indices.filter(fitting.contains).map { all[$0] }
  }

  func draw(into canvas: inout Canvas, in rect: Rect) {
    let records = state.runs.newestFirst
    let innerWidth = rect.width - 2
    let hidden = allColumns(records: records).count - columns(fitting: innerWidth, records: records).count
    var title = "Runs: \(records.count), newest first, * best AUC"
    if hidden > 0 { title += " (\(hidden) columns hidden)" }
    let inner = drawPaneFrame(&canvas, rect, title: title, focused: true, glyphs: state.glyphs)
    guard inner.height > 1, inner.width > 10 else { return }
    let columns = columns(fitting: inner.width, records: records)

    var x = inner.x + 3
    for column in columns {
      canvas.write(aligned(column.title, column), x: x, y: inner.y, foreground: Theme.muted, style: .bold, clip: inner)
      x += column.width + 2
    }

    let best = state.runs.bestAUC
    let selected = state.runs.selectedPosition ?? 0
    let height = inner.height - 1
    let offset = scrollOffset(selected: selected, count: records.count, height: height)
    for (row, record) in records.dropFirst(offset).prefix(height).enumerated() {
      let y = inner.y + 1 + row
      let isSelected = offset + row == selected
      if isSelected {
        canvas.write(String(state.glyphs.pointer), x: inner.x, y: y, foreground: Theme.focusedBorder, clip: inner)
      }
      if let auc = record.auc, auc == best {
        canvas.write("*", x: inner.x + 1, y: y, foreground: Theme.good, style: .bold, clip: inner)
      }
      var x = inner.x + 3
      for column in columns {
        canvas.write(
          aligned(column.value(record), column), x: x, y: y, foreground: color(of: record, column: column),
          style: isSelected ? .bold : [], clip: inner)
        x += column.width + 2
      }
    }
  }

  /// Returns `text` padded or cut to the column's width.
  private func aligned(_ text: String, _ column: Column) -> String {
    let cut = text.truncated(to: column.width, ellipsis: state.glyphs.ellipsis)
    let padding = String(repeating: " ", count: column.width - cut.count)
    return column.alignsRight ? padding + cut : cut + padding
  }

  private func color(of record: RunRecord, column: Column) -> TerminalColor {
    guard column.title == "status" else { return .default }
    switch record.status {
    case .diverged: return Theme.error
    case .stopped: return Theme.muted
    default: return .default
    }
  }
}

/// Every field of the selected run, a few to a line.
struct RunDetailsPane {
  let state: AppState

  func draw(into canvas: inout Canvas, in rect: Rect) {
    let records = state.runs.newestFirst
    guard let position = state.runs.selectedPosition else { return }
    let record = records[position]
    let inner = drawPaneFrame(&canvas, rect, title: "Run \(record.number)", focused: false, glyphs: state.glyphs)
    for (row, line) in lines(for: record).prefix(inner.height).enumerated() {
      canvas.writeTruncated(
        line, x: inner.x + 1, y: inner.y + row, clip: inner, ellipsis: state.glyphs.ellipsis)
    }
  }

  /// Returns the lines of text about `record`.
  func lines(for record: RunRecord) -> [String] {
    let started = record.startedAt.map { RunsFormat.dateTimeFormatter(timeZone: state.runs.timeZone).string(from: $0) }
    let threshold =
      record.threshold.map { "threshold \(String(format: "%.4g", $0.value)) (\($0.rule.argument))" } ?? "no threshold"
    return [
      "\(record.status.rawValue) after \(record.epochsRun) of \(record.epochsPlanned) epochs, "
        + "\(String(format: "%.1f", record.trainingSeconds)) s of training"
        + (started.map { ", started \($0)" } ?? ""),
      "data: \(record.data)",
      "model \(record.architecture), \(record.hiddenActivation.rawValue) hidden layers; "
        + "\(record.optimizer.rawValue), learning rate \(SettingsField.shortNumber(Double(record.learningRate))), "
        + "batch size \(record.batchSize), seed \(record.seed)",
      "loss: training \(RunsFormat.loss(record.trainingLoss)), validation \(RunsFormat.loss(record.validationLoss))",
      "AUC \(RunsFormat.auc(record.auc)), PCA baseline \(RunsFormat.auc(record.baselineAUC)); \(threshold)",
    ]
  }
}

/// Number and time texts of the Runs screen.
enum RunsFormat {
  /// Returns a loss with 4 significant digits, or `-` when there is none.
  static func loss(_ value: Double?) -> String {
    value.map { String(format: "%.4g", $0) } ?? "-"
  }

  /// Returns an AUC as `ChartNumberFormat.auc` does, or `-` when there is none.
  static func auc(_ value: Double?) -> String {
    value.map(ChartNumberFormat.auc) ?? "-"
  }

  /// Returns a formatter of times such as `14:03:12`.
  static func timeFormatter(timeZone: TimeZone) -> DateFormatter {
    formatter("HH:mm:ss", timeZone: timeZone)
  }

  /// Returns a formatter of dates and times such as `2025-06-01 14:03:12`.
  static func dateTimeFormatter(timeZone: TimeZone) -> DateFormatter {
    formatter("yyyy-MM-dd HH:mm:ss", timeZone: timeZone)
  }

  private static func formatter(_ format: String, timeZone: TimeZone) -> DateFormatter {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    formatter.dateFormat = format
    return formatter
  }
}
