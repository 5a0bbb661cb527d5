/* pair.c: the kith-share/1 pairing state machine, offer and join. */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "channel.h"
#include "kerr.h"
#include "key.h"
#include "pair.h"
#include "paircode.h"
#include "pairproto.h"
#include "pake.h"

enum pair_state {
	S_SEND_M0,	/* offer: nothing yet */
	S_WAIT_M0,	/* join */
	S_WAIT_M1,	/* offer */
	S_WAIT_M2,	/* join */
	S_WAIT_M3,	/* offer: tagB, header, IDENT_B */
	S_WAIT_M4,	/* join: header, IDENT_A, VOUCH_A, BUNDLE_A */
	S_WAIT_M5,	/* offer: VOUCH_B, BUNDLE_B, DONE */
	S_WAIT_M6,	/* join: DONE */
	S_DONE,
	S_FAILED
};

/* Stages of a message that starts with fixed fields. */
#define STAGE_TAG	0	/* M3's tagB */
#define STAGE_HDR	1	/* the stream header */
#define STAGE_RECS	2	/* framed records */

/* What lives in sodium_malloc'd memory. */
struct pair_secret {
	char		 prs[sizeof(PAIR_SYNC_PRS)];
	size_t		 prslen;
	u_char		 isk[PAKE_ISKLEN];
	struct pair_keys keys;
};

struct pair {
	int		 offer;
	int		 state;
	int		 err;
	int		 stage;
	int		 spent;
	int		 confirmed;
	uint8_t		 expect;	/* the next record type */
	size_t		 need;
	uint8_t		 flags;
	uint8_t		 peer_flags;
	u_char		 pk[KEY_PKLEN];
	char		 name[PAIR_MAXNAME + 1];
	int		(*sign)(void *, const u_char *, size_t, u_char *);
	int		(*payload)(void *, const struct pair *, struct buf *,
			    struct buf *);
	void		*arg;
	const struct pake_rng *rng;
	u_char		 hdr0[PAIR_HDRLEN];
	u_char		 hdr1[PAIR_HDRLEN];
	u_char		 na[PAIR_NONCELEN];
	u_char		 nb[PAIR_NONCELEN];
	u_char		 ya[PAIR_POINTLEN];
	u_char		 yb[PAIR_POINTLEN];
	struct pair_secret *sec;
	struct pake	*pake;
	struct chan	*tx;
	struct chan	*rx;
	struct buf	*rec;		/* one decrypted record */
	struct buf	*vouch;		/* ours */
	struct buf	*bundle;
	struct buf	*peer_vouch;
	struct buf	*peer_bundle;
	int		 have_peer;
	u_char		 peer_pk[KEY_PKLEN];
	char		 peer_name[PAIR_MAXNAME + 1];
};

/* Drops every secret: the run cannot go on. */
static void
pair_wipe(struct pair *p)
{
	if (p->sec != NULL)
		sodium_memzero(p->sec, sizeof(*p->sec));
	pake_free(p->pake);
	chan_free(p->tx);
	chan_free(p->rx);
	p->pake = NULL;
	p->tx = p->rx = NULL;
	p->confirmed = 0;
}

/* Done: the stream keys go, TH and the SAS stay for the caller. */
static void
pair_finished(struct pair *p)
{
	chan_free(p->tx);
	chan_free(p->rx);
	p->tx = p->rx = NULL;
	p->state = S_DONE;
}

static int
pair_fail(struct pair *p, int r)
{
	pair_wipe(p);
	p->state = S_FAILED;
	p->err = r;
	p->have_peer = 0;
	return r;
}

void
pair_free(struct pair *p)
{
	if (p == NULL)
		return;
	pair_wipe(p);
	if (p->sec != NULL)
		sodium_free(p->sec);
	buf_free(p->rec);
	buf_free(p->vouch);
	buf_free(p->bundle);
	buf_free(p->peer_vouch);
	buf_free(p->peer_bundle);
	sodium_memzero(p, sizeof(*p));
	free(p);
}

static int
pair_new(int offer, const struct pair_conf *c, struct pair **pp)
{
	struct pair *p = NULL;
	char digits[PAIRCODE_DIGITS + 1];
	int r = KE_NOMEM, sync = (c->flags & PAIR_F_SYNC) != 0;

	*pp = NULL;
	memset(digits, 0, sizeof(digits));
	if (c->sign == NULL || (c->flags & ~PAIR_F_ALL) != 0)
		return KE_INTERNAL;
	if ((r = pairproto_check_name(c->name)) != 0 ||
	    (!sync && (r = paircode_parse(c->code, digits)) != 0))
		return r;
	r = KE_NOMEM;
	if (sodium_init() < 0 || (p = calloc(1, sizeof(*p))) == NULL ||
	    (p->sec = sodium_malloc(sizeof(*p->sec))) == NULL)
		goto out;
	memset(p->sec, 0, sizeof(*p->sec));
	if ((p->rec = buf_new()) == NULL || (p->vouch = buf_new()) == NULL ||
	    (p->bundle = buf_new()) == NULL ||
	    (p->peer_vouch = buf_new()) == NULL ||
	    (p->peer_bundle = buf_new()) == NULL)
		goto out;
	/* PRS is the 9 secret digits, not the check digit; sync's is public */
	p->sec->prslen = sync ? strlen(PAIR_SYNC_PRS) : PAIRCODE_SECRET;
	memcpy(p->sec->prs, sync ? PAIR_SYNC_PRS : digits, p->sec->prslen);
	p->offer = offer;
	p->state = offer ? S_SEND_M0 : S_WAIT_M0;
	p->flags = c->flags;
	memcpy(p->pk, c->pk, sizeof(p->pk));
	strlcpy(p->name, c->name, sizeof(p->name));
	p->sign = c->sign;
	p->payload = c->payload;
	p->arg = c->arg;
	p->rng = c->rng;
	*pp = p;
	p = NULL;
	r = 0;
 out:
	sodium_memzero(digits, sizeof(digits));
	pair_free(p);
	return r;
}

int
pair_offer_new(const struct pair_conf *c, struct pair **pp)
{
	return pair_new(1, c, pp);
}

int
pair_join_new(const struct pair_conf *c, struct pair **pp)
{
	return pair_new(0, c, pp);
}

static void
pair_random(const struct pair *p, void *d, size_t len)
{
	if (p->rng != NULL)
		p->rng->fill(p->rng->arg, d, len);
	else
		randombytes_buf(d, len);
}

/* PAIR_NEED until in holds exactly n bytes; more is KE_TRAILING. */
static int
pair_fixed(struct pair *p, const struct buf *in, size_t n)
{
	if (buf_len(in) < n) {
		p->need = n - buf_len(in);
		return PAIR_NEED;
	}
	return buf_len(in) > n ? KE_TRAILING : 0;
}

/* Starts CPace with sid = nA || nB and CI over both headers. */
static int
pair_pake(struct pair *p)
{
	struct pake_params pp;
	u_char sid[2 * PAIR_NONCELEN];
	struct buf *ci;
	int r;

	if ((ci = buf_new()) == NULL)
		return KE_NOMEM;
	memcpy(sid, p->na, sizeof(p->na));
	memcpy(sid + sizeof(p->na), p->nb, sizeof(p->nb));
	memset(&pp, 0, sizeof(pp));
	pp.role = p->offer ? PAKE_RESPONDER : PAKE_INITIATOR;
	pp.prs.p = p->sec->prs;
	pp.prs.len = p->sec->prslen;
	pp.sid.p = sid;
	pp.sid.len = sizeof(sid);
	pp.ad.p = "";
	pp.rng = p->rng;
	if ((r = pairproto_ci(ci, p->hdr0, p->hdr1)) == 0) {
		pp.ci.p = buf_ptr(ci);
		pp.ci.len = buf_len(ci);
		r = pake_new(&pp, &p->pake);
	}
	sodium_memzero(p->sec->prs, sizeof(p->sec->prs));
	buf_free(ci);
	return r;
}

/* Finishes CPace with the peer's share and derives every key. */
static int
pair_keys(struct pair *p)
{
	const u_char *peer = p->offer ? p->ya : p->yb;
	struct pake_lv noad = { "", 0 };
	struct buf *m0 = NULL, *m1 = NULL;
	int r = KE_NOMEM;

	if ((m0 = buf_new()) == NULL || (m1 = buf_new()) == NULL)
		goto out;
	if ((r = buf_put(m0, p->hdr0, sizeof(p->hdr0))) != 0 ||
	    (r = buf_put(m0, p->na, sizeof(p->na))) != 0 ||
	    (r = buf_put(m1, p->hdr1, sizeof(p->hdr1))) != 0 ||
	    (r = buf_put(m1, p->nb, sizeof(p->nb))) != 0 ||
	    (r = buf_put(m1, p->ya, sizeof(p->ya))) != 0)
		goto out;
	r = pake_finish(p->pake, peer, &noad, p->sec->isk);
	pake_free(p->pake);
	p->pake = NULL;
	if (r != 0 || (r = pairproto_schedule(&p->sec->keys, p->sec->isk,
	    m0, m1, p->yb)) != 0)
		goto out;
	r = 0;
 out:
	sodium_memzero(p->sec->isk, sizeof(p->sec->isk));
	buf_free(m0);
	buf_free(m1);
	return r;
}

/* Offer, first step: M0 = hdr || nA. */
static int
offer_m0(struct pair *p, struct buf *out)
{
	struct buf *h;
	int r;

	if ((h = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = pairproto_put_hdr(h, p->flags)) == 0 &&
	    (r = buf_get_fixed(h, p->hdr0, sizeof(p->hdr0))) == 0) {
		pair_random(p, p->na, sizeof(p->na));
		if ((r = buf_put(out, p->hdr0, sizeof(p->hdr0))) == 0)
			r = buf_put(out, p->na, sizeof(p->na));
	}
	buf_free(h);
	p->state = S_WAIT_M1;
	return r == 0 ? PAIR_SEND : r;
}

/* Copies and checks the header at the front of in. */
static int
pair_get_hdr(struct pair *p, struct buf *in, u_char *hdr)
{
	const u_char *h;
	int r;

	if ((r = buf_peek_at(in, 0, PAIR_HDRLEN, &h)) != 0)
		return r;
	memcpy(hdr, h, PAIR_HDRLEN);
	if ((r = pairproto_get_hdr(in, &p->peer_flags)) != 0)
		return r;
	/* a pairing and a sync never mix, whatever the keys say */
	return ((p->flags ^ p->peer_flags) & PAIR_F_SYNC) != 0 ?
	    KE_PEERMODE : 0;
}

/* Join, on M0: M1 = hdr || nB || Ya. */
static int
join_m1(struct pair *p, struct buf *in, struct buf *out)
{
	struct buf *h;
	int r;

	if ((r = pair_fixed(p, in, PAIR_M0LEN)) != 0)
		return r;
	if ((r = pair_get_hdr(p, in, p->hdr0)) != 0 ||
	    (r = buf_get_fixed(in, p->na, sizeof(p->na))) != 0)
		return r;
	if ((h = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = pairproto_put_hdr(h, p->flags)) == 0)
		r = buf_get_fixed(h, p->hdr1, sizeof(p->hdr1));
	buf_free(h);
	if (r != 0)
		return r;
	pair_random(p, p->nb, sizeof(p->nb));
	if ((r = pair_pake(p)) != 0)
		return r;
	memcpy(p->ya, pake_share(p->pake), sizeof(p->ya));
	p->spent = 1;
	if ((r = buf_put(out, p->hdr1, sizeof(p->hdr1))) != 0 ||
	    (r = buf_put(out, p->nb, sizeof(p->nb))) != 0 ||
	    (r = buf_put(out, p->ya, sizeof(p->ya))) != 0)
		return r;
	p->state = S_WAIT_M2;
	return PAIR_SEND;
}

/* Offer, on M1: M2 = Yb || tagA.  Sending it uses up an attempt. */
static int
offer_m2(struct pair *p, struct buf *in, struct buf *out)
{
	int r;

	if ((r = pair_fixed(p, in, PAIR_M1LEN)) != 0)
		return r;
	if ((r = pair_get_hdr(p, in, p->hdr1)) != 0 ||
	    (r = buf_get_fixed(in, p->nb, sizeof(p->nb))) != 0 ||
	    (r = buf_get_fixed(in, p->ya, sizeof(p->ya))) != 0)
		return r;
	if ((r = pair_pake(p)) != 0)
		return r;
	memcpy(p->yb, pake_share(p->pake), sizeof(p->yb));
	if ((r = pair_keys(p)) != 0)
		return r;
	p->spent = 1;
	if ((r = buf_put(out, p->yb, sizeof(p->yb))) != 0 ||
	    (r = buf_put(out, p->sec->keys.tag_a, PAIR_TAGLEN)) != 0)
		return r;
	p->state = S_WAIT_M3;
	p->stage = STAGE_TAG;
	return PAIR_SEND;
}

/* Signs and seals our IDENT record. */
static int
pair_put_ident(struct pair *p, struct buf *out)
{
	const char *role = p->offer ? PAIR_ROLE_OFFER : PAIR_ROLE_JOIN;
	u_char sig[KEY_SIGLEN];
	struct buf *m;
	int r;

	if ((m = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = pairproto_ident_msg(m, role, p->sec->keys.th, p->pk,
	    p->name)) != 0 ||
	    (r = p->sign(p->arg, buf_ptr(m), buf_len(m), sig)) != 0)
		goto out;
	buf_reset(m);
	if ((r = pairproto_put_ident(m, p->pk, sig, p->name)) != 0)
		goto out;
	r = chan_seal(p->tx, PAIR_REC_IDENT, buf_ptr(m), buf_len(m),
	    CHAN_MESSAGE, out);
 out:
	buf_free(m);
	return r;
}

/* Join, on M2: M3 = tagB || ssHdr_BA || F(IDENT_B). */
static int
join_m3(struct pair *p, struct buf *in, struct buf *out)
{
	u_char taga[PAIR_TAGLEN];
	int r;

	if ((r = pair_fixed(p, in, PAIR_M2LEN)) != 0)
		return r;
	if ((r = buf_get_fixed(in, p->yb, sizeof(p->yb))) != 0 ||
	    (r = buf_get_fixed(in, taga, sizeof(taga))) != 0 ||
	    (r = pair_keys(p)) != 0)
		return r;
	if (crypto_verify_32(taga, p->sec->keys.tag_a) != 0)
		return KE_WRONGCODE;
	p->confirmed = 1;
	if ((r = buf_put(out, p->sec->keys.tag_b, PAIR_TAGLEN)) != 0 ||
	    (r = chan_push_new(p->sec->keys.k_ba, out, &p->tx)) != 0 ||
	    (r = pair_put_ident(p, out)) != 0)
		return r;
	sodium_memzero(p->sec->keys.k_ba, PAIR_KEYLEN);
	p->state = S_WAIT_M4;
	p->stage = STAGE_HDR;
	p->expect = PAIR_REC_IDENT;
	return PAIR_SEND;
}

/* Seals our bundle in chunks, the last one with CHAN_PUSH. */
static int
pair_put_bundle(struct pair *p, struct buf *out)
{
	const u_char *d;
	struct buf *v;
	size_t n;
	int r;

	if ((v = buf_view(buf_ptr(p->bundle), buf_len(p->bundle))) == NULL)
		return KE_NOMEM;
	do {
		n = buf_len(v) < CHAN_MAXBODY ? buf_len(v) : CHAN_MAXBODY;
		if ((r = buf_peek_at(v, 0, n, &d)) != 0 ||
		    (r = buf_consume(v, n)) != 0 ||
		    (r = chan_seal(p->tx, PAIR_REC_BUNDLE, d, n,
		    buf_len(v) == 0 ? CHAN_PUSH : CHAN_MESSAGE, out)) != 0)
			break;
	} while (buf_len(v) > 0);
	buf_free(v);
	return r;
}

/* VOUCH, then BUNDLE: both sides send them in this order. */
static int
pair_put_payload(struct pair *p, struct buf *out)
{
	int r;

	if ((r = chan_seal(p->tx, PAIR_REC_VOUCH, buf_ptr(p->vouch),
	    buf_len(p->vouch), CHAN_MESSAGE, out)) != 0)
		return r;
	return pair_put_bundle(p, out);
}

/* Offer, after IDENT_B: M4 = ssHdr_AB || IDENT_A || VOUCH_A || BUNDLE_A. */
static int
offer_m4(struct pair *p, struct buf *out)
{
	int r;

	if ((r = chan_push_new(p->sec->keys.k_ab, out, &p->tx)) != 0 ||
	    (r = pair_put_ident(p, out)) != 0 ||
	    (r = pair_put_payload(p, out)) != 0)
		return r;
	sodium_memzero(p->sec->keys.k_ab, PAIR_KEYLEN);
	p->state = S_WAIT_M5;
	return PAIR_SEND;
}

/* Join, after BUNDLE_A: M5 = VOUCH_B || BUNDLE_B || DONE. */
static int
join_m5(struct pair *p, struct buf *out)
{
	int r;

	if ((r = pair_put_payload(p, out)) != 0 ||
	    (r = chan_seal(p->tx, PAIR_REC_DONE, NULL, 0, CHAN_FINAL,
	    out)) != 0)
		return r;
	p->state = S_WAIT_M6;
	return PAIR_SEND;
}

/* Offer, after DONE_B: M6 = DONE. */
static int
offer_m6(struct pair *p, struct buf *out)
{
	int r;

	if ((r = chan_seal(p->tx, PAIR_REC_DONE, NULL, 0, CHAN_FINAL,
	    out)) != 0)
		return r;
	pair_finished(p);
	return PAIR_SEND;
}

/* The peer's IDENT: checks it, then asks the caller for our payload. */
static int
pair_peer_ident(struct pair *p)
{
	const char *role = p->offer ? PAIR_ROLE_JOIN : PAIR_ROLE_OFFER;
	u_char pk[KEY_PKLEN], sig[KEY_SIGLEN];
	char name[PAIR_MAXNAME + 1];
	int r;

	if ((r = pairproto_get_ident(p->rec, pk, sig, name)) != 0)
		return r;
	if ((r = pairproto_ident_verify(role, p->sec->keys.th, pk, sig,
	    name)) != 0)
		return r;
	if (sodium_memcmp(pk, p->pk, sizeof(pk)) == 0)
		return KE_REFLECTED;	/* our own key: a loop */
	memcpy(p->peer_pk, pk, sizeof(pk));
	strlcpy(p->peer_name, name, sizeof(p->peer_name));
	p->have_peer = 1;
	if (p->payload != NULL &&
	    (r = p->payload(p->arg, p, p->vouch, p->bundle)) != 0)
		return r;
	if (buf_len(p->vouch) > CHAN_MAXBODY)
		return KE_TOOLONG;
	if (buf_len(p->bundle) > PAIR_MAXBUNDLE)
		return KE_TOOBIG;
	return 0;
}

/*
 * Handles one record of the peer's stream, which always runs IDENT,
 * VOUCH, BUNDLE... (the last one CHAN_PUSH), DONE (CHAN_FINAL).
 * Returns 1 if it ends a message (so the peer now waits for us), 0 if
 * more records follow, or an error.
 */
static int
pair_record(struct pair *p, uint8_t type, uint8_t tag)
{
	int r;

	if (type != p->expect)
		return KE_PROTOCOL;
	switch (type) {
	case PAIR_REC_IDENT:
		if (tag != CHAN_MESSAGE)
			return KE_PROTOCOL;
		if ((r = pair_peer_ident(p)) != 0)
			return r;
		p->expect = PAIR_REC_VOUCH;
		return p->offer;	/* IDENT_B ends M3 */
	case PAIR_REC_VOUCH:
		if (tag != CHAN_MESSAGE)
			return KE_PROTOCOL;
		p->expect = PAIR_REC_BUNDLE;
		return buf_putb(p->peer_vouch, p->rec);
	case PAIR_REC_BUNDLE:
		if (tag != CHAN_MESSAGE && tag != CHAN_PUSH)
			return KE_PROTOCOL;
		if (buf_len(p->rec) > PAIR_MAXBUNDLE -
		    buf_len(p->peer_bundle))
			return KE_TOOBIG;
		if ((r = buf_putb(p->peer_bundle, p->rec)) != 0)
			return r;
		if (tag == CHAN_MESSAGE)
			return 0;
		p->expect = PAIR_REC_DONE;
		return !p->offer;	/* BUNDLE_A ends M4 */
	case PAIR_REC_DONE:
		if (tag != CHAN_FINAL || buf_len(p->rec) != 0)
			return KE_PROTOCOL;
		p->expect = 0;
		return 1;
	}
	return KE_PROTOCOL;
}

/* Reads records until one ends a message: 0, PAIR_NEED or an error. */
static int
pair_records(struct pair *p, struct buf *in)
{
	uint8_t type, tag;
	int r;

	for (;;) {
		buf_reset(p->rec);
		r = chan_open(p->rx, in, &type, &tag, p->rec, &p->need);
		if (r == CHAN_NEED)
			return PAIR_NEED;
		if (r != 0 || (r = pair_record(p, type, tag)) < 0)
			return r;
		if (r == 1)
			return buf_len(in) == 0 ? 0 : KE_TRAILING;
	}
}

/* The fixed fields ahead of M3's and M4's records. */
static int
pair_stages(struct pair *p, struct buf *in)
{
	u_char tagb[PAIR_TAGLEN], hdr[CHAN_HDRLEN], *k;
	int r;

	if (p->stage == STAGE_TAG) {
		if (buf_len(in) < sizeof(tagb)) {
			p->need = sizeof(tagb) - buf_len(in);
			return PAIR_NEED;
		}
		(void)buf_get_fixed(in, tagb, sizeof(tagb));
		if (crypto_verify_32(tagb, p->sec->keys.tag_b) != 0)
			return KE_WRONGCODE;
		p->confirmed = 1;
		p->stage = STAGE_HDR;
		p->expect = PAIR_REC_IDENT;
	}
	if (p->stage == STAGE_HDR) {
		if (buf_len(in) < sizeof(hdr)) {
			p->need = sizeof(hdr) - buf_len(in);
			return PAIR_NEED;
		}
		(void)buf_get_fixed(in, hdr, sizeof(hdr));
		k = p->offer ? p->sec->keys.k_ba : p->sec->keys.k_ab;
		r = chan_pull_new(k, hdr, &p->rx);
		sodium_memzero(k, PAIR_KEYLEN);
		if (r != 0)
			return r;
		p->stage = STAGE_RECS;
	}
	return 0;
}

/* The encrypted part of the run: M3 to M6 on either side. */
static int
pair_stream(struct pair *p, struct buf *in, struct buf *out)
{
	int r;

	if ((r = pair_stages(p, in)) != 0 || (r = pair_records(p, in)) != 0)
		return r;
	switch (p->state) {
	case S_WAIT_M3:
		return offer_m4(p, out);
	case S_WAIT_M4:
		return join_m5(p, out);
	case S_WAIT_M5:
		return offer_m6(p, out);
	default:	/* S_WAIT_M6 */
		pair_finished(p);
		return PAIR_DONE;
	}
}

int
pair_step(struct pair *p, struct buf *in, struct buf *out)
{
	int r;

	p->need = 0;
	switch (p->state) {
	case S_FAILED:
		return p->err;
	case S_DONE:
		return PAIR_DONE;
	case S_SEND_M0:
		r = offer_m0(p, out);
		break;
	case S_WAIT_M0:
		r = join_m1(p, in, out);
		break;
	case S_WAIT_M1:
		r = offer_m2(p, in, out);
		break;
	case S_WAIT_M2:
		r = join_m3(p, in, out);
		break;
	default:
		r = pair_stream(p, in, out);
		break;
	}
	return r < 0 ? pair_fail(p, r) : r;
}

size_t
pair_want(const struct pair *p)
{
	return p->need;
}

int
pair_eof(struct pair *p, const struct buf *in)
{
	int r = KE_TRUNCATED;

	if (p->state == S_DONE)
		return 0;
	if (p->state == S_FAILED)
		return p->err;
	/* the joiner hangs up without a word when tagA fails */
	if (p->state == S_WAIT_M3 && p->stage == STAGE_TAG &&
	    buf_len(in) == 0)
		r = KE_WRONGCODE;
	return pair_fail(p, r);
}

int
pair_spent(const struct pair *p)
{
	return p->spent;
}

const u_char *
pair_peer_pk(const struct pair *p)
{
	return p->have_peer ? p->peer_pk : NULL;
}

const char *
pair_peer_name(const struct pair *p)
{
	return p->have_peer ? p->peer_name : NULL;
}

int
pair_peer_complete(const struct pair *p)
{
	/* expect moves on to DONE after the last BUNDLE, then to 0 */
	return p->have_peer &&
	    (p->expect == PAIR_REC_DONE || p->expect == 0);
}

const struct buf *
pair_peer_vouch(const struct pair *p)
{
	return p->peer_vouch;
}

const struct buf *
pair_peer_bundle(const struct pair *p)
{
	return p->peer_bundle;
}

int
pair_peer_checking(const struct pair *p)
{
	return p->state == S_WAIT_M5 || p->state == S_WAIT_M6;
}

const u_char *
pair_th(const struct pair *p)
{
	return p->confirmed ? p->sec->keys.th : NULL;
}

int
pair_show_sas(const struct pair *p)
{
	return ((p->flags | p->peer_flags) & PAIR_F_SAS) != 0;
}

int
pair_sas(const struct pair *p, char *sas)
{
	if (!p->confirmed)
		return KE_PROTOCOL;
	pairproto_sas(&p->sec->keys, sas);
	return 0;
}
