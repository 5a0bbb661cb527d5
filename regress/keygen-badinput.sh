#!/bin/bash
# Bad input: a one-line error naming the file, exit 2, nothing on stdout.
. "$(dirname "$0")/test-exec.sh"
ssh-keygen -q -t ed25519 -N '' -C good -f "$OBJ/good"
# refused FILE DESCRIPTION [kith-keygen options...]: exit 2, one line on
# stderr naming FILE, stdout empty
refused() {
	local f=$1 what=$2 rc; shift 2
	kith-keygen "$@" -f "$f" >"$OBJ/out" 2>"$OBJ/err"; rc=$?
	if [ $rc -eq 2 ] && [ ! -s "$OBJ/out" ] && one_line_error "$OBJ/err" &&
	    grep -qF "$f" "$OBJ/err"; then
		ok "$what"
	else
		notok "$what (exit $rc)"; sed 's/^/#  /' "$OBJ/out" "$OBJ/err"
	fi
}
refused "$OBJ/missing" "missing file" -l
refused "$OBJ" "a directory" -l
refused "$OBJ/missing" "missing file (-y)" -y
printf 'just some text\n' >"$OBJ/text"
refused "$OBJ/text" "not a key file" -l
refused "$OBJ/text" "not a key file (-B)" -B
: >"$OBJ/empty"
refused "$OBJ/empty" "empty file" -l

# every truncation and a trailing byte of the public blob, and bad base64
blob=$(cut -d' ' -f2 "$OBJ/good.pub")
echo "$blob" | base64 -d >"$OBJ/blob"
len=$(stat -c %s "$OBJ/blob")
bad=0
for n in $(seq 0 $((len - 1))); do
	printf 'ssh-ed25519 %s trunc\n' "$(head -c "$n" "$OBJ/blob" | base64 -w0)" \
	    >"$OBJ/t.pub"
	kith-keygen -l -f "$OBJ/t.pub" >"$OBJ/out" 2>"$OBJ/err"
	[ $? -eq 2 ] && [ ! -s "$OBJ/out" ] || bad=$((bad + 1))
done
check "every truncation of the key blob is refused ($len)" [ $bad -eq 0 ]
{ cat "$OBJ/blob"; printf 'X'; } | base64 -w0 >"$OBJ/b64"
printf 'ssh-ed25519 %s trailing\n' "$(cat "$OBJ/b64")" >"$OBJ/trail.pub"
refused "$OBJ/trail.pub" "trailing byte after the blob" -l
printf 'ssh-ed25519 %s!!\n' "$blob" >"$OBJ/b64.pub"
refused "$OBJ/b64.pub" "bad base64" -l
printf 'ssh-ed25519 %s\n' "${blob%?}" >"$OBJ/pad.pub"
refused "$OBJ/pad.pub" "base64 with a missing character" -l
printf 'ssh-rsa %s x\n' "$blob" >"$OBJ/type.pub"
refused "$OBJ/type.pub" "type word that does not match the blob" -l
sed 's/ssh-ed25519/ssh-ed25519-cert-v01@openssh.com/' "$OBJ/good.pub" \
    >"$OBJ/certword.pub"
refused "$OBJ/certword.pub" "plain blob under the certificate type" -l
ssh-keygen -q -t rsa -b 1024 -N '' -C rsa -f "$OBJ/rsa"
refused "$OBJ/rsa.pub" "an RSA key alone: one line, not a warning and an \
error" -l
check "... saying kith handles only ssh-ed25519" \
    grep -q "no ssh-ed25519 key, only 1 of other types" "$OBJ/err"

# private keys: permissions, OpenSSH encryption, structure
cp "$OBJ/good" "$OBJ/open"; chmod 644 "$OBJ/open"
refused "$OBJ/open" "a 0644 private key" -y
chmod 640 "$OBJ/open"
refused "$OBJ/open" "a 0640 private key" -y
ssh-keygen -q -t ed25519 -N secret -C enc -f "$OBJ/sshenc"
refused "$OBJ/sshenc" "an OpenSSH-encrypted key" -y
grep -q ssh-add "$OBJ/err"
check "the OpenSSH-encrypted error points to ssh-add" grep -q ssh-add "$OBJ/err"

# decode, damage, re-armour
armour() {
	{ echo "-----BEGIN OPENSSH PRIVATE KEY-----"
	  base64 -w 70 "$1"
	  echo "-----END OPENSSH PRIVATE KEY-----"; } >"$2"
	chmod 600 "$2"
}
sed '1d;$d' "$OBJ/good" | base64 -d >"$OBJ/pblob"
plen=$(stat -c %s "$OBJ/pblob")
bad=0
for n in $(seq 0 $((plen - 1))); do
	head -c "$n" "$OBJ/pblob" >"$OBJ/pt"
	armour "$OBJ/pt" "$OBJ/ptk"
	kith-keygen -y -f "$OBJ/ptk" >"$OBJ/out" 2>"$OBJ/err"
	[ $? -eq 2 ] && [ ! -s "$OBJ/out" ] && one_line_error "$OBJ/err" ||
	    bad=$((bad + 1))
done
check "every truncation of the private key blob is refused ($plen)" \
    [ $bad -eq 0 ]
bad=0
for n in $(seq 0 5 $(($(stat -c %s "$OBJ/good") - 2))); do
	head -c "$n" "$OBJ/good" >"$OBJ/ft"; chmod 600 "$OBJ/ft"
	kith-keygen -y -f "$OBJ/ft" >"$OBJ/out" 2>"$OBJ/err"
	[ $? -eq 2 ] && [ ! -s "$OBJ/out" ] || bad=$((bad + 1))
done
check "truncations of the private key file are refused" [ $bad -eq 0 ]
{ cat "$OBJ/pblob"; printf '\0'; } >"$OBJ/pt"
armour "$OBJ/pt" "$OBJ/trailk"
refused "$OBJ/trailk" "trailing byte in the private key" -y
# the last byte is padding (ed25519 with a 4-char comment pads to 8)
last=$((plen - 1))
cp "$OBJ/pblob" "$OBJ/pt"
printf '\377' | dd of="$OBJ/pt" bs=1 seek=$last conv=notrunc 2>/dev/null
armour "$OBJ/pt" "$OBJ/padk"
refused "$OBJ/padk" "bad padding" -y
# the envelope public key of another key
ssh-keygen -q -t ed25519 -N '' -C good -f "$OBJ/other"
sed '1d;$d' "$OBJ/other" | base64 -d >"$OBJ/oblob"
# layout: magic(15) + 3 strings "none","none","" (8+8+4) + u32 nkeys(4)
# = 39 bytes, then string pubkey (4+51)
{ head -c 39 "$OBJ/pblob"; dd if="$OBJ/oblob" bs=1 skip=39 count=55 \
    2>/dev/null; tail -c +95 "$OBJ/pblob"; } >"$OBJ/pt"
armour "$OBJ/pt" "$OBJ/mixk"
refused "$OBJ/mixk" "mismatched public halves" -y
printf 'garbage' | dd of="$OBJ/pblob" bs=1 seek=0 conv=notrunc 2>/dev/null
armour "$OBJ/pblob" "$OBJ/magick"
refused "$OBJ/magick" "wrong magic" -y

# option errors exit 2 with usage
expect_exit 2 "unknown option" kith-keygen -Z
expect_exit 2 "-E with a bad hash" kith-keygen -l -E sha1 -f "$OBJ/good.pub"
