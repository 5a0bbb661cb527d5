/*
 * A joiner written in the test from PROTOCOL.kith's description, out of
 * the library's parts (pake, pairproto, channel), run against the real
 * offer state machine.  Done honestly it must pair; otherwise it sends
 * what no honest joiner can, validly encrypted: records out of order,
 * wrong tags, bodies of the wrong shape, a bundle over the cap.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "channel.h"
#include "kerr.h"
#include "pair.h"
#include "pairproto.h"
#include "pake.h"
#include "test.h"
#include "t_pair.h"

#define PRS	"482193706"	/* TP_CODE without its check digit */

/* A record the evil joiner sends: type, body, tag. */
struct rec {
	uint8_t		 type;
	const char	*body;	/* NULL: empty; "BIG": one full chunk */
	uint8_t		 tag;
};

struct evil {
	struct pair	*a;
	struct buf	*m0;
	struct buf	*m1;
	struct buf	*in;	/* to A */
	struct buf	*out;	/* from A */
	struct pair_keys *k;
	struct chan	*tx;
	u_char		 pk[32];
	u_char		 sk[64];
	u_char		 apk[32];
	u_char		 ask[64];
};

static int
a_sign(void *arg, const u_char *m, size_t len, u_char *sig)
{
	struct evil *e = arg;

	crypto_sign_detached(sig, NULL, m, len, e->ask);
	return 0;
}

/* Feeds what is in e->in to A; returns A's last answer. */
static int
to_a(struct evil *e)
{
	int r;

	buf_reset(e->out);
	while ((r = pair_step(e->a, e->in, e->out)) == PAIR_SEND)
		;
	return r;
}

/* Runs M0 to M2 as an honest joiner would: 0, or -1. */
static int
evil_start(struct evil *e)
{
	struct pake_params pp;
	struct pair_conf c;
	struct pake *pake;
	struct buf *ci = buf_new();
	u_char na[16], nb[16], sid[32], isk[PAKE_ISKLEN], yb[32], taga[32];
	struct pake_lv none = { "", 0 };

	memset(e, 0, sizeof(*e));
	crypto_sign_keypair(e->pk, e->sk);
	crypto_sign_keypair(e->apk, e->ask);
	e->in = buf_new();
	e->out = buf_new();
	e->m1 = buf_new();
	e->k = sodium_malloc(sizeof(*e->k));
	memset(&c, 0, sizeof(c));
	c.code = TP_CODE;
	c.pk = e->apk;
	c.name = "a";
	c.sign = a_sign;
	c.arg = e;
	if (pair_offer_new(&c, &e->a) != 0 || to_a(e) != PAIR_NEED)
		return -1;
	e->m0 = buf_from(buf_ptr(e->out), buf_len(e->out));
	/* M0 = hdr || nA; M1 = hdr || nB || Ya */
	memcpy(na, buf_ptr(e->m0) + PAIR_HDRLEN, sizeof(na));
	randombytes_buf(nb, sizeof(nb));
	memcpy(sid, na, 16);
	memcpy(sid + 16, nb, 16);
	pairproto_put_hdr(e->m1, 0);
	pairproto_ci(ci, buf_ptr(e->m0), buf_ptr(e->m1));
	memset(&pp, 0, sizeof(pp));
	pp.role = PAKE_INITIATOR;
	pp.prs.p = PRS;
	pp.prs.len = strlen(PRS);
	pp.ci.p = buf_ptr(ci);
	pp.ci.len = buf_len(ci);
	pp.sid.p = sid;
	pp.sid.len = sizeof(sid);
	pp.ad = none;
	if (pake_new(&pp, &pake) != 0)
		return -1;
	buf_put(e->m1, nb, sizeof(nb));
	buf_put(e->m1, pake_share(pake), 32);
	buf_putb(e->in, e->m1);
	if (to_a(e) != PAIR_NEED || buf_len(e->out) != PAIR_M2LEN)
		return -1;
	buf_get_fixed(e->out, yb, sizeof(yb));
	buf_get_fixed(e->out, taga, sizeof(taga));
	if (pake_finish(pake, yb, &none, isk) != 0 ||
	    pairproto_schedule(e->k, isk, e->m0, e->m1, yb) != 0 ||
	    memcmp(taga, e->k->tag_a, 32) != 0)
		return -1;
	pake_free(pake);
	buf_free(ci);
	return 0;
}

static void
evil_free(struct evil *e)
{
	pair_free(e->a);
	buf_free(e->m0);
	buf_free(e->m1);
	buf_free(e->in);
	buf_free(e->out);
	chan_free(e->tx);
	sodium_free(e->k);
}

/* Appends our IDENT record, signed for role over TH, with extra bytes. */
static void
evil_ident(struct evil *e, const char *role, uint8_t tag, int extra)
{
	struct buf *m = buf_new(), *body = buf_new();
	u_char sig[64];

	pairproto_ident_msg(m, role, e->k->th, e->pk, "b");
	crypto_sign_detached(sig, NULL, buf_ptr(m), buf_len(m), e->sk);
	pairproto_put_ident(body, e->pk, sig, "b");
	if (extra > 0)
		buf_put_u8(body, 0);
	else if (extra < 0)
		buf_consume_tail(body, 1);
	chan_seal(e->tx, PAIR_REC_IDENT, buf_ptr(body), buf_len(body), tag,
	    e->in);
	buf_free(m);
	buf_free(body);
}

/* M3 with IDENT_B as given; A's answer. */
static int
evil_m3(struct evil *e, const char *role, uint8_t tag, int extra)
{
	buf_put(e->in, e->k->tag_b, 32);
	chan_push_new(e->k->k_ba, e->in, &e->tx);
	evil_ident(e, role, tag, extra);
	return to_a(e);
}

static void
evil_recs(struct evil *e, const struct rec *r, size_t n)
{
	static u_char big[CHAN_MAXBODY];
	size_t i;

	for (i = 0; i < n; i++) {
		if (r[i].body != NULL && strcmp(r[i].body, "BIG") == 0)
			chan_seal(e->tx, r[i].type, big, sizeof(big),
			    r[i].tag, e->in);
		else
			chan_seal(e->tx, r[i].type, r[i].body,
			    r[i].body == NULL ? 0 : strlen(r[i].body),
			    r[i].tag, e->in);
	}
}

static void
test_m3(void)
{
	static const struct {
		const char	*role;
		uint8_t		 tag;
		int		 extra;
		int		 want;
		const char	*what;
	} t[] = {
		{ PAIR_ROLE_JOIN, CHAN_MESSAGE, 0, PAIR_NEED, "honest IDENT" },
		{ PAIR_ROLE_OFFER, CHAN_MESSAGE, 0, KE_SIGNATURE,
		    "IDENT signed as the offerer" },
		{ PAIR_ROLE_JOIN, CHAN_PUSH, 0, KE_PROTOCOL,
		    "IDENT tagged PUSH" },
		{ PAIR_ROLE_JOIN, CHAN_FINAL, 0, KE_PROTOCOL,
		    "IDENT tagged FINAL" },
		{ PAIR_ROLE_JOIN, CHAN_MESSAGE, 1, KE_TRAILING,
		    "IDENT with a byte too many" },
		{ PAIR_ROLE_JOIN, CHAN_MESSAGE, -1, KE_TRUNCATED,
		    "IDENT a byte short" },
	};
	struct evil e;
	size_t i;

	for (i = 0; i < nitems(t); i++) {
		if (evil_start(&e) != 0) {
			T_OK(0, "evil joiner: M0 to M2");
			evil_free(&e);
			return;
		}
		T_EQ(evil_m3(&e, t[i].role, t[i].tag, t[i].extra), t[i].want,
		    "evil joiner: %s", t[i].what);
		evil_free(&e);
	}
	/* a VOUCH where IDENT must be */
	evil_start(&e);
	buf_put(e.in, e.k->tag_b, 32);
	chan_push_new(e.k->k_ba, e.in, &e.tx);
	chan_seal(e.tx, PAIR_REC_VOUCH, "v", 1, CHAN_MESSAGE, e.in);
	T_EQ(to_a(&e), KE_PROTOCOL, "evil joiner: VOUCH before IDENT");
	evil_free(&e);
}

static void
test_m5(void)
{
	static const struct rec ok[] = {
		{ PAIR_REC_VOUCH, "vouch", CHAN_MESSAGE },
		{ PAIR_REC_BUNDLE, "bun", CHAN_MESSAGE },
		{ PAIR_REC_BUNDLE, "dle", CHAN_PUSH },
		{ PAIR_REC_DONE, NULL, CHAN_FINAL },
	};
	static const struct {
		struct rec	 r[4];
		size_t		 n;
		int		 want;
		const char	*what;
	} t[] = {
		{ { { 2, "v", CHAN_PUSH } }, 1, KE_PROTOCOL, "VOUCH tagged PUSH" },
		{ { { 3, "b", CHAN_PUSH } }, 1, KE_PROTOCOL, "BUNDLE first" },
		{ { { 9, "x", CHAN_MESSAGE } }, 1, KE_PROTOCOL, "type 9" },
		{ { { 2, "v", 0 }, { 3, NULL, CHAN_FINAL } }, 2, KE_PROTOCOL,
		    "BUNDLE tagged FINAL" },
		{ { { 2, "v", 0 }, { 3, NULL, 1 }, { 3, "b", 1 } }, 3,
		    KE_PROTOCOL, "BUNDLE after the last chunk" },
		{ { { 2, "v", 0 }, { 3, NULL, 1 }, { 4, "x", CHAN_FINAL } },
		    3, KE_PROTOCOL, "DONE with a body" },
		{ { { 2, "v", 0 }, { 3, NULL, 1 }, { 4, NULL, CHAN_PUSH } },
		    3, KE_PROTOCOL, "DONE tagged PUSH" },
	};
	struct evil e;
	struct rec big = { PAIR_REC_BUNDLE, "BIG", CHAN_MESSAGE };
	size_t i;
	int r;

	evil_start(&e);
	T_EQ(evil_m3(&e, PAIR_ROLE_JOIN, CHAN_MESSAGE, 0), PAIR_NEED,
	    "evil joiner, honest: M4 back");
	evil_recs(&e, ok, nitems(ok));
	T_EQ(to_a(&e), PAIR_DONE, "the offer finishes");
	T_OK(memcmp(pair_peer_pk(e.a), e.pk, 32) == 0 &&
	    buf_len(pair_peer_bundle(e.a)) == 6 &&
	    memcmp(buf_ptr(pair_peer_bundle(e.a)), "bundle", 6) == 0 &&
	    buf_len(pair_peer_vouch(e.a)) == 5,
	    "with the joiner's key, vouch and two-chunk bundle");
	evil_free(&e);
	for (i = 0; i < nitems(t); i++) {
		evil_start(&e);
		evil_m3(&e, PAIR_ROLE_JOIN, CHAN_MESSAGE, 0);
		evil_recs(&e, t[i].r, t[i].n);
		T_EQ(to_a(&e), t[i].want, "evil joiner: %s", t[i].what);
		evil_free(&e);
	}
	/* bytes after the final record (which no stream can seal) */
	evil_start(&e);
	evil_m3(&e, PAIR_ROLE_JOIN, CHAN_MESSAGE, 0);
	evil_recs(&e, ok, nitems(ok));
	buf_put(e.in, "\0\0\0\x20", 4);
	T_EQ(to_a(&e), KE_TRAILING, "evil joiner: bytes after FINAL");
	evil_free(&e);
	/* a bundle over PAIR_MAXBUNDLE, in full chunks */
	evil_start(&e);
	evil_m3(&e, PAIR_ROLE_JOIN, CHAN_MESSAGE, 0);
	evil_recs(&e, ok, 1);
	r = to_a(&e);
	for (i = 0; r == PAIR_NEED && i <= PAIR_MAXBUNDLE / CHAN_MAXBODY; i++) {
		evil_recs(&e, &big, 1);
		r = to_a(&e);
	}
	T_EQ(r, KE_TOOBIG, "a bundle over %d bytes is refused after %zu "
	    "chunks", PAIR_MAXBUNDLE, i);
	evil_free(&e);
}

void
test_evil(void)
{
	test_m3();
	test_m5();
}
