#!/usr/bin/env bash
# End-to-end test of the Train screen: runs the built binary in a private
# tmux server, adds a layer, trains, watches the epoch counter and the AUC,
# resizes below the minimum and back, quits, and checks the terminal is
# restored. Then the same for SIGTERM, SIGHUP, SIGINT and SIGQUIT during
# training, for a crash (SIGSEGV and SIGABRT), and for an ASCII, colourless
# start.
#
# Usage: Tests/EndToEnd/train-screen.sh [BINARY]   (default .build/debug/anomagram)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/tmux-harness.sh

binary=${1:-.build/debug/anomagram}
[ -x "$binary" ] || { echo "train-screen.sh: $binary is not built; run swift build first." >&2; exit 1; }
failures=0

step() {
  printf '  %s\n' "$*"
}

fail() {
  printf 'FAIL: %s\n' "$*" >&2
  failures=$((failures + 1))
}

# Waits until the status bar's epoch counter shows at least EPOCH.
wait_for_epoch() {
  local minimum=$1 timeout=${2:-60}
  local deadline=$((SECONDS + timeout))
  while [ "$SECONDS" -le "$deadline" ]; do
    local epoch
    epoch=$(harness_capture | sed -n 's/.*epoch \([0-9]*\)\/[0-9]*.*/\1/p' | tail -1)
    if [ -n "$epoch" ] && [ "$epoch" -ge "$minimum" ]; then
      return 0
    fi
    sleep 0.1
  done
  echo "timed out waiting for epoch $minimum; the pane shows:" >&2
  harness_capture >&2
  return 1
}

echo "Train screen: add a layer, train, resize, quit"
harness_start 120 40 "$binary" --no-tour --epochs 400 --train-size 1000 --test-size 500
harness_wait_for "Model" 20 || fail "the screen did not appear"
step "add a hidden layer after the first one"
harness_send_keys a
harness_wait_for "dense 3" 5 || fail "no third hidden layer after pressing a"
harness_wait_for "Added a hidden layer of 40 units" 5 || fail "no notice for the added layer"
step "start training"
harness_send_keys Space
harness_wait_for "TRAINING" 20 || fail "status did not change to TRAINING"
wait_for_epoch 2 120 || fail "the epoch counter did not advance"
harness_wait_for "AUC 0." 60 || fail "no AUC appeared"
step "resize to 60x20 and back"
harness_resize 60 20
harness_wait_for "Terminal too small: 60x20." 5 || fail "no size message at 60x20"
before=$(harness_capture | sed -n 's/.*epoch \([0-9]*\)\/.*/\1/p' | tail -1)
wait_for_epoch $((before + 1)) 60 || fail "training stopped while the terminal was too small"
harness_resize 120 40
harness_wait_for "Model" 5 || fail "the screen did not come back at 120x40"
harness_wait_for "TRAINING" 5 || fail "training is not running after the resize"
step "quit, answering the question"
harness_send_keys q
harness_wait_for "Quit anyway?" 5 || fail "no question when quitting during training"
harness_send_keys y
status=$(harness_wait_exit 10) || fail "the program did not exit after q, y"
[ "${status:-}" = "0" ] || fail "exit status after quitting was ${status:-none}, expected 0"
harness_assert_restored || fail "terminal not restored after quitting"

for signal in TERM HUP INT QUIT; do
  echo "SIG$signal during training restores the terminal"
  harness_start 100 30 "$binary" --no-tour --epochs 400 --train-size 1000 --test-size 500
  harness_wait_for "Model" 20 || fail "the screen did not appear"
  harness_send_keys Space
  harness_wait_for "TRAINING" 20 || fail "status did not change to TRAINING"
  harness_signal "$signal"
  if [ "$signal" = INT ]; then
    # SIGINT is what Ctrl-C sends: during training the app shows the quit
    # question, and a second SIGINT quits.
    harness_wait_for "Quit anyway?" 5 || fail "no question after SIGINT during training"
    harness_signal INT
  fi
  status=$(harness_wait_exit 10) || fail "the program did not exit on SIG$signal"
  case $signal in TERM) expected=143 ;; HUP) expected=129 ;; INT) expected=130 ;; QUIT) expected=131 ;; esac
  [ "${status:-}" = "$expected" ] || fail "exit status after SIG$signal was ${status:-none}, expected $expected"
  harness_assert_restored || fail "terminal not restored after SIG$signal"
done

# A crash still ends the process with the crash's status, but the terminal
# comes back first. ulimit keeps the crash from writing a core file. tmux's
# own terminal type turns the mouse on without the XM string that
# xterm-256color has, so the crash runs once under each.
for signal in SEGV ABRT; do
  case $signal in SEGV) term=tmux-256color ;; ABRT) term=xterm-256color ;; esac
  echo "a crash (SIG$signal) during training restores the terminal (TERM=$term)"
  harness_start 100 30 env TERM=$term bash -c 'ulimit -c 0; exec "$@"' crash "$binary" --no-tour --epochs 400 \
    --train-size 1000 --test-size 500
  harness_wait_for "Model" 20 || fail "the screen did not appear"
  harness_send_keys Space
  harness_wait_for "TRAINING" 20 || fail "status did not change to TRAINING"
  harness_signal "$signal"
  status=$(harness_wait_exit 10) || fail "the program did not end on SIG$signal"
  case $signal in SEGV) expected=139 ;; ABRT) expected=134 ;; esac
  [ "${status:-}" = "$expected" ] || fail "exit status after SIG$signal was ${status:-none}, expected $expected"
  harness_assert_restored || fail "terminal not restored after SIG$signal"
done

echo "ASCII and no colour: LANG=C NO_COLOR=1"
harness_start 80 24 env LANG=C LC_ALL=C NO_COLOR=1 "$binary" --no-tour
harness_wait_for "Model" 20 || fail "the screen did not appear"
if harness_capture | LC_ALL=C grep -q '[^ -~]'; then
  fail "the ASCII screen shows characters outside ASCII:"
  harness_capture >&2
fi
harness_send_keys q
status=$(harness_wait_exit 10) || fail "the program did not exit after q"
harness_assert_restored || fail "terminal not restored"
harness_stop

if [ "$failures" -gt 0 ]; then
  echo "train-screen.sh: $failures check(s) failed." >&2
  exit 1
fi
echo "train-screen.sh: all checks passed."
