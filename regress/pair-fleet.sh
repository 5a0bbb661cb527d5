#!/bin/bash
# The fifth node: a trusts b, c and d (and they trust a as an
# introducer); x pairs once with a; x then trusts the fleet, and b, c
# and d trust x once they import a's next bundle.  ssh agrees.
. "$(dirname "$0")/test-exec.sh"
. "$REGRESS/pair-exec.inc"
for n in a b c d e; do node "$n"; done
host_node x	# x uses an sshd host key as its identity
fleet4
kith-share -d "$OBJ/a" export -o "$OBJ/a.1"
for n in b c d; do kith-share -d "$OBJ/$n" import "$OBJ/a.1" >/dev/null; done
expect_exit 0 "before: b trusts c through a" V b -c c.test -f "$(pub c)"
expect_exit 1 "before: b does not know x" V b -c x.test -f "$(pub x)"

# the one manual step: a code read from a to x
start_offer a -n x.test || notok "a offers"
expect_exit 0 "x joins a, giving a depth 1" \
    join x -D 1 -n a.test "127.0.0.1:$PORT" "$CODE"
wait_offer
check "a's offer exits 0" [ "$OFFER_RC" -eq 0 ]
for n in a b c d; do
	expect_exit 0 "x trusts $n.test at once (a's bundle)" \
	    V x -c "$n.test" -f "$(pub "$n")"
done
expect_exit 0 "a trusts x" V a -c x.test -f "$(pub x)"

# the others learn of x through a's next bundle
kith-share -d "$OBJ/a" export -o "$OBJ/a.2"
for n in b c d; do
	kith-share -d "$OBJ/$n" import "$OBJ/a.2" >/dev/null
	expect_exit 0 "$n trusts x after importing a's bundle" \
	    V "$n" -c x.test -f "$(pub x)"
done
kith-share -d "$OBJ/e" import "$OBJ/a.2" >/dev/null
expect_exit 1 "e, which trusts nobody, does not trust x" \
    V e -c x.test -f "$(pub x)"
expect_exit 1 "x's key is not trusted for another name" \
    V b -c b.test -f "$(pub x)"
for n in a b c d x; do
	V "$n" -o "$OBJ/kh_$n"
	others=0
	for m in a b c d x; do
		[ "$m" != "$n" ] && grep -q "^$m\.test ssh-ed25519 " \
		    "$OBJ/kh_$n" && others=$((others + 1))
	done
	check "$n's known_hosts holds the four others" [ "$others" -eq 4 ]
done
if start_sshd x "$OBJ/x_host"; then
	check "ssh from b to x's sshd passes host key checking" \
	    ssh_hostkey_ok x.test -o UserKnownHostsFile="$OBJ/kh_b"
	check "... but not under another host's name" \
	    ! ssh_hostkey_ok b.test -o UserKnownHostsFile="$OBJ/kh_b"
else
	ok "# SKIP sshd cannot run here"
	ok "# SKIP sshd cannot run here"
fi
