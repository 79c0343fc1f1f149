#!/usr/bin/env bash
# Type-checks scripts/examples/*.js (and types/threads-test.ts) against types/threads.d.ts,
# and the ES module and TypeScript examples (*.mjs, *.ts, lib/) with types/modules-test.ts
# as modules (tsconfig.modules.json).
# Uses `tsc` from PATH if there is one; otherwise installs TypeScript 5 from the npm registry
# into types/.tsc (git-ignored, kept for the next run).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"

if command -v tsc >/dev/null 2>&1; then
  tsc=tsc
else
  dir="$here/.tsc"
  tsc="$dir/node_modules/.bin/tsc"
  if [ ! -x "$tsc" ]; then
    mkdir -p "$dir"
    echo "installing typescript@5 into $dir" >&2
    npm install --no-save --no-audit --no-fund --silent --prefix "$dir" typescript@5 >&2
  fi
fi

"$tsc" --version >&2
"$tsc" -p types/tsconfig.json
"$tsc" -p types/tsconfig.modules.json
echo "types: ok"
