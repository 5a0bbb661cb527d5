/* channel.c: length-framed secretstream records over buffers. */
#include "compat.h"

#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "channel.h"
#include "kerr.h"

#define SS(x)	crypto_secretstream_xchacha20poly1305_##x

struct chan {
	SS(state)	 st;
	int		 push;		/* sending side */
	int		 final;		/* CHAN_FINAL sent or read */
	int		 dead;		/* a record failed: no more */
	struct buf	*plain;		/* a record's plaintext */
};

void
chan_free(struct chan *c)
{
	if (c == NULL)
		return;
	buf_free(c->plain);
	sodium_free(c);		/* wipes the state and its key */
}

static int
chan_alloc(int push, struct chan **cp)
{
	struct chan *c;

	*cp = NULL;
	if (sodium_init() < 0 || (c = sodium_malloc(sizeof(*c))) == NULL)
		return KE_NOMEM;
	memset(c, 0, sizeof(*c));
	c->push = push;
	/* records carry public data (IDENT, vouches, bundles) */
	if ((c->plain = buf_new()) == NULL) {
		chan_free(c);
		return KE_NOMEM;
	}
	*cp = c;
	return 0;
}

int
chan_push_new(const u_char *key, struct buf *out, struct chan **cp)
{
	u_char hdr[CHAN_HDRLEN];
	struct chan *c;
	int r;

	*cp = NULL;
	if ((r = chan_alloc(1, &c)) != 0)
		return r;
	if (SS(init_push)(&c->st, hdr, key) != 0) {
		chan_free(c);
		return KE_CRYPTO;
	}
	if ((r = buf_put(out, hdr, sizeof(hdr))) != 0) {
		chan_free(c);
		return r;
	}
	*cp = c;
	return 0;
}

int
chan_pull_new(const u_char *key, const u_char *hdr, struct chan **cp)
{
	struct chan *c;
	int r;

	*cp = NULL;
	if ((r = chan_alloc(0, &c)) != 0)
		return r;
	if (SS(init_pull)(&c->st, hdr, key) != 0) {
		chan_free(c);
		return KE_CRYPTO;
	}
	*cp = c;
	return 0;
}

/* The 4-byte big-endian length that prefixes a frame and is its AD. */
static void
chan_lenbytes(uint32_t n, u_char *ad)
{
	ad[0] = n >> 24;
	ad[1] = n >> 16;
	ad[2] = n >> 8;
	ad[3] = n;
}

int
chan_seal(struct chan *c, uint8_t type, const void *body, size_t len,
    uint8_t tag, struct buf *out)
{
	u_char ad[CHAN_LENLEN], *ct;
	uint32_t n;
	int r;

	if (!c->push || c->dead)
		return KE_INTERNAL;
	if (c->final)
		return KE_PROTOCOL;
	if (tag != CHAN_MESSAGE && tag != CHAN_PUSH && tag != CHAN_FINAL)
		return KE_INTERNAL;
	if (len > CHAN_MAXBODY)
		return KE_TOOLONG;
	n = (uint32_t)(1 + len + CHAN_ABYTES);
	chan_lenbytes(n, ad);
	buf_reset(c->plain);
	if ((r = buf_put_u8(c->plain, type)) != 0 ||
	    (r = buf_put(c->plain, body, len)) != 0 ||
	    (r = buf_put(out, ad, sizeof(ad))) != 0 ||
	    (r = buf_reserve(out, n, &ct)) != 0)
		goto out;
	if (SS(push)(&c->st, ct, NULL, buf_ptr(c->plain), buf_len(c->plain),
	    ad, sizeof(ad), tag) != 0) {
		c->dead = 1;
		r = KE_CRYPTO;
		goto out;
	}
	if (tag == CHAN_FINAL)
		c->final = 1;
	r = 0;
 out:
	buf_reset(c->plain);
	return r;
}

/* Checks the frame at the front of in: 0 when all of it is there. */
static int
chan_frame(const struct buf *in, uint32_t *np, size_t *needp)
{
	*needp = 0;
	if (buf_len(in) < CHAN_LENLEN) {
		*needp = CHAN_LENLEN - buf_len(in);
		return CHAN_NEED;
	}
	(void)buf_peek_u32(in, np);
	if (*np < CHAN_MINFRAME || *np > CHAN_MAXFRAME)
		return KE_FRAMELEN;
	if (buf_len(in) - CHAN_LENLEN < *np) {
		*needp = CHAN_LENLEN + *np - buf_len(in);
		return CHAN_NEED;
	}
	return 0;
}

/* Decrypts the complete frame of n ciphertext bytes at the front of in. */
static int
chan_decrypt(struct chan *c, struct buf *in, uint32_t n, uint8_t *tagp)
{
	const u_char *ad, *ct;
	u_char *pt, none[1];
	unsigned long long ptlen;
	int r;

	if ((r = buf_peek_at(in, 0, CHAN_LENLEN, &ad)) != 0 ||
	    (r = buf_peek_at(in, CHAN_LENLEN, n, &ct)) != 0)
		return r;
	buf_reset(c->plain);
	if (n == CHAN_ABYTES)
		pt = none;	/* empty plaintext: no type, rejected below */
	else if ((r = buf_reserve(c->plain, n - CHAN_ABYTES, &pt)) != 0)
		return r;
	if (SS(pull)(&c->st, pt, &ptlen, tagp, ct, n, ad, CHAN_LENLEN) != 0)
		return KE_DECRYPT;
	return buf_consume(in, CHAN_LENLEN + n);
}

int
chan_open(struct chan *c, struct buf *in, uint8_t *typep, uint8_t *tagp,
    struct buf *body, size_t *needp)
{
	uint32_t n;
	int r;

	*typep = *tagp = 0;
	*needp = 0;
	if (c->push)
		return KE_INTERNAL;
	if (c->dead)
		return KE_DECRYPT;
	if (c->final)
		return KE_TRAILING;
	if ((r = chan_frame(in, &n, needp)) != 0)
		return r;
	if ((r = chan_decrypt(c, in, n, tagp)) != 0 ||
	    (r = buf_get_u8(c->plain, typep)) != 0 ||
	    (r = buf_putb(body, c->plain)) != 0) {
		/* the stream cannot resume after a bad record */
		c->dead = 1;
		if (r == KE_TRUNCATED)
			r = KE_FORMAT;	/* a record without a type */
		goto out;
	}
	if (*tagp == CHAN_FINAL)
		c->final = 1;
 out:
	buf_reset(c->plain);
	return r;
}

int
chan_eof(const struct chan *c)
{
	return c->final ? 0 : KE_TRUNCATED;
}
