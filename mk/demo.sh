#!/bin/sh
# make demo: a throwaway fleet in a temporary directory.  Five hosts make
# keys; four trust each other through alpha; echo joins with ONE manual
# check (alpha reads echo's words); everybody ends up trusting everybody,
# and ssh accepts echo's real sshd with StrictHostKeyChecking=yes.
set -eu
: "${KITH_BIN:=build}"
PATH=$KITH_BIN:$PATH
fleet=$(mktemp -d "${TMPDIR:-/tmp}/kith-demo.XXXXXX")
sshd_pid=
trap 'kill $sshd_pid 2>/dev/null; rm -rf "$fleet"' EXIT
hosts="alpha bravo charlie delta echo"
say() { printf '\n== %s\n' "$*"; }
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
	kith-keygen -l -f "$fleet/$h/id_ed25519.pub"
done

say "alpha, bravo, charlie and delta already trust each other"
for h in bravo charlie delta; do
	vouch alpha "$h" -D 1
	vouch "$h" alpha -D 1
done

say "The one manual exchange: echo's admin reads these words to alpha's"
kith-keygen -w -f "$fleet/echo/id_ed25519.pub"
say "alpha's admin hears the same words and vouches for echo"
vouch alpha echo
kith-sign -d "$fleet/echo" -k "$fleet/echo_host_key" -y -q -D 1 \
    -n alpha.example.test -o "$fleet/alpha-by-echo.pub" \
    "$fleet/alpha/id_ed25519.pub"
kith-share -d "$fleet/echo" import "$fleet/alpha-by-echo.pub" >/dev/null

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
