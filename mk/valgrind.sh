#!/bin/sh
# make valgrind: the unit tests and regress scenarios with every kith
# tool under valgrind memcheck; any error or leak fails the test.
set -eu
: "${KITH_BIN:=build}"
bin=$(cd "$KITH_BIN" && pwd)
wrap=$(mktemp -d "${TMPDIR:-/tmp}/kith-vg.XXXXXX")
trap 'rm -rf "$wrap"' EXIT
vg="valgrind -q --error-exitcode=99 --leak-check=full \
--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect"
for t in "$bin"/kith-*; do
	printf '#!/bin/sh\nexec %s %s "$@"\n' "$vg" "$t" >"$wrap/$(basename "$t")"
	chmod +x "$wrap/$(basename "$t")"
done
mkdir "$wrap/unit"
for u in "$bin"/unit/*; do
	printf '#!/bin/sh\nexec %s %s "$@"\n' "$vg" "$u" >"$wrap/unit/$(basename "$u")"
	chmod +x "$wrap/unit/$(basename "$u")"
done
[ -f "$bin/libkith.a" ] && ln -s "$bin/libkith.a" "$wrap/libkith.a"
units=$(ls "$wrap"/unit/*)
KITH_BIN=$wrap KITH_FP_KEYS=${KITH_FP_KEYS:-20} \
    KITH_INTEROP_KEYS=${KITH_INTEROP_KEYS:-10} \
    KITH_CRASH_ITER=${KITH_CRASH_ITER:-10} \
    sh regress/run.sh $units ${SCENARIOS:-regress/*.sh}
