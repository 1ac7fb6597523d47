import CNcurses

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension NcursesTerminal {
  /// Makes the next `draw(_:)` clear the physical screen and repaint every
  /// cell, for when something other than this class wrote to the terminal.
  public func invalidate() {
    needsFullRepaint = true
  }

  /// Copies `canvas` to the screen and refreshes it.
  ///
  /// Only the cells that differ from the previous canvas are written, unless
  /// the canvas or the screen changed size or `invalidate()` was called, in
  /// which case every cell is. Cells outside the screen are clipped, and
  /// screen cells outside the canvas are blank.
  public func draw(_ canvas: Canvas) {
    let screen = anomagram_stdscr()
    let screenSize = size
    let repaintsAll = needsFullRepaint || previousCanvas?.size != canvas.size || previousScreenSize != screenSize
    if repaintsAll {
      werase(screen)
      clearok(screen, needsFullRepaint)
    }

    let previous = repaintsAll ? nil : previousCanvas
    let lastColumn = screenSize.width - 1
    let lastRow = screenSize.height - 1
    for y in 0..<min(canvas.size.height, screenSize.height) {
      for x in 0..<min(canvas.size.width, screenSize.width) {
        let index = y * canvas.size.width + x
        let cell = canvas.cells[index]
        if let previous, previous.cells[index] == cell {
          continue
        }
        put(cell, x: x, y: y, isBottomRight: x == lastColumn && y == lastRow)
      }
    }

    previousCanvas = canvas
    previousScreenSize = screenSize
    needsFullRepaint = false
    wnoutrefresh(screen)
    doupdate()
  }

  /// Writes one cell to the curses window.
  ///
  /// The bottom-right cell is inserted with `wins_wch` rather than added:
  /// `wadd_wch` there would try to move the cursor past the end of the
  /// window, which fails (or scrolls the window, with scrolling on). The
  /// insert leaves the cursor in place, and `doupdate` writes that corner to
  /// the terminal without triggering its automatic margin.
  private func put(_ cell: Cell, x: Int, y: Int, isBottomRight: Bool) {
    let pair = colorPair(foreground: cell.foreground, background: cell.background)
    let character = Self.displayedCharacter(cell.character, allowsNonASCII: allowsNonASCII) { scalar in
      Int(anomagram_column_width(wchar_t(scalar.value)))
    }
    var wide = cchar_t()
    let maxScalars = Int(CCHARW_MAX)
    withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: maxScalars + 1) { text in
      var count = 0
      for scalar in character.unicodeScalars.prefix(maxScalars) {
        text[count] = wchar_t(scalar.value)
        count += 1
      }
      text[count] = 0
      _ = anomagram_setcchar(&wide, text.baseAddress, Self.attributes(for: cell.style), pair)
    }

    let screen = anomagram_stdscr()
    if isBottomRight {
      mvwins_wch(screen, Int32(y), Int32(x), &wide)
    } else {
      mvwadd_wch(screen, Int32(y), Int32(x), &wide)
    }
  }

  /// Returns the colour pair for a foreground and background, defining the
  /// pair the first time the combination appears. Always 0 without colour.
  private func colorPair(foreground: TerminalColor, background: TerminalColor) -> Int32 {
    guard colorSupport != .none else { return 0 }
    let colors = ColorPairTable.Colors(
      foreground: Self.colorNumber(foreground, support: colorSupport, defaultNumber: defaultColors.foreground),
      background: Self.colorNumber(background, support: colorSupport, defaultNumber: defaultColors.background))
    let (number, isNew) = colorPairs.pairNumber(for: colors)
    if isNew {
      anomagram_init_pair(number, colors.foreground, colors.background)
    }
    return number
  }

  // MARK: - Mapping cells to curses

  /// Maps a colour to a curses colour number the terminal has.
  ///
  /// Indexed colours become their basic fallback on 8-colour terminals.
  /// `.basic` values above 7 are shown as 7 (white).
  ///
  /// - Parameter defaultNumber: The number for `.default`, and for every
  ///   colour when `support` is `.none`: -1 where the terminal accepted
  ///   `use_default_colors`.
  static func colorNumber(_ color: TerminalColor, support: ColorSupport, defaultNumber: Int32) -> Int32 {
    switch (color, support) {
    case (_, .none), (.default, _):
      return defaultNumber
    case (.basic(let number), _):
      return Int32(min(number, 7))
    case (.indexed(let number, _), .indexed256):
      return Int32(number)
    case (.indexed(_, let fallback), .basic8):
      return Int32(min(fallback, 7))
    }
  }

  /// Returns the curses attribute bits for a text style.
  static func attributes(for style: TextStyle) -> attr_t {
    var attributes = anomagram_attribute_normal()
    if style.contains(.bold) { attributes |= anomagram_attribute_bold() }
    if style.contains(.dim) { attributes |= anomagram_attribute_dim() }
    if style.contains(.reverse) { attributes |= anomagram_attribute_reverse() }
    if style.contains(.underline) { attributes |= anomagram_attribute_underline() }
    return attributes
  }

  /// Returns the character to write for `character`, or "?" where writing it
  /// would break the one-cell-per-character grid or the terminal could not
  /// show it. That covers control characters, which curses writes as
  /// two-column `^X`, and characters whose first scalar is not one column
  /// wide (CJK ideographs, most emoji). It also covers every non-ASCII
  /// character when the locale is not UTF-8.
  ///
  /// - Parameter columnWidth: The terminal width of a scalar in columns, as
  ///   `wcwidth` returns it (-1 for non-printable scalars).
  static func displayedCharacter(
    _ character: Character, allowsNonASCII: Bool, columnWidth: (Unicode.Scalar) -> Int
  ) -> Character {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return "?" }
    if scalars.contains(where: { $0.properties.generalCategory == .control }) {
      return "?"
    }
    if character.isASCII {
      return character
    }
    guard allowsNonASCII, columnWidth(first) == 1 else {
      return "?"
    }
    return character
  }
}
