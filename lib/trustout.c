/*
 * trustout.c: the results of the trust computation: trusted keys and
 * their names, the name index, conflicts, and the lookups over them.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "kerr.h"
#include "trust.h"
#include "trustpriv.h"

/* A name on a counted vouch, while a key's names are tallied. */
struct nent {
	const char	*name;
	uint32_t	 signer;
};

struct scratch {
	struct nent	*e;
	size_t		 n;
	size_t		 cap;
};

static const char *const status_str[] = {
	"counted",
	"withdrawn by its signer",
	"signer revoked",
	"subject revoked",
	"not yet valid",
	"expired",
	"names no host",
	"a key vouching for itself",
	"signer not trusted",
	"signer has no depth left",
	"name outside scope",
	"below threshold",
};

_Static_assert(sizeof(status_str) / sizeof(status_str[0]) ==
    TRUST_V_LAST + 1, "a string per status");

const char *
trust_status_str(int s)
{
	if (s < 0 || s > TRUST_V_LAST)
		return "unknown status";
	return status_str[s];
}

static int
cmp_nent(const void *a, const void *b)
{
	const struct nent *x = a, *y = b;
	int c;

	if ((c = tr_strcasecmp(x->name, y->name)) != 0)
		return c;
	return (x->signer > y->signer) - (x->signer < y->signer);
}

static char *
lowerdup(const char *s)
{
	char *d;
	size_t i;

	if ((d = strdup(s)) == NULL)
		return NULL;
	for (i = 0; d[i] != '\0'; i++)
		d[i] = (char)tr_lc((u_char)d[i]);
	return d;
}

/* Gathers the names on counted vouches on key k, sorted. */
static int
gather(const struct trust *t, uint32_t k, struct scratch *sc)
{
	const struct trust_vouch *v;
	struct nent *ne;
	uint32_t vi;
	size_t i, j, cap;

	sc->n = 0;
	for (i = t->inoff[k]; i < t->inoff[k + 1]; i++) {
		vi = t->in[i];
		if (t->tv[vi].status != TRUST_V_COUNTED)
			continue;
		v = &t->v[vi];
		for (j = 0; j < v->nnames; j++) {
			if (sc->n == sc->cap) {
				cap = sc->cap * 2 + 16;
				if ((ne = reallocarray(sc->e, cap,
				    sizeof(*ne))) == NULL)
					return KE_NOMEM;
				sc->e = ne;
				sc->cap = cap;
			}
			sc->e[sc->n].name = v->names[j];
			sc->e[sc->n++].signer = t->tv[vi].signer;
		}
	}
	if (sc->n > 0)
		qsort(sc->e, sc->n, sizeof(*sc->e), cmp_nent);
	return 0;
}

/* Fills rk's trusted names: by k signers, or by the root (signer 0). */
static int
key_names(const struct trust *t, uint32_t k, struct trust_key *rk,
    struct scratch *sc)
{
	struct trust_name *tn;
	size_t i, j;
	u_int n;
	int r, root;

	if ((r = gather(t, k, sc)) != 0)
		return r;
	if (sc->n == 0)
		return 0;
	if ((rk->names = calloc(sc->n, sizeof(*rk->names))) == NULL)
		return KE_NOMEM;
	for (i = 0; i < sc->n; i = j) {
		root = sc->e[i].signer == 0;	/* the root sorts first */
		for (n = 1, j = i + 1; j < sc->n &&
		    tr_strcasecmp(sc->e[i].name, sc->e[j].name) == 0; j++)
			n += sc->e[j].signer != sc->e[j - 1].signer;
		if (!root && n < t->threshold)
			continue;
		tn = &rk->names[rk->nnames];
		if ((tn->name = lowerdup(sc->e[i].name)) == NULL)
			return KE_NOMEM;
		tn->nsigners = n;
		tn->byroot = root;
		rk->nnames++;
	}
	return 0;
}

static int
key_fill(const struct trust *t, uint32_t k, struct trust_key *rk,
    struct scratch *sc)
{
	const struct tkey *tk = &t->keys[k];
	const struct tgrant *g;
	u_int i;

	memcpy(rk->pk, tk->pk, sizeof(rk->pk));
	rk->isroot = k == 0;
	rk->capped = tk->capped;
	rk->nsigners = tk->nsigners;
	rk->pathlen = UINT32_MAX;
	for (i = 0; i < tk->ngrant; i++) {
		g = &t->g[tk->grant[i]];
		if (g->depth > rk->depth)
			rk->depth = g->depth;
		if (g->pathlen < rk->pathlen)
			rk->pathlen = g->pathlen;
	}
	return key_names(t, k, rk, sc);
}

/* A trusted key, while they are sorted. */
struct korder {
	const u_char	*pk;
	uint32_t	 k;
};

static int
cmp_key(const void *a, const void *b)
{
	const struct korder *x = a, *y = b;

	return memcmp(x->pk, y->pk, TRUST_PKLEN);
}

/* The trusted keys, sorted by public key, each with its names. */
static int
result_keys(struct trust *t)
{
	struct scratch sc = { NULL, 0, 0 };
	struct korder *order = NULL;
	uint32_t k;
	size_t i, n = 0;
	int r = KE_NOMEM;

	for (k = 0; k < t->nkeys; k++)
		n += t->keys[k].trusted;
	if ((order = calloc(n + 1, sizeof(*order))) == NULL ||
	    (t->rkeys = calloc(n + 1, sizeof(*t->rkeys))) == NULL)
		goto out;
	for (k = 0, n = 0; k < t->nkeys; k++) {
		if (!t->keys[k].trusted)
			continue;
		order[n].pk = t->keys[k].pk;
		order[n++].k = k;
	}
	qsort(order, n, sizeof(*order), cmp_key);
	for (i = 0; i < n; i++) {
		t->keys[order[i].k].rkey = (uint32_t)i;
		t->nrkeys++;
		if ((r = key_fill(t, order[i].k, &t->rkeys[i], &sc)) != 0)
			goto out;
	}
	r = 0;
 out:
	free(sc.e);
	free(order);
	return r;
}

static int
cmp_hold(const void *a, const void *b)
{
	const struct trust_hold *x = a, *y = b;
	int c;

	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return memcmp(x->key->pk, y->key->pk, TRUST_PKLEN);
}

/* The name index: every (trusted name, key), sorted by name then key. */
static int
build_holds(struct trust *t)
{
	const struct trust_key *rk;
	size_t i, j, n = 0;

	for (i = 0; i < t->nrkeys; i++)
		n += t->rkeys[i].nnames;
	if ((t->holds = calloc(n + 1, sizeof(*t->holds))) == NULL)
		return KE_NOMEM;
	for (i = 0; i < t->nrkeys; i++) {
		rk = &t->rkeys[i];
		for (j = 0; j < rk->nnames; j++) {
			t->holds[t->nholds].name = rk->names[j].name;
			t->holds[t->nholds].key = rk;
			t->holds[t->nholds++].nsigners = rk->names[j].nsigners;
		}
	}
	qsort(t->holds, t->nholds, sizeof(*t->holds), cmp_hold);
	return 0;
}

/* 1 if the n holds are not all linked by successor declarations. */
static int
in_conflict(const struct trust *t, const struct trust_hold *h, size_t n)
{
	uint32_t first, k;
	size_t i;

	first = tr_succ_root(t, tr_key_find(t, h[0].key->pk));
	for (i = 1; i < n; i++) {
		k = tr_key_find(t, h[i].key->pk);
		if (tr_succ_root(t, k) != first)
			return 1;
	}
	return 0;
}

static int
build_conflicts(struct trust *t)
{
	struct trust_conflict *c;
	size_t i, j, cap = 0;

	for (i = 0; i < t->nholds; i = j) {
		for (j = i + 1; j < t->nholds &&
		    strcmp(t->holds[i].name, t->holds[j].name) == 0; j++)
			;
		if (j - i < 2 || !in_conflict(t, &t->holds[i], j - i))
			continue;
		if (t->nconf == cap) {
			cap = cap * 2 + 8;
			if ((c = reallocarray(t->conf, cap,
			    sizeof(*c))) == NULL)
				return KE_NOMEM;
			t->conf = c;
		}
		c = &t->conf[t->nconf++];
		c->name = t->holds[i].name;
		c->holds = &t->holds[i];
		c->nholds = j - i;
	}
	return 0;
}

int
tr_results(struct trust *t)
{
	int r;

	if ((r = result_keys(t)) != 0 || (r = build_holds(t)) != 0)
		return r;
	return build_conflicts(t);
}

void
tr_results_free(struct trust *t)
{
	size_t i, j;

	for (i = 0; i < t->nrkeys; i++) {
		for (j = 0; j < t->rkeys[i].nnames; j++)
			free(t->rkeys[i].names[j].name);
		free(t->rkeys[i].names);
	}
	free(t->rkeys);
	free(t->holds);
	free(t->conf);
}

const struct trust_key *
trust_keys(const struct trust *t, size_t *np)
{
	*np = t->nrkeys;
	return t->rkeys;
}

const struct trust_key *
trust_find(const struct trust *t, const u_char *pk)
{
	uint32_t k;

	if ((k = tr_key_find(t, pk)) == TNONE || t->keys[k].rkey == TNONE)
		return NULL;
	return &t->rkeys[t->keys[k].rkey];
}

size_t
trust_by_name(const struct trust *t, const char *name,
    const struct trust_hold **hp)
{
	size_t lo = 0, hi = t->nholds, mid, n;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (tr_strcasecmp(t->holds[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (n = 0; lo + n < t->nholds &&
	    tr_strcasecmp(t->holds[lo + n].name, name) == 0; n++)
		;
	*hp = &t->holds[lo];
	return n;
}

int
trust_check(const struct trust *t, const u_char *pk, const char *name)
{
	const struct trust_key *rk;
	size_t lo, hi, mid;
	int c;

	if ((rk = trust_find(t, pk)) == NULL)
		return 0;
	for (lo = 0, hi = rk->nnames; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		if ((c = tr_strcasecmp(name, rk->names[mid].name)) == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

const struct trust_conflict *
trust_conflicts(const struct trust *t, size_t *np)
{
	*np = t->nconf;
	return t->conf;
}

int
trust_vouch_status(const struct trust *t, size_t i, struct trust_vstatus *sp)
{
	const struct tvouch *tv;

	memset(sp, 0, sizeof(*sp));
	if (i >= t->nv)
		return KE_RANGE;
	tv = &t->tv[i];
	sp->status = tv->status;
	if (tv->status == TRUST_V_SCOPE) {
		sp->name = tv->failname;
		sp->scopev = tv->failscope;
	}
	return 0;
}
