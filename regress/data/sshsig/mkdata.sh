#!/bin/sh
# Regenerates the SSHSIG golden files in this directory (OpenSSH 9.2 is
# the oracle):
#   key, key.pub        the test key (kept; delete both to make a new one)
#   msg-*               the messages (kept; msg-bin is random)
#   ssh-NAME.sig        ssh-keygen -Y sign's signatures
#   kith-NAME.sig       kith's signatures ("sshsig -g"), which must equal
#                       ssh-keygen's byte for byte
#   verify.out          what ssh-keygen -Y verify says of each kith-*.sig
#   allowed_signers     "test" and key.pub, for -Y verify
#   ssh-hello-cert.sig  signed with a certificate of key (a fresh CA each
#                       run, so this file changes every time)
# Needs ssh-keygen and a build: B=build-x sh mkdata.sh (default B=build).
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$dir/../../.." && pwd)
B=${B:-build}
export LC_ALL=C
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kith-sshsig.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$dir"

if [ ! -f key ] || [ ! -f key.pub ]; then
	rm -f key key.pub
	ssh-keygen -q -t ed25519 -N '' -C kith-sshsig-test -f key
fi
[ -f msg-empty ] || : >msg-empty
[ -f msg-hello ] || printf 'hello\n' >msg-hello
[ -f msg-bin ] || head -c 70001 /dev/urandom >msg-bin
printf 'test %s\n' "$(cut -d' ' -f1,2 key.pub)" >allowed_signers

# The table the unit test shares (test_sshsig.c, golden[]):
# name message namespace hashalg
table='empty msg-empty file sha512
hello msg-hello file sha512
bin msg-bin file sha512
hello-sha256 msg-hello file sha256
bin-sha256 msg-bin file sha256
hello-revoke msg-hello revoke@kith sha512'

# ssh-keygen's signatures (it writes FILE.sig next to FILE); it wants
# the key file private, which a checkout need not keep
cp key "$tmp/key"
chmod 600 "$tmp/key"
echo "$table" | while read -r name msg ns alg; do
	cp "$msg" "$tmp/$name"
	ssh-keygen -q -Y sign -f "$tmp/key" -n "$ns" -O hashalg="$alg" \
	    "$tmp/$name" 2>/dev/null
	mv "$tmp/$name.sig" "ssh-$name.sig"
done

# one signed with a certificate on key, which kith refuses
ssh-keygen -q -t ed25519 -N '' -C ca -f "$tmp/ca"
cp key "$tmp/ck"
chmod 600 "$tmp/ck"
cp key.pub "$tmp/ck.pub"
ssh-keygen -q -s "$tmp/ca" -I id -n test "$tmp/ck.pub"
cp msg-hello "$tmp/cert"
ssh-keygen -q -Y sign -f "$tmp/ck-cert.pub" -n file "$tmp/cert" 2>/dev/null
mv "$tmp/cert.sig" ssh-hello-cert.sig

# kith's signatures, checked by ssh-keygen and compared byte for byte
make -C "$top" --no-print-directory B="$B" "$B/unit/sshsig" >/dev/null
(cd "$top" && "$B/unit/sshsig" -g "$dir")
: >verify.out
echo "$table" | while read -r name msg ns alg; do
	ssh-keygen -Y verify -f allowed_signers -I test -n "$ns" \
	    -s "kith-$name.sig" <"$msg" >>verify.out 2>&1
	if ! cmp -s "kith-$name.sig" "ssh-$name.sig"; then
		echo "mkdata: kith-$name.sig differs from ssh-keygen's" >&2
		exit 1
	fi
done
cat verify.out
