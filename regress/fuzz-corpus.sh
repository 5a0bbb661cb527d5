#!/bin/bash
# Every fuzz target replays its seed corpus (fuzz/corpus/TARGET): built
# without libFuzzer, with fuzz/driver.c, against the library make check
# built; under SANITIZE=1 with ASan+UBSan like the library.  A target
# aborts on a broken invariant, so each passes only if no input crashes.
# Under make valgrind, each runs under $KITH_VALGRIND.
. "$(dirname "$0")/test-exec.sh"
top=$(cd "$REGRESS/.." && pwd)
pkgs="libsodium zlib libmd libbsd-overlay"
cflags="-std=c11 -O1 -g -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes
-Wstrict-prototypes -Wformat=2"
if [ "${SANITIZE:-}" = 1 ]; then
	cflags="$cflags -fsanitize=address,undefined -fno-omit-frame-pointer
-fno-sanitize-recover=all"
fi
# build TARGET: fuzz/TARGET.c, its helpers fuzz/TARGET-*.c, fuzz/common.c
# and the driver
# shellcheck disable=SC2086
build() {
	${CC:-cc} $cflags -I"$top/lib" -I"$top/fuzz" \
	    $(pkg-config --cflags $pkgs) -o "$OBJ/$1" "$top/fuzz/$1.c" \
	    $(ls "$top/fuzz/$1"-*.c 2>/dev/null) "$top/fuzz/common.c" \
	    "$top/fuzz/driver.c" \
	    "$KITH_BIN/libkith.a" $(pkg-config --libs $pkgs) >"$OBJ/err" 2>&1
}
for src in "$top"/fuzz/*.c; do
	t=$(basename "$src" .c)
	case $t in driver | common | *-*) continue ;; esac
	if ! build "$t"; then
		notok "fuzz target $t builds"; sed 's/^/#  /' "$OBJ/err"
		continue
	fi
	if ${KITH_VALGRIND:-} "$OBJ/$t" "$top/fuzz/corpus/$t" >"$OBJ/out" \
	    2>"$OBJ/err"; then
		ok "fuzz corpus $t: $(cat "$OBJ/out")"
	else
		notok "fuzz corpus $t"; tail -n 30 "$OBJ/err" | sed 's/^/#  /'
	fi
done
