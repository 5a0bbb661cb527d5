/*
 * Randomized tests for lib/trust*.c: small random graphs checked against
 * two brute forces written independently of the library.  The first
 * computes the least fixpoint naively over every (depth, scopes, length)
 * state a key can reach, for any threshold; the second enumerates every
 * simple path from the root (threshold 1).  Every explanation is checked
 * to be a real path too.
 */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "trust.h"
#include "test.h"
#include "t_trust.h"

#define NTRIALS	20000
#define MAXK	7		/* keys, the root included */
#define MAXV	14		/* vouches */
#define UNL	4		/* the root's depth in the brute force */
#define MAXLEN	8		/* no path is longer: depth falls each hop */
#define NSCOPES	5

static const char *const names[] = { "a.x", "b.x", "a.y", "B.X" };
static const char *const scopes[NSCOPES] = {
	"*.x", "A.*", "?.y", "*", "*.x,a.y"
};

/* One random graph, as the brute forces see it. */
struct rg {
	struct tb	 tb;
	int		 nk;
	int		 sid[MAXV];	/* index into scopes, or -1 */
	int		 revoked[MAXK];
	int		 succ[MAXK];	/* union-find */
};

/* What the brute force concludes. */
struct bf {
	uint8_t		 st[MAXK][UNL + 1][1 << NSCOPES][MAXLEN];
	int		 trusted[MAXK];
	int		 elig[MAXV];
	int		 depth[MAXK];
	int		 len[MAXK];
};

static uint64_t rng = 0x6b697468;

static u_int
rnd(u_int n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (u_int)((rng >> 16) % n);
}

/* OpenSSH's recursive match_pattern, lowered: an independent version. */
static int
glob(const char *s, const char *p)
{
	for (;;) {
		if (*p == '\0')
			return *s == '\0';
		if (*p == '*') {
			for (; *s != '\0'; s++)
				if (glob(s, p + 1))
					return 1;
			return glob(s, p + 1);
		}
		if (*s == '\0')
			return 0;
		if (*p != '?' && (*p | 0x20) != (*s | 0x20))
			return 0;
		p++;
		s++;
	}
}

static int
in_scope(const char *name, int sid)
{
	char buf[64], *p, *tok;

	snprintf(buf, sizeof(buf), "%s", scopes[sid]);
	for (p = buf; (tok = strsep(&p, ",")) != NULL;)
		if (glob(name, tok))
			return 1;
	return 0;
}

static int
fits(const struct trust_vouch *v, int mask)
{
	size_t i;
	int s;

	for (s = 0; s < NSCOPES; s++)
		for (i = 0; (mask & (1 << s)) && i < v->nnames; i++)
			if (!in_scope(v->names[i], s))
				return 0;
	return 1;
}

static int
bf_static(const struct rg *g, size_t i)
{
	const struct trust_vouch *v = &g->tb.v[i];
	int s = tb_num(v->signer), t = tb_num(v->subject);

	if (v->withdrawn)
		return TRUST_V_WITHDRAWN;
	if (g->revoked[s])
		return TRUST_V_SIGNER_REVOKED;
	if (g->revoked[t])
		return TRUST_V_SUBJECT_REVOKED;
	if (g->tb.now < v->valid_after)
		return TRUST_V_NOTYET;
	if (g->tb.now >= v->valid_before)
		return TRUST_V_EXPIRED;
	if (v->nnames == 0)
		return TRUST_V_NONAMES;
	if (s == t && s != 0)
		return TRUST_V_SELF;
	return TRUST_V_COUNTED;
}

/* Marks vouches eligible from the states so far; 1 if any changed. */
static int
bf_eligible(const struct rg *g, struct bf *b)
{
	const struct trust_vouch *v;
	int s, d, m, l, changed = 0;
	size_t i;

	for (i = 0; i < g->tb.nv; i++) {
		v = &g->tb.v[i];
		s = tb_num(v->signer);
		if (b->elig[i] || bf_static(g, i) != TRUST_V_COUNTED)
			continue;
		for (d = 1; d <= UNL; d++)
			for (m = 0; m < 1 << NSCOPES; m++)
				for (l = 0; l < MAXLEN; l++)
					if (b->st[s][d][m][l] && fits(v, m) &&
					    !b->elig[i])
						b->elig[i] = changed = 1;
	}
	return changed;
}

static int
bf_trust(const struct rg *g, struct bf *b)
{
	int t, s, n, root, changed = 0;
	int seen[MAXK];
	size_t i;

	for (t = 1; t < g->nk; t++) {
		memset(seen, 0, sizeof(seen));
		n = root = 0;
		for (i = 0; i < g->tb.nv; i++) {
			if (!b->elig[i] || tb_num(g->tb.v[i].subject) != t)
				continue;
			s = tb_num(g->tb.v[i].signer);
			n += !seen[s];
			seen[s] = 1;
			root |= s == 0;
		}
		if (!b->trusted[t] && (root || n >= (int)g->tb.threshold))
			b->trusted[t] = changed = 1;
	}
	return changed;
}

/* Adds the states eligible vouches give trusted subjects. */
static int
bf_states(const struct rg *g, struct bf *b)
{
	const struct trust_vouch *v;
	int s, t, d, m, l, nd, nm, changed = 0;
	size_t i;

	for (i = 0; i < g->tb.nv; i++) {
		v = &g->tb.v[i];
		s = tb_num(v->signer);
		t = tb_num(v->subject);
		if (!b->elig[i] || !b->trusted[t])
			continue;
		for (d = 1; d <= UNL; d++)
			for (m = 0; m < 1 << NSCOPES; m++)
				for (l = 0; l + 1 < MAXLEN; l++) {
					if (!b->st[s][d][m][l] || !fits(v, m))
						continue;
					nd = d == UNL ? (int)v->depth :
					    (d - 1 < (int)v->depth ? d - 1 :
					    (int)v->depth);
					nm = m | (g->sid[i] >= 0 ?
					    1 << g->sid[i] : 0);
					if (!b->st[t][nd][nm][l + 1])
						b->st[t][nd][nm][l + 1] =
						    changed = 1;
				}
	}
	return changed;
}

static void
brute_force(const struct rg *g, struct bf *b)
{
	int k, d, m, l, ch;

	memset(b, 0, sizeof(*b));
	if (!g->revoked[0]) {
		b->trusted[0] = 1;
		b->st[0][UNL][0][0] = 1;
	}
	do {
		ch = bf_eligible(g, b);
		ch |= bf_trust(g, b);
		ch |= bf_states(g, b);
	} while (ch);
	for (k = 0; k < g->nk; k++) {
		b->depth[k] = -1;
		b->len[k] = MAXLEN;
		for (d = 0; d <= UNL; d++)
			for (m = 0; m < 1 << NSCOPES; m++)
				for (l = 0; l < MAXLEN; l++) {
					if (!b->st[k][d][m][l])
						continue;
					if (d > b->depth[k])
						b->depth[k] = d;
					if (l < b->len[k])
						b->len[k] = l;
				}
	}
}

/* The status the brute force gives vouch i. */
static int
bf_status(const struct rg *g, const struct bf *b, size_t i)
{
	int st = bf_static(g, i), s, d, m, l;

	if (st != TRUST_V_COUNTED)
		return st;
	s = tb_num(g->tb.v[i].signer);
	if (!b->trusted[s])
		return TRUST_V_UNTRUSTED;
	if (b->elig[i])
		return b->trusted[tb_num(g->tb.v[i].subject)] ?
		    TRUST_V_COUNTED : TRUST_V_THRESHOLD;
	for (d = 1; d <= UNL; d++)
		for (m = 0; m < 1 << NSCOPES; m++)
			for (l = 0; l < MAXLEN; l++)
				if (b->st[s][d][m][l])
					return TRUST_V_SCOPE;
	return TRUST_V_DEPTH;
}

/*
 * Simple paths from the root, threshold 1: marks every key reached and
 * its deepest and shortest arrivals.
 */
static void
dfs(const struct rg *g, int k, int d, int mask, int len, int *onpath,
    int *depth, int *plen)
{
	const struct trust_vouch *v;
	int t, nd;
	size_t i;

	if (d > depth[k])
		depth[k] = d;
	if (len < plen[k])
		plen[k] = len;
	if (d == 0)
		return;
	onpath[k] = 1;
	for (i = 0; i < g->tb.nv; i++) {
		v = &g->tb.v[i];
		t = tb_num(v->subject);
		if (tb_num(v->signer) != k || onpath[t] ||
		    bf_static(g, i) != TRUST_V_COUNTED || !fits(v, mask))
			continue;
		nd = d == UNL ? (int)v->depth :
		    (d - 1 < (int)v->depth ? d - 1 : (int)v->depth);
		dfs(g, t, nd, mask | (g->sid[i] >= 0 ? 1 << g->sid[i] : 0),
		    len + 1, onpath, depth, plen);
	}
	onpath[k] = 0;
}

static void
make_graph(struct rg *g)
{
	struct trust_vouch *v;
	char nbuf[32];
	size_t i, nv;
	int s, t, a, b;

	memset(g, 0, sizeof(*g));
	tb_init(&g->tb);
	g->tb.threshold = 1 + rnd(3);
	g->nk = 2 + (int)rnd(MAXK - 1);
	nv = rnd(MAXV + 1);
	for (i = 0; i < nv; i++) {
		s = rnd(3) == 0 ? 0 : (int)rnd((u_int)g->nk);
		t = (int)rnd((u_int)g->nk);
		a = (int)rnd(nitems(names));
		b = (int)rnd(nitems(names));
		if (rnd(2))
			snprintf(nbuf, sizeof(nbuf), "%s", names[a]);
		else
			snprintf(nbuf, sizeof(nbuf), "%s,%s", names[a],
			    names[b]);
		g->sid[i] = rnd(2) ? (int)rnd(NSCOPES) : -1;
		tb_vouch(&g->tb, (u_int)s, (u_int)t, rnd(30) ? nbuf : "",
		    rnd(4), g->sid[i] >= 0 ? scopes[g->sid[i]] : NULL);
		v = &g->tb.v[i];
		v->withdrawn = rnd(20) == 0;
		if (rnd(10) == 0)
			v->valid_before = TB_NOW - rnd(2);
		if (rnd(10) == 0)
			v->valid_after = TB_NOW + rnd(2);
	}
	for (s = 0; s < g->nk; s++) {
		g->succ[s] = s;
		if ((g->revoked[s] = rnd(s == 0 ? 50 : 12) == 0))
			tb_revoke(&g->tb, (u_int)s);
	}
	if (rnd(2)) {
		a = (int)rnd((u_int)g->nk);
		b = (int)rnd((u_int)g->nk);
		tb_succ(&g->tb, (u_int)a, (u_int)b);
		g->succ[a > b ? a : b] = a > b ? b : a;	/* one pair: enough */
	}
}

/* The number of conflicts: trusted names held across successor links. */
static size_t
bf_conflicts(const struct rg *g, const struct trust *t)
{
	const struct trust_key *k;
	size_t i, j, nconf = 0;
	int first[nitems(names)], c;

	for (i = 0; i < nitems(names); i++)
		first[i] = -1;
	for (i = 0; i < 3; i++) {	/* the distinct lower-case names */
		c = 0;
		for (j = 0; j < (size_t)g->nk; j++) {
			if ((k = tb_key(t, (u_int)j)) == NULL ||
			    !trust_check(t, k->pk, names[i]))
				continue;
			if (first[i] < 0)
				first[i] = g->succ[j];
			else if (g->succ[j] != first[i])
				c = 1;
		}
		nconf += c;
	}
	return nconf;
}

/* The names trusted for key k by the brute force's counted vouches. */
static int
names_match(const struct rg *g, const struct bf *b, const struct trust *t,
    int k)
{
	const struct trust_key *rk = tb_key(t, (u_int)k);
	const struct trust_vouch *v;
	size_t i, j, n, want = 0;
	int seen[MAXK], ns, root;

	for (n = 0; n < 3; n++) {
		memset(seen, 0, sizeof(seen));
		ns = root = 0;
		for (i = 0; i < g->tb.nv; i++) {
			v = &g->tb.v[i];
			if (!b->elig[i] || tb_num(v->subject) != k)
				continue;
			for (j = 0; j < v->nnames; j++) {
				if (strcasecmp(v->names[j], names[n]) != 0 ||
				    seen[tb_num(v->signer)])
					continue;
				seen[tb_num(v->signer)] = 1;
				ns++;
				root |= tb_num(v->signer) == 0;
			}
		}
		if (root || ns >= (int)g->tb.threshold) {
			want++;
			if (!trust_check(t, rk->pk, names[n]))
				return 0;
		}
	}
	return rk->nnames == want;
}

/* Every path of every explanation is a chain of the vouches it says. */
static int
paths_ok(const struct rg *g, const struct trust *t, int k)
{
	struct trust_explain *e;
	const struct trust_path *p;
	const struct trust_vouch *v;
	u_char pk[TRUST_PKLEN];
	size_t i, j;
	int ok = 1, at, d, mask, bad;

	tb_pk((u_int)k, pk);
	if (trust_explain(t, pk, NULL, 0, &e) != 0)
		return 0;
	for (i = 0; i < e->why[0].npaths; i++) {
		p = &e->why[0].paths[i];
		at = 0;
		d = UNL;
		mask = bad = 0;
		for (j = 0; j < p->nhops; j++) {
			v = &g->tb.v[p->hops[j].vouch];
			if (j > 0 && tb_num(v->signer) != at)
				ok = 0;
			at = tb_num(v->subject);
			if (p->hops[j].status != TRUST_V_COUNTED) {
				if (bad++ == 0 && ((p->hops[j].status ==
				    TRUST_V_DEPTH && d != 0) ||
				    (p->hops[j].status == TRUST_V_SCOPE &&
				    (d == 0 || fits(v, mask)))))
					ok = 0;
				continue;
			}
			if (bad || d == 0 || !fits(v, mask))
				ok = 0;
			d = d == UNL ? (int)v->depth :
			    (d - 1 < (int)v->depth ? d - 1 : (int)v->depth);
			if ((int)p->hops[j].depth != d)
				ok = 0;
			mask |= g->sid[p->hops[j].vouch] >= 0 ?
			    1 << g->sid[p->hops[j].vouch] : 0;
		}
		if (at != k || (e->why[0].trusted ? bad != 0 : bad == 0))
			ok = 0;
		if (p->nhops > 0 && p->hops[0].status == TRUST_V_COUNTED &&
		    tb_num(g->tb.v[p->hops[0].vouch].signer) != 0)
			ok = 0;
	}
	trust_explain_free(e);
	return ok;
}

/* Compares one graph; 0 if it was skipped (a key hit a grant cap). */
static int
compare(struct rg *g, int *fails)
{
	struct bf *b;
	struct trust *t;
	const struct trust_key *rk;
	int k, depth[MAXK], plen[MAXK], onpath[MAXK] = { 0 };
	size_t i, n;

	if ((b = malloc(sizeof(*b))) == NULL)
		exit(1);
	brute_force(g, b);
	t = tb_run(&g->tb);
	for (k = 0; k < g->nk; k++)
		if ((rk = tb_key(t, (u_int)k)) != NULL && rk->capped) {
			trust_free(t);
			free(b);
			return 0;
		}
	for (k = 0; k < g->nk; k++) {
		rk = tb_key(t, (u_int)k);
		if ((rk != NULL) != b->trusted[k])
			fails[0]++;
		else if (rk != NULL && ((k > 0 && (int)rk->depth !=
		    b->depth[k]) || (int)rk->pathlen != b->len[k]))
			fails[1]++;
		else if (rk != NULL && !names_match(g, b, t, k))
			fails[2]++;
		if (!paths_ok(g, t, k))
			fails[3]++;
	}
	for (i = 0; i < g->tb.nv; i++)
		if (tb_status(t, i) != bf_status(g, b, i))
			fails[4]++;
	trust_conflicts(t, &n);
	if (n != bf_conflicts(g, t))
		fails[5]++;
	if (g->tb.threshold == 1) {
		for (k = 0; k < MAXK; k++) {
			depth[k] = -1;
			plen[k] = MAXLEN;
		}
		if (!g->revoked[0])
			dfs(g, 0, UNL, 0, 0, onpath, depth, plen);
		for (k = 1; k < g->nk; k++) {
			rk = tb_key(t, (u_int)k);
			if ((rk != NULL) != (depth[k] >= 0) || (rk != NULL &&
			    ((int)rk->depth != depth[k] ||
			    (int)rk->pathlen != plen[k])))
				fails[6]++;
		}
	}
	trust_free(t);
	free(b);
	return 1;
}

void
test_random(void)
{
	struct rg g;
	int fails[7] = { 0 }, done = 0, i;

	for (i = 0; i < NTRIALS; i++) {
		make_graph(&g);
		done += compare(&g, fails);
		tb_free(&g.tb);
	}
	T_OK(done > NTRIALS * 9 / 10, "random graphs: %d of %d compared",
	    done, NTRIALS);
	T_EQ(fails[0], 0, "random graphs: same trusted keys");
	T_EQ(fails[1], 0, "random graphs: same depth and path length");
	T_EQ(fails[2], 0, "random graphs: same trusted names");
	T_EQ(fails[3], 0, "random graphs: explanations are real paths");
	T_EQ(fails[4], 0, "random graphs: same vouch statuses");
	T_EQ(fails[5], 0, "random graphs: same conflicts");
	T_EQ(fails[6], 0, "random graphs: k=1 agrees with simple paths");
}
