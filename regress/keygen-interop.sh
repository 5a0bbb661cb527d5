#!/bin/bash
# Keys made by kith-keygen are read by ssh-keygen and agree with kith;
# kith reads ssh-keygen's unencrypted private keys and -y agrees.
. "$(dirname "$0")/test-exec.sh"
N=${KITH_INTEROP_KEYS:-50}
bad_y=0 bad_l=0 bad_pub=0 bad_mode=0
for i in $(seq 1 "$N"); do
	f=$OBJ/kith$i
	kith-keygen -q -C "kith key $i" -N '' -f "$f" || bad_y=$((bad_y + 1))
	[ "$(stat -c %a "$f")" = 600 ] || bad_mode=$((bad_mode + 1))
	ssh-keygen -y -f "$f" >"$OBJ/y.ssh" 2>&1
	kith-keygen -y -f "$f" >"$OBJ/y.kith" 2>&1
	cmp -s "$OBJ/y.ssh" "$OBJ/y.kith" || bad_y=$((bad_y + 1))
	# the .pub is the -y line (plus the comment) byte for byte
	cmp -s "$OBJ/y.ssh" "$f.pub" || bad_pub=$((bad_pub + 1))
	for file in "$f" "$f.pub"; do
		ssh-keygen -lv -f "$file" >"$OBJ/l.ssh" 2>&1
		kith-keygen -lv -f "$file" >"$OBJ/l.kith" 2>&1
		cmp -s "$OBJ/l.ssh" "$OBJ/l.kith" || bad_l=$((bad_l + 1))
	done
done
check "ssh-keygen -y reads $N kith keys, same as kith -y" [ $bad_y -eq 0 ]
check "kith .pub files equal ssh-keygen -y output" [ $bad_pub -eq 0 ]
check "ssh-keygen -lv agrees on $N kith keys and .pubs" [ $bad_l -eq 0 ]
check "kith private keys are mode 0600" [ $bad_mode -eq 0 ]

bad=0
for i in $(seq 1 "$N"); do
	f=$OBJ/ssh$i
	ssh-keygen -q -t ed25519 -N '' -C "ssh key $i" -f "$f"
	ssh-keygen -y -f "$f" >"$OBJ/y.ssh" 2>&1
	kith-keygen -y -f "$f" >"$OBJ/y.kith" 2>&1
	cmp -s "$OBJ/y.ssh" "$OBJ/y.kith" || bad=$((bad + 1))
done
check "kith -y reads $N ssh-keygen keys, same as ssh-keygen -y" [ $bad -eq 0 ]

# an empty comment: ssh-keygen -y prints no trailing space, .pub has one
ssh-keygen -q -t ed25519 -N '' -C '' -f "$OBJ/empty"
ssh-keygen -y -f "$OBJ/empty" >"$OBJ/want"
kith-keygen -y -f "$OBJ/empty" >"$OBJ/got"
same_file "-y with an empty comment" "$OBJ/want" "$OBJ/got"
kith-keygen -q -C '' -N '' -f "$OBJ/kempty"
check ".pub with an empty comment keeps OpenSSH's trailing space" \
    grep -q ' $' "$OBJ/kempty.pub"
