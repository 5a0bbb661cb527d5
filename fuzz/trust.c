/*
 * trust.c: the trust engine on arbitrary graphs.  The input is decoded
 * (trust-ref.c) into at most MAXKEYS keys (key 0 is the root) and MAXV
 * vouches whose depth, validity, names and scope come from small tables,
 * successor pairs, revocations and a threshold; then:
 *  - the reference in trust-ref.c computes the least fixpoint itself.
 *    The engine must never trust more than it, nor give more depth or a
 *    shorter path; when no key hit the engine's grant caps, every trusted
 *    key, depth, path length, signer count, name, vouch status and
 *    conflict must be the same.
 *  - every trusted key but the root has a counted vouch by a trusted
 *    signer; every counted vouch passes the static rules.
 *  - trust_explain on a key (or a name) chosen by the input: every path
 *    is a real chain from the root, depth falls by the rules, each
 *    counted vouch's names lie in all scopes before it; a failure is
 *    what its status says.  trust_explain_format must format it.
 * Input: nkeys, threshold and explain options, revoked keys, the
 * explain target, then 4 bytes per vouch or successor pair (tg_decode).
 */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "kerr.h"
#include "trust.h"
#include "fuzz.h"
#include "tgraph.h"

/* The engine against the reference. */

static int
any_capped(const struct trust *t)
{
	const struct trust_key *keys;
	size_t n, i;

	keys = trust_keys(t, &n);
	for (i = 0; i < n; i++)
		if (keys[i].capped)
			return 1;
	return 0;
}

static void
check_key(const struct graph *g, const struct ref *rf, int k,
    const struct trust_key *tk, int exact)
{
	if (tk == NULL) {
		FZ_CHECK(!exact || !rf->trusted[k]);
		return;
	}
	FZ_CHECK(tk->isroot == (k == 0));
	if (k == 0)
		FZ_CHECK(tk->depth == UNL && tk->pathlen == 0);
	else
		FZ_CHECK(tk->depth <= TRUST_MAXDEPTH && tk->pathlen >= 1);
	if (rf->overflow)
		return;
	/* sound: the engine never trusts more than the reference */
	FZ_CHECK(rf->trusted[k]);
	FZ_CHECK(tk->depth <= ref_maxdepth(rf, k));
	FZ_CHECK(tk->pathlen >= ref_minlen(rf, k));
	if (!exact)
		return;
	FZ_CHECK(tk->depth == ref_maxdepth(rf, k));
	FZ_CHECK(tk->pathlen == ref_minlen(rf, k));
	FZ_CHECK((int)tk->nsigners == ref_nsigners(g, rf, k));
}

static void
check_keys(const struct graph *g, const struct trust *t, const struct ref *rf,
    int exact)
{
	const struct trust_key *keys;
	size_t n, i, found = 0;
	int k;

	keys = trust_keys(t, &n);
	for (i = 1; i < n; i++)
		FZ_CHECK(memcmp(keys[i - 1].pk, keys[i].pk, TRUST_PKLEN) < 0);
	for (k = 0; k < g->nk; k++) {
		check_key(g, rf, k, trust_find(t, g->pk[k]), exact);
		found += trust_find(t, g->pk[k]) != NULL;
	}
	FZ_CHECK(trust_find(t, g->pk[OUTSIDER]) == NULL);
	FZ_CHECK(found == n);
	if (g->revoked[0])
		FZ_CHECK(n == 0);
}

static void
check_status(const struct graph *g, const struct trust *t,
    const struct ref *rf, int exact)
{
	struct trust_vstatus st;
	const struct trust_vouch *v, *sv;
	size_t i, j;

	for (i = 0; i < g->in.nv; i++) {
		v = &g->v[i];
		FZ_CHECK(trust_vouch_status(t, i, &st) == 0);
		FZ_CHECK(st.status >= 0 && st.status <= TRUST_V_LAST);
		if (ref_static(g, i) != TRUST_V_COUNTED)
			FZ_CHECK(st.status == ref_static(g, i));
		if (st.status == TRUST_V_COUNTED) {
			/* the brief's first rule: a trusted, trusted signer */
			FZ_CHECK(trust_find(t, v->signer) != NULL);
			FZ_CHECK(trust_find(t, v->subject) != NULL);
			FZ_CHECK(rf->overflow ||
			    rf->status[i] == TRUST_V_COUNTED);
		}
		if (st.status == TRUST_V_SCOPE) {
			FZ_CHECK(st.name < v->nnames && st.scopev < g->in.nv);
			sv = &g->v[st.scopev];
			FZ_CHECK(sv->nscope > 0);
			for (j = 0; j < sv->nscope; j++)
				FZ_CHECK(!tg_glob(v->names[st.name],
				    sv->scope[j]));
		}
		if (exact)
			FZ_CHECK(st.status == rf->status[i]);
	}
	FZ_CHECK(trust_vouch_status(t, g->in.nv, &st) == KE_RANGE);
}

/* Every trusted key but the root has a counted vouch on it. */
static void
check_counted(const struct graph *g, const struct trust *t)
{
	const struct trust_key *keys;
	struct trust_vstatus st;
	size_t n, i, j;
	int k, ok;

	keys = trust_keys(t, &n);
	for (i = 0; i < n; i++) {
		if (keys[i].isroot)
			continue;
		k = tg_key_index(g, keys[i].pk);
		FZ_CHECK(k > 0 && k < g->nk);
		for (j = 0, ok = 0; j < g->in.nv && !ok; j++)
			ok = g->t[j] == k &&
			    trust_vouch_status(t, j, &st) == 0 &&
			    st.status == TRUST_V_COUNTED;
		FZ_CHECK(ok);
	}
}

/* 1 if names[i] is the first of its case-insensitive spellings. */
static int
first_spelling(size_t i)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (tg_caseeq(names[i], names[j]))
			return 0;
	return 1;
}

static void
check_names(const struct graph *g, const struct trust *t,
    const struct ref *rf)
{
	const struct trust_key *tk;
	size_t i, j, want;
	int k, n, byroot;

	for (k = 0; k < g->nk; k++) {
		if ((tk = trust_find(t, g->pk[k])) == NULL)
			continue;
		for (i = 1; i < tk->nnames; i++)
			FZ_CHECK(strcmp(tk->names[i - 1].name,
			    tk->names[i].name) < 0);
		for (i = 0; i < tk->nnames; i++) {
			for (j = 0; tk->names[i].name[j] != '\0'; j++)
				FZ_CHECK(tg_lc((u_char)tk->names[i].name[j]) ==
				    tk->names[i].name[j]);
			n = ref_name(g, rf, k, tk->names[i].name, &byroot);
			FZ_CHECK((int)tk->names[i].nsigners == n);
			FZ_CHECK(tk->names[i].byroot == byroot);
			FZ_CHECK(byroot || n >= (int)g->in.threshold);
		}
		for (i = want = 0; i < NNAMES; i++)
			if (first_spelling(i))
				want += ref_has_name(g, rf, k, names[i]);
		FZ_CHECK(tk->nnames == want);
	}
}

/* trust_check and trust_by_name agree with each other. */
static void
check_lookups(const struct graph *g, const struct trust *t,
    const struct ref *rf, int exact)
{
	const struct trust_hold *h;
	size_t i, j, n, holders;
	int k, c;

	for (i = 0; i < NNAMES; i++) {
		n = trust_by_name(t, names[i], &h);
		for (j = 0; j < n; j++) {
			FZ_CHECK(trust_find(t, h[j].key->pk) == h[j].key);
			FZ_CHECK(tg_caseeq(h[j].name, names[i]));
			FZ_CHECK(j == 0 || memcmp(h[j - 1].key->pk,
			    h[j].key->pk, TRUST_PKLEN) < 0);
		}
		for (k = 0, holders = 0; k <= MAXKEYS; k++) {
			if (k >= g->nk && k != OUTSIDER)
				continue;
			c = trust_check(t, g->pk[k], names[i]);
			holders += c;
			if (exact && k != OUTSIDER)
				FZ_CHECK(c == ref_has_name(g, rf, k, names[i]));
		}
		FZ_CHECK(holders == n);
	}
}

static int
uf_find(int *p, int k)
{
	while (p[k] != k)
		k = p[k];
	return k;
}

/* Conflicts: a trusted name on keys not linked as successors. */
static void
check_conflicts(const struct graph *g, const struct trust *t,
    const struct ref *rf)
{
	const struct trust_conflict *c;
	int p[MAXKEYS + 1], k, first, split, nh;
	size_t i, j, n, want = 0;

	for (k = 0; k <= MAXKEYS; k++)
		p[k] = k;
	for (i = 0; i < g->in.nsucc; i++)
		if (g->present[g->succs[i]] && g->present[g->succt[i]])
			p[uf_find(p, g->succs[i])] = uf_find(p, g->succt[i]);
	c = trust_conflicts(t, &n);
	for (i = 0; i < NNAMES; i++) {
		if (!first_spelling(i))
			continue;
		for (k = 0, nh = 0, first = -1, split = 0; k < g->nk; k++) {
			if (!ref_has_name(g, rf, k, names[i]))
				continue;
			nh++;
			if (first == -1)
				first = uf_find(p, k);
			split |= uf_find(p, k) != first;
		}
		if (nh < 2 || !split)
			continue;
		want++;
		for (j = 0; j < n && !tg_caseeq(c[j].name, names[i]); j++)
			;
		FZ_CHECK(j < n && (int)c[j].nholds == nh);
	}
	FZ_CHECK(n == want);
}

/* Explanations. */

/*
 * Walks hops h[0..n) as counted hops from the root: a chain, depth
 * falling by the rules, each vouch's names inside every scope before it.
 * Returns the depth left after them; sc gets the vouches with a scope.
 */
static uint32_t
walk_counted(const struct graph *g, const struct trust *t,
    const struct trust_hop *h, size_t n, size_t *sc, size_t *nsc)
{
	struct trust_vstatus st;
	const struct trust_vouch *v;
	uint32_t d = UNL;
	size_t i, j;

	*nsc = 0;
	for (i = 0; i < n; i++) {
		FZ_CHECK(h[i].vouch < g->in.nv);
		v = &g->v[h[i].vouch];
		FZ_CHECK(h[i].status == TRUST_V_COUNTED);
		FZ_CHECK(trust_vouch_status(t, h[i].vouch, &st) == 0);
		FZ_CHECK(st.status == TRUST_V_COUNTED);
		FZ_CHECK(i == 0 ? g->s[h[i].vouch] == 0 :
		    g->s[h[i].vouch] == g->t[h[i - 1].vouch]);
		FZ_CHECK(d >= 1);
		for (j = 0; j < *nsc; j++)
			FZ_CHECK(tg_in_scope(v, &g->v[sc[j]]));
		d = tg_depth(d, v->depth);
		FZ_CHECK(h[i].depth == d);
		if (v->nscope > 0)
			sc[(*nsc)++] = h[i].vouch;
	}
	return d;
}

static void
check_trusted_path(const struct graph *g, const struct trust *t,
    const struct ref *rf, const struct trust_path *p,
    const struct trust_key *tk, const char *name, size_t *sc)
{
	const struct trust_vouch *v;
	size_t nsc, j;
	uint32_t d;
	int k = tg_key_index(g, tk->pk);

	FZ_CHECK(p->nhops >= 1);
	d = walk_counted(g, t, p->hops, p->nhops, sc, &nsc);
	/*
	 * At a grant cap (trust.h) the path may be that of a refused grant,
	 * deeper or shorter than the key's own: still a real path.
	 */
	if (!tk->capped)
		FZ_CHECK(d <= tk->depth && p->nhops >= tk->pathlen);
	else if (!rf->overflow)
		FZ_CHECK(d <= ref_maxdepth(rf, k) &&
		    p->nhops >= ref_minlen(rf, k));
	if (name == NULL)
		return;
	v = &g->v[p->hops[p->nhops - 1].vouch];
	for (j = 0; j < v->nnames && !tg_caseeq(v->names[j], name); j++)
		;
	FZ_CHECK(j < v->nnames);
}

/* The hop where an untrusted key's path fails is what it says. */
static void
check_failure(const struct graph *g, const struct trust *t,
    const struct trust_hop *h, uint32_t d, size_t f, const size_t *sc,
    size_t nsc)
{
	struct trust_vstatus st;
	const struct trust_vouch *v = &g->v[h->vouch];
	size_t j;

	FZ_CHECK(trust_vouch_status(t, h->vouch, &st) == 0);
	FZ_CHECK(h->status == st.status || (st.status == TRUST_V_COUNTED &&
	    h->status == TRUST_V_THRESHOLD));
	FZ_CHECK(h->status != TRUST_V_UNTRUSTED);
	if (h->status == TRUST_V_DEPTH)
		FZ_CHECK(d == 0);
	if (h->status != TRUST_V_SCOPE)
		return;
	FZ_CHECK(f > 0 && d >= 1 && h->name < v->nnames);
	for (j = 0; j < nsc && sc[j] != h->scopev; j++)
		;
	FZ_CHECK(j < nsc);
	for (j = 0; j < g->v[h->scopev].nscope; j++)
		FZ_CHECK(!tg_glob(v->names[h->name], g->v[h->scopev].scope[j]));
}

static void
check_failed_path(const struct graph *g, const struct trust *t,
    const struct trust_path *p, size_t *sc)
{
	struct trust_vstatus st;
	const struct trust_hop *h = p->hops;
	size_t f, i, nsc;
	uint32_t d;

	for (f = 0; f < p->nhops && h[f].status == TRUST_V_COUNTED; f++)
		;
	FZ_CHECK(f < p->nhops);
	d = walk_counted(g, t, h, f, sc, &nsc);
	FZ_CHECK(f == 0 || g->s[h[f].vouch] == g->t[h[f - 1].vouch]);
	check_failure(g, t, &h[f], d, f, sc, nsc);
	for (i = f + 1; i < p->nhops; i++) {
		FZ_CHECK(h[i].vouch < g->in.nv);
		FZ_CHECK(g->s[h[i].vouch] == g->t[h[i - 1].vouch]);
		FZ_CHECK(h[i].status == TRUST_V_UNTRUSTED);
		FZ_CHECK(trust_vouch_status(t, h[i].vouch, &st) == 0);
		FZ_CHECK(st.status == TRUST_V_UNTRUSTED);
	}
}

static void
check_why(const struct graph *g, const struct trust *t,
    const struct ref *rf, const struct trust_explain *e,
    const struct trust_why *w)
{
	const struct trust_key *tk = trust_find(t, w->pk);
	size_t i, max = g->xmax != 0 ? g->xmax : TRUST_MAXPATHS, *sc;
	int k = tg_key_index(g, w->pk);

	FZ_CHECK(k >= 0);
	FZ_CHECK(w->trusted == (e->name != NULL ?
	    trust_check(t, w->pk, e->name) : tk != NULL));
	FZ_CHECK(w->isroot == (k == 0 && g->present[0]));
	FZ_CHECK(w->npaths <= max && (!w->more || w->npaths == max));
	if (w->trusted && !(w->isroot && e->name == NULL))
		FZ_CHECK(w->npaths >= 1);
	for (i = 0; i < w->npaths; i++) {
		FZ_CHECK(w->paths[i].nhops >= 1);
		FZ_CHECK(g->t[w->paths[i].hops[w->paths[i].nhops - 1].vouch] ==
		    k);
		FZ_CHECK((sc = calloc(w->paths[i].nhops,
		    sizeof(*sc))) != NULL);
		if (w->trusted)
			check_trusted_path(g, t, rf, &w->paths[i], tk,
			    e->name, sc);
		else
			check_failed_path(g, t, &w->paths[i], sc);
		free(sc);
	}
}

/* Names keys "k0", "k1"...; the key in no vouch has no name. */
static int
keyname(struct buf *out, const u_char *pk, void *arg)
{
	char s[16];
	int k = tg_key_index(arg, pk);

	if (k < 0 || k == OUTSIDER)
		return KE_NOTFOUND;
	(void)snprintf(s, sizeof(s), "k%d", k);
	return buf_put(out, s, strlen(s));
}

static void
explain(struct graph *g, const struct trust *t, const struct ref *rf)
{
	struct trust_explain *e = NULL;
	struct buf *out;
	const u_char *pk = g->xkey >= 0 ? g->pk[g->xkey] : NULL;
	size_t i;
	int r;

	FZ_CHECK(trust_explain(t, pk, g->xname, g->xmax, &e) == 0);
	FZ_CHECK(e->threshold == g->in.threshold);
	FZ_CHECK(pk == NULL || e->nwhy == 1);
	for (i = 0; i < e->nwhy; i++) {
		FZ_CHECK(i == 0 || memcmp(e->why[i - 1].pk, e->why[i].pk,
		    TRUST_PKLEN) < 0);
		check_why(g, t, rf, e, &e->why[i]);
	}
	FZ_CHECK((out = buf_new()) != NULL);
	r = trust_explain_format(out, t, e, g->keyname ? keyname : NULL, g);
	FZ_CHECK(r == 0 || (g->keyname && r == KE_NOTFOUND));
	if (r == 0 && buf_len(out) > 0)
		FZ_CHECK(buf_ptr(out)[buf_len(out) - 1] == '\n');
	buf_free(out);
	trust_explain_free(e);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static struct graph g;
	static struct ref rf;
	struct trust *t = NULL;
	int exact;

	if (len < 4 || len > 4 + 4 * 2 * (MAXV + MAXSUCC))
		return 0;
	tg_decode(&g, data, len);
	FZ_CHECK(trust_compute(&g.in, &t) == 0);
	ref_compute(&g, &rf);
	exact = !rf.overflow && !any_capped(t);
	check_keys(&g, t, &rf, exact);
	check_status(&g, t, &rf, exact);
	check_counted(&g, t);
	check_lookups(&g, t, &rf, exact);
	if (exact) {
		check_names(&g, t, &rf);
		check_conflicts(&g, t, &rf);
	}
	explain(&g, t, &rf);
	trust_free(t);
	return 0;
}
