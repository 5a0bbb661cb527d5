/*
 * bundleread.c: a bundle's body read as it inflates: the output bounded,
 * each record parsed as soon as it is whole (so only a window of the
 * body is ever held), and its signature checked on the other CPUs
 * meanwhile.
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
#include "par.h"
#include "stmt.h"

#define ZCHUNK		(256 * 1024)	/* zlib output per call */
#define WINDOW		(4 * ZCHUNK)	/* inflated, not yet parsed */

/* The records of one body, in order, as they are found. */
struct reader {
	z_stream	 z;
	int		 zret;
	int		 zerr;		/* inflating failed (first error) */
	struct buf	*body;		/* inflated, not yet parsed */
	size_t		 rawlen;
	size_t		 inflated;	/* bytes made so far */
	int		 head;		/* the magic and version were read */
	size_t		 nrec;		/* records the header promises */
	size_t		 n;		/* records parsed */
	int		 recerr;	/* the first bad record or framing */
	int		 nocertsig;
	struct cert	**c;		/* record i: a vouch, */
	struct stmt	**st;		/* or a statement */
	int		*sig;		/* its signature check */
};

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

/*
 * One inflate call into at most ZCHUNK bytes, never past rawlen + 1 (one
 * more, to see a stream that goes on).  Sets rd->zerr at the end or on
 * an error; 1 while there is more to come.
 */
static int
inflate_some(struct reader *rd)
{
	size_t room = rd->rawlen + 1 - rd->inflated;
	u_char *d;
	int r;

	if (room > ZCHUNK)
		room = ZCHUNK;
	if ((r = buf_reserve(rd->body, room, &d)) != 0) {
		rd->zerr = r;
		return 0;
	}
	rd->z.next_out = d;
	rd->z.avail_out = (uInt)room;
	rd->zret = inflate(&rd->z, Z_NO_FLUSH);
	(void)buf_consume_tail(rd->body, rd->z.avail_out);
	rd->inflated += room - rd->z.avail_out;
	if (rd->inflated > rd->rawlen)
		rd->zerr = KE_TOOBIG;
	else if ((rd->zerr = zerror(&rd->z, rd->zret)) == 0 &&
	    rd->zret != Z_STREAM_END)
		return 1;
	if (rd->zerr == 0 && rd->z.avail_in != 0)
		rd->zerr = KE_TRAILING;
	if (rd->zerr == 0 && rd->inflated != rd->rawlen)
		rd->zerr = KE_TRUNCATED;
	return 0;
}

/* Parses one record's data into slot i of rd. */
static int
parse_record(struct reader *rd, size_t i, uint8_t type, const u_char *p,
    size_t len)
{
	int r;

	switch (type) {
	case BUNDLE_VOUCH:
		if ((r = cert_parse_unverified(p, len, &rd->c[i])) == 0 &&
		    (r = cert_check_vouch(rd->c[i])) != 0) {
			cert_free(rd->c[i]);
			rd->c[i] = NULL;
		}
		return r;
	case STMT_REVOKE:
	case STMT_WITHDRAW:
	case STMT_SUCCESSOR:
		return stmt_get(p, len, type, 0, &rd->st[i]);
	}
	return KE_RECTYPE;
}

/*
 * Takes the whole records of what is inflated, leaving the rest for next
 * time; with all of it (last), a record cut short or bytes after the
 * last are errors.
 */
static void
scan(struct reader *rd, int last)
{
	struct buf *v;
	const u_char *p;
	uint32_t version;
	uint8_t type;
	size_t len, left, used = 0;
	int r = 0;

	if ((v = buf_view(buf_ptr(rd->body), buf_len(rd->body))) == NULL) {
		rd->recerr = KE_NOMEM;
		return;
	}
	left = buf_len(v);
	if (!rd->head && (r = buf_get_magic(v, BUNDLE_BODYMAGIC,
	    sizeof(BUNDLE_BODYMAGIC))) == 0 &&
	    (r = buf_get_u32(v, &version)) == 0) {
		if (version != BUNDLE_VERSION)
			r = KE_VERSION;
		rd->head = 1;
		used = left - buf_len(v);
	}
	for (left = buf_len(v); r == 0 && rd->n < rd->nrec;
	    left = buf_len(v)) {
		/* a record not all there yet is taken next time */
		if ((r = buf_get_u8(v, &type)) != 0 ||
		    (r = buf_get_string_ptr(v, &p, &len,
		    BUNDLE_MAXRECORD)) != 0)
			break;
		used += left - buf_len(v);
		if ((r = parse_record(rd, rd->n, type, p, len)) != 0) {
			rd->recerr = r;
			break;
		}
		rd->n++;
	}
	if (r == 0 && last)
		r = buf_end(v);
	if (rd->recerr == 0 && r != 0 && (last || r != KE_TRUNCATED))
		rd->recerr = r;
	buf_free(v);
	(void)buf_consume(rd->body, used);
}

static void
check_record(void *arg, size_t i)
{
	struct reader *rd = arg;

	if (rd->c[i] != NULL)
		rd->sig[i] = rd->nocertsig ? 0 : cert_verify(rd->c[i]);
	else
		rd->sig[i] = stmt_verify(rd->st[i]);
}

/* The first signature error: vouches in order, then statements. */
static int
sig_error(const struct reader *rd)
{
	size_t i;

	for (i = 0; i < rd->n; i++)
		if (rd->c[i] != NULL && rd->sig[i] != 0)
			return rd->sig[i];
	for (i = 0; i < rd->n; i++)
		if (rd->st[i] != NULL && rd->sig[i] != 0)
			return rd->sig[i];
	return 0;
}

/* The vouches-per-key cap, over the vouches parsed. */
static int
perkey(const struct reader *rd, size_t cap)
{
	struct cert **v;
	size_t i, n = 0;
	int r;

	if ((v = calloc(rd->n + 1, sizeof(*v))) == NULL)
		return KE_NOMEM;
	for (i = 0; i < rd->n; i++)
		if (rd->c[i] != NULL)
			v[n++] = rd->c[i];
	r = bundle_check_perkey(v, n, cap);
	free(v);
	return r;
}

/* Moves the records into b, in order: all of them, or none. */
static int
take(struct reader *rd, struct bundle *b)
{
	size_t i;
	int r = 0;

	for (i = 0; i < rd->n; i++) {
		if (r == 0 && rd->c[i] != NULL)
			r = bundle_push_vouch(b, rd->c[i]);
		else if (r == 0 && rd->st[i] != NULL)
			r = bundle_push_stmt(b, rd->st[i]);
		else {
			cert_free(rd->c[i]);
			stmt_free(rd->st[i]);
		}
		rd->c[i] = NULL;
		rd->st[i] = NULL;
	}
	return r;
}

/* Inflates, parsing records as they come and handing them to s. */
static void
read_all(struct reader *rd, struct par_stream *s, size_t perkeycap)
{
	int more = 1;

	while (more) {
		more = inflate_some(rd);
		if (rd->zerr != 0 || rd->recerr != 0)
			continue;	/* inflate on: its errors come first */
		scan(rd, !more);
		par_stream_ready(s, rd->n);
	}
	if (rd->zerr == 0 && rd->recerr == 0)
		rd->recerr = perkey(rd, perkeycap);
	if (rd->zerr != 0 || rd->recerr != 0)
		par_stream_stop(s);
}

int
bundle_read_body(const u_char *z, size_t zlen, size_t rawlen, size_t nrec,
    const struct bundle_caps *caps, int flags, struct bundle *b)
{
	struct reader rd;
	struct par_stream *s = NULL;
	size_t i;
	int r = KE_NOMEM;

	memset(&rd, 0, sizeof(rd));
	if (zlen > UINT32_MAX || rawlen >= UINT32_MAX)
		return KE_TOOBIG;
	rd.rawlen = rawlen;
	rd.nrec = nrec;
	rd.nocertsig = (flags & BUNDLE_NOCERTSIG) != 0;
	rd.z.next_in = z;
	rd.z.avail_in = (uInt)zlen;
	if ((rd.body = buf_new()) == NULL ||
	    (rd.c = calloc(nrec + 1, sizeof(*rd.c))) == NULL ||
	    (rd.st = calloc(nrec + 1, sizeof(*rd.st))) == NULL ||
	    (rd.sig = calloc(nrec + 1, sizeof(*rd.sig))) == NULL ||
	    buf_room(rd.body, rawlen < WINDOW ? rawlen + 1 : WINDOW) != 0 ||
	    inflateInit(&rd.z) != Z_OK)
		goto out;
	if ((r = par_stream_start(caps->threads, check_record, &rd,
	    &s)) == 0) {
		read_all(&rd, s, caps->perkey);
		par_stream_end(s);
		if ((r = rd.zerr) == 0 && (r = rd.recerr) == 0 &&
		    (r = sig_error(&rd)) == 0)
			r = take(&rd, b);
	}
	inflateEnd(&rd.z);
 out:
	/* after an error, or a failed take: what is left is freed here */
	for (i = 0; rd.c != NULL && rd.st != NULL && i < rd.n; i++) {
		cert_free(rd.c[i]);
		stmt_free(rd.st[i]);
	}
	free(rd.c);
	free(rd.st);
	free(rd.sig);
	buf_free(rd.body);
	return r;
}
