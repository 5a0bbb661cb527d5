#!/bin/sh
# Regenerates the golden statements and bundle in this directory and
# checks them with ssh-keygen (OpenSSH 9.2 is the oracle), using the
# commands of FORMAT.md verbatim:
#   revoke.txt, withdraw.txt, successor.txt   kith's statement files
#   bundle.bin, bundle.txt                    a bundle, binary and armoured
#   new.pub                                   the successor's key
#   allowed_signers                           "node" (the test key of
#                                             ../sshsig) and "new"
#   ssh-revoke.sig, ssh-bundle.sig            ssh-keygen -Y sign's
#                                             signatures of the same bytes
#   verify.out                                what ssh-keygen said
# kith writes them with "bundle -g" (deterministic: fixed keys, nonces
# and times).  Needs ssh-keygen and a build: B=build-x sh mkdata.sh
# (default B=build).
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$dir/../../.." && pwd)
B=${B:-build}
export LC_ALL=C
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kith-bundle.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

make -C "$top" --no-print-directory B="$B" "$B/unit/bundle" >/dev/null
(cd "$top" && "$B/unit/bundle" -g "$dir")
cd "$dir"
cp ../sshsig/key "$tmp/key"
chmod 600 "$tmp/key"
printf 'node %s\nnew %s\n' "$(cut -d' ' -f1,2 ../sshsig/key.pub)" \
    "$(cut -d' ' -f1,2 new.pub)" >allowed_signers

# From FORMAT.md:
block() {	# block FILE LABEL [N]
	awk -v b="-----BEGIN $2-----" -v e="-----END $2-----" \
	    -v n="${3:-1}" '$0 == b { i++ }
	    i == n && !done { print } i == n && $0 == e { done = 1 }' "$1"
}

: >verify.out
# verify ID NAMESPACE SIG MESSAGE: must pass
verify() {
	echo "\$ ssh-keygen -Y verify -I $1 -n $2 -s $3 < $4" >>verify.out
	(cd "$tmp" && ssh-keygen -Y verify -f "$dir/allowed_signers" \
	    -I "$1" -n "$2" -s "$3" <"$4") >>verify.out 2>&1
}
# refuse ID NAMESPACE SIG MESSAGE: must fail
refuse() {
	echo "\$ ssh-keygen -Y verify -I $1 -n $2 -s $3 < $4  (must fail)" \
	    >>verify.out
	if (cd "$tmp" && ssh-keygen -Y verify -f "$dir/allowed_signers" \
	    -I "$1" -n "$2" -s "$3" <"$4") >>verify.out 2>&1; then
		echo "mkdata: ssh-keygen accepted $3 over $4" >&2
		exit 1
	fi
}

# an armoured bundle
block bundle.txt 'KITH BUNDLE' | sed '1d;$d' | base64 -d >"$tmp/b.signed"
block bundle.txt 'SSH SIGNATURE' >"$tmp/b.sig"
verify node bundle@kith b.sig b.signed

# a binary bundle
b=bundle.bin
head -c $(($(wc -c <$b) - 185)) $b >"$tmp/b2.signed"
{ echo '-----BEGIN SSH SIGNATURE-----'; tail -c 181 $b | base64
  echo '-----END SSH SIGNATURE-----'; } >"$tmp/b2.sig"
verify node bundle@kith b2.sig b2.signed
cmp "$tmp/b.signed" "$tmp/b2.signed"
refuse new bundle@kith b2.sig b2.signed
refuse node revoke@kith b2.sig b2.signed
printf 'x' >>"$tmp/b2.signed"
refuse node bundle@kith b2.sig b2.signed

# ssh-keygen's own signature of the signed part is kith's
cp "$tmp/b.signed" "$tmp/sb"
ssh-keygen -q -Y sign -f "$tmp/key" -n bundle@kith "$tmp/sb" 2>/dev/null
cp "$tmp/sb.sig" ssh-bundle.sig
cmp ssh-bundle.sig "$tmp/b.sig"

# a revocation
block revoke.txt 'KITH REVOCATION' | sed '1d;$d' | base64 -d >"$tmp/r.stmt"
block revoke.txt 'SSH SIGNATURE' >"$tmp/r.sig"
verify node revoke@kith r.sig r.stmt
refuse node withdraw@kith r.sig r.stmt
cp "$tmp/r.stmt" "$tmp/sr"
ssh-keygen -q -Y sign -f "$tmp/key" -n revoke@kith "$tmp/sr" 2>/dev/null
cp "$tmp/sr.sig" ssh-revoke.sig
cmp ssh-revoke.sig "$tmp/r.sig"

# a withdrawal
block withdraw.txt 'KITH WITHDRAWAL' | sed '1d;$d' | base64 -d \
    >"$tmp/w.stmt"
block withdraw.txt 'SSH SIGNATURE' >"$tmp/w.sig"
verify node withdraw@kith w.sig w.stmt

# a successor: both signatures
block successor.txt 'KITH SUCCESSOR' | sed '1d;$d' | base64 -d \
    >"$tmp/s.stmt"
block successor.txt 'SSH SIGNATURE' 1 >"$tmp/old.sig"
block successor.txt 'SSH SIGNATURE' 2 >"$tmp/new.sig"
verify node successor@kith old.sig s.stmt
verify new successor@kith new.sig s.stmt
refuse new successor@kith old.sig s.stmt

# check-novalidate needs no allowed_signers
(cd "$tmp" && ssh-keygen -Y check-novalidate -n revoke@kith -s r.sig \
    <r.stmt) >>verify.out 2>&1
cat verify.out
