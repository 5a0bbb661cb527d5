#!/bin/bash
# kith-share serve / pull: peers that trust each other swap bundles with
# no code; a peer either side does not trust learns nothing and changes
# nothing; a pull to an offer or a join to a serve fails cleanly; usage.
. "$(dirname "$0")/test-exec.sh"
. "$REGRESS/pair-exec.inc"
KITH_PAIR_TIMEOUT_SCALE=$(scaled 0.1)
export KITH_PAIR_TIMEOUT_SCALE
for n in a b c d z; do node "$n"; done
# a and b trust each other; a trusts c, c trusts nobody; d is unknown
sign a -D 1 -n b.test "$(pub b)"
sign b -D 1 -n a.test "$(pub a)"
sign a -n c.test "$(pub c)"
sign b -n z.test "$(pub z)"

start_serve a -v || { notok "a serves"; exit 0; }
ok "a serves"
check "serve names its key and, for -p 0, the port it got" \
    grep -q "serving SHA256:.* on port [1-9][0-9]* " "$OBJ/serve-a.err"
expect_exit 1 "before: a does not trust z" V a -c z.test -f "$(pub z)"
expect_exit 0 "b pulls from a" pull b "127.0.0.1:$SPORT"
check "b prints what it added: a's vouch for c" \
    grep -q "^added vouch: c.test key SHA256:" "$OBJ/out"
expect_exit 0 "b trusts c through a" V b -c c.test -f "$(pub c)"
check "a's log reports the sync" serve_log_has a "synced with SHA256:"
expect_exit 0 "a got b's bundle: a trusts z through b" \
    V a -c z.test -f "$(pub z)"
expect_exit 0 "b pulls again" pull b "127.0.0.1:$SPORT"
check "... and nothing is new" [ ! -s "$OBJ/out" ]

# d: a does not trust it.  It learns nothing; nothing changes.
sa=$(peer_sum a)	# a's own sequence number may move
expect_exit 1 "d, which a does not trust, is refused" \
    pull d "127.0.0.1:$SPORT"
check "... with one line saying so" grep -q "hung up on our identity" \
    "$OBJ/err"
check "... exactly one" one_line_error "$OBJ/err"
check "a's log names d's key as not trusted" serve_log_has a "not trusted here"
check "a's store is unchanged" [ "$(peer_sum a)" = "$sa" ]
check "d stored nothing" [ ! -e "$OBJ/d/vouches" ]
check "d holds nothing of a's" ! grep -rqs "c.test" "$OBJ/d"

# c: a trusts it, but c does not trust a.  c sends no bundle.
expect_exit 1 "c, which does not trust a, stops" pull c "127.0.0.1:$SPORT"
check "... naming a's key as not trusted" grep -q "is not trusted here" \
    "$OBJ/err"
check "c stored nothing" [ ! -e "$OBJ/c/vouches" ]
check "a's store is still unchanged" [ "$(peer_sum a)" = "$sa" ]

# a revocation travels by pull: z revokes itself, b imports it, b pulls
kith-keygen -R -f "$OBJ/z/id_ed25519" >"$OBJ/z.revoke"
kith-share -d "$OBJ/b" import "$OBJ/z.revoke" >/dev/null
expect_exit 0 "b pulls after importing z's revocation" \
    pull b "127.0.0.1:$SPORT"
check "a now holds z's revocation" serve_log_has a "added revocation of SHA256:"
expect_exit 1 "a no longer trusts z" V a -c z.test -f "$(pub z)"

# several peers: one down does not stop the others; exit 1
expect_exit 1 "pull a and a closed port: exit 1" \
    pull b "127.0.0.1:$SPORT" 127.0.0.1:1
check "... a line for the closed port" grep -q "127.0.0.1 port 1: " \
    "$OBJ/err"
check "... and the good peer was still synced" \
    [ "$(grep -c . "$OBJ/err")" -eq 1 ]

# modes never mix
expect_exit 1 "a join with a code to a serve fails" \
    join b -n a.test "127.0.0.1:$SPORT" 482-193-7063
check "... saying it is a serve" grep -q "serve, not an offer" "$OBJ/err"
start_offer a -n b.test || notok "a offers"
expect_exit 1 "a pull to an offer fails" pull b "127.0.0.1:$PORT"
check "... saying the peer waits for a code" \
    grep -q "waits for a pairing code" "$OBJ/err"
check "... and the offer still waits (no attempt spent)" offer_alive
expect_exit 0 "the offer then pairs" join b -n a.test "127.0.0.1:$PORT" \
    "$CODE"
wait_offer

# usage and bad arguments: exit 2, nothing sent
sb=$(store_sum b)
expect_exit 2 "pull with no host" pull b
expect_exit 2 "pull of a bad host" pull b "[::1"
check "... one line" one_line_error "$OBJ/err"
expect_exit 2 "pull of a bad port" pull b "127.0.0.1:99999"
expect_exit 2 "pull with no identity key" kith-share -d "$OBJ/none" pull \
    "127.0.0.1:$SPORT"
check "... says how to make one, in one line" \
    error_line "$OBJ/err" "no identity key: make one with kith-keygen"
expect_exit 2 "serve with an operand" kith-share -d "$OBJ/b" serve x
expect_exit 2 "serve on a port in use" \
    kith-share -d "$OBJ/b" serve -l 127.0.0.1 -p "$SPORT"
check "... says so" grep -q "listen on 127.0.0.1 port $SPORT" "$OBJ/err"
# -p is a port from 0 to 65535, checked before listening (getaddrinfo
# would take 70000 as 4464); -l is not empty.  A serve that starts
# anyway is stopped by timeout: exit 124, not 2.
for pp in 70000 65536 abc -1 ''; do
	expect_exit 2 "serve -p '$pp' is a usage error" timeout "$(scaled 10)" \
	    kith-share -d "$OBJ/b" serve -l 127.0.0.1 -p "$pp"
	check "... in one line naming -p and the range" \
	    error_line "$OBJ/err" "^kith-share: -p $pp: .* 0 to 65535"
done
expect_exit 2 "serve -l '' is a usage error" timeout "$(scaled 10)" \
    kith-share -d "$OBJ/b" serve -l '' -p 0
check "... saying the address is empty, in one line" \
    error_line "$OBJ/err" "^kith-share: -l: the address is empty"
check "b's store is unchanged by all that" [ "$(store_sum b)" = "$sb" ]
check "the serve still runs" kill -0 "$SERVE_PID"

# twelve pulls at once (more than serve runs at a time), eight of them
# by the same node: each one succeeds
pids=
for i in $(seq 1 12); do
	n=b; [ "$i" -gt 8 ] && n=a2
	[ -d "$OBJ/a2" ] || { node a2; sign a2 -n a.test "$(pub a)"
	    sign a -n a2.test "$(pub a2)"; }
	# a pull queued behind eight runs waits for M0: the default idle
	# timeout, not this scenario's short one
	KITH_PAIR_TIMEOUT_SCALE=$(scaled 1) pull "$n" "127.0.0.1:$SPORT" \
	    >"$OBJ/par$i.out" 2>"$OBJ/par$i.err" &
	pids="$pids $!"
done
fails=0
for p in $pids; do wait "$p" || fails=$((fails + 1)); done
check "twelve concurrent pulls all succeed" [ "$fails" -eq 0 ]
[ "$fails" -eq 0 ] || cat "$OBJ"/par*.err | sed 's/^/#  /'
expect_exit 0 "a's store still loads" V a -c b.test -f "$(pub b)"
stop_serve a

# -m k: the peer's key must be trusted by k independent signers, as
# kith-verify -m k asks (a key a node vouched for itself needs no other).
# p trusts q through introducers r and s; q trusts p through t only.
for n in p q r s t; do node "$n"; done
for n in r s; do
	sign p -D 1 -n "$n.test" "$(pub "$n")"
	sign "$n" -n q.test "$(pub q)"
done
sign q -D 1 -n t.test "$(pub t)"
sign t -n p.test "$(pub p)"
for n in r s t; do kith-share -d "$OBJ/$n" export -o "$OBJ/$n.bundle"; done
kith-share -d "$OBJ/p" import "$OBJ/r.bundle" "$OBJ/s.bundle" >/dev/null
kith-share -d "$OBJ/q" import "$OBJ/t.bundle" >/dev/null
expect_exit 0 "p trusts q through two signers" \
    V p -m 2 -c q.test -f "$(pub q)"
expect_exit 1 "q trusts p through one" V q -m 2 -c p.test -f "$(pub p)"
start_serve p -v -m 2 || notok "p serves with -m 2"
expect_exit 0 "q pulls from p's -m 2 serve" pull q "127.0.0.1:$SPORT"
expect_exit 1 "q pulling with -m 2 refuses p (one signer)" \
    pull q -m 2 "127.0.0.1:$SPORT"
check "... saying so in one line" \
    error_line "$OBJ/err" "not trusted here by enough independent signers"
stop_serve p
start_serve p -v -m 3 || notok "p serves with -m 3"
sq=$(peer_sum q)
expect_exit 1 "p serving with -m 3 refuses q (two signers)" \
    pull q "127.0.0.1:$SPORT"
check "p's log says why" \
    serve_log_has p "not trusted here by enough independent signers"
check "q's store is unchanged" [ "$(peer_sum q)" = "$sq" ]
stop_serve p
for m in 0 256 x ""; do
	expect_exit 2 "pull -m '$m'" pull q -m "$m" 127.0.0.1
	check "... names it" grep -q "^kith-share: -m $m: threshold is" "$OBJ/err"
	expect_exit 2 "serve -m '$m'" timeout "$(scaled 10)" \
	    kith-share -d "$OBJ/p" serve -m "$m" -l 127.0.0.1 -p 0
done
check "q's store is unchanged by those" [ "$(peer_sum q)" = "$sq" ]
