#!/bin/sh
# Runs unit-test binaries and scenario scripts; each prints TAP-style
# "ok" / "not ok" lines.  Prints failures in full and ends with one line
# "N passed, N failed".
# KITH_REPORTS, if set, is a directory where the programs under test leave
# reports, one file per process named PID.ANYTHING (make valgrind): a
# non-empty one, once its process has exited, fails the test that ran it.
passed=0 failed=0
log=$(mktemp "${TMPDIR:-/tmp}/kith-run.XXXXXX")
trap 'rm -f "$log"' EXIT
# running: 0 when a process with a report file still runs.
running() {
	for r in "$KITH_REPORTS"/*; do
		[ -f "$r" ] && kill -0 "$(basename "${r%%.*}")" 2>/dev/null &&
		    return 0
	done
	return 1
}
# reports: waits up to 30 s for the processes that left report files to
# exit, appends to $log the non-empty reports of those that did, each
# after a "not ok" line, and removes them; $nrep is how many.
reports() {
	nrep=0
	[ -n "${KITH_REPORTS:-}" ] || return 0
	for _ in $(seq 1 300); do
		running || break
		sleep 0.1
	done
	for r in "$KITH_REPORTS"/*; do
		[ -f "$r" ] || continue
		kill -0 "$(basename "${r%%.*}")" 2>/dev/null && continue
		# valgrind 3.19 does not know Landlock's syscalls (444-446):
		# it fails them with ENOSYS, which the sandbox takes for a
		# kernel without Landlock, and says so in 5 lines: not an error
		sed -i -e '/unhandled amd64-linux syscall: 44[456]$/,+4d' "$r"
		if [ -s "$r" ]; then
			nrep=$((nrep + 1))
			echo "not ok - report of process ${r##*/}:" >>"$log"
			cat "$r" >>"$log"
		fi
		rm -f "$r"
	done
}
for t in "$@"; do
	start=$(date +%s)
	case $t in
	*.sh)	bash "$t" >"$log" 2>&1 ;;
	*)	"$t" >"$log" 2>&1 ;;
	esac
	rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $t exited $rc" >>"$log"
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $t ran no test" >>"$log"
	fi
	reports
	f=$((f + nrep))
	passed=$((passed + p))
	failed=$((failed + f))
	printf '%-40s %5d ok %3d failed %4ds\n' "$t" "$p" "$f" \
	    $(($(date +%s) - start))
	if [ "$f" -ne 0 ]; then
		grep -v '^ok ' "$log" | tail -n 60 | sed 's/^/    /'
	fi
done
if [ -n "${KITH_REPORTS:-}" ] && [ -n "$(ls "$KITH_REPORTS")" ]; then
	: >"$log"	# reports of processes that outlived their test
	reports
	failed=$((failed + nrep))
	if [ -n "$(ls "$KITH_REPORTS")" ]; then
		failed=$((failed + 1))
		echo "not ok - still running: $(ls "$KITH_REPORTS")" >>"$log"
	fi
	sed 's/^/    /' "$log"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
