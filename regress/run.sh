#!/bin/sh
# Runs unit-test binaries and scenario scripts; each prints TAP-style
# "ok" / "not ok" lines.  Prints failures in full and ends with one line
# "N passed, N failed".
passed=0 failed=0
log=$(mktemp "${TMPDIR:-/tmp}/kith-run.XXXXXX")
trap 'rm -f "$log"' EXIT
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
	passed=$((passed + p))
	failed=$((failed + f))
	printf '%-40s %5d ok %3d failed %4ds\n' "$t" "$p" "$f" \
	    $(($(date +%s) - start))
	if [ "$f" -ne 0 ]; then
		grep -v '^ok ' "$log" | tail -n 60 | sed 's/^/    /'
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
