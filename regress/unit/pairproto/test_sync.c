/*
 * test_sync.c: the protocol in sync mode (PAIR_F_SYNC, no code): runs
 * end to end, never mixes with a pairing, and every single-bit flip of
 * a whole run makes its reader fail with nobody DONE wrongly.
 */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "kerr.h"
#include "pair.h"
#include "pairproto.h"
#include "t_pair.h"
#include "test.h"

#define NMSG	7	/* M0..M6 */

static void
setup(struct run *r, uint8_t fa, uint8_t fb)
{
	memset(r, 0, sizeof(*r));
	tp_party(&r->a, 1, "a");
	tp_party(&r->b, 2, "b");
	r->a.bundlelen = r->b.bundlelen = 16;
	r->a.flags = fa;
	r->b.flags = fb;
	if (fa & PAIR_F_SYNC)
		r->a.code = NULL;
	if (fb & PAIR_F_SYNC)
		r->b.code = NULL;
	tp_init(r);
}

static void
test_sync_runs(void)
{
	struct run r;
	size_t len[NMSG];
	int i;

	setup(&r, PAIR_F_SYNC, PAIR_F_SYNC);
	tp_go(&r);
	T_OK(tp_ok(&r), "a sync run with no code completes on both sides");
	T_OK(!pair_peer_checking(r.a.p) && !pair_peer_checking(r.b.p),
	    "done: nobody waits on a check");
	T_EQ(r.a.checking, 1u << 4, "the offer waits on the join's check "
	    "after M4 only (mask %#x)", r.a.checking);
	T_EQ(r.b.checking, 1u << 5, "the join waits on the offer's check "
	    "after M5 only (mask %#x)", r.b.checking);
	T_EQ(r.nmsg, NMSG, "in seven messages, as a pairing");
	for (i = 0; i < NMSG && i < r.nmsg; i++)
		len[i] = buf_len(r.sent[i]);
	tp_free(&r);

	/* the code plays no part: a party given one ignores it */
	setup(&r, PAIR_F_SYNC, PAIR_F_SYNC);
	r.a.code = TP_CODE;
	r.b.code = TP_OTHER;
	tp_go(&r);
	T_OK(tp_ok(&r), "sync ignores codes, even different ones");
	tp_free(&r);

	setup(&r, PAIR_F_SYNC, 0);
	tp_go(&r);
	T_EQ(r.b.result, KE_PEERMODE, "a join meets a serve: KE_PEERMODE "
	    "at M0");
	T_OK(r.a.spent_at < 0 && r.b.spent_at < 0, "... nobody spent a "
	    "guess");
	T_OK(r.a.result != PAIR_DONE, "... and the serve is not done");
	tp_free(&r);

	setup(&r, 0, PAIR_F_SYNC);
	tp_go(&r);
	T_EQ(r.b.result, KE_PEERMODE, "a pull meets an offer: KE_PEERMODE "
	    "at M0");
	T_OK(r.a.spent_at < 0, "... the offer's attempt is not spent");
	tp_free(&r);

	/* the flag is bound into the transcript: a relay that flips it
	 * in both headers is the flips test below (header bytes) */
	{
		struct tp_flip f;
		size_t bad = 0, runs = 0;

		for (f.idx = 0; f.idx < NMSG; f.idx++)
			for (f.bit = 0; f.bit < len[f.idx] * 8; f.bit++) {
				setup(&r, PAIR_F_SYNC, PAIR_F_SYNC);
				r.relay = tp_relay_flip;
				r.relay_arg = &f;
				tp_go(&r);
				runs++;
				/* the offer may finish once M6 is out */
				if (r.a.result == PAIR_DONE &&
				    (f.idx != 6 || !tp_good(&r.a, &r.b)))
					bad++;
				if (r.b.result == PAIR_DONE)
					bad++;
				tp_free(&r);
			}
		T_EQ(bad, 0, "every single-bit flip of a sync run (%zu): "
		    "its reader fails, no wrong DONE", runs);
	}
}

void
test_sync(void)
{
	test_sync_runs();
}
