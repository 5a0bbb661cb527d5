/*
 * pairbench.c: bench/share.sh's in-process pairings.  Not part of the
 * build; the script compiles it against libkith.a.
 *   pairbench N
 * Runs N pairings between two pair.h states in this thread (no sockets,
 * no files: a vouch and a bundle of typical sizes), counts the thread
 * CPU of each side inside pair_*() and its sign callback, then measures
 * the primitives each side calls once per pairing (ristretto255:
 * from_hash and two scalarmults; Ed25519: one sign, one verify).
 * Prints "offer_us join_us ristretto_us ed25519_us", means per pairing.
 */
#include "compat.h"

#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "buf.h"
#include "pair.h"

#define CODE		"482-193-7063"
#define VOUCHLEN	340	/* a vouch with one name */
#define BUNDLELEN	620	/* a compressed bundle holding it */

struct side {
	struct pair	*p;
	struct buf	*in;
	u_char		 pk[32];
	u_char		 sk[64];
	uint64_t	 ns;		/* thread CPU in pair_* */
	int		 result;
};

static uint64_t
cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int
sign_cb(void *arg, const u_char *msg, size_t len, u_char *sig)
{
	struct side *s = arg;

	return crypto_sign_ed25519_detached(sig, NULL, msg, len, s->sk) == 0 ?
	    0 : -1;
}

static int
payload_cb(void *arg, const struct pair *p, struct buf *vouch,
    struct buf *bundle)
{
	u_char *d;

	(void)arg;
	(void)p;
	if (buf_reserve(vouch, VOUCHLEN, &d) != 0)
		return -1;
	memset(d, 'v', VOUCHLEN);
	if (buf_reserve(bundle, BUNDLELEN, &d) != 0)
		return -1;
	memset(d, 'b', BUNDLELEN);
	return 0;
}

static void
side_new(struct side *s, int offer, const char *name)
{
	struct pair_conf c;
	uint64_t t0;
	int r;

	memset(&c, 0, sizeof(c));
	c.code = CODE;
	c.pk = s->pk;
	c.name = name;
	c.sign = sign_cb;
	c.payload = payload_cb;
	c.arg = s;
	s->result = 0;
	t0 = cpu_ns();
	r = offer ? pair_offer_new(&c, &s->p) : pair_join_new(&c, &s->p);
	s->ns += cpu_ns() - t0;
	if (r != 0 || (s->in = buf_new()) == NULL)
		errx(1, "pair_new: %d", r);
}

/* One step of s, reading from w and writing to the peer's wire o. */
static int
side_turn(struct side *s, struct buf *w, struct buf *o)
{
	uint64_t t0;
	size_t n;
	int st;

	if (s->result != 0)
		return 0;
	t0 = cpu_ns();
	st = pair_step(s->p, s->in, o);
	s->ns += cpu_ns() - t0;
	if (st == PAIR_SEND)
		return 1;
	if (st == PAIR_NEED) {
		if ((n = pair_want(s->p)) > buf_len(w))
			n = buf_len(w);
		if (n == 0)
			return 0;
		buf_put(s->in, buf_ptr(w), n);
		buf_consume(w, n);
		return 1;
	}
	s->result = st;
	return 1;
}

static void
one_pairing(struct side *a, struct side *b)
{
	struct buf *ab = buf_new(), *ba = buf_new();
	uint64_t t0;

	if (ab == NULL || ba == NULL)
		errx(1, "nomem");
	side_new(a, 1, "a.example");
	side_new(b, 0, "b.example");
	while (side_turn(a, ba, ab) | side_turn(b, ab, ba))
		;
	if (a->result != PAIR_DONE || b->result != PAIR_DONE)
		errx(1, "pairing failed: offer %d, join %d", a->result,
		    b->result);
	t0 = cpu_ns();
	pair_free(a->p);
	a->ns += cpu_ns() - t0;
	t0 = cpu_ns();
	pair_free(b->p);
	b->ns += cpu_ns() - t0;
	buf_free(a->in);
	buf_free(b->in);
	buf_free(ab);
	buf_free(ba);
}

/* Mean thread CPU in us of what one side's primitives cost, n times. */
static void
primitives(int n, double *rist, double *ed)
{
	u_char pk[32], sk[64], sig[64], msg[200], h[64], g[32], y[32];
	u_char out[32];
	uint64_t t0;
	int i;

	crypto_sign_ed25519_keypair(pk, sk);
	randombytes_buf(msg, sizeof(msg));
	crypto_core_ristretto255_scalar_random(y);
	t0 = cpu_ns();
	for (i = 0; i < n; i++) {
		randombytes_buf(h, sizeof(h));
		crypto_core_ristretto255_from_hash(g, h);
		if (crypto_scalarmult_ristretto255(out, y, g) != 0 ||
		    crypto_scalarmult_ristretto255(out, y, out) != 0)
			errx(1, "scalarmult");
	}
	*rist = (double)(cpu_ns() - t0) / n / 1000;
	t0 = cpu_ns();
	for (i = 0; i < n; i++) {
		msg[0] = (u_char)i;
		crypto_sign_ed25519_detached(sig, NULL, msg, sizeof(msg), sk);
		if (crypto_sign_ed25519_verify_detached(sig, msg, sizeof(msg),
		    pk) != 0)
			errx(1, "verify");
	}
	*ed = (double)(cpu_ns() - t0) / n / 1000;
}

int
main(int argc, char *argv[])
{
	struct side a, b;
	double rist, ed;
	int i, n;

	if (argc != 2 || (n = atoi(argv[1])) < 1 || sodium_init() < 0)
		errx(1, "usage: pairbench n");
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	crypto_sign_ed25519_keypair(a.pk, a.sk);
	crypto_sign_ed25519_keypair(b.pk, b.sk);
	one_pairing(&a, &b);	/* warm up */
	a.ns = b.ns = 0;
	for (i = 0; i < n; i++)
		one_pairing(&a, &b);
	primitives(n, &rist, &ed);
	printf("%.1f %.1f %.1f %.1f\n", (double)a.ns / n / 1000,
	    (double)b.ns / n / 1000, rist, ed);
	return 0;
}
