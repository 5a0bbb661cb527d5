#!/bin/bash
# kith-share on loopback, in one run: N pairings (offer in the background,
# join timed from start to exit) against N OpenSSH logins to Debian's
# sshd; N pulls between two small nodes; the CPU each side spends beyond
# its Ed25519 and ristretto255 operations (in-process pairings, and the
# real tools through an LD_PRELOAD counter); and a pull of a bundle of
# NV vouches against the Ed25519 verification floor and against export
# plus import.  Pairings run in $TMPDIR (a disk: every store write is
# fsync'd) and again in /dev/shm (tmpfs: fsync costs nothing), to show
# what the disk adds.  Prints the ratios.  The big pull runs with the
# default timeouts: while a peer verifies the bundle it was sent, the
# other side waits under the session deadline (120 s), not the 10 s idle
# one (pair_peer_checking).
set -eu
. "$(dirname "$0")/lib.inc"
helper genfleet; helper vrate; helper pairbench
cc -O2 -shared -fPIC -o "$tmp/primcount.so" "$top/bench/primcount.c" -ldl
N=${N:-100} NSSH=${NSSH:-$N} NV=${NV:-100000} R=${R:-3}
K=$KITH_BIN/kith-share
pids= shm=
opid=
trap 'kill $pids $opid 2>/dev/null; rm -rf "$tmp" $shm' EXIT
port=$(( (RANDOM % 20000) + 30000 ))
nextport() { port=$(( port >= 60000 ? 30000 : port + 1 )); }
fail() { echo "share.sh: $*" >&2; exit 1; }
# ms T0 T1: milliseconds between two $EPOCHREALTIME readings
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) * 1000 }'; }
# stats FILE COL: "median p90" of column COL
stats() {
	sort -g -k"$2","$2" "$1" | awk -v c="$2" '{ v[NR] = $c }
	    END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
	    printf "%.2f %.2f", m, v[int(NR * 0.9 + 0.999)] }'
}
# bytes ERRFILE: "sent received" from a kith-share report line
bytes() {
	sed -n 's/.* \([0-9]*\) bytes sent, \([0-9]*\) received.*/\1 \2/p' \
	    "$1" | tail -n 1
}
sum() { echo $(($1 + $2)); }
pre() { LD_PRELOAD=$tmp/primcount.so KITH_PRIMCOUNT=fd:9 "${@:2}" 9>>"$1"; }

# two small nodes, copied afresh for each pairing
mkdir "$tmp/tpl"
for n in a b; do "$KITH_BIN/kith-keygen" -q -N '' -C $n.test -d "$tmp/tpl/$n"
done
"$tmp/pairbench" 5 >/dev/null	# warm up the page cache

# start_offer W: kith-share offer on a free port for W/b; sets code, opid
start_offer() {
	local w=$1 try
	for try in 1 2 3 4 5; do
		nextport
		: >"$w/offer.out"
		pre "$w/prims.offer" "$K" -d "$w/a" offer -l 127.0.0.1 \
		    -p "$port" -n b.test >"$w/offer.out" 2>"$w/offer.err" &
		opid=$!
		while [ ! -s "$w/offer.out" ] && kill -0 $opid 2>/dev/null
		do sleep 0.005; done
		code=$(head -n 1 "$w/offer.out")
		[ -n "$code" ] && return 0
		wait $opid || :
		grep -q "in use" "$w/offer.err" ||
		    fail "offer: $(cat "$w/offer.err")"
	done
	fail "no free port"
}
# pairings W: N pairings between fresh copies of a and b in W; appends
# "ms sent received" to W/times
pairings() {
	local w=$1 i t0 t1
	for i in $(seq 1 "$N"); do
		rm -rf "$w/a" "$w/b"
		cp -a "$tmp/tpl/a" "$tmp/tpl/b" "$w/"
		start_offer "$w"
		t0=$EPOCHREALTIME
		pre "$w/prims.join" "$K" -d "$w/b" join -n a.test \
		    "127.0.0.1:$port" "$code" 2>"$w/join.err" ||
		    fail "join: $(cat "$w/join.err")"
		t1=$EPOCHREALTIME
		wait $opid || fail "offer: $(cat "$w/offer.err")"
		opid=
		echo "$(ms "$t0" "$t1") $(bytes "$w/join.err")" >>"$w/times"
	done
}

# sshd on a free port of 127.0.0.1 (root and Debian's sshd only)
ssh_setup() {
	local s=$tmp/ssh try
	[ "$(id -u)" -eq 0 ] && [ -x /usr/sbin/sshd ] || return 1
	mkdir -m 700 "$s"; mkdir -p /run/sshd
	ssh-keygen -q -t ed25519 -N '' -f "$s/host"
	ssh-keygen -q -t ed25519 -N '' -f "$s/user"
	cp "$s/user.pub" "$s/authorized_keys"
	for try in 1 2 3 4 5; do
		nextport
		printf '%s\n' "Port $port" "ListenAddress 127.0.0.1" \
		    "HostKey $s/host" "PidFile none" "UsePAM no" \
		    "StrictModes no" "AuthorizedKeysFile $s/authorized_keys" \
		    "Subsystem sftp internal-sftp" >"$s/sshd_config"
		/usr/sbin/sshd -D -e -f "$s/sshd_config" 2>"$s/log" &
		pids="$pids $!"
		for _ in $(seq 1 50); do
			(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null &&
			    break 2
			sleep 0.1
		done
	done
	echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$s/host.pub")" \
	    >"$s/known_hosts"
	sshopt=(-F none -o UserKnownHostsFile="$s/known_hosts"
	    -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes
	    -o BatchMode=yes -o IdentitiesOnly=yes -i "$s/user" -p "$port")
	login 2>"$s/err" || { cat "$s/err" >&2; return 1; }
}
# login [ssh options]: a login with the user key, and a session for the
# sftp subsystem that ends at once (no shell, so no rc files run).  The
# subsystem's own status on EOF varies (0 or 11); 255 is ssh's error.
login() {
	ssh "${sshopt[@]}" "$@" -s root@127.0.0.1 sftp </dev/null ||
	    [ $? -ne 255 ]
}
# ssh_logins NAME [ssh options]: N logins, times in $tmp/ssh/NAME; prints
# the bytes of one ("sent received")
ssh_logins() {
	local f=$tmp/ssh/$1 i t0 t1; shift
	for i in $(seq 1 "$NSSH"); do
		t0=$EPOCHREALTIME
		# under load sshd may drop a connection at once (exit 255,
		# no message): try that one again, and time the retry alone
		login "$@" 2>"$f.err" || { t0=$EPOCHREALTIME
		    login "$@" 2>"$f.err"; } ||
		    fail "ssh login: exit $?: $(cat "$f.err")"
		t1=$EPOCHREALTIME
		echo "$(ms "$t0" "$t1")" >>"$f"
	done
	login -v "$@" 2>&1 | sed -n \
	    's/.*Transferred: sent \([0-9]*\), received \([0-9]*\).*/\1 \2/p'
}

# small sync: a serves, b pulls N times (both trust each other through
# one vouch each).  b keeps its store: a reset store would send a bundle
# of the same sequence number again, which a refuses as a rollback.  So
# after the first pull nothing is new: the steady state of a cron pull.
sync_setup() {
	local w=$tmp/sync
	mkdir "$w"; cp -a "$tmp/tpl/a" "$tmp/tpl/b" "$w/"
	"$KITH_BIN/kith-sign" -d "$w/a" -y -q -n b.test "$w/b/id_ed25519.pub"
	"$KITH_BIN/kith-sign" -d "$w/b" -y -q -n a.test "$w/a/id_ed25519.pub"
}
# serve DIR LOG [ENV=VALUE...]: kith-share serve on a free port; sets sport
serve() {
	local try
	for try in 1 2 3 4 5; do
		nextport
		env "${@:3}" "$K" -d "$1" serve -l 127.0.0.1 -p "$port" 2>"$2" &
		pids="$pids $!"
		for _ in $(seq 1 100); do
			grep -q "serving" "$2" && { sport=$port; return 0; }
			grep -q "in use" "$2" && continue 2
			sleep 0.02
		done
	done
	fail "serve: $(cat "$2")"
}
pulls() {
	local w=$tmp/sync i t0 t1
	for i in $(seq 1 "$N"); do
		t0=$EPOCHREALTIME
		"$K" -d "$w/b" pull -v "127.0.0.1:$sport" >/dev/null \
		    2>"$w/pull.err" || fail "pull: $(cat "$w/pull.err")"
		t1=$EPOCHREALTIME
		echo "$(ms "$t0" "$t1") $(bytes "$w/pull.err")" >>"$w/times"
	done
}

# the big pull: a copy of the cached fleet's root serves; R pullers
# p1..pR, each trusted by it and trusting it, pull once each (a puller
# pulling again would get nothing new; a reset one would be refused)
big_setup() {
	local src=$CACHE/flat-$NV b=$tmp/big i
	[ -f "$src/done" ] || { echo "making a fleet of $NV vouches in" \
	    "$src (once; minutes)..." >&2; rm -rf "$src"; "$tmp/genfleet" \
	    "$src" "$((NV + 1))" 0 1 && touch "$src/done"; }
	mkdir "$b"
	cp -a "$src" "$b/srv"; rm -f "$b/srv/bundles" "$b/srv/done"
	for i in $(seq 1 "$R"); do
		"$KITH_BIN/kith-keygen" -q -N '' -C p$i.test -d "$b/p$i"
		"$KITH_BIN/kith-sign" -d "$b/p$i" -y -q -n root.test \
		    "$b/srv/id_ed25519.pub"
		"$KITH_BIN/kith-sign" -d "$b/srv" -y -q -n p$i.test \
		    "$b/p$i/id_ed25519.pub"
	done
	"$KITH_BIN/kith-verify" -d "$b/srv" >/dev/null	# its trust cache
}
big_pull() {	# big_pull I
	local b=$tmp/big t0 t1 added
	t0=$EPOCHREALTIME
	"$K" -d "$b/p$1" pull -v \
	    "127.0.0.1:$sport" >"$b/out" 2>"$b/err" ||
	    fail "big pull: $(cat "$b/err")"
	t1=$EPOCHREALTIME
	added=$(grep -c '^added vouch' "$b/out" || :)
	[ "$added" -ge "$NV" ] || fail "big pull added $added vouches"
	echo "$(ms "$t0" "$t1") $(bytes "$b/err")" >>"$b/times"
}

# 1. pairings, on disk and on tmpfs; ssh logins
mkdir "$tmp/disk"
pairings "$tmp/disk"
if [ -d /dev/shm ] && shm=$(mktemp -d /dev/shm/kith-bench.XXXXXX); then
	pairings "$shm"
fi
sshbytes=
if ssh_setup; then
	sshbytes=$(ssh_logins default)
	sshbytes2=$(ssh_logins x25519 -o KexAlgorithms=curve25519-sha256)
fi
sync_setup
serve "$tmp/sync/a" "$tmp/sync/serve.err"
pulls

# 2. CPU beyond the primitives
read -r pa pb prist ped <<<"$("$tmp/pairbench" "$N")"

# 3. the big pull
big_setup
serve "$tmp/big/srv" "$tmp/big/serve.err"
rate1=$("$tmp/vrate")
for i in $(seq 1 "$R"); do big_pull "$i"; done
rm -f "$tmp/big/srv/bundles"
te=$(best 1 "$K" -d "$tmp/big/srv" export -o "$tmp/big/b")
mkdir -m 700 "$tmp/big/imp"
ti=$(best 1 "$K" -d "$tmp/big/imp" import "$tmp/big/b")
rate2=$("$tmp/vrate")

# the report
report_pairings() {	# report_pairings W WHERE
	read -r med p90 <<<"$(stats "$1/times" 1)"
	echo "  $2: median ${med} ms, p90 ${p90} ms (target: median < 50 ms)"
}
read -r dmed _ <<<"$(stats "$tmp/disk/times" 1)"
awk '{ print $2 + $3 }' "$tmp/disk/times" >"$tmp/wire"
read -r wire _ <<<"$(stats "$tmp/wire" 1)"
echo "$N pairings on loopback: kith-share join, start to exit (offer waiting)"
report_pairings "$tmp/disk" "stores in ${TMPDIR:-/tmp} (fsync)"
[ -n "$shm" ] && report_pairings "$shm" "stores on tmpfs (/dev/shm)"
echo "  bytes on the wire (TCP payload, both ways; median): ${wire%.*}"
if [ -n "$sshbytes" ]; then
	read -r smed sp90 <<<"$(stats "$tmp/ssh/default" 1)"
	read -r xmed xp90 <<<"$(stats "$tmp/ssh/x25519" 1)"
	echo "  $NSSH ssh logins to Debian's sshd, Ed25519 keys both ways," \
	    "no shell:"
	echo "    default kex (sntrup761x25519): median $smed ms, p90" \
	    "$sp90 ms, $(sum $sshbytes) bytes"
	echo "    curve25519-sha256:             median $xmed ms, p90" \
	    "$xp90 ms, $(sum $sshbytes2) bytes"
	echo "  ratio kith pairing / ssh login (median): $(ratio "$dmed" \
	    "$smed"), with curve25519 kex: $(ratio "$dmed" "$xmed")"
else
	echo "  (no ssh comparison: needs root and /usr/sbin/sshd)"
fi
read -r pmed pp90 <<<"$(stats "$tmp/sync/times" 1)"
read -r psent precv <<<"$(head -n 1 "$tmp/sync/times" | cut -d' ' -f2,3)"
echo "$N pulls between two small nodes: median $pmed ms, p90 $pp90 ms," \
    "$((psent + precv)) bytes"
[ -n "$sshbytes" ] && echo "  ratio kith pull / ssh login (median):" \
    "$(ratio "$pmed" "$smed"), with curve25519 kex: $(ratio "$pmed" "$xmed")"

echo "CPU per side, mean of $N in-process pairings (no sockets, no files)"
awk -v a="$pa" -v b="$pb" -v r="$prist" -v e="$ped" 'BEGIN {
	printf "  offer %.0f us, join %.0f us; ristretto255 %.0f us and " \
	    "Ed25519 sign+verify %.0f us a side\n", a, b, r, e
	printf "  beyond them: offer %.0f us, join %.0f us (target < 1000)\n",
	    a - r - e, b - r - e }'
cpu_report() {	# cpu_report W WHERE
	local s
	echo "CPU per side of the real tools, median of $N, stores $2"
	for s in offer join; do
		sort -g -k7,7 "$1/prims.$s" | awk -v s="$s" '{ l[NR] = $0 }
		    END { split(l[int((NR + 1) / 2)], f, " ")
		    printf "  %-5s %5.0f us: %d signs, %d verifies, %d key " \
		    "loads, %d+%d ristretto255 = %.0f us; the rest %.0f us\n",
		    s, f[7], f[1], f[2], f[3], f[4], f[5], f[6], f[7] - f[6] }'
	done
}
cpu_report "$tmp/disk" "in ${TMPDIR:-/tmp}"
[ -n "$shm" ] && cpu_report "$shm" "on tmpfs"
echo "  (whole process: exec, dynamic linking, the key, the store, fsync)"

rate=$(awk -v a="$rate1" -v b="$rate2" 'BEGIN { print (a + b) / 2 }')
floor=$(awk -v n="$NV" -v r="$rate" 'BEGIN { printf "%.3f", n / r }')
read -r bt bsent brecv <<<"$(sort -g "$tmp/big/times" | head -n 1)"
bs=$(awk -v t="$bt" 'BEGIN { printf "%.3f", t / 1000 }')
echo "pull of a bundle of $NV vouches (best of $R; the puller verifies each)"
echo "  Ed25519 verifications/s on $(nproc) CPUs: $rate -> floor ${floor}s"
echo "  pull: ${bs}s = $(ratio "$bs" "$floor") x floor, $brecv bytes received"
echo "  export ${te}s + import ${ti}s of the same store:" \
    "pull / (export + import) = $(ratio "$bs" "$(awk -v a="$te" -v b="$ti" \
    'BEGIN { print a + b }')")"
