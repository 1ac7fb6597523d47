#ifndef ANOMAGRAM_CNCURSES_SHIM_H
#define ANOMAGRAM_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift cannot import function-like macros (KEY_F, the mouse masks), and in
// Swift 6 mode it rejects reads of the mutable C globals that curses updates
// (stdscr, LINES, COLS, COLORS, COLOR_PAIRS, stdin, stdout). These accessors
// expose both as plain functions. They are valid only on the thread that owns
// the terminal, like every other curses call.

// MARK: - Globals

static inline WINDOW *anomagram_stdscr(void) { return stdscr; }
static inline int anomagram_lines(void) { return LINES; }
static inline int anomagram_columns(void) { return COLS; }
static inline int anomagram_colors(void) { return COLORS; }
static inline int anomagram_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *anomagram_stdin(void) { return stdin; }
static inline FILE *anomagram_stdout(void) { return stdout; }

// MARK: - Keys

static inline int anomagram_key_f(int n) { return KEY_F(n); }

// MARK: - Attributes

static inline attr_t anomagram_attribute_normal(void) { return WA_NORMAL; }
static inline attr_t anomagram_attribute_bold(void) { return WA_BOLD; }
static inline attr_t anomagram_attribute_dim(void) { return WA_DIM; }
static inline attr_t anomagram_attribute_reverse(void) { return WA_REVERSE; }
static inline attr_t anomagram_attribute_underline(void) { return WA_UNDERLINE; }

// MARK: - Colour pairs

// The highest pair number that anomagram_init_pair accepts. ncurses 6.1 and
// later with extended colours take pair numbers up to COLOR_PAIRS - 1 through
// init_extended_pair. Older builds take a short, so the range ends at 32767.
static inline int anomagram_max_pair_number(void) {
#if NCURSES_EXT_COLORS
  return COLOR_PAIRS - 1;
#else
  return COLOR_PAIRS - 1 < 32767 ? COLOR_PAIRS - 1 : 32767;
#endif
}

// Defines pair `pair` as foreground `foreground` on background `background`,
// where -1 is the terminal's default colour. Returns OK or ERR.
static inline int anomagram_init_pair(int pair, int foreground, int background) {
#if NCURSES_EXT_COLORS
  return init_extended_pair(pair, foreground, background);
#else
  return init_pair((short)pair, (short)foreground, (short)background);
#endif
}

// Stores `text` (a spacing character followed by up to CCHARW_MAX - 1
// combining characters, terminated by 0) with `attributes` and colour pair
// `pair` in `cell`. ncurses 6.1 and later with extended colours read pair
// numbers above 32767 from the last argument, and older builds require it
// to be NULL. Returns OK or ERR.
static inline int anomagram_setcchar(cchar_t *cell, const wchar_t *text, attr_t attributes, int pair) {
#if NCURSES_EXT_COLORS
  return setcchar(cell, text, attributes, (short)(pair < 32767 ? pair : 32767), &pair);
#else
  return setcchar(cell, text, attributes, (short)pair, NULL);
#endif
}

// MARK: - Characters

// glibc declares wcwidth only for _XOPEN_SOURCE builds, which the Swift
// importer does not use, so this repeats glibc's declaration.
int wcwidth(wchar_t character);

// Returns the number of terminal columns `character` takes in the current
// locale: 1 or 2, 0 for combining marks, -1 when it is not printable.
static inline int anomagram_column_width(wchar_t character) { return wcwidth(character); }

// MARK: - Mouse

static inline mmask_t anomagram_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t anomagram_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t anomagram_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t anomagram_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t anomagram_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }

// Returns 1 when ncurses drives the mouse the xterm way: the terminal
// description has the XM string, which switches reporting on and off, or a
// kmous key that starts with ESC [. Returns 0 otherwise.
static inline int anomagram_has_xterm_mouse(void) {
  const char *xm = tigetstr("XM");
  if (xm != NULL && xm != (const char *)-1) return 1;
  // tmux-256color and screen have no XM, but their kmous (ESC [ M) makes
  // ncurses turn on xterm's mode 1000 all the same.
  const char *kmous = tigetstr("kmous");
  return kmous != NULL && kmous != (const char *)-1 && kmous[0] == '\033' && kmous[1] == '[';
}

#endif
