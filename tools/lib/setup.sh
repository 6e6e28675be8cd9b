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
  libgtest-dev libgmock-dev libssl-dev libargon2-dev openssl icc-profiles-free
  xsltproc chromium wkhtmltopdf poppler-utils qpdf
  nodejs default-jre-headless
  fonts-dejavu-core fonts-liberation2
  curl ca-certificates
  python3-minimal
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
# Debian's chromium), pinned by tests/a11y/package-lock.json to versions that run on the
# Node.js Debian 12 ships. npm refuses to install a package whose engines the node does not
# meet (--engine-strict); paraph_check_node_engines then catches a node that changed since.
paraph_install_node_modules() {
  if ! command -v npm > /dev/null; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm >&2
  fi
  local folder="$PARAPH_ROOT/tests/a11y"
  if [ ! -d "$folder/node_modules" ] || [ "$folder/package-lock.json" -nt "$folder/node_modules" ]; then
    (cd "$folder" && npm ci --engine-strict --no-audit --no-fund --loglevel=error >&2) && touch "$folder/node_modules"
  fi
  paraph_check_node_engines "$folder"
}

# Stops, naming the package and both versions, when the node on PATH (the one the tests
# run) does not satisfy the engines of every package the lock file installs: a newer
# package or an older node would otherwise only show up as failing browser tests.
# Ranges are read with npm's own semver, so they mean what they mean to npm.
paraph_check_node_engines() {
  local folder="$1"
  local npm_home
  npm_home="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")"
  node -e '
    "use strict";
    const fs = require("node:fs");
    const path = require("node:path");
    const [folder, npmHome] = process.argv.slice(1);
    let semver;
    try {
      semver = require(require.resolve("semver", { paths: [npmHome] }));
    } catch {
      console.error(`paraph: cannot find the semver module of npm beside ${npmHome}, so cannot check engines`);
      process.exit(1);
    }
    const lock = JSON.parse(fs.readFileSync(path.join(folder, "package-lock.json"), "utf8"));
    const problems = [];
    for (const [where, locked] of Object.entries(lock.packages || {})) {
      if (where === "") continue;
      let installed;
      try {
        installed = JSON.parse(fs.readFileSync(path.join(folder, where, "package.json"), "utf8"));
      } catch {
        problems.push(`${where} ${locked.version} is locked but not installed; remove ${folder}/node_modules and run again`);
        continue;
      }
      const range = installed.engines && installed.engines.node;
      if (range && !semver.satisfies(process.versions.node, range)) {
        problems.push(`${installed.name} ${installed.version} requires Node.js ${range}, but ${process.execPath} is Node.js ${process.versions.node}`);
      }
    }
    for (const problem of problems) console.error(`paraph: ${problem}`);
    if (problems.length) {
      console.error("paraph: install a node that satisfies these, or pin versions in tests/a11y/package.json and its lock that support this one");
      process.exit(1);
    }
  ' "$folder" "$npm_home"
}

paraph_build() {
  local jobs
  jobs="$(nproc)"
  if [ ! -f "$PARAPH_BUILD/CMakeCache.txt" ]; then
    cmake -S "$PARAPH_ROOT" -B "$PARAPH_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
  fi
  cmake --build "$PARAPH_BUILD" --parallel "$jobs" >&2
}
