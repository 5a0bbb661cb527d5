#!/bin/sh
# Signatures per second over one connection to kith-agent and to OpenSSH's
# ssh-agent in the same run, with p50/p99 latency, then the same with 1,000
# idle connections open to each; and libsodium's own signing rate, to see
# what the agent adds.  Each figure is the best of R rounds (the rounds
# interleave, so all see the same machine).  Prints the ratios.
set -eu
: "${KITH_BIN:=build}"
N=${N:-10000}		# signatures through kith-agent (and raw)
NSSH=${NSSH:-2000}	# through ssh-agent, which is slower
R=${R:-5}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kith-bench.XXXXXX")
pids=
trap 'kill $pids 2>/dev/null; rm -rf "$tmp"' EXIT
ulimit -n 4096
here=$(cd "$(dirname "$0")" && pwd)
cc -O2 -I"$here/../lib" -o "$tmp/agentbench" "$here/agentbench.c" \
    "$KITH_BIN/libkith.a" $(pkg-config --cflags --libs libsodium zlib libmd \
    libbsd-overlay)
b=$tmp/agentbench
ssh-keygen -q -t ed25519 -N '' -C bench -f "$tmp/k"
"$KITH_BIN/kith-agent" -D -a "$tmp/kith.sock" >/dev/null &
pids="$pids $!"
ssh-agent -D -a "$tmp/ssh.sock" >/dev/null 2>&1 &
pids="$pids $!"
sleep 0.5
SSH_AUTH_SOCK=$tmp/kith.sock ssh-add -q "$tmp/k" 2>/dev/null
SSH_AUTH_SOCK=$tmp/ssh.sock ssh-add -q "$tmp/k" 2>/dev/null
"$b" sign "$tmp/kith.sock" "$tmp/k.pub" 2000 >/dev/null	# warm up

# best NAME LINE: keeps in $NAME the line ("rate p50 p99") of highest rate
best() {
	eval "cur=\${$1:-0}"
	if awk -v a="$2" -v b="${cur%% *}" 'BEGIN { exit !(a + 0 > b + 0) }'
	then eval "$1=\$2"; fi
}
round() {	# round SUFFIX: one round of each, kept in raw, kSUFFIX, sSUFFIX
	best raw "$("$b" raw "$N")"
	best "k$1" "$("$b" sign "$tmp/kith.sock" "$tmp/k.pub" "$N")"
	best "s$1" "$("$b" sign "$tmp/ssh.sock" "$tmp/k.pub" "$NSSH")"
}
for _ in $(seq 1 "$R"); do round 1; done
for a in kith ssh; do
	mkfifo "$tmp/ready.$a"
	"$b" idle "$tmp/$a.sock" 1000 >"$tmp/ready.$a" &
	pids="$pids $!"
	read -r _ <"$tmp/ready.$a"
done
for _ in $(seq 1 "$R"); do round 2; done
echo "$raw" "$k1" "$s1" "$k2" "$s2" | awk -v R="$R" '{
	printf "Ed25519 signatures of 128 bytes over one connection, best\n"
	printf "of %d rounds (rate/s, and the p50 and p99 of that round)\n", R
	printf "  %-34s %8.0f/s  p50 %7.1f us  p99 %7.1f us\n", \
	    "libsodium, no agent:", $1, $2, $3
	printf "  %-34s %8.0f/s  p50 %7.1f us  p99 %7.1f us\n", \
	    "kith-agent:", $4, $5, $6
	printf "  %-34s %8.0f/s  p50 %7.1f us  p99 %7.1f us\n", \
	    "ssh-agent:", $7, $8, $9
	printf "  %-34s %8.0f/s  p50 %7.1f us  p99 %7.1f us\n", \
	    "kith-agent, 1000 idle connections:", $10, $11, $12
	printf "  %-34s %8.0f/s  p50 %7.1f us  p99 %7.1f us\n", \
	    "ssh-agent, 1000 idle connections:", $13, $14, $15
	printf "ratios\n"
	printf "  kith-agent / ssh-agent:            %6.1fx (target >= 10)\n", \
	    $4 / $7
	printf "  libsodium / kith-agent:            %6.2fx (target <= 2)\n", \
	    $1 / $4
	printf "    by median latency:               %6.2fx\n", $5 / $2
	printf "  with 1000 idle, kith / ssh:        %6.1fx\n", $10 / $13
	printf "  kith-agent alone / with 1000 idle: %6.2fx\n", $4 / $10
	printf "  ssh-agent alone / with 1000 idle:  %6.2fx\n", $7 / $13
}'
