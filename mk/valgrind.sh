#!/bin/sh
# make valgrind: the unit tests and regress scenarios with every kith
# tool and unit binary under valgrind memcheck.  Each process writes its
# report to $wrap/log/PID.TIME (memcheck follows fork: kith-share serve's
# children and kith-agent's daemon write their own), empty when clean;
# regress/run.sh fails the test after which a report holds an error or a
# definite or indirect leak, so processes whose exit status a scenario
# does not see count too.  Scenarios see KITH_VALGRIND, the wrapper that
# runs a program so (fuzz-corpus.sh runs its targets with it), and
# KITH_TEST_SLOW, how many times longer to allow for the deadlines they
# impose (pairing and sync).
set -eu
: "${KITH_BIN:=build}"
bin=$(cd "$KITH_BIN" && pwd)
supp=$(cd "$(dirname "$0")" && pwd)/valgrind.supp	# libbsd's, not ours
wrap=$(mktemp -d "${TMPDIR:-/tmp}/kith-vg.XXXXXX")
trap 'rm -rf "$wrap"' EXIT
chmod 755 "$wrap"			# scenarios run some tools as nobody
mkdir -m 1777 "$wrap/log"
mkdir -m 755 "$wrap/unit"
cat >"$wrap/vg" <<-END
	#!/bin/sh
	KITH_VG_TIME=\$(date +%s%N) exec valgrind -q --error-exitcode=99 \\
	    --suppressions="$supp" \\
	    --leak-check=full --errors-for-leak-kinds=definite,indirect \\
	    --show-leak-kinds=definite,indirect \\
	    --log-file="$wrap/log/%p.%q{KITH_VG_TIME}" "\$@"
END
chmod 755 "$wrap/vg"
for t in "$bin"/kith-* "$bin"/unit/*; do
	w=$wrap/${t#"$bin"/}
	printf '#!/bin/sh\nexec %s %s "$@"\n' "$wrap/vg" "$t" >"$w"
	chmod 755 "$w"
done
[ -f "$bin/libkith.a" ] && ln -s "$bin/libkith.a" "$wrap/libkith.a"
units=$(ls "$wrap"/unit/*)
[ "${VG_UNITS:-1}" = 1 ] || units=	# VG_UNITS=0: scenarios only (to split a run)
KITH_BIN=$wrap KITH_REPORTS=$wrap/log KITH_VALGRIND=$wrap/vg \
    KITH_TEST_SLOW=${KITH_TEST_SLOW:-30} \
    KITH_FP_KEYS=${KITH_FP_KEYS:-20} \
    KITH_INTEROP_KEYS=${KITH_INTEROP_KEYS:-10} \
    KITH_CRASH_ITER=${KITH_CRASH_ITER:-10} \
    sh regress/run.sh $units ${SCENARIOS:-regress/*.sh}
