#!/bin/bash
# -o files of kith-sign, kith-share export and kith-verify: a symlink
# stays a symlink (its target is replaced), a device or FIFO is written in
# place and never replaced (a reader that gets nothing gives up after
# 10 s), a link to /proc/self/fd/N writes to that descriptor as it is,
# "-" is stdout; refused: a directory, a symlink to nothing, another
# user's symlink in a sticky world-writable directory, ''; when the store
# cannot take the vouch, kith-sign's -o file never appears.  kith-sign -r
# does not withdraw a vouch twice.
. "$(dirname "$0")/test-exec.sh"
kith-keygen -q -N '' -C me
ssh-keygen -q -t ed25519 -N '' -C peer -f "$OBJ/peer"
kith-sign -y -q -D 1 -n peer.test "$OBJ/peer.pub"
sum() { cat "$KITH_DIR/vouches" "$KITH_DIR/statements" 2>/dev/null |
    sha256sum; }
# only: DIR holds exactly the names given (no temporary files)
only() { local d=$1; shift; [ "$(ls -A "$d" | sort)" = \
    "$(printf '%s\n' "$@" | sort)" ]; }
# both CMD1... -- CMD2...: true when both commands are (for check)
both() {
	local a=()
	while [ "$1" != -- ]; do a+=("$1"); shift; done; shift
	"${a[@]}" && "$@"
}
# err_is TEXT: the error output is one line holding TEXT
err_is() { grep -qF -- "$1" "$OBJ/err" && one_line_error "$OBJ/err"; }
mkdir "$OBJ/o" "$OBJ/real"

# symlinks: the link stays, the file it names is replaced
echo old >"$OBJ/real/kh"
ln -s ../real/kh "$OBJ/o/kh"
expect_exit 0 "kith-verify -o through a symlink" kith-verify -o "$OBJ/o/kh"
check "... the link stays a link" [ -L "$OBJ/o/kh" ]
check "... its target holds the known_hosts" \
    grep -q "^peer.test ssh-ed25519 " "$OBJ/real/kh"
check "... the old target is kept as .old beside it" \
    grep -qx old "$OBJ/real/kh.old"
check "... nothing else in either directory" \
    both only "$OBJ/o" kh -- only "$OBJ/real" kh kh.old
ln -s ../real/bundle "$OBJ/o/bundle"
expect_exit 2 "kith-share export -a -o to a dangling symlink: refused" \
    kith-share export -a -o "$OBJ/o/bundle"
check "... as cp does, in one line" err_is "a symlink to nothing"
check "... nothing made" [ ! -e "$OBJ/real/bundle" ]
expect_exit 0 "kith-share export -a -o through a symlink" \
    kith-share export -a -o "$OBJ/o/bundle2"
: >"$OBJ/real/bundle"
expect_exit 0 "... once the file it names exists" \
    kith-share export -a -o "$OBJ/o/bundle"
check "... that file holds the bundle; the link stays" \
    both [ -L "$OBJ/o/bundle" ] -- grep -q "BEGIN KITH BUNDLE" \
    "$OBJ/real/bundle"
rm "$OBJ/o/bundle2"
ln -s ../real/cert "$OBJ/o/cert"
: >"$OBJ/real/cert"
expect_exit 0 "kith-sign -o through a symlink" \
    kith-sign -y -q -n peer2.test -o "$OBJ/o/cert" "$OBJ/peer.pub"
check "... the link stays, the target holds the certificate" \
    both [ -L "$OBJ/o/cert" ] -- \
    grep -q "^ssh-ed25519-cert-v01@openssh.com " "$OBJ/real/cert"

# a FIFO is written in place
mkfifo "$OBJ/fifo"
timeout "$(scaled 10)" cat "$OBJ/fifo" >"$OBJ/fifo.out" &
expect_exit 0 "kith-verify -o a FIFO" kith-verify -o "$OBJ/fifo"
wait
check "... the reader got the known_hosts" \
    grep -q "^peer.test,peer2.test ssh-ed25519 " "$OBJ/fifo.out"
check "... it is still a FIFO, with no .old" \
    both [ -p "$OBJ/fifo" ] -- [ ! -e "$OBJ/fifo.old" ]
timeout "$(scaled 10)" cat "$OBJ/fifo" >"$OBJ/fifo.out" &
expect_exit 0 "kith-share export -o a FIFO" kith-share export -o "$OBJ/fifo"
wait
check "... the reader got the bundle" \
    [ "$(head -c 12 "$OBJ/fifo.out" | tr '\0' _)" = kith-bundle_ ]

# a character device is written in place (a copy of /dev/null: as root)
if mknod "$OBJ/null" c 1 3 2>/dev/null; then
	expect_exit 0 "kith-share export -o a character device" \
	    kith-share export -o "$OBJ/null"
	check "... it is still the device" [ -c "$OBJ/null" ]
	expect_exit 0 "kith-verify -o a character device" \
	    kith-verify -o "$OBJ/null"
	check "... still the device, no .old" \
	    both [ -c "$OBJ/null" ] -- [ ! -e "$OBJ/null.old" ]
	expect_exit 0 "kith-sign -o a character device" \
	    kith-sign -y -q -n peer3.test -o "$OBJ/null" "$OBJ/peer.pub"
	check "... still the device" [ -c "$OBJ/null" ]
else
	ok "# SKIP mknod needs root"
fi
# a link into /proc, as /dev/stdout is (not /dev/stdout itself: a kith
# that replaced it would break the machine)
ln -s /proc/self/fd/1 "$OBJ/stdout"
expect_exit 0 "kith-verify -o a link to /proc/self/fd/1" \
    kith-verify -o "$OBJ/stdout"
check "... writes the known_hosts to stdout, the link unchanged" \
    both grep -q "^peer.test,[a-z0-9.,]* ssh-ed25519 " "$OBJ/out" -- \
    [ -L "$OBJ/stdout" ]
check "... no .old (stdout is not replaced)" [ ! -e "$OBJ/out.old" ]
echo earlier >"$OBJ/app"
kith-verify -o "$OBJ/stdout" >>"$OBJ/app"
check "... appended to a file opened for appending, not truncated" \
    both grep -qx earlier "$OBJ/app" -- grep -q "ssh-ed25519" "$OBJ/app"
expect_exit 0 "kith-verify -o -" kith-verify -o -
check "... also stdout" grep -q "^peer.test,[a-z0-9.,]* ssh-ed25519 " "$OBJ/out"

# refused: a directory; nothing written
s0=$(sum)
for t in "kith-verify -o" "kith-share export -o" \
    "kith-sign -y -q -n peer4.test $OBJ/peer.pub -o"; do
	expect_exit 2 "$t a directory" $t "$OBJ/real"
	check "... one line naming it" err_is "$OBJ/real: Is a directory"
done
check "the store is unchanged by the refusals" [ "$(sum)" = "$s0" ]
check "... nothing new in the directory" only "$OBJ/real" kh kh.old \
    bundle cert

# kith-sign -o '': refused before anything is stored
expect_exit 2 "kith-sign -o ''" \
    kith-sign -y -q -n peer8.test -o '' "$OBJ/peer.pub"
check "... stores no vouch" [ "$(sum)" = "$s0" ]

# a symlink another user made in a sticky world-writable directory is
# not followed (protected_symlinks): as root, -o there cannot be turned
# onto our files
if [ "$(id -u)" -eq 0 ]; then
	mkdir -m 1777 "$OBJ/pub"
	echo mine >"$OBJ/victim"
	ln -s "$OBJ/victim" "$OBJ/pub/kh"
	chown -h nobody "$OBJ/pub/kh"
	for t in "kith-verify -o" "kith-share export -o" \
	    "kith-sign -y -q -n peer9.test $OBJ/peer.pub -o"; do
		expect_exit 2 "$t another user's link in /tmp-like dir" \
		    $t "$OBJ/pub/kh"
		check "... refused in one line" \
		    err_is "$OBJ/pub/kh: Permission denied"
		check "... the file it names untouched" grep -qx mine \
		    "$OBJ/victim"
	done
	check "... and the store" [ "$(sum)" = "$s0" ]
else
	ok "# SKIP another user's symlink: needs root"
fi

# kith-sign: the -o file's directory is missing: no vouch is stored
expect_exit 2 "kith-sign -o into a missing directory" \
    kith-sign -y -q -n peer5.test -o "$OBJ/none/cert" "$OBJ/peer.pub"
check "... says so in one line" \
    err_is "$OBJ/none/cert: No such file or directory"
check "... and stores no vouch" [ "$(sum)" = "$s0" ]
# the store refuses the vouch: the -o file never appears
cp -a "$KITH_DIR" "$OBJ/bad"
rm "$OBJ/bad/vouches"; mkdir "$OBJ/bad/vouches"
expect_exit 2 "kith-sign into a store it cannot write" \
    kith-sign -d "$OBJ/bad" -y -q -n peer6.test -o "$OBJ/o/c6" \
    "$OBJ/peer.pub"
check "... leaves no -o file and no temporary file" \
    only "$OBJ/o" kh bundle cert

# kith-sign -r: a withdrawn vouch is not withdrawn again
expect_exit 0 "kith-sign -r withdraws the vouches on peer" \
    kith-sign -r -y "$OBJ/peer.pub"
s1=$(sum)
expect_exit 1 "kith-sign -r again: nothing left to withdraw" \
    kith-sign -r -y "$OBJ/peer.pub"
check "... says so in one line" err_is "not withdrawn already"
check "... and adds no statement" [ "$(sum)" = "$s1" ]
kith-sign -y -q -n peer7.test "$OBJ/peer.pub"
expect_exit 0 "a new vouch on peer can be withdrawn" \
    kith-sign -r -y "$OBJ/peer.pub"
check "... that one alone" [ "$(grep -c "^Withdrew" "$OBJ/err")" -eq 1 ]
