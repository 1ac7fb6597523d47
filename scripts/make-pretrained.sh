#!/usr/bin/env bash
# Trains the pretrained model that the Explore screen shows before any
# training, with this program's own engine, and writes it under Data/.
# The same seed and machine give the same file, apart from its date.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product anomagram >/dev/null
.build/release/anomagram train --seed 1 --epochs 100 \
  --save Data/pretrained/ecg5000-autoencoder.json
