import Testing

@testable import AnomagramTUI

@Suite("PathCompletion")
struct PathCompletionTests {
  /// A folder with two data files, a model, two folders and a hidden file.
  static let entries = [
    FolderEntry(name: "beats.csv", isFolder: false),
    FolderEntry(name: "beats-broken.csv", isFolder: false),
    FolderEntry(name: "model.json", isFolder: false),
    FolderEntry(name: "data", isFolder: true),
    FolderEntry(name: "docs", isFolder: true),
    FolderEntry(name: ".hidden", isFolder: false),
  ]

  struct Case: CustomTestStringConvertible, Sendable {
    let label: String
    let text: String
    let completed: String
    let candidates: [String]
    let matchCount: Int
    var testDescription: String { label }
  }

  static let cases: [Case] = [
    Case(label: "one file", text: "mo", completed: "model.json", candidates: [], matchCount: 1),
    Case(label: "one folder gets a slash", text: "da", completed: "data/", candidates: [], matchCount: 1),
    Case(
      label: "common prefix, then candidates", text: "b", completed: "beats",
      candidates: ["beats-broken.csv", "beats.csv"],
      matchCount: 2),
    Case(
      label: "ambiguous without a longer prefix", text: "d", completed: "d", candidates: ["data/", "docs/"],
      matchCount: 2),
    Case(label: "no match keeps the text", text: "x", completed: "x", candidates: [], matchCount: 0),
    Case(
      label: "empty name lists all but hidden", text: "", completed: "",
      candidates: ["beats-broken.csv", "beats.csv", "data/", "docs/", "model.json"], matchCount: 5),
    Case(label: "dot shows hidden", text: ".h", completed: ".hidden", candidates: [], matchCount: 1),
    Case(
      label: "folder part is kept", text: "some/dir/mo", completed: "some/dir/model.json", candidates: [], matchCount: 1
    ),
    Case(label: "tilde folder is kept", text: "~/da", completed: "~/data/", candidates: [], matchCount: 1),
    Case(label: "exact name stays", text: "model.json", completed: "model.json", candidates: [], matchCount: 1),
  ]

  @Test("completes against a listing", arguments: cases)
  func completes(_ testCase: Case) {
    let result = PathCompletion.complete(testCase.text, entries: Self.entries)

    #expect(result.text == testCase.completed)
    #expect(result.candidates == testCase.candidates)
    #expect(result.matchCount == testCase.matchCount)
  }

  @Test("split at the last slash")
  func splitsAtLastSlash() {
    #expect(PathCompletion.split("a/b/c") == ("a/b/", "c"))
    #expect(PathCompletion.split("abc") == ("", "abc"))
    #expect(PathCompletion.split("/") == ("/", ""))
    #expect(PathCompletion.split("~/") == ("~/", ""))
  }

  @Test("longest common prefix")
  func longestCommonPrefix() {
    #expect(PathCompletion.longestCommonPrefix(["beats.csv", "beats-broken.csv"]) == "beats")
    #expect(PathCompletion.longestCommonPrefix(["a", "b"]) == "")
    #expect(PathCompletion.longestCommonPrefix(["same", "same"]) == "same")
    #expect(PathCompletion.longestCommonPrefix([]) == "")
  }
}
