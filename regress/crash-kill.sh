#!/bin/bash
# kill -9 at random instants of kith-share import and kith-verify -o: the
# store always loads, nothing committed is lost, and no known_hosts is
# ever partial.
. "$(dirname "$0")/test-exec.sh"
kith-keygen -q -N '' -C me
ITER=${KITH_CRASH_ITER:-100}
mkdir "$OBJ/src"
for i in $(seq 1 20); do
	ssh-keygen -q -t ed25519 -N '' -C "p$i" -f "$OBJ/p$i"
	kith-sign -y -q -n "p$i.test" -o "$OBJ/src/$i.pub" "$OBJ/p$i.pub"
done
# imports into a second store, killed at random
export KITH_DIR2=$OBJ/two
lost=0 broken=0
for i in $(seq 1 "$ITER"); do
	before=$(grep -c . "$KITH_DIR2/vouches" 2>/dev/null || echo 0)
	kith-share -d "$KITH_DIR2" import "$OBJ/src/$(( (i % 20) + 1 )).pub" \
	    >/dev/null 2>&1 &
	pid=$!
	sleep "0.00$((RANDOM % 10))"
	kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
	after=$(grep -c . "$KITH_DIR2/vouches" 2>/dev/null || echo 0)
	[ "$after" -ge "$before" ] || lost=$((lost + 1))
	if [ -f "$KITH_DIR2/vouches" ]; then
		kith-share -d "$OBJ/scratch" import -n "$KITH_DIR2/vouches" \
		    >/dev/null 2>&1 || broken=$((broken + 1))
	fi
done
check "import killed x$ITER: nothing committed lost" [ $lost -eq 0 ]
check "import killed x$ITER: the store always loads" [ $broken -eq 0 ]

# known_hosts written by kith-verify -o, killed at random
kith-verify -o "$OBJ/kh" 2>/dev/null
full=$(cat "$OBJ/kh" | sha256sum)
partial=0
for i in $(seq 1 "$ITER"); do
	rm -f "$KITH_DIR/cache" "$KITH_DIR/trusted"
	kith-verify -o "$OBJ/kh" >/dev/null 2>&1 &
	pid=$!
	sleep "0.00$((RANDOM % 10))"
	kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
	[ "$(cat "$OBJ/kh" | sha256sum)" = "$full" ] || partial=$((partial + 1))
done
check "kith-verify -o killed x$ITER: known_hosts never partial" \
    [ $partial -eq 0 ]
expect_exit 0 "the store still loads" kith-verify
check "stray temp files only (no damage): the store is intact" \
    [ "$(grep -c . "$KITH_DIR/vouches")" -eq 20 ]
kith-share -d "$KITH_DIR2" import "$OBJ/src/1.pub" >/dev/null
check "the next writer sweeps the dead writers' temp files" \
    [ -z "$(ls "$KITH_DIR2" | grep -E '^(vouches|statements|bundles)\.')" ]
