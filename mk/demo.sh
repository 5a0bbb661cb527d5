#!/bin/sh
# make demo: a throwaway fleet in a temporary directory.  Each host gets a
# key; we show what an operator reads over the phone and prints on paper,
# and check every fingerprint against ssh-keygen's.
set -eu
: "${KITH_BIN:=build}"
PATH=$KITH_BIN:$PATH
fleet=$(mktemp -d "${TMPDIR:-/tmp}/kith-demo.XXXXXX")
trap 'rm -rf "$fleet"' EXIT
hosts="alpha bravo charlie delta echo"
say() { printf '\n== %s\n' "$*"; }

say "Five hosts, each with its own kith directory and key"
for h in $hosts; do
	kith-keygen -q -N '' -C "$h.example.test" -d "$fleet/$h"
	kith-keygen -l -f "$fleet/$h/id_ed25519.pub"
done

say "What alpha's admin reads to bravo's admin over the phone"
kith-keygen -w -f "$fleet/alpha/id_ed25519.pub"

say "bravo's card, for paper"
kith-keygen -c -n bravo.example.test -f "$fleet/bravo/id_ed25519.pub"

say "charlie's fingerprint as ssh-keygen -lv shows it (kith prints the same)"
kith-keygen -lv -f "$fleet/charlie/id_ed25519"

say "Every fingerprint checked against ssh-keygen"
for h in $hosts; do
	for mode in -l -lv -B; do
		ssh-keygen $mode -f "$fleet/$h/id_ed25519.pub" >"$fleet/want"
		kith-keygen $mode -f "$fleet/$h/id_ed25519.pub" >"$fleet/got"
		cmp -s "$fleet/want" "$fleet/got" ||
		    { echo "MISMATCH: $h $mode" >&2; exit 1; }
	done
	echo "$h: identical (-l, -lv, -B)"
done
say "Done; the fleet in $fleet is removed now."
