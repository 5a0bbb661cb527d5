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
