#!/bin/bash
# offer, join, serve and pull sign through an agent (kith-agent, and
# OpenSSH's ssh-agent) when the identity's private key file is away.
. "$(dirname "$0")/test-exec.sh"
. "$REGRESS/agent-exec.inc"
. "$REGRESS/pair-exec.inc"
KITH_PAIR_TIMEOUT_SCALE=$(scaled 0.1)
export KITH_PAIR_TIMEOUT_SCALE
for kind in kith ssh; do
	if [ $kind = kith ]; then start_agent kith kith-agent
	else start_agent ssh ssh-agent; fi || { notok "$kind agent starts"; continue; }
	export SSH_AUTH_SOCK=$OBJ/$kind.sock
	a=a-$kind b=b-$kind c=c-$kind
	for n in $a $b $c; do node "$n"; done
	ssh-add -q "$OBJ/$a/id_ed25519" 2>/dev/null
	mv "$OBJ/$a/id_ed25519" "$OBJ/away-$kind"
	start_offer "$a" -n "$b.test" || notok "$a offers through $kind-agent"
	expect_exit 0 "$b joins $a, which signs through $kind-agent" \
	    join "$b" -D 1 -n "$a.test" "127.0.0.1:$PORT" "$CODE"
	wait_offer
	check "... and the offer exits 0" [ "$OFFER_RC" -eq 0 ]
	expect_exit 0 "$a trusts $b" kith-verify -d "$OBJ/$a" \
	    -c "$b.test" -f "$(pub "$b")"
	kith-sign -d "$OBJ/$b" -y -q -n "$c.test" "$(pub "$c")"
	start_serve "$b" || notok "$b serves"
	expect_exit 0 "$a pulls from $b through $kind-agent" \
	    pull "$a" "127.0.0.1:$SPORT"
	check "... getting $b's vouch for $c" grep -q "added vouch: $c.test" \
	    "$OBJ/out"
	stop_serve "$b"
	start_serve "$a" || notok "$a serves through $kind-agent"
	kith-sign -d "$OBJ/$b" -y -q -n "z.test" "$(pub "$c")"
	expect_exit 0 "$b pulls from $a's serve (signing through $kind-agent)" \
	    pull "$b" "127.0.0.1:$SPORT"
	pids=
	for i in 1 2 3 4 5 6; do
		pull "$b" "127.0.0.1:$SPORT" >/dev/null 2>"$OBJ/par$i.err" &
		pids="$pids $!"
	done
	fails=0
	for p in $pids; do wait "$p" || fails=$((fails + 1)); done
	check "six pulls at once: each serve child signs on its own agent connection" \
	    [ "$fails" -eq 0 ]
	[ "$fails" -eq 0 ] || cat "$OBJ"/par*.err | sed 's/^/#  /'
	stop_serve "$a"
	expect_exit 2 "no agent and no key: a clear error" env -u SSH_AUTH_SOCK \
	    kith-share -d "$OBJ/$a" pull "127.0.0.1:$SPORT"
	check "... naming the key file" grep -q "id_ed25519" "$OBJ/err"
	if [ $kind = kith ]; then stop_agent kith; else kill "$ssh_pid"; fi
done
