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

struct key;

/* libFuzzer's entry point: always returns 0. */
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * common.c.  fz_scratch: a directory made on first use (on /dev/shm when
 * it can be: a store rewrites files with fsync) and removed at exit.
 * fz_write_file: replaces its file name with p[0..len).  fz_test_key:
 * the key of regress/data/sshsig (with its private half), which signed
 * the golden statements and bundle.
 */
const char	*fz_scratch(void);
void		 fz_write_file(const char *, const uint8_t *, size_t);
const struct key *fz_test_key(void);

#define FZ_CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: invariant broken: %s\n",	\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

#endif /* KITH_FUZZ_H */
