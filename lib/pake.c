/* pake.c: CPace on ristretto255 with SHA-512 (draft-irtf-cfrg-cpace-21). */
#include "compat.h"

#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "kerr.h"
#include "pake.h"

#define PAKE_SINBYTES	128	/* SHA-512's input block */
#define PAKE_MAXDRAWS	64	/* each draw fails with p < 1/2 */

struct pake {
	int		 role;
	u_char		 y[PAKE_SCALARLEN];
	u_char		 Y[PAKE_POINTLEN];
	struct buf	*sid;
	struct buf	*ad;
	int		 finished;
};

#define LEB128_MAX	10	/* bytes for any 64-bit length */

/* Writes LEB128(n) into d (LEB128_MAX bytes); returns its length. */
static size_t
leb128(u_char *d, size_t n)
{
	size_t k = 0;

	do {
		d[k] = n & 0x7f;
		if ((n >>= 7) != 0)
			d[k] |= 0x80;
		k++;
	} while (n != 0);
	return k;
}

/* The length of LEB128(n). */
static size_t
leb128_len(size_t n)
{
	u_char d[LEB128_MAX];

	return leb128(d, n);
}

int
pake_prepend_len(struct buf *b, const void *p, size_t len)
{
	u_char d[LEB128_MAX];
	int r;

	if ((r = buf_put(b, d, leb128(d, len))) != 0)
		return r;
	return buf_put(b, p, len);
}

/* Hashes prepend_len(p): lv_cat without a buffer for secret inputs. */
static void
sha512_lv(crypto_hash_sha512_state *st, const void *p, size_t len)
{
	u_char d[LEB128_MAX];

	crypto_hash_sha512_update(st, d, leb128(d, len));
	crypto_hash_sha512_update(st, p, len);
}

int
pake_lv_cat(struct buf *b, const struct pake_lv *v, size_t n)
{
	size_t i;
	int r;

	for (i = 0; i < n; i++)
		if ((r = pake_prepend_len(b, v[i].p, v[i].len)) != 0)
			return r;
	return 0;
}

int
pake_lexlarger(const struct pake_lv *a, const struct pake_lv *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int c = n == 0 ? 0 : memcmp(a->p, b->p, n);

	if (c != 0)
		return c > 0;
	return a->len > b->len;
}

int
pake_o_cat(struct buf *b, const struct pake_lv *x, const struct pake_lv *y)
{
	int r;

	if (pake_lexlarger(x, y) == 0) {
		const struct pake_lv *t = x;

		x = y;
		y = t;
	}
	if ((r = buf_put(b, "oc", 2)) != 0 ||
	    (r = buf_put(b, x->p, x->len)) != 0)
		return r;
	return buf_put(b, y->p, y->len);
}

int
pake_transcript_ir(struct buf *b, const struct pake_lv *a,
    const struct pake_lv *bb)
{
	int r;

	if ((r = pake_lv_cat(b, a, 2)) != 0)
		return r;
	return pake_lv_cat(b, bb, 2);
}

int
pake_transcript_oc(struct buf *b, const struct pake_lv *a,
    const struct pake_lv *bb)
{
	struct buf *x = NULL, *y = NULL;
	struct pake_lv lx, ly;
	int r = KE_NOMEM;

	if ((x = buf_new()) == NULL || (y = buf_new()) == NULL)
		goto out;
	if ((r = pake_lv_cat(x, a, 2)) != 0 ||
	    (r = pake_lv_cat(y, bb, 2)) != 0)
		goto out;
	lx.p = buf_ptr(x);
	lx.len = buf_len(x);
	ly.p = buf_ptr(y);
	ly.len = buf_len(y);
	r = pake_o_cat(b, &lx, &ly);
 out:
	buf_free(x);
	buf_free(y);
	return r;
}

static const u_char zeros[PAKE_SINBYTES];

/* The generator string's lv_cat arguments: DSI, PRS, ZPAD, CI, sid. */
static void
pake_gen_args(struct pake_lv *v, const struct pake_lv *prs,
    const struct pake_lv *ci, const struct pake_lv *sid)
{
	size_t used;

	v[0].p = PAKE_DSI;
	v[0].len = sizeof(PAKE_DSI) - 1;
	v[1] = *prs;
	v[3] = *ci;
	v[4] = *sid;
	/* zpad keeps the first SHA-512 block free of PRS's length */
	used = 1 + leb128_len(prs->len) + prs->len +
	    leb128_len(v[0].len) + v[0].len;
	v[2].p = zeros;
	v[2].len = used >= PAKE_SINBYTES ? 0 : PAKE_SINBYTES - used;
}

int
pake_generator_string(struct buf *b, const struct pake_lv *prs,
    const struct pake_lv *ci, const struct pake_lv *sid)
{
	struct pake_lv v[5];

	pake_gen_args(v, prs, ci, sid);
	return pake_lv_cat(b, v, nitems(v));
}

int
pake_generator(u_char *g, const struct pake_lv *prs, const struct pake_lv *ci,
    const struct pake_lv *sid)
{
	u_char h[crypto_hash_sha512_BYTES];
	crypto_hash_sha512_state st;
	struct pake_lv v[5];
	size_t i;

	if (sodium_init() < 0)
		return KE_CRYPTO;
	pake_gen_args(v, prs, ci, sid);
	crypto_hash_sha512_init(&st);
	for (i = 0; i < nitems(v); i++)
		sha512_lv(&st, v[i].p, v[i].len);
	crypto_hash_sha512_final(&st, h);
	crypto_core_ristretto255_from_hash(g, h);
	sodium_memzero(&st, sizeof(st));
	sodium_memzero(h, sizeof(h));
	return 0;
}

static void
rng_default(void *arg, void *p, size_t len)
{
	(void)arg;
	randombytes_buf(p, len);
}

int
pake_sample_scalar(u_char *y, const struct pake_rng *rng)
{
	static const struct pake_rng dflt = { rng_default, NULL };
	u_char wide[crypto_core_ristretto255_NONREDUCEDSCALARBYTES];
	u_char red[crypto_core_ristretto255_SCALARBYTES];
	int i, ok = 0;

	if (sodium_init() < 0)
		return KE_CRYPTO;
	if (rng == NULL)
		rng = &dflt;
	memset(wide, 0, sizeof(wide));
	for (i = 0; i < PAKE_MAXDRAWS && !ok; i++) {
		rng->fill(rng->arg, wide, PAKE_SCALARLEN);
		wide[PAKE_SCALARLEN - 1] &= 0x1f;
		/* below L exactly when reducing mod L changes nothing */
		crypto_core_ristretto255_scalar_reduce(red, wide);
		ok = sodium_memcmp(red, wide, sizeof(red)) == 0 &&
		    !sodium_is_zero(red, sizeof(red));
	}
	if (ok)
		memcpy(y, red, PAKE_SCALARLEN);
	sodium_memzero(wide, sizeof(wide));
	sodium_memzero(red, sizeof(red));
	return ok ? 0 : KE_CRYPTO;
}

int
pake_smul_vfy(u_char *out, const u_char *y, const u_char *X)
{
	if (sodium_init() < 0)
		return KE_CRYPTO;
	/* -1 for an undecodable X and for an identity result alike */
	if (crypto_scalarmult_ristretto255(out, y, X) != 0) {
		sodium_memzero(out, PAKE_POINTLEN);
		return KE_BADPOINT;
	}
	return 0;
}

int
pake_isk(u_char *isk, const struct pake_lv *sid, const u_char *K,
    const struct buf *transcript)
{
	crypto_hash_sha512_state st;

	if (sodium_init() < 0)
		return KE_CRYPTO;
	crypto_hash_sha512_init(&st);
	sha512_lv(&st, PAKE_DSI_ISK, sizeof(PAKE_DSI_ISK) - 1);
	sha512_lv(&st, sid->p, sid->len);
	sha512_lv(&st, K, PAKE_POINTLEN);
	crypto_hash_sha512_update(&st, buf_ptr(transcript),
	    buf_len(transcript));
	crypto_hash_sha512_final(&st, isk);
	sodium_memzero(&st, sizeof(st));
	return 0;
}

int
pake_sid_output(u_char *out, const struct buf *transcript)
{
	crypto_hash_sha512_state st;

	if (sodium_init() < 0)
		return KE_CRYPTO;
	crypto_hash_sha512_init(&st);
	crypto_hash_sha512_update(&st, (const u_char *)PAKE_SIDOUT,
	    sizeof(PAKE_SIDOUT) - 1);
	crypto_hash_sha512_update(&st, buf_ptr(transcript),
	    buf_len(transcript));
	crypto_hash_sha512_final(&st, out);
	return 0;
}

void
pake_free(struct pake *p)
{
	if (p == NULL)
		return;
	buf_free(p->sid);
	buf_free(p->ad);
	sodium_free(p);		/* wipes y */
}

int
pake_new(const struct pake_params *pp, struct pake **pakep)
{
	struct pake *p = NULL;
	u_char g[PAKE_POINTLEN];
	int r = KE_NOMEM;

	*pakep = NULL;
	if (pp->role < PAKE_INITIATOR || pp->role > PAKE_SYMMETRIC)
		return KE_INTERNAL;
	if (sodium_init() < 0 || (p = sodium_malloc(sizeof(*p))) == NULL)
		return KE_NOMEM;
	memset(p, 0, sizeof(*p));
	p->role = pp->role;
	if ((p->sid = buf_from(pp->sid.p, pp->sid.len)) == NULL ||
	    (p->ad = buf_from(pp->ad.p, pp->ad.len)) == NULL)
		goto out;
	if ((r = pake_generator(g, &pp->prs, &pp->ci, &pp->sid)) != 0 ||
	    (r = pake_sample_scalar(p->y, pp->rng)) != 0)
		goto out;
	if ((r = pake_smul_vfy(p->Y, p->y, g)) != 0) {
		r = KE_CRYPTO;	/* a hashed generator is never invalid */
		goto out;
	}
	*pakep = p;
	p = NULL;
	r = 0;
 out:
	pake_free(p);
	return r;
}

const u_char *
pake_share(const struct pake *p)
{
	return p->Y;
}

/* Appends the transcript of p's role given the peer's Y and AD. */
static int
pake_transcript(const struct pake *p, const u_char *Ypeer,
    const struct pake_lv *adpeer, struct buf *t)
{
	struct pake_lv self[2], peer[2];

	self[0].p = p->Y;
	self[0].len = sizeof(p->Y);
	self[1].p = buf_ptr(p->ad);
	self[1].len = buf_len(p->ad);
	peer[0].p = Ypeer;
	peer[0].len = PAKE_POINTLEN;
	peer[1] = *adpeer;
	switch (p->role) {
	case PAKE_INITIATOR:
		return pake_transcript_ir(t, self, peer);
	case PAKE_RESPONDER:
		return pake_transcript_ir(t, peer, self);
	default:
		return pake_transcript_oc(t, self, peer);
	}
}

int
pake_finish(struct pake *p, const u_char *Ypeer, const struct pake_lv *adpeer,
    u_char *isk)
{
	u_char K[PAKE_POINTLEN];
	struct buf *t = NULL;
	struct pake_lv sid;
	int r = KE_INTERNAL;

	if (p->finished)
		return KE_INTERNAL;
	p->finished = 1;
	if (sodium_memcmp(Ypeer, p->Y, sizeof(p->Y)) == 0) {
		r = KE_REFLECTED;
		goto out;
	}
	if ((r = pake_smul_vfy(K, p->y, Ypeer)) != 0)
		goto out;
	if ((t = buf_new()) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	sid.p = buf_ptr(p->sid);
	sid.len = buf_len(p->sid);
	if ((r = pake_transcript(p, Ypeer, adpeer, t)) != 0 ||
	    (r = pake_isk(isk, &sid, K, t)) != 0)
		goto out;
	r = 0;
 out:
	sodium_memzero(p->y, sizeof(p->y));
	sodium_memzero(K, sizeof(K));
	buf_free(t);
	return r;
}
