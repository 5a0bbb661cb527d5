#!/bin/bash
# Hostile clients of an offer: slow ones are cut off at the absolute
# deadlines; parallel connections are refused and garbage or truncated
# ones dropped, all without using the attempt; 32 of them end the offer.
# KITH_PAIR_TIMEOUT_SCALE (test only) shortens the 10/30/120 s timeouts.
. "$(dirname "$0")/test-exec.sh"
. "$REGRESS/pair-exec.inc"
for n in a b; do node "$n"; done
sum_a=$(store_sum a)
sum_b=$(store_sum b)
# secs FILE: the client's "closed after S.T s" as tenths of seconds
secs() { sed -n 's/^closed after \([0-9]*\)\.\([0-9]\).*/\1\2/p' "$1"; }
tenths() { local v=${1:-0}; echo "$((v / 10)).$((v % 10)) s"; }
pair_ok() {	# the right code still pairs: the attempt was not used
	expect_exit 0 "$1" join b -n a.test "127.0.0.1:$PORT" "$CODE"
	wait_offer 10
	check "... and the offer exits 0" [ "$OFFER_RC" -eq 0 ]
}

# 1 byte per second is cut off at 30 s (scaled 0.2: read 2 s, M0..M3 6 s)
export KITH_PAIR_TIMEOUT_SCALE=0.2
start_offer a -n b.test || notok "the offer starts"
"$PAIRNET" trickle "$PORT" 1000 >"$OBJ/trickle.out"
t=$(secs "$OBJ/trickle.out")
check "a 1 byte/s client is cut at the M0..M3 deadline: 6 s ($(tenths "$t"))" \
    [ -n "$t" ] && [ "$t" -ge 55 ] && [ "$t" -le 75 ]
check "... not counted as an attempt" \
    grep -q "timed out (not counted as an attempt)" "$OBJ/offer.err"
check "nothing was stored" [ "$(store_sum a)" = "$sum_a" ]
pair_ok "the offer still pairs afterwards"
sum_a=$(store_sum a)
sum_b=$(store_sum b)

# a join that trickles its M5: cut off at 120 s (scaled 0.05: 6 s)
KITH_PAIR_TIMEOUT_SCALE=0.05
start_offer a -n b.test || notok "the offer starts"
"$PAIRNET" slowjoin "$PORT" "$CODE" 100 >"$OBJ/slow.out"
t=$(secs "$OBJ/slow.out")
check "a join trickling M5 is cut at the session deadline: 6 s ($(tenths "$t"))" \
    [ -n "$t" ] && [ "$t" -ge 55 ] && [ "$t" -le 80 ]
wait_offer 10
check "... its attempt is spent: the offer exits 1" [ "$OFFER_RC" -eq 1 ]
check "... saying it timed out" \
    grep -q "timed out; the code is destroyed" "$OBJ/offer.err"
check "nothing was stored" [ "$(store_sum a)" = "$sum_a" ]

# a connection while another runs is refused and costs nothing
KITH_PAIR_TIMEOUT_SCALE=0.2
start_offer a -n b.test || notok "the offer starts"
"$PAIRNET" idle "$PORT" >"$OBJ/idle.out" &
idle=$!
sleep 0.3
expect_exit 2 "a join while another client holds the offer is refused" \
    join b -n a.test "127.0.0.1:$PORT" "$CODE"
check "... and told the offer is busy" grep -q "offer is busy" "$OBJ/err"
check "... the offer says it refused one" \
    grep -q "refused: a pairing is in progress" "$OBJ/offer.err"
wait "$idle"
t=$(secs "$OBJ/idle.out")
check "the silent client is cut at the read timeout: 2 s ($(tenths "$t"))" \
    [ -n "$t" ] && [ "$t" -ge 18 ] && [ "$t" -le 30 ]
check "nothing was stored" eval '[ "$(store_sum a)" = "$sum_a" ] &&
    [ "$(store_sum b)" = "$sum_b" ]'
pair_ok "then the right code pairs: neither used the attempt"
sum_a=$(store_sum a)

# garbage and truncation are dropped and cost nothing
start_offer a -n b.test || notok "the offer starts"
junk=$(printf '%0116d' 0 | tr 0 a)
"$PAIRNET" raw "$PORT" "$junk" >/dev/null
"$PAIRNET" raw "$PORT" "4b4954482d53480101" shut >/dev/null	# half an M1
"$PAIRNET" raw "$PORT" "4b4954482d5348020100$(printf '%096d' 0)" \
    >/dev/null						# version 2
"$PAIRNET" raw "$PORT" "" shut >/dev/null			# nothing at all
exec 3<>"/dev/tcp/127.0.0.1/$PORT"				# bash alone
echo "GET / HTTP/1.0" >&3
exec 3>&-
sleep 0.2
sleep 0.2
check "five bad clients, none counted as an attempt" \
    [ "$(grep -c "not counted as an attempt" "$OBJ/offer.err")" -eq 5 ]
check "... the reasons given" grep -q "wrong magic" "$OBJ/offer.err"
check "nothing was stored" [ "$(store_sum a)" = "$sum_a" ]
pair_ok "the offer still pairs afterwards"
sum_a=$(store_sum a)

# 32 malformed connections end the offer
start_offer a -n b.test || notok "the offer starts"
for i in $(seq 1 32); do "$PAIRNET" raw "$PORT" "$junk" >/dev/null; done
wait_offer 10
check "after 32 malformed connections the offer exits 1" \
    [ "$OFFER_RC" -eq 1 ]
check "... saying why" grep -q "32 malformed connections" "$OBJ/offer.err"
check "nothing was stored" [ "$(store_sum a)" = "$sum_a" ]
