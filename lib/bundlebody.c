/*
 * bundlebody.c: a bundle's body written (records, deflated), the
 * vouches-per-key cap, certificate signatures checked on every CPU.
 * Reading a body is in bundleread.c.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#define ZLIB_CONST
#include <zlib.h>

#include "buf.h"
#include "bundle.h"
#include "bundlepriv.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "par.h"
#include "stmt.h"

#define ZCHUNK		(256 * 1024)	/* zlib output per call */
#define RECBATCH	(64 * 1024)	/* records fed to deflate at once */

/* Feeds in[0..len) to deflate, appending what it makes to out. */
static int
zwrite(z_stream *z, struct buf *out, const u_char *in, size_t len,
    int flush)
{
	u_char *d;
	int ret, r;

	z->next_in = in;
	z->avail_in = (uInt)len;
	for (;;) {
		if ((r = buf_reserve(out, ZCHUNK, &d)) != 0)
			return r;
		z->next_out = d;
		z->avail_out = ZCHUNK;
		ret = deflate(z, flush);
		(void)buf_consume_tail(out, z->avail_out);
		if (ret == Z_STREAM_ERROR)
			return KE_INTERNAL;
		if (flush == Z_FINISH ? ret == Z_STREAM_END :
		    z->avail_out != 0)
			return 0;
	}
}

/* Moves the records staged in rec into the stream. */
static int
zflush(z_stream *z, struct buf *out, struct buf *rec, size_t *rawp,
    const struct bundle_caps *caps, int flush)
{
	int r;

	*rawp += buf_len(rec);
	if (*rawp > caps->raw || *rawp > UINT32_MAX)
		return KE_TOOBIG;
	r = zwrite(z, out, buf_ptr(rec), buf_len(rec), flush);
	buf_reset(rec);
	return r;
}

/* Stages record i of b (vouches first, then statements) in rec. */
static int
put_record(struct buf *rec, struct buf *tmp, const struct bundle *b,
    size_t i)
{
	const struct cert *c;
	const struct stmt *st;
	int r;

	if (i < b->nvouch) {
		c = b->vouch[i];
		if (c->blob == NULL)
			return KE_CERT;
		if ((r = cert_check_vouch(c)) != 0)
			return r;
		if (c->bloblen > BUNDLE_MAXRECORD)
			return KE_TOOLONG;
		if ((r = buf_put_u8(rec, BUNDLE_VOUCH)) != 0)
			return r;
		return buf_put_string(rec, c->blob, c->bloblen);
	}
	st = b->stmt[i - b->nvouch];
	buf_reset(tmp);
	if ((r = stmt_put(tmp, st)) != 0)
		return r;
	if (buf_len(tmp) > BUNDLE_MAXRECORD)
		return KE_TOOLONG;
	if ((r = buf_put_u8(rec, (uint8_t)st->type)) != 0)
		return r;
	return buf_put_stringb(rec, tmp);
}

int
bundle_deflate(const struct bundle *b, const struct bundle_caps *caps,
    struct buf *out, size_t *rawp)
{
	z_stream z;
	struct buf *rec = NULL, *tmp = NULL;
	size_t i, n = b->nvouch + b->nstmt;
	int r = KE_NOMEM;

	*rawp = 0;
	memset(&z, 0, sizeof(z));
	if (deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK)
		return KE_NOMEM;
	if ((rec = buf_new()) == NULL || (tmp = buf_new()) == NULL)
		goto out;
	if ((r = buf_put(rec, BUNDLE_BODYMAGIC,
	    sizeof(BUNDLE_BODYMAGIC))) != 0 ||
	    (r = buf_put_u32(rec, BUNDLE_VERSION)) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		if ((r = put_record(rec, tmp, b, i)) != 0)
			goto out;
		if (buf_len(rec) >= RECBATCH &&
		    (r = zflush(&z, out, rec, rawp, caps, Z_NO_FLUSH)) != 0)
			goto out;
	}
	r = zflush(&z, out, rec, rawp, caps, Z_FINISH);
 out:
	deflateEnd(&z);
	buf_free(rec);
	buf_free(tmp);
	return r;
}

static int
pk_cmp(const void *a, const void *b)
{
	return memcmp(a, b, KEY_PKLEN);
}

int
bundle_check_perkey(struct cert *const *c, size_t n, size_t cap)
{
	u_char (*pk)[KEY_PKLEN];
	size_t i, run;

	if (n <= cap)
		return 0;
	if ((pk = reallocarray(NULL, n, KEY_PKLEN)) == NULL)
		return KE_NOMEM;
	for (i = 0; i < n; i++)
		memcpy(pk[i], c[i]->pk, KEY_PKLEN);
	qsort(pk, n, KEY_PKLEN, pk_cmp);
	for (i = 1, run = 1; i < n && run <= cap; i++)
		run = memcmp(pk[i], pk[i - 1], KEY_PKLEN) == 0 ? run + 1 : 1;
	free(pk);
	return run > cap ? KE_PERKEY : 0;
}

/* Signature checks of certificates, one result each. */
struct sigjob {
	struct cert *const	*cert;
	int			*res;
};

static void
sig_check(void *arg, size_t i)
{
	struct sigjob *j = arg;

	j->res[i] = cert_verify(j->cert[i]);
}

int
bundle_verify_certs(struct cert *const *c, size_t n, u_int threads,
    u_char *ok)
{
	struct sigjob job;
	size_t i;
	int r;

	if (n == 0)
		return 0;
	job.cert = c;
	if ((job.res = calloc(n, sizeof(int))) == NULL)
		return KE_NOMEM;
	par_for(n, threads, sig_check, &job);
	for (i = 0, r = 0; i < n; i++) {
		if (ok != NULL)
			ok[i] = job.res[i] == 0;
		if (job.res[i] != 0)
			r = KE_SIGNATURE;
	}
	free(job.res);
	return r;
}
