#!/bin/bash
# Every cap of PROTOCOL.kith §8 ("Limits") that a tool meets: one over is
# refused with a one-line error naming the input, exit 2, nothing on
# stdout and the store unchanged; where cheap, exactly the cap passes.
# Length fields claiming 4 GiB are refused under a 256 MiB address-space
# limit (plain builds) and with a small peak RSS.  Caps tested elsewhere
# are listed in the table's "tested by" column.
. "$(dirname "$0")/test-exec.sh"
. "$REGRESS/agent-exec.inc"
cd "$OBJ" || exit 2
MiB=$((1024 * 1024))
KD=$OBJ/kd
kith-keygen -q -N '' -C me -d "$KD"
ssh-keygen -q -t ed25519 -N '' -C peer -f peer
kith-sign -d "$KD" -y -q -n seed.test peer.pub

# a plain ELF build (not a valgrind wrapper), and whether it is ASan's
plain=0 asan=0
[ "$(head -c 4 "$KITH_BIN/kith-share" | tail -c 3)" = ELF ] && plain=1
if [ "${SANITIZE:-}" = 1 ] ||
    ldd "$KITH_BIN/kith-share" 2>/dev/null | grep -q libasan; then
	asan=1
fi
rsscap=$((asan ? 192 * 1024 : 32 * 1024))	# KiB

state() { cat "$1"/vouches "$1"/statements "$1"/bundles 2>/dev/null |
    sha256sum; }
aaa() { head -c "$1" /dev/zero | tr '\0' "${2:-a}"; }
# refused PATTERN DESCRIPTION COMMAND...: exit 2, stdout empty, one line
# on stderr that holds PATTERN.
refused() {
	local pat=$1 what=$2 rc; shift 2
	"$@" >"$OBJ/out" 2>"$OBJ/err"; rc=$?
	if [ $rc -eq 2 ] && [ ! -s "$OBJ/out" ] && one_line_error "$OBJ/err" &&
	    grep -qF -- "$pat" "$OBJ/err"; then
		ok "$what"
	else
		notok "$what (exit $rc)"
		head -c 300 "$OBJ/err" | sed 's/^/#  /'
	fi
}
# poke FILE OFFSET OCTAL: overwrites bytes of FILE at OFFSET.
poke() { printf "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null; }
# claims PATTERN DESCRIPTION COMMAND...: refused as above, under a 256
# MiB address-space limit where that is meaningful, with a small peak RSS.
claims() {
	local pat=$1 what=$2 kib; shift 2
	if [ $plain -eq 1 ] && [ $asan -eq 0 ]; then
		refused "$pat" "$what, under ulimit -v 256 MiB" \
		    bash -c 'ulimit -v 262144 && exec "$@"' sh "$@"
	else
		ok "# SKIP $what under ulimit -v: ASan reserves terabytes" \
		    "of shadow memory, and valgrind runs the tools"
	fi
	if [ $plain -eq 1 ] && [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$OBJ/rss" "$@" >/dev/null 2>&1
		kib=$(tail -n 1 "$OBJ/rss")
		check "$what: peak RSS $kib KiB < $rsscap" [ "$kib" -lt $rsscap ]
	else
		ok "# SKIP $what: peak RSS needs /usr/bin/time and a plain binary"
	fi
}

# -- files a tool reads whole: 64 MiB, 64 KiB for private keys
truncate -s $((64 * MiB + 1)) big
aaa $((64 * MiB)) '\n' >big64
refused "big: file too large" "a key file of 64 MiB + 1" kith-keygen -l -f big
refused "big64: not a public key file" "64 MiB exactly is read" \
    kith-keygen -l -f big64
before=$(state "$KD")
refused "big: file too large" "a peer key of 64 MiB + 1 (kith-sign)" \
    kith-sign -d "$KD" -y -q -n x.test big
refused "big: file too large" "a key file of 64 MiB + 1 (kith-verify -c)" \
    kith-verify -d "$KD" -c seed.test -f big
check "the store is unchanged" [ "$(state "$KD")" = "$before" ]
truncate -s $((64 * 1024 + 1)) bigpriv
truncate -s $((64 * 1024)) priv64
chmod 600 bigpriv priv64
refused "bigpriv: file too large" "a private key of 64 KiB + 1" \
    kith-keygen -y -f bigpriv
refused "priv64: " "64 KiB exactly is read" kith-keygen -y -f priv64
check "... and refused for its content" ! grep -q "too large" "$OBJ/err"
cp -r "$KD" idk
aaa 4097 >idk/identity
refused "file too large" "an identity file of 4 KiB + 1" kith-verify -d idk

# -- a line of a key list (.pub, known_hosts, ssh-keyscan output): 1 MiB
key=$(cut -d' ' -f1,2 peer.pub)
{ printf '%s ' "$key"; aaa $((MiB - ${#key} - 2)) c; echo; } >line1m.pub
check "a key line of 1 MiB, newline included" \
    [ "$(stat -c %s line1m.pub)" -eq $MiB ]
expect_exit 0 "... is listed" kith-keygen -l -f line1m.pub
{ printf '%s ' "$key"; aaa $((MiB - ${#key} - 1)) c; echo; } >line1m1.pub
refused "line1m1.pub: length exceeds limit" "a key line of 1 MiB + 1" \
    kith-keygen -l -f line1m1.pub
refused "line1m1.pub: length exceeds limit" "... also for kith-verify -c" \
    kith-verify -d "$KD" -c seed.test -f line1m1.pub

# -- what kith-keygen writes: a comment of 1024 bytes (the revocation
# holds it too), a passphrase of 1023
for n in 1025 4097; do
	refused "c$n: comment: length exceeds limit" "a comment of $n bytes" \
	    kith-keygen -q -N '' -C "$(aaa $n)" -f c$n
	check "... leaves no file" [ "$(ls c$n* 2>/dev/null)" = "" ]
done
expect_exit 0 "a comment of 1024 bytes" \
    kith-keygen -q -N '' -C "$(aaa 1024)" -f c1024
refused "passphrase too long" "a passphrase of 1024 bytes (-N)" \
    kith-keygen -q -N "$(aaa 1024)" -f p1024
check "... leaves no file" [ ! -e p1024 ]
expect_exit 0 "a passphrase of 1023 bytes" \
    kith-keygen -q -N "$(aaa 1023)" -f p1023
refused "passphrase too long" "a passphrase of 1024 bytes (-P)" \
    kith-keygen -y -P "$(aaa 1024)" -f p1023
expect_exit 0 "... 1023 opens it" kith-keygen -y -P "$(aaa 1023)" -f p1023

# -- what kith-sign signs: 256 names and scope patterns, 1024-byte names
before=$(state "$KD")
refused '"h257.test": count exceeds limit' "257 names" \
    kith-sign -d "$KD" -y -q -n "$(seq -s, -f 'h%g.test' 257)" peer.pub
refused "count exceeds limit" "257 scope patterns" kith-sign -d "$KD" -y -q \
    -n a.test -S "$(seq -s, -f 'h%g.test' 257)" peer.pub
refused "length exceeds limit" "a name of 1025 bytes" \
    kith-sign -d "$KD" -y -q -n "$(aaa 1025)" peer.pub
refused "-I: length exceeds limit" "a key id of 1025 bytes" \
    kith-sign -d "$KD" -y -q -n a.test -I "$(aaa 1025)" peer.pub
check "the store is unchanged" [ "$(state "$KD")" = "$before" ]
expect_exit 0 "256 names, 256 patterns, a 1024-byte name and key id" \
    kith-sign -d "$KD" -y -q -n "$(aaa 1024),$(seq -s, -f 'h%g.test' 255)" \
    -S "$(seq -s, -f 'h%g.test' 256)" -I "$(aaa 1024)" -o n256 peer.pub
check "... and it is read back" \
    [ "$(ssh-keygen -L -f n256 | grep -c '^  *h[0-9]*\.test$')" -eq 255 ]
refused "length exceeds limit" "kith-verify: a host name of 1025 bytes" \
    kith-verify -d "$KD" -c "$(aaa 1025)" -f peer.pub
expect_exit 1 "... 1024 bytes is looked up" \
    kith-verify -d "$KD" -c "$(aaa 1024 b)" -f peer.pub

# -- the store: vouches 1 GiB and 1 MiB a line, statements 64 MiB and
# 64 KiB a line, the bundles seen 64 MiB
mkstore() { rm -rf "$1"; cp -r "$KD" "$1"; rm -f "$1/cache" "$1/trusted"; }
mkstore s1
truncate -s $((1024 * MiB + 1)) s1/vouches
refused "s1: file too large" "a vouches file of 1 GiB + 1 (kith-verify)" \
    kith-verify -d s1
refused "s1: file too large" "... (kith-sign)" \
    kith-sign -d s1 -y -q -n x.test peer.pub
check "... is left as it was" \
    [ "$(stat -c %s s1/vouches)" -eq $((1024 * MiB + 1)) ]
mkstore s2
{ aaa $((MiB + 1)); echo; } >>s2/vouches
before=$(state s2)
refused "s2: length exceeds limit" "a vouches line of 1 MiB + 1" \
    kith-verify -d s2
refused "s2: length exceeds limit" "... (kith-sign)" \
    kith-sign -d s2 -y -q -n x.test peer.pub
check "... the store is unchanged" [ "$(state s2)" = "$before" ]
mkstore s3
{ aaa $MiB; echo; } >>s3/vouches
expect_exit 0 "a line of 1 MiB is read (and counted as not a vouch)" \
    kith-verify -d s3
mkstore s4
truncate -s $((64 * MiB + 1)) s4/statements
refused "s4: file too large" "a statements file of 64 MiB + 1" \
    kith-verify -d s4
mkstore s5
{ aaa $((64 * 1024 + 1)); echo; } >>s5/statements
refused "s5: length exceeds limit" "a statements line of 64 KiB + 1" \
    kith-verify -d s5
mkstore s6
{ aaa $((64 * 1024)); echo; } >>s6/statements
expect_exit 0 "a statements line of 64 KiB is read" kith-verify -d s6
mkstore s8
kith-verify -d s8 -c seed.test -f peer.pub >/dev/null
truncate -s $((2048 * MiB + 1)) s8/cache
truncate -s $((4096 * MiB)) s8/trusted
expect_exit 0 "a cache of 2 GiB + 1 and an index of 4 GiB are ignored" \
    kith-verify -d s8 -c seed.test -f peer.pub
check "... and rebuilt" eval '[ "$(stat -c %s s8/cache)" -lt $MiB ] &&
    [ "$(stat -c %s s8/trusted)" -lt $MiB ]'

# -- bundles: the file 64 MiB, and headers that claim 4 GiB
kith-keygen -q -N '' -C b -d b
kith-sign -d b -y -q -n b.test peer.pub
kith-share -d b export -o good
mkstore s7
truncate -s $((64 * MiB + 1)) s7/bundles
before=$(state s7)
refused "s7: file too large" "a bundles-seen file of 64 MiB + 1" \
    kith-share -d s7 import good
check "... the store is unchanged" [ "$(state s7)" = "$before" ]
mkstore imp
before=$(state imp)
refused "big: file too large" "a bundle of 64 MiB + 1" \
    kith-share -d imp import big
{ echo "-----BEGIN KITH BUNDLE-----"; aaa $((64 * MiB)); } >biga
refused "biga: file too large" "an armoured bundle of 64 MiB + 1" \
    kith-share -d imp import biga
# header: magic 12, version 4, signer 4+51, seq 8, time 8, then
# nrecords at 87, rawlen at 91, zbody's length at 95
bad() { cp good "$1"; poke "$1" "$2" "$3"; }
bad nrec 87 '\377\377\377\377'
claims "nrec: more records than allowed" "nrecords 2^32-1" \
    kith-share -d imp import nrec
bad nrec1 87 '\000\003\015\101'
refused "nrec1: more records than allowed" "nrecords 200,001" \
    kith-share -d imp import nrec1
bad raw 91 '\377\377\377\377'
claims "raw: file too large" "rawlen 2^32-1" kith-share -d imp import raw
zlen=$(od -An -tu4 --endian=big -j 95 -N 4 good | tr -d ' ')
bad ratio 91 "$(printf '\\%03o' 0 $(((zlen * 100 + 1) >> 16 & 255)) \
    $(((zlen * 100 + 1) >> 8 & 255)) $(((zlen * 100 + 1) & 255)))"
refused "ratio: compression ratio too high" "rawlen 100 x zbody + 1" \
    kith-share -d imp import ratio
bad zb 95 '\377\377\377\377'
claims "zb: truncated input" "a zbody length of 2^32-1" \
    kith-share -d imp import zb
check "the store is unchanged by every bad bundle" [ "$(state imp)" = "$before" ]
if [ $plain -eq 1 ] && [ $asan -eq 0 ]; then
	expect_exit 0 "the good bundle imports under the same ulimit -v" \
	    bash -c 'ulimit -v 262144 && exec kith-share -d imp import good'
else
	ok "# SKIP the good bundle under ulimit -v (ASan or valgrind)"
fi

# -- a private key whose public key string claims 4 GiB
sed '1d;$d' peer | base64 -d >pblob
poke pblob 39 '\377\377\377\377'
{ echo "-----BEGIN OPENSSH PRIVATE KEY-----"; base64 -w 70 pblob
  echo "-----END OPENSSH PRIVATE KEY-----"; } >claim4g
chmod 600 claim4g
claims "claim4g: length exceeds limit" "a key string of 2^32-1" \
    kith-keygen -y -f claim4g

# -- the agent: 1024 connections at once; a length of 2^32-1 costs nothing
vm() { awk -v k="$2" '$1 == k":" { print $2 }' "/proc/$1/status"; }
if ulimit -n 4096 2>/dev/null; then
	start_agent kith kith-agent || notok "kith-agent starts"
	S=$OBJ/kith.sock
	mkfifo ready
	"$AGENTPROTO" idle "$S" 1024 >ready &
	idle=$!
	read -r line <ready
	check "1024 connections open and answered" [ "$line" = "ready 1024" ]
	check "the 1025th is hung up on" \
	    [ "$("$AGENTPROTO" req "$S" 0b)" = closed ]
	kill $idle
	wait $idle 2>/dev/null
	sleep 0.2
	check "once they close, clients are served again" agent_alive kith
	# shellcheck disable=SC2154
	peak=$(vm "$kith_pid" VmPeak)
	"$AGENTPROTO" raw "$S" ffffffff0b0b0b0b >/dev/null
	"$AGENTPROTO" req "$S" 0dfffffff0 >/dev/null
	grew=$(($(vm "$kith_pid" VmPeak) - peak))
	check "lengths of 2^32-1: the agent's peak size grew $grew KiB" \
	    [ "$grew" -lt 65536 ]
	stop_agent kith
else
	for _ in 1 2 3 4 5; do ok "# SKIP ulimit -n 4096 refused"; done
fi
echo "1..$_tn"
