#!/bin/bash
# kith-agent as a command: what it prints (as ssh-agent prints it), where
# its socket goes, -k, -t, -D, -d, the signals that end it cleanly, and
# its hardening.
. "$(dirname "$0")/test-exec.sh"
. "$REGRESS/agent-exec.inc"
cd "$OBJ" || exit 2
mkdir tmp && export TMPDIR=$OBJ/tmp
ssh-keygen -q -t ed25519 -N '' -C k -f k
# normal NAME: what an agent printed, socket paths and pids made uniform
normal() {
	sed -E 's|(SSH_AUTH_SOCK[= ])[^;]*;|\1SOCK;|; s/[0-9]+/N/g' "$1"
}
ready() {	# ready SOCKET [FILE N]: waits for the socket (and N lines)
	for _ in $(seq 1 100); do
		[ -S "$1" ] && { [ -z "${2:-}" ] ||
		    [ "$(wc -l <"$2")" -ge "$3" ]; } && return 0
		sleep 0.05
	done
	return 1
}
gone() {	# gone PID: waits up to 5 s for the process to end
	for _ in $(seq 1 50); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.1
	done
	return 1
}

# forking, as ssh-agent does
SHELL=/bin/bash kith-agent >kith.sh 2>kith.err
check "kith-agent forks and exits 0" [ $? -eq 0 ]
check "... quietly" [ ! -s kith.err ]
SHELL=/bin/bash ssh-agent >ssh.sh
normal kith.sh >kith.norm
normal ssh.sh >ssh.norm
same_file "it prints what ssh-agent prints (sh)" ssh.norm kith.norm
eval "$(SSH_AGENT_PID= ; cat ssh.sh)" >/dev/null
ssh-agent -k >/dev/null
eval "$(cat kith.sh)" >/dev/null
check "the socket is in a new directory under TMPDIR" \
    [ "$(dirname "$(dirname "$SSH_AUTH_SOCK")")" = "$TMPDIR" ]
check "named like ssh-agent's" \
    bash -c "[[ '$SSH_AUTH_SOCK' =~ /kith-[A-Za-z0-9]{6}/agent\.[0-9]+$ ]]"
check "the directory is 0700" \
    [ "$(stat -c %a "$(dirname "$SSH_AUTH_SOCK")")" = 700 ]
check "the socket is 0600" [ "$(stat -c %a "$SSH_AUTH_SOCK")" = 600 ]
check "ssh-add talks to it" \
    bash -c 'ssh-add -q k 2>/dev/null && ssh-add -l >/dev/null'
if [ -z "${KITH_VALGRIND:-}" ]; then
	check "SSH_AGENT_PID is the agent" [ "$(readlink \
	    "/proc/$SSH_AGENT_PID/exe")" = "$(command -v kith-agent)" ]
else	# the process is valgrind, running kith-agent
	check "SSH_AGENT_PID is the agent (under valgrind)" \
	    grep -qz '/kith-agent$' "/proc/$SSH_AGENT_PID/cmdline"
fi
check "no core dumps" grep -Eq '^Max core file size +0 +0 ' \
    "/proc/$SSH_AGENT_PID/limits"
dir=$(dirname "$SSH_AUTH_SOCK")
pid=$SSH_AGENT_PID
eval "$(ssh-agent -s)" >/dev/null
SSH_AGENT_PID=$pid kith-agent -k >kill.out
check "-k ends the agent named by SSH_AGENT_PID" gone "$pid"
check "which removes the socket and its directory" [ ! -e "$dir" ]
ssh-agent -k >ssh-kill.out
normal kill.out >kith.norm
normal ssh-kill.out >ssh.norm
same_file "-k prints what ssh-agent -k prints" ssh.norm kith.norm
unset SSH_AGENT_PID
expect_exit 2 "-k without SSH_AGENT_PID" kith-agent -k
check "says so in one line" one_line_error "$OBJ/err"
SSH_AGENT_PID=$pid SHELL=/bin/csh kith-agent -k >kill.out 2>&1
check "-k of an agent gone: exit 2" [ $? -eq 2 ]

# csh syntax: -c, or a SHELL ending in csh; -s wins over SHELL
same_as_ssh_agent() {	# same_as_ssh_agent SHELL [OPTION]
	SHELL=$1 kith-agent ${2:-} >kith.sh
	SHELL=$1 ssh-agent ${2:-} >ssh.sh
	normal kith.sh >kith.norm
	normal ssh.sh >ssh.norm
	same_file "prints what ssh-agent prints: SHELL=$1 ${2:-}" \
	    ssh.norm kith.norm
	for f in kith.sh ssh.sh; do
		kill "$(sed -nE 's/^echo Agent pid ([0-9]+);$/\1/p' $f)"
	done
}
same_as_ssh_agent /bin/bash -c
same_as_ssh_agent /bin/tcsh
same_as_ssh_agent /bin/csh -s
SHELL=/bin/csh kith-agent -c >kith.sh
pid=$(sed -nE 's/^echo Agent pid ([0-9]+);$/\1/p' kith.sh)
SSH_AGENT_PID=$pid kith-agent -c -k >kill.out
check "-c -k prints unsetenv" [ "$(normal kill.out)" = "$(printf '%s\n' \
    'unsetenv SSH_AUTH_SOCK;' 'unsetenv SSH_AGENT_PID;' \
    'echo Agent pid N killed;')" ]

# -D: the foreground; -d: debug lines on stderr
kith-agent -D -a "$OBJ/fg.sock" >fg.out 2>fg.err &
fg=$!
ssh-agent -D -a "$OBJ/ssh-fg.sock" >ssh-fg.out 2>/dev/null &
sfg=$!
ready "$OBJ/fg.sock" fg.out 2
ready "$OBJ/ssh-fg.sock" ssh-fg.out 2
normal fg.out >kith.norm
normal ssh-fg.out >ssh.norm
same_file "-D prints what ssh-agent -D prints" ssh.norm kith.norm
check "-D stays in the foreground" kill -0 $fg
kill $sfg
expect_exit 2 "a socket path in use is refused" kith-agent -D -a "$OBJ/fg.sock"
expect_exit 2 "an empty socket path is refused" kith-agent -D -a ''
check "... saying so in one line" \
    grep -qx "kith-agent: -a: the socket path is empty" "$OBJ/err"
check "-D is quiet on stderr" [ ! -s fg.err ]
for sig in HUP INT TERM; do
	kill -$sig $fg
	wait $fg
	check "SIG$sig ends it with exit 0" [ $? -eq 0 ]
	check "and removes the socket" [ ! -e "$OBJ/fg.sock" ]
	kith-agent -D -a "$OBJ/fg.sock" >/dev/null 2>fg.err &
	fg=$!
	ready "$OBJ/fg.sock"
done
kith-agent -d -a "$OBJ/dbg.sock" >/dev/null 2>dbg.err &
dbg=$!
ready "$OBJ/dbg.sock"
SSH_AUTH_SOCK=$OBJ/dbg.sock ssh-add -l >/dev/null 2>&1
kill $dbg $fg
wait $dbg
check "-d logs to stderr" grep -q "new client" dbg.err
(umask 000; kith-agent -D -a "$OBJ/um.sock" >/dev/null 2>&1 &
	echo $! >um.pid)
ready "$OBJ/um.sock"
check "the socket is 0600 whatever the umask" \
    [ "$(stat -c %a "$OBJ/um.sock")" = 600 ]
kill "$(cat um.pid)"

# a relative socket path is made absolute: the agent leaves for "/"
kith-agent -s -a rel.sock >rel.sh
eval "$(cat rel.sh)" >/dev/null
check "-a with a relative path: SSH_AUTH_SOCK is absolute" \
    [ "$SSH_AUTH_SOCK" = "$OBJ/rel.sock" ]
check "and works from elsewhere" \
    bash -c 'cd / && ssh-add -l >/dev/null; [ $? -eq 1 ]'
pid=$SSH_AGENT_PID
kith-agent -k >/dev/null
check "-k: it ends" gone "$pid"
check "and removes the socket" [ ! -e "$OBJ/rel.sock" ]
unset SSH_AGENT_PID SSH_AUTH_SOCK

# -t: a default lifetime for the keys added
start_agent life kith-agent -t 2
SSH_AUTH_SOCK=$OBJ/life.sock ssh-add -q k 2>/dev/null
check "-t 2: a key is there at first" \
    bash -c "SSH_AUTH_SOCK=$OBJ/life.sock ssh-add -l >/dev/null"
sleep 3
check "and gone after 2 s" \
    bash -c "! SSH_AUTH_SOCK=$OBJ/life.sock ssh-add -l >/dev/null"
SSH_AUTH_SOCK=$OBJ/life.sock ssh-add -q -t 60 k 2>/dev/null
sleep 3
check "unless ssh-add -t gives it another" \
    bash -c "SSH_AUTH_SOCK=$OBJ/life.sock ssh-add -l >/dev/null"
stop_agent life
for bad in "-t x" "-t -1" "-t 1y" "-t 99999999999" "-x" "-c -s" "extra" \
    "-k -D"; do
	expect_exit 2 "kith-agent $bad: refused" kith-agent $bad
	check "kith-agent $bad: one line or usage" \
	    grep -Eq "^(usage: |kith-agent: )" "$OBJ/err"
done

# no ptrace attach, no /proc peeking: run it as nobody, where a dumpable
# process's /proc entries would belong to nobody
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	mkdir -m 777 pub
	chmod 711 "$OBJ"
	# (TMPDIR is root's: make valgrind's memcheck needs one nobody can
	# write; the agent uses none with -a)
	setpriv --reuid=nobody --regid=nogroup --clear-groups env TMPDIR=/tmp \
	    "$KITH_BIN/kith-agent" -D -a "$OBJ/pub/nobody.sock" >/dev/null &
	nb=$!
	setpriv --reuid=nobody --regid=nogroup --clear-groups sleep 5 &
	sl=$!
	ready "$OBJ/pub/nobody.sock"
	# until setpriv has exec'd sleep, its /proc files are root's
	for _ in $(seq 1 100); do
		[ "$(cat /proc/$sl/comm 2>/dev/null)" = sleep ] && break
		sleep 0.05
	done
	check "a plain process of nobody: its /proc files are nobody's" \
	    [ "$(stat -c %U /proc/$sl/environ)" = nobody ]
	check "kith-agent as nobody is not dumpable: they are root's" \
	    [ "$(stat -c %U /proc/$nb/environ /proc/$nb/mem | sort -u)" = root ]
	check "root may use nobody's agent" \
	    [ "$("$AGENTPROTO" req "$OBJ/pub/nobody.sock" 0b)" = 0c00000000 ]
	kill $nb $sl
	chmod 700 "$OBJ"
else
	for _ in 1 2 3; do ok "# SKIP needs root and setpriv"; done
fi
