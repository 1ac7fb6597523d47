/// Draws a pane's frame, brighter when the pane has focus, and returns the
/// area inside it.
func drawPaneFrame(
  _ canvas: inout Canvas, _ rect: Rect, title: String, focused: Bool, glyphs: Glyphs
) -> Rect {
  canvas.drawBox(
    rect, title: title, glyphs: glyphs, color: focused ? Theme.focusedBorder : Theme.border,
    style: focused ? .bold : [])
  return rect.inset(by: 1)
}

/// The first row to show of a list of `count` rows in `height` rows so that
/// `selected` stays visible.
func scrollOffset(selected: Int, count: Int, height: Int) -> Int {
  guard count > height, height > 0 else { return 0 }
  return min(max(0, selected - height / 2), count - height)
}
