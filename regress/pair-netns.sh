#!/bin/bash
# One pairing and one sync between two network namespaces joined by a
# veth pair, when the test may make them (root, ip netns); else skipped.
. "$(dirname "$0")/test-exec.sh"
. "$REGRESS/pair-exec.inc"
ns1=kith$$a
ns2=kith$$b
net=10.213.$((RANDOM % 250)).
if [ "$(id -u)" -ne 0 ] || ! command -v ip >/dev/null ||
    ! ip netns add "$ns1" 2>/dev/null; then
	ok "# SKIP network namespaces need root and ip netns"
	exit 0
fi
trap 'kill $(jobs -p) 2>/dev/null; ip netns del "$ns1" 2>/dev/null
    ip netns del "$ns2" 2>/dev/null; rm -rf "$OBJ"' EXIT
if ! ip netns add "$ns2" ||
    ! ip link add "kp$$a" type veth peer name "kp$$b" ||
    ! ip link set "kp$$a" netns "$ns1" || ! ip link set "kp$$b" netns "$ns2" ||
    ! ip -n "$ns1" addr add "${net}1/24" dev "kp$$a" ||
    ! ip -n "$ns2" addr add "${net}2/24" dev "kp$$b" ||
    ! ip -n "$ns1" link set "kp$$a" up || ! ip -n "$ns2" link set "kp$$b" up ||
    ! ip -n "$ns1" link set lo up || ! ip -n "$ns2" link set lo up; then
	ok "# SKIP cannot link two network namespaces here"
	exit 0
fi
for n in a b; do node "$n"; done
OFFER_WRAP="ip netns exec $ns1" start_offer a -v -l "${net}1" -n b.test ||
    notok "a offers in $ns1"
expect_exit 2 "from $ns2 nothing listens on 127.0.0.1 (separate stacks)" \
    ip netns exec "$ns2" kith-share -d "$OBJ/b" join -n a.test \
    "127.0.0.1:$PORT" "$CODE"
expect_exit 0 "b joins from $ns2 across the veth link" \
    ip netns exec "$ns2" kith-share -d "$OBJ/b" join -v -n a.test \
    "${net}1:$PORT" "$CODE"
check "... reaching the offer from ${net}2" grep -q "${net}2:" "$OBJ/offer.err"
wait_offer
check "the offer in $ns1 exits 0" [ "$OFFER_RC" -eq 0 ]
expect_exit 0 "a trusts b" kith-verify -d "$OBJ/a" -c b.test -f "$(pub b)"
expect_exit 0 "b trusts a" kith-verify -d "$OBJ/b" -c a.test -f "$(pub a)"

# sync across the link: a serves in ns1, b pulls from ns2
node c
kith-sign -d "$OBJ/a" -y -q -n c.test "$(pub c)"
OFFER_WRAP="ip netns exec $ns1" start_serve a -v -l "${net}1" ||
    notok "a serves in $ns1"
expect_exit 0 "b pulls from $ns2 across the veth link" \
    ip netns exec "$ns2" kith-share -d "$OBJ/b" pull "${net}1:$SPORT"
check "... getting a's new vouch for c" grep -q "added vouch: c.test" \
    "$OBJ/out"
check "a's serve logs the sync from ${net}2" \
    serve_log_has a "^kith-share: ${net}2:[0-9]*: synced with"
stop_serve a
