#!/bin/sh
# Regenerates util.expected: util.js run by Node v20 (the oracle).
set -e
cd "$(dirname "$0")"
node --version | grep -q '^v20\.' || { echo "gen.sh: needs Node v20" >&2; exit 1; }
node -e 'globalThis.print = (s) => process.stdout.write(s + "\n"); require("./util.js")' >util.expected 2>/dev/null
