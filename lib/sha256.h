/*
 * sha256.h: SHA-256 of public data, on the CPU's SHA instructions when
 * it has them (x86-64 SHA-NI: vouch ids, fingerprints and bundle hashes
 * of a large import cost a tenth), else libsodium's.
 */
#ifndef KITH_SHA256_H
#define KITH_SHA256_H

#include "compat.h"

#define SHA256_LEN	32

/* out gets the SHA-256 of p[0..len). */
void	sha256(u_char *, const void *, size_t);
/* 1 if sha256 runs on SHA-NI (it passed its self-check), else 0. */
int	sha256_accelerated(void);

#endif /* KITH_SHA256_H */
