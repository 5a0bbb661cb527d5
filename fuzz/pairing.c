/*
 * pairing.c: kith-share/1 pairing frames at each handshake state.  Two
 * runs of the state machine (pair.h), an offer and a join with fixed
 * keys and a deterministic random source, talk in memory; one of them,
 * the peer, is honest throughout, and the other, the target, gets the
 * fuzzed bytes in place of the peer's message number N.  The first byte:
 *	bit 0	the target is the join (else the offer)
 *	bits 1-2 N: which of the peer's messages is replaced (M1 M3 M5 to
 *		the offer, M0 M2 M4 M6 to the join; taken modulo their count)
 *	bit 3	the target reads at most pair_want bytes at a time, as
 *		pairnet does (else each message arrives whole)
 *	bit 4, 5 the target, the peer shows the SAS
 *	bit 6	the peer has another code
 *	bits 4-6 all set: a sync run instead (PAIR_F_SYNC both sides, no
 *		code, no SAS)
 *	bit 7	both bundles are empty
 * The rest replaces message N.  Both sides commit as pairnet does (the
 * offer when the join's payload is in, before M6; the join at DONE).
 *
 * Nothing is committed unless it is what the other side sent: a side
 * commits only the other's key, name, vouch and bundle; the target only
 * if the bytes were the peer's message (whole, or followed by bytes it
 * never reads); nobody confirms under another code; a run that fails
 * keeps no peer; and an untouched run ends with both committed on one
 * transcript and SAS.
 *
 * With FZ_PAIRING_DUMP set to a directory, each run writes the peer's
 * real message N there as honest-XX (XX: the first byte, in hex): the
 * seeds are those, after their first byte.
 */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "kerr.h"
#include "key.h"
#include "pair.h"
#include "pairproto.h"
#include "pake.h"
#include "fuzz.h"

#define CODE		"482-193-7063"
#define OTHER		"111-111-1110"
#define MAXROUNDS	256
#define BUNDLELEN	100

struct side {
	struct pair	*p;
	int		 offer;
	struct buf	*in;		/* delivered, not consumed */
	struct buf	*wire;		/* sent to this side, not delivered */
	u_char		 pk[KEY_PKLEN];
	u_char		 sk[crypto_sign_SECRETKEYBYTES];
	const char	*name;
	struct buf	*vouch;		/* what its payload hook gives */
	struct buf	*bundle;
	struct pake_rng	 rng;
	uint8_t		 seed;
	uint8_t		 variant;	/* of its code: see fill */
	uint64_t	 ctr;
	size_t		 nsent;
	int		 over;		/* done, failed or hung up */
	int		 err;
	int		 committed;
};

struct run {
	struct side	 s[2];		/* [0] the offer, [1] the join */
	int		 target;	/* index of the fuzzed side */
	size_t		 n;		/* the peer's message replaced */
	int		 chunked;
	const uint8_t	*fz;
	size_t		 fzlen;
	struct buf	*honest;	/* the peer's real message n */
	int		 replaced;
};

static void
fill(void *arg, void *d, size_t len)
{
	struct side *x = arg;
	u_char seed[randombytes_SEEDBYTES];

	memset(seed, 0, sizeof(seed));
	/*
	 * A side's stream depends on its code too: else the honest M2 of a
	 * same-code run, replayed by the fuzzer, would confirm an other-code
	 * run whose randomness (nA, nB, scalars) is the same, a replay
	 * fresh randomness rules out.
	 */
	seed[0] = x->seed;
	seed[1] = x->variant;
	memcpy(seed + 2, &x->ctr, sizeof(x->ctr));
	x->ctr++;
	randombytes_buf_deterministic(d, len, seed);
}

static int
sign(void *arg, const u_char *msg, size_t len, u_char *sig)
{
	struct side *x = arg;

	return crypto_sign_detached(sig, NULL, msg, len, x->sk) == 0 ? 0 :
	    KE_CRYPTO;
}

static int
payload(void *arg, const struct pair *p, struct buf *vouch,
    struct buf *bundle)
{
	struct side *x = arg;
	int r;

	(void)p;
	if ((r = buf_putb(vouch, x->vouch)) != 0)
		return r;
	return buf_putb(bundle, x->bundle);
}

static void
side_init(struct side *x, int offer, uint8_t flags, const char *code,
    int empty)
{
	struct pair_conf c;
	u_char seed[32];
	size_t i;

	memset(x, 0, sizeof(*x));
	x->offer = offer;
	x->seed = offer ? 0xa0 : 0xb0;
	for (i = 0; code != NULL && code[i] != '\0'; i++)
		x->variant = (uint8_t)(x->variant * 31 + (u_char)code[i]);
	x->name = offer ? "offer.example" : "join.example";
	memset(seed, x->seed, sizeof(seed));
	FZ_CHECK(crypto_sign_seed_keypair(x->pk, x->sk, seed) == 0);
	FZ_CHECK((x->in = buf_new()) != NULL && (x->wire = buf_new()) != NULL);
	FZ_CHECK((x->vouch = buf_new()) != NULL &&
	    (x->bundle = buf_new()) != NULL);
	if (!empty) {
		FZ_CHECK(buf_puts(x->vouch, x->name) == 0);
		for (i = 0; i < BUNDLELEN; i++)
			FZ_CHECK(buf_put_u8(x->bundle, (uint8_t)(x->seed + i))
			    == 0);
	}
	x->rng.fill = fill;
	x->rng.arg = x;
	memset(&c, 0, sizeof(c));
	c.code = code;
	c.pk = x->pk;
	c.name = x->name;
	c.flags = flags;
	c.sign = sign;
	c.payload = payload;
	c.arg = x;
	c.rng = &x->rng;
	FZ_CHECK((offer ? pair_offer_new(&c, &x->p) :
	    pair_join_new(&c, &x->p)) == 0);
}

static void
side_free(struct side *x)
{
	pair_free(x->p);
	buf_free(x->in);
	buf_free(x->wire);
	buf_free(x->vouch);
	buf_free(x->bundle);
	sodium_memzero(x->sk, sizeof(x->sk));
}

static void
dump(const struct run *rn, uint8_t sel)
{
	const char *dir = getenv("FZ_PAIRING_DUMP");
	char path[256];
	FILE *f;

	if (dir == NULL)
		return;
	(void)snprintf(path, sizeof(path), "%s/honest-%02x", dir, sel);
	FZ_CHECK((f = fopen(path, "wb")) != NULL);
	FZ_CHECK(fwrite(&sel, 1, 1, f) == 1);
	FZ_CHECK(fwrite(buf_ptr(rn->honest), 1, buf_len(rn->honest), f) ==
	    buf_len(rn->honest));
	FZ_CHECK(fclose(f) == 0);
}

/* Sends what x made: to the other side, the fuzz in place of message n. */
static void
send_out(struct run *rn, int i, struct buf *out)
{
	struct side *x = &rn->s[i], *y = &rn->s[!i];

	if (i != rn->target && x->nsent == rn->n) {
		FZ_CHECK(buf_putb(rn->honest, out) == 0);
		FZ_CHECK(buf_put(y->wire, rn->fz, rn->fzlen) == 0);
		rn->replaced = 1;
	} else
		FZ_CHECK(buf_putb(y->wire, out) == 0);
	x->nsent++;
	buf_reset(out);
}

/* Moves bytes on the wire to x: all, or what it asked for. */
static int
deliver(struct run *rn, struct side *x)
{
	const u_char *p;
	size_t n = buf_len(x->wire);

	if (n == 0)
		return 0;
	if (rn->chunked && &rn->s[rn->target] == x) {
		n = pair_want(x->p) > 0 ? pair_want(x->p) : 1;
		if (n > buf_len(x->wire))
			n = buf_len(x->wire);
	}
	FZ_CHECK(buf_peek_at(x->wire, 0, n, &p) == 0);
	FZ_CHECK(buf_put(x->in, p, n) == 0);
	FZ_CHECK(buf_consume(x->wire, n) == 0);
	return 1;
}

/* One step of side i; 1 if anything happened. */
static int
step(struct run *rn, int i, struct buf *out)
{
	struct side *x = &rn->s[i];
	int moved, r;

	if (x->over)
		return 0;
	moved = deliver(rn, x);
	r = pair_step(x->p, x->in, out);
	if (r == PAIR_NEED)
		return moved;
	if (r == PAIR_SEND) {
		/* pairnet's presend: the offer commits before M6 */
		if (x->offer && !x->committed && pair_peer_complete(x->p))
			x->committed = 1;
		send_out(rn, i, out);
		return 1;
	}
	x->over = 1;
	if (r == PAIR_DONE)
		x->committed = 1;
	else {
		FZ_CHECK(r < 0);
		x->err = r;
	}
	return 1;
}

/* What a side that committed holds: the other side's, nothing else. */
static void
check_committed(const struct side *x, const struct side *y)
{
	const struct buf *v = pair_peer_vouch(x->p);
	const struct buf *b = pair_peer_bundle(x->p);

	FZ_CHECK(pair_peer_pk(x->p) != NULL && pair_th(x->p) != NULL);
	FZ_CHECK(memcmp(pair_peer_pk(x->p), y->pk, KEY_PKLEN) == 0);
	FZ_CHECK(strcmp(pair_peer_name(x->p), y->name) == 0);
	FZ_CHECK(buf_len(v) == buf_len(y->vouch) &&
	    memcmp(buf_ptr(v), buf_ptr(y->vouch), buf_len(v)) == 0);
	FZ_CHECK(buf_len(b) == buf_len(y->bundle) &&
	    memcmp(buf_ptr(b), buf_ptr(y->bundle), buf_len(b)) == 0);
}

static void
check_end(const struct run *rn, int samecode)
{
	const struct side *t = &rn->s[rn->target], *p = &rn->s[!rn->target];
	const struct buf *h = rn->honest;
	char sas[2][PAIR_SASLEN];
	int i, intact, prefix;

	prefix = rn->replaced && rn->fzlen >= buf_len(h) &&
	    memcmp(rn->fz, buf_ptr(h), buf_len(h)) == 0;
	intact = rn->replaced && rn->fzlen == buf_len(h) && prefix;
	for (i = 0; i < 2; i++) {
		if (rn->s[i].committed)
			check_committed(&rn->s[i], &rn->s[!i]);
		if (rn->s[i].err != 0)
			FZ_CHECK(pair_peer_pk(rn->s[i].p) == NULL &&
			    pair_th(rn->s[i].p) == NULL);
		if (!samecode)
			FZ_CHECK(!rn->s[i].committed &&
			    pair_th(rn->s[i].p) == NULL);
	}
	if (t->committed)
		FZ_CHECK(rn->chunked ? prefix : intact);
	if (!samecode || (rn->replaced && !intact))
		return;
	/* untouched: both end paired on one transcript */
	FZ_CHECK(t->committed && p->committed && t->err == 0 && p->err == 0);
	FZ_CHECK(memcmp(pair_th(t->p), pair_th(p->p), PAIR_HASHLEN) == 0);
	FZ_CHECK(pair_sas(t->p, sas[0]) == 0 && pair_sas(p->p, sas[1]) == 0);
	FZ_CHECK(strcmp(sas[0], sas[1]) == 0);
	FZ_CHECK(pair_show_sas(t->p) == pair_show_sas(p->p));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct run rn;
	struct buf *out;
	uint8_t sel, tflags, pflags;
	int round, i, moved, samecode;

	if (len < 1 || len > 1024 * 1024)
		return 0;
	sel = data[0];
	memset(&rn, 0, sizeof(rn));
	rn.target = sel & 1;
	rn.n = ((sel >> 1) & 3) % (rn.target ? 4 : 3);
	rn.chunked = (sel >> 3) & 1;
	tflags = (sel >> 4) & 1 ? PAIR_F_SAS : 0;
	pflags = (sel >> 5) & 1 ? PAIR_F_SAS : 0;
	samecode = !((sel >> 6) & 1);
	if ((sel & 0x70) == 0x70) {	/* sync: no code, so no other one */
		tflags = pflags = PAIR_F_SYNC;
		samecode = 1;
	}
	rn.fz = data + 1;
	rn.fzlen = len - 1;
	side_init(&rn.s[0], 1, rn.target == 0 ? tflags : pflags,
	    rn.target == 0 || samecode ? CODE : OTHER, sel >> 7);
	side_init(&rn.s[1], 0, rn.target == 1 ? tflags : pflags,
	    rn.target == 1 || samecode ? CODE : OTHER, sel >> 7);
	FZ_CHECK((out = buf_new()) != NULL && (rn.honest = buf_new()) != NULL);
	for (round = 0; round < MAXROUNDS; round++) {
		moved = step(&rn, 0, out) | step(&rn, 1, out);
		for (i = 0; i < 2 && !samecode; i++)
			FZ_CHECK(pair_th(rn.s[i].p) == NULL);
		if (moved)
			continue;
		/* nobody can move: the connection closes */
		for (i = 0; i < 2; i++)
			if (!rn.s[i].over) {
				rn.s[i].over = 1;
				rn.s[i].err = pair_eof(rn.s[i].p, rn.s[i].in);
				FZ_CHECK(rn.s[i].err < 0);
			}
		break;
	}
	FZ_CHECK(round < MAXROUNDS);
	if (rn.replaced)
		dump(&rn, sel);
	check_end(&rn, samecode);
	buf_free(rn.honest);
	buf_free(out);
	side_free(&rn.s[0]);
	side_free(&rn.s[1]);
	return 0;
}
