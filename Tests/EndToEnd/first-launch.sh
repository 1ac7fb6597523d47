#!/usr/bin/env bash
# End-to-end test of what the app shows at start. With a fresh
# XDG_CONFIG_HOME the tour opens; Enter and Left step through it, Esc
# dismisses it and writes settings.json, and a second launch opens no tour.
# --no-tour skips it without writing the file, and an unwritable settings
# folder leaves a notice instead of a crash. Then the pretrained model:
# without it (one ECG5000 file only, or a damaged copy of the model file)
# the app starts with a notice and Explore tells how to train a model.
#
# Usage: Tests/EndToEnd/first-launch.sh [BINARY]   (default .build/debug/anomagram)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/tmux-harness.sh

binary=${1:-.build/debug/anomagram}
[ -x "$binary" ] || { echo "first-launch.sh: $binary is not built; run swift build first." >&2; exit 1; }
failures=0
scratch=$(mktemp -d "${TMPDIR:-/tmp}/anomagram-first-launch.XXXXXX")
# harness_start replaces any EXIT trap, so `finish` removes the scratch
# folder at the end.
finish() {
  harness_stop
  rm -rf "$scratch"
}

step() {
  printf '  %s\n' "$*"
}

fail() {
  printf 'FAIL: %s\n' "$*" >&2
  failures=$((failures + 1))
}

quit_and_check() {
  harness_send_keys q
  local status
  status=$(harness_wait_exit 10) || fail "the program did not exit after q"
  [ "${status:-}" = "0" ] || fail "exit status after quitting was ${status:-none}, expected 0"
  harness_assert_restored || fail "terminal not restored after quitting"
}

config="$scratch/config"
settings="$config/anomagram/settings.json"

echo "First launch: the tour opens, Esc dismisses it, and it is remembered"
harness_start 120 40 env XDG_CONFIG_HOME="$config" "$binary"
harness_wait_for "Tour 1/7: The model" 20 || fail "the tour did not open on first launch"
harness_wait_for "┏ Model" 5 || fail "the model pane's frame is not highlighted"
harness_wait_for "Esc skip tour" 5 || fail "the footer does not show the tour's keys"
step "Enter and Left step through the tour"
harness_send_keys Enter
harness_wait_for "Tour 2/7: Settings" 5 || fail "Enter did not go to step 2"
harness_send_keys Right Right Right Right
harness_wait_for "Tour 6/7: Explore screen" 5 || fail "Right did not reach the Explore step"
harness_wait_for "Now it shows the pretrained model," 5 || fail "the Explore step does not name the pretrained model"
harness_wait_for "All samples (1000)" 5 || fail "the Explore step does not show the pretrained model's test rows"
harness_send_keys Left
harness_wait_for "Tour 5/7: ROC and metrics" 5 || fail "Left did not go back to step 5"
[ ! -e "$settings" ] || fail "settings.json was written before the tour ended"
step "Esc dismisses the tour and writes settings.json"
harness_send_keys Escape
harness_wait_gone "Tour 5/7" 5 || fail "Esc did not close the tour"
harness_wait_for "Tour skipped." 5 || fail "no notice after skipping the tour"
grep -q '"hasSeenTour" : true' "$settings" 2>/dev/null || fail "settings.json does not record the tour: $(cat "$settings" 2>&1)"
quit_and_check

echo "Second launch: no tour"
harness_start 120 40 env XDG_CONFIG_HOME="$config" "$binary"
harness_wait_for "Loss per epoch" 20 || fail "the screen did not appear"
sleep 0.5
if harness_capture | grep -q "Tour 1/7"; then fail "the tour opened again on the second launch"; fi
quit_and_check

echo "--no-tour on a fresh folder: no tour and no settings file"
fresh="$scratch/fresh"
harness_start 100 30 env XDG_CONFIG_HOME="$fresh" "$binary" --no-tour
harness_wait_for "Loss per epoch" 20 || fail "the screen did not appear"
sleep 0.5
if harness_capture | grep -q "Tour 1/7"; then fail "the tour opened despite --no-tour"; fi
quit_and_check
[ ! -e "$fresh/anomagram/settings.json" ] || fail "--no-tour wrote a settings file"

echo "Unwritable settings folder: the tour ends with a notice"
blocked="$scratch/blocked"
mkdir -p "$blocked"
echo "a file where the settings folder belongs" >"$blocked/anomagram"
harness_start 120 40 env XDG_CONFIG_HOME="$blocked" "$binary"
harness_wait_for "Tour 1/7: The model" 20 || fail "the tour did not open"
harness_send_keys Escape
harness_wait_for "Cannot save the settings file" 5 || fail "no notice when the settings cannot be saved"
quit_and_check

echo "Corrupt settings file: a notice, the tour, and a repaired file"
corrupt="$scratch/corrupt"
mkdir -p "$corrupt/anomagram"
printf '{"hasSeenTour": tru' >"$corrupt/anomagram/settings.json"
harness_start 120 40 env XDG_CONFIG_HOME="$corrupt" "$binary"
harness_wait_for "Tour 1/7: The model" 20 || fail "the tour did not open with a corrupt settings file"
harness_wait_for "The settings file is invalid (not valid JSON)" 5 || fail "no notice about the corrupt settings file"
harness_send_keys Escape
harness_wait_gone "Tour 1/7" 5 || fail "Esc did not close the tour"
grep -q '"hasSeenTour" : true' "$corrupt/anomagram/settings.json" || fail "the corrupt settings file was not replaced"
quit_and_check

echo "Without the pretrained model: one ECG5000 file"
harness_start 120 40 env XDG_CONFIG_HOME="$config" "$binary" --data Data/ecg5000/ECG5000_TRAIN.tsv
harness_wait_for "Loss per epoch" 20 || fail "the screen did not appear"
harness_wait_for "No pretrained model:" 5 || fail "no notice without the pretrained model"
harness_send_keys 2
harness_wait_for "No model to explore yet." 5 || fail "Explore shows a model without one"
quit_and_check

echo "Without the pretrained model: a damaged copy of the model file"
mkdir -p "$scratch/copy/ecg5000" "$scratch/copy/pretrained"
cp Data/ecg5000/ECG5000_TRAIN.tsv Data/ecg5000/ECG5000_TEST.tsv "$scratch/copy/ecg5000/"
head -c 2000 Data/pretrained/ecg5000-autoencoder.json >"$scratch/copy/pretrained/ecg5000-autoencoder.json"
harness_start 120 40 env XDG_CONFIG_HOME="$config" "$binary" \
  --data "$scratch/copy/ecg5000/ECG5000_TRAIN.tsv" --data "$scratch/copy/ecg5000/ECG5000_TEST.tsv"
harness_wait_for "Loss per epoch" 20 || fail "the screen did not appear"
harness_wait_for "No pretrained model:" 5 || fail "no notice for the damaged model file"
harness_send_keys 2
harness_wait_for "No model to explore yet." 5 || fail "Explore shows a model from a damaged file"
quit_and_check
finish

if [ "$failures" -gt 0 ]; then
  echo "first-launch.sh: $failures check(s) failed." >&2
  exit 1
fi
echo "first-launch.sh: all checks passed."
