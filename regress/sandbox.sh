#!/bin/bash
# Every tool works inside its sandbox (NO_NEW_PRIVS, Landlock on writes),
# passphrase prompts included, and cannot write outside its paths: with
# KITH_SANDBOX_PROBE=FILE a tool tries to make FILE right after entering
# the sandbox and fails if it cannot.  The kernel's Landlock ABI comes
# from the unit test binary, not from lib/sandbox, so a sandbox that
# enforces nothing fails here instead of skipping.
. "$(dirname "$0")/test-exec.sh"
abi=$("$KITH_BIN/unit/sandbox" abi)
cd "$OBJ" || exit 1
mkdir keys o elsewhere tmp

# denied DESCRIPTION PROBE COMMAND...: exit 2 "sandbox: Permission
# denied", PROBE not made; skipped where the kernel has no Landlock.
denied() {
	local what=$1 probe=$2 rc; shift 2
	if [ "$abi" -lt 1 ]; then
		ok "# SKIP $what: this kernel has no Landlock"
		return
	fi
	KITH_SANDBOX_PROBE=$probe "$@" >"$OBJ/out.txt" 2>"$OBJ/err"; rc=$?
	if [ "$rc" -eq 2 ] && [ ! -e "$probe" ] &&
	    grep -q "sandbox: Permission denied" "$OBJ/err"; then
		ok "$what"
	else
		notok "$what (exit $rc)"; sed 's/^/#  /' "$OBJ/err"
	fi
}
# allowed DESCRIPTION PROBE COMMAND...: the probe is made and removed
# inside the tool's paths, and the command then does its work (exit 0).
allowed() {
	local what=$1 probe=$2 rc; shift 2
	KITH_SANDBOX_PROBE=$probe "$@" >"$OBJ/out.txt" 2>"$OBJ/err"; rc=$?
	if [ "$rc" -eq 0 ] && [ ! -e "$probe" ]; then
		ok "$what"
	else
		notok "$what (exit $rc)"; sed 's/^/#  /' "$OBJ/err"
	fi
}
# tty COMMAND INPUT...: runs COMMAND on a new terminal, typing each
# INPUT line once the previous prompt had time to appear.
tty() {
	local cmd=$1 line; shift
	# the pause is scaled: readpassphrase flushes input typed ahead of
	# its prompt, so a slow start (valgrind) would lose the line
	for line in "$@"; do sleep "$(scaled 0.5)"; printf '%s\n' "$line"
	    done |
	    script -qec "$cmd" /dev/null >"$OBJ/tty.txt" 2>&1
}

# kith-keygen: the new key's directory; nothing for the other forms
allowed "keygen: a key beside the probe" keys/probe \
    kith-keygen -q -N '' -C k -f keys/k
check "keygen: key, .pub and .revoke written" \
    eval '[ -s keys/k ] && [ -s keys/k.pub ] && [ -s keys/k.revoke ]'
allowed "keygen: a new kith directory and its key" "$KITH_DIR/probe" \
    kith-keygen -q -N '' -C me
check "keygen: the identity written" [ -s "$KITH_DIR/id_ed25519" ]
denied "keygen: no write beside the new key's directory" elsewhere/p \
    kith-keygen -q -N '' -f keys/k2
check "keygen: nothing written when refused" [ ! -e keys/k2 ]
denied "keygen -l: no write even beside the key" keys/p \
    kith-keygen -l -f keys/k.pub
denied "keygen -y: no write" keys/p kith-keygen -y -f keys/k
tty "kith-keygen -q -C t -f $OBJ/keys/pw" 'pass word' 'pass word'
check "keygen: asks for a passphrase on the terminal" \
    grep -q "Enter same passphrase again" tty.txt
expect_exit 0 "keygen: that passphrase protects the key" \
    kith-keygen -y -P 'pass word' -f keys/pw
tty "kith-keygen -y -f $OBJ/keys/pw" 'pass word'
pw=$(cut -d' ' -f1,2 keys/pw.pub 2>/dev/null)
check "keygen -y: the prompt and the key through the terminal" \
    grep -qF "${pw:-no key made}" tty.txt

# kith-sign: the kith directory and the -o file's directory
ssh-keygen -q -t ed25519 -N '' -C peer -f peer
allowed "sign: a vouch, probing the kith directory" "$KITH_DIR/probe" \
    kith-sign -y -q -n a.test -o o/a-cert.pub peer.pub
check "sign: the certificate written" [ -s o/a-cert.pub ]
check "... and the store" \
    grep -qF "$(cut -d' ' -f2 o/a-cert.pub)" "$KITH_DIR/vouches"
allowed "sign: probing the -o directory" o/probe \
    kith-sign -y -q -n b.test -o o/b-cert.pub peer.pub
cp "$KITH_DIR/vouches" vouches.before
denied "sign: no write elsewhere" elsewhere/p \
    kith-sign -y -q -n c.test -o o/c-cert.pub peer.pub
denied "sign: without -o, not even its directory" o/p \
    kith-sign -y -q -n c.test peer.pub
same_file "sign: the store untouched when refused" vouches.before \
    "$KITH_DIR/vouches"
check "sign: no certificate when refused" [ ! -e o/c-cert.pub ]
tty "kith-sign -q -n d.test -o $OBJ/o/d-cert.pub $OBJ/peer.pub" yes
check "sign: asks to confirm on the terminal" grep -q 'Type "yes"' tty.txt
check "sign: and vouches once confirmed" [ -s o/d-cert.pub ]
tty "kith-sign -k $OBJ/keys/pw -y -q -n p.test -o $OBJ/o/p-cert.pub \
    $OBJ/peer.pub" 'pass word'
check "sign: asks for the signer's passphrase on the terminal" \
    grep -q "Enter passphrase" tty.txt
check "sign: and signs with that key" bash -c "ssh-keygen -L -f o/p-cert.pub |
    grep -q \"Signing CA: ED25519 $(ssh-keygen -lf keys/pw.pub | cut -d' ' -f2)\""
allowed "sign: a kith directory made for the store" kd2/probe \
    kith-sign -d kd2 -k keys/k -y -q -n e.test peer.pub
check "sign: that store written" [ -s kd2/vouches ]

# kith-verify: the kith directory (caches) and the -o file's directory
allowed "verify -o: probing the output directory" o/probe \
    kith-verify -o o/known_hosts
check "verify -o: known_hosts written" grep -q "a.test.* ssh-ed25519 " o/known_hosts
cp o/known_hosts kh.before
allowed "verify -o: again, probing the kith directory" "$KITH_DIR/probe" \
    kith-verify -o o/known_hosts
check "verify -o: the old file kept as .old" [ -s o/known_hosts.old ]
denied "verify -o: no write elsewhere" elsewhere/p \
    kith-verify -o o/known_hosts
denied "verify -c: not the directory -o would use" o/p \
    kith-verify -c a.test -f peer.pub
allowed "verify -c: the kith directory for its index" "$KITH_DIR/probe" \
    kith-verify -c a.test -f peer.pub
denied "verify -K: no write elsewhere" elsewhere/p kith-verify -K a.test
same_file "verify: known_hosts untouched when refused" kh.before \
    o/known_hosts

# kith-agent: once its socket is bound, it can only remove it at the end
. "$REGRESS/agent-exec.inc"
check "agent: starts on a socket" start_agent a kith-agent
check "agent: answers" agent_alive a
stop_agent a
# the probe runs as it drops its rights: not even its own directory
mkdir sockdir
denied "agent: no file made beside its socket" sockdir/p \
    kith-agent -D -a sockdir/s
check "agent: refused, it removed its socket" [ ! -e sockdir/s ]
TMPDIR=$OBJ/tmp kith-agent -D >agent.out 2>agent.err &
pid=$!
for _ in $(seq 1 100); do [ -S "$(echo tmp/kith-*/agent.*)" ] && break
	sleep 0.05; done
check "agent: a socket in a directory of its own" [ -S "$(echo tmp/kith-*/agent.*)" ]
kill -TERM "$pid"
wait "$pid"
check "agent: removed that directory at the end" eval \
    '[ -z "$(ls tmp)" ] && [ ! -s agent.err ]'
denied "agent: the probe in TMPDIR, after the socket is made" tmp/p \
    env TMPDIR="$OBJ/tmp" kith-agent -D
check "agent: refused, it removed the socket and its directory" \
    [ -z "$(ls tmp)" ]
# victim: a "sleep 30" to signal, once it is sleep.  Signalled between
# fork and exec it is still a copy of this shell, and bash runs the EXIT
# trap on SIGTERM: the copy removed $OBJ under the running test.
victim() {
	sleep 30 & victim=$!
	for _ in $(seq 1 500); do
		[ "$(cat "/proc/$victim/comm" 2>/dev/null)" = sleep ] && return
		sleep 0.01
	done
}
victim
expect_exit 0 "agent -k: may signal the agent" \
    env SSH_AGENT_PID=$victim kith-agent -k
wait "$victim"
check "agent -k: the signal went" [ $? -eq 143 ]
victim
denied "agent -k: no write" o/p env SSH_AGENT_PID=$victim kith-agent -k
kill "$victim"

# kith-share: the kith directory and the -o file's directory; serve,
# once it listens, the kith directory alone
allowed "share export: probing the -o directory" o/probe \
    kith-share export -o o/me.bundle
check "share export: the bundle written" [ -s o/me.bundle ]
denied "share export: no write elsewhere" elsewhere/p \
    kith-share export -o o/me2.bundle
check "share export: nothing written when refused" [ ! -e o/me2.bundle ]
denied "share export -o -: not even the current directory" ./p \
    kith-share export -o -
allowed "share import: probing the kith directory" kd3/probe \
    kith-share -d kd3 import o/a-cert.pub
denied "share import: no write elsewhere" elsewhere/p \
    kith-share import o/a-cert.pub
denied "share offer: no write elsewhere" elsewhere/p \
    kith-share offer -t 1s -p 0
denied "share join: no write elsewhere" elsewhere/p \
    kith-share join 127.0.0.1:1 482-193-7063
denied "share pull: no write elsewhere" elsewhere/p \
    kith-share pull 127.0.0.1:1
denied "share serve: no write elsewhere" elsewhere/p \
    kith-share serve -l 127.0.0.1 -p 0
# serve checks the probe twice, the second time once it listens: in
# the kith directory it is still allowed, so it goes on serving
KITH_SANDBOX_PROBE=$KITH_DIR/probe kith-share serve -l 127.0.0.1 -p 0 \
    2>serve.err & spid=$!
for _ in $(seq 1 100); do
	grep -q "serving" serve.err 2>/dev/null && break
	sleep 0.05
done
check "share serve: serving, the probe allowed in both layers" \
    grep -q "^kith-share: serving" serve.err
kill "$spid"; wait "$spid" 2>/dev/null || :
