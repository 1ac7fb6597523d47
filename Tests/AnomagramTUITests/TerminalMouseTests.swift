import Testing

@testable import AnomagramTUI

@Suite("NcursesTerminal mouse decoding")
struct TerminalMouseTests {
  private typealias Mask = NcursesTerminal.MouseMask

  @Test("press, drag and release")
  func pressDragRelease() {
    var isHeld = false

    let press = NcursesTerminal.mouseEvent(buttonState: Mask.leftPressed, x: 3, y: 4, isLeftButtonHeld: &isHeld)
    #expect(press == MouseEvent(kind: .press, x: 3, y: 4))
    #expect(isHeld)

    let drag = NcursesTerminal.mouseEvent(buttonState: Mask.position, x: 5, y: 4, isLeftButtonHeld: &isHeld)
    #expect(drag == MouseEvent(kind: .drag, x: 5, y: 4))

    let release = NcursesTerminal.mouseEvent(buttonState: Mask.leftReleased, x: 6, y: 4, isLeftButtonHeld: &isHeld)
    #expect(release == MouseEvent(kind: .release, x: 6, y: 4))
    #expect(!isHeld)
  }

  @Test("release without press becomes a click")
  func releaseWithoutPress() {
    var isHeld = false

    let events = NcursesTerminal.mouseEvents(buttonState: Mask.leftReleased, x: 9, y: 11, isLeftButtonHeld: &isHeld)

    #expect(events == [MouseEvent(kind: .press, x: 9, y: 11), MouseEvent(kind: .release, x: 9, y: 11)])
    #expect(!isHeld)
  }

  @Test("release after press stays one event")
  func releaseAfterPress() {
    var isHeld = false
    _ = NcursesTerminal.mouseEvents(buttonState: Mask.leftPressed, x: 2, y: 2, isLeftButtonHeld: &isHeld)

    let events = NcursesTerminal.mouseEvents(buttonState: Mask.leftReleased, x: 2, y: 2, isLeftButtonHeld: &isHeld)

    #expect(events == [MouseEvent(kind: .release, x: 2, y: 2)])
  }

  @Test("motion without press is ignored")
  func motionWithoutPressIsIgnored() {
    var isHeld = false
    #expect(NcursesTerminal.mouseEvent(buttonState: Mask.position, x: 1, y: 1, isLeftButtonHeld: &isHeld) == nil)
    #expect(!isHeld)
  }

  @Test("wheel scrolls without holding")
  func wheelScrollsWithoutHolding() {
    var isHeld = false
    let up = NcursesTerminal.mouseEvent(buttonState: Mask.scrollUp, x: 10, y: 2, isLeftButtonHeld: &isHeld)
    let down = NcursesTerminal.mouseEvent(buttonState: Mask.scrollDown, x: 10, y: 3, isLeftButtonHeld: &isHeld)
    #expect(up == MouseEvent(kind: .scrollUp, x: 10, y: 2))
    #expect(down == MouseEvent(kind: .scrollDown, x: 10, y: 3))
    #expect(!isHeld)
  }

  @Test("modifier bits keep the event")
  func modifierBitsKeepEvent() {
    // ncurses adds BUTTON_SHIFT (octal 2 in the sixth 5-bit group, where
    // REPORT_MOUSE_POSITION is octal 10) to a click made with Shift held.
    var isHeld = false
    let shiftBits = Mask.position >> 2
    let press = NcursesTerminal.mouseEvent(
      buttonState: Mask.leftPressed | shiftBits, x: 0, y: 0, isLeftButtonHeld: &isHeld)
    #expect(press?.kind == .press)
  }

  @Test("other buttons are ignored")
  func otherButtonsAreIgnored() {
    // BUTTON3_PRESSED is button 1's press bit shifted by two buttons of five
    // bits each (NCURSES_MOUSE_VERSION 2).
    var isHeld = false
    let rightPressed = Mask.leftPressed << 10
    #expect(NcursesTerminal.mouseEvent(buttonState: rightPressed, x: 0, y: 0, isLeftButtonHeld: &isHeld) == nil)
  }

  @Test("masks are distinct bits")
  func masksAreDistinctBits() {
    let masks = [Mask.leftPressed, Mask.leftReleased, Mask.scrollUp, Mask.scrollDown, Mask.position]
    for mask in masks {
      #expect(mask.nonzeroBitCount == 1, "mask \(mask) should be one bit")
    }
    #expect(Set(masks).count == masks.count)
  }
}
