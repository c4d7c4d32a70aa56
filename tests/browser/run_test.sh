#!/usr/bin/env bash
# Runs one browser test file for CTest: run_test.sh FILE.test.mjs
# Exits 77 (CTest: skipped) only when the npm packages are not installed, and says why.
set -u
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/node_modules" ]; then
  echo "SKIPPED: $here/node_modules is missing; run tests/browser/install.sh to install the browser-test packages"
  exit 77
fi
cd "$here"
exec node --test --test-reporter=spec "$1"
