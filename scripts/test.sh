#!/usr/bin/env bash
# Runs every test: the unit and integration tests of all targets.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --build-tests
swift test --skip-build
