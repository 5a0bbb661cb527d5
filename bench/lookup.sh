#!/bin/bash
# kith-verify -c for one host among 1,000,000 trusted names against
# ssh-keygen -F on the known_hosts kith wrote for them, in one run.
set -eu
. "$(dirname "$0")/lib.inc"
helper genfleet
N=${N:-1000000}
d=$CACHE/flat-$N
if [ ! -f "$d/done" ]; then
	echo "making $N vouches (once; a few minutes)..." >&2
	rm -rf "$d"; "$tmp/genfleet" "$d" "$((N + 1))" 0 1
	touch "$d/done"
fi
kv=$KITH_BIN/kith-verify
[ -f "$d/known_hosts" ] || "$kv" -d "$d" -o "$d/known_hosts"
host=h$((N / 2)).fleet.test
grep -m1 "^$host " "$d/known_hosts" | cut -d' ' -f2,3 >"$tmp/key.pub"
"$kv" -d "$d" -c "$host" -f "$tmp/key.pub" >/dev/null   # index fresh
tk=$(best 5 "$kv" -d "$d" -c "$host" -f "$tmp/key.pub")
ts=$(best 5 ssh-keygen -F "$host" -f "$d/known_hosts")
"$kv" -d "$d" -c "$host" -f "$tmp/key.pub"
ssh-keygen -F "$host" -f "$d/known_hosts" | tail -n 1 | cut -c1-60
echo "$N trusted names (best of 5)"
echo "  kith-verify -c: ${tk}s"
echo "  ssh-keygen -F:  ${ts}s"
echo "  ratio ssh-keygen/kith: $(ratio "$ts" "$tk")  (target >= 25)"
