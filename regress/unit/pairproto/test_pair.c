/*
 * Unit tests for lib/pair.c: whole pairings between both roles in one
 * process, and the negative tests of spec/pairing.md §7 that concern
 * the protocol (the limits the tool enforces are tested with the tool).
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "channel.h"
#include "kerr.h"
#include "pair.h"
#include "paircode.h"
#include "pairproto.h"
#include "pake.h"
#include "test.h"
#include "t_pair.h"

/* Two fresh parties, a.example (offer) and b.example (join). */
static void
setup(struct run *r)
{
	memset(r, 0, sizeof(*r));
	tp_party(&r->a, 1, "a.example");
	tp_party(&r->b, 2, "b.example");
	tp_init(r);
}

/* The length a frame for an IDENT with this name takes. */
static size_t
identframe(const char *name)
{
	return 4 + CHAN_ABYTES + 1 + 32 + 64 + 1 + strlen(name);
}

static void
test_honest(void)
{
	struct run r;
	char sa[PAIR_SASLEN], sb[PAIR_SASLEN];
	size_t vouch = strlen("vouch from a.example") + 32 + 8;

	setup(&r);
	tp_go(&r);
	T_OK(tp_ok(&r), "honest pairing: both done, each with the other");
	T_EQ(r.nmsg, 7, "seven messages");
	T_OK(r.dir[0] == 0 && r.dir[1] == 1 && r.dir[2] == 0 &&
	    r.dir[3] == 1 && r.dir[4] == 0 && r.dir[5] == 1 && r.dir[6] == 0,
	    "strictly alternating, offer first");
	T_EQ(buf_len(r.sent[0]), 26, "M0 is 26 bytes");
	T_EQ(buf_len(r.sent[1]), 58, "M1 is 58 bytes");
	T_EQ(buf_len(r.sent[2]), 64, "M2 is 64 bytes");
	T_EQ(buf_len(r.sent[3]), 56 + identframe("b.example"), "M3 size");
	T_EQ(buf_len(r.sent[4]), 24 + identframe("a.example") + 4 + 17 + 1 +
	    vouch + 4 + 17 + 1 + 100, "M4 size");
	T_EQ(buf_len(r.sent[5]), (4 + 17 + 1 + vouch) + (4 + 17 + 1 + 100) +
	    22, "M5 size");
	T_EQ(buf_len(r.sent[6]), 22, "M6 is 22 bytes");
	T_OK(memcmp(pair_th(r.a.p), pair_th(r.b.p), PAIR_HASHLEN) == 0,
	    "same TH");
	T_OK(pair_sas(r.a.p, sa) == 0 && pair_sas(r.b.p, sb) == 0 &&
	    strcmp(sa, sb) == 0 && strlen(sa) == 6, "same SAS %s", sa);
	T_OK(!pair_show_sas(r.a.p) && !pair_show_sas(r.b.p), "no SAS asked");
	T_EQ(r.a.spent_at, 2, "offer: attempt spent with M2");
	T_EQ(r.b.spent_at, 1, "join: code spent with M1");
	T_OK(r.a.nsign == 1 && r.b.nsign == 1, "one signature each");
	T_OK(r.a.npayload == 1 && r.b.npayload == 1, "one payload each");
	T_OK(pair_step(r.a.p, r.a.in, r.b.in) == PAIR_DONE &&
	    pair_eof(r.a.p, r.a.in) == 0, "done stays done");
	tp_free(&r);

	setup(&r);
	r.b.flags = PAIR_F_SAS;
	tp_go(&r);
	T_OK(tp_ok(&r) && pair_show_sas(r.a.p) && pair_show_sas(r.b.p),
	    "one side's SAS flag shows it on both");
	tp_free(&r);
}

static void
test_sizes(void)
{
	struct run r;
	size_t n;

	setup(&r);
	r.a.bundlelen = 200000;
	r.b.bundlelen = 0;
	r.a.name = "";
	tp_go(&r);
	T_OK(tp_ok(&r), "200000-byte bundle one way, empty the other, "
	    "empty name");
	n = (200000 + CHAN_MAXBODY - 1) / CHAN_MAXBODY;
	T_EQ(buf_len(r.sent[4]), 24 + identframe("") + 4 + 17 + 1 +
	    strlen("vouch from ") + 40 + n * (4 + 17 + 1) + 200000,
	    "bundle in %zu chunks", n);
	tp_free(&r);

	setup(&r);
	r.a.bundlelen = PAIR_MAXBUNDLE;
	r.b.vouchpad = CHAN_MAXBODY - strlen("vouch from b.example") - 40;
	tp_go(&r);
	T_OK(tp_ok(&r), "largest bundle and largest vouch");
	tp_free(&r);

	setup(&r);
	r.a.bundlelen = PAIR_MAXBUNDLE + 1;
	tp_go(&r);
	T_EQ(r.a.result, KE_TOOBIG, "our bundle over the cap");
	T_OK(r.a.nsign == 0 && r.b.result == KE_TRUNCATED,
	    "refused before signing; the joiner sees EOF");
	tp_free(&r);

	setup(&r);
	r.b.vouchpad = CHAN_MAXBODY;
	tp_go(&r);
	T_EQ(r.b.result, KE_TOOLONG, "our vouch over the cap");
	T_EQ(r.a.result, KE_TRUNCATED, "the offerer sees EOF");
	tp_free(&r);
}

static void
test_codes(void)
{
	char code[PAIRCODE_TEXTLEN], typed[32];
	struct run r;
	int i, ok = 0;

	for (i = 0; i < 20; i++) {
		setup(&r);
		paircode_new(code);
		/* the joiner types it its own way */
		snprintf(typed, sizeof(typed), "%.3s %.3s %.4s", code,
		    code + 4, code + 8);
		r.a.code = code;
		r.b.code = typed;
		tp_go(&r);
		ok += tp_ok(&r);
		tp_free(&r);
	}
	T_EQ(ok, 20, "20 pairings with fresh codes");
}

/* A counter as RNG: the same bytes every run. */
static void
counter_fill(void *arg, void *p, size_t len)
{
	uint64_t *c = arg;
	u_char seed[crypto_stream_chacha20_KEYBYTES], n[8];

	memset(seed, 0x5a, sizeof(seed));
	memcpy(n, c, sizeof(n));
	crypto_stream_chacha20(p, len, n, seed);
	(*c)++;
}

static void
test_rng(void)
{
	struct run r;
	struct buf *m[4];
	uint64_t ca, cb;
	struct pake_rng ra = { counter_fill, &ca }, rb = { counter_fill, &cb };
	int i, pass;

	for (pass = 0; pass < 2; pass++) {
		ca = 0;
		cb = 1000;
		setup(&r);
		r.a.rng = &ra;
		r.b.rng = &rb;
		tp_go(&r);
		T_OK(tp_ok(&r), "pairing with an injected RNG, pass %d", pass);
		for (i = 0; i < 4; i++) {
			if (pass == 0)
				m[i] = buf_from(buf_ptr(r.sent[i]),
				    buf_len(r.sent[i]));
			else {
				T_EQ(buf_equal(m[i], r.sent[i]), i < 3,
				    "M%d %s", i, i < 3 ? "repeats" :
				    "differs (stream header)");
				buf_free(m[i]);
			}
		}
		tp_free(&r);
	}
}

static void
test_api(void)
{
	struct pair_conf c;
	struct pair *p;
	struct buf *in = buf_new(), *out = buf_new();
	u_char pk[32];
	char sas[PAIR_SASLEN], longname[300];

	memset(pk, 1, sizeof(pk));
	memset(&c, 0, sizeof(c));
	c.code = TP_CODE;
	c.pk = pk;
	c.name = "x";
	T_EQ(pair_join_new(&c, &p), KE_INTERNAL, "a signer is required");
	c.sign = tp_nosign;
	c.flags = 0x04;
	T_EQ(pair_join_new(&c, &p), KE_INTERNAL, "unknown flags refused");
	c.flags = 0;
	c.code = "482-193-7066";
	T_EQ(pair_join_new(&c, &p), KE_CHECKDIGIT,
	    "a typo is caught before connecting");
	c.code = "482-193-706";
	T_EQ(pair_offer_new(&c, &p), KE_FORMAT, "a short code is refused");
	c.code = TP_CODE;
	c.name = "bad\nname";
	T_EQ(pair_offer_new(&c, &p), KE_FORMAT, "a name with a newline");
	memset(longname, 'x', sizeof(longname));
	longname[sizeof(longname) - 1] = '\0';
	c.name = longname;
	T_EQ(pair_offer_new(&c, &p), KE_TOOLONG, "a name over 255 bytes");
	c.name = "x";
	T_EQ(pair_join_new(&c, &p), 0, "join");
	T_EQ(pair_step(p, in, out), PAIR_NEED, "join waits for M0");
	T_EQ(pair_want(p), 26, "wants 26 bytes");
	buf_put(in, "KITH-SH\x01\x01\x00", 10);
	T_EQ(pair_step(p, in, out), PAIR_NEED, "still waiting");
	T_EQ(pair_want(p), 16, "wants 16 more");
	T_OK(pair_th(p) == NULL && pair_peer_pk(p) == NULL &&
	    pair_peer_name(p) == NULL && pair_sas(p, sas) == KE_PROTOCOL &&
	    !pair_spent(p), "nothing to show yet");
	T_EQ(buf_len(out), 0, "nothing sent");
	T_EQ(pair_eof(p, in), KE_TRUNCATED, "EOF inside M0: truncated");
	T_EQ(pair_step(p, in, out), KE_TRUNCATED, "errors are sticky");
	pair_free(p);
	pair_free(NULL);
	buf_free(in);
	buf_free(out);
}

void
test_runs(void)
{
	test_honest();
	test_sizes();
	test_codes();
	test_rng();
	test_api();
}

/* Mean thread CPU of f over n calls, in microseconds. */
static double
per_call(void (*f)(void *), void *arg, int n)
{
	uint64_t t0 = tp_cpu();
	int i;

	for (i = 0; i < n; i++)
		f(arg);
	return (double)(tp_cpu() - t0) / n / 1000;
}

static u_char bk_pk[32], bk_sk[64], bk_sig[64], bk_g[32], bk_y[32];
static u_char bk_msg[200];

static void
bench_ristretto(void *arg)
{
	u_char h[64], out[32];

	(void)arg;
	crypto_hash_sha512(h, bk_sk, sizeof(bk_sk));
	crypto_core_ristretto255_from_hash(out, h);
	if (crypto_scalarmult_ristretto255(out, bk_y, bk_g) != 0 ||
	    crypto_scalarmult_ristretto255(out, bk_y, bk_g) != 0)
		exit(2);
}

static void
bench_ed25519(void *arg)
{
	(void)arg;
	crypto_sign_detached(bk_sig, NULL, bk_msg, sizeof(bk_msg), bk_sk);
	if (crypto_sign_verify_detached(bk_sig, bk_msg, sizeof(bk_msg),
	    bk_pk) != 0)
		exit(2);
}

void
test_bench(void)
{
	struct run r;
	uint64_t ca = 0, cb = 0, t0;
	double prim_r, prim_e, a, b;
	int i, ok = 0, n = 200;
	u_char h[64];

	for (i = 0; i < n; i++) {
		setup(&r);
		tp_go(&r);
		ok += tp_ok(&r);
		t0 = tp_cpu();
		pair_free(r.a.p);
		r.a.p = NULL;
		ca += r.a.cpu_ns + tp_cpu() - t0;
		t0 = tp_cpu();
		pair_free(r.b.p);
		r.b.p = NULL;
		cb += r.b.cpu_ns + tp_cpu() - t0;
		tp_free(&r);
	}
	T_EQ(ok, n, "%d pairings for the CPU count", n);
	crypto_sign_keypair(bk_pk, bk_sk);
	randombytes_buf(h, sizeof(h));
	crypto_core_ristretto255_from_hash(bk_g, h);
	crypto_core_ristretto255_scalar_random(bk_y);
	prim_r = per_call(bench_ristretto, NULL, n);
	prim_e = per_call(bench_ed25519, NULL, n);
	a = (double)ca / n / 1000;
	b = (double)cb / n / 1000;
	printf("# CPU per pairing, mean of %d in-process runs: offer %.0f us, "
	    "join %.0f us\n", n, a, b);
	printf("# per side: ristretto255 (from_hash, 2 scalarmults) %.0f us, "
	    "Ed25519 (sign, verify) %.0f us; the rest: offer %.0f us, "
	    "join %.0f us\n", prim_r, prim_e, a - prim_r - prim_e,
	    b - prim_r - prim_e);
}
