#!/bin/bash
# A man in the middle: a transparent relay pairs; one flipped byte at a
# sample of positions across M0..M5 (headers, nonces, shares, tags,
# stream headers, frame lengths, ciphertexts, MACs) stores nothing on
# either side and ends with a clear error.  (Once the join has sent M5
# it records the sequence number of the bundle in it, as export does;
# that is all that moves.)  A flip in M6 reaches the join only after the
# offer committed, as PROTOCOL.kith says: the join stores nothing and a
# rerun completes it.  Every single-bit flip of a
# whole run is in regress/unit/pairproto (test_tamper.c).
. "$(dirname "$0")/test-exec.sh"
. "$REGRESS/pair-exec.inc"
export KITH_PAIR_TIMEOUT_SCALE=0.1	# 1 s idle, 3 s to confirm, 12 s
for n in a b c d; do node "$n"; done
kith-sign -d "$OBJ/a" -y -q -n c.test "$(pub c)"
kith-sign -d "$OBJ/b" -y -q -n d.test "$(pub d)"

# start_relay [MSG:OFF[:MASK]...]: the relay to the offer's $PORT, its own
# port in $RPORT, its report in $OBJ/relay.out.
start_relay() {
	rm -f "$OBJ/relay.out"
	"$PAIRNET" relay 0 "$PORT" "$@" >"$OBJ/relay.out" &
	RELAY_PID=$!
	for _ in $(seq 1 200); do
		RPORT=$(sed -n 's/^port //p' "$OBJ/relay.out" 2>/dev/null)
		[ -n "$RPORT" ] && return 0
		sleep 0.02
	done
	return 1
}
# settle: the offer has exited ($OFFER_RC) or has dropped the run as
# malformed and waits on (killed here, OFFER_RC=waits).
settle() {
	for _ in $(seq 1 100); do
		offer_alive || { wait_offer; return; }
		grep -q "not counted as an attempt" "$OBJ/offer.err" && break
		sleep 0.05
	done
	kill "$OFFER_PID" 2>/dev/null
	wait "$OFFER_PID" 2>/dev/null
	OFFER_RC=waits
}
via_relay() {	# B joins through the relay; its exit status in $JOIN_RC
	join "${1:-b}" -n a.test "127.0.0.1:$RPORT" "$CODE" >/dev/null \
	    2>"$OBJ/join.err"
	JOIN_RC=$?
	wait "$RELAY_PID"
}

# the layout of a run, from copies: a pairing grows the stores, and so
# its messages, and the flips below need the layout of runs that fail
cp -a "$OBJ/a" "$OBJ/a0"
cp -a "$OBJ/b" "$OBJ/b0"
start_offer a0 -n b.test || notok "the offer starts"
start_relay || notok "the relay starts"
via_relay b0
wait_offer
check "through a transparent relay the pairing succeeds" \
    eval '[ "$JOIN_RC" -eq 0 ] && [ "$OFFER_RC" -eq 0 ]'
cp "$OBJ/relay.out" "$OBJ/layout"
dirs=$(awk '/^msg/ { printf "%s ", $3 }' "$OBJ/layout")
check "seven messages, in turn (M0..M6: $dirs)" \
    [ "$dirs" = "offer join offer join offer join offer " ]
len() { awk -v m="$1" '$1 == "msg" && $2 == m { print $5 }' "$OBJ/layout"; }
start() { awk -v m="$1" '$1 == "msg" && $2 == m { print $4 }' "$OBJ/layout"; }
check "M0, M1, M2 are 26, 58 and 64 bytes; M6 22" \
    [ "$(len 0) $(len 1) $(len 2) $(len 6)" = "26 58 64 22" ]
total=$(sed -n 's/^total //p' "$OBJ/layout")
echo "# bytes on the wire for one pairing: $total"

# at MSG OFFSET [MASK]: the relay's flip of byte OFFSET of message MSG
# (negative: from its end; "mid": about its middle; bundles are
# compressed, so later messages vary by a few bytes from run to run)
at() {
	local o=$2
	[ "$o" = mid ] && o=$(($(len "$1") / 2))
	echo "$1:$o${3:+:$3}"
}
flips=(
	"0 0" "0 7" "0 8" "0 9" "0 10" "0 -1"		# hdr, version, suite, flags, nA
	"1 0" "1 9" "1 10" "1 26" "1 -1"		# hdr, flags, nB, Ya
	"2 0" "2 31" "2 32" "2 -1"			# Yb, tagA
	"3 0" "3 31" "3 32" "3 55"			# tagB, ssHdr
	"3 56 80" "3 59" "3 60" "3 mid" "3 -1"		# length, ciphertext, MAC
	"4 0" "4 23" "4 24 ff" "4 27" "4 28" "4 mid" "4 -1"
	"5 0" "5 3" "5 4" "5 mid" "5 -1"
)
for f in "${flips[@]}"; do
	# shellcheck disable=SC2086
	pos=$(at $f)
	mo=$(echo "$pos" | cut -d: -f1,2)
	sa=$(store_sum a)
	sb=$(peer_sum b)
	start_offer a -n b.test || notok "the offer starts"
	start_relay "$pos" || notok "the relay starts"
	via_relay
	settle
	err=$(cat "$OBJ/join.err")
	if [ "$JOIN_RC" -ne 0 ] && [ "$OFFER_RC" != 0 ] &&
	    [ "$(store_sum a)" = "$sa" ] && [ "$(peer_sum b)" = "$sb" ] &&
	    grep -q "^flipped $mo at " "$OBJ/relay.out" &&
	    one_line_error "$OBJ/join.err"; then
		ok "flip in M${f%% *} at ${f#* } ($pos): nothing stored;" \
		    "join $JOIN_RC: ${err#kith-share: }; offer $OFFER_RC"
	else
		notok "flip in M${f%% *} at ${f#* } ($pos): join" \
		    "$JOIN_RC, offer $OFFER_RC"
		sed 's/^/#  /' "$OBJ/join.err" "$OBJ/offer.err"
	fi
done

# M6: the offer has committed before it sends M6; the join has not
for o in 0 4 -1; do
	pos=$(at 6 "$o")
	rm -rf "$OBJ/a6" "$OBJ/b6"
	cp -a "$OBJ/a" "$OBJ/a6"
	cp -a "$OBJ/b" "$OBJ/b6"
	start_offer a6 -n b.test || notok "the offer starts"
	start_relay "$pos" || notok "the relay starts"
	via_relay b6
	wait_offer
	check "flip in M6 at $o: the join fails ($JOIN_RC) and stores nothing" \
	    eval '[ "$JOIN_RC" -eq 1 ] &&
	    [ "$(peer_sum b6)" = "$(peer_sum b)" ]'
	check "... the offer committed before M6 and exits 0" \
	    eval '[ "$OFFER_RC" -eq 0 ] &&
	    [ "$(store_sum a6)" != "$(store_sum a)" ]'
	expect_exit 1 "... b6 does not trust a yet" \
	    kith-verify -d "$OBJ/b6" -c a.test -f "$(pub a)"
	start_offer a6 -n b.test || notok "the offer starts"
	expect_exit 0 "... a rerun completes it" \
	    join b6 -n a.test "127.0.0.1:$PORT" "$CODE"
	wait_offer
	expect_exit 0 "... then b6 trusts a" \
	    kith-verify -d "$OBJ/b6" -c a.test -f "$(pub a)"
done

# the stores are intact: one more pairing, and both trust each other
start_offer a -n b.test || notok "the offer starts"
start_relay || notok "the relay starts"
via_relay
wait_offer
check "a last pairing through the relay succeeds" \
    eval '[ "$JOIN_RC" -eq 0 ] && [ "$OFFER_RC" -eq 0 ]'
expect_exit 0 "a trusts b" kith-verify -d "$OBJ/a" -c b.test -f "$(pub b)"
expect_exit 0 "b trusts a" kith-verify -d "$OBJ/b" -c a.test -f "$(pub a)"
