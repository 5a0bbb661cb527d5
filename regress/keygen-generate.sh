#!/bin/bash
# kith-keygen makes keys: default place and modes, ssh-keygen's report,
# no silent overwrite, passphrase protection, read-aloud words and card.
. "$(dirname "$0")/test-exec.sh"

expect_exit 0 "new key in the default place" kith-keygen -N '' -C me@there
check "kith dir created 0700" [ "$(stat -c %a "$KITH_DIR")" = 700 ]
check "private key 0600" [ "$(stat -c %a "$KITH_DIR/id_ed25519")" = 600 ]
check "public key 0644" [ "$(stat -c %a "$KITH_DIR/id_ed25519.pub")" = 644 ]
fp=$(ssh-keygen -l -f "$KITH_DIR/id_ed25519.pub" | cut -d' ' -f2)
{
	echo "Generating public/private ed25519 key pair."
	echo "Your identification has been saved in $KITH_DIR/id_ed25519"
	echo "Your public key has been saved in $KITH_DIR/id_ed25519.pub"
	echo "The key fingerprint is:"
	echo "$fp me@there"
	echo "The key's randomart image is:"
	ssh-keygen -lv -f "$KITH_DIR/id_ed25519.pub" | tail -n 11
} >"$OBJ/want"
same_file "the report is ssh-keygen's" "$OBJ/want" "$OBJ/out"

cp "$KITH_DIR/id_ed25519" "$OBJ/before"
expect_exit 2 "refuses to overwrite an existing key" kith-keygen -N '' -q
same_file "the existing key is untouched" "$OBJ/before" "$KITH_DIR/id_ed25519"
check "the refusal names the file" grep -q "$KITH_DIR/id_ed25519" "$OBJ/err"
rm "$KITH_DIR/id_ed25519"
expect_exit 2 "refuses when only the .pub exists" kith-keygen -N '' -q
check "nothing new written" [ ! -e "$KITH_DIR/id_ed25519" ]

expect_exit 0 "-q is quiet" kith-keygen -q -N '' -f "$OBJ/q"
check "-q printed nothing" [ ! -s "$OBJ/out" ]
expect_exit 0 "-d DIR puts the key in DIR" kith-keygen -q -N '' -d "$OBJ/d2"
check "-d created DIR/id_ed25519" [ -f "$OBJ/d2/id_ed25519" ]

# passphrase protection (kith's own format)
expect_exit 0 "passphrase-protected key" \
    kith-keygen -q -N 'correct horse' -C prot -f "$OBJ/prot"
expect_exit 0 "-y with the right passphrase" \
    kith-keygen -y -P 'correct horse' -f "$OBJ/prot"
check "-y prints the public line" \
    grep -q "^$(cut -d' ' -f1,2 "$OBJ/prot.pub") prot$" "$OBJ/out"
expect_exit 2 "-y with a wrong passphrase" kith-keygen -y -P wrong -f "$OBJ/prot"
check "wrong passphrase says so" grep -qi passphrase "$OBJ/err"
sed '1d;$d' "$OBJ/prot" | base64 -d >"$OBJ/prot.bin"
check "the file names kith's cipher" \
    grep -qa 'xchacha20-poly1305@kith' "$OBJ/prot.bin"
check "the file names kith's KDF" grep -qa 'argon2id@kith' "$OBJ/prot.bin"
check "the comment is not in clear" ! grep -qa prot "$OBJ/prot.bin"
expect_exit 255 "ssh-keygen cannot read the protected key" \
    ssh-keygen -y -P 'correct horse' -f "$OBJ/prot"
kith-keygen -l -f "$OBJ/prot" >"$OBJ/got"
ssh-keygen -l -f "$OBJ/prot.pub" >"$OBJ/want"
same_file "-l on a protected key needs no passphrase" "$OBJ/want" "$OBJ/got"

# read-aloud words and the paper card
expect_exit 0 "-w prints read-aloud words" kith-keygen -w -f "$OBJ/q.pub"
check "-w: fingerprint then 16 words" \
    [ "$(tail -n 1 "$OBJ/out" | wc -w)" -eq 16 ]
kith-keygen -w -f "$OBJ/q" >"$OBJ/w2"
same_file "-w is the same for the private key" "$OBJ/out" "$OBJ/w2"
expect_exit 0 "-c prints a card" kith-keygen -c -n host.example.com \
    -f "$OBJ/q.pub"
check "card has the host name" grep -q host.example.com "$OBJ/out"
check "card has the fingerprint" \
    grep -qF "$(ssh-keygen -l -f "$OBJ/q.pub" | cut -d' ' -f2)" "$OBJ/out"
check "card has the randomart" grep -qF "+----[SHA256]-----+" "$OBJ/out"
tail -n 1 "$OBJ/w2" | sed 's/  /\n/g' >"$OBJ/groups"
check "-w prints four groups of four words" \
    [ "$(awk 'NF == 4' "$OBJ/groups" | wc -l)" -eq 4 ]
bad=0
while read -r g; do grep -qF "    $g" "$OBJ/out" || bad=1; done <"$OBJ/groups"
check "card has the words, a group a line" [ $bad -eq 0 ]

# options of another mode are usage errors that write nothing: -r is
# -R's, -E and -v -l's, -n -c's, -P -y's and -R's; -C, -N and -q make keys
kith-keygen -q -N '' -C syn -f "$OBJ/syn"
i=0
for o in "-r retired" "-E md5" "-E sha256" "-v" "-n host" "-P pass"; do
	i=$((i + 1))
	# shellcheck disable=SC2086
	expect_exit 2 "kith-keygen -q -N '' $o -f NEW is a usage error" \
	    kith-keygen -q -N '' $o -f "$OBJ/foreign$i"
	check "... writing nothing" eval '[ ! -e "$OBJ/foreign$i" ] &&
	    [ ! -e "$OBJ/foreign$i.pub" ] && [ ! -e "$OBJ/foreign$i.revoke" ]'
done
check "... and printing the usage" grep -q "^usage: kith-keygen" "$OBJ/err"
for o in "-l -q" "-l -C c" "-y -N x" "-R -C c" "-w -v" "-c -E md5" \
    "-B -n h" "-S $OBJ/q -r retired"; do
	# shellcheck disable=SC2086
	expect_exit 2 "kith-keygen $o -f KEY is a usage error" \
	    kith-keygen $o -f "$OBJ/syn"
	check "... printing nothing on stdout" [ ! -s "$OBJ/out" ]
done
# every form of the SYNOPSIS, with all its options
for o in "-l -v -E md5" "-l -E sha256" "-B" "-y -P x" "-w" "-c -n h" \
    "-R -P x -r retired" "-S $OBJ/q"; do
	# shellcheck disable=SC2086
	expect_exit 0 "kith-keygen $o -f file works" kith-keygen $o \
	    -f "$OBJ/syn"
done
expect_exit 0 "kith-keygen -q -C -N -d works" \
    kith-keygen -q -C syn -N '' -d "$OBJ/syndir"

# nothing is written on error, not even the kith directory: no terminal
# for a passphrase, a comment over 1024 bytes, an empty -d
expect_exit 2 "no passphrase possible (stdin and no tty)" \
    env KITH_DIR="$OBJ/stray1" setsid -w kith-keygen </dev/null
check "... makes no kith directory" [ ! -e "$OBJ/stray1" ]
expect_exit 2 "a 1025-byte comment" kith-keygen -N '' -d "$OBJ/stray2" \
    -C "$(head -c 1025 /dev/zero | tr '\0' c)"
check "... makes no kith directory" [ ! -e "$OBJ/stray2" ]
check "... and says why in one line" error_line "$OBJ/err" "comment"
expect_exit 2 "-d '' is an error" env KITH_DIR="$OBJ/stray3" \
    kith-keygen -q -N '' -d ''
check "... naming -d in one line" error_line "$OBJ/err" "^kith-keygen: -d: "
check "... and does not fall back to KITH_DIR" [ ! -e "$OBJ/stray3" ]
