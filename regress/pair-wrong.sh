#!/bin/bash
# Pairing codes that fail: a wrong code burns the offer and stores
# nothing; a typo is caught before connecting; -a 3 allows three
# failures; the TTL ends an offer.
. "$(dirname "$0")/test-exec.sh"
. "$REGRESS/pair-exec.inc"
for n in a b; do node "$n"; done
kith-sign -d "$OBJ/a" -y -q -n b.test "$(pub b)"	# stores are not empty
sum_a=$(store_sum a)
sum_b=$(store_sum b)
unchanged() { [ "$(store_sum a)" = "$sum_a" ] && [ "$(store_sum b)" = "$sum_b" ]; }
destroyed="wrong code or an attack; the code is destroyed"

# a wrong code with a valid check digit
start_offer a -n b.test || notok "the offer starts"
wrong=$(wrong_code "$CODE")
expect_exit 1 "a wrong code: join exits 1" \
    join b -n a.test "127.0.0.1:$PORT" "$wrong"
check "... saying \"$destroyed\", naming the offer" \
    grep -q "^kith-share: 127.0.0.1:$PORT: $destroyed\$" "$OBJ/err"
check "... in one line" one_line_error "$OBJ/err"
wait_offer 10
check "the offer exits 1" [ "$OFFER_RC" -eq 1 ]
check "... saying \"$destroyed\", naming the joiner" \
    grep -q "^kith-share: 127.0.0.1:[0-9]*: $destroyed\$" "$OBJ/offer.err"
check "nothing was stored on either side" unchanged
expect_exit 2 "the right code is refused afterwards (the offer is gone)" \
    join b -n a.test "127.0.0.1:$PORT" "$CODE"
check "nothing was stored on either side" unchanged

# a typo never reaches the offer
start_offer a -n b.test || notok "the offer starts"
expect_exit 2 "a mistyped code: join exits 2 before connecting" \
    join b -n a.test "127.0.0.1:$PORT" "$(typo_code "$CODE")"
check "... saying the check digit does not match" \
    grep -q "mistyped code (the check digit does not match); nothing was sent" \
    "$OBJ/err"
check "the offer still waits" offer_alive
check "... and saw no connection" [ "$(wc -l <"$OBJ/offer.err")" -eq 1 ]
check "nothing was stored" unchanged
expect_exit 0 "the right code still pairs (its one attempt was unused)" \
    join b -n a.test "127.0.0.1:$PORT" "$CODE"
wait_offer 10
check "the offer exits 0" [ "$OFFER_RC" -eq 0 ]
sum_a=$(store_sum a)
sum_b=$(store_sum b)

# -a 3: three wrong codes are allowed, then the offer is gone
start_offer a -a 3 -n b.test || notok "the offer starts"
for i in 1 2 3; do
	expect_exit 1 "-a 3: wrong code $i fails" \
	    join b -n a.test "127.0.0.1:$PORT" "$(wrong_code "$CODE" "$i")"
	[ "$i" -lt 3 ] && sleep 0.2 &&
	    check "... and the offer waits on ($((3 - i)) attempts left)" \
	    grep -q "($((3 - i)) of 3 attempts left)" "$OBJ/offer.err"
done
wait_offer 10
check "after the third the offer exits 1" [ "$OFFER_RC" -eq 1 ]
check "... saying \"$destroyed\", naming the joiner" \
    grep -q "^kith-share: 127.0.0.1:[0-9]*: $destroyed\$" "$OBJ/offer.err"
expect_exit 2 "a fourth connection, with the right code, is refused" \
    join b -n a.test "127.0.0.1:$PORT" "$CODE"
check "nothing was stored on either side" unchanged

# the TTL
start_offer a -t 2s -n b.test || notok "the offer starts"
t0=$(date +%s%N)
wait_offer 10
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
check "-t 2s: the offer exits 1 after 2 s ($ms ms)" \
    [ "$OFFER_RC" -eq 1 ] && [ "$ms" -gt 1500 ] && [ "$ms" -lt 3500 ]
check "... saying the code expired" grep -q "code expired" "$OBJ/offer.err"
expect_exit 2 "the code is refused after its TTL" \
    join b -n a.test "127.0.0.1:$PORT" "$CODE"
check "nothing was stored on either side" unchanged
