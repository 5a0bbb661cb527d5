/* Unit tests for lib/channel.c: framed secretstream records. */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "channel.h"
#include "kerr.h"
#include "test.h"

#define SS(x)	crypto_secretstream_xchacha20poly1305_##x

static u_char key[CHAN_KEYLEN];

/* A sender and a receiver on key; the frames go to wire. */
static void
pipe_new(struct chan **tx, struct chan **rx, struct buf *wire)
{
	struct buf *h = buf_new();
	u_char hdr[CHAN_HDRLEN];

	if (chan_push_new(key, h, tx) != 0 ||
	    buf_get_fixed(h, hdr, sizeof(hdr)) != 0 || buf_len(h) != 0 ||
	    chan_pull_new(key, hdr, rx) != 0)
		exit(1);
	buf_free(h);
	buf_reset(wire);
}

/* Opens one record of wire; returns chan_open's result. */
static int
open1(struct chan *rx, struct buf *wire, uint8_t *type, uint8_t *tag,
    struct buf *body)
{
	size_t need;

	buf_reset(body);
	return chan_open(rx, wire, type, tag, body, &need);
}

static void
test_roundtrip(void)
{
	static const size_t lens[] = { 0, 1, 100, CHAN_MAXBODY };
	struct buf *wire = buf_new(), *body = buf_new();
	struct chan *tx, *rx;
	u_char *big;
	uint8_t type, tag;
	size_t i, before;

	big = malloc(CHAN_MAXBODY);
	randombytes_buf(big, CHAN_MAXBODY);
	pipe_new(&tx, &rx, wire);
	for (i = 0; i < nitems(lens); i++) {
		before = buf_len(wire);
		T_EQ(chan_seal(tx, (uint8_t)(i + 1), big, lens[i],
		    i == 2 ? CHAN_PUSH : CHAN_MESSAGE, wire), 0,
		    "seal %zu bytes", lens[i]);
		T_EQ(buf_len(wire) - before, 4 + 1 + lens[i] + 17,
		    "frame of %zu is 4 + 1 + %zu + 17", lens[i], lens[i]);
	}
	T_EQ(chan_seal(tx, 9, NULL, 0, CHAN_FINAL, wire), 0, "seal final");
	T_EQ(chan_seal(tx, 9, NULL, 0, CHAN_MESSAGE, wire), KE_PROTOCOL,
	    "nothing after final");
	T_EQ(chan_seal(tx, 1, big, CHAN_MAXBODY + 1, CHAN_MESSAGE, wire),
	    KE_PROTOCOL, "still closed");
	for (i = 0; i < nitems(lens); i++) {
		T_EQ(chan_eof(rx), KE_TRUNCATED, "EOF before final: truncated");
		T_EQ(open1(rx, wire, &type, &tag, body), 0, "open %zu", i);
		T_OK(type == i + 1 && buf_len(body) == lens[i] &&
		    (lens[i] == 0 || memcmp(buf_ptr(body), big, lens[i]) == 0),
		    "record %zu intact", i);
		T_EQ(tag, i == 2 ? CHAN_PUSH : CHAN_MESSAGE, "tag %zu", i);
	}
	T_EQ(open1(rx, wire, &type, &tag, body), 0, "open final");
	T_OK(type == 9 && tag == CHAN_FINAL && buf_len(body) == 0,
	    "final record");
	T_EQ(buf_len(wire), 0, "all consumed");
	T_EQ(chan_eof(rx), 0, "EOF after final is clean");
	T_EQ(open1(rx, wire, &type, &tag, body), KE_TRAILING,
	    "nothing may follow final");
	chan_free(tx);
	chan_free(rx);

	pipe_new(&tx, &rx, wire);
	T_EQ(chan_seal(tx, 1, big, CHAN_MAXBODY + 1, CHAN_MESSAGE, wire),
	    KE_TOOLONG, "body over CHAN_MAXBODY refused");
	T_EQ(chan_seal(tx, 1, big, 1, 0x02, wire),
	    KE_INTERNAL, "unknown tag refused");
	T_EQ(buf_len(wire), 0, "nothing written");
	chan_free(tx);
	chan_free(rx);
	chan_free(NULL);
	free(big);
	buf_free(wire);
	buf_free(body);
}

/* Byte by byte: CHAN_NEED says exactly what is missing. */
static void
test_incremental(void)
{
	struct buf *wire = buf_new(), *in = buf_new(), *body = buf_new();
	struct chan *tx, *rx;
	uint8_t type, tag;
	size_t need, i, total, bad = 0, calls = 0;
	int r;

	pipe_new(&tx, &rx, wire);
	chan_seal(tx, 7, "hello, world", 12, CHAN_MESSAGE, wire);
	chan_seal(tx, 8, "", 0, CHAN_FINAL, wire);
	total = buf_len(wire);
	for (i = 0; i < total; i++) {
		buf_put(in, buf_ptr(wire) + i, 1);
		r = chan_open(rx, in, &type, &tag, body, &need);
		calls++;
		if (r == CHAN_NEED) {
			/* need counts from what in already holds */
			if (i < 3 && need != 4 - buf_len(in))
				bad++;
			if (i + 1 + need > total)
				bad++;
			continue;
		}
		if (r != 0) {
			bad++;
			printf("# i %zu r %d\n", i, r);
		}
	}
	T_EQ(bad, 0, "needs are exact over %zu calls", calls);
	T_OK(buf_len(body) == 12 && memcmp(buf_ptr(body), "hello, world",
	    12) == 0, "body after trickle");
	T_EQ(chan_eof(rx), 0, "final reached by trickle");
	chan_free(tx);
	chan_free(rx);
	buf_free(wire);
	buf_free(in);
	buf_free(body);
}

/* A length prefix alone is judged, before any more is read. */
static void
test_lengths(void)
{
	static const uint32_t bad[] = { 0, 1, 16, CHAN_MAXFRAME + 1,
	    0x7fffffff, 0xffffffff };
	static const uint32_t ok[] = { 17, 18, CHAN_MAXFRAME };
	struct buf *wire = buf_new(), *in = buf_new(), *body = buf_new();
	struct chan *tx, *rx;
	uint8_t type, tag;
	size_t i, need;

	for (i = 0; i < nitems(bad); i++) {
		pipe_new(&tx, &rx, wire);
		buf_reset(in);
		buf_put_u32(in, bad[i]);
		T_EQ(chan_open(rx, in, &type, &tag, body, &need), KE_FRAMELEN,
		    "length %u refused from the prefix alone", bad[i]);
		T_OK(buf_len(in) == 4 && need == 0, "nothing consumed");
		chan_free(tx);
		chan_free(rx);
	}
	for (i = 0; i < nitems(ok); i++) {
		pipe_new(&tx, &rx, wire);
		buf_reset(in);
		buf_put_u32(in, ok[i]);
		T_EQ(chan_open(rx, in, &type, &tag, body, &need), CHAN_NEED,
		    "length %u accepted", ok[i]);
		T_EQ(need, ok[i], "needs %u more", ok[i]);
		chan_free(tx);
		chan_free(rx);
	}

	/* the largest frame goes through */
	pipe_new(&tx, &rx, wire);
	{
		u_char *big = calloc(1, CHAN_MAXBODY);

		chan_seal(tx, 1, big, CHAN_MAXBODY, CHAN_MESSAGE, wire);
		free(big);
	}
	T_EQ(buf_len(wire), 4 + CHAN_MAXFRAME, "largest frame");
	T_EQ(open1(rx, wire, &type, &tag, body), 0, "largest frame opens");
	chan_free(tx);
	chan_free(rx);
	buf_free(wire);
	buf_free(in);
	buf_free(body);
}

/* A well-formed 17-byte frame holds no type byte. */
static void
test_empty(void)
{
	struct buf *in = buf_new(), *body = buf_new();
	u_char hdr[CHAN_HDRLEN], ad[4], pt[1], ct[CHAN_ABYTES];
	unsigned long long clen;
	struct chan *rx;
	uint8_t type, tag;
	SS(state) st;
	size_t need;

	SS(init_push)(&st, hdr, key);
	chan_pull_new(key, hdr, &rx);
	ad[0] = ad[1] = ad[2] = 0;
	ad[3] = 17;
	SS(push)(&st, ct, &clen, pt, 0, ad, 4, CHAN_MESSAGE);
	buf_put(in, ad, 4);
	buf_put(in, ct, sizeof(ct));
	T_EQ(chan_open(rx, in, &type, &tag, body, &need), KE_FORMAT,
	    "an empty record (no type) is refused");
	buf_reset(in);
	T_EQ(chan_open(rx, in, &type, &tag, body, &need), KE_DECRYPT,
	    "and the stream is dead");
	chan_free(rx);
	buf_free(in);
	buf_free(body);
}

/* Three sealed records r[0..2] as separate buffers. */
static void
three(struct chan **rx, struct buf **r)
{
	struct buf *wire = buf_new();
	struct chan *tx;
	size_t i, len;

	pipe_new(&tx, rx, wire);
	for (i = 0; i < 3; i++) {
		buf_reset(wire);
		chan_seal(tx, 1, "abc", 3, CHAN_MESSAGE, wire);
		len = buf_len(wire);
		r[i] = buf_from(buf_ptr(wire), len);
	}
	chan_free(tx);
	buf_free(wire);
}

static void
test_order(void)
{
	static const struct {
		const char	*what;
		int		 seq[3];
		int		 fails_at;
	} t[] = {
		{ "in order", { 0, 1, 2 }, -1 },
		{ "duplicated", { 0, 0, 1 }, 1 },
		{ "reordered", { 1, 0, 2 }, 0 },
		{ "first dropped", { 1, 2, -1 }, 0 },
		{ "middle dropped", { 0, 2, -1 }, 1 },
		{ "replayed after", { 0, 1, 0 }, 2 },
	};
	struct buf *r[3], *in = buf_new(), *body = buf_new();
	struct chan *rx;
	uint8_t type, tag;
	size_t i, j;
	int res;

	for (i = 0; i < nitems(t); i++) {
		three(&rx, r);
		for (j = 0; j < 3 && t[i].seq[j] >= 0; j++) {
			buf_reset(in);
			buf_putb(in, r[t[i].seq[j]]);
			res = open1(rx, in, &type, &tag, body);
			if ((int)j < t[i].fails_at || t[i].fails_at < 0)
				T_EQ(res, 0, "%s: record %zu opens", t[i].what,
				    j);
			else
				T_EQ(res, KE_DECRYPT, "%s: record %zu refused",
				    t[i].what, j);
		}
		/* a failed stream stays failed */
		if (t[i].fails_at >= 0) {
			buf_reset(in);
			buf_putb(in, r[2]);
			T_EQ(open1(rx, in, &type, &tag, body), KE_DECRYPT,
			    "%s: the stream stays dead", t[i].what);
		}
		for (j = 0; j < 3; j++)
			buf_free(r[j]);
		chan_free(rx);
	}
	buf_free(in);
	buf_free(body);
}

/* Every single bit flip of a two-record stream is caught. */
static void
test_flips(void)
{
	struct buf *wire = buf_new(), *in = buf_new(), *body = buf_new();
	struct chan *tx, *rx;
	uint8_t type, tag;
	size_t bit, nbits, opened, wrong = 0;
	u_char hdr[CHAN_HDRLEN], *d = NULL;
	struct buf *h = buf_new();
	int r, framelen = 0, decrypt = 0, stall = 0;

	randombytes_buf(key, sizeof(key));
	chan_push_new(key, h, &tx);
	buf_get_fixed(h, hdr, sizeof(hdr));
	chan_seal(tx, 1, "first record", 12, CHAN_MESSAGE, wire);
	chan_seal(tx, 2, "", 0, CHAN_FINAL, wire);
	nbits = buf_len(wire) * 8;
	d = malloc(buf_len(wire));
	for (bit = 0; bit < nbits; bit++) {
		memcpy(d, buf_ptr(wire), buf_len(wire));
		d[bit / 8] ^= 1 << (bit % 8);
		buf_reset(in);
		buf_put(in, d, buf_len(wire));
		chan_pull_new(key, hdr, &rx);
		opened = 0;
		while ((r = open1(rx, in, &type, &tag, body)) == 0)
			opened++;
		if (r == KE_FRAMELEN)
			framelen++;
		else if (r == KE_DECRYPT)
			decrypt++;
		else if (r == CHAN_NEED)
			stall++;	/* a longer length: waits, then EOF */
		else
			wrong++;
		if (chan_eof(rx) == 0)
			wrong++;
		chan_free(rx);
	}
	T_EQ(wrong, 0, "%zu flips: %d bad lengths, %d failed decryption, "
	    "%d truncated, none accepted", nbits, framelen, decrypt, stall);
	/* a flipped stream header breaks the first record */
	for (bit = 0; bit < CHAN_HDRLEN * 8; bit++) {
		hdr[bit / 8] ^= 1 << (bit % 8);
		chan_pull_new(key, hdr, &rx);
		buf_reset(in);
		buf_putb(in, wire);
		if (open1(rx, in, &type, &tag, body) != KE_DECRYPT)
			wrong++;
		hdr[bit / 8] ^= 1 << (bit % 8);
		chan_free(rx);
	}
	T_EQ(wrong, 0, "every header bit flip is caught");
	chan_free(tx);
	free(d);
	buf_free(h);
	buf_free(wire);
	buf_free(in);
	buf_free(body);
}

/* Another key, or our own frames echoed to our receiving stream. */
static void
test_direction(void)
{
	u_char kab[CHAN_KEYLEN], kba[CHAN_KEYLEN], hab[CHAN_HDRLEN];
	struct buf *h = buf_new(), *wire = buf_new(), *body = buf_new();
	struct chan *tx, *rx;
	uint8_t type, tag;

	randombytes_buf(kab, sizeof(kab));
	randombytes_buf(kba, sizeof(kba));
	chan_push_new(kab, h, &tx);
	buf_get_fixed(h, hab, sizeof(hab));
	chan_seal(tx, 1, "to B", 4, CHAN_MESSAGE, wire);
	/* A's receiver uses k_BA; A's own header and frame come back */
	chan_pull_new(kba, hab, &rx);
	T_EQ(open1(rx, wire, &type, &tag, body), KE_DECRYPT,
	    "our own frame echoed back does not open");
	chan_free(rx);
	chan_pull_new(kab, hab, &rx);
	T_EQ(open1(rx, wire, &type, &tag, body), 0, "the right key opens it");
	chan_free(rx);
	chan_free(tx);
	buf_free(h);
	buf_free(wire);
	buf_free(body);
}

int
main(void)
{
	if (sodium_init() < 0)
		return 1;
	randombytes_buf(key, sizeof(key));
	test_roundtrip();
	test_incremental();
	test_lengths();
	test_empty();
	test_order();
	test_flips();
	test_direction();
	return t_done();
}
