#!/usr/bin/env bash
# Measures training speed in a release build, beside a plain NumPy loop
# doing the same work when NumPy is installed. Both use one thread.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product anomagram >/dev/null
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
echo "Swift: $(swift --version 2>&1 | head -1)"
echo
echo "anomagram benchmark:"
.build/release/anomagram benchmark "$@"
if python3 -c "import numpy" 2>/dev/null; then
  echo
  echo "NumPy $(python3 -c 'import numpy; print(numpy.__version__)') reference loop:"
  OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 python3 scripts/numpy_reference.py
fi
