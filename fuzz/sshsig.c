/*
 * sshsig.c: SSHSIG signatures, raw blobs and armour.  The input is a
 * signature as kith-verify reads one: a raw blob (it starts "SSHSIG")
 * or armoured text.  A blob that parses encodes back to the same bytes;
 * armour that decodes re-armours to the same text when it was written
 * the canonical way (70 columns, no CR, no blank lines).  It is then
 * verified over a fixed message ("hello\n", namespace "file", the
 * message of regress/data/sshsig) and the answer must agree with the
 * parsed fields.  Last, the input is signed as a message by a fixed key
 * and the new signature must verify and parse back.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "kerr.h"
#include "key.h"
#include "sshsig.h"
#include "fuzz.h"

#define FZ_MSG		"hello\n"
#define FZ_NS		"file"
#define BEGIN		"-----BEGIN " SSHSIG_LABEL "-----"
#define END		"-----END " SSHSIG_LABEL "-----"
#define COLS		70

static const u_char seed[32] = "kith fuzz sshsig signer seed 32";

/* 1 if text is armour as sshsig_armour writes it, line by line. */
static int
canonical(const char *text, size_t len)
{
	size_t off = 0, n, lines = 0, last = COLS;
	const char *nl;

	while (off < len) {
		if ((nl = memchr(text + off, '\n', len - off)) == NULL)
			return 0;
		n = (size_t)(nl - (text + off));
		if (memchr(text + off, '\r', n) != NULL)
			return 0;
		if (lines == 0) {
			if (n != strlen(BEGIN) || memcmp(text, BEGIN, n) != 0)
				return 0;
		} else if (n == strlen(END) &&
		    memcmp(text + off, END, n) == 0) {
			/* the END line ends the text; no empty body */
			return off + n + 1 == len && lines > 1 && last > 0;
		} else {
			/* a body line: only the last may be short */
			if (last != COLS || n == 0 || n > COLS)
				return 0;
			last = n;
		}
		lines++;
		off += n + 1;
	}
	return 0;
}

/* A parsed blob writes back as blob[0..len). */
static void
check_encode(const struct sshsig *s, const u_char *blob, size_t len)
{
	struct buf *b;

	FZ_CHECK((b = buf_new()) != NULL);
	FZ_CHECK(sshsig_encode(b, s->pk, s->ns, s->hashalg, s->sig) == 0);
	FZ_CHECK(buf_len(b) == len && memcmp(buf_ptr(b), blob, len) == 0);
	buf_free(b);
}

/* The armour of blob reads back, wherever it ends in a longer text. */
static void
check_armour(const u_char *blob, size_t len, const uint8_t *in,
    size_t inlen)
{
	struct buf *a, *b;
	size_t end;

	FZ_CHECK((a = buf_new()) != NULL && (b = buf_new()) != NULL);
	FZ_CHECK(sshsig_armour(a, blob, len) == 0);
	FZ_CHECK(canonical((const char *)buf_ptr(a), buf_len(a)));
	FZ_CHECK(sshsig_dearmour(b, (const char *)buf_ptr(a), buf_len(a),
	    &end) == 0);
	FZ_CHECK(end == buf_len(a));
	FZ_CHECK(buf_len(b) == len && memcmp(buf_ptr(b), blob, len) == 0);
	if (canonical((const char *)in, inlen))
		FZ_CHECK(buf_len(a) == inlen &&
		    memcmp(buf_ptr(a), in, inlen) == 0);
	/* what follows the END line is left alone */
	FZ_CHECK(buf_put(a, "x\n", 2) == 0);
	buf_reset(b);
	FZ_CHECK(sshsig_dearmour(b, (const char *)buf_ptr(a), buf_len(a),
	    &end) == 0 && end == buf_len(a) - 2);
	FZ_CHECK(sshsig_dearmour(b, (const char *)buf_ptr(a), buf_len(a),
	    NULL) == KE_TRAILING);
	buf_free(b);
	buf_free(a);
}

/* sshsig_verify over the fixed message agrees with the fields of s. */
static void
check_verify(const uint8_t *data, size_t len, const struct sshsig *s)
{
	u_char pk[KEY_PKLEN], d[SSHSIG_MAXHASH];
	size_t dlen;
	int r, rc;

	memset(pk, 0, sizeof(pk));
	r = sshsig_verify(data, len, FZ_MSG, strlen(FZ_MSG), FZ_NS,
	    SSHSIG_ANYHASH, pk);
	if (s == NULL) {
		FZ_CHECK(r != 0);
		return;
	}
	dlen = sshsig_digest(s->hashalg, FZ_MSG, strlen(FZ_MSG), d);
	FZ_CHECK(dlen > 0);
	rc = sshsig_check_digest(s, FZ_NS, SSHSIG_ANYHASH, d, dlen);
	FZ_CHECK(r == rc);
	if (r == 0) {
		FZ_CHECK(memcmp(pk, s->pk, sizeof(pk)) == 0);
		FZ_CHECK(strcmp(s->ns, FZ_NS) == 0);
		/* the other algorithm is refused by name */
		FZ_CHECK(sshsig_verify(data, len, FZ_MSG, strlen(FZ_MSG),
		    FZ_NS, s->hashalg == SSHSIG_SHA512 ? SSHSIG_SHA256 :
		    SSHSIG_SHA512, NULL) == KE_HASHALG);
	} else
		FZ_CHECK(r == KE_NAMESPACE || r == KE_SIGNATURE);
}

/* A fixed key signs data; the signature verifies and parses back. */
static void
check_sign(const uint8_t *data, size_t len)
{
	static struct key *k;
	struct sshsig_signer sg;
	struct sshsig *s = NULL;
	struct buf *b;
	u_char pk[KEY_PKLEN];

	if (k == NULL) {
		FZ_CHECK((k = key_new()) != NULL);
		FZ_CHECK(key_set_seed(k, seed) == 0);
	}
	FZ_CHECK(sshsig_signer_key(&sg, k) == 0);
	FZ_CHECK((b = buf_new()) != NULL);
	FZ_CHECK(sshsig_sign(b, &sg, FZ_NS, len % 2 ? SSHSIG_SHA256 :
	    SSHSIG_SHA512, data, len) == 0);
	FZ_CHECK(sshsig_verify(buf_ptr(b), buf_len(b), data, len, FZ_NS,
	    SSHSIG_ANYHASH, pk) == 0);
	FZ_CHECK(memcmp(pk, k->pk, sizeof(pk)) == 0);
	FZ_CHECK(sshsig_parse(buf_ptr(b), buf_len(b), &s) == 0);
	check_encode(s, buf_ptr(b), buf_len(b));
	sshsig_free(s);
	buf_free(b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct sshsig *s = NULL;
	struct buf *blob;
	const u_char *p = data;
	size_t n = len;
	int r, armoured;

	if (len > 4 * SSHSIG_MAXBLOB)
		return 0;
	FZ_CHECK((blob = buf_new()) != NULL);
	armoured = !(len >= 6 && memcmp(data, SSHSIG_MAGIC, 6) == 0);
	if (armoured) {
		if ((r = sshsig_dearmour(blob, (const char *)data, len,
		    NULL)) != 0) {
			check_verify(data, len, NULL);
			goto out;
		}
		p = buf_ptr(blob);
		n = buf_len(blob);
	}
	r = sshsig_parse(p, n, &s);
	FZ_CHECK((r == 0) == (s != NULL));
	if (s != NULL) {
		FZ_CHECK(s->ns != NULL && *s->ns != '\0');
		FZ_CHECK(strlen(s->ns) <= SSHSIG_MAXNS);
		FZ_CHECK(s->hashalg == SSHSIG_SHA512 ||
		    s->hashalg == SSHSIG_SHA256);
		check_encode(s, p, n);
		if (armoured)
			check_armour(p, n, data, len);
	}
	check_verify(data, len, s);
 out:
	check_sign(data, len);
	sshsig_free(s);
	buf_free(blob);
	return 0;
}
