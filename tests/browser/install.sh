#!/usr/bin/env bash
# Prepares the browser tests (tests/browser): installs the pinned npm packages from package-lock.json
# when node_modules is missing or older than the lock file, and checks the programs the tests run.
# Prints the Debian package to install for each missing program and exits 1 if one is missing.
# usage: tests/browser/install.sh        (the project's dependency script calls it)
set -euo pipefail
cd "$(dirname "$0")"
status=0
need() {  # need PROGRAM DEBIAN_PACKAGE WHAT
  if ! command -v "$1" > /dev/null 2>&1 && [ ! -x "$1" ]; then
    echo "tests/browser: $1 not found ($3): apt-get install -y $2" >&2
    status=1
  fi
}
need node nodejs "runs the tests"
need npm npm "installs playwright-core, axe-core and vnu-jar"
need /usr/bin/chromium chromium "the browser the tests drive"
need java default-jre-headless "runs the Nu HTML Checker (vnu.jar)"
need /usr/sbin/nginx nginx "serves the built site under /tuoyu/"
if ! { command -v fc-list > /dev/null 2>&1 && fc-list ':lang=zh' family | grep -q .; }; then
  echo "tests/browser: no Chinese font (screenshots would show boxes): apt-get install -y fonts-noto-cjk" >&2
  status=1
fi
if command -v node > /dev/null 2>&1; then
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then echo "tests/browser: node $major is too old; node 20 or newer is needed" >&2; status=1; fi
fi
if command -v npm > /dev/null 2>&1; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    # --ignore-scripts: vnu-jar's postinstall would download a Java runtime from the internet; the
    # tests use the system's java, and no other package needs an install script.
    npm ci --no-audit --no-fund --ignore-scripts
    touch node_modules
  fi
fi
exit $status
