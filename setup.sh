#!/usr/bin/env bash
# Quick start, step 1: install what is missing, build tuoyu, and generate the sample site into site/.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/dependencies.sh
install_missing_packages
cmake --preset default > /dev/null
cmake --build --preset default
./build/tuoyu build
echo
echo "tuoyu is built: $(pwd)/build/tuoyu"
echo "The sample site is in $(pwd)/site/ — open $(pwd)/site/index.html in a browser."
