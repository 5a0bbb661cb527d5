/*
 * sha256.c: SHA-256 through libsodium (the project writes no primitive
 * of its own).
 */
#include "compat.h"

#include <sodium.h>

#include "sha256.h"

void
sha256(u_char *out, const void *p, size_t len)
{
	crypto_hash_sha256(out, p, len);
}
