/*
 * keyblob.c: the wire blob of a key or certificate, key_from_blob.  The
 * blob of a parsed key must be the input byte for byte, and its copy
 * the same key.
 */
#include "compat.h"

#include <string.h>

#include "buf.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct buf *b, *out;
	struct key *k = NULL, *c = NULL;
	int r;

	if (len > KITH_MAXLINE)
		return 0;
	FZ_CHECK((b = buf_view(data, len)) != NULL);
	r = key_from_blob(b, &k);
	if (r != 0) {
		FZ_CHECK(k == NULL);
		buf_free(b);
		return 0;
	}
	FZ_CHECK(k != NULL && k->sk == NULL && buf_len(b) == 0);
	FZ_CHECK((out = buf_new()) != NULL);
	FZ_CHECK(key_put_blob(out, k) == 0);
	FZ_CHECK(buf_len(out) == len);
	FZ_CHECK(memcmp(buf_ptr(out), data, len) == 0);
	if (k->cert != NULL) {
		FZ_CHECK(cert_verify(k->cert) == 0);
		FZ_CHECK(memcmp(cert_pk(k->cert), k->pk, KEY_PKLEN) == 0);
	} else
		FZ_CHECK(len == KEY_BLOBLEN);
	FZ_CHECK(key_copy_public(k, &c) == 0);
	FZ_CHECK(key_equal_public(k, c));
	FZ_CHECK((c->cert == NULL) == (k->cert == NULL));
	key_free(c);
	key_free(k);
	buf_free(out);
	buf_free(b);
	return 0;
}
