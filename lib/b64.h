/*
 * b64.h: base64 (RFC 4648, padded) via libsodium, and armour: BEGIN/END
 * lines around base64 wrapped at 70 columns, as OpenSSH writes them.
 */
#ifndef KITH_B64_H
#define KITH_B64_H

#include "compat.h"

struct buf;

/* Appends the padded base64 of p[0..len) to out (no newline). */
int	b64_encode(struct buf *, const void *, size_t);
/* The length of the padded base64 of len bytes. */
size_t	b64_encoded_len(size_t);
/*
 * Writes the padded base64 of p[0..len) at d, which has room for
 * b64_encoded_len(len) + 1 bytes (the last gets a NUL): for writers
 * that fill parts of one buffer at once.  Faster than b64_encode, and
 * not constant-time: only for public data (certificates, keys).
 */
void	b64_encode_at(char *, const void *, size_t);
/*
 * Decodes exactly s[0..len) (padded base64, no whitespace) and appends
 * the bytes to out; KE_BASE64 on any invalid character or padding.
 */
int	b64_decode(struct buf *, const char *, size_t);
/*
 * Appends "-----BEGIN label-----\n", the base64 of p wrapped at 70
 * columns, each line ending in \n, then "-----END label-----\n".
 */
int	b64_armour(struct buf *, const char *, const void *, size_t);
/*
 * Finds the BEGIN line for label at the start of text (leading blank
 * lines allowed), decodes the body up to the END line (CR and LF
 * skipped) into out.  *endp, if not NULL, is set just past the END line.
 * KE_ARMOUR if the markers are missing or misplaced.
 */
int	b64_dearmour(struct buf *, const char *, const char *, size_t,
	    size_t *);

#endif /* KITH_B64_H */
