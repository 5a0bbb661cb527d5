#!/bin/bash
# Five nodes that move only bundles: a withdrawn vouch, a rollback
# refused, a self-revocation that travels two hops, and a rotation that
# ssh follows.
. "$(dirname "$0")/test-exec.sh"
for h in a b c d; do kith-keygen -q -N '' -C "$h" -d "$OBJ/$h"; done
ssh-keygen -q -t ed25519 -N '' -C x-old -f "$OBJ/x_old"
ssh-keygen -q -t ed25519 -N '' -C x-new -f "$OBJ/x_new"
mkdir -m 700 "$OBJ/x"
echo "$OBJ/x_old" >"$OBJ/x/identity"
pub() { echo "$OBJ/$1/id_ed25519.pub"; }
sign() { local s=$1; shift; kith-sign -d "$OBJ/$s" -y -q "$@"; }
export_() { kith-share -d "$OBJ/$1" export -o "$OBJ/$1.$2"; }
import() { local to=$1; shift; kith-share -d "$OBJ/$to" import "$@" \
    >/dev/null; }
V() { local who=$1; shift; kith-verify -d "$OBJ/$who" "$@"; }

# b and d trust a as an introducer; a vouches for c and for x
sign b -D 2 -n a.test "$(pub a)"
sign d -D 2 -n a.test "$(pub a)"
sign d -D 2 -n b.test "$(pub b)"
sign a -D 1 -n c.test "$(pub c)"
sign a -n x.test "$OBJ/x_old.pub"
export_ a 1
for n in b d; do import "$n" "$OBJ/a.1"; done
expect_exit 0 "b trusts x through a's bundle" V b -c x.test -f "$OBJ/x_old.pub"
expect_exit 0 "d trusts c through a's bundle" V d -c c.test -f "$(pub c)"

# a bundle never creates trust by itself
expect_exit 0 "an untrusted node imports a's bundle" import c "$OBJ/a.1"
expect_exit 1 "... and trusts nothing from it" V c -c x.test -f "$OBJ/x_old.pub"

# SSHSIG: ssh-keygen -Y verify accepts a's bundle signature
f=$OBJ/a.1
head -c $(($(stat -c %s "$f") - 185)) "$f" >"$OBJ/signed"
{ echo "-----BEGIN SSH SIGNATURE-----"; tail -c 181 "$f" | base64 -w 70
  echo "-----END SSH SIGNATURE-----"; } >"$OBJ/sig"
echo "a $(cut -d' ' -f1,2 "$(pub a)")" >"$OBJ/allowed"
expect_exit 0 "ssh-keygen -Y verify accepts the bundle signature" \
    ssh-keygen -Y verify -f "$OBJ/allowed" -I a -n bundle@kith \
    -s "$OBJ/sig" <"$OBJ/signed"

# a withdraws its vouch for x; an older bundle cannot bring it back
if kith-sign -d "$OBJ/a" -r -y -q "$OBJ/x_old.pub" 2>/dev/null; then
	export_ a 2
	import b "$OBJ/a.2"
	expect_exit 1 "after the withdrawal b does not trust x" \
	    V b -c x.test -f "$OBJ/x_old.pub"
	expect_exit 1 "a's older bundle is refused" \
	    kith-share -d "$OBJ/b" import "$OBJ/a.1"
	check "the refusal says why" grep -q "not newer" "$OBJ/err"
	expect_exit 1 "x stays untrusted" V b -c x.test -f "$OBJ/x_old.pub"
	sign a -n x.test "$OBJ/x_old.pub"	# a vouches again: new serial
	export_ a 3
	import b "$OBJ/a.3"
	expect_exit 0 "a fresh vouch is not covered by the withdrawal" \
	    V b -c x.test -f "$OBJ/x_old.pub"
else
	notok "kith-sign -r withdraws a vouch"
fi

# a's store is restored from a backup older than the bundle b last got
# from it: a's next bundle must still be newer than that one
cp -a "$OBJ/a" "$OBJ/a.backup"
export_ a r1
import b "$OBJ/a.r1"
rm -rf "$OBJ/a"; mv "$OBJ/a.backup" "$OBJ/a"
sign a -n e.test "$OBJ/x_new.pub"
export_ a r2
expect_exit 0 "b imports the bundle of a restored from a backup" \
    kith-share -d "$OBJ/b" import "$OBJ/a.r2"
expect_exit 0 "... and takes its new vouch" V b -c e.test -f "$OBJ/x_new.pub"
expect_exit 1 "the bundle before the restore is now older" \
    kith-share -d "$OBJ/b" import "$OBJ/a.r1"

# c revokes itself; the revocation reaches d two hops away (c -> a -> b -> d)
kith-keygen -R -f "$OBJ/c/id_ed25519" >"$OBJ/c.revoke"
import c "$OBJ/c.revoke"
export_ c 1
import a "$OBJ/c.1"
export_ a 4
import b "$OBJ/a.4"
export_ b 1
import d "$OBJ/b.1"
expect_exit 1 "d no longer trusts c" V d -c c.test -f "$(pub c)"
V d -o "$OBJ/kh_d"
check "d's known_hosts has @revoked for c" \
    grep -q "^@revoked \* $(cut -d' ' -f1,2 "$(pub c)")" "$OBJ/kh_d"
check "... and no plain line for c" ! grep -q "^c.test " "$OBJ/kh_d"
expect_exit 0 "ssh-keygen -Y verify accepts the revocation" bash -c "
	awk '/BEGIN SSH SIGNATURE/,/END SSH SIGNATURE/' '$OBJ/c.revoke' \
	    >'$OBJ/rsig'
	awk '/BEGIN KITH REVOCATION/,/END KITH REVOCATION/' '$OBJ/c.revoke' |
	    sed '1d;\$d' | base64 -d >'$OBJ/rmsg'
	echo \"c $(cut -d' ' -f1,2 "$(pub c)")\" >'$OBJ/rallowed'
	ssh-keygen -Y verify -f '$OBJ/rallowed' -I c -n revoke@kith \
	    -s '$OBJ/rsig' <'$OBJ/rmsg'"
import b "$OBJ/a.1" 2>/dev/null
expect_exit 1 "importing older bundles never undoes a revocation" \
    V b -c c.test -f "$(pub c)"

# x rotates as kith-keygen(1)'s example does: old signs new and back,
# x exports, then names the new key in its identity file; peers trust the
# new key at once
sign x -n a.test "$(pub a)"
kith-keygen -S "$OBJ/x_old" -f "$OBJ/x_new" >"$OBJ/x.succ"
import x "$OBJ/x.succ"
export_ x 1
echo "$OBJ/x_new" >"$OBJ/x/identity"
import b "$OBJ/x.1"
expect_exit 0 "b trusts x's new key with no manual step" \
    V b -c x.test -f "$OBJ/x_new.pub"
expect_exit 0 "... and the old one during the overlap" \
    V b -c x.test -f "$OBJ/x_old.pub"
if start_sshd x "$OBJ/x_new"; then
	V b -o "$OBJ/kh_b"
	check "ssh to x's sshd on the new key passes on b" \
	    ssh_hostkey_ok x.test -o UserKnownHostsFile="$OBJ/kh_b"
else
	ok "# SKIP sshd cannot run here"
fi
kith-keygen -R -r retired -f "$OBJ/x_old" >"$OBJ/x.retire"
import x "$OBJ/x.retire"
export_ x 2
import b "$OBJ/x.2"
expect_exit 1 "after x retires its old key, the old key is not trusted" \
    V b -c x.test -f "$OBJ/x_old.pub"
expect_exit 0 "... and the new one still is" V b -c x.test -f "$OBJ/x_new.pub"
expect_exit 0 "x, its identity the new key, still trusts a (the old key's \
vouches count as its own)" V x -c a.test -f "$(pub a)"
expect_exit 0 "x's listing after the retirement" V x
check "... warns of nothing" [ ! -s "$OBJ/err" ]
