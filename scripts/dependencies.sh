# What tuoyu needs to build and test, and a function that installs what is missing.
# Sourced by setup.sh and test.sh; safe to run again (it installs nothing when all is present).

# Debian 12 packages, checked with dpkg.
TUOYU_PACKAGES=(
  g++ cmake ninja-build pkg-config   # compiler and build system
  libicu-dev                         # encodings (GB18030), NFKC normalisation, pinyin collation
  libcmark-dev                       # Markdown → HTML (CommonMark, safe mode)
  nlohmann-json3-dev                 # schema files, template views, JSON-LD
  libyaml-cpp-dev                    # site.yaml, front matter, locale files
  libkainjow-mustache-dev            # templates
  libssl-dev                         # hashes (OpenSSL): SHA256SUMS and the Data Package
  libxlsxwriter-dev                  # the Excel workbook of the open data (ids and codes kept as text)
  doctest-dev                        # unit tests
  python3                            # sample-data generator, documentation checks, independent recomputation in tests
  python3-jsonschema                 # tests: the Data Package against the official Frictionless JSON profiles
  python3-yaml                       # tests: the independent recomputation of the statistics reads site.yaml
  libc-bin                           # iconv, used by encoding tests
  chromium                           # browser tests: the real browser
  nginx                              # browser tests: serves the built site under a sub-path on 127.0.0.1
  fonts-noto-cjk                     # browser tests: Chinese text in screenshots
)

# Programs that may come from Debian or from another vendor, checked by command: command=package.
TUOYU_PROGRAMS=(
  node=nodejs                        # browser tests (Node.js 20 or newer for playwright-core)
  npm=npm                            # installs playwright-core, axe-core and vnu-jar from the npm registry
  java=default-jre-headless          # the Nu HTML Checker (vnu.jar)
)

install_missing_packages() {
  local missing=()
  for package in "${TUOYU_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  for entry in "${TUOYU_PROGRAMS[@]}"; do
    command -v "${entry%%=*}" > /dev/null 2>&1 || missing+=("${entry#*=}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing missing Debian packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
      command -v sudo > /dev/null || { echo "error: run as root or install sudo to install: ${missing[*]}" >&2; return 1; }
      sudo="sudo"
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  # The browser tests' npm packages (pinned in tests/browser/package-lock.json).
  bash tests/browser/install.sh || echo "warning: the browser tests cannot run here (see above); they will be reported as skipped" >&2
}
