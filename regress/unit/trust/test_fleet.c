/*
 * A synthetic fleet at the size the issue asks for: 100,000 keys, each
 * vouched by 3 signers of the layer before it (300,000 vouches).  The
 * time is printed, and bounded generously so that a slow or sanitized
 * build never fails on it.
 */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "trust.h"
#include "test.h"
#include "t_trust.h"

#define NKEYS		100000	/* not counting the root */
#define NSIGN		3
#define MAXCPU		30.0	/* seconds: generous, never flaky */

static const size_t layer_start[] = {
	1, 4, 34, 334, 3334, 33334, NKEYS + 1
};
#define NLAYERS	(nitems(layer_start) - 1)

static char scope0[] = "*.fleet.example";
static char *scope[] = { scope0 };

struct fleet {
	struct trust_vouch *v;
	size_t		 nv;
	char		**names;	/* one per key */
};

static size_t
layer_of(size_t k)
{
	size_t l;

	for (l = 0; layer_start[l + 1] <= k; l++)
		;
	return l;
}

static void
vouch(struct fleet *f, size_t s, size_t k, u_int depth)
{
	struct trust_vouch *v = &f->v[f->nv++];

	tb_pk((u_int)s, v->signer);
	tb_pk((u_int)k, v->subject);
	memcpy(v->id, &f->nv, sizeof(f->nv));
	v->serial = f->nv;
	v->valid_before = UINT64_MAX;
	v->names = &f->names[k];
	v->nnames = 1;
	v->depth = depth;
	if (s == 0) {
		v->scope = scope;
		v->nscope = 1;
	}
}

/*
 * Layer 0 (3 keys) is vouched by the root and by its other two keys;
 * every later key by 3 keys of the layer before, spread evenly.
 */
static void
make_fleet(struct fleet *f)
{
	size_t k, l, j, lo, n;
	u_int depth;

	if ((f->v = calloc(NKEYS * NSIGN, sizeof(*f->v))) == NULL ||
	    (f->names = calloc(NKEYS + 1, sizeof(*f->names))) == NULL)
		exit(1);
	f->nv = 0;
	for (k = 1; k <= NKEYS; k++)
		if (asprintf(&f->names[k], "h%zu.fleet.example", k) == -1)
			exit(1);
	for (k = 1; k <= NKEYS; k++) {
		l = layer_of(k);
		depth = l + 1 == NLAYERS ? 0 : TRUST_MAXDEPTH;
		if (l == 0) {
			vouch(f, 0, k, depth);
			for (j = 1; j < layer_start[1]; j++)
				if (j != k)
					vouch(f, j, k, depth);
			continue;
		}
		lo = layer_start[l - 1];
		n = layer_start[l] - lo;
		for (j = 0; j < NSIGN; j++)
			vouch(f, lo + (k + j * (n / NSIGN + 1)) % n, k, depth);
	}
}

static void
free_fleet(struct fleet *f)
{
	size_t k;

	for (k = 1; k <= NKEYS; k++)
		free(f->names[k]);
	free(f->names);
	free(f->v);
}

static struct trust *
run(const struct fleet *f, u_int threshold, double *cpu)
{
	struct trust_input in;
	struct trust *t;
	clock_t c0;

	memset(&in, 0, sizeof(in));
	tb_pk(0, in.root);
	in.v = f->v;
	in.nv = f->nv;
	in.now = TB_NOW;
	in.threshold = threshold;
	c0 = clock();
	if (trust_compute(&in, &t) != 0)
		exit(1);
	*cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
	return t;
}

/* Every key trusted with its name by 3 signers, depth and length right. */
static int
all_trusted(const struct fleet *f, const struct trust *t)
{
	const struct trust_key *keys, *rk;
	size_t n, i, k, l, bad = 0;

	keys = trust_keys(t, &n);
	if (n != NKEYS + 1)
		return 0;
	for (i = 0; i < n; i++) {
		rk = &keys[i];
		if (rk->isroot)
			continue;
		k = (size_t)tb_num(rk->pk);
		l = layer_of(k);
		bad += rk->nsigners != NSIGN || rk->nnames != 1 ||
		    rk->names[0].nsigners != NSIGN ||
		    strcmp(rk->names[0].name, f->names[k]) != 0 ||
		    rk->pathlen != l + 1 || rk->depth != (l + 1 == NLAYERS ?
		    0 : TRUST_MAXDEPTH - l);
	}
	for (i = 0; i < f->nv; i++)
		bad += tb_status(t, i) != TRUST_V_COUNTED;
	return bad == 0;
}

void
test_fleet(void)
{
	struct fleet f;
	struct trust *t;
	struct trust_explain *e;
	const struct trust_hold *h;
	size_t n, i, thr = 0, untr = 0;
	double cpu;
	int ok;

	make_fleet(&f);
	T_EQ(f.nv, NKEYS * NSIGN, "fleet: 300,000 vouches");
	t = run(&f, 1, &cpu);
	printf("# fleet: %d keys, %zu vouches: %.3f s CPU\n", NKEYS, f.nv,
	    cpu);
	T_OK(cpu < MAXCPU, "fleet: %.3f s CPU (bound %.0f s)", cpu, MAXCPU);
	T_OK(all_trusted(&f, t), "fleet k=1: every key, name, depth, length");
	trust_conflicts(t, &n);
	T_EQ(n, 0, "fleet: no conflicts");
	T_EQ(trust_by_name(t, "H77777.FLEET.EXAMPLE", &h), 1,
	    "fleet: lookup by name");
	T_EQ(trust_explain(t, h[0].key->pk, NULL, 0, &e), 0,
	    "fleet: explain a key of the last layer");
	ok = e->why[0].trusted && e->why[0].npaths == NSIGN;
	for (i = 0; ok && i < e->why[0].npaths; i++)
		ok = e->why[0].paths[i].nhops == NLAYERS;
	T_OK(ok, "fleet: 3 paths of %zu hops", NLAYERS);
	trust_explain_free(e);
	trust_free(t);

	t = run(&f, NSIGN, &cpu);
	printf("# fleet k=3: %.3f s CPU\n", cpu);
	T_OK(all_trusted(&f, t), "fleet k=3: every key still trusted");
	trust_free(t);

	t = run(&f, NSIGN + 1, &cpu);
	trust_keys(t, &n);
	T_EQ(n, layer_start[1], "fleet k=4: only the root's keys");
	for (i = 0; i < f.nv; i++) {
		thr += tb_status(t, i) == TRUST_V_THRESHOLD;
		untr += tb_status(t, i) == TRUST_V_UNTRUSTED;
	}
	T_OK(thr == NSIGN * (layer_start[2] - layer_start[1]) &&
	    untr == f.nv - thr - NSIGN * (layer_start[1] - 1),
	    "fleet k=4: the next layer below threshold, the rest inert");
	trust_free(t);
	free_fleet(&f);
}
