#!/bin/bash
# End to end with the real OpenSSH: A, B, C trust each other; host X is
# added by one vouch from A; B and C then get past ssh's host key check
# through kith-verify -o and through KnownHostsCommand.
. "$(dirname "$0")/test-exec.sh"
ssh-keygen -q -t ed25519 -N '' -C x-host -f "$OBJ/x_host_key"
if ! start_sshd x "$OBJ/x_host_key"; then
	ok "# SKIP sshd cannot run here (needs root and openssh-server)"
	exit 0
fi
for h in a b c; do kith-keygen -q -N '' -C "$h" -d "$OBJ/$h"; done
sign() {	# sign SIGNER OUT [kith-sign options] PEER.pub
	local who=$1 out=$2; shift 2
	kith-sign -d "$OBJ/$who" -y -q -o "$OBJ/$out" "$@"
}
sign a b-by-a.pub -D 1 -n b.test "$OBJ/b/id_ed25519.pub"
sign a c-by-a.pub -D 1 -n c.test "$OBJ/c/id_ed25519.pub"
sign b a-by-b.pub -D 1 -n a.test "$OBJ/a/id_ed25519.pub"
sign c a-by-c.pub -D 1 -n a.test "$OBJ/a/id_ed25519.pub"
for h in b c; do
	kith-share -d "$OBJ/$h" import "$OBJ/b-by-a.pub" "$OBJ/c-by-a.pub" \
	    >/dev/null
done

# before X is vouched for, B refuses it
kith-verify -d "$OBJ/b" -o "$OBJ/kh_b"
check "B trusts A and C" [ "$(grep -c ssh-ed25519 "$OBJ/kh_b")" -eq 3 ]
check "without A's vouch ssh refuses X" ! ssh_hostkey_ok x.test \
    -o UserKnownHostsFile="$OBJ/kh_b"
check "... with \"Host key verification failed\"" \
    grep -q "Host key verification failed" "$OBJ/ssh.out"

# the one manual exchange: A checks X and vouches; B and C import it
sign a x-by-a.pub -n x.test "$OBJ/x_host_key.pub"
for h in b c; do
	kith-share -d "$OBJ/$h" import "$OBJ/x-by-a.pub" >/dev/null
	expect_exit 0 "$h: kith-verify -o" kith-verify -d "$OBJ/$h" \
	    -o "$OBJ/kh_$h"
	check "$h: ssh passes host key verification for X" \
	    ssh_hostkey_ok x.test -o UserKnownHostsFile="$OBJ/kh_$h"
	expect_exit 0 "$h: kith-verify -o -H (hashed)" kith-verify -d "$OBJ/$h" \
	    -H -o "$OBJ/khh_$h"
	check "$h: hashed names hide x.test" ! grep -q x.test "$OBJ/khh_$h"
	check "$h: ssh-keygen -F finds x.test in the hashed file" \
	    bash -c "ssh-keygen -F x.test -f $OBJ/khh_$h >/dev/null"
	check "$h: ssh passes with the hashed known_hosts" \
	    ssh_hostkey_ok x.test -o UserKnownHostsFile="$OBJ/khh_$h"
	check "$h: ssh passes through KnownHostsCommand" \
	    ssh_hostkey_ok x.test -o UserKnownHostsFile=/dev/null \
	    -o KnownHostsCommand="$KITH_BIN/kith-verify -d $OBJ/$h -K %H"
done
check "the old known_hosts is kept as .old" [ -f "$OBJ/kh_b.old" ]
check "KnownHostsCommand with another alias fails" ! ssh_hostkey_ok y.test \
    -o UserKnownHostsFile=/dev/null \
    -o KnownHostsCommand="$KITH_BIN/kith-verify -d $OBJ/b -K %H"
expect_exit 0 "-K for an unknown host: no lines, exit 0" \
    kith-verify -d "$OBJ/b" -K 127.0.0.1
check "-K printed nothing" [ ! -s "$OBJ/out" ]
kith-verify -d "$OBJ/b" -K '[x.test]:2222' >"$OBJ/k"
check "-K keeps the [host]:port form" grep -q '^\[x.test\]:2222 ssh-ed25519 ' \
    "$OBJ/k"

# ssh-keyscan output checks against the trust
ssh-keyscan -t ed25519 -p "$SSHD_PORT" 127.0.0.1 2>/dev/null >"$OBJ/scan"
expect_exit 0 "-c x.test with ssh-keyscan output on stdin" \
    kith-verify -d "$OBJ/c" -c x.test <"$OBJ/scan"
check "-c prints one line" [ "$(wc -l <"$OBJ/out")" -eq 1 ]
expect_exit 1 "-c b.test with X's key: not trusted" \
    kith-verify -d "$OBJ/c" -c b.test <"$OBJ/scan"
check "-c says why" grep -q "not trusted" "$OBJ/out"

# a vouch served as the host certificate: ssh accepts it with only the
# signer as @cert-authority (kith extensions are ignored by ssh)
kill $_sshd_pids 2>/dev/null; wait 2>/dev/null; _sshd_pids=
start_sshd xc "$OBJ/x_host_key" "$OBJ/x-by-a.pub"
echo "@cert-authority x.test $(cut -d' ' -f1,2 "$OBJ/a/id_ed25519.pub")" \
    >"$OBJ/ca_kh"
check "sshd serves the vouch as HostCertificate; ssh accepts it" \
    ssh_hostkey_ok x.test -o UserKnownHostsFile="$OBJ/ca_kh"
