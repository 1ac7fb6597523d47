#!/usr/bin/env bash
# End-to-end test of the Explore screen. It runs the built binary in a
# private tmux server, checks that Explore shows the bundled pretrained
# model before training, and trains a short run. On Explore it steps with the
# arrow keys, filters to false negatives, and draws from one with the keys
# and the mouse until the verdict turns. Then it returns to the Train
# screen, quits, and checks that the terminal is restored.
#
# The run (5 epochs, 500 training and 500 test rows, the default seeds)
# leaves a weak model, so the 99th-percentile threshold misses many
# abnormal test rows and the false negative filter is not empty.
#
# Usage: Tests/EndToEnd/explore-screen.sh [BINARY]   (default .build/debug/anomagram)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/tmux-harness.sh

binary=${1:-.build/debug/anomagram}
[ -x "$binary" ] || { echo "explore-screen.sh: $binary is not built; run swift build first." >&2; exit 1; }
failures=0

step() {
  printf '  %s\n' "$*"
}

fail() {
  printf 'FAIL: %s\n' "$*" >&2
  failures=$((failures + 1))
}

# Waits until a line of the pane matches the extended regular expression.
wait_for_match() {
  local pattern=$1 timeout=${2:-10}
  local deadline=$((SECONDS + timeout))
  while [ "$SECONDS" -le "$deadline" ]; do
    if harness_capture | grep -qE -- "$pattern"; then
      return 0
    fi
    sleep 0.05
  done
  echo "timed out after ${timeout}s waiting for /$pattern/; the pane shows:" >&2
  harness_capture >&2
  return 1
}

# Sends an SGR mouse report for the 0-based cell (X, Y). KIND is M for a
# press or drag and m for a release. BUTTON is 0 for a press or release,
# and 32 for a drag with the left button held.
send_mouse() {
  local button=$1 x=$2 y=$3 kind=$4
  harness_send_text $'\e'"[<${button};$((x + 1));$((y + 1))${kind}"
}

echo "Explore screen: train, step, filter, draw, quit"
harness_start 120 40 "$binary" --no-tour --epochs 5 --train-size 500 --test-size 500
harness_wait_for "Model" 20 || fail "the screen did not appear"

step "Explore before training shows the pretrained model"
harness_send_keys 2
harness_wait_for "All samples (1000)" 5 || fail "no list of the pretrained model's 1,000 test rows"
wait_for_match "model: pretrained model, AUC 0\.99[0-9]{2}" 5 || fail "the pretrained model is not named"

step "train a short run from the Explore screen"
harness_send_keys Space
harness_wait_for "FINISHED" 120 || fail "the run did not finish"
harness_wait_for "All samples (500)" 10 || fail "no sample list after training"
harness_wait_for "Test sample 1 of 500 (scaled)" 5 || fail "sample 1 is not shown"

step "step with the arrow keys"
harness_send_keys Down Down
harness_wait_for "Test sample 3 of 500 (scaled)" 5 || fail "Down twice did not reach sample 3"
harness_send_keys Up
harness_wait_for "Test sample 2 of 500 (scaled)" 5 || fail "Up did not go back to sample 2"
harness_send_keys End
harness_wait_for "Test sample 500 of 500 (scaled)" 5 || fail "End did not reach the last sample"
harness_send_keys Home
harness_wait_for "Test sample 1 of 500 (scaled)" 5 || fail "Home did not return to sample 1"

step "filter to false negatives"
for _ in $(seq 1 12); do
  if harness_capture | grep -q "False negatives ("; then break; fi
  harness_send_keys f
  sleep 0.1
done
wait_for_match "False negatives \([1-9][0-9]* of 500\)" 5 || fail "no false negatives listed"
wait_for_match "abnormal, not flagged: false negative" 5 || fail "the selected sample is not a false negative"
harness_send_keys Down
wait_for_match "filter false negatives: 2 of [0-9]+" 5 || fail "Down did not step within the filter"

step "draw from the sample and raise it until it is flagged"
harness_send_keys d
harness_wait_for "Drawing from test sample" 5 || fail "d did not start draw mode"
harness_wait_for "drawn: not flagged, looks normal" 5 || fail "the false negative's drawing is flagged"
before=$(harness_capture | grep -oE "error [0-9.e-]+" | head -1)
# A press near the top of the chart and a drag to the right set a run of
# points high. The details then name the point under the pointer.
send_mouse 0 80 4 M
send_mouse 32 90 4 M
send_mouse 0 90 4 m
wait_for_match "point [0-9]+ of 140 = 1\.[0-9]+" 5 || fail "the mouse did not set a value near the top"
after=$(harness_capture | grep -oE "error [0-9.e-]+" | head -1)
[ "$before" != "$after" ] || fail "the error did not change after drawing with the mouse ($before)"
harness_send_keys ] ] ] ] ]
harness_wait_for "brush 15" 5 || fail "] did not widen the brush to 15 points"
for _ in $(seq 1 6); do
  harness_send_keys PageUp
done
harness_wait_for "drawn: flagged as abnormal" 5 || fail "raising the signal did not turn the verdict"
harness_send_keys Escape
harness_wait_for "Sample ──" 5 || fail "Esc did not leave draw mode"
wait_for_match "Test sample [0-9]+ of 500" 5 || fail "the sample chart did not come back"

step "back to the Train screen"
harness_send_keys 1
harness_wait_for "Loss per epoch" 5 || fail "1 did not show the Train screen"

step "quit"
harness_send_keys q
status=$(harness_wait_exit 10) || fail "the program did not exit after q"
[ "${status:-}" = "0" ] || fail "exit status after quitting was ${status:-none}, expected 0"
harness_assert_restored || fail "terminal not restored after quitting"

echo "Explore screen at 80x24: the bottleneck plot in place of the list"
harness_start 80 24 "$binary" --no-tour --epochs 2 --train-size 300 --test-size 300
harness_wait_for "Model" 20 || fail "the screen did not appear"
harness_send_keys n 2
harness_wait_for "PAUSED" 120 || fail "the run did not pause after one epoch"
harness_wait_for "All samples (300)" 10 || fail "no sample list after one epoch"
harness_send_keys b
harness_wait_for "Bottleneck: 2 units" 5 || fail "b did not show the bottleneck plot"
harness_send_keys q
status=$(harness_wait_exit 10) || fail "the program did not exit after q"
harness_assert_restored || fail "terminal not restored"
harness_stop

if [ "$failures" -gt 0 ]; then
  echo "explore-screen.sh: $failures check(s) failed." >&2
  exit 1
fi
echo "explore-screen.sh: all checks passed."
