/* t_pair.c: the pairing harness, and main. */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "buf.h"
#include "kerr.h"
#include "pair.h"
#include "pairproto.h"
#include "test.h"
#include "t_pair.h"

#define TV_MAX	64

static struct {
	char	*name;
	u_char	*d;
	size_t	 len;
} tvs[TV_MAX];
static size_t ntvs;

void
tv_load(const char *path)
{
	char *text, *line, *eq;
	size_t len;

	text = (char *)t_slurp(path, &len);
	for (line = strtok(text, "\n"); line != NULL;
	    line = strtok(NULL, "\n")) {
		if (line[0] == '#' || (eq = strstr(line, " = ")) == NULL)
			continue;
		if (ntvs == TV_MAX)
			exit(1);
		*eq = '\0';
		tvs[ntvs].name = strdup(line);
		tvs[ntvs].d = t_unhex(eq + 3, &tvs[ntvs].len);
		ntvs++;
	}
	free(text);
}

const u_char *
tv(const char *name, size_t *lenp)
{
	size_t i;

	for (i = 0; i < ntvs; i++)
		if (strcmp(tvs[i].name, name) == 0) {
			if (lenp != NULL)
				*lenp = tvs[i].len;
			return tvs[i].d;
		}
	fprintf(stderr, "no vector %s\n", name);
	exit(1);
}

void
tp_relay_flip(struct run *r, int dir, int idx, struct buf *m)
{
	const struct tp_flip *f = r->relay_arg;
	u_char *d;
	size_t len = buf_len(m);

	(void)dir;
	if (idx != f->idx || (d = malloc(len)) == NULL)
		return;
	memcpy(d, buf_ptr(m), len);
	d[f->bit / 8] ^= 1 << (f->bit % 8);
	buf_reset(m);
	buf_put(m, d, len);
	free(d);
}

int
tp_nosign(void *arg, const u_char *msg, size_t len, u_char *sig)
{
	(void)arg;
	(void)msg;
	(void)len;
	memset(sig, 0, 64);
	return KE_INTERNAL;
}

uint64_t
tp_cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void
tp_party(struct party *x, u_char seed, const char *name)
{
	u_char s[32];

	memset(x, 0, sizeof(*x));
	memset(s, seed, sizeof(s));
	crypto_sign_seed_keypair(x->pk, x->sk, s);
	x->code = TP_CODE;
	x->name = name;
	x->bundlelen = 100;
	x->spent_at = -1;
	if ((x->in = buf_new()) == NULL)
		exit(1);
}

/* The IDENT message x would sign for role over th. */
static struct buf *
tp_identmsg(const struct party *x, const char *role, const u_char *th)
{
	struct buf *m = buf_new();

	if (m == NULL || pairproto_ident_msg(m, role, th, x->pk, x->name) != 0)
		exit(1);
	return m;
}

static int
tp_sign(void *arg, const u_char *msg, size_t len, u_char *sig)
{
	struct party *x = arg;
	struct buf *m = NULL;
	u_char opk[32], osk[64], seed[32];
	int offer = x->offer;

	x->nsign++;
	switch (x->sign_mode) {
	case SIGN_ROLE:
		m = tp_identmsg(x, offer ? PAIR_ROLE_JOIN : PAIR_ROLE_OFFER,
		    pair_th(x->p));
		break;
	case SIGN_OLDTH:
		m = tp_identmsg(x, offer ? PAIR_ROLE_OFFER : PAIR_ROLE_JOIN,
		    x->oldth);
		break;
	case SIGN_OTHERKEY:
		memset(seed, 0xee, sizeof(seed));
		crypto_sign_seed_keypair(opk, osk, seed);
		crypto_sign_detached(sig, NULL, msg, len, osk);
		return 0;
	default:
		break;
	}
	if (m != NULL) {
		crypto_sign_detached(sig, NULL, buf_ptr(m), buf_len(m), x->sk);
		buf_free(m);
	} else
		crypto_sign_detached(sig, NULL, msg, len, x->sk);
	if (x->sign_mode == SIGN_BADSIG)
		sig[17] ^= 0x04;
	return 0;
}

/* x's vouch for the key pk in the session th, and x's bundle. */
static void
tp_fill(const struct party *x, const u_char *pk, const u_char *th,
    struct buf *vouch, struct buf *bundle)
{
	u_char *d;
	size_t i;

	buf_puts(vouch, "vouch from ");
	buf_puts(vouch, x->name);
	buf_put(vouch, pk, 32);
	if (th != NULL)
		buf_put(vouch, th, 8);
	if (x->vouchpad > 0 && buf_reserve(vouch, x->vouchpad, &d) == 0)
		memset(d, 'v', x->vouchpad);
	if (x->bundlelen > 0 && buf_reserve(bundle, x->bundlelen, &d) == 0)
		for (i = 0; i < x->bundlelen; i++)
			d[i] = (u_char)(x->pk[0] + i * 7);
}

/* Sender x's vouch for receiver y and x's bundle, as y should get them. */
void
tp_payload(const struct party *x, const struct party *y, struct buf *vouch,
    struct buf *bundle)
{
	const u_char *th = pair_th(y->p);

	tp_fill(x, y->pk, th, vouch, bundle);
}

static int
tp_payload_cb(void *arg, const struct pair *p, struct buf *vouch,
    struct buf *bundle)
{
	struct party *x = arg;

	x->npayload++;
	if (pair_peer_pk(p) == NULL || pair_th(p) == NULL)
		return KE_INTERNAL;
	tp_fill(x, pair_peer_pk(p), pair_th(p), vouch, bundle);
	return 0;
}

void
tp_init(struct run *r)
{
	r->a.offer = 1;
	r->b.offer = 0;
	if ((r->wire[0] = buf_new()) == NULL ||
	    (r->wire[1] = buf_new()) == NULL)
		exit(1);
}

static int
tp_new(struct party *x)
{
	struct pair_conf c;

	memset(&c, 0, sizeof(c));
	c.code = x->code;
	c.pk = x->pk;
	c.name = x->name;
	c.flags = x->flags;
	c.sign = tp_sign;
	c.payload = tp_payload_cb;
	c.arg = x;
	c.rng = x->rng;
	return x->offer ? pair_offer_new(&c, &x->p) : pair_join_new(&c, &x->p);
}

/* Records side i's message, lets the relay at it, puts it on the wire. */
static void
tp_send(struct run *r, int i, const struct buf *out)
{
	struct buf *m;
	int idx = r->nmsg;

	if ((m = buf_from(buf_ptr(out), buf_len(out))) == NULL)
		exit(1);
	if (idx < TP_MAXMSG) {
		r->sent[idx] = buf_from(buf_ptr(out), buf_len(out));
		r->dir[idx] = i;
	}
	r->nmsg++;
	if (r->closed[i]) {
		buf_free(m);	/* the relay has cut this direction */
		return;
	}
	if (r->relay != NULL)
		r->relay(r, i, idx, m);
	if (idx < TP_MAXMSG)
		r->delivered[idx] = buf_from(buf_ptr(m), buf_len(m));
	buf_putb(r->wire[i], m);
	if (r->cut[i])
		r->closed[i] = 1;
	buf_free(m);
}

/* One move of side i: 1 if anything happened. */
static int
tp_turn(struct run *r, int i, struct buf *out)
{
	struct party *x = i == 0 ? &r->a : &r->b;
	struct buf *w = r->wire[!i];
	uint64_t t0;
	size_t n;
	int st;

	if (x->result != 0)
		return 0;
	buf_reset(out);
	t0 = tp_cpu();
	st = pair_step(x->p, x->in, out);
	x->cpu_ns += tp_cpu() - t0;
	if (st == PAIR_SEND) {
		if (pair_spent(x->p) && x->spent_at < 0)
			x->spent_at = r->nmsg;
		if (pair_peer_checking(x->p))
			x->checking |= 1u << r->nmsg;
		tp_send(r, i, out);
		return 1;
	}
	if (st == PAIR_NEED) {
		if ((n = pair_want(x->p)) == 0)
			exit(2);	/* NEED must ask for something */
		n = n < buf_len(w) && !r->greedy ? n : buf_len(w);
		if (n > 0) {
			buf_put(x->in, buf_ptr(w), n);
			buf_consume(w, n);
			return 1;
		}
		if (!r->closed[!i])
			return 0;
		t0 = tp_cpu();
		st = pair_eof(x->p, x->in);
		x->cpu_ns += tp_cpu() - t0;
		if (st == 0)
			exit(2);	/* EOF cannot finish a run */
	}
	x->result = st;
	r->closed[i] = 1;
	return 1;
}

void
tp_go(struct run *r)
{
	struct buf *out = buf_new();
	uint64_t t0;
	int guard, progress, e;

	t0 = tp_cpu();
	e = tp_new(&r->a);
	r->a.cpu_ns += tp_cpu() - t0;
	t0 = tp_cpu();
	if (e == 0)
		e = tp_new(&r->b);
	r->b.cpu_ns += tp_cpu() - t0;
	if (e != 0) {
		r->a.result = r->b.result = e;
		buf_free(out);
		return;
	}
	for (guard = 0; guard < 100000; guard++) {
		progress = tp_turn(r, 0, out);
		progress |= tp_turn(r, 1, out);
		if (!progress)
			break;
	}
	/* both waiting on each other: the tool's timeout ends this */
	r->a.stalled = r->a.result == 0;
	r->b.stalled = r->b.result == 0;
	buf_free(out);
}

void
tp_free(struct run *r)
{
	int i;

	pair_free(r->a.p);
	pair_free(r->b.p);
	buf_free(r->a.in);
	buf_free(r->b.in);
	buf_free(r->wire[0]);
	buf_free(r->wire[1]);
	for (i = 0; i < TP_MAXMSG; i++) {
		buf_free(r->sent[i]);
		buf_free(r->delivered[i]);
	}
	memset(r, 0, sizeof(*r));
}

int
tp_good(const struct party *x, const struct party *y)
{
	struct buf *v = buf_new(), *b = buf_new();
	const u_char *pk;
	int ok;

	tp_payload(y, x, v, b);
	pk = pair_peer_pk(x->p);
	ok = x->result == PAIR_DONE && pk != NULL &&
	    memcmp(pk, y->pk, sizeof(y->pk)) == 0 &&
	    strcmp(pair_peer_name(x->p), y->name) == 0 &&
	    buf_equal(pair_peer_vouch(x->p), v) &&
	    buf_equal(pair_peer_bundle(x->p), b);
	buf_free(v);
	buf_free(b);
	return ok;
}

int
tp_ok(const struct run *r)
{
	return tp_good(&r->a, &r->b) && tp_good(&r->b, &r->a);
}

int
main(void)
{
	size_t i;

	if (sodium_init() < 0)
		return 1;
	tv_load("regress/data/pake/schedule.txt");
	test_code();
	test_proto();
	test_runs();
	test_negative();
	test_tamper();
	test_evil();
	test_sync();
	test_bench();
	for (i = 0; i < ntvs; i++) {
		free(tvs[i].name);
		free(tvs[i].d);
	}
	return t_done();
}
