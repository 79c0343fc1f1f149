#!/usr/bin/env bash
# Regenerates the .expected files of the Node-oracle tests: each script
# under node/*/testdata and internal/*/testdata, and each main.mjs under
# host/testdata/*, runs under Node (v20, on PATH) and what it prints
# becomes its .expected file. The Go tests run
# the same scripts under jsrun and compare byte for byte.
#   scripts/node-expected.sh            every script
#   scripts/node-expected.sh FILE.js    only those named
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null 2>&1; then
  echo "node is not on PATH" >&2; exit 1
fi
node --version
if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(ls node/*/testdata/*.js internal/*/testdata/*.js host/testdata/*/main.mjs 2>/dev/null)
fi
for f in "${files[@]}"; do
  # No script depends on the working directory; run each in its own.
  out="${f%.*}.expected"
  (cd "$(dirname "$f")" && node "$(basename "$f")") > "$out"
  echo "wrote $out"
done
