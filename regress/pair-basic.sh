#!/bin/bash
# kith-share offer / join on loopback: one pairing and what each side
# stores; the code on stdout; the SAS; default names; usage errors.
. "$(dirname "$0")/test-exec.sh"
. "$REGRESS/pair-exec.inc"
for n in a b c z; do node "$n"; done
# a already vouches for c; b already holds z's self-revocation
kith-sign -d "$OBJ/a" -y -q -n c.test "$(pub c)"
kith-keygen -R -f "$OBJ/z/id_ed25519" >"$OBJ/z.revoke"
kith-share -d "$OBJ/b" import "$OBJ/z.revoke" >/dev/null

start_offer a -v -n b.test || notok "the offer starts"
check "the offer prints the code alone on its first line" \
    grep -Eqx '[0-9]{3}-[0-9]{3}-[0-9]{4}' "$OBJ/offer.out"
check "with -p 0 it tells the port it got, and the join to give" \
    grep -q "waiting on port [1-9][0-9]* for .* join HOST:$PORT $CODE\$" \
    "$OBJ/offer.err"
expect_exit 0 "b joins a with the code" \
    join b -v -D 1 -n a.test "127.0.0.1:$PORT" "$CODE"
cp "$OBJ/err" "$OBJ/join.err"
wait_offer
check "the offer exits 0" [ "$OFFER_RC" -eq 0 ]
check "... having printed nothing more on stdout" \
    [ "$(wc -l <"$OBJ/offer.out")" -eq 1 ]

expect_exit 0 "a trusts b's key for b.test" \
    kith-verify -d "$OBJ/a" -c b.test -f "$(pub b)"
expect_exit 0 "b trusts a's key for a.test" \
    kith-verify -d "$OBJ/b" -c a.test -f "$(pub a)"
expect_exit 1 "a does not trust b's key for another name" \
    kith-verify -d "$OBJ/a" -c a.test -f "$(pub b)"
expect_exit 0 "b got a's bundle: a's vouch for c counts (depth 1)" \
    kith-verify -d "$OBJ/b" -c c.test -f "$(pub c)"
check "a got b's bundle: z's revocation" \
    cmp -s "$OBJ/a/statements" "$OBJ/b/statements"

# both sides show the same 6-digit SAS with -v
sas_a=$(sed -n 's/.*confirmation \([0-9]\{6\}\) .*/\1/p' "$OBJ/offer.err")
sas_b=$(sed -n 's/.*confirmation \([0-9]\{6\}\) .*/\1/p' "$OBJ/join.err")
check "both sides show the same SAS ($sas_a)" \
    eval '[ -n "$sas_a" ] && [ "$sas_a" = "$sas_b" ]'
check "each side reports the pairing" grep -q "paired with" "$OBJ/join.err"
check "... and the offer too" grep -q "paired with" "$OBJ/offer.err"

# the vouches record the session: key id kith-pair:<8 bytes of TH>
keyid() {
	local who=$1
	while read -r t b64 rest; do
		case $t in ssh-ed25519-cert-*) ;; *) continue ;; esac
		echo "$t $b64" >"$OBJ/one-cert.pub"
		ssh-keygen -L -f "$OBJ/one-cert.pub" 2>/dev/null |
		    sed -n 's/.*Key ID: "\(kith-pair:[0-9a-f]*\)"/\1/p'
	done <"$OBJ/$who/vouches" | sort -u
}
ka=$(keyid a)
check "the vouches carry one session id on both sides ($ka)" \
    eval '[ -n "$ka" ] && [ "$ka" = "$(keyid b)" ] &&
    [ "${#ka}" -eq $((10 + 16)) ]'
check "b holds a's vouch of b as well" \
    [ "$(grep -c '^ssh-ed25519-cert' "$OBJ/b/vouches")" -eq 3 ]

# without -n each side vouches for the name the other sent: its hostname
start_offer c || notok "the offer starts"
expect_exit 0 "c and z pair without -n" join z "127.0.0.1:$PORT" "$CODE"
wait_offer
host=$(hostname)
expect_exit 0 "c trusts z under z's host name ($host)" \
    kith-verify -d "$OBJ/c" -c "$host" -f "$(pub z)"
expect_exit 0 "z trusts c under c's host name" \
    kith-verify -d "$OBJ/z" -c "$host" -f "$(pub c)"

# the port may come with the host, [v6] too; a missing port is the default
if (exec 3<>/dev/tcp/::1/22) 2>/dev/null || ip -6 addr show lo 2>/dev/null |
    grep -q '::1'; then
	start_offer a -l ::1 || notok "the offer starts on ::1"
	expect_exit 0 "a join over IPv6 ([::1]:port)" \
	    join b -n a.test "[::1]:$PORT" "$CODE"
	wait_offer
else
	ok "# SKIP no IPv6 loopback"
fi

# usage and refusals before anything is sent
expect_exit 2 "join: a code of the wrong length" join b localhost 12345
check "... says what a code is" grep -q "10 digits" "$OBJ/err"
expect_exit 2 "join: no code" join b localhost
expect_exit 2 "join: a bad port" join b localhost:99999 "$CODE"
expect_exit 2 "join: a bad name for -n" join b -n 'a*' localhost "$CODE"
check "... names it" grep -q '"a\*": not a host name' "$OBJ/err"
expect_exit 2 "join: depth 256" join b -D 256 localhost "$CODE"
p=$(( (RANDOM % 20000) + 30000 ))
expect_exit 2 "join: nobody listening" join b "127.0.0.1:$p" "$CODE"
check "... says so in one line" one_line_error "$OBJ/err"
expect_exit 2 "offer: -a 4" kith-share -d "$OBJ/a" offer -a 4
expect_exit 2 "offer: -a 0" kith-share -d "$OBJ/a" offer -a 0
expect_exit 2 "offer: -t 61m" kith-share -d "$OBJ/a" offer -t 61m
expect_exit 2 "offer: -t 0" kith-share -d "$OBJ/a" offer -t 0
expect_exit 2 "offer: -t 1h" kith-share -d "$OBJ/a" offer -t 1h
expect_exit 2 "offer: an operand" kith-share -d "$OBJ/a" offer x
expect_exit 2 "offer: a bad address" \
    kith-share -d "$OBJ/a" offer -l 300.1.1.1 -p "$p"
check "... prints no code" [ ! -s "$OBJ/out" ]
check "... and names -l in one line" \
    error_line "$OBJ/err" "^kith-share: -l 300.1.1.1: "
# -p is a port from 0 to 65535 (getaddrinfo would take 70000 as 4464 and
# the join to give would be refused); an offer that starts anyway ends
# after -t 1s: exit 1, not 2
for pp in 70000 65536 abc -1 ''; do
	expect_exit 2 "offer -p '$pp' is a usage error" \
	    kith-share -d "$OBJ/a" offer -t 1s -p "$pp"
	check "... in one line naming -p and the range" \
	    error_line "$OBJ/err" "^kith-share: -p $pp: .* 0 to 65535"
	check "... with no code printed" [ ! -s "$OBJ/out" ]
done
expect_exit 2 "offer -l '' is a usage error" \
    kith-share -d "$OBJ/a" offer -t 1s -l '' -p 0
check "... saying the address is empty, in one line" \
    error_line "$OBJ/err" "^kith-share: -l: the address is empty"
KITH_PAIR_TIMEOUT_SCALE=x expect_exit 2 "a bad timeout scale" \
    kith-share -d "$OBJ/a" offer -p "$p"
expect_exit 2 "offer without an identity" \
    kith-share -d "$OBJ/nobody" offer -p "$p"
