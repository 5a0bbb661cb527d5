/*
 * An active relay between the two parties: every single bit of every
 * message flipped (one flip per run), every truncation, bad frame
 * lengths, and records duplicated, reordered or dropped.
 */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "channel.h"
#include "kerr.h"
#include "pair.h"
#include "pairproto.h"
#include "test.h"
#include "t_pair.h"

#define NMSG	7

/* Where the framed records of each message start. */
static const size_t frames_at[NMSG] = { 0, 0, 0, 56, 24, 0, 0 };

struct tamper {
	int	 idx;		/* the message to change */
	size_t	 bit;		/* flip: this bit */
	int	 dir;		/* cut: this direction ... */
	size_t	 keep;		/* ... after this many bytes */
	size_t	 seen;
	int	 frame;		/* frame ops: this frame ... */
	int	 op;		/* ... OP_* */
	uint32_t len;		/* OP_LEN: the new length */
};

#define OP_LEN	1
#define OP_DUP	2
#define OP_SWAP	3
#define OP_DROP	4

static void
setup(struct run *r)
{
	memset(r, 0, sizeof(*r));
	tp_party(&r->a, 1, "a");
	tp_party(&r->b, 2, "b");
	r->a.bundlelen = r->b.bundlelen = 16;
	tp_init(r);
}

static void
relay_cut(struct run *r, int dir, int idx, struct buf *m)
{
	struct tamper *t = r->relay_arg;
	size_t len = buf_len(m);

	(void)idx;
	if (dir != t->dir)
		return;
	if (t->seen + len >= t->keep) {
		buf_consume_tail(m, t->seen + len - t->keep);
		r->cut[dir] = 1;
	}
	t->seen += len;
}

/* Splits the frames of m from off: starts and lengths, up to 8. */
static int
split(const struct buf *m, size_t off, size_t *start, size_t *flen)
{
	const u_char *p = buf_ptr(m);
	int n = 0;

	while (off + 4 <= buf_len(m) && n < 8) {
		start[n] = off;
		flen[n] = 4 + ((size_t)p[off] << 24 | (size_t)p[off + 1] << 16 |
		    (size_t)p[off + 2] << 8 | p[off + 3]);
		off += flen[n++];
	}
	return n;
}

static void
relay_frames(struct run *r, int dir, int idx, struct buf *m)
{
	const struct tamper *t = r->relay_arg;
	size_t start[8], flen[8];
	struct buf *c;
	int n, j, order[9], k = 0;

	(void)dir;
	if (idx != t->idx)
		return;
	c = buf_from(buf_ptr(m), buf_len(m));
	n = split(c, frames_at[idx], start, flen);
	for (j = 0; j < n; j++) {
		if (j == t->frame && t->op == OP_DROP)
			continue;
		if (j == t->frame && t->op == OP_SWAP && j + 1 < n) {
			order[k++] = j + 1;
			order[k++] = j++;
			continue;
		}
		order[k++] = j;
		if (j == t->frame && t->op == OP_DUP)
			order[k++] = j;
	}
	buf_reset(m);
	buf_put(m, buf_ptr(c), frames_at[idx]);
	for (j = 0; j < k; j++) {
		if (t->op == OP_LEN && order[j] == t->frame) {
			buf_put_u32(m, t->len);
			buf_put(m, buf_ptr(c) + start[order[j]] + 4,
			    flen[order[j]] - 4);
		} else
			buf_put(m, buf_ptr(c) + start[order[j]],
			    flen[order[j]]);
	}
	buf_free(c);
}

/* A DONE that is not the right peer, or a DONE it should not have. */
static int
wrong(const struct run *r, int a_may_finish)
{
	if (r->a.result == PAIR_DONE &&
	    (!a_may_finish || !tp_good(&r->a, &r->b)))
		return 1;
	return r->b.result == PAIR_DONE;
}

/* Error codes seen, for the diagnostic line. */
struct tally {
	int	 code[8];
	int	 count[8];
	int	 n;
	int	 stalls;
};

static void
tally(struct tally *t, int r)
{
	int i;

	for (i = 0; i < t->n; i++)
		if (t->code[i] == r) {
			t->count[i]++;
			return;
		}
	if (t->n < 8) {
		t->code[t->n] = r;
		t->count[t->n++] = 1;
	}
}

static void
tally_print(const struct tally *t, const char *what)
{
	int i;

	printf("# %s:", what);
	for (i = 0; i < t->n; i++)
		printf(" %s %d;", kith_strerror(t->code[i]), t->count[i]);
	printf(" stalled (left to the timeout) %d\n", t->stalls);
}

/* The honest run's message lengths. */
static void
lengths(size_t *len)
{
	struct run r;
	int i;

	setup(&r);
	tp_go(&r);
	for (i = 0; i < NMSG; i++)
		len[i] = buf_len(r.sent[i]);
	tp_free(&r);
}

static void
test_flips(void)
{
	struct tp_flip t;
	struct tally ta;
	struct run r;
	size_t len[NMSG], bad, runs, total = 0;
	char what[64];
	int idx;

	lengths(len);
	for (idx = 0; idx < NMSG; idx++) {
		memset(&ta, 0, sizeof(ta));
		bad = runs = 0;
		for (t.bit = 0; t.bit < len[idx] * 8; t.bit++, runs++) {
			t.idx = idx;
			setup(&r);
			r.relay = tp_relay_flip;
			r.relay_arg = &t;
			tp_go(&r);
			bad += wrong(&r, idx == 6);
			/* the side that reads this message must fail */
			if ((idx % 2 == 0 ? r.b.result : r.a.result) ==
			    PAIR_DONE)
				bad++;
			if (r.a.stalled || r.b.stalled)
				ta.stalls++;
			else
				tally(&ta, idx % 2 == 0 ? r.b.result :
				    r.a.result);
			tp_free(&r);
		}
		total += runs;
		snprintf(what, sizeof(what), "M%d, %zu flips", idx, runs);
		tally_print(&ta, what);
		T_EQ(bad, 0, "every bit of M%d (%zu bytes) flipped: the reader "
		    "fails, no wrong DONE", idx, len[idx]);
	}
	T_OK(total > 4000, "%zu single-bit flips in all", total);
}

static void
test_truncation(void)
{
	struct tamper t;
	struct run r;
	size_t len[NMSG], total[2] = { 0, 0 }, bad, k, m1;
	int dir, idx, res, want;

	lengths(len);
	for (idx = 0; idx < NMSG; idx++)
		total[idx % 2] += len[idx];
	m1 = len[1];
	for (dir = 0; dir < 2; dir++) {
		bad = 0;
		for (k = 0; k <= total[dir]; k++) {
			memset(&t, 0, sizeof(t));
			t.dir = dir;
			t.keep = k;
			setup(&r);
			r.relay = relay_cut;
			r.relay_arg = &t;
			tp_go(&r);
			if (k == total[dir]) {
				T_OK(tp_ok(&r), "direction %d cut after its "
				    "last byte: fine", dir);
				tp_free(&r);
				continue;
			}
			res = dir == 0 ? r.b.result : r.a.result;
			want = dir == 1 && k == m1 ? KE_WRONGCODE :
			    KE_TRUNCATED;
			if (wrong(&r, dir == 0) || r.a.stalled ||
			    r.b.stalled || res != want) {
				printf("# dir %d k %zu: a %d b %d\n", dir, k,
				    r.a.result, r.b.result);
				bad++;
			}
			tp_free(&r);
		}
		T_EQ(bad, 0, "direction %d cut at each of its %zu bytes: "
		    "the reader reports truncation, nobody else finishes",
		    dir, total[dir]);
	}
}

static void
test_framelens(void)
{
	static const uint32_t lens[] = { 0, 16, CHAN_MAXFRAME + 1,
	    0xffffffff };
	struct tamper t;
	struct run r;
	size_t i, start[8], flen[8];
	int idx, n, j, bad;

	setup(&r);
	tp_go(&r);
	for (idx = 3; idx < NMSG; idx++) {
		n = split(r.sent[idx], frames_at[idx], start, flen);
		bad = 0;
		for (j = 0; j < n; j++)
			for (i = 0; i < nitems(lens); i++) {
				struct run x;

				memset(&t, 0, sizeof(t));
				t.idx = idx;
				t.op = OP_LEN;
				t.frame = j;
				t.len = lens[i];
				setup(&x);
				x.relay = relay_frames;
				x.relay_arg = &t;
				tp_go(&x);
				if ((idx % 2 == 0 ? x.b.result : x.a.result) !=
				    KE_FRAMELEN || wrong(&x, idx == 6))
					bad++;
				tp_free(&x);
			}
		T_EQ(bad, 0, "M%d: each of %d frames with lengths 0, 16, "
		    "MAX+1, 0xffffffff: KE_FRAMELEN", idx, n);
	}
	tp_free(&r);
}

/* 1 if run x ended as it must after op on the last or another frame. */
static int
records_ok(const struct run *x, int op, int last, int greedy, int idx)
{
	int res = idx == 4 ? x->b.result : x->a.result;

	if (op == OP_DROP && last)
		/* both wait: the timeout ends it */
		return !wrong(x, 1) && (x->a.stalled || x->b.stalled);
	if (op == OP_DUP && last && !greedy && idx == 5)
		/* past the end of the stream: never read */
		return tp_ok(x);
	if (op == OP_DUP && last && !greedy)
		/*
		 * Read exactly, a copy after the end of M4 arrives as M6:
		 * too late for the offerer, who finishes rightly.
		 */
		return !wrong(x, 1) && x->b.result == KE_DECRYPT;
	return !wrong(x, 1) && (res == KE_DECRYPT || res == KE_TRAILING);
}

static void
test_records(void)
{
	static const struct {
		int		 op;
		const char	*what;
	} ops[] = {
		{ OP_DUP, "duplicated" },
		{ OP_SWAP, "reordered" },
		{ OP_DROP, "dropped" },
	};
	struct tamper t;
	struct run r, x;
	size_t i;
	int idx, j, n, res, ok, greedy, last;
	size_t start[8], flen[8];

	setup(&r);
	tp_go(&r);
	for (greedy = 0; greedy < 2; greedy++)
	for (idx = 4; idx <= 5; idx++) {
		n = split(r.sent[idx], frames_at[idx], start, flen);
		for (i = 0; i < nitems(ops); i++)
			for (j = 0; j < n; j++) {
				last = j + 1 == n;
				if (ops[i].op == OP_SWAP && last)
					continue;
				memset(&t, 0, sizeof(t));
				t.idx = idx;
				t.op = ops[i].op;
				t.frame = j;
				setup(&x);
				x.greedy = greedy;
				x.relay = relay_frames;
				x.relay_arg = &t;
				tp_go(&x);
				res = idx == 4 ? x.b.result : x.a.result;
				ok = records_ok(&x, ops[i].op, last, greedy,
				    idx);
				T_OK(ok, "%s reads, M%d: "
				    "record %d %s: %s",
				    greedy ? "greedy" : "exact", idx, j,
				    ops[i].what, x.a.stalled || x.b.stalled ?
				    "left to the timeout" : res == PAIR_DONE ?
				    "never read" : kith_strerror(res));
				tp_free(&x);
			}
	}
	tp_free(&r);
}

static void
relay_copy(struct run *r, int dir, int idx, struct buf *m)
{
	(void)r;
	(void)dir;
	(void)idx;
	(void)m;
}

void
test_tamper(void)
{
	struct run r;

	setup(&r);
	r.relay = relay_copy;
	tp_go(&r);
	T_OK(tp_ok(&r), "a transparent relay does not get in the way");
	tp_free(&r);
	test_flips();
	test_truncation();
	test_framelens();
	test_records();
}
