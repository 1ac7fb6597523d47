import Testing

@testable import AnomagramTUI

@Suite struct ClassNamesTests {
  static let bundled = ["/repo/Data/ecg5000/ECG5000_TRAIN.tsv", "/repo/Data/ecg5000/ECG5000_TEST.tsv"]
  static let ecgLabels: Set<String> = ["1", "2", "3", "4", "5"]

  /// Data files, row width and labels, and whether they get ECG5000's names.
  static let cases: [(label: String, files: [String], features: Int, labels: Set<String>, named: Bool)] = [
    ("bundled files", bundled, 140, ecgLabels, true),
    ("a copy elsewhere", ["/data/ECG5000_TRAIN.tsv"], 140, ["1", "2"], true),
    ("bundled training file with a test file", bundled + ["/tmp/ECG5000_TEST.tsv"], 140, ecgLabels, true),
    ("another file", bundled + ["/tmp/mine.tsv"], 140, ecgLabels, false),
    ("other row width", bundled, 96, ecgLabels, false),
    ("other labels", bundled, 140, ["1", "6"], false),
    ("unlabelled", bundled, 140, ["unlabelled"], false),
    ("no files", [], 140, ecgLabels, false),
  ]

  @Test("ECG5000 names only for ECG5000", arguments: cases.map(\.label))
  func detection(label: String) throws {
    let example = try #require(Self.cases.first { $0.label == label })

    let names = ClassNames.names(dataFiles: example.files, featureCount: example.features, labels: example.labels)

    #expect(names == (example.named ? ClassNames.ecg5000 : [:]))
  }

  @Test func ambiguousNames() {
    #expect(ClassNames.ecg5000["3"] == "premature ventricular contraction")
    #expect(ClassNames.ecg5000["4"] == "supraventricular premature or ectopic beat")
  }
}
