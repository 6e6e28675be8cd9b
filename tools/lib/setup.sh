# Shared by tools/run, tools/test and tools/bench: install what paraph needs from Debian,
# then configure and build into build/. Sourced, not executed.
set -euo pipefail

PARAPH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PARAPH_BUILD="${PARAPH_BUILD:-$PARAPH_ROOT/build}"

# Every package the build, the tests and the print engines use. Fonts are Debian's so
# that PDFs embed the same glyphs on every machine.
PARAPH_PACKAGES=(
  build-essential cmake pkg-config
  libpoco-dev libxml2-dev libxslt1-dev libicu-dev libqpdf-dev libsqlite3-dev
  libgtest-dev libgmock-dev libssl-dev openssl icc-profiles-free
  xsltproc chromium wkhtmltopdf poppler-utils qpdf
  nodejs default-jre-headless
  fonts-dejavu-core fonts-liberation2
  curl ca-certificates
)

paraph_install_packages() {
  local missing=()
  local pkg
  for pkg in "${PARAPH_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    echo "paraph: installing Debian packages: ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
}

# The accessibility checks' npm packages (vnu-jar, axe-core, playwright-core driving
# Debian's chromium), pinned by tests/a11y/package-lock.json.
paraph_install_node_modules() {
  if ! command -v npm > /dev/null; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm >&2
  fi
  local folder="$PARAPH_ROOT/tests/a11y"
  if [ ! -d "$folder/node_modules" ] || [ "$folder/package-lock.json" -nt "$folder/node_modules" ]; then
    (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error >&2) && touch "$folder/node_modules"
  fi
}

paraph_build() {
  local jobs
  jobs="$(nproc)"
  if [ ! -f "$PARAPH_BUILD/CMakeCache.txt" ]; then
    cmake -S "$PARAPH_ROOT" -B "$PARAPH_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
  fi
  cmake --build "$PARAPH_BUILD" --parallel "$jobs" >&2
}
