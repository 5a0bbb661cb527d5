#!/bin/sh
# make demo: a throwaway fleet on loopback.  Five hosts make keys; four
# trust each other through alpha; echo joins with ONE manual step (a
# one-time code read off alpha and typed on echo: kith-share offer /
# join); one sync round (the others pull from alpha's kith-share serve)
# and everybody trusts everybody; ssh accepts echo's real sshd with
# StrictHostKeyChecking=yes.
set -eu
: "${KITH_BIN:=build}"
PATH=$KITH_BIN:$PATH
fleet=$(mktemp -d "${TMPDIR:-/tmp}/kith-demo.XXXXXX")
sshd_pid= serve_pid= offer_pid=
trap 'kill $sshd_pid $serve_pid $offer_pid 2>/dev/null; rm -rf "$fleet"' EXIT
hosts="alpha bravo charlie delta echo"
say() { printf '\n== %s\n' "$*"; }
_try=0
# bg LOG PATTERN CMD...: runs CMD in the background (pid in $bg_pid) on a
# random port ($port; CMD's "@PORT" is replaced) until LOG matches.
bg() {
	log=$1 pat=$2; shift 2
	for _ in 1 2 3 4 5; do
		_try=$((_try + 1))	# srand() is per second: vary by try
		port=$(awk -v p="$$" -v n="$_try" 'BEGIN { srand()
		    print 30000 + (int(rand() * 20000) + p + n * 7919) % 20000 }')
		: >"$log"
		cmd=$(printf '%s\n' "$*" | sed "s/@PORT/$port/g")
		# shellcheck disable=SC2086
		$cmd >"$log.out" 2>"$log" &
		bg_pid=$!
		for _ in $(seq 1 100); do
			grep -q "$pat" "$log" "$log.out" 2>/dev/null && return 0
			kill -0 "$bg_pid" 2>/dev/null || break
			sleep 0.05
		done
		grep -q "in use" "$log" || break
	done
	cat "$log" >&2
	echo "demo: could not start: $*" >&2
	exit 1
}
vouch() {	# vouch SIGNER PEER [options]: SIGNER signs PEER, all import it
	s=$1 p=$2; shift 2
	kith-sign -d "$fleet/$s" -y -q -n "$p.example.test" "$@" \
	    -o "$fleet/$p-by-$s.pub" "$fleet/$p/id_ed25519.pub"
	for to in $hosts; do
		[ "$to" = "$s" ] || kith-share -d "$fleet/$to" import \
		    "$fleet/$p-by-$s.pub" >/dev/null
	done
}

say "Five hosts, each with its own kith directory and key"
for h in $hosts; do
	if [ "$h" = echo ]; then
		# echo uses its sshd host key as its identity
		ssh-keygen -q -t ed25519 -N '' -C echo -f "$fleet/echo_host_key"
		mkdir -m 700 "$fleet/echo"
		echo "$fleet/echo_host_key" >"$fleet/echo/identity"
		cp "$fleet/echo_host_key.pub" "$fleet/echo/id_ed25519.pub"
	else
		kith-keygen -q -N '' -C "$h.example.test" -d "$fleet/$h"
	fi
	kith-keygen -lv -f "$fleet/$h/id_ed25519.pub"
done

say "alpha, bravo, charlie and delta already trust each other"
for h in bravo charlie delta; do
	vouch alpha "$h" -D 1
	vouch "$h" alpha -D 1
done

say "alpha runs kith-share serve (TCP, for the peers it trusts)"
bg "$fleet/serve.log" "^kith-share: serving" \
    kith-share -d "$fleet/alpha" serve -p @PORT
serve_pid=$bg_pid serve_port=$port
cat "$fleet/serve.log"

say "The one manual step: alpha offers a one-time code for echo"
bg "$fleet/offer.log" "^[0-9]" \
    kith-share -d "$fleet/alpha" offer -v -n echo.example.test -p @PORT
offer_pid=$bg_pid
code=$(head -n 1 "$fleet/offer.log.out")
echo "alpha# kith-share offer -v -n echo.example.test -p $port"
echo "$code"
say "echo's admin types the code read over the phone"
echo "echo# kith-share join -v -D 1 -n alpha.example.test 127.0.0.1:$port $code"
kith-share -d "$fleet/echo" join -v -D 1 -n alpha.example.test \
    "127.0.0.1:$port" "$code" 2>&1 | grep -v "^added"
wait "$offer_pid" || { cat "$fleet/offer.log" >&2; exit 1; }
offer_pid=
echo "alpha's side said:"
grep -v "^added\|connected" "$fleet/offer.log" | sed 's/^/    /'

say "One sync round: bravo, charlie, delta and echo pull from alpha"
for h in bravo charlie delta echo; do
	echo "$h# kith-share pull -v 127.0.0.1:$serve_port"
	kith-share -d "$fleet/$h" pull -v "127.0.0.1:$serve_port" 2>&1 |
	    sed 's/^/    /'
done
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=

say "What bravo trusts now (kith-verify)"
kith-verify -d "$fleet/bravo"

say "Why bravo trusts echo (kith-verify -x)"
kith-verify -d "$fleet/bravo" -x echo.example.test

say "Every host's known_hosts (kith-verify -o)"
for h in $hosts; do
	kith-verify -d "$fleet/$h" -o "$fleet/$h.known_hosts"
	n=$(grep -c ssh-ed25519 "$fleet/$h.known_hosts")
	echo "$h trusts $n hosts:"
	grep -v '^#' "$fleet/$h.known_hosts" | cut -c1-72 | sed 's/^/    /'
	[ "$n" -eq 5 ] || { echo "demo: $h should trust all 5" >&2; exit 1; }
done

say "echo's card, for the paper file"
kith-keygen -c -n echo.example.test -f "$fleet/echo/id_ed25519.pub"

if [ "$(id -u)" -eq 0 ] && [ -x /usr/sbin/sshd ]; then
	say "ssh from bravo to echo's real sshd, StrictHostKeyChecking=yes"
	mkdir -p /run/sshd
	port=$(( ($$ % 20000) + 30000 ))
	printf 'Port %s\nListenAddress 127.0.0.1\nHostKey %s\nPidFile none\nUsePAM no\n' \
	    "$port" "$fleet/echo_host_key" >"$fleet/sshd_config"
	/usr/sbin/sshd -D -e -f "$fleet/sshd_config" 2>/dev/null &
	sshd_pid=$!
	sleep 1
	ssh -F none -o StrictHostKeyChecking=yes -o BatchMode=yes \
	    -o GlobalKnownHostsFile=/dev/null \
	    -o UserKnownHostsFile="$fleet/bravo.known_hosts" \
	    -o HostKeyAlias=echo.example.test -o IdentityFile=/dev/null \
	    -p "$port" nobody@127.0.0.1 true 2>"$fleet/ssh.err" || true
	if grep -q "Permission denied" "$fleet/ssh.err"; then
		echo "ssh accepted echo's host key (then, as expected, no login)."
	else
		cat "$fleet/ssh.err" >&2
		echo "demo: ssh did not accept echo's host key" >&2
		exit 1
	fi
fi
say "Done; the fleet in $fleet is removed now."
