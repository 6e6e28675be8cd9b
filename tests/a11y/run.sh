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
# The review page (server/review/ReviewPage) has no fixture input: the review tests, built
# beside paraph, write sample pages (French and Dutch interface, findings, comments, a
# missing translation, the approval flow) when PARAPH_REVIEW_SAMPLE_DIR is set.
review_tests="$(dirname "$paraph")/paraph_test_review"
if [[ ! -x "$review_tests" ]]; then
  echo "accessibility: $review_tests is missing; build the target paraph_test_review" >&2
  exit 1
fi
mkdir "$out/review"
PARAPH_REVIEW_SAMPLE_DIR="$out/review" "$review_tests" --gtest_filter='ReviewPageSample*' > /dev/null
if ! compgen -G "$out/review/review-*.html" > /dev/null; then
  echo "accessibility: $review_tests wrote no review sample page" >&2
  exit 1
fi
# The workspace's pages (server/workspace/WorkspacePage): every page in its real states
# (errors shown, empty list, long list), French and Dutch, written by the workspace tests.
workspace_tests="$(dirname "$paraph")/paraph_test_workspace"
if [[ ! -x "$workspace_tests" ]]; then
  echo "accessibility: $workspace_tests is missing; build the target paraph_test_workspace" >&2
  exit 1
fi
mkdir "$out/workspace"
PARAPH_WORKSPACE_SAMPLE_DIR="$out/workspace" "$workspace_tests" --gtest_filter='WorkspacePageSample*' > /dev/null
if ! compgen -G "$out/workspace/workspace-*.html" > /dev/null; then
  echo "accessibility: $workspace_tests wrote no workspace sample page" >&2
  exit 1
fi
node "$here/check.js" "$out"/*.html "$out"/review/*.html "$out"/workspace/*.html
