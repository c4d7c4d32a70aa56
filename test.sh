#!/usr/bin/env bash
# Quick start, step 2: run every test (unit, fixture and scenario tests) with CTest.
# Works on a fresh clone too: it installs what is missing and builds first (incrementally).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/dependencies.sh
install_missing_packages
cmake --preset default > /dev/null
cmake --build --preset default
ctest --preset default
