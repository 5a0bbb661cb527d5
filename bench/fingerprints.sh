#!/bin/sh
# Lists the fingerprints of a 10,000-key file with kith-keygen and
# ssh-keygen in the same run; prints keys/s for each and the ratio.
set -eu
: "${KITH_BIN:=build}"
N=${N:-10000}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kith-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# distinct keys, made quickly: 100 ssh-keygen keys reused under other
# comments would hash the same blob, so make kith keys instead
i=0
while [ $i -lt 100 ]; do
	"$KITH_BIN/kith-keygen" -q -N '' -C "k$i" -f "$tmp/k$i"
	i=$((i + 1))
done
cat "$tmp"/k*.pub >"$tmp/base"
: >"$tmp/keys"
while [ "$(wc -l <"$tmp/keys")" -lt "$N" ]; do
	cat "$tmp/base" >>"$tmp/keys"
done
head -n "$N" "$tmp/keys" >"$tmp/all"
best() {	# best of 5 wall-clock runs, seconds
	b=
	for _ in 1 2 3 4 5; do
		s=$(date +%s.%N)
		"$@" >/dev/null
		e=$(date +%s.%N)
		t=$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.6f", e - s }')
		if [ -z "$b" ] || awk -v t="$t" -v b="$b" 'BEGIN { exit !(t < b) }'
		then b=$t; fi
	done
	echo "$b"
}
tk=$(best "$KITH_BIN/kith-keygen" -l -f "$tmp/all")
ts=$(best ssh-keygen -l -f "$tmp/all")
"$KITH_BIN/kith-keygen" -l -f "$tmp/all" >"$tmp/a"
ssh-keygen -l -f "$tmp/all" >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" || { echo "outputs differ" >&2; exit 1; }
awk -v n="$N" -v k="$tk" -v s="$ts" 'BEGIN {
	printf "fingerprints of %d keys (best of 5)\n", n
	printf "  kith-keygen -l: %.3fs  %.0f keys/s\n", k, n / k
	printf "  ssh-keygen -l:  %.3fs  %.0f keys/s\n", s, n / s
	printf "  ratio (ssh-keygen time / kith time): %.2f\n", s / k
}'
