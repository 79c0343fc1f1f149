#!/bin/sh
# Regenerates the .stdout and .stderr files beside each script here: the
# script run by Node (v20, the oracle). jsrun must print the same, from the
# main runtime and from a thread (tests/node_test.go). Masked: Node's
# "(node:PID) " before a warning and its hint about --trace-warnings,
# which jsrun does not print.
set -e
cd "$(dirname "$0")"
node --version | grep -q '^v20\.' || { echo "gen.sh: needs Node v20" >&2; exit 1; }
for js in *.js; do
	name=${js%.js}
	node "$js" >"$name.stdout" 2>"$name.stderr.tmp" || true
	sed -E -e 's/^\(node:[0-9]+\) //' -e '/^\(Use `node --trace-warnings/d' "$name.stderr.tmp" >"$name.stderr"
	rm "$name.stderr.tmp"
done
