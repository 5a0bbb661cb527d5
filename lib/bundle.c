/*
 * bundle.c: kith's signed bundles: the outer file and its signature, the
 * armoured form, encoding and parsing.  The body (zlib, records, the
 * record signatures) is in bundlebody.c.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "b64.h"
#include "buf.h"
#include "bundle.h"
#include "bundlepriv.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "sshsig.h"
#include "stmt.h"

/* The binary file's fields; pointers are into the file. */
struct outer {
	u_char		 signer[KEY_PKLEN];
	uint64_t	 seq;
	uint64_t	 time;
	uint32_t	 nrecords;
	uint32_t	 rawlen;
	const u_char	*z;
	size_t		 zlen;
	size_t		 signedlen;	/* magic .. end of z */
	const u_char	*sig;
	size_t		 siglen;
};

void
bundle_caps_default(struct bundle_caps *caps)
{
	memset(caps, 0, sizeof(*caps));
	caps->records = BUNDLE_MAXRECORDS;
	caps->raw = BUNDLE_MAXRAW;
	caps->ratio = BUNDLE_MAXRATIO;
	caps->perkey = BUNDLE_MAXPERKEY;
	caps->file = BUNDLE_MAXFILE;
}

struct bundle *
bundle_new(void)
{
	return calloc(1, sizeof(struct bundle));
}

void
bundle_free(struct bundle *b)
{
	size_t i;

	if (b == NULL)
		return;
	for (i = 0; i < b->nvouch; i++)
		cert_free(b->vouch[i]);
	free(b->vouch);
	for (i = 0; i < b->nstmt; i++)
		stmt_free(b->stmt[i]);
	free(b->stmt);
	free(b);
}

/* Makes room for a pointer at index n of *vp, capacity *capp. */
static int
grow(void *vp, size_t n, size_t *capp)
{
	void **v = vp, *nv;
	size_t ncap;

	if (n < *capp)
		return 0;
	ncap = *capp < 16 ? 16 : *capp * 2;
	if ((nv = reallocarray(*v, ncap, sizeof(void *))) == NULL)
		return KE_NOMEM;
	*v = nv;
	*capp = ncap;
	return 0;
}

int
bundle_push_vouch(struct bundle *b, struct cert *c)
{
	if (grow(&b->vouch, b->nvouch, &b->vouchcap) != 0) {
		cert_free(c);
		return KE_NOMEM;
	}
	b->vouch[b->nvouch++] = c;
	return 0;
}

int
bundle_push_stmt(struct bundle *b, struct stmt *st)
{
	if (grow(&b->stmt, b->nstmt, &b->stmtcap) != 0) {
		stmt_free(st);
		return KE_NOMEM;
	}
	b->stmt[b->nstmt++] = st;
	return 0;
}

int
bundle_add_vouch(struct bundle *b, const struct cert *c)
{
	struct cert *d;
	int r;

	if (c->blob == NULL)
		return KE_CERT;
	if ((r = cert_dup(c, &d)) != 0)
		return r;
	return bundle_push_vouch(b, d);
}

int
bundle_add_stmt(struct bundle *b, const struct stmt *st)
{
	struct stmt *d;
	int r;

	if (st->blob == NULL)
		return KE_INTERNAL;
	if ((r = stmt_dup(st, &d)) != 0)
		return r;
	return bundle_push_stmt(b, d);
}

/* The caps a reader checks before it inflates anything, in this order. */
static int
check_caps(const struct bundle_caps *caps, size_t nrec, size_t rawlen,
    size_t zlen)
{
	if (nrec > caps->records || nrec > UINT32_MAX)
		return KE_NRECORDS;
	if (rawlen > caps->raw || rawlen > UINT32_MAX)
		return KE_TOOBIG;
	if ((uint64_t)rawlen > (uint64_t)caps->ratio * zlen)
		return KE_RATIO;
	return 0;
}

/* Appends the signed part: the header and the compressed body z. */
static int
put_signed(struct buf *out, const struct bundle *b, size_t nrec,
    size_t rawlen, const struct buf *z)
{
	int r;

	if ((r = buf_put(out, BUNDLE_MAGIC, sizeof(BUNDLE_MAGIC))) != 0 ||
	    (r = buf_put_u32(out, BUNDLE_VERSION)) != 0 ||
	    (r = stmt_put_key(out, b->signer)) != 0 ||
	    (r = buf_put_u64(out, b->seq)) != 0 ||
	    (r = buf_put_u64(out, b->time)) != 0 ||
	    (r = buf_put_u32(out, (uint32_t)nrec)) != 0 ||
	    (r = buf_put_u32(out, (uint32_t)rawlen)) != 0 ||
	    (r = buf_put_u32(out, (uint32_t)buf_len(z))) != 0)
		return r;
	return buf_putb(out, z);
}

int
bundle_encode(const struct bundle *b, const struct bundle_caps *caps,
    const struct sshsig_signer *s, struct buf **outp)
{
	struct bundle_caps dc;
	struct buf *z = NULL, *out = NULL, *sig = NULL;
	size_t rawlen = 0, nrec = b->nvouch + b->nstmt;
	int r = KE_NOMEM;

	*outp = NULL;
	if (caps == NULL) {
		bundle_caps_default(&dc);
		caps = &dc;
	}
	if (memcmp(b->signer, s->pk, KEY_PKLEN) != 0)
		return KE_KEYMISMATCH;
	if ((r = check_caps(caps, nrec, 0, 1)) != 0 ||
	    (r = bundle_check_perkey(b->vouch, b->nvouch, caps->perkey)) != 0)
		return r;
	if ((z = buf_new()) == NULL || (out = buf_new()) == NULL ||
	    (sig = buf_new()) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	if ((r = bundle_deflate(b, caps, z, &rawlen)) != 0 ||
	    (r = check_caps(caps, nrec, rawlen, buf_len(z))) != 0 ||
	    (r = put_signed(out, b, nrec, rawlen, z)) != 0)
		goto out;
	buf_free(z);
	z = NULL;
	if ((r = sshsig_sign(sig, s, BUNDLE_NS, SSHSIG_SHA512, buf_ptr(out),
	    buf_len(out))) != 0 ||
	    (r = buf_put_stringb(out, sig)) != 0)
		goto out;
	if (buf_len(out) > caps->file) {
		r = KE_TOOBIG;
		goto out;
	}
	*outp = out;
	out = NULL;
 out:
	buf_free(sig);
	buf_free(out);
	buf_free(z);
	return r;
}

/* Parses the framing of a binary bundle p[0..len) (nothing checked). */
static int
get_outer(const u_char *p, size_t len, struct outer *o)
{
	struct buf *b;
	uint32_t version, zlen;
	int r;

	memset(o, 0, sizeof(*o));
	if ((b = buf_view(p, len)) == NULL)
		return KE_NOMEM;
	if ((r = buf_get_magic(b, BUNDLE_MAGIC, sizeof(BUNDLE_MAGIC))) != 0 ||
	    (r = buf_get_u32(b, &version)) != 0)
		goto out;
	if (version != BUNDLE_VERSION) {
		r = KE_VERSION;
		goto out;
	}
	if ((r = stmt_get_key(b, o->signer)) != 0 ||
	    (r = buf_get_u64(b, &o->seq)) != 0 ||
	    (r = buf_get_u64(b, &o->time)) != 0 ||
	    (r = buf_get_u32(b, &o->nrecords)) != 0 ||
	    (r = buf_get_u32(b, &o->rawlen)) != 0 ||
	    (r = buf_get_u32(b, &zlen)) != 0)
		goto out;
	/* not buf_get_string: zbody may pass KITH_MAXSTRING */
	o->z = buf_ptr(b);
	o->zlen = zlen;
	if ((r = buf_consume(b, zlen)) != 0)
		goto out;
	o->signedlen = len - buf_len(b);
	if ((r = buf_get_string_ptr(b, &o->sig, &o->siglen,
	    SSHSIG_MAXBLOB)) != 0)
		goto out;
	r = buf_end(b);
 out:
	buf_free(b);
	return r;
}

/* Checks the bundle signature over p[0..o->signedlen) by o->signer. */
static int
check_bundle_sig(const u_char *p, const struct outer *o)
{
	struct sshsig *s = NULL;
	u_char d[SSHSIG_MAXHASH];
	size_t dlen;
	int r;

	if ((r = sshsig_parse(o->sig, o->siglen, &s)) != 0)
		return r;
	if (memcmp(s->pk, o->signer, KEY_PKLEN) != 0)
		r = KE_SIGNATURE;
	else {
		dlen = sshsig_digest(s->hashalg, p, o->signedlen, d);
		r = sshsig_check_digest(s, BUNDLE_NS, SSHSIG_ANYHASH, d, dlen);
	}
	sshsig_free(s);
	return r;
}

int
bundle_armour(struct buf *out, const u_char *p, size_t len)
{
	struct outer o;
	struct buf *t;
	int r;

	if ((r = get_outer(p, len, &o)) != 0)
		return r;
	if ((t = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = b64_armour(t, BUNDLE_LABEL, p, o.signedlen)) == 0 &&
	    (r = sshsig_armour(t, o.sig, o.siglen)) == 0)
		r = buf_putb(out, t);
	buf_free(t);
	return r;
}

int
bundle_dearmour(struct buf *out, const char *text, size_t len)
{
	struct buf *t = NULL, *sig = NULL;
	size_t off = 0, end = 0;
	int r = KE_NOMEM;

	if ((t = buf_new()) == NULL || (sig = buf_new()) == NULL)
		goto out;
	if ((r = b64_dearmour(t, BUNDLE_LABEL, text, len, &off)) != 0 ||
	    (r = sshsig_dearmour(sig, text + off, len - off, &end)) != 0)
		goto out;
	for (off += end; off < len; off++)
		if (text[off] != '\n' && text[off] != '\r') {
			r = KE_TRAILING;
			goto out;
		}
	if ((r = buf_put_stringb(t, sig)) == 0)
		r = buf_putb(out, t);
 out:
	buf_free(sig);
	buf_free(t);
	return r;
}

/* 1 if p[0..len) starts with the binary magic. */
static int
is_binary(const u_char *p, size_t len)
{
	struct buf *b;
	int bin;

	if ((b = buf_view(p, len)) == NULL)
		return 0;
	bin = buf_get_magic(b, BUNDLE_MAGIC, sizeof(BUNDLE_MAGIC)) == 0;
	buf_free(b);
	return bin;
}

/* Inflates, parses and checks the body of o into b. */
static int
get_body(const struct outer *o, const struct bundle_caps *caps, int flags,
    struct bundle *b)
{
	int r;

	if ((r = bundle_read_body(o->z, o->zlen, o->rawlen, o->nrecords,
	    caps, flags, b)) != 0)
		return r;
	b->certs_checked = (flags & BUNDLE_NOCERTSIG) == 0;
	return 0;
}

int
bundle_parse(const u_char *p, size_t len, const struct bundle_caps *caps,
    int flags, struct bundle **bp)
{
	struct bundle_caps dc;
	struct buf *bin = NULL;
	struct bundle *b = NULL;
	struct outer o;
	int r = KE_NOMEM;

	*bp = NULL;
	if (caps == NULL) {
		bundle_caps_default(&dc);
		caps = &dc;
	}
	if (len > caps->file)
		return KE_TOOBIG;
	if (!is_binary(p, len)) {
		if ((bin = buf_new()) == NULL)
			goto out;
		if ((r = bundle_dearmour(bin, (const char *)p, len)) != 0)
			goto out;
		p = buf_ptr(bin);
		len = buf_len(bin);
	}
	if ((r = get_outer(p, len, &o)) != 0 ||
	    (r = check_caps(caps, o.nrecords, o.rawlen, o.zlen)) != 0 ||
	    (r = check_bundle_sig(p, &o)) != 0)
		goto out;
	if ((b = bundle_new()) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	memcpy(b->signer, o.signer, KEY_PKLEN);
	b->seq = o.seq;
	b->time = o.time;
	b->rawlen = o.rawlen;
	b->zlen = o.zlen;
	if ((flags & BUNDLE_HEADONLY) == 0 &&
	    (r = get_body(&o, caps, flags, b)) != 0)
		goto out;
	*bp = b;
	b = NULL;
 out:
	bundle_free(b);
	buf_free(bin);
	return r;
}
