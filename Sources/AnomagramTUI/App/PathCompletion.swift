/// A file or folder in a folder listing.
public struct FolderEntry: Equatable, Sendable {
  public var name: String
  /// Whether the entry is a folder, or a symbolic link to one.
  public var isFolder: Bool

  public init(name: String, isFolder: Bool) {
    self.name = name
    self.isFolder = isFolder
  }
}

/// Tab completion of a typed path against the listing of its folder, as
/// shells do it. Pure: the listing is read elsewhere (`FileTasks.listFolder`).
public enum PathCompletion {
  /// The outcome of a Tab.
  public struct Result: Equatable, Sendable {
    /// The completed text.
    public var text: String
    /// Every match, sorted, folders with a trailing `/`; empty when there is
    /// one match or none.
    public var candidates: [String]
    /// The number of entries whose names start with the typed name.
    public var matchCount: Int
  }

  /// Splits `text` into the folder to list, up to and including the last
  /// `/`, and the start of the name typed after it. A text without `/`
  /// names something in the current folder, so its folder part is empty.
  public static func split(_ text: String) -> (folder: String, name: String) {
    guard let slash = text.lastIndex(of: "/") else { return ("", text) }
    let nameStart = text.index(after: slash)
    return (String(text[..<nameStart]), String(text[nameStart...]))
  }

  /// Completes `text` with the entries of its folder.
  ///
  /// One match completes to its whole name, with a `/` after a folder.
  /// Several matches extend the name to their longest common prefix and are
  /// listed as candidates. Names starting with `.` match only when the typed
  /// name starts with `.`.
  public static func complete(_ text: String, entries: [FolderEntry]) -> Result {
    let (folder, name) = split(text)
    let showsHidden = name.hasPrefix(".")
    let matches =
      entries
      .filter { $0.name.hasPrefix(name) && (showsHidden || !$0.name.hasPrefix(".")) }
      .filter { $0.name != "." && $0.name != ".." }
      .sorted { $0.name < $1.name }
    switch matches.count {
    case 0:
      return Result(text: text, candidates: [], matchCount: 0)
    case 1:
      let match = matches[0]
      return Result(text: folder + match.name + (match.isFolder ? "/" : ""), candidates: [], matchCount: 1)
    default:
      let common = longestCommonPrefix(matches.map(\.name))
      return Result(
        text: folder + common,
        candidates: matches.map { $0.name + ($0.isFolder ? "/" : "") }, matchCount: matches.count)
    }
  }

  /// Returns the longest string that every one of `names` starts with, compared by character.
  static func longestCommonPrefix(_ names: [String]) -> String {
    guard var prefix = names.first.map(Array.init) else { return "" }
    for name in names.dropFirst() {
      let characters = Array(name)
      var length = 0
      while length < min(prefix.count, characters.count) && prefix[length] == characters[length] {
        length += 1
      }
      prefix.removeSubrange(length...)
    }
    return String(prefix)
  }
}
