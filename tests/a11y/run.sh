#!/usr/bin/env bash
# CTest "accessibility": renders every fixture of every document type (French, Dutch and
# the side-by-side edition) and checks every HTML output with the Nu HTML Checker and
# axe-core. Usage: run.sh PATH/TO/paraph
set -euo pipefail
paraph="$1"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# The checkers must be able to fail: a known-bad page must be refused first.
if node "$here/check.js" "$here/known-bad.html" > /dev/null; then
  echo "accessibility: the checkers accepted tests/a11y/known-bad.html; they check nothing" >&2
  exit 1
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for folder in "$root"/fixtures/*/; do
  name="$(basename "$folder")"
  case "$name" in invalid|hostile) continue ;; esac
  "$paraph" doctypes | cut -f1 | grep -qx "$name" || continue
  "$paraph" render "$folder"*.xml --lang all --format html --out "$out" > /dev/null
done
"$paraph" render "$root"/fixtures/hostile/*.xml --lang all --format html --out "$out" > /dev/null
node "$here/check.js" "$out"/*.html
