/*
 * trustgraph.c: the graph the trust computation runs on: keys in an open
 * addressing table, vouches as edge lists, scope identities, successor
 * links and the rules a vouch can break on its own.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "kerr.h"
#include "trust.h"
#include "trustpriv.h"

#define HASHMUL		0x9e3779b97f4a7c15ULL	/* 2^64 / golden ratio */
#define FNVBASIS	0xcbf29ce484222325ULL	/* FNV-1a, 64 bits */
#define FNVPRIME	0x100000001b3ULL

int
tr_lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int
tr_strcasecmp(const char *a, const char *b)
{
	while (*a != '\0' && tr_lc((u_char)*a) == tr_lc((u_char)*b)) {
		a++;
		b++;
	}
	return tr_lc((u_char)*a) - tr_lc((u_char)*b);
}

static size_t
pk_slot(const struct trust *t, const u_char *pk)
{
	uint64_t h;

	memcpy(&h, pk, sizeof(h));
	h *= HASHMUL;
	return (size_t)(h ^ (h >> 32)) & t->htmask;
}

uint32_t
tr_key_find(const struct trust *t, const u_char *pk)
{
	size_t i;
	uint32_t k;

	for (i = pk_slot(t, pk);; i = (i + 1) & t->htmask) {
		if ((k = t->ht[i]) == TNONE ||
		    memcmp(t->keys[k].pk, pk, TRUST_PKLEN) == 0)
			return k;
	}
}

/* The index of pk, adding it if new; TNONE when out of memory. */
static uint32_t
key_add(struct trust *t, const u_char *pk)
{
	struct tkey *nk;
	size_t i, cap;
	uint32_t k;

	for (i = pk_slot(t, pk);; i = (i + 1) & t->htmask) {
		if ((k = t->ht[i]) == TNONE)
			break;
		if (memcmp(t->keys[k].pk, pk, TRUST_PKLEN) == 0)
			return k;
	}
	if (t->nkeys == t->keycap) {
		cap = t->keycap * 2 + 64;
		if ((nk = reallocarray(t->keys, cap, sizeof(*nk))) == NULL)
			return TNONE;
		t->keys = nk;
		t->keycap = cap;
	}
	k = (uint32_t)t->nkeys++;
	memset(&t->keys[k], 0, sizeof(t->keys[k]));
	memcpy(t->keys[k].pk, pk, TRUST_PKLEN);
	t->keys[k].rkey = TNONE;
	t->ht[i] = k;
	return k;
}

/* Enters the root, every signer and subject, and the revocations. */
static int
build_keys(struct trust *t, const struct trust_input *in)
{
	size_t i, slots = 64;
	uint32_t k;

	while (slots < 2 * (2 * in->nv + 1))
		slots *= 2;
	if ((t->ht = malloc(slots * sizeof(*t->ht))) == NULL ||
	    (t->tv = calloc(in->nv + 1, sizeof(*t->tv))) == NULL)
		return KE_NOMEM;
	memset(t->ht, 0xff, slots * sizeof(*t->ht));
	t->htmask = slots - 1;
	if (key_add(t, in->root) == TNONE)
		return KE_NOMEM;
	for (i = 0; i < in->nv; i++) {
		if ((t->tv[i].signer = key_add(t, in->v[i].signer)) == TNONE ||
		    (t->tv[i].subject = key_add(t, in->v[i].subject)) == TNONE)
			return KE_NOMEM;
	}
	for (i = 0; i < in->nrevoked; i++)
		if ((k = tr_key_find(t, in->revoked[i])) != TNONE)
			t->keys[k].revoked = 1;
	return 0;
}

/*
 * Edge lists in CSR form: out by signer in input order; in by subject,
 * sorted by signer (a stable pass over out), so that vouches with the
 * same signer and subject are adjacent and share a lead.
 */
static int
build_edges(struct trust *t)
{
	uint32_t *fill = NULL, k, s, vi;
	size_t i, n = t->nkeys;
	int r = KE_NOMEM;

	if ((t->outoff = calloc(n + 1, sizeof(*t->outoff))) == NULL ||
	    (t->inoff = calloc(n + 1, sizeof(*t->inoff))) == NULL ||
	    (t->out = calloc(t->nv + 1, sizeof(*t->out))) == NULL ||
	    (t->in = calloc(t->nv + 1, sizeof(*t->in))) == NULL ||
	    (fill = calloc(n + 1, sizeof(*fill))) == NULL)
		goto out;
	for (i = 0; i < t->nv; i++) {
		t->outoff[t->tv[i].signer + 1]++;
		t->inoff[t->tv[i].subject + 1]++;
	}
	for (k = 0; k < n; k++) {
		t->outoff[k + 1] += t->outoff[k];
		t->inoff[k + 1] += t->inoff[k];
	}
	memcpy(fill, t->outoff, n * sizeof(*fill));
	for (i = 0; i < t->nv; i++)
		t->out[fill[t->tv[i].signer]++] = (uint32_t)i;
	memcpy(fill, t->inoff, n * sizeof(*fill));
	for (i = 0; i < t->nv; i++) {
		vi = t->out[i];
		t->in[fill[t->tv[vi].subject]++] = vi;
	}
	for (k = 0; k < n; k++) {
		s = TNONE;
		for (i = t->inoff[k]; i < t->inoff[k + 1]; i++) {
			vi = t->in[i];
			t->tv[vi].lead = i > t->inoff[k] &&
			    t->tv[vi].signer == s ?
			    t->tv[t->in[i - 1]].lead : vi;
			s = t->tv[vi].signer;
		}
	}
	r = 0;
 out:
	free(fill);
	return r;
}

/* The first rule a vouch breaks on its own, or TRUST_V_COUNTED. */
static int
static_status(const struct trust *t, const struct trust_input *in,
    size_t i)
{
	const struct trust_vouch *v = &in->v[i];
	const struct tvouch *tv = &t->tv[i];

	if (v->withdrawn)
		return TRUST_V_WITHDRAWN;
	if (t->keys[tv->signer].revoked)
		return TRUST_V_SIGNER_REVOKED;
	if (t->keys[tv->subject].revoked)
		return TRUST_V_SUBJECT_REVOKED;
	if (in->now < v->valid_after)
		return TRUST_V_NOTYET;
	if (in->now >= v->valid_before)
		return TRUST_V_EXPIRED;
	if (v->nnames == 0)
		return TRUST_V_NONAMES;
	if (tv->signer == tv->subject && tv->signer != 0)
		return TRUST_V_SELF;
	return TRUST_V_COUNTED;
}

static uint64_t
scope_hash(const struct trust_vouch *v)
{
	uint64_t h = FNVBASIS;
	const char *p;
	size_t i;

	for (i = 0; i < v->nscope; i++) {
		for (p = v->scope[i];; p++) {
			h ^= (uint64_t)tr_lc((u_char)*p);
			h *= FNVPRIME;
			if (*p == '\0')
				break;
		}
	}
	return h;
}

static int
scope_equal(const struct trust_vouch *a, const struct trust_vouch *b)
{
	size_t i;

	if (a->nscope != b->nscope)
		return 0;
	for (i = 0; i < a->nscope; i++)
		if (tr_strcasecmp(a->scope[i], b->scope[i]) != 0)
			return 0;
	return 1;
}

/*
 * Gives every vouch with a scope its scope's identity: the index of the
 * first vouch with the same patterns (in order, case-insensitively), so
 * that scope sets compare as integers.
 */
static int
scope_ids(struct trust *t)
{
	uint32_t *tab, *slot;
	size_t i, n = 0, slots = 64, mask, j;

	for (i = 0; i < t->nv; i++)
		n += t->v[i].nscope != 0;
	while (slots < 2 * n)
		slots *= 2;
	if ((tab = malloc(slots * sizeof(*tab))) == NULL)
		return KE_NOMEM;
	memset(tab, 0xff, slots * sizeof(*tab));
	mask = slots - 1;
	for (i = 0; i < t->nv; i++) {
		t->tv[i].sid = TNONE;
		if (t->v[i].nscope == 0)
			continue;
		for (j = scope_hash(&t->v[i]) & mask;; j = (j + 1) & mask) {
			slot = &tab[j];
			if (*slot == TNONE)
				*slot = (uint32_t)i;
			if (scope_equal(&t->v[*slot], &t->v[i]))
				break;
		}
		t->tv[i].sid = *slot;
	}
	free(tab);
	return 0;
}

/* Links each declared successor pair; then flattens every chain. */
static int
build_succ(struct trust *t, const struct trust_input *in)
{
	uint32_t a, b, k;
	size_t i;

	if ((t->succ = calloc(t->nkeys, sizeof(*t->succ))) == NULL)
		return KE_NOMEM;
	for (k = 0; k < t->nkeys; k++)
		t->succ[k] = k;
	for (i = 0; i < in->nsucc; i++) {
		if ((a = tr_key_find(t, in->succ[i].oldpk)) == TNONE ||
		    (b = tr_key_find(t, in->succ[i].newpk)) == TNONE)
			continue;
		while (t->succ[a] != a)
			a = t->succ[a] = t->succ[t->succ[a]];
		while (t->succ[b] != b)
			b = t->succ[b] = t->succ[t->succ[b]];
		t->succ[a > b ? a : b] = a > b ? b : a;
	}
	/* A parent's index is below its child's, so one pass flattens. */
	for (k = 0; k < t->nkeys; k++)
		t->succ[k] = t->succ[t->succ[k]];
	return 0;
}

uint32_t
tr_succ_root(const struct trust *t, uint32_t k)
{
	return t->succ[k];
}

int
tr_build(struct trust *t, const struct trust_input *in)
{
	size_t i;
	int r;

	if ((r = build_keys(t, in)) != 0 || (r = build_edges(t)) != 0 ||
	    (r = scope_ids(t)) != 0 || (r = build_succ(t, in)) != 0)
		return r;
	for (i = 0; i < t->nv; i++) {
		t->tv[i].status = (uint8_t)static_status(t, in, i);
		t->tv[i].live = t->tv[i].status == TRUST_V_COUNTED;
		t->tv[i].via = t->tv[i].failgrant = TNONE;
	}
	return 0;
}
