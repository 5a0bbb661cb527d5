#!/bin/bash
# The main job over the network: a trusts b, c and d and they trust a as
# an introducer; x pairs once with a (offer/join), then one pull round
# (b, c, d, x pull from a's serve) and every node trusts every other,
# ssh from b to x's sshd passes with StrictHostKeyChecking=yes, and e,
# which nobody trusts, is refused by the serve.
. "$(dirname "$0")/test-exec.sh"
. "$REGRESS/pair-exec.inc"
for n in a b c d e; do node "$n"; done
host_node x	# x uses an sshd host key as its identity
fleet4
start_serve a || { notok "a serves"; exit 0; }
for n in b c d; do
	expect_exit 0 "$n pulls from a" pull "$n" "127.0.0.1:$SPORT"
done
expect_exit 0 "b trusts c through a" V b -c c.test -f "$(pub c)"

# the one manual step: a code read from a to x
start_offer a -n x.test || notok "a offers"
expect_exit 0 "x joins a, giving a depth 1" \
    join x -D 1 -n a.test "127.0.0.1:$PORT" "$CODE"
wait_offer
check "a's offer exits 0" [ "$OFFER_RC" -eq 0 ]

# one pull round: nobody types anything
for n in b c d x; do
	expect_exit 0 "$n pulls from a" pull "$n" "127.0.0.1:$SPORT"
done
expect_exit 1 "e, which a does not trust, is refused" \
    pull e "127.0.0.1:$SPORT"
check "e stored nothing" [ ! -e "$OBJ/e/vouches" ]
for n in a b c d x; do
	V "$n" -o "$OBJ/kh_$n"
	others=0
	for m in a b c d x; do
		[ "$m" != "$n" ] &&
		    V "$n" -c "$m.test" -f "$(pub "$m")" >/dev/null &&
		    grep -q "^$m\.test ssh-ed25519 " "$OBJ/kh_$n" &&
		    others=$((others + 1))
	done
	check "$n trusts the four others, and its known_hosts has them" \
	    [ "$others" -eq 4 ]
done
expect_exit 1 "e trusts nobody" V e -c x.test -f "$(pub x)"
if start_sshd x "$OBJ/x_host"; then
	check "ssh from b to x's sshd passes (StrictHostKeyChecking=yes)" \
	    ssh_hostkey_ok x.test -o UserKnownHostsFile="$OBJ/kh_b"
	check "... but not under another host's name" \
	    ! ssh_hostkey_ok b.test -o UserKnownHostsFile="$OBJ/kh_b"
else
	ok "# SKIP sshd cannot run here"
	ok "# SKIP sshd cannot run here"
fi
stop_serve a
