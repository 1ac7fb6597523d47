#!/usr/bin/env bash
# End-to-end test of files and the run history. It runs the built binary in
# a private tmux server, in a temporary folder that is also its home folder,
# and writes a small labelled CSV file there (120 rows of 24 values, a
# header row, the label first). In the app it opens the CSV with O, Tab
# completion and the default label column, trains on it and waits for an
# AUC. It checks the run's row on the Runs screen and saves the model with
# w, once with the default name and once more to see the question before
# replacing it. It exports the runs with x, and opens a broken CSV and a
# damaged model file to see the command line's messages. Then it opens the
# saved model with o, sees it on the Explore screen, quits and checks that
# the terminal is restored.
#
# Usage: Tests/EndToEnd/files-and-runs.sh [BINARY]   (default .build/debug/anomagram)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/tmux-harness.sh

binary=${1:-.build/debug/anomagram}
[ -x "$binary" ] || { echo "files-and-runs.sh: $binary is not built; run swift build first." >&2; exit 1; }
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
failures=0

step() {
  printf '  %s\n' "$*"
}

fail() {
  printf 'FAIL: %s\n' "$*" >&2
  failures=$((failures + 1))
}

folder=$(mktemp -d "${TMPDIR:-/tmp}/anomagram-files-e2e.XXXXXX")
cleanup() {
  harness_stop
  rm -rf "$folder"
}
# harness_start replaces any EXIT trap with harness_stop, so the folder is
# removed at the end of the script and by this trap only before the start.
trap cleanup EXIT

# 80 normal rows (label 1): one period of a sine wave; 40 abnormal rows
# (label 2): three periods, shifted up by 0.3. Phase and amplitude vary.
awk 'BEGIN {
  srand(5)
  printf "label"
  for (i = 0; i < 24; i++) printf ",t%d", i
  printf "\n"
  for (r = 0; r < 120; r++) {
    abnormal = r >= 80
    phase = 6.2832 * rand(); amplitude = 0.5 + 0.5 * rand()
    printf "%d", abnormal ? 2 : 1
    for (i = 0; i < 24; i++) {
      value = amplitude * sin(6.2832 * (abnormal ? 3 : 1) * i / 24 + phase) + (abnormal ? 0.3 : 0)
      printf ",%.4f", value
    }
    printf "\n"
  }
}' >"$folder/beats.csv"
printf 'label,a,b,c\n1,0.1,0.2,0.3\n1,0.2,oops,0.4\n' >"$folder/broken.csv"
printf '{"format": "anomagram-model", ' >"$folder/damaged.json"
expected_error=$(cd "$folder" && "$binary" train --data broken.csv 2>&1 >/dev/null | sed 's/^anomagram train: //') || true

echo "Open a CSV file, train on it, save, export, open"
harness_start 120 40 env HOME="$folder" XDG_CONFIG_HOME="$folder/config" \
  sh -c 'cd "$HOME" && exec "$@"' sh "$binary" --no-tour --train-size 40 --test-size 60 --epochs 30
harness_wait_for "Model" 20 || fail "the screen did not appear"
harness_wait_for "o O w files" 5 || fail "the footer does not show the file keys"

step "O, complete ~/bea with Tab, accept the label column and the normal label"
harness_send_keys O
harness_wait_for "Open a data file" 5 || fail "no data prompt after O"
harness_send_text "~/bea"
harness_send_keys Tab
harness_wait_for "> ~/beats.csv" 5 || fail "Tab did not complete ~/bea to ~/beats.csv"
harness_send_keys Enter
harness_wait_for "Label column" 5 || fail "no label column prompt"
harness_send_keys Enter
harness_wait_for "Labels: 1 (80 rows), 2 (40 rows)." 10 || fail "no normal labels prompt with the row counts"
harness_send_keys Enter
harness_wait_for "beats.csv: 120 rows of 24 values" 5 || fail "the title does not name the opened data"
harness_wait_for "input         24" 5 || fail "the model's input size did not follow the data"

step "train on it and wait for an AUC"
harness_send_keys Space
harness_wait_for "FINISHED" 120 || fail "the run on the CSV did not finish"
harness_wait_for "AUC 0." 5 || harness_wait_for "AUC 1." 1 || fail "no AUC after training on the CSV"

step "the run has its row on the Runs screen"
harness_send_keys 3
harness_wait_for "Runs: 1, newest first" 5 || fail "no Runs screen with one run"
harness_wait_for "30/30" 5 || fail "the row does not show 30 of 30 epochs"
harness_wait_for "finished after 30 of 30 epochs" 5 || fail "the details do not describe the run"

step "w saves to anomagram-model.json; a second w asks before replacing it"
harness_send_keys w
harness_wait_for "> anomagram-model.json" 5 || fail "the save prompt does not offer the default name"
harness_send_keys Enter
harness_wait_for "Saved the model to \"anomagram-model.json\"." 10 || fail "no notice of the saved model"
grep -q '"format" *: *"anomagram-model"' "$folder/anomagram-model.json" || fail "the saved file is not a model file"
harness_send_keys w Enter
harness_wait_for "Replace the file?" 5 || fail "no question before replacing the model file"
harness_send_keys y
harness_wait_for "Saved the model to \"anomagram-model.json\"." 10 || fail "no notice after replacing the model file"

step "x exports the runs as CSV"
harness_send_keys x
harness_wait_for "> anomagram-runs.csv" 5 || fail "the export prompt does not offer the default name"
harness_send_keys Enter
harness_wait_for "Wrote 1 run to \"anomagram-runs.csv\"." 10 || fail "no notice of the exported runs"
if [ -f "$folder/anomagram-runs.csv" ]; then
  head -1 "$folder/anomagram-runs.csv" | grep -q '^run,started,data,architecture,' || fail "the CSV has no header row"
  [ "$(wc -l <"$folder/anomagram-runs.csv")" = 2 ] || fail "the CSV does not have one row per run"
  sed -n 2p "$folder/anomagram-runs.csv" | grep -q ',finished$' || fail "the CSV row does not end with the status"
else
  fail "no anomagram-runs.csv was written"
fi

step "a broken CSV shows the command line's message and keeps the data"
harness_send_keys O C-u
harness_send_text "broken.csv"
harness_send_keys Enter Enter
harness_wait_for "Cannot open the data file" 10 || fail "no window for the broken file"
harness_wait_for "${expected_error:0:50}" 5 || fail "the message differs from the command line's: $expected_error"
harness_send_keys Escape
harness_wait_gone "Cannot open the data file" 5 || fail "the window did not close"
harness_wait_for "beats.csv: 120 rows of 24 values" 5 || fail "the opened data was lost"

step "a missing data file is named before the label column is asked"
harness_send_keys O C-u
harness_send_text "missing.csv"
harness_send_keys Enter
harness_wait_for "\"missing.csv\" does not exist." 5 || fail "no message for a missing data file"
if harness_capture | grep -q "Label column of"; then
  fail "the label column was asked for a missing file"
fi
harness_send_keys Escape

step "a damaged model file shows the loader's message"
harness_send_keys o C-u
harness_send_text "damaged.json"
harness_send_keys Enter
harness_wait_for "Cannot open the model file" 10 || fail "no window for the damaged model file"
harness_wait_for "\"damaged.json\" is not valid JSON" 5 || fail "no JSON error for the damaged model file"
harness_send_keys Escape

step "o opens the saved model; Explore shows it"
harness_send_keys o C-u
harness_send_text "anomagram-model.json"
harness_send_keys Enter
harness_wait_for "OPENED" 20 || fail "the status bar does not show an opened model"
harness_wait_for "Opened \"anomagram-model.json\"" 5 || fail "no notice of the opened model"
harness_send_keys 2
harness_wait_for "model: anomagram-model.json" 10 || fail "Explore does not show the opened model"

step "quit"
harness_send_keys q
status=$(harness_wait_exit 10) || fail "the program did not exit after q"
[ "${status:-}" = "0" ] || fail "exit status after quitting was ${status:-none}, expected 0"
harness_assert_restored || fail "terminal not restored after quitting"
harness_stop
rm -rf "$folder"

if [ "$failures" -gt 0 ]; then
  echo "files-and-runs.sh: $failures check(s) failed." >&2
  exit 1
fi
echo "files-and-runs.sh: all checks passed."
