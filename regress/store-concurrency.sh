#!/bin/bash
# The store under twenty concurrent writers and under kill -9 at random
# instants: nothing committed is lost, the store always loads.
. "$(dirname "$0")/test-exec.sh"
kith-keygen -q -N '' -C signer
N=20
for i in $(seq 1 $N); do
	ssh-keygen -q -t ed25519 -N '' -C "p$i" -f "$OBJ/p$i"
done

# twenty kith-sign at once
for i in $(seq 1 $N); do
	kith-sign -y -q -n "p$i.test" "$OBJ/p$i.pub" &
done
wait
check "$N concurrent signers: $N vouches stored" \
    [ "$(grep -c . "$KITH_DIR/vouches")" -eq $N ]
kith-share import -n "$KITH_DIR/vouches" >/dev/null 2>"$OBJ/err"
check "every stored line is a valid vouch" [ $? -eq 0 ]
for i in $(seq 1 $N); do
	ssh-keygen -L -f <(sed -n "${i}p" "$KITH_DIR/vouches") |
	    sed -n 's/.*Serial: //p'
done | sort -n | uniq >"$OBJ/serials"
check "serials are unique per signer" [ "$(wc -l <"$OBJ/serials")" -eq $N ]

# twenty imports at once into another store
mkdir -p "$OBJ/single"
for i in $(seq 1 $N); do
	sed -n "${i}p" "$KITH_DIR/vouches" >"$OBJ/single/$i"
done
export KITH_DIR2=$OBJ/other
for i in $(seq 1 $N); do
	kith-share -d "$KITH_DIR2" import "$OBJ/single/$i" >/dev/null &
done
wait
check "$N concurrent imports: the union is stored" \
    [ "$(sort "$KITH_DIR2/vouches" | cut -d' ' -f2)" = \
    "$(sort "$KITH_DIR/vouches" | cut -d' ' -f2)" ]

# kill -9 at random instants
ITER=${KITH_CRASH_ITER:-100}
lost=0 broken=0
for i in $(seq 1 "$ITER"); do
	before=$(grep -c . "$KITH_DIR/vouches")
	kith-sign -y -q -n "crash$i.test" "$OBJ/p$(( (i % N) + 1 )).pub" &
	pid=$!
	sleep "0.00$((RANDOM % 10))"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	after=$(grep -c . "$KITH_DIR/vouches")
	[ "$after" -ge "$before" ] || lost=$((lost + 1))
	kith-share import -n "$KITH_DIR/vouches" >/dev/null 2>&1 ||
	    broken=$((broken + 1))
done
check "kill -9 x$ITER: nothing committed lost" [ $lost -eq 0 ]
check "kill -9 x$ITER: the store always loads" [ $broken -eq 0 ]
