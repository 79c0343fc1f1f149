#!/bin/sh
# Regenerates the .stdout and .stderr files beside each script here: the
# script run by Node (v20, the oracle) in an empty directory of its own,
# as tests/node_test.go runs it under jsrun (as the main script and in a
# thread). Masked: Node's "(node:PID) " before a warning and its hint
# about --trace-warnings, which jsrun does not print.
set -e
here="$(cd "$(dirname "$0")" && pwd)"
node --version | grep -q '^v20\.' || { echo "gen.sh: needs Node v20" >&2; exit 1; }
for js in "$here"/*.js; do
	name=$(basename "$js" .js)
	dir=$(mktemp -d)
	err=$(mktemp)
	cp "$js" "$dir/"
	(cd "$dir" && node "$name.js" >"$here/$name.stdout" 2>"$err" || true)
	sed -E -e 's/^\(node:[0-9]+\) //' -e '/^\(Use `node --trace-warnings/d' "$err" >"$here/$name.stderr"
	rm -rf "$dir" "$err"
done
