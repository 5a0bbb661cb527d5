/*
 * trust.c: the trust computation (its semantics in full in trust.h):
 * the rules a vouch must pass on a path, and the worklist fixpoint over
 * grants.  The graph it runs on is built in trustgraph.c.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "kerr.h"
#include "trust.h"
#include "trustpriv.h"

#define MAXVOUCHES	(UINT32_MAX / 4)	/* keys and grants fit uint32 */

/*
 * OpenSSH's match_pattern ('*' any run, '?' one character), ASCII
 * case-insensitive, without its exponential recursion: on a mismatch
 * only the last '*' needs to take one more character.
 */
static int
match(const char *s, const char *p)
{
	const char *star = NULL, *resume = NULL;

	while (*s != '\0') {
		if (*p == '*') {
			star = p++;
			resume = s;
		} else if (*p != '\0' &&
		    (*p == '?' || tr_lc((u_char)*p) == tr_lc((u_char)*s))) {
			p++;
			s++;
		} else if (star != NULL) {
			p = star + 1;
			s = ++resume;
		} else
			return 0;
	}
	while (*p == '*')
		p++;
	return *p == '\0';
}

static int
match_any(const char *s, char *const *pats, size_t npats)
{
	size_t i;

	for (i = 0; i < npats; i++)
		if (match(s, pats[i]))
			return 1;
	return 0;
}

static int
check_input(const struct trust_input *in)
{
	const struct trust_vouch *v;
	size_t i, j;

	if (in->threshold == 0 || in->nv > MAXVOUCHES)
		return KE_RANGE;
	if ((in->v == NULL && in->nv != 0) ||
	    (in->revoked == NULL && in->nrevoked != 0) ||
	    (in->succ == NULL && in->nsucc != 0))
		return KE_INTERNAL;
	for (i = 0; i < in->nv; i++) {
		v = &in->v[i];
		if (v->depth > TRUST_MAXDEPTH)
			return KE_RANGE;
		if ((v->names == NULL && v->nnames != 0) ||
		    (v->scope == NULL && v->nscope != 0))
			return KE_INTERNAL;
		for (j = 0; j < v->nnames; j++)
			if (v->names[j] == NULL)
				return KE_INTERNAL;
		for (j = 0; j < v->nscope; j++)
			if (v->scope[j] == NULL)
				return KE_INTERNAL;
	}
	return 0;
}

uint32_t
tr_depth(uint32_t d, u_int vd)
{
	if (d == TRUST_UNLIMITED)
		return vd;
	return d - 1 < vd ? d - 1 : vd;
}

static int
scope_has(const struct trust *t, uint32_t n, uint32_t sid)
{
	for (; n != TNONE; n = t->sc[n].parent)
		if (t->sc[n].sid == sid)
			return 1;
	return 0;
}

/* 1 if a's scopes are a subset of b's: a restricts no more than b. */
static int
scope_subset(const struct trust *t, uint32_t a, uint32_t b)
{
	for (; a != TNONE; a = t->sc[a].parent)
		if (!scope_has(t, b, t->sc[a].sid))
			return 0;
	return 1;
}

static int
dominates(const struct trust *t, const struct tgrant *a,
    const struct tgrant *b)
{
	return a->depth >= b->depth && a->pathlen <= b->pathlen &&
	    scope_subset(t, a->scopes, b->scopes);
}

int
tr_eligible(const struct trust *t, uint32_t gi, uint32_t vi,
    struct tfail *f)
{
	const struct trust_vouch *v = &t->v[vi], *sv;
	uint32_t n;
	size_t i;

	f->name = f->scopev = TNONE;
	if (t->g[gi].depth == 0) {
		f->rule = TRUST_V_DEPTH;
		return 0;
	}
	for (n = t->g[gi].scopes; n != TNONE; n = t->sc[n].parent) {
		sv = &t->v[t->sc[n].vouch];
		for (i = 0; i < v->nnames; i++) {
			if (match_any(v->names[i], sv->scope, sv->nscope))
				continue;
			f->rule = TRUST_V_SCOPE;
			f->name = (uint32_t)i;
			f->scopev = t->sc[n].vouch;
			return 0;
		}
	}
	return 1;
}

/*
 * tr_eligible, recording a failure on the vouch: the first DEPTH, or the
 * first SCOPE (which replaces a DEPTH: it got further).
 */
static int
eligible(struct trust *t, uint32_t gi, uint32_t vi)
{
	struct tvouch *tv = &t->tv[vi];
	struct tfail f;

	if (tr_eligible(t, gi, vi, &f))
		return 1;
	if (tv->fail == 0 ||
	    (f.rule == TRUST_V_SCOPE && tv->fail != TRUST_V_SCOPE)) {
		tv->fail = (uint8_t)f.rule;
		tv->failgrant = gi;
		tv->failname = f.name;
		tv->failscope = f.scopev;
	}
	return 0;
}

/* p with room for element n (of size), or NULL: p is then unchanged. */
static void *
grow(void *p, size_t *capp, size_t n, size_t size)
{
	size_t cap;

	if (n < *capp)
		return p;
	cap = *capp * 2 + 256;
	if ((p = reallocarray(p, cap, size)) != NULL)
		*capp = cap;
	return p;
}

/* Drops k's grants that ng dominates; 1 if one of them dominates ng. */
static int
prune(struct trust *t, struct tkey *tk, const struct tgrant *ng)
{
	u_int i, j;

	for (i = 0; i < tk->ngrant; i++)
		if (dominates(t, &t->g[tk->grant[i]], ng))
			return 1;
	for (i = j = 0; i < tk->ngrant; i++) {
		if (dominates(t, ng, &t->g[tk->grant[i]]))
			t->g[tk->grant[i]].dead = 1;
		else
			tk->grant[j++] = tk->grant[i];
	}
	tk->ngrant = j;
	return 0;
}

/* Offers grant ng to its key; *addp is set if it was kept. */
static int
grant_add(struct trust *t, const struct tgrant *ng, int *addp)
{
	struct tkey *tk = &t->keys[ng->key];
	struct tgrant *g;

	*addp = 0;
	if (prune(t, tk, ng))
		return 0;
	if (tk->ngrant == TRUST_MAXGRANTS || tk->ninsert == TRUST_MAXINSERT) {
		tk->capped = 1;
		return 0;
	}
	if (t->ng >= TNONE)
		return KE_RANGE;
	if ((g = grow(t->g, &t->gcap, t->ng, sizeof(*g))) == NULL)
		return KE_NOMEM;
	t->g = g;
	t->g[t->ng] = *ng;
	tk->grant[tk->ngrant++] = (uint32_t)t->ng++;
	tk->ninsert++;
	*addp = 1;
	return 0;
}

/* Offers the subject of eligible vouch vi the grant it gets through gi. */
static int
grant_from(struct trust *t, uint32_t gi, uint32_t vi)
{
	const struct tvouch *tv = &t->tv[vi];
	struct tgrant ng;
	struct tscope *sc;
	size_t nsc = t->nsc;
	int r, added;

	ng.key = tv->subject;
	ng.vouch = vi;
	ng.parent = gi;
	ng.scopes = t->g[gi].scopes;
	ng.depth = tr_depth(t->g[gi].depth, t->v[vi].depth);
	ng.pathlen = t->g[gi].pathlen + 1;
	ng.dead = 0;
	if (tv->sid != TNONE && !scope_has(t, ng.scopes, tv->sid)) {
		if (t->nsc >= TNONE)
			return KE_RANGE;
		if ((sc = grow(t->sc, &t->sccap, t->nsc, sizeof(*sc))) == NULL)
			return KE_NOMEM;
		t->sc = sc;
		t->sc[t->nsc].sid = tv->sid;
		t->sc[t->nsc].vouch = vi;
		t->sc[t->nsc].parent = ng.scopes;
		ng.scopes = (uint32_t)t->nsc++;
	}
	if ((r = grant_add(t, &ng, &added)) != 0)
		return r;
	if (!added)
		t->nsc = nsc;	/* the new scope node is unreferenced */
	return 0;
}

/* Key k has just become trusted: every eligible vouch on it grants. */
static int
grant_all(struct trust *t, uint32_t k)
{
	const struct tkey *sk;
	struct tfail f;
	uint32_t vi, s;
	size_t i;
	u_int j;
	int r;

	for (i = t->inoff[k]; i < t->inoff[k + 1]; i++) {
		vi = t->in[i];
		s = t->tv[vi].signer;
		if (!t->tv[vi].eligible || s == k)
			continue;
		sk = &t->keys[s];
		for (j = 0; j < sk->ngrant; j++)
			if (tr_eligible(t, sk->grant[j], vi, &f) &&
			    (r = grant_from(t, sk->grant[j], vi)) != 0)
				return r;
	}
	return 0;
}

/* Vouch vi is eligible through grant gi. */
static int
reach(struct trust *t, uint32_t gi, uint32_t vi)
{
	struct tvouch *tv = &t->tv[vi];
	struct tkey *tk = &t->keys[tv->subject];

	if (!tv->eligible) {
		tv->eligible = 1;
		tv->via = gi;
		if (tv->signer == 0)
			tk->rootv = 1;
		if (!t->tv[tv->lead].gelig) {
			t->tv[tv->lead].gelig = 1;
			tk->nsigners++;
		}
		if (!tk->trusted &&
		    (tk->rootv || tk->nsigners >= t->threshold)) {
			tk->trusted = 1;
			return grant_all(t, tv->subject);
		}
	}
	if (!tk->trusted)
		return 0;
	return grant_from(t, gi, vi);
}

/* Follows grant gi along every vouch its key made. */
static int
propagate(struct trust *t, uint32_t gi)
{
	uint32_t k = t->g[gi].key, vi;
	size_t i;
	int r;

	for (i = t->outoff[k]; i < t->outoff[k + 1]; i++) {
		vi = t->out[i];
		if (!t->tv[vi].live)
			continue;	/* broken on its own */
		if (t->tv[vi].eligible && !t->keys[t->tv[vi].subject].trusted)
			continue;	/* nothing more to gain yet */
		if (!eligible(t, gi, vi))
			continue;
		if ((r = reach(t, gi, vi)) != 0)
			return r;
	}
	return 0;
}

/*
 * The worklist is the grant pool itself: grants are appended as they are
 * found and followed in that order, each once.  A key becoming trusted
 * re-examines its incoming vouches (grant_all), so a threshold reached
 * late still gives every grant.  Grants only improve, and each is
 * followed once, so this ends; at most TRUST_MAXINSERT per key.
 */
static int
fixpoint(struct trust *t)
{
	struct tgrant root;
	size_t gi;
	int r, added;

	if (t->keys[0].revoked)
		return 0;
	t->keys[0].trusted = 1;
	memset(&root, 0, sizeof(root));
	root.vouch = root.parent = root.scopes = TNONE;
	root.depth = TRUST_UNLIMITED;
	if ((r = grant_add(t, &root, &added)) != 0)
		return r;
	for (gi = 0; gi < t->ng; gi++) {
		if (!t->g[gi].dead &&
		    (r = propagate(t, (uint32_t)gi)) != 0)
			return r;
	}
	return 0;
}

/* The status of each vouch that passes the rules of its own. */
static void
final_status(struct trust *t)
{
	struct tvouch *tv;
	size_t i;

	for (i = 0; i < t->nv; i++) {
		tv = &t->tv[i];
		if (!tv->live)
			continue;
		if (!t->keys[tv->signer].trusted)
			tv->status = TRUST_V_UNTRUSTED;
		else if (tv->eligible)
			tv->status = t->keys[tv->subject].trusted ?
			    TRUST_V_COUNTED : TRUST_V_THRESHOLD;
		else	/* every grant of its signer failed: fail is set */
			tv->status = tv->fail != 0 ? tv->fail : TRUST_V_DEPTH;
	}
}

int
trust_compute(const struct trust_input *in, struct trust **tp)
{
	struct trust *t = NULL;
	int r;

	*tp = NULL;
	if ((r = check_input(in)) != 0)
		return r;
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return KE_NOMEM;
	t->v = in->v;
	t->nv = in->nv;
	t->threshold = in->threshold;
	if ((r = tr_build(t, in)) != 0 || (r = fixpoint(t)) != 0)
		goto out;
	final_status(t);
	if ((r = tr_results(t)) != 0)
		goto out;
	*tp = t;
	t = NULL;
 out:
	trust_free(t);
	return r;
}

void
trust_free(struct trust *t)
{
	if (t == NULL)
		return;
	tr_results_free(t);
	free(t->keys);
	free(t->ht);
	free(t->outoff);
	free(t->out);
	free(t->inoff);
	free(t->in);
	free(t->tv);
	free(t->g);
	free(t->sc);
	free(t->succ);
	free(t);
}
