#!/bin/bash
# Bad bundles are refused with the store unchanged; twenty concurrent
# imports keep the union.  (Bombs, caps and a 1,000,000-record bundle:
# regress/unit/bundle.)
. "$(dirname "$0")/test-exec.sh"
for h in a b; do kith-keygen -q -N '' -C "$h" -d "$OBJ/$h"; done
ssh-keygen -q -t ed25519 -N '' -C x -f "$OBJ/x"
kith-sign -d "$OBJ/a" -y -q -n x.test "$OBJ/x.pub"
kith-share -d "$OBJ/a" export -o "$OBJ/good"
kith-share -d "$OBJ/a" export -a -o "$OBJ/good.txt"
kith-sign -d "$OBJ/b" -y -q -n seed.test "$OBJ/x.pub"
snapshot() { cat "$OBJ/b/vouches" "$OBJ/b/statements" "$OBJ/b/bundles" \
    2>/dev/null | sha256sum; }
before=$(snapshot)
len=$(stat -c %s "$OBJ/good")
bad=0
for n in $(seq 0 $((len - 1))); do
	head -c "$n" "$OBJ/good" >"$OBJ/t"
	kith-share -d "$OBJ/b" import "$OBJ/t" >/dev/null 2>&1
	[ $? -eq 2 ] || bad=$((bad + 1))
done
check "every truncation of a bundle is refused ($len)" [ $bad -eq 0 ]
bad=0
for n in $(seq 0 $((len - 1))); do
	cp "$OBJ/good" "$OBJ/t"
	b=$(od -An -tu1 -j "$n" -N1 "$OBJ/t")
	printf "\\$(printf %o $(( (b ^ (1 << (n % 8))) & 255 )))" |
	    dd of="$OBJ/t" bs=1 seek="$n" conv=notrunc 2>/dev/null
	kith-share -d "$OBJ/b" import "$OBJ/t" >/dev/null 2>&1
	[ $? -eq 2 ] || bad=$((bad + 1))
done
check "a flipped bit in every byte is refused ($len)" [ $bad -eq 0 ]
bad=0
lines=$(wc -l <"$OBJ/good.txt")
for n in $(seq 2 $((lines - 1))); do
	sed "${n}s/^\(.\)/\1\1/" "$OBJ/good.txt" >"$OBJ/t"
	kith-share -d "$OBJ/b" import "$OBJ/t" >/dev/null 2>&1
	[ $? -eq 2 ] || bad=$((bad + 1))
done
check "a damaged line in the armoured form is refused" [ $bad -eq 0 ]
# the header names b's key; the signature is a's
cp "$OBJ/good" "$OBJ/t"
cut -d' ' -f2 "$OBJ/b/id_ed25519.pub" | base64 -d | tail -c 32 >"$OBJ/bpk"
dd if="$OBJ/bpk" of="$OBJ/t" bs=1 seek=39 conv=notrunc 2>/dev/null
expect_exit 2 "a bundle signed by another key than it claims" \
    kith-share -d "$OBJ/b" import "$OBJ/t"
check "one line saying why" one_line_error "$OBJ/err"
check "the store is unchanged by every bad bundle" [ "$(snapshot)" = "$before" ]
expect_exit 0 "the good bundle imports" kith-share -d "$OBJ/b" import \
    "$OBJ/good.txt"

# twenty concurrent imports of twenty bundles
mkdir "$OBJ/nodes"
for i in $(seq 1 20); do
	kith-keygen -q -N '' -C "n$i" -d "$OBJ/nodes/$i"
	kith-sign -d "$OBJ/nodes/$i" -y -q -n "h$i.test" "$OBJ/x.pub"
	kith-share -d "$OBJ/nodes/$i" export -o "$OBJ/nodes/$i.bundle"
done
for i in $(seq 1 20); do
	kith-share -d "$OBJ/c" import "$OBJ/nodes/$i.bundle" >/dev/null &
done
wait
check "twenty concurrent imports: twenty vouches" \
    [ "$(grep -c . "$OBJ/c/vouches")" -eq 20 ]
check "... and twenty signers recorded" \
    [ "$(grep -c . "$OBJ/c/bundles")" -eq 20 ]
