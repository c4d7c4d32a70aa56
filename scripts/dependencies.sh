# Debian 12 packages tuoyu needs to build and test, and a function that installs the missing ones.
# Sourced by setup.sh and test.sh; safe to run again (it installs nothing when all are present).

TUOYU_PACKAGES=(
  g++ cmake ninja-build pkg-config   # compiler and build system
  libicu-dev                         # encodings (GB18030), NFKC normalisation
  libcmark-dev                       # Markdown → HTML (CommonMark, safe mode)
  nlohmann-json3-dev                 # schema files and template views
  libyaml-cpp-dev                    # site.yaml, front matter, locale files
  libkainjow-mustache-dev            # templates
  libssl-dev                         # hashes (OpenSSL)
  doctest-dev                        # unit tests
  python3                            # sample-data generator and documentation checks
  libc-bin                           # iconv, used by encoding tests
)

install_missing_packages() {
  local missing=()
  for package in "${TUOYU_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing Debian packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo > /dev/null || { echo "error: run as root or install sudo to install: ${missing[*]}" >&2; return 1; }
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
