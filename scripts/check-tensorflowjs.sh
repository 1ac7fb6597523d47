#!/usr/bin/env bash
# Checks TensorFlow.js interop against the official converter from PyPI
# (tensorflowjs, with TensorFlow and tf_keras), in both directions:
#   1. anomagram export -> the TensorFlow.js layers loader: same errors.
#   2. a nested Keras model written by the converter -> anomagram import:
#      same errors as Keras.
# It creates a virtual environment under the folder given (default
# /tmp/anomagram-tfjs) and downloads about 600 MB of packages.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${1:-/tmp/anomagram-tfjs}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q tensorflow-cpu tf_keras
  # tensorflowjs's own requirements pull in JAX and TensorFlow Decision
  # Forests, which only its other converters use.
  "$venv/bin/pip" install -q --no-deps tensorflowjs
fi
# Empty modules stand in for the optional imports of the converters package.
mkdir -p "$work/stubs"
: >"$work/stubs/tensorflow_decision_forests.py"
: >"$work/stubs/tensorflow_hub.py"
export PYTHONPATH="$work/stubs"

swift build -c release --product anomagram >/dev/null
binary=.build/release/anomagram

echo "1. anomagram export, loaded by TensorFlow.js's layers loader"
"$binary" export --model Data/pretrained/ecg5000-autoencoder.json --tfjs "$work/export"
"$venv/bin/python" scripts/tensorflowjs/load_exported_model.py "$work/export" Data/ecg5000/ECG5000_TRAIN.tsv 2>/dev/null |
  grep -E "errors"
echo "   anomagram on the same rows:"
head -5 Data/ecg5000/ECG5000_TRAIN.tsv | cut -f2- | "$binary" score --model Data/pretrained/ecg5000-autoencoder.json

echo "2. a nested Keras model written by the converter, read by anomagram import"
"$venv/bin/python" scripts/tensorflowjs/write_nested_model.py "$work/nested" 2>/dev/null | grep -E "errors"
"$binary" import --tfjs "$work/nested" --output "$work/nested.json" --threshold fixed:0.1
"$binary" score --model "$work/nested.json" --input "$work/nested/rows.tsv"
