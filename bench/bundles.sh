#!/bin/bash
# Export and import of a bundle of 100,000 vouches: times, sizes, and the
# import against the Ed25519 verification floor measured in the same run.
set -eu
. "$(dirname "$0")/lib.inc"
helper genfleet; helper vrate
N=${N:-100000}
src=$CACHE/flat-$N
[ -f "$src/done" ] || { rm -rf "$src"; "$tmp/genfleet" "$src" \
    "$((N + 1))" 0 1 && touch "$src/done"; }
rm -f "$src/bundles"
te=$(best 1 "$KITH_BIN/kith-share" -d "$src" export -o "$tmp/b")
raw=$(stat -c %s "$src/vouches")
zb=$(stat -c %s "$tmp/b")
rate1=$("$tmp/vrate")
mkdir -m 700 "$tmp/dst"
ti=$(best 1 "$KITH_BIN/kith-share" -d "$tmp/dst" import "$tmp/b")
rate2=$("$tmp/vrate")
rate=$(awk -v a="$rate1" -v b="$rate2" 'BEGIN { print (a + b) / 2 }')
floor=$(awk -v n="$N" -v r="$rate" 'BEGIN { printf "%.3f", n / r }')
echo "bundle of $N vouches"
echo "  export: ${te}s, $zb bytes (the vouches file: $raw bytes, $(ratio "$raw" "$zb"):1)"
echo "  Ed25519 verifications/s on $(nproc) CPUs: $rate -> floor ${floor}s"
echo "  import: ${ti}s = $(ratio "$ti" "$floor") x floor (target <= 1.3)"
