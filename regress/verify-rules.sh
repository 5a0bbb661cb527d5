#!/bin/bash
# The trust rules as kith-verify applies them, each refusal with its
# reason in -x; thresholds; conflicts; exit codes.
. "$(dirname "$0")/test-exec.sh"
for h in me a b c d x y; do kith-keygen -q -N '' -C "$h" -d "$OBJ/$h"; done
pub() { echo "$OBJ/$1/id_ed25519.pub"; }
# vouch SIGNER PEER [options]: SIGNER signs PEER's key, into me's store
vouch() {
	local s=$1 p=$2; shift 2
	kith-sign -d "$OBJ/$s" -y -q -o "$OBJ/v.pub" "$@" "$(pub "$p")" &&
	    kith-share -d "$OBJ/me" import "$OBJ/v.pub" >/dev/null
}
V() { kith-verify -d "$OBJ/me" "$@"; }

vouch me a -D 1 -n a.test
vouch a b -n b.test
expect_exit 0 "-c: a key vouched through an introducer" \
    V -c b.test -f "$(pub b)"
vouch b c -n c.test
expect_exit 1 "-c: a signer with depth 0 cannot introduce" \
    V -c c.test -f "$(pub c)"
V -x c.test >"$OBJ/xout"
check "-x names the rule: depth" grep -q "depth" "$OBJ/xout"
expect_exit 1 "-x a host no vouch names" V -x nobody.test
check "... says so, naming it" \
    grep -qx "nobody.test: no vouch names this host" "$OBJ/out"

# scope: a may introduce only *.db.test
vouch me d -D 1 -S '*.db.test' -n d.test
vouch d x -n x.db.test
vouch d y -n y.other.test
expect_exit 0 "a name inside the scope" V -c x.db.test -f "$(pub x)"
expect_exit 1 "a name outside the scope" V -c y.other.test -f "$(pub y)"
V -x y.other.test >"$OBJ/xout"
check "-x names the rule: scope" grep -qi "scope" "$OBJ/xout"

# time: expired, not yet valid, and -t
vouch me x -n old.test -V 20200101:20210101
expect_exit 1 "an expired vouch" V -c old.test -f "$(pub x)"
V -x old.test >"$OBJ/xout"
check "-x says expired" grep -qi "expired" "$OBJ/xout"
expect_exit 0 "-t inside its validity" V -t 20200601 -c old.test -f "$(pub x)"
vouch me y -n future.test -V 20400101:20410101
expect_exit 1 "a vouch not yet valid" V -c future.test -f "$(pub y)"
V -x future.test >"$OBJ/xout"
check "-x says not yet valid" grep -qi "not yet valid" "$OBJ/xout"

# a signer nobody trusts: kept, inert
vouch c y -n inert.test
expect_exit 1 "a vouch by an untrusted signer is inert" \
    V -c inert.test -f "$(pub y)"
V >"$OBJ/sum"
check "the summary counts inert vouches" grep -q "inert" "$OBJ/sum"

# a loop among untrusted keys creates nothing
vouch c y -D 2 -n loop1.test
vouch y c -D 2 -n loop2.test
expect_exit 1 "a loop does not create trust" V -c loop2.test -f "$(pub c)"

# threshold: -m 2 needs two introducers
vouch me b -D 1 -n b.test
vouch a y -n two.test
expect_exit 0 "-m 1: one introducer is enough" V -c two.test -f "$(pub y)"
expect_exit 1 "-m 2: one introducer is not enough" \
    V -m 2 -c two.test -f "$(pub y)"
vouch b y -n two.test
expect_exit 0 "-m 2: two introducers are" V -m 2 -c two.test -f "$(pub y)"
expect_exit 0 "-m 2: your own vouch is enough alone" \
    V -m 2 -c a.test -f "$(pub a)"

# conflict: two keys for one name
vouch a x -n dup.test
vouch b y -n dup.test
expect_exit 1 "-c: a conflict is not trusted" V -c dup.test -f "$(pub x)"
check "-c says conflict" grep -q "conflict" "$OBJ/out"
expect_exit 1 "-w: a conflict is a WARNING" V -w 1
check "-w prints one WARNING line" error_line "$OBJ/out" '^KITH WARNING'
V -x dup.test >"$OBJ/xout"
check "-x shows both keys" [ "$(grep -c "^SHA256:.*trusted for dup.test" \
    "$OBJ/xout")" -eq 2 ]
V -o "$OBJ/kh" 2>"$OBJ/err"
check "-o leaves the conflicting name out" ! grep -q dup.test "$OBJ/kh"
check "-o warns about it, counting one name (held by two keys)" \
    error_line "$OBJ/err" ": left out 1 name held by more than one key"

# certificates that are not vouches, put straight into the store
ssh-keygen -q -t ed25519 -N '' -C t -f "$OBJ/t"
cp "$OBJ/me/id_ed25519" "$OBJ/mekey"
ssh-keygen -q -s "$OBJ/mekey" -h -I crit -n crit.test \
    -O critical:force-command=x "$OBJ/t.pub" 2>/dev/null
cat "$OBJ/t-cert.pub" >>"$OBJ/me/vouches"
ssh-keygen -q -s "$OBJ/mekey" -I user -n user.test "$OBJ/t.pub" 2>/dev/null
cat "$OBJ/t-cert.pub" >>"$OBJ/me/vouches"
ssh-keygen -q -s "$OBJ/mekey" -h -I none "$OBJ/t.pub" 2>/dev/null
cat "$OBJ/t-cert.pub" >>"$OBJ/me/vouches"
expect_exit 1 "a certificate with a critical option is refused" \
    V -c crit.test -f "$OBJ/t.pub"
expect_exit 1 "a user certificate is refused" V -c user.test -f "$OBJ/t.pub"
expect_exit 1 "a certificate without principals trusts no host" \
    V -c anything.test -f "$OBJ/t.pub"
V >"$OBJ/sum"
check "the summary lists the critical option" grep -q "critical" "$OBJ/sum"
check "the summary lists the bad certificates" \
    [ "$(grep -c "invalid certificate" "$OBJ/sum")" -eq 2 ]
# a flipped byte in a stored vouch: that line is dropped, the rest stands
line=$(grep -n old.test "$OBJ/me/vouches" | head -1 | cut -d: -f1)
[ -n "$line" ] || line=1
sed -n 1p "$OBJ/me/vouches" | cut -d' ' -f2 | base64 -d >"$OBJ/cb"
b=$(od -An -tu1 -j 100 -N1 "$OBJ/cb")	# (0x55 written was a no-op 1 in 256)
printf "\\$(printf %o $((b ^ 255)))" |
    dd of="$OBJ/cb" bs=1 seek=100 conv=notrunc 2>/dev/null
echo "ssh-ed25519-cert-v01@openssh.com $(base64 -w0 "$OBJ/cb")" \
    >>"$OBJ/me/vouches"
V >"$OBJ/sum"
check "a flipped stored vouch is reported, not used" \
    grep -q "^1 lines of vouches are not valid (first: line" "$OBJ/sum"
expect_exit 0 "the other vouches still count" V -c a.test -f "$(pub a)"

# JSON is stable and parses
t=$(date -u +%Y%m%d%H%M)Z; V -j -t "$t" >"$OBJ/j1"; V -j -t "$t" >"$OBJ/j2"
check "-j twice gives the same bytes" cmp -s "$OBJ/j1" "$OBJ/j2"
check "-j is valid JSON" python3 -c "import json,sys; json.load(open('$OBJ/j1'))"

# errors: exit 2, one line; monitoring: 2 critical, 3 unknown
expect_exit 2 "-c with a missing key file" V -c a.test -f "$OBJ/nope"
check "one line" one_line_error "$OBJ/err"
expect_exit 2 "a missing kith directory" kith-verify -d "$OBJ/none"
expect_exit 2 "-w with an unreadable store: CRITICAL" kith-verify -d \
    "$OBJ/none" -w 7
check "CRITICAL line" grep -q "^KITH CRITICAL" "$OBJ/out"
expect_exit 3 "-w with a bad number: UNKNOWN" V -w many
expect_exit 2 "two modes at once" V -c a -x b
expect_exit 2 "a bad -t" V -t yesterday
expect_exit 2 "a bad -m" V -m 0

# the index of trusted names: used when fresh, ignored when stale or bad
V -o "$OBJ/kh" 2>/dev/null
check "kith-verify leaves an index" [ -s "$OBJ/me/trusted" ]
expect_exit 0 "-c through the index" V -c a.test -f "$(pub a)"
vouch me x -n new.test
expect_exit 0 "a new vouch makes the index stale: -c sees it" \
    V -c new.test -f "$(pub x)"
expect_exit 1 "-t before the vouch: -c does not use the index" \
    V -t 20200101 -c new.test -f "$(pub x)"
head -c 100 "$OBJ/me/trusted" >"$OBJ/tr" && cat "$OBJ/tr" >"$OBJ/me/trusted"
expect_exit 0 "a truncated index is ignored" V -c new.test -f "$(pub x)"
printf 'garbage' >"$OBJ/me/trusted"
expect_exit 0 "a garbage index is ignored" V -c new.test -f "$(pub x)"
printf 'garbage' >"$OBJ/me/cache"
expect_exit 0 "a garbage snapshot is ignored" V -c new.test -f "$(pub x)"

# lines of the store kith would not write are counted and named, in
# vouches and in statements alike
cp "$OBJ/me/vouches" "$OBJ/vouches.saved"
cp "$OBJ/me/statements" "$OBJ/statements.saved" 2>/dev/null ||
    : >"$OBJ/statements.saved"
echo junk >>"$OBJ/me/vouches"
printf 'junk\njunk too\n' >>"$OBJ/me/statements"
expect_exit 0 "the listing with junk lines in the store" V
check "... counts the vouches line (and the flipped vouch above)" \
    grep -q "^2 lines of vouches are not valid (first: line [0-9]" "$OBJ/out"
check "... and the statements lines" \
    grep -q "^2 lines of statements are not valid (first: line [0-9]" \
    "$OBJ/out"
expect_exit 0 "-j with junk lines" V -j
check "... counts both" eval 'grep -q "\"bad_lines\": 2" "$OBJ/out" &&
    grep -q "\"bad_statement_lines\": 2" "$OBJ/out"'
cp "$OBJ/vouches.saved" "$OBJ/me/vouches"
cp "$OBJ/statements.saved" "$OBJ/me/statements"

# your own key retired (a rotation that forgot to point identity at the
# new key): nothing is trusted, and the listing says why on stderr
expect_exit 0 "the listing, your key trusted" V
check "... warns of nothing" [ ! -s "$OBJ/err" ]
kith-keygen -R -r retired -f "$OBJ/me/id_ed25519" >"$OBJ/me.retire"
kith-share -d "$OBJ/me" import "$OBJ/me.retire" >/dev/null
expect_exit 0 "the listing, your key retired" V
check "... lists no key" ! grep -q "^SHA256:" "$OBJ/out"
check "... warns on stderr that your key is not trusted" \
    error_line "$OBJ/err" "^kith-verify: your own key is revoked or retired"
check "... and where to name the current one" \
    grep -q "$OBJ/me/identity" "$OBJ/err"
expect_exit 0 "-j too" V -j
check "... warns the same" error_line "$OBJ/err" "your own key is revoked"
expect_exit 2 "-w says CRITICAL" V -w 7
