#!/usr/bin/env bash
# Runs every test: the unit and integration tests of all targets, then the
# end-to-end tests that drive the built app in a private tmux server.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --build-tests
swift test --skip-build
Tests/EndToEnd/train-screen.sh .build/debug/anomagram
Tests/EndToEnd/explore-screen.sh .build/debug/anomagram
Tests/EndToEnd/first-launch.sh .build/debug/anomagram
Tests/EndToEnd/files-and-runs.sh .build/debug/anomagram
