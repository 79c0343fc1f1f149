#!/bin/sh
# Regenerates corpus.stdout and corpus.stderr: corpus.js run by Node (v20,
# the oracle), with the two things no engine can reproduce masked (the Go
# test masks jsrun's output the same way): timer values and stack frames.
set -e
cd "$(dirname "$0")"
node --version | grep -q '^v20\.' || { echo "gen.sh: needs Node v20" >&2; exit 1; }
node corpus.js >corpus.stdout.tmp 2>corpus.stderr.tmp
sed -E 's/^( *)(timer-a|default): [0-9.]+m?s/\1\2: <time>/' corpus.stdout.tmp >corpus.stdout
sed -E '/^ +at /d' corpus.stderr.tmp >corpus.stderr
rm corpus.stdout.tmp corpus.stderr.tmp
