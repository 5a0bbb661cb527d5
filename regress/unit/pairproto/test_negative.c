/*
 * Negative pairing tests (spec/pairing.md §7): wrong codes, replay,
 * reflection, bad identities, trailing bytes.  The relay rewrites
 * messages in flight; struct edit says how.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "kerr.h"
#include "pair.h"
#include "pairproto.h"
#include "test.h"
#include "t_pair.h"

/* Overwrite msg idx at off with len bytes of src (from a message or p). */
struct edit {
	int		 idx;
	size_t		 off;
	const u_char	*p;
	size_t		 len;
	int		 from;		/* or copy from this message */
	size_t		 from_off;	/* at this offset */
	int		 replace;	/* replace the whole message */
	int		 append;	/* append a junk byte */
	int		 cut;		/* then hang up */
};

static void
setup(struct run *r)
{
	memset(r, 0, sizeof(*r));
	tp_party(&r->a, 1, "a.example");
	tp_party(&r->b, 2, "b.example");
	tp_init(r);
}

/* A copy of m with bytes [off, off + len) replaced by p. */
static void
patch(struct buf *m, size_t off, const u_char *p, size_t len)
{
	struct buf *c = buf_from(buf_ptr(m), buf_len(m));
	size_t tail;

	if (off + len > buf_len(c))
		exit(2);
	buf_reset(m);
	buf_put(m, buf_ptr(c), off);
	buf_put(m, p, len);
	tail = buf_len(c) - off - len;
	buf_consume(c, off + len);
	buf_put(m, buf_ptr(c), tail);
	buf_free(c);
}

static void
relay_edit(struct run *r, int dir, int idx, struct buf *m)
{
	const struct edit *e = r->relay_arg;
	const u_char *src = e->p;
	struct buf *whole;

	if (idx != e->idx)
		return;
	r->cut[dir] = e->cut;
	if (e->append) {
		buf_put_u8(m, 0);
		return;
	}
	if (e->from >= 0)
		src = buf_ptr(r->delivered[e->from]) + e->from_off;
	if (e->replace) {
		whole = buf_from(src, e->len);
		buf_reset(m);
		buf_putb(m, whole);
		buf_free(whole);
		return;
	}
	patch(m, e->off, src, e->len);
}

/* A run whose relay applies e. */
static void
edited(struct run *r, const struct edit *e)
{
	r->relay = relay_edit;
	r->relay_arg = (void *)e;
	tp_go(r);
}

static struct edit
edit_new(int idx)
{
	struct edit e;

	memset(&e, 0, sizeof(e));
	e.idx = idx;
	e.from = -1;
	return e;
}

static void
test_wrongcode(void)
{
	struct run r, leg1, leg2;

	setup(&r);
	r.b.code = TP_OTHER;
	tp_go(&r);
	T_EQ(r.b.result, KE_WRONGCODE, "wrong code: the joiner fails on tagA");
	T_EQ(r.a.result, KE_WRONGCODE,
	    "wrong code: the offerer sees the joiner hang up after M2");
	T_EQ(r.nmsg, 3, "only M0, M1 and M2 were sent");
	T_OK(r.a.nsign == 0 && r.b.nsign == 0 && r.a.npayload == 0 &&
	    r.b.npayload == 0, "no IDENT made either way");
	T_OK(r.a.spent_at == 2 && pair_spent(r.a.p),
	    "the offerer's attempt is spent");
	T_OK(pair_th(r.a.p) == NULL && pair_th(r.b.p) == NULL,
	    "no transcript to show");
	tp_free(&r);

	/* a MITM runs one PAKE with each side, guessing one code */
	setup(&leg1);
	leg1.b.code = TP_OTHER;		/* the MITM joins A */
	tp_go(&leg1);
	setup(&leg2);
	leg2.a.code = TP_OTHER;		/* the MITM offers to B */
	tp_go(&leg2);
	T_OK(leg1.a.result == KE_WRONGCODE && leg2.b.result == KE_WRONGCODE,
	    "a MITM with one wrong guess fails on both legs");
	tp_free(&leg1);
	tp_free(&leg2);
}

/* Old messages of a finished run fed to new states by hand. */
static void
test_replay_msgs(const struct run *old)
{
	struct buf *in = buf_new(), *out = buf_new();
	struct pair_conf c;
	struct pair *p;

	/* an old M1, then the old M3, into a new offer with the same code */
	memset(&c, 0, sizeof(c));
	c.code = TP_CODE;
	c.pk = old->a.pk;
	c.name = "a.example";
	c.sign = tp_nosign;
	pair_offer_new(&c, &p);
	T_EQ(pair_step(p, in, out), PAIR_SEND, "new offer: M0");
	T_OK(!buf_equal(out, old->sent[0]), "a fresh nA");
	buf_reset(out);
	buf_putb(in, old->sent[1]);
	T_EQ(pair_step(p, in, out), PAIR_SEND, "old M1 taken: M2 sent");
	T_OK(pair_spent(p), "which costs the attempt");
	buf_putb(in, old->sent[3]);
	T_EQ(pair_step(p, in, out), KE_WRONGCODE,
	    "the old M3 fails: tagB is bound to the old sid");
	pair_free(p);

	/* an old M0, then the old M2, into a new join */
	c.pk = old->b.pk;
	c.name = "b.example";
	pair_join_new(&c, &p);
	buf_reset(in);
	buf_putb(in, old->sent[0]);
	T_EQ(pair_step(p, in, out), PAIR_SEND, "old M0 taken: M1 sent");
	buf_putb(in, old->sent[2]);
	T_EQ(pair_step(p, in, out), KE_WRONGCODE,
	    "the old M2 fails: tagA is bound to the old sid");
	pair_free(p);
	buf_free(in);
	buf_free(out);
}

static void
test_replay(void)
{
	struct run old, r;
	struct edit e;
	u_char oldth[PAIR_HASHLEN];

	setup(&old);
	tp_go(&old);
	memcpy(oldth, pair_th(old.a.p), sizeof(oldth));
	test_replay_msgs(&old);

	/* an old tagB in a new session */
	setup(&r);
	e = edit_new(3);
	e.p = buf_ptr(old.sent[3]);
	e.len = PAIR_TAGLEN;
	edited(&r, &e);
	T_EQ(r.a.result, KE_WRONGCODE, "an old tagB fails");
	T_OK(r.a.nsign == 0 && r.b.result == KE_TRUNCATED,
	    "the offerer sent no IDENT; the joiner sees EOF");
	tp_free(&r);

	/* IDENTs signed over the old session's TH */
	setup(&r);
	r.b.sign_mode = SIGN_OLDTH;
	memcpy(r.b.oldth, oldth, sizeof(oldth));
	tp_go(&r);
	T_EQ(r.a.result, KE_SIGNATURE, "IDENT_B over another TH rejected");
	T_EQ(r.a.nsign, 0, "and the offerer sent no IDENT of its own");
	tp_free(&r);
	setup(&r);
	r.a.sign_mode = SIGN_OLDTH;
	memcpy(r.a.oldth, oldth, sizeof(oldth));
	tp_go(&r);
	T_EQ(r.b.result, KE_SIGNATURE, "IDENT_A over another TH rejected");
	T_OK(r.a.result != PAIR_DONE, "the offerer does not finish");
	tp_free(&r);
	tp_free(&old);
}

static void
test_reflection(void)
{
	struct run r;
	struct edit e;

	/* Yb := Ya */
	setup(&r);
	e = edit_new(2);
	e.from = 1;
	e.from_off = PAIR_HDRLEN + PAIR_NONCELEN;
	e.len = PAIR_POINTLEN;
	edited(&r, &e);
	T_EQ(r.b.result, KE_REFLECTED, "Ya == Yb aborts");
	T_EQ(r.b.nsign, 0, "before any IDENT");
	tp_free(&r);

	/* tagB := tagA */
	setup(&r);
	e = edit_new(3);
	e.from = 2;
	e.from_off = PAIR_POINTLEN;
	e.len = PAIR_TAGLEN;
	edited(&r, &e);
	T_EQ(r.a.result, KE_WRONGCODE, "tagA echoed as tagB is rejected");
	tp_free(&r);

	/* both sides with one identity */
	setup(&r);
	memcpy(r.b.pk, r.a.pk, sizeof(r.b.pk));
	memcpy(r.b.sk, r.a.sk, sizeof(r.b.sk));
	tp_go(&r);
	T_EQ(r.a.result, KE_REFLECTED, "the peer showing our own key");
	tp_free(&r);
}

/* A side's own messages or frames sent back to it. */
static void
test_echo(void)
{
	struct run r;
	struct edit e;

	/* M3 := M2: A's own message back */
	setup(&r);
	e = edit_new(3);
	e.from = 2;
	e.replace = 1;
	e.len = PAIR_M2LEN;
	edited(&r, &e);
	T_EQ(r.a.result, KE_WRONGCODE, "M2 echoed back as M3 is rejected");
	tp_free(&r);

	/* M5 := A's own frames from M4 */
	setup(&r);
	tp_go(&r);
	e = edit_new(5);
	e.from = 4;
	e.from_off = 24;
	e.len = buf_len(r.sent[4]) - 24;
	e.replace = 1;
	tp_free(&r);
	setup(&r);
	edited(&r, &e);
	T_EQ(r.a.result, KE_DECRYPT, "A's frames echoed back to A fail");
	tp_free(&r);

	/* M4 := B's own stream header and frames from M3 */
	setup(&r);
	e = edit_new(4);
	e.from = 3;
	e.from_off = PAIR_TAGLEN;
	e.len = 56 - PAIR_TAGLEN + 4 + 17 + 1 + 32 + 64 + 1 + 9;
	e.replace = 1;
	edited(&r, &e);
	T_EQ(r.b.result, KE_DECRYPT, "B's stream echoed back to B fails");
	tp_free(&r);
}

static void
test_identities(void)
{
	static const struct {
		int		 mode;
		const char	*what;
	} t[] = {
		{ SIGN_ROLE, "signed with the wrong role label" },
		{ SIGN_BADSIG, "with a bad signature" },
		{ SIGN_OTHERKEY, "whose pk is not the signer" },
	};
	struct run r;
	size_t i;

	for (i = 0; i < nitems(t); i++) {
		setup(&r);
		r.b.sign_mode = t[i].mode;
		tp_go(&r);
		T_EQ(r.a.result, KE_SIGNATURE, "IDENT_B %s rejected",
		    t[i].what);
		T_OK(r.a.nsign == 0 && r.b.result == KE_TRUNCATED,
		    "the offerer never sends IDENT_A");
		tp_free(&r);
		setup(&r);
		r.a.sign_mode = t[i].mode;
		tp_go(&r);
		T_EQ(r.b.result, KE_SIGNATURE, "IDENT_A %s rejected",
		    t[i].what);
		T_OK(r.a.result == KE_TRUNCATED && r.b.npayload == 0,
		    "neither side finishes");
		tp_free(&r);
	}
}

/* A junk byte after each message, read in one go with it. */
static void
test_trailing(void)
{
	struct run r;
	struct edit e;
	int idx, bad = 0, res;

	for (idx = 0; idx < 7; idx++) {
		setup(&r);
		r.greedy = 1;
		e = edit_new(idx);
		e.append = 1;
		edited(&r, &e);
		res = idx % 2 == 0 ? r.b.result : r.a.result;
		T_EQ(res, KE_TRAILING, "a byte after M%d: trailing", idx);
		bad += (idx < 6 && r.a.result == PAIR_DONE) ||
		    r.b.result == PAIR_DONE;
		tp_free(&r);
	}
	T_EQ(bad, 0, "no run finished (but the offerer's after M6)");
	setup(&r);
	r.greedy = 1;
	tp_go(&r);
	T_OK(tp_ok(&r), "greedy reads of an honest run are fine");
	tp_free(&r);
}

/* A flag flipped in flight changes CI: no downgrade. */
static void
test_downgrade(void)
{
	struct run r;
	struct edit e;
	u_char f = PAIR_F_SAS;

	setup(&r);
	e = edit_new(0);
	e.off = PAIR_HDRLEN - 1;
	e.p = &f;
	e.len = 1;
	edited(&r, &e);
	T_EQ(r.b.result, KE_WRONGCODE, "M0 flags changed: confirmation fails");
	tp_free(&r);
	setup(&r);
	r.b.flags = PAIR_F_SAS;
	f = 0;
	e = edit_new(1);
	e.off = PAIR_HDRLEN - 1;
	e.p = &f;
	e.len = 1;
	edited(&r, &e);
	T_EQ(r.b.result, KE_WRONGCODE, "M1 SAS flag stripped: fails");
	tp_free(&r);
}

/* EOF where the offerer waits for M3: hung up, or cut inside M3. */
static void
test_eof(void)
{
	struct run r;
	struct edit e;
	u_char junk[5] = { 0 };

	setup(&r);
	e = edit_new(3);
	e.p = junk;
	e.len = sizeof(junk);
	e.replace = 1;
	e.cut = 1;
	edited(&r, &e);
	T_EQ(r.a.result, KE_TRUNCATED, "EOF inside M3 is truncation");
	tp_free(&r);
}

void
test_negative(void)
{
	test_wrongcode();
	test_replay();
	test_reflection();
	test_echo();
	test_identities();
	test_trailing();
	test_downgrade();
	test_eof();
}
