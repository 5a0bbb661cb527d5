#!/bin/bash
# The trust computation against GnuPG's and against the Ed25519
# verification floor, in one run.  Fleets are layered webs of trust:
# each key vouched by 3 keys of the layer above.  Generated fleets and
# the GnuPG keyring are cached in $KITH_BENCH_CACHE (slow to make once).
set -eu
. "$(dirname "$0")/lib.inc"
helper genfleet; helper vrate
N1=${N1:-2000} N2=${N2:-100000}

fleet() {	# fleet N: cached fleet directory of N keys
	local d=$CACHE/fleet-$1
	[ -f "$d/done" ] || { rm -rf "$d"; GPGPLAN=1 "$tmp/genfleet" "$d" \
	    "$1" 3 5 && touch "$d/done"; }
	echo "$d"
}
cold() { rm -f "$1/cache" "$1/trusted"; "$KITH_BIN/kith-verify" -d "$1"; }

gpg_keyring() {	# the same shape as fleet $1 in a GnuPG home
	local f=$1 g=$CACHE/gpg-$N1 i s
	export GNUPGHOME=$g
	[ -f "$g/done" ] && return 0
	rm -rf "$g"; mkdir -m 700 "$g"
	echo "building a $N1-key GnuPG keyring (once; minutes)..." >&2
	for i in $(seq 0 $((N1 - 1))); do
		printf '%%no-protection\nKey-Type: eddsa\nKey-Curve: ed25519\n'
		printf 'Key-Usage: sign\nName-Real: h%d\nExpire-Date: 0\n' "$i"
		printf '%%commit\n'
	done >"$tmp/params"
	gpg --batch --quiet --no-auto-check-trustdb --gen-key "$tmp/params" \
	    >/dev/null 2>&1
	gpg --with-colons --list-keys 2>/dev/null |
	    awk -F: '/^pub/{want=1} /^fpr/ && want {print $10; want=0}' \
	    >"$g/fprs"
	mapfile -t fpr <"$g/fprs"
	while IFS=: read -r i signers; do
		for s in $signers; do
			gpg --batch --yes --quiet --no-auto-check-trustdb \
			    -u "${fpr[$s]}" --quick-sign-key "${fpr[$i]}" \
			    >/dev/null 2>&1
		done
	done <"$f/plan"
	{ echo "${fpr[0]}:6:"; for i in $(seq 1 $((N1 - 1))); do
	    echo "${fpr[$i]}:5:"; done; } | gpg --import-ownertrust 2>/dev/null
	touch "$g/done"
}

f1=$(fleet "$N1")
gpg_keyring "$f1"
v1=$(grep -c . "$f1/vouches")
kc=$(best 3 cold "$f1")
kw=$(best 5 "$KITH_BIN/kith-verify" -d "$f1")
gc=$(best 3 gpg --batch --yes --max-cert-depth 8 --check-trustdb)
echo "N=$N1 keys, $v1 vouches (best of 3-5 runs)"
echo "  kith-verify cold: ${kc}s  warm: ${kw}s"
echo "  gpg --check-trustdb --yes: ${gc}s"
echo "  ratio gpg/kith cold: $(ratio "$gc" "$kc")  (target >= 10)"
echo "  ratio gpg/kith warm: $(ratio "$gc" "$kw")  (target >= 100)"

f2=$(fleet "$N2")
v2=$(grep -c . "$f2/vouches")
rate1=$("$tmp/vrate")
kc2=$(best 1 cold "$f2")
rate2=$("$tmp/vrate")
rate=$(awk -v a="$rate1" -v b="$rate2" 'BEGIN { print (a + b) / 2 }')
floor=$(awk -v v="$v2" -v r="$rate" 'BEGIN { printf "%.3f", v / r }')
kw2=$(best 3 "$KITH_BIN/kith-verify" -d "$f2")
rm -f "$f2/cache"
mc=$(peak "$KITH_BIN/kith-verify" -d "$f2")
mw=$(peak "$KITH_BIN/kith-verify" -d "$f2")
echo "N=$N2 keys, $v2 vouches"
echo "  Ed25519 verifications/s on $(nproc) CPUs: $rate -> floor ${floor}s"
echo "  kith-verify cold: ${kc2}s = $(ratio "$kc2" "$floor") x floor (target <= 1.3)"
echo "  kith-verify warm: ${kw2}s (target < 1 s)"
echo "  peak memory cold: $(awk -v m="$mc" -v v="$v2" 'BEGIN { printf "%d KB, %.0f B/vouch", m, m * 1024 / v }') (target < 1024)"
echo "  peak memory warm: $(awk -v m="$mw" -v v="$v2" 'BEGIN { printf "%d KB, %.0f B/vouch", m, m * 1024 / v }')"
