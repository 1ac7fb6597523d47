extension NcursesTerminal {
  /// Chooses how many colours to use from the terminal's colour count and
  /// the environment.
  ///
  /// A non-empty `NO_COLOR` turns colour off whatever the terminal can do.
  /// An empty one is ignored, as the NO_COLOR convention specifies.
  ///
  /// - Parameters:
  ///   - colors: The terminfo `colors` number, or 0 when the terminal has
  ///     no colours.
  ///   - environment: The process environment, read for `NO_COLOR`.
  static func colorSupport(colors: Int, environment: [String: String]) -> ColorSupport {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
      return .none
    }
    if colors >= 256 {
      return .indexed256
    }
    if colors >= 8 {
      return .basic8
    }
    return .none
  }

  /// Returns whether to draw Unicode glyphs: only when the locale's codeset
  /// is UTF-8 and the user did not ask for ASCII.
  ///
  /// - Parameter codeset: The name `nl_langinfo(CODESET)` returns, such as
  ///   "UTF-8" or "ANSI_X3.4-1968".
  static func usesUnicode(codeset: String, forceASCII: Bool) -> Bool {
    !forceASCII && isUTF8(codeset: codeset)
  }

  /// Returns whether `codeset` names UTF-8, in any of the spellings C
  /// libraries use ("UTF-8", "utf8", "UTF_8").
  static func isUTF8(codeset: String) -> Bool {
    let letters = codeset.uppercased().filter { $0 != "-" && $0 != "_" }
    return letters == "UTF8"
  }
}
