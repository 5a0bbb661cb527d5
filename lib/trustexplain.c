/*
 * trustexplain.c: why a key is trusted (the paths of its counted vouches)
 * or why not (the nearest failed vouches).  trustfmt.c makes it text.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "kerr.h"
#include "trust.h"
#include "trustpriv.h"

/* The state of the backward search for failures. */
struct bfs {
	uint32_t	*next;		/* the vouch from a key towards k */
	uint32_t	*queue;
	uint8_t		*seen;
};

static int
names_has(const struct trust_vouch *v, const char *name)
{
	size_t i;

	for (i = 0; i < v->nnames; i++)
		if (tr_strcasecmp(v->names[i], name) == 0)
			return 1;
	return 0;
}

/* The grant of vi's signer to show before vi: shortest, then deepest. */
static uint32_t
best_grant(const struct trust *t, uint32_t vi)
{
	const struct tkey *sk = &t->keys[t->tv[vi].signer];
	const struct tgrant *g, *b;
	struct tfail f;
	uint32_t best = TNONE;
	u_int j;

	for (j = 0; j < sk->ngrant; j++) {
		g = &t->g[sk->grant[j]];
		if (!tr_eligible(t, sk->grant[j], vi, &f))
			continue;
		b = best == TNONE ? NULL : &t->g[best];
		if (b == NULL || g->pathlen < b->pathlen ||
		    (g->pathlen == b->pathlen && g->depth > b->depth))
			best = sk->grant[j];
	}
	return best != TNONE ? best : t->tv[vi].via;
}

/* The signer's grant leading to a hop with status st, or TNONE. */
static uint32_t
signer_grant(const struct trust *t, uint32_t vi, int st)
{
	const struct tkey *sk = &t->keys[t->tv[vi].signer];
	uint32_t best = TNONE;
	u_int j;

	if (!sk->trusted)
		return TNONE;
	if (st == TRUST_V_DEPTH || st == TRUST_V_SCOPE)
		return t->tv[vi].failgrant;
	if (st == TRUST_V_COUNTED || st == TRUST_V_THRESHOLD)
		return best_grant(t, vi);
	for (j = 0; j < sk->ngrant; j++)
		if (best == TNONE ||
		    t->g[sk->grant[j]].pathlen < t->g[best].pathlen)
			best = sk->grant[j];
	return best;
}

/* A hop for vouch vi with status st (its own failure details). */
static void
hop_init(const struct trust *t, uint32_t vi, int st, struct trust_hop *h)
{
	memset(h, 0, sizeof(*h));
	h->vouch = vi;
	h->status = st;
	if (st == TRUST_V_SCOPE) {
		h->name = t->tv[vi].failname;
		h->scopev = t->tv[vi].failscope;
	}
}

/*
 * Appends to w the path: the grants up to gi (if any), the hop last,
 * then along next[] (if not NULL) on to the target.
 */
static int
add_path(const struct trust *t, struct trust_why *w, uint32_t gi,
    const struct trust_hop *last, const uint32_t *next)
{
	struct trust_path *p;
	struct trust_hop *h;
	uint32_t g, y;
	size_t npre = 0, ntail = 0, i;

	for (g = gi; g != TNONE && t->g[g].vouch != TNONE; g = t->g[g].parent)
		npre++;
	for (y = t->tv[last->vouch].subject; next != NULL &&
	    next[y] != TNONE; y = t->tv[next[y]].subject)
		ntail++;
	if ((p = reallocarray(w->paths, w->npaths + 1, sizeof(*p))) == NULL)
		return KE_NOMEM;
	w->paths = p;
	if ((h = calloc(npre + 1 + ntail, sizeof(*h))) == NULL)
		return KE_NOMEM;
	p = &w->paths[w->npaths++];
	p->hops = h;
	p->nhops = npre + 1 + ntail;
	i = npre;
	for (g = gi; g != TNONE && t->g[g].vouch != TNONE;
	    g = t->g[g].parent) {
		hop_init(t, t->g[g].vouch, TRUST_V_COUNTED, &h[--i]);
		h[i].depth = t->g[g].depth;
	}
	h[npre] = *last;
	i = npre + 1;
	for (y = t->tv[last->vouch].subject; next != NULL &&
	    next[y] != TNONE; y = t->tv[next[y]].subject)
		hop_init(t, next[y], t->tv[next[y]].status, &h[i++]);
	return 0;
}

/* One path per counted vouch on trusted key k (naming name, if set). */
static int
trusted_paths(const struct trust *t, uint32_t k, const char *name,
    size_t max, struct trust_why *w)
{
	struct trust_hop h;
	uint32_t vi, gi;
	size_t i;
	int r;

	for (i = t->inoff[k]; i < t->inoff[k + 1]; i++) {
		vi = t->in[i];
		if (t->tv[vi].status != TRUST_V_COUNTED ||
		    (name != NULL && !names_has(&t->v[vi], name)))
			continue;
		if (w->npaths == max) {
			w->more = 1;
			break;
		}
		gi = best_grant(t, vi);
		hop_init(t, vi, TRUST_V_COUNTED, &h);
		h.depth = tr_depth(t->g[gi].depth, t->v[vi].depth);
		if ((r = add_path(t, w, gi, &h, NULL)) != 0)
			return r;
	}
	return 0;
}

/*
 * A vouch on key y, met in the backward search from the target k: an
 * inert one leads further back, any other is a failure to report.
 */
static int
visit(const struct trust *t, struct bfs *b, size_t *tailp, uint32_t vi,
    size_t max, struct trust_why *w)
{
	struct trust_hop h;
	uint32_t s = t->tv[vi].signer;
	int st = t->tv[vi].status;

	if (st == TRUST_V_UNTRUSTED) {
		if (!b->seen[s]) {
			b->seen[s] = 1;
			b->next[s] = vi;
			b->queue[(*tailp)++] = s;
		}
		return 0;
	}
	if (st == TRUST_V_COUNTED)
		st = TRUST_V_THRESHOLD;	/* k is trusted, the name is not */
	if (w->npaths == max) {
		w->more = 1;
		return 0;
	}
	hop_init(t, vi, st, &h);
	return add_path(t, w, signer_grant(t, vi, st), &h, b->next);
}

/*
 * The failures nearest to k: a breadth-first search back from k through
 * inert vouches (untrusted signers), reporting every other vouch met.
 */
static int
failures(const struct trust *t, uint32_t k, const char *name, size_t max,
    struct trust_why *w)
{
	struct bfs b;
	size_t head = 0, tail = 1, i;
	uint32_t y;
	int r = KE_NOMEM;

	b.next = calloc(t->nkeys, sizeof(*b.next));
	b.queue = calloc(t->nkeys, sizeof(*b.queue));
	b.seen = calloc(t->nkeys, sizeof(*b.seen));
	if (b.next == NULL || b.queue == NULL || b.seen == NULL)
		goto out;
	memset(b.next, 0xff, t->nkeys * sizeof(*b.next));
	b.queue[0] = k;
	b.seen[k] = 1;
	while (head < tail && !w->more) {
		y = b.queue[head++];
		for (i = t->inoff[y]; i < t->inoff[y + 1] && !w->more; i++) {
			if (y == k && name != NULL &&
			    !names_has(&t->v[t->in[i]], name))
				continue;
			if ((r = visit(t, &b, &tail, t->in[i], max, w)) != 0)
				goto out;
		}
	}
	r = 0;
 out:
	free(b.next);
	free(b.queue);
	free(b.seen);
	return r;
}

/* Distinct signers of eligible vouches on k naming name. */
static u_int
name_signers(const struct trust *t, uint32_t k, const char *name)
{
	uint32_t vi, last = TNONE;
	size_t i;
	u_int n = 0;

	for (i = t->inoff[k]; i < t->inoff[k + 1]; i++) {
		vi = t->in[i];
		if (!t->tv[vi].eligible || !names_has(&t->v[vi], name) ||
		    t->tv[vi].signer == last)
			continue;
		last = t->tv[vi].signer;
		n++;
	}
	return n;
}

static int
why_key(const struct trust *t, const u_char *pk, const char *name,
    size_t max, struct trust_why *w)
{
	uint32_t k;

	memcpy(w->pk, pk, sizeof(w->pk));
	if ((k = tr_key_find(t, pk)) == TNONE)
		return 0;	/* no vouch names it */
	w->isroot = k == 0;
	if (name == NULL) {
		w->trusted = t->keys[k].trusted;
		w->nsigners = t->keys[k].nsigners;
	} else {
		w->trusted = trust_check(t, pk, name);
		w->nsigners = name_signers(t, k, name);
	}
	if (w->isroot && w->trusted && name == NULL)
		return 0;	/* trusted by definition */
	if (w->trusted)
		return trusted_paths(t, k, name, max, w);
	return failures(t, k, name, max, w);
}

static int
cmp_pk(const void *a, const void *b)
{
	return memcmp(*(const u_char *const *)a, *(const u_char *const *)b,
	    TRUST_PKLEN);
}

/* Explains every key that a vouch names name for. */
static int
why_name(const struct trust *t, const char *name, size_t max,
    struct trust_explain *e)
{
	const u_char **pks = NULL;
	uint8_t *seen = NULL;
	uint32_t k;
	size_t i, n = 0;
	int r = KE_NOMEM;

	if ((seen = calloc(t->nkeys, sizeof(*seen))) == NULL ||
	    (pks = calloc(t->nkeys, sizeof(*pks))) == NULL)
		goto out;
	for (i = 0; i < t->nv; i++) {
		k = t->tv[i].subject;
		if (seen[k] || !names_has(&t->v[i], name))
			continue;
		seen[k] = 1;
		pks[n++] = t->keys[k].pk;
	}
	qsort(pks, n, sizeof(*pks), cmp_pk);
	if ((e->why = calloc(n + 1, sizeof(*e->why))) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		e->nwhy++;
		if ((r = why_key(t, pks[i], name, max, &e->why[i])) != 0)
			goto out;
	}
	r = 0;
 out:
	free(seen);
	free(pks);
	return r;
}

int
trust_explain(const struct trust *t, const u_char *pk, const char *name,
    size_t max, struct trust_explain **ep)
{
	struct trust_explain *e;
	int r = KE_NOMEM;

	*ep = NULL;
	if (pk == NULL && name == NULL)
		return KE_INTERNAL;
	if (max == 0)
		max = TRUST_MAXPATHS;
	if ((e = calloc(1, sizeof(*e))) == NULL)
		return KE_NOMEM;
	e->threshold = t->threshold;
	if (name != NULL && (e->name = strdup(name)) == NULL)
		goto out;
	if (pk == NULL)
		r = why_name(t, name, max, e);
	else if ((e->why = calloc(1, sizeof(*e->why))) != NULL) {
		e->nwhy = 1;
		r = why_key(t, pk, name, max, e->why);
	}
	if (r != 0)
		goto out;
	*ep = e;
	e = NULL;
 out:
	trust_explain_free(e);
	return r;
}

void
trust_explain_free(struct trust_explain *e)
{
	size_t i, j;

	if (e == NULL)
		return;
	for (i = 0; i < e->nwhy; i++) {
		for (j = 0; j < e->why[i].npaths; j++)
			free(e->why[i].paths[j].hops);
		free(e->why[i].paths);
	}
	free(e->why);
	free(e->name);
	free(e);
}
