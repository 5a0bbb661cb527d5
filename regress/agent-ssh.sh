#!/bin/bash
# Keys held only in kith-agent: ssh logs in with them (a plain key and a
# certificate), and kith-sign makes vouches through kith-agent and through
# OpenSSH's ssh-agent when the identity's private key is not there.
. "$(dirname "$0")/test-exec.sh"
cd "$OBJ" || exit 2
ssh-keygen -q -t ed25519 -N '' -C host -f hostkey
if start_sshd agent "$OBJ/hostkey"; then have_sshd=1; else have_sshd=0; fi
. "$REGRESS/agent-exec.inc"	# after start_sshd: its trap ends both
make_askpass
start_agent kith kith-agent || notok "kith-agent starts"
start_agent ssh ssh-agent || notok "ssh-agent starts"
export SSH_AUTH_SOCK=$OBJ/kith.sock

# login: the private key files are gone once the agent has them
ssh-keygen -q -t ed25519 -N '' -C user1 -f u1
ssh-keygen -q -t ed25519 -N '' -C user2 -f u2
ssh-keygen -q -t ed25519 -N '' -C ca -f ca
ssh-keygen -q -s ca -I "user2 cert" -n root u2.pub 2>/dev/null
ssh-add -q u1 u2 2>/dev/null
rm -f u1 u2
login() {
	ssh -F none -o UserKnownHostsFile="$OBJ/kh" \
	    -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=no \
	    -o BatchMode=yes -o ConnectTimeout=5 -o IdentityFile=/dev/null \
	    -o PreferredAuthentications=publickey -p "$SSHD_PORT" \
	    root@127.0.0.1 echo logged in "$@" 2>"$OBJ/ssh.err"
}
if [ $have_sshd -eq 1 ]; then
	cp u1.pub authorized_keys_agent
	check "ssh logs in with a key held only in kith-agent" \
	    [ "$(login)" = "logged in" ]
	check "sshd took that key" grep -q "Accepted publickey for root .* \
ED25519 $(ssh-keygen -lf u1.pub | cut -d' ' -f2)" sshd_agent.log
	echo "cert-authority $(cat ca.pub)" >authorized_keys_agent
	check "ssh logs in with a certificate held in kith-agent" \
	    [ "$(login)" = "logged in" ]
	check "sshd took the certificate" \
	    grep -q "Accepted publickey for root .* ED25519-CERT" sshd_agent.log
	ssh-add -D 2>/dev/null
	check "with the agent emptied, the login fails" ! login
	check "with Permission denied" grep -q "Permission denied" ssh.err
else
	for _ in 1 2 3 4 5 6; do ok "# SKIP sshd needs root"; done
fi

# kith-sign through an agent
ssh-keygen -q -t ed25519 -N '' -C peer -f peer
kith-keygen -q -N '' -C signer
id=$KITH_DIR/id_ed25519
fp=$(ssh-keygen -lf "$id.pub" | cut -d' ' -f2)
signed_by_identity() {	# the certificate $1 names the identity as its CA
	ssh-keygen -L -f "$1" | grep -q "Signing CA: ED25519 $fp"
}
ssh-add -q "$id" 2>/dev/null
SSH_AUTH_SOCK=$OBJ/ssh.sock ssh-add -q "$id" 2>/dev/null
if [ "$(id -u)" -ne 0 ]; then
	chmod 000 "$id"
	expect_exit 0 "kith-sign, identity file unreadable, through kith-agent" \
	    kith-sign -y -q -n z.test peer.pub
	chmod 600 "$id"
else
	ok "# SKIP chmod 000 does not stop root: the file is moved away instead"
fi
mv "$id" "$OBJ/id.away"
expect_exit 0 "kith-sign, identity file gone, through kith-agent" \
    kith-sign -y -q -n a.test -o a-cert.pub peer.pub
check "the vouch is signed by the identity" signed_by_identity a-cert.pub
check "and in the store" grep -qF "$(cut -d' ' -f2 a-cert.pub)" \
    "$KITH_DIR/vouches"
SSH_AUTH_SOCK=$OBJ/ssh.sock expect_exit 0 \
    "kith-sign, identity file gone, through OpenSSH's ssh-agent" \
    kith-sign -y -q -n b.test -o b-cert.pub peer.pub
check "that vouch is signed by the identity" signed_by_identity b-cert.pub
cp "$KITH_DIR/vouches" before
expect_exit 2 "without an agent the missing key fails" \
    env -u SSH_AUTH_SOCK kith-sign -y -q -n c.test peer.pub
check "as before: the file is named" grep -q "id_ed25519: " "$OBJ/err"
ssh-add -q -d "$id.pub" 2>/dev/null
expect_exit 2 "an agent without the key" kith-sign -y -q -n c.test peer.pub
check "says so in one line" one_line_error "$OBJ/err"
check "that the agent does not hold the key" \
    grep -q "the agent does not hold this key" "$OBJ/err"
mv "$OBJ/id.away" "$id"
expect_exit 2 "-A with the file there still signs only through the agent" \
    kith-sign -A -y -q -n c.test peer.pub
same_file "nothing was stored by the refusals" before "$KITH_DIR/vouches"
SSH_AUTH_SOCK=$OBJ/ssh.sock expect_exit 0 "-A through ssh-agent" \
    kith-sign -A -y -q -n c.test -o c-cert.pub peer.pub
check "signed by the identity" signed_by_identity c-cert.pub
cp "$id.pub" "$OBJ/signer.pub"
SSH_AUTH_SOCK=$OBJ/ssh.sock expect_exit 0 \
    "-k file.pub signs through the agent" \
    kith-sign -k "$OBJ/signer.pub" -y -q -n d.test -o d-cert.pub peer.pub
check "signed by that key" signed_by_identity d-cert.pub

# a key encrypted by OpenSSH, which only ssh-add can open
ssh-keygen -q -t ed25519 -N 'pw' -C enc -f enc
echo pw >pass
SSH_ASKPASS=$OBJ/askpass SSH_ASKPASS_REQUIRE=force setsid -w ssh-add -q enc \
    </dev/null 2>/dev/null
expect_exit 0 "an OpenSSH-encrypted signer key is used through the agent" \
    kith-sign -k enc -y -q -n e.test -o e-cert.pub peer.pub
check "signed by it" bash -c "ssh-keygen -L -f e-cert.pub | grep -q \
    'Signing CA: ED25519 $(ssh-keygen -lf enc.pub | cut -d' ' -f2)'"

# the agent may refuse: a key whose every use must be confirmed, refused
stop_agent kith
SSH_ASKPASS=$OBJ/confirm SSH_ASKPASS_REQUIRE=force AGENT=kith \
    start_agent kith kith-agent
ssh-add -q -c "$id" 2>/dev/null
echo 1 >answer
cp "$KITH_DIR/vouches" before
expect_exit 2 "a refused confirmation" kith-sign -A -y -q -n f.test peer.pub
check "is reported as such" grep -q "the agent refused to sign" "$OBJ/err"
same_file "and nothing is stored" before "$KITH_DIR/vouches"
echo 0 >answer
expect_exit 0 "a confirmed one signs" kith-sign -A -y -q -n f.test peer.pub
stop_agent kith
kill "$ssh_pid"
