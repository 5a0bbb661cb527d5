#!/bin/sh
# mkdata.sh: regenerates the certificate golden files with ssh-keygen
# (OpenSSH 9.2 is the oracle).  Run from anywhere:
#	sh regress/data/cert/mkdata.sh
# The test keys (ca, ca.pub, host.pub) are committed and kept; delete them
# to make new ones.  Certificates get fresh random nonces each run, so
# every *-cert.pub changes; the unit tests read the nonce back from them.
set -eu
cd "$(dirname "$0")"
export LC_ALL=C
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kith-certdata.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if [ ! -f ca ]; then
	rm -f ca.pub
	ssh-keygen -q -t ed25519 -N '' -C kith-test-ca -f ca
fi
if [ ! -f host.pub ]; then
	ssh-keygen -q -t ed25519 -N '' -C kith-test-host -f "$tmp/host"
	cp "$tmp/host.pub" host.pub
fi

# ca.seed: the 32-byte Ed25519 seed of ca, in hex, so the unit tests can
# re-sign without a private-key parser.  In an unencrypted one-key
# openssh-key-v1 file the seed starts at byte 161 and the public key
# follows it; check that against ca.pub.
sed '1d;$d' ca | base64 -d >"$tmp/ca.bin"
od -An -tx1 -v -j161 -N32 "$tmp/ca.bin" | tr -d ' \n' >ca.seed
echo >>ca.seed
pk1=$(od -An -tx1 -v -j193 -N32 "$tmp/ca.bin" | tr -d ' \n')
pk2=$(cut -d' ' -f2 ca.pub | base64 -d | od -An -tx1 -v -j19 -N32 |
    tr -d ' \n')
if [ "$pk1" != "$pk2" ]; then
	echo "mkdata: cannot find the seed in ca" >&2
	exit 1
fi

# mk NAME ssh-keygen-args...: signs host.pub as NAME-cert.pub and writes
# NAME.L, the -L listing in UTC.
mk() {
	name=$1
	shift
	cp host.pub "$tmp/$name.pub"
	ssh-keygen -q -s ca "$@" "$tmp/$name.pub"
	mv "$tmp/$name-cert.pub" .
	TZ=UTC ssh-keygen -L -f "$name-cert.pub" >"$name.L"
}

mk plain -h -I host1-id -n host1,host1.example.com \
    -V 20260101000000Z:20270101000000Z -z 7
mk vouch -h -I vouch -n db1.example.com,db1 -V 20260101Z:forever -z 42 \
    -O extension:depth@kith=2 \
    -O 'extension:scope@kith=*.db.example.com,*.example.org' \
    -O extension:local@kith -O extension:zz@example.com=hello
mk before -h -I before -n h -V always:20270101Z
mk odd -h -I "$(printf 'odd\t"id" \\x')" -n 'a b,c' \
    -z 18446744073709551615
mk crit -h -I crit -n h -O critical:force-command=ls \
    -O critical:zz@example.com -O critical:aa@example.com=1
mk user -I alice -n alice -V 20260101Z:20260201Z
mk noprinc -h -I noprinc
mk far -h -I far -n far -V 0x10:0xfffffffffffffffe
mk dup -h -I dup -n h -O extension:depth@kith=1 -O extension:depth@kith=2
mk depth256 -h -I d -n h -O extension:depth@kith=256
mk depthplus -h -I d -n h -O extension:depth@kith=+1
mk localval -h -I l -n h -O extension:local@kith=yes

# plain.L in a zone east of UTC with a half-hour offset (POSIX TZ, no
# tzdata needed), to check that times print as local time.
TZ=KTZ-5:30 ssh-keygen -L -f plain-cert.pub >plain.L.ktz

# validity.txt: "tz|spec|result" where result is ssh-keygen's Valid: text
# (printed in UTC) or FAIL.  Only specs whose outcome does not depend on
# the current time.
cet='CET-1CEST,M3.5.0,M10.5.0/3'
: >validity.txt
while IFS= read -r line; do
	tz=${line%%|*}
	spec=${line#*|}
	cp host.pub "$tmp/v.pub"
	rm -f "$tmp/v-cert.pub"
	if TZ=$tz ssh-keygen -q -s ca -h -I v -n v -V "$spec" "$tmp/v.pub" \
	    2>/dev/null; then
		res=$(TZ=UTC ssh-keygen -L -f "$tmp/v-cert.pub" |
		    sed -n 's/^        Valid: //p')
	else
		res=FAIL
	fi
	printf '%s|%s|%s\n' "$tz" "$spec" "$res" >>validity.txt
done <<EOF
UTC|20230101:forever
UTC|20230101Z:forever
UTC|20230101UTC:forever
UTC|20230101utc:forever
UTC|20230101z:forever
UTC|202301011230:forever
UTC|20230101123045:20240101
UTC|20230101123061:forever
UTC|20230101235960:forever
UTC|20230231:forever
UTC|20231301:forever
UTC|20230100:forever
UTC|202301012460:forever
UTC|20230101126000:forever
UTC|20230101240000:forever
UTC|2023010a:forever
UTC|2023 101:forever
UTC|2023- 1-1:forever
UTC|20230101 :forever
UTC| 20230101:forever
UTC|2023010112:forever
UTC|20230101T:forever
UTC|00000101:forever
UTC|19700101:forever
UTC|19691231:forever
UTC|99991231:forever
UTC|Z:forever
UTC|20230101ZZ:forever
UTC|20230101ZUTC:forever
UTC|always:forever
UTC|always:20230101
UTC|0x10:0x20
UTC|0x0:0x10
UTC|0x10:forever
UTC|0x10:20230101
UTC|20230101:0x20
UTC|20230101:0xffffffffffffffff
UTC|0x10:0x10000000000000000
UTC|0x:forever
UTC|0x1g:forever
UTC|0X10:0x20
UTC|always
UTC|forever
UTC|20230101
UTC|-1d
UTC|:forever
UTC|always:
UTC|:
UTC|
UTC|forever:forever
UTC|always:always
UTC|20240101:20230101
UTC|20230101:20230101
UTC|20230101:forever:
UTC|+
UTC|+x
UTC|+1x
UTC|+-1d
UTC|+2147483648
UTC|+99999999999999999999
UTC|+1d:+2d:+3d
UTC|-1d:always
UTC|+1d:+1x
$cet|20230701:forever
$cet|20230101:20230701
$cet|202303260230:forever
$cet|202310290230:forever
$cet|20230701Z:forever
EOF
