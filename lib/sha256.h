/*
 * sha256.h: SHA-256 of a byte string, one call (libsodium's): vouch ids,
 * fingerprints, bundle and statement hashes.
 */
#ifndef KITH_SHA256_H
#define KITH_SHA256_H

#include "compat.h"

#define SHA256_LEN	32

/* out gets the SHA-256 of p[0..len). */
void	sha256(u_char *, const void *, size_t);

#endif /* KITH_SHA256_H */
