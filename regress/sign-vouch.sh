#!/bin/bash
# kith-sign makes vouches that ssh-keygen -L reads with the right fields;
# vouches made by ssh-keygen -s -O extension:... import as vouches.
. "$(dirname "$0")/test-exec.sh"
kith-keygen -q -N '' -C signer
ssh-keygen -q -t ed25519 -N '' -C peer -f "$OBJ/peer"
ssh-keygen -q -t ed25519 -N '' -C peer2 -f "$OBJ/peer2"

expect_exit 0 "kith-sign -y with every field" kith-sign -y -q -D 2 \
    -S '*.example.com,*.test' -I "web one" -n web1.example.com,web1.test \
    -V 20260101:20301231 -z 42 -o "$OBJ/peer-cert.pub" "$OBJ/peer.pub"
check "quiet with -q -y" eval '[ ! -s "$OBJ/out" ] && [ ! -s "$OBJ/err" ]'
TZ=UTC ssh-keygen -L -f "$OBJ/peer-cert.pub" >"$OBJ/L"
check "ssh-keygen -L: a host certificate" \
    grep -q "Type: ssh-ed25519-cert-v01@openssh.com host certificate" "$OBJ/L"
check "ssh-keygen -L: key id" grep -q 'Key ID: "web one"' "$OBJ/L"
check "ssh-keygen -L: serial" grep -q 'Serial: 42$' "$OBJ/L"
check "ssh-keygen -L: validity" \
    grep -q 'Valid: from 2026-01-01T00:00:00 to 2030-12-31T00:00:00' "$OBJ/L"
check "ssh-keygen -L: principals in order" \
    [ "$(sed -n '/Principals:/,/Critical/p' "$OBJ/L" | sed -n 2,3p | tr -d ' ')" \
    = "$(printf 'web1.example.com\nweb1.test')" ]
check "ssh-keygen -L: no critical options" \
    grep -q 'Critical Options: (none)' "$OBJ/L"
check "ssh-keygen -L: depth@kith" grep -q 'depth@kith UNKNOWN OPTION: 0000000132' "$OBJ/L"
check "ssh-keygen -L: scope@kith" grep -q 'scope@kith UNKNOWN OPTION' "$OBJ/L"
check "the signing CA is the signer" grep -q "Signing CA: ED25519 $(ssh-keygen -l \
    -f "$KITH_DIR/id_ed25519.pub" | cut -d' ' -f2)" "$OBJ/L"
check "the vouch is in the store" grep -qF "$(cut -d' ' -f2 "$OBJ/peer-cert.pub")" \
    "$KITH_DIR/vouches"
check "the certificate file keeps the peer's comment" \
    grep -q ' peer$' "$OBJ/peer-cert.pub"

# serials: next free one per signer; a used one is refused
expect_exit 0 "default serial" kith-sign -y -q -n p2.test -o "$OBJ/p2-cert.pub" \
    "$OBJ/peer2.pub"
ssh-keygen -L -f "$OBJ/p2-cert.pub" >"$OBJ/L2"
check "default serial is the signer's highest + 1" grep -q 'Serial: 43$' "$OBJ/L2"
cp "$KITH_DIR/vouches" "$OBJ/before"
expect_exit 2 "-z with a used serial is refused" kith-sign -y -z 42 -n a.test \
    "$OBJ/peer2.pub"
same_file "store unchanged after the refusal" "$OBJ/before" "$KITH_DIR/vouches"
expect_exit 0 "-L makes a local vouch" kith-sign -y -q -L -n p3.test \
    -o "$OBJ/p3-cert.pub" "$OBJ/peer2.pub"
check "local@kith in the certificate" \
    bash -c "ssh-keygen -L -f '$OBJ/p3-cert.pub' | grep -q 'local@kith'"

# refusals: exit 2, one line, nothing written
cp "$KITH_DIR/vouches" "$OBJ/before"
refuse() {
	local what=$1; shift
	expect_exit 2 "$what" "$@"
	check "$what: one line on stderr" one_line_error "$OBJ/err"
}
refuse "no names" kith-sign -y "$OBJ/peer.pub"
refuse "a name with a space" kith-sign -y -n 'a b' "$OBJ/peer.pub"
refuse "a wildcard name" kith-sign -y -n '*.test' "$OBJ/peer.pub"
refuse "a bad scope" kith-sign -y -S 'a b' -n a.test "$OBJ/peer.pub"
refuse "depth 256" kith-sign -y -D 256 -n a.test "$OBJ/peer.pub"
refuse "a bad validity" kith-sign -y -V +5x -n a.test "$OBJ/peer.pub"
refuse "a missing peer file" kith-sign -y -n a.test "$OBJ/nope.pub"
refuse "no terminal and no -y" kith-sign -n a.test "$OBJ/peer.pub" </dev/null
refuse "a missing signer key" kith-sign -y -k "$OBJ/nokey" -n a.test \
    "$OBJ/peer.pub"
same_file "the store is unchanged by refusals" "$OBJ/before" "$KITH_DIR/vouches"

# a vouch made by ssh-keygen imports and is a vouch
ssh-keygen -q -t ed25519 -N '' -C ca -f "$OBJ/ca"
ssh-keygen -q -s "$OBJ/ca" -h -I sshmade -n x.test -z 7 \
    -O extension:depth@kith=1 -O extension:scope@kith='*.test' \
    "$OBJ/peer2.pub" 2>/dev/null
expect_exit 0 "kith-share import takes ssh-keygen's vouch" \
    kith-share import "$OBJ/peer2-cert.pub"
check "import reports the new vouch" grep -q '^added vouch: x.test ' "$OBJ/out"
expect_exit 0 "importing it again" kith-share import "$OBJ/peer2-cert.pub"
check "changes nothing" [ ! -s "$OBJ/out" ]
ssh-keygen -q -s "$OBJ/ca" -h -I crit -n x.test -O critical:force-command=x \
    "$OBJ/peer.pub" 2>/dev/null
cp "$KITH_DIR/vouches" "$OBJ/before"
expect_exit 2 "a certificate with a critical option is refused" \
    kith-share import "$OBJ/peer-cert.pub"
check "the error names file and line" grep -q "peer-cert.pub:1: " "$OBJ/err"
ssh-keygen -q -s "$OBJ/ca" -I user -n x.test "$OBJ/peer.pub" 2>/dev/null
expect_exit 2 "a user certificate is refused" kith-share import "$OBJ/peer-cert.pub"
ssh-keygen -q -s "$OBJ/ca" -h -I noprinc "$OBJ/peer.pub" 2>/dev/null
expect_exit 2 "a certificate without principals is refused" \
    kith-share import "$OBJ/peer-cert.pub"
{ cat "$OBJ/peer2-cert.pub"; echo "garbage line"; } >"$OBJ/mixed"
expect_exit 2 "a garbage line refuses the whole file" kith-share import "$OBJ/mixed"
check "it names line 2" grep -q "mixed:2: " "$OBJ/err"
blob=$(cut -d' ' -f2 "$OBJ/peer2-cert.pub")
echo "$blob" | base64 -d >"$OBJ/cb"
len=$(stat -c %s "$OBJ/cb")
printf '\x01' | dd of="$OBJ/cb" bs=1 seek=$((len / 2)) conv=notrunc 2>/dev/null
echo "ssh-ed25519-cert-v01@openssh.com $(base64 -w0 "$OBJ/cb")" >"$OBJ/flip"
expect_exit 2 "a flipped byte is refused" kith-share import "$OBJ/flip"
bad=0
for n in $(seq 0 7 $((len - 1))); do
	echo "ssh-ed25519-cert-v01@openssh.com $(echo "$blob" | base64 -d |
	    head -c "$n" | base64 -w0)" >"$OBJ/trunc"
	kith-share import "$OBJ/trunc" >/dev/null 2>&1
	[ $? -eq 2 ] || bad=$((bad + 1))
done
check "truncated certificates are refused" [ $bad -eq 0 ]
printf 'ssh-rsa AAAAB3NzaC1yc2E x\n' >"$OBJ/rsa"
expect_exit 2 "an unknown key type is refused" kith-share import "$OBJ/rsa"
ssh-keygen -q -t rsa -b 1024 -N '' -C rsa -f "$OBJ/rsa2"
expect_exit 2 "kith-sign: an RSA peer key is refused" \
    kith-sign -y -q -n rsa.test "$OBJ/rsa2.pub"
check "... as an unsupported key type, in one line" \
    error_line "$OBJ/err" "^kith-sign: $OBJ/rsa2.pub: unsupported key type"
expect_exit 2 "kith-verify -f: an RSA key is refused" \
    kith-verify -c rsa.test -f "$OBJ/rsa2.pub"
check "... the same way" \
    error_line "$OBJ/err" "^kith-verify: $OBJ/rsa2.pub: unsupported key type"
same_file "the store is unchanged by bad imports" "$OBJ/before" \
    "$KITH_DIR/vouches"

# withdrawals (kith-sign -r)
expect_exit 1 "-r with no vouch on that key" kith-sign -r -y \
    "$OBJ/ca.pub"
check "-r says there is nothing to withdraw" grep -q "no vouch" "$OBJ/err"
expect_exit 2 "-r with -n is a usage error" kith-sign -r -n a.test \
    "$OBJ/peer.pub"
expect_exit 0 "-r -z withdraws one vouch" kith-sign -r -y -z 43 \
    "$OBJ/peer2.pub"
check "the withdrawal is a statement in the store" \
    grep -q "^withdraw@kith " "$KITH_DIR/statements"
expect_exit 1 "-r -z with a serial that is not there" kith-sign -r -y -z 999 \
    "$OBJ/peer2.pub"
