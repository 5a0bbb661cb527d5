/*
 * bundlebody.c: a bundle's body: zlib both ways, with the output
 * bounded while inflating; the records; their signatures, checked on
 * every CPU.
 */
#include "compat.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ZLIB_CONST
#include <zlib.h>

#include "buf.h"
#include "bundle.h"
#include "bundlepriv.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "stmt.h"

#define ZCHUNK		(256 * 1024)	/* zlib output per call */
#define RECBATCH	(64 * 1024)	/* records fed to deflate at once */
#define MAXTHREADS	8
#define MINPARALLEL	64		/* fewer checks run on one thread */

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

/* One inflate call into at most ZCHUNK bytes, out never past limit. */
static int
zread(z_stream *z, struct buf *out, size_t limit, int *retp)
{
	size_t room = limit - buf_len(out);
	u_char *d;
	int r;

	if (room > ZCHUNK)
		room = ZCHUNK;
	if ((r = buf_reserve(out, room, &d)) != 0)
		return r;
	z->next_out = d;
	z->avail_out = (uInt)room;
	*retp = inflate(z, Z_NO_FLUSH);
	return buf_consume_tail(out, z->avail_out);
}

/* The error for inflate's answer ret, or 0 to go on. */
static int
zerror(const z_stream *z, int ret)
{
	switch (ret) {
	case Z_OK:
	case Z_STREAM_END:
		return 0;
	case Z_MEM_ERROR:
		return KE_NOMEM;
	case Z_BUF_ERROR:
		return z->avail_in == 0 ? KE_TRUNCATED : KE_FORMAT;
	}
	return KE_FORMAT;	/* a data error, a preset dictionary */
}

int
bundle_inflate(const u_char *in, size_t len, size_t rawlen, struct buf *out)
{
	z_stream z;
	size_t base = buf_len(out);
	int ret = Z_OK, r = 0;

	memset(&z, 0, sizeof(z));
	if (len > UINT32_MAX || rawlen >= UINT32_MAX)
		return KE_TOOBIG;
	if (inflateInit(&z) != Z_OK)
		return KE_NOMEM;
	z.next_in = in;
	z.avail_in = (uInt)len;
	/* room for one byte past rawlen, to see a stream that goes on */
	while (r == 0 && ret != Z_STREAM_END) {
		if ((r = zread(&z, out, base + rawlen + 1, &ret)) != 0)
			break;
		if (buf_len(out) - base > rawlen)
			r = KE_TOOBIG;
		else
			r = zerror(&z, ret);
	}
	if (r == 0 && z.avail_in != 0)
		r = KE_TRAILING;
	if (r == 0 && buf_len(out) - base != rawlen)
		r = KE_TRUNCATED;
	inflateEnd(&z);
	return r;
}

static int
get_record(struct bundle *b, uint8_t type, const u_char *p, size_t len)
{
	struct cert *c = NULL;
	struct stmt *st = NULL;
	int r;

	switch (type) {
	case BUNDLE_VOUCH:
		if ((r = cert_parse_unverified(p, len, &c)) != 0)
			return r;
		if ((r = cert_check_vouch(c)) != 0) {
			cert_free(c);
			return r;
		}
		return bundle_push_vouch(b, c);
	case STMT_REVOKE:
	case STMT_WITHDRAW:
	case STMT_SUCCESSOR:
		if ((r = stmt_get(p, len, type, 0, &st)) != 0)
			return r;
		return bundle_push_stmt(b, st);
	}
	return KE_RECTYPE;
}

int
bundle_parse_body(const u_char *p, size_t len, size_t nrec, struct bundle *b)
{
	struct buf *v;
	const u_char *d;
	uint32_t version;
	uint8_t type;
	size_t i, n;
	int r;

	if ((v = buf_view(p, len)) == NULL)
		return KE_NOMEM;
	if ((r = buf_get_magic(v, BUNDLE_BODYMAGIC,
	    sizeof(BUNDLE_BODYMAGIC))) != 0 ||
	    (r = buf_get_u32(v, &version)) != 0)
		goto out;
	if (version != BUNDLE_VERSION) {
		r = KE_VERSION;
		goto out;
	}
	for (i = 0; i < nrec; i++)
		if ((r = buf_get_u8(v, &type)) != 0 ||
		    (r = buf_get_string_ptr(v, &d, &n,
		    BUNDLE_MAXRECORD)) != 0 ||
		    (r = get_record(b, type, d, n)) != 0)
			goto out;
	r = buf_end(v);
 out:
	buf_free(v);
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

/* Signature checks: item i is certificate i, then statement i - ncert. */
struct sigjob {
	struct cert *const	*cert;
	size_t			 ncert;
	struct stmt *const	*stmt;
	size_t			 n;
	int			*res;
	size_t			 first;
	size_t			 stride;
};

static void *
sig_worker(void *arg)
{
	struct sigjob *j = arg;
	size_t i;

	for (i = j->first; i < j->n; i += j->stride)
		j->res[i] = i < j->ncert ? cert_verify(j->cert[i]) :
		    stmt_verify(j->stmt[i - j->ncert]);
	return NULL;
}

/* Runs job over all its items on up to threads threads. */
static void
run_job(const struct sigjob *job, u_int threads)
{
	struct sigjob j[MAXTHREADS];
	pthread_t tid[MAXTHREADS];
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	size_t nt = threads, i, started = 0;

	if (nt == 0)
		nt = ncpu < 1 ? 1 : (size_t)ncpu;
	if (nt > MAXTHREADS)
		nt = MAXTHREADS;
	if (job->n < MINPARALLEL)
		nt = 1;
	for (i = 0; i < nt; i++) {
		j[i] = *job;
		j[i].first = i;
		j[i].stride = nt;
	}
	for (i = 1; i < nt; i++, started++)
		if (pthread_create(&tid[i], NULL, sig_worker, &j[i]) != 0)
			break;
	/* this thread takes stripe 0 and any stripe not started */
	sig_worker(&j[0]);
	for (i = started + 1; i < nt; i++)
		sig_worker(&j[i]);
	for (i = 1; i <= started; i++)
		pthread_join(tid[i], NULL);
}

/* The first error in res[0..n), or 0. */
static int
first_error(const int *res, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (res[i] != 0)
			return res[i];
	return 0;
}

int
bundle_check_sigs(const struct bundle *b, int flags, u_int threads)
{
	struct sigjob job;
	int r;

	memset(&job, 0, sizeof(job));
	job.cert = b->vouch;
	job.ncert = (flags & BUNDLE_NOCERTSIG) ? 0 : b->nvouch;
	job.stmt = b->stmt;
	job.n = job.ncert + b->nstmt;
	if (job.n == 0)
		return 0;
	if ((job.res = calloc(job.n, sizeof(int))) == NULL)
		return KE_NOMEM;
	run_job(&job, threads);
	r = first_error(job.res, job.n);
	free(job.res);
	return r;
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
	memset(&job, 0, sizeof(job));
	job.cert = c;
	job.ncert = job.n = n;
	if ((job.res = calloc(n, sizeof(int))) == NULL)
		return KE_NOMEM;
	run_job(&job, threads);
	for (i = 0; ok != NULL && i < n; i++)
		ok[i] = job.res[i] == 0;
	r = first_error(job.res, n) == 0 ? 0 : KE_SIGNATURE;
	free(job.res);
	return r;
}
