#!/bin/sh
# Regenerates the golden private key files in this directory:
#   ed25519*        ssh-keygen keys (unencrypted; -N pass with aes256-ctr
#                   and with chacha20-poly1305@openssh.com) and their .pub
#   kith-plain      written by kith from a fixed seed and check int
#   kith-enc        written by kith under the passphrase "kith pass"
#   kith-*.y, .l    what ssh-keygen -y and -l make of kith's files
# Needs ssh-keygen and a build: B=build-pk sh mkdata.sh (default B=build).
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$dir/../../.." && pwd)
B=${B:-build}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kith-mkdata.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

gen() {
	name=$1
	shift
	rm -f "$dir/$name" "$dir/$name.pub"
	ssh-keygen -q -t ed25519 "$@" -f "$dir/$name"
}

long=$(printf 'long comment %s, ' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 \
    17 18 19 20 | cut -c1-300)
gen ed25519 -N '' -C 'c with spaces'
gen ed25519-nocomment -N '' -C ''
gen ed25519-long -N '' -C "$long"
gen ed25519-aes -N pass -C 'enc aes256-ctr'
gen ed25519-chacha -N pass -Z chacha20-poly1305@openssh.com \
    -C 'enc chacha20-poly1305'

make -C "$top" --no-print-directory B="$B" "$B/unit/privkey" >/dev/null
(cd "$top" && "$B/unit/privkey" -g "$dir")

# ssh-keygen reads kith's files (copies, so that no .pub is beside them)
cp "$dir/kith-plain" "$dir/kith-enc" "$tmp"
chmod 600 "$tmp/kith-plain" "$tmp/kith-enc"
ssh-keygen -y -f "$tmp/kith-plain" >"$dir/kith-plain.y"
ssh-keygen -l -f "$tmp/kith-enc" | sed "s|$tmp/||" >"$dir/kith-enc.l"
# ssh-keygen cannot decrypt kith's cipher: record what it says
if ssh-keygen -y -P 'kith pass' -f "$tmp/kith-enc" \
    >"$dir/kith-enc.y" 2>&1 </dev/null; then
	echo "mkdata: ssh-keygen decrypted kith-enc?" >&2
	exit 1
fi
sed -i "s|$tmp/||" "$dir/kith-enc.y"
