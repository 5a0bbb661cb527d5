/*
 * fuzz.h: what every fuzz target shares.  Each target defines
 * LLVMFuzzerTestOneInput; it is linked either with libFuzzer (make fuzz)
 * or with driver.c, which replays files (regress/fuzz-corpus.sh).
 * A broken invariant is a crash: FZ_CHECK prints it and aborts.
 */
#ifndef KITH_FUZZ_H
#define KITH_FUZZ_H

#include "compat.h"

#include <stdio.h>
#include <stdlib.h>

/* libFuzzer's entry point: always returns 0. */
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define FZ_CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: invariant broken: %s\n",	\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

#endif /* KITH_FUZZ_H */
