#!/bin/bash
# kith-share export signs its bundle through an agent (kith-agent, and
# OpenSSH's ssh-agent) when the identity's private key is not there.
. "$(dirname "$0")/test-exec.sh"
cd "$OBJ" || exit 2
. "$REGRESS/agent-exec.inc"
for kind in kith ssh; do
	if [ $kind = kith ]; then start_agent kith kith-agent
	else start_agent ssh ssh-agent; fi || { notok "$kind agent starts"; continue; }
	d=$OBJ/node-$kind
	kith-keygen -q -N '' -C "node-$kind" -d "$d"
	ssh-keygen -q -t ed25519 -N '' -C x -f "x-$kind"
	kith-sign -d "$d" -y -q -n x.test "x-$kind.pub"
	SSH_AUTH_SOCK=$OBJ/$kind.sock ssh-add -q "$d/id_ed25519" 2>/dev/null
	mv "$d/id_ed25519" "$OBJ/away-$kind"
	expect_exit 0 "export through $kind-agent with no private key file" \
	    env SSH_AUTH_SOCK="$OBJ/$kind.sock" kith-share -d "$d" export \
	    -o "b-$kind"
	kith-sign -d "$OBJ/peer-$kind" -y -q -k "$OBJ/peer-id" -D 1 \
	    -n n.test "$d/id_ed25519.pub" 2>/dev/null ||
	    { kith-keygen -q -N '' -f "$OBJ/peer-id"; kith-sign -d \
	    "$OBJ/peer-$kind" -y -q -k "$OBJ/peer-id" -D 1 -n n.test \
	    "$d/id_ed25519.pub"; }
	expect_exit 0 "the bundle imports" kith-share -d "$OBJ/peer-$kind" \
	    import "b-$kind"
	check "its vouch was added" grep -q "added vouch: x.test" "$OBJ/out"
	expect_exit 2 "no agent: a clear error" env -u SSH_AUTH_SOCK \
	    kith-share -d "$d" export -o "c-$kind"
	if [ $kind = kith ]; then stop_agent kith; else kill "$ssh_pid"; fi
done
