#!/bin/sh
# Regenerates fetch.expected: fetch.js run by Node (v20, the oracle), which
# starts its own server with the routes fetch_test.go serves under jsrun.
# It lives apart from node/*/testdata/*.js because it needs that server:
# scripts/node-expected.sh and tests/ run those without one.
set -e
here="$(cd "$(dirname "$0")" && pwd)"
node --version | grep -q '^v20\.' || { echo "gen.sh: needs Node v20" >&2; exit 1; }
cd "$here" && node fetch.js > fetch.expected
