#!/bin/bash
# The kith directory's troubles, each one line on stderr naming the file
# at fault, exit 2, nothing written: -d '', an identity file naming a key
# that is gone, store files that cannot be read; and kith-share's
# subcommands name themselves in getopt's messages.
. "$(dirname "$0")/test-exec.sh"
for n in k o; do kith-keygen -q -N '' -C "$n" -d "$OBJ/$n"; done
K=$OBJ/k
kith-sign -d "$K" -y -q -n o.test "$OBJ/o/id_ed25519.pub"
kith-sign -d "$OBJ/o" -y -q -n k.test "$K/id_ed25519.pub"
# o's bundle carries a statement too: importing it writes statements
kith-keygen -q -N '' -C z -f "$OBJ/z"
kith-keygen -R -f "$OBJ/z" >"$OBJ/z.revoke"
kith-share -d "$OBJ/o" import "$OBJ/z.revoke" >/dev/null
kith-share -d "$OBJ/o" export -o "$OBJ/o.bundle"
kith-share -d "$K" export -o "$OBJ/k.bundle"
snapshot() { cat "$K/vouches" "$K/statements" "$K/bundles" 2>/dev/null |
    sha256sum; }

# -d '' is an error everywhere, not KITH_DIR (which is empty)
mkdir -m 700 "$KITH_DIR"
# empty_d WANT TOOL [ARGS...]: TOOL -d '' ARGS exits 2 with one line
# matching WANT, and writes nothing in KITH_DIR
empty_d() {
	local want=$1 tool=$2; shift 2
	expect_exit 2 "$tool -d '' $*" "$tool" -d '' "$@"
	check "... says so in one line" error_line "$OBJ/err" "$want"
	check "... KITH_DIR untouched" [ -z "$(ls -A "$KITH_DIR")" ]
}
empty_d "^kith-verify: -d: the directory name is empty" kith-verify
empty_d "^kith-verify: -d: the directory name is empty" kith-verify \
    -c o.test -f "$OBJ/o/id_ed25519.pub"
empty_d "^kith-share: -d: the directory name is empty" kith-share \
    import "$OBJ/o.bundle"
empty_d "^kith-share: -d: the directory name is empty" kith-share export
# kith-sign (lib/kdir: an empty path names no directory)
empty_d "^kith-sign: kith directory: No such file" kith-sign -y -q \
    -n x.test "$OBJ/o/id_ed25519.pub"
empty_d "^kith-sign: kith directory: No such file" kith-sign -y -q \
    -k "$K/id_ed25519" -n x.test "$OBJ/o/id_ed25519.pub"

# an identity file naming a key that is not there
echo "$OBJ/gone" >"$K/identity"
want="$OBJ/gone: No such file or directory (named in $K/identity)\$"
sum=$(snapshot)
expect_exit 2 "kith-verify: the named key is gone" kith-verify -d "$K"
check "... says which, and where it is named" \
    error_line "$OBJ/err" "^kith-verify: $want"
expect_exit 2 "kith-verify -w: CRITICAL" kith-verify -d "$K" -w 7
check "... saying the same" error_line "$OBJ/out" "^KITH CRITICAL - $want"
expect_exit 2 "kith-share export: the named key is gone" \
    kith-share -d "$K" export -o "$OBJ/x.bundle"
check "... says which, and where it is named" \
    error_line "$OBJ/err" "^kith-share: $want"
check "... writes no bundle" [ ! -e "$OBJ/x.bundle" ]
expect_exit 2 "kith-share pull: the same" kith-share -d "$K" pull 127.0.0.1:1
check "... before connecting" error_line "$OBJ/err" "^kith-share: $want"
check "the store is unchanged" [ "$(snapshot)" = "$sum" ]
rm "$K/identity"
mv "$K/id_ed25519" "$K/id_ed25519.moved"
mv "$K/id_ed25519.pub" "$K/id_ed25519.pub.moved"
expect_exit 2 "no identity at all" kith-verify -d "$K"
check "... says how to make one" error_line "$OBJ/err" \
    "^kith-verify: $K/id_ed25519: no identity key: make one with kith-keygen"
mv "$K/id_ed25519.moved" "$K/id_ed25519"
mv "$K/id_ed25519.pub.moved" "$K/id_ed25519.pub"

# a store file that cannot be read: a directory in its place
kith-share -d "$K" import "$OBJ/k.bundle" >/dev/null 2>&1
: >"$K/statements"
sum=$(snapshot)
for f in vouches statements bundles lock; do
	mv "$K/$f" "$K/$f.saved"
	mkdir "$K/$f"
	if [ "$f" = vouches ] || [ "$f" = statements ]; then
		expect_exit 2 "kith-verify: $f is a directory" \
		    kith-verify -d "$K"
		check "... names it" error_line "$OBJ/err" \
		    "^kith-verify: $K/$f: .*directory"
		expect_exit 2 "kith-verify -c: the same" \
		    kith-verify -d "$K" -c o.test -f "$OBJ/o/id_ed25519.pub"
		check "... names it" error_line "$OBJ/err" \
		    "^kith-verify: $K/$f: .*directory"
	fi
	expect_exit 2 "kith-share import: $f is a directory" \
	    kith-share -d "$K" import "$OBJ/o.bundle"
	check "... names it" error_line "$OBJ/err" \
	    "^kith-share: $K/$f: .*directory"
	expect_exit 2 "kith-share export: $f is a directory" \
	    kith-share -d "$K" export -o "$OBJ/x.bundle"
	check "... names it" error_line "$OBJ/err" \
	    "^kith-share: $K/$f: .*directory"
	if [ "$f" = vouches ] || [ "$f" = lock ]; then	# what signing reads
		expect_exit 2 "kith-sign: $f is a directory" \
		    kith-sign -d "$K" -y -q -n p.test "$OBJ/z.pub"
		check "... names it" error_line "$OBJ/err" \
		    "^kith-sign: $K/$f: .*directory"
	fi
	if [ "$f" != bundles ]; then
		expect_exit 2 "kith-sign -r: $f is a directory" \
		    kith-sign -d "$K" -r -y "$OBJ/o/id_ed25519.pub"
		check "... names it" error_line "$OBJ/err" \
		    "^kith-sign: $K/$f: .*directory"
	fi
	rmdir "$K/$f"
	mv "$K/$f.saved" "$K/$f"
	check "... and nothing was written" eval \
	    '[ "$(snapshot)" = "$sum" ] && [ ! -e "$OBJ/x.bundle" ]'
done

# mode 000 for a user the file shuts out (root reads it anyway)
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	chmod 711 "$OBJ"
	chown -R nobody "$K"
	chmod 000 "$K/vouches"
	setpriv --reuid=nobody --regid=nogroup --clear-groups env \
	    TMPDIR=/tmp kith-verify -d "$K" >"$OBJ/out" 2>"$OBJ/err"
	check "kith-verify as nobody, vouches mode 000: exit 2" [ $? -eq 2 ]
	check "... names vouches" error_line "$OBJ/err" \
	    "^kith-verify: $K/vouches: Permission denied"
	chmod 600 "$K/vouches"
	chown -R root "$K"
	chmod 700 "$OBJ"
else
	ok "# SKIP needs root and setpriv"
	ok "# SKIP needs root and setpriv"
fi

# getopt's messages name the tool and the subcommand, not argv[1] alone
for t in "export -x" "import -x" "offer -p" "serve -z" "pull -x" \
    "join -x"; do
	# shellcheck disable=SC2086
	expect_exit 2 "kith-share $t: a usage error" kith-share -d "$K" $t
	check "... named \"kith-share ${t%% *}:\"" \
	    grep -q "^kith-share ${t%% *}: .*option" "$OBJ/err"
done
