#!/bin/bash
# OpenSSH's own clients (ssh-add, ssh-keygen -Y) against kith-agent print
# and do exactly what they do against OpenSSH's ssh-agent: the same
# session is run on both agents and the transcripts must match.
. "$(dirname "$0")/test-exec.sh"
. "$REGRESS/agent-exec.inc"
cd "$OBJ" || exit 2
make_askpass
for k in k1 k2 k3 k4; do
	ssh-keygen -q -t ed25519 -N '' -C "comment $k" -f $k
done
ssh-keygen -q -t ed25519 -N 'pass phrase' -C encrypted -f enc
ssh-keygen -q -t ed25519 -N '' -C ca -f ca
ssh-keygen -q -s ca -I "user k2" -n root k2.pub 2>/dev/null
# public halves alone, so that ssh-keygen -Y sign can only use the agent
mkdir pub && cp k?.pub k2-cert.pub pub/
echo "a message" >msg
echo "root $(cat k2.pub)" >allowed
echo "root cert-authority $(cat ca.pub)" >allowed_ca

export SSH_ASKPASS=$OBJ/askpass SSH_ASKPASS_REQUIRE=force
# both agents confirm through $OBJ/confirm
SSH_ASKPASS=$OBJ/confirm AGENT=kith start_agent kith kith-agent ||
    notok "kith-agent starts"
SSH_ASKPASS=$OBJ/confirm AGENT=ssh start_agent ssh ssh-agent ||
    notok "ssh-agent starts"

# t COMMAND...: runs it with no terminal and stdin from ${IN:-/dev/null};
# appends its output and exit status to $out.
t() {
	echo "\$ $*" >>"$out"
	setsid -w "$@" <"${IN:-/dev/null}" >>"$out" 2>&1
	echo "exit $?" >>"$out"
}
session() {
	export SSH_AUTH_SOCK=$OBJ/$1.sock out=$OBJ/$1.transcript
	: >"$out"
	t ssh-add -l
	t ssh-add -L
	t ssh-add k1
	t ssh-add k2
	echo 'pass phrase' >pass
	t ssh-add enc
	t ssh-add -l
	t ssh-add -L
	t ssh-add -T k1.pub
	t ssh-add k1
	t ssh-add -l
	t ssh-add -d k1.pub
	t ssh-add -d k1.pub
	t ssh-add -l
	t ssh-keygen -Y sign -f pub/k2.pub -n test msg
	mv msg.sig "$1.sig"
	IN=msg t ssh-keygen -Y verify -f allowed -I root -n test -s "$1.sig"
	t ssh-keygen -Y sign -f pub/k2-cert.pub -n test msg
	mv msg.sig "$1.certsig"
	IN=msg t ssh-keygen -Y verify -f allowed_ca -I root -n test \
	    -s "$1.certsig"
	t ssh-keygen -Y sign -f pub/k1.pub -n test msg
	rm -f msg.sig
	echo 'lock pw' >pass
	t ssh-add -x
	t ssh-add -l
	t ssh-add -L
	t ssh-add k3
	t ssh-add -d k2.pub
	t ssh-add -D
	t ssh-keygen -Y sign -f pub/k2.pub -n test msg
	rm -f msg.sig
	t ssh-add -x
	echo 'wrong pw' >pass
	t ssh-add -X
	echo 'lock pw' >pass
	t ssh-add -X
	t ssh-add -X
	t ssh-add -l
	t ssh-add -t 2 k3
	t ssh-add -l
	sleep 3
	t ssh-add -l
	t ssh-add -c k4
	echo 0 >answer
	t ssh-keygen -Y sign -f pub/k4.pub -n test msg
	rm -f msg.sig
	echo 1 >answer
	t ssh-keygen -Y sign -f pub/k4.pub -n test msg
	rm -f msg.sig
	t ssh-add -t 60 -c k4
	t ssh-add -l
	t ssh-add -D
	t ssh-add -l
}
session kith
session ssh
# normalise the agent's name (in the socket and signature file names)
for a in kith ssh; do
	sed "s|$OBJ/$a.sock|SOCK|g; s/ $a\.sig/ AGENT.sig/" $a.transcript |
	    sed "s/ $a\.certsig/ AGENT.certsig/" >$a.norm
done
same_file "the ssh-add session prints the same on both agents" \
    ssh.norm kith.norm
check "and did what it should" grep -q "Agent unlocked" kith.norm
check "the passphrase-protected key was added" \
    grep -q "^Identity added: enc (encrypted)" kith.norm
check "the certificate was added with its key" \
    grep -q "^Certificate added: k2-cert.pub" kith.norm
check "kith-agent's signatures verify" \
    [ "$(grep -c '^Good "test" signature for root' kith.norm)" -eq 2 ]
same_file "its signatures are byte for byte ssh-agent's" ssh.sig kith.sig
same_file "also with the certificate" ssh.certsig kith.certsig
check "the key expired: the list after it was empty" \
    [ "$(grep -c 'The agent has no identities' kith.norm)" -ge 4 ]
same_file "the confirmation prompts are the same" prompts.ssh prompts.kith
check "a confirmed use was asked for" \
    grep -q "^Allow use of key comment k4?" prompts.kith

# the query extension (OpenSSH 10.3+): kith answers with what it knows
q=$(printf query | od -An -tx1 | tr -d ' \n')
expect_exit 0 "query" "$AGENTPROTO" req kith.sock "1b00000005$q" \
    "1b00000004$(printf xxxx | od -An -tx1 | tr -d ' \n')"
check "query lists query" [ "$(sed -n 1p "$OBJ/out")" = \
    "1d00000005${q}00000005${q}" ]
check "an unknown extension fails" [ "$(sed -n 2p "$OBJ/out")" = 05 ]

stop_agent kith
kill "$ssh_pid"
