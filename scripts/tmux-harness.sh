#!/usr/bin/env bash
# Drives a full-screen program in a private tmux server, for end-to-end tests.
#
# Source this file from a bash script, then:
#
#   harness_start 120 40 .build/debug/anomagram   # width, height, command
#   harness_wait_for "Train" 10                   # text, timeout in seconds
#   harness_send_keys Down Down Enter             # tmux key names
#   harness_resize 100 30
#   harness_send_keys q
#   harness_wait_exit 10                          # prints the exit status
#   harness_assert_restored                       # terminal left as found
#
# Each harness_start uses a new tmux server (tmux -L <unique name> -f
# /dev/null), so tests neither see nor touch the user's tmux or each other.
# The server is killed by harness_stop, by the next harness_start and, through
# an EXIT trap that harness_start installs, when the sourcing script exits.
# The trap replaces any EXIT trap the sourcing script set before.
#
# The program runs in a wrapper shell inside the pane with TERM=xterm-256color
# and SWIFT_BACKTRACE=interactive=no (a Swift crash would otherwise wait 30 s
# at the backtracer's prompt). The wrapper records the terminal settings
# (stty) before and after the program, and its exit status, so that
# harness_assert_restored can check that nothing was left in raw mode.
#
# Every function prints what went wrong to stderr and returns non-zero on
# failure. harness_wait_for and harness_assert_restored also print the pane.

HARNESS_SOCKET=""
HARNESS_SOCKET_PATH=""
HARNESS_DIR=""
HARNESS_TARGET="harness:0.0"

# Runs tmux against the current server. -u makes capture-pane print UTF-8
# whatever the caller's locale is.
_harness_tmux() {
  tmux -u -L "$HARNESS_SOCKET" -f /dev/null "$@"
}

_harness_fail() {
  printf 'tmux-harness: %s\n' "$*" >&2
  return 1
}

# harness_start WIDTH HEIGHT COMMAND [ARGUMENT...]
# Starts a new server with one detached session of WIDTH x HEIGHT cells whose
# pane runs COMMAND. Extra environment goes through env(1), for example
# `harness_start 120 40 env LANG=C NO_COLOR=1 ./program`.
harness_start() {
  if [ "$#" -lt 3 ]; then
    _harness_fail "usage: harness_start WIDTH HEIGHT COMMAND [ARGUMENT...]"
    return 1
  fi
  local width=$1 height=$2
  shift 2
  command -v tmux >/dev/null || { _harness_fail "tmux is not installed"; return 1; }
  harness_stop

  HARNESS_SOCKET="anomagram-harness-$$-$RANDOM$RANDOM"
  HARNESS_DIR=$(mktemp -d "${TMPDIR:-/tmp}/tmux-harness.XXXXXX") || return 1
  trap harness_stop EXIT
  _harness_write_wrapper

  # -f /dev/null skips every configuration file, so the server's options are
  # tmux's defaults plus those set here.
  _harness_tmux new-session -d -s harness -x "$width" -y "$height" \
    "$HARNESS_DIR/wrapper.sh" "$@" ||
    { _harness_fail "tmux new-session failed"; return 1; }
  HARNESS_SOCKET_PATH=$(_harness_tmux display-message -p '#{socket_path}')
  # Keeps the window at the -x/-y size, changed only by harness_resize, even
  # if someone attaches a client to look at it.
  _harness_tmux set-option -t harness window-size manual >/dev/null
}

# Writes the pane's wrapper: it records the terminal settings, runs the
# program in the foreground with its own pid recorded, then records the
# terminal settings again and the exit status, and waits to be killed.
_harness_write_wrapper() {
  cat >"$HARNESS_DIR/wrapper.sh" <<'EOF'
#!/bin/sh
dir=$(dirname "$0")
# A trap (not an ignore, which the program would inherit) keeps this shell
# alive when Ctrl-C sends SIGINT to the whole foreground process group.
trap ':' INT
stty -g >"$dir/stty-before" 2>&1
stty -a >"$dir/stty-before-all" 2>&1
env TERM=xterm-256color SWIFT_BACKTRACE=interactive=no \
  sh -c 'echo $$ >"$0"; exec "$@"' "$dir/pid" "$@"
status=$?
stty -g >"$dir/stty-after" 2>&1
stty -a >"$dir/stty-after-all" 2>&1
printf '\n[harness] exited with status %s\n' "$status"
echo "$status" >"$dir/status"
# Stay alive: when a pane's process ends, tmux 3.3 writes "Pane is dead"
# on the bottom row, which scrolls the screen, and hides the cursor.
while :; do sleep 3600; done
EOF
  chmod +x "$HARNESS_DIR/wrapper.sh"
}

# harness_stop
# Kills the current server and removes its files. Safe to call twice.
harness_stop() {
  if [ -n "$HARNESS_SOCKET" ]; then
    _harness_tmux kill-server 2>/dev/null
    HARNESS_SOCKET=""
  fi
  # tmux 3.3 leaves the socket file behind after kill-server.
  if [ -n "$HARNESS_SOCKET_PATH" ]; then
    rm -f "$HARNESS_SOCKET_PATH"
    HARNESS_SOCKET_PATH=""
  fi
  if [ -n "$HARNESS_DIR" ]; then
    rm -rf "$HARNESS_DIR"
    HARNESS_DIR=""
  fi
}

# harness_capture
# Prints the pane's visible text.
harness_capture() {
  _harness_tmux capture-pane -p -t "$HARNESS_TARGET"
}

# harness_query FORMAT
# Prints a tmux format for the pane, such as '#{alternate_on}'.
harness_query() {
  _harness_tmux display-message -p -t "$HARNESS_TARGET" "$1"
}

# harness_wait_for TEXT [TIMEOUT_SECONDS]
# Waits until the pane shows TEXT (a fixed string), 10 s by default.
harness_wait_for() {
  local text=$1 timeout=${2:-10}
  local deadline=$((SECONDS + timeout))
  while [ "$SECONDS" -le "$deadline" ]; do
    if harness_capture | grep -qF -- "$text"; then
      return 0
    fi
    sleep 0.05
  done
  _harness_fail "timed out after ${timeout}s waiting for \"$text\"; the pane shows:"
  harness_capture >&2
  return 1
}

# harness_wait_gone TEXT [TIMEOUT_SECONDS]
# Waits until the pane no longer shows TEXT, 10 s by default.
harness_wait_gone() {
  local text=$1 timeout=${2:-10}
  local deadline=$((SECONDS + timeout))
  while [ "$SECONDS" -le "$deadline" ]; do
    if ! harness_capture | grep -qF -- "$text"; then
      return 0
    fi
    sleep 0.05
  done
  _harness_fail "timed out after ${timeout}s waiting for \"$text\" to go; the pane shows:"
  harness_capture >&2
  return 1
}

# harness_send_keys KEY...
# Sends keys by tmux name: letters, Enter, Escape, Up, PageUp, Home, BTab,
# C-c, F1 and so on.
harness_send_keys() {
  _harness_tmux send-keys -t "$HARNESS_TARGET" "$@"
}

# harness_send_text TEXT
# Types TEXT literally, byte for byte. This also sends raw escape sequences,
# such as an SGR mouse report ($'\e[<0;10;5M').
harness_send_text() {
  _harness_tmux send-keys -t "$HARNESS_TARGET" -l -- "$1"
}

# harness_resize WIDTH HEIGHT
# Resizes the window, so the program gets SIGWINCH from the pane's terminal.
harness_resize() {
  _harness_tmux resize-window -t harness -x "$1" -y "$2"
}

# harness_app_pid
# Prints the program's process id, once the wrapper has started it.
harness_app_pid() {
  local deadline=$((SECONDS + 10))
  while [ ! -s "$HARNESS_DIR/pid" ] && [ "$SECONDS" -le "$deadline" ]; do
    sleep 0.05
  done
  [ -s "$HARNESS_DIR/pid" ] || { _harness_fail "the program's pid was never recorded"; return 1; }
  cat "$HARNESS_DIR/pid"
}

# harness_signal SIGNAL
# Sends SIGNAL (TERM, HUP, INT, ...) to the program alone, not its wrapper.
harness_signal() {
  local pid
  pid=$(harness_app_pid) || return 1
  kill -s "$1" "$pid"
}

# harness_wait_exit [TIMEOUT_SECONDS]
# Waits for the program to exit, 10 s by default, and prints its exit status
# (128 + n after signal n killed it).
harness_wait_exit() {
  local timeout=${1:-10}
  local deadline=$((SECONDS + timeout))
  while [ ! -s "$HARNESS_DIR/status" ] && [ "$SECONDS" -le "$deadline" ]; do
    sleep 0.05
  done
  if [ ! -s "$HARNESS_DIR/status" ]; then
    _harness_fail "the program did not exit within ${timeout}s; the pane shows:"
    harness_capture >&2
    return 1
  fi
  cat "$HARNESS_DIR/status"
}

# harness_assert_restored
# After harness_wait_exit: checks that the program left the alternate screen,
# showed the cursor, switched mouse reporting and keypad mode off, and left
# the terminal settings (echo, canonical mode, flow control, ...) exactly as
# it found them.
harness_assert_restored() {
  local failed=0 flag value
  for flag in alternate_on mouse_any_flag mouse_button_flag mouse_standard_flag mouse_sgr_flag \
    keypad_cursor_flag keypad_flag; do
    value=$(harness_query "#{$flag}")
    if [ "$value" != 0 ]; then
      _harness_fail "#{$flag} is \"$value\" after exit, expected 0"
      failed=1
    fi
  done
  value=$(harness_query '#{cursor_flag}')
  if [ "$value" != 1 ]; then
    _harness_fail "#{cursor_flag} is \"$value\" after exit, expected 1 (cursor visible)"
    failed=1
  fi
  # stty -g leaves out the window size, which harness_resize changes.
  if ! cmp -s "$HARNESS_DIR/stty-before" "$HARNESS_DIR/stty-after"; then
    _harness_fail "terminal settings differ after exit (stty -a, before then after):"
    diff "$HARNESS_DIR/stty-before-all" "$HARNESS_DIR/stty-after-all" >&2
    failed=1
  fi
  if [ "$failed" != 0 ]; then
    _harness_fail "the pane shows:"
    harness_capture >&2
  fi
  return "$failed"
}
