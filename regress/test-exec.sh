#!/bin/bash
# test-exec.sh: sourced by every regress/*.sh scenario.
# Gives: $KITH_BIN (built tools), $OBJ (a scratch dir removed at exit),
# $DATA (regress/data), and helpers that print TAP-style lines.
set -u
REGRESS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DATA=$REGRESS/data
: "${KITH_BIN:=$REGRESS/../build}"
export PATH="$KITH_BIN:$PATH"
OBJ=$(mktemp -d "${TMPDIR:-/tmp}/kith-test.XXXXXX")
export KITH_DIR=$OBJ/kithdir
export LC_ALL=C
_tn=0
# KITH_TEST_SLOW: how many times slower than natively the tools run here
# (make valgrind sets it); "scaled X" is the decimal X times that, for the
# deadlines a test imposes on them.
: "${KITH_TEST_SLOW:=1}"
scaled() { awk -v x="$1" -v s="$KITH_TEST_SLOW" 'BEGIN { print x * s }'; }
trap 'rm -rf "$OBJ"' EXIT

ok() { _tn=$((_tn + 1)); echo "ok $_tn - $*"; }
notok() { _tn=$((_tn + 1)); echo "not ok $_tn - $*"; }
# check DESCRIPTION COMMAND...: passes when the command exits 0.
# "check DESCRIPTION ! COMMAND..." passes when it fails.
check() {
	local what=$1 neg=0; shift
	if [ "$1" = "!" ]; then neg=1; shift; fi
	if "$@"; then [ $neg -eq 0 ]; else [ $neg -eq 1 ]; fi &&
	    { ok "$what"; return; }
	notok "$what"
}
# expect_exit CODE DESCRIPTION COMMAND...: output goes to $OBJ/out, $OBJ/err.
expect_exit() {
	local want=$1 what=$2 rc; shift 2
	"$@" >"$OBJ/out" 2>"$OBJ/err"; rc=$?
	if [ "$rc" -eq "$want" ]; then ok "$what"
	else notok "$what (exit $rc, wanted $want)"; sed 's/^/#  /' "$OBJ/err"
	fi
}
# same_file DESCRIPTION A B: passes when the files are identical.
same_file() {
	if cmp -s "$2" "$3"; then ok "$1"
	else notok "$1"; diff "$2" "$3" | head -20 | sed 's/^/#  /'
	fi
}
# one_line_error FILE: stderr holds exactly one line.
one_line_error() { [ "$(wc -l <"$1")" -eq 1 ]; }
# error_line FILE PATTERN: FILE holds exactly one line, matching the grep
# pattern.  (In "check D A && B" the && B is outside the check: use this,
# or "check D eval 'A && B'".)
error_line() { one_line_error "$1" && grep -q -- "$2" "$1"; }

# start_sshd NAME HOSTKEY [HOSTCERT]: runs Debian's sshd on 127.0.0.1 at a
# free port ($SSHD_PORT) until the test ends.  Returns 1 when sshd cannot
# run here (not root, not installed).
start_sshd() {
	local name=$1 key=$2 cert=${3:-} cfg
	[ "$(id -u)" -eq 0 ] && [ -x /usr/sbin/sshd ] || return 1
	mkdir -p /run/sshd
	SSHD_PORT=$(( (RANDOM % 20000) + 30000 ))
	cfg=$OBJ/sshd_$name.conf
	{
		echo "Port $SSHD_PORT"
		echo "ListenAddress 127.0.0.1"
		echo "HostKey $key"
		[ -n "$cert" ] && echo "HostCertificate $cert"
		echo "PidFile none"
		echo "UsePAM no"
		echo "StrictModes no"
		echo "AuthorizedKeysFile $OBJ/authorized_keys_$name"
	} >"$cfg"
	/usr/sbin/sshd -D -e -f "$cfg" 2>"$OBJ/sshd_$name.log" &
	_sshd_pids="${_sshd_pids:-} $!"
	trap 'kill ${_sshd_pids:-} 2>/dev/null; rm -rf "$OBJ"' EXIT
	for _ in $(seq 1 50); do
		(exec 3<>"/dev/tcp/127.0.0.1/$SSHD_PORT") 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}
# ssh_hostkey_ok ALIAS [ssh options...]: 0 when ssh gets past host key
# verification (the login itself then fails: "Permission denied").
ssh_hostkey_ok() {
	local alias=$1; shift
	ssh -F none -o GlobalKnownHostsFile=/dev/null \
	    -o StrictHostKeyChecking=yes -o BatchMode=yes \
	    -o HostKeyAlias="$alias" -o ConnectTimeout=5 \
	    -o PreferredAuthentications=publickey \
	    -o IdentityFile=/dev/null -p "$SSHD_PORT" "$@" \
	    nobody@127.0.0.1 true >"$OBJ/ssh.out" 2>&1
	grep -q "Permission denied" "$OBJ/ssh.out"
}
