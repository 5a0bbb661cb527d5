/* Unit tests for lib/sha256.c: the same answers as libsodium's. */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "sha256.h"
#include "test.h"

#define MAXLEN	1100

int
main(void)
{
	static u_char in[MAXLEN + 1];
	u_char want[SHA256_LEN], got[SHA256_LEN];
	size_t len, off, bad = 0;

	T_OK(sodium_init() >= 0, "sodium_init");
	randombytes_buf(in, sizeof(in));
	/* every tail length, several blocks, and an unaligned start */
	for (off = 0; off < 2; off++)
		for (len = 0; len + off <= MAXLEN; len++) {
			crypto_hash_sha256(want, in + off, len);
			sha256(got, in + off, len);
			bad += memcmp(want, got, sizeof(got)) != 0;
		}
	T_EQ(bad, 0, "%d lengths up to %d, two alignments, as libsodium",
	    MAXLEN + 1, MAXLEN);
	sha256(got, "abc", 3);
	T_MEM(got, "\xba\x78\x16\xbf\x8f\x01\xcf\xea\x41\x41\x40\xde\x5d\xae"
	    "\x22\x23\xb0\x03\x61\xa3\x96\x17\x7a\x9c\xb4\x10\xff\x61\xf2\x00"
	    "\x15\xad", SHA256_LEN, "FIPS 180-2 \"abc\"");
	return t_done();
}
