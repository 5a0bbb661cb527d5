#!/bin/bash
# Export and import of a bundle of 100,000 vouches: times, sizes, and the
# import against the Ed25519 verification floor measured in the same run,
# in wall-clock time (on every CPU, as both run) and in CPU time.
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
set -- $("$tmp/vrate" -c); w1=$1 c1=$2
mkdir -m 700 "$tmp/dst"
set -- $(timed "$KITH_BIN/kith-share" -d "$tmp/dst" import "$tmp/b")
ti=$1 ci=$2
set -- $("$tmp/vrate" -c); w2=$1 c2=$2
wd=$("$tmp/vrate" -d)
got=$(grep -c . "$tmp/dst/vouches")
[ "$got" -eq "$N" ] || { echo "import stored $got vouches, not $N" >&2; exit 1; }
avg() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (a + b) / 2 }'; }
per() { awk -v n="$N" -v r="$1" 'BEGIN { printf "%.3f", n / r }'; }
rate=$(avg "$w1" "$w2"); crate=$(avg "$c1" "$c2")
floor=$(per "$rate"); cfloor=$(per "$crate"); dfloor=$(per "$wd")
echo "bundle of $N vouches"
echo "  export: ${te}s, $zb bytes (the vouches file: $raw bytes, $(ratio "$raw" "$zb"):1)"
echo "  Ed25519 verifications/s on $(nproc) CPUs: $rate -> floor ${floor}s;" \
    "per CPU-second: $crate -> ${cfloor} CPU-s"
echo "  import: ${ti}s = $(ratio "$ti" "$floor") x floor (target <= 1.3);" \
    "CPU ${ci}s = $(ratio "$ci" "$cfloor") x floor CPU"
echo "  (floor with distinct signatures: ${dfloor}s; import = $(ratio "$ti" "$dfloor") x that)"
