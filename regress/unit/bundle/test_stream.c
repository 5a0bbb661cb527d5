/*
 * The body read as it inflates (bundleread.c): records across zlib
 * chunks and past the window, and which error wins when there are
 * several, as if the body had been inflated whole first.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "bundle.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "test.h"
#include "t_bundle.h"

#define NVOUCH	3000	/* a body of about 1 MiB: several zlib chunks */

static int
parse(const struct buf *bin, int flags)
{
	struct bundle_caps caps;
	struct bundle *p = NULL;
	int r;

	bundle_caps_default(&caps);
	caps.ratio = 100000;
	r = bundle_parse(buf_ptr(bin), buf_len(bin), &caps, flags, &p);
	if (r == 0 && (p == NULL || p->nvouch == 0))
		r = KE_INTERNAL;
	bundle_free(p);
	return r;
}

/* n vouches by k, each on its own key; number bad with a spoilt signature. */
static struct buf *
vouches(const struct key *k, size_t n, size_t bad)
{
	struct buf *recs = buf_new();
	struct cert *c;
	u_char pk[KEY_PKLEN];
	size_t i;

	for (i = 0; i < n; i++) {
		memset(pk, 0, sizeof(pk));
		memcpy(pk, &i, sizeof(i));
		c = tb_vouch(k, pk, i + 1, "s");
		if (i == bad)
			c->blob[c->bloblen - 1] ^= 1;
		tb_put_rec(recs, BUNDLE_VOUCH, c->blob, c->bloblen);
		cert_free(c);
	}
	return recs;
}

void
test_stream(void)
{
	struct key *k = tb_key();
	struct buf *recs, *bin;
	u_char *big;

	recs = vouches(k, NVOUCH, NVOUCH);
	bin = tb_hand(k, 1, recs, NVOUCH, "");
	T_EQ(parse(bin, 0), 0, "%d vouches over several chunks", NVOUCH);
	buf_free(bin);
	bin = tb_hand(k, 1, recs, NVOUCH + 1, "");
	T_EQ(parse(bin, 0), KE_TRUNCATED, "one record fewer than promised");
	buf_free(bin);
	bin = tb_hand(k, 1, recs, NVOUCH, "x");
	T_EQ(parse(bin, 0), KE_TRAILING, "a byte after the zlib stream");
	buf_free(bin);
	/* a bad record early: zlib's error at the end still comes first */
	buf_reset(recs);
	tb_put_rec(recs, 7, "?", 1);
	buf_putb(recs, (bin = vouches(k, NVOUCH, NVOUCH)));
	buf_free(bin);
	bin = tb_hand(k, 1, recs, NVOUCH + 1, "x");
	T_EQ(parse(bin, 0), KE_TRAILING, "zlib's error before a record's");
	buf_free(bin);
	bin = tb_hand(k, 1, recs, NVOUCH + 1, "");
	T_EQ(parse(bin, 0), KE_RECTYPE, "then the record's");
	buf_free(bin);
	buf_free(recs);
	/* a bad signature late: found, unless the caller checks them */
	recs = vouches(k, NVOUCH, NVOUCH - 2);
	bin = tb_hand(k, 1, recs, NVOUCH, "");
	T_EQ(parse(bin, 0), KE_SIGNATURE, "a bad signature, vouch %d",
	    NVOUCH - 2);
	T_EQ(parse(bin, BUNDLE_NOCERTSIG), 0, "not looked at: NOCERTSIG");
	buf_free(bin);
	/* a body error after it still wins */
	tb_put_rec(recs, BUNDLE_VOUCH, "", 0);
	bin = tb_hand(k, 1, recs, NVOUCH + 1, "");
	T_EQ(parse(bin, 0), KE_TRUNCATED, "a record error before a signature");
	buf_free(bin);
	buf_free(recs);
	/* one record bigger than the window: read whole */
	recs = buf_new();
	big = calloc(1, BUNDLE_MAXRECORD);
	tb_put_rec(recs, BUNDLE_VOUCH, big, BUNDLE_MAXRECORD);
	bin = tb_hand(k, 1, recs, 1, "");
	T_EQ(parse(bin, 0), KE_KEYTYPE, "a record of 1 MiB, parsed whole");
	buf_free(bin);
	free(big);
	buf_free(recs);
	key_free(k);
}
