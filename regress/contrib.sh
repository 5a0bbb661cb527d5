#!/bin/bash
# contrib/: the systemd units pass systemd-analyze verify (where it runs),
# and the commands of the sync unit and the cron line, run as written
# (paths moved to the build), pull from a serve and write a known_hosts
# that ssh accepts; KnownHostsCommand answers as the ssh snippet says.
. "$(dirname "$0")/test-exec.sh"
. "$REGRESS/pair-exec.inc"
C=$REGRESS/../contrib
for n in a b x; do node "$n"; done
kith-sign -d "$OBJ/a" -y -q -D 1 -n b.test "$(pub b)"
kith-sign -d "$OBJ/b" -y -q -D 1 -n a.test "$(pub a)"
kith-sign -d "$OBJ/a" -y -q -n x.test "$(pub x)"

# the unit files, with the tools where the build put them
mkdir -p "$OBJ/units"
for f in kith-share-serve.service kith-sync.service kith-sync.timer; do
	sed "s|/usr/local/bin/|$KITH_BIN/|g" "$C/$f" >"$OBJ/units/$f"
done
if command -v systemd-analyze >/dev/null &&
    systemd-analyze --version >/dev/null 2>&1; then
	(cd "$OBJ/units" && systemd-analyze verify kith-share-serve.service \
	    kith-sync.service kith-sync.timer) 2>&1 |
	    grep -v "Command 'man " >"$OBJ/analyze" || true
	check "systemd-analyze verify finds nothing wrong in the units" \
	    [ ! -s "$OBJ/analyze" ] || sed 's/^/#  /' "$OBJ/analyze"
else
	ok "# SKIP no systemd-analyze"
fi

# serve: the unit's ExecStart, with KITH_DIR from the unit
exec_of() { sed -n "s/^ExecStart=-\{0,1\}//p" "$OBJ/units/$1"; }
check "the serve unit runs kith-share serve" \
    [ "$(exec_of kith-share-serve.service)" = "$KITH_BIN/kith-share serve" ]
start_serve a || notok "a serves"

# sync: each ExecStart line as systemd would run it, with the variables
# of kith.default set for this test
KITH_PEERS="127.0.0.1:$SPORT" KITH_KNOWN_HOSTS=$OBJ/ssh_known_hosts
n=0
while read -r line; do
	n=$((n + 1))
	line=${line//\$\{KITH_KNOWN_HOSTS\}/$KITH_KNOWN_HOSTS}
	line=${line//\$KITH_PEERS/$KITH_PEERS}
	# shellcheck disable=SC2086
	KITH_DIR=$OBJ/b $line >"$OBJ/exec$n.out" 2>"$OBJ/exec$n.err"
	check "kith-sync.service line $n exits 0: ${line##*/}" [ $? -eq 0 ]
done < <(exec_of kith-sync.service)
check "the sync unit has the pull and the rewrite" [ "$n" -eq 2 ]
check "b's known_hosts (written by the unit) holds x, learnt from a" \
    grep -q "^x.test ssh-ed25519 " "$KITH_KNOWN_HOSTS"

# cron: the line's command, with its KITH_DIR and our paths, in the
# environment Debian's cron gives a job (PATH=/usr/bin:/bin): each tool
# is named where make install puts it, as in the units
cmd=$(sed -n 's/^[^#]*\* \* \* \* root //p' "$C/kith-sync.cron")
check "the cron line names both tools in /usr/local/bin" eval \
    '[ "$(grep -o "[^ ]*kith-[a-z]*" <<<"$cmd" | sort -u | tr "\n" " ")" \
    = "/usr/local/bin/kith-share /usr/local/bin/kith-verify " ]'
cmd=${cmd//\/usr\/local\/bin\//$KITH_BIN/}
cmd=${cmd//a.example.com b.example.com/127.0.0.1:$SPORT}
cmd=${cmd//\/etc\/ssh\/ssh_known_hosts/$OBJ/cron_known_hosts}
kdir=$(sed -n 's/^KITH_DIR=//p' "$C/kith-sync.cron")
check "the cron line uses the kith directory the units use" \
    [ "$kdir" = /etc/kith ]
expect_exit 0 "the cron line's command runs with cron's PATH" \
    env -i HOME="$HOME" LOGNAME="$(id -un)" SHELL=/bin/sh \
    PATH=/usr/bin:/bin KITH_DIR="$OBJ/b" /bin/sh -c "$cmd"
same_file "... and writes the same known_hosts as the unit" \
    "$KITH_KNOWN_HOSTS" "$OBJ/cron_known_hosts"

# ssh's KnownHostsCommand line, as the snippet has it (commented out)
khc=$(sed -n 's/^#[[:space:]]*KnownHostsCommand //p' "$C/ssh_config.kith")
khc=${khc//\/usr\/local\/bin\//$KITH_BIN/}
khc=${khc//KITH_DIR=\/etc\/kith/KITH_DIR=$OBJ/b}
expect_exit 0 "KnownHostsCommand with %H = x.test" ${khc//%H/x.test}
check "... prints x's key as a known_hosts line" \
    grep -q "^x.test ssh-ed25519 " "$OBJ/out"
stop_serve a
