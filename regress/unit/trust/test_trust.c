/*
 * Unit tests for lib/trust*.c: the rules of trust.h one by one,
 * thresholds and conflicts.  Explanations are in test_explain.c, the
 * randomized comparison with a brute force in test_random.c and the
 * 100,000-key fleet in test_fleet.c.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "kerr.h"
#include "trust.h"
#include "test.h"
#include "t_trust.h"

static void
test_root(void)
{
	struct tb tb;
	struct trust *t;
	const struct trust_key *k, *keys;
	size_t n, v;

	tb_init(&tb);
	t = tb_run(&tb);
	keys = trust_keys(t, &n);
	T_EQ(n, 1, "no vouches: only the root");
	T_OK(keys[0].isroot && keys[0].depth == TRUST_UNLIMITED &&
	    keys[0].pathlen == 0 && keys[0].nnames == 0, "root: unlimited");
	trust_free(t);

	v = tb_vouch(&tb, 0, 1, "a.example.com,B.Example.Com", 0, NULL);
	t = tb_run(&tb);
	T_EQ(tb_status(t, v), TRUST_V_COUNTED, "root vouch counted");
	T_OK((k = tb_key(t, 1)) != NULL, "root vouch: trusted");
	T_OK(k != NULL && k->depth == 0 && k->pathlen == 1 &&
	    k->nsigners == 1 && !k->isroot, "depth 0, path 1, 1 signer");
	T_OK(k != NULL && k->nnames == 2 &&
	    strcmp(k->names[0].name, "a.example.com") == 0 &&
	    strcmp(k->names[1].name, "b.example.com") == 0 &&
	    k->names[1].byroot && k->names[1].nsigners == 1,
	    "names sorted, lower case, by root");
	T_OK(trust_check(t, k->pk, "b.EXAMPLE.com"), "check ignores case");
	T_OK(!trust_check(t, k->pk, "c.example.com"), "check: other name");
	T_OK(!trust_check(t, k->pk, "a.example.co"), "check: prefix");
	T_EQ(trust_vouch_status(t, 1, &(struct trust_vstatus){ 0 }),
	    KE_RANGE, "status out of range");
	for (v = 0; v <= TRUST_V_LAST; v++)
		if (strcmp(trust_status_str((int)v), "unknown status") == 0)
			break;
	T_OK(v == TRUST_V_LAST + 1 &&
	    strcmp(trust_status_str(TRUST_V_LAST + 1), "unknown status") == 0 &&
	    strcmp(trust_status_str(-1), "unknown status") == 0,
	    "a description per status");
	trust_free(t);
	tb_free(&tb);
}

static void
test_depth(void)
{
	struct tb tb;
	struct trust *t;
	size_t v01, v12, v23, v14, v15;

	tb_init(&tb);
	v01 = tb_vouch(&tb, 0, 1, "a", 1, NULL);
	v12 = tb_vouch(&tb, 1, 2, "b", 5, NULL);
	v23 = tb_vouch(&tb, 2, 3, "c", 0, NULL);
	t = tb_run(&tb);
	T_OK(tb_trusted(t, 1) && tb_key(t, 1)->depth == 1, "A depth 1");
	T_OK(tb_trusted(t, 2), "A (depth 1) introduces B");
	T_EQ(tb_key(t, 2)->depth, 0, "B: min(1 - 1, 5) = 0");
	T_EQ(tb_key(t, 2)->pathlen, 2, "B: path length 2");
	T_OK(!tb_trusted(t, 3), "B (depth 0) cannot introduce C");
	T_EQ(tb_status(t, v23), TRUST_V_DEPTH, "status: signer depth 0");
	T_EQ(tb_status(t, v01), TRUST_V_COUNTED, "root vouch counted");
	T_EQ(tb_status(t, v12), TRUST_V_COUNTED, "A's vouch counted");
	trust_free(t);
	tb_free(&tb);

	tb_init(&tb);
	tb_vouch(&tb, 0, 1, "a", 3, NULL);
	tb_vouch(&tb, 1, 2, "b", 5, NULL);
	v14 = tb_vouch(&tb, 1, 4, "d", 1, NULL);
	v15 = tb_vouch(&tb, 4, 5, "e", 9, NULL);
	t = tb_run(&tb);
	T_EQ(tb_key(t, 2)->depth, 2, "min(3 - 1, 5) = 2");
	T_EQ(tb_key(t, 4)->depth, 1, "min(3 - 1, 1) = 1");
	T_EQ(tb_key(t, 5)->depth, 0, "min(1 - 1, 9) = 0");
	T_EQ(tb_status(t, v14) | tb_status(t, v15), TRUST_V_COUNTED,
	    "chain counted");
	trust_free(t);
	tb_free(&tb);

	/* two paths: the deeper one wins, the shorter one is kept too */
	tb_init(&tb);
	tb_vouch(&tb, 0, 1, "a", 1, NULL);
	tb_vouch(&tb, 1, 3, "c", 0, NULL);
	tb_vouch(&tb, 0, 2, "b", 9, NULL);
	tb_vouch(&tb, 2, 4, "d", 9, NULL);
	tb_vouch(&tb, 4, 3, "c", 9, NULL);
	v15 = tb_vouch(&tb, 3, 5, "e", 0, NULL);
	t = tb_run(&tb);
	T_EQ(tb_key(t, 3)->depth, 7, "depth from the longer path");
	T_EQ(tb_key(t, 3)->pathlen, 2, "length from the shorter path");
	T_EQ(tb_status(t, v15), TRUST_V_COUNTED, "deep grant introduces");
	trust_free(t);
	tb_free(&tb);
}

static void
test_scope(void)
{
	struct tb tb;
	struct trust *t;
	struct trust_vstatus s;
	size_t v01, v12, v13, v14, v15, v16, v17, v18, v19;

	tb_init(&tb);
	v01 = tb_vouch(&tb, 0, 1, "intro.example.com", 2,
	    "*.db.example.com");
	v12 = tb_vouch(&tb, 1, 2, "a.db.example.com", 0, NULL);
	v13 = tb_vouch(&tb, 1, 3, "www.example.com", 0, NULL);
	v14 = tb_vouch(&tb, 1, 4, "b.db.example.com,evil.com", 0, NULL);
	v15 = tb_vouch(&tb, 1, 5, "C.DB.Example.COM", 0, NULL);
	v16 = tb_vouch(&tb, 1, 6, "db.example.com", 0, NULL);
	t = tb_run(&tb);
	T_EQ(tb_status(t, v01), TRUST_V_COUNTED, "own name outside its scope");
	T_EQ(tb_status(t, v12), TRUST_V_COUNTED, "name inside scope");
	T_EQ(tb_status(t, v13), TRUST_V_SCOPE, "name outside scope");
	T_OK(!tb_trusted(t, 3), "outside: not trusted");
	trust_vouch_status(t, v14, &s);
	T_OK(s.status == TRUST_V_SCOPE && s.name == 1 && s.scopev == v01,
	    "every name must fit: the second is reported");
	T_EQ(tb_status(t, v15), TRUST_V_COUNTED, "scope ignores case");
	T_EQ(tb_status(t, v16), TRUST_V_SCOPE, "'*.' needs a label");
	trust_free(t);
	tb_free(&tb);

	/* scopes accumulate: A gets *.example.com, B gets db* */
	tb_init(&tb);
	v01 = tb_vouch(&tb, 0, 1, "a.example.com", 3, "*.EXAMPLE.com");
	v12 = tb_vouch(&tb, 1, 2, "b.example.com", 2, "db*");
	v13 = tb_vouch(&tb, 2, 3, "db1.example.com", 0, NULL);
	v14 = tb_vouch(&tb, 2, 4, "db1.other.org", 0, NULL);
	v15 = tb_vouch(&tb, 2, 5, "www.example.com", 0, NULL);
	v16 = tb_vouch(&tb, 1, 6, "h1.example.com", 1, "h?.example.com,x");
	v17 = tb_vouch(&tb, 6, 7, "h2.example.com", 0, NULL);
	v18 = tb_vouch(&tb, 6, 8, "h12.example.com", 0, NULL);
	v19 = tb_vouch(&tb, 6, 9, "x", 0, NULL);
	t = tb_run(&tb);
	T_EQ(tb_status(t, v12), TRUST_V_COUNTED, "B's own name in A's scope");
	T_EQ(tb_status(t, v13), TRUST_V_COUNTED, "inside both scopes");
	trust_vouch_status(t, v14, &s);
	T_OK(s.status == TRUST_V_SCOPE && s.scopev == v01,
	    "inside B's scope, outside A's");
	trust_vouch_status(t, v15, &s);
	T_OK(s.status == TRUST_V_SCOPE && s.scopev == v12,
	    "inside A's scope, outside B's");
	T_EQ(tb_status(t, v17), TRUST_V_COUNTED, "'?' matches one character");
	T_EQ(tb_status(t, v18), TRUST_V_SCOPE, "'?' matches only one");
	T_EQ(tb_status(t, v19), TRUST_V_SCOPE, "still inside A's scope");
	T_OK(v16 != v19 && tb_trusted(t, 6), "second pattern is an option");
	trust_free(t);
	tb_free(&tb);

}

/* An unrestricted and a restricted path: both grants are kept. */
static void
test_scope_paths(void)
{
	struct tb tb;
	struct trust *t;
	size_t v14, v15, v16;

	tb_init(&tb);
	tb_vouch(&tb, 0, 1, "a", 5, "*.x");
	tb_vouch(&tb, 0, 2, "b", 1, NULL);
	tb_vouch(&tb, 1, 3, "c.x", 4, NULL);
	tb_vouch(&tb, 2, 3, "c.x", 4, NULL);
	v14 = tb_vouch(&tb, 3, 4, "d.y", 0, NULL);
	v15 = tb_vouch(&tb, 3, 5, "e.x", 2, NULL);
	v16 = tb_vouch(&tb, 5, 6, "f.x", 0, NULL);
	t = tb_run(&tb);
	T_EQ(tb_key(t, 3)->depth, 4, "depth through the scoped path");
	T_EQ(tb_status(t, v14), TRUST_V_SCOPE,
	    "no depth on one path, outside scope on the other: scope");
	T_EQ(tb_status(t, v15), TRUST_V_COUNTED, "scoped path, inside");
	T_EQ(tb_status(t, v16), TRUST_V_COUNTED, "scoped path goes deeper");
	trust_free(t);
	tb_free(&tb);
}

static void
test_validity(void)
{
	struct tb tb;
	struct trust *t;
	size_t a, b, c, d, w, e;

	tb_init(&tb);
	a = tb_vouch(&tb, 0, 1, "a", 0, NULL);
	tb.v[a].valid_before = TB_NOW;
	b = tb_vouch(&tb, 0, 2, "b", 0, NULL);
	tb.v[b].valid_before = TB_NOW + 1;
	c = tb_vouch(&tb, 0, 3, "c", 0, NULL);
	tb.v[c].valid_after = TB_NOW + 1;
	d = tb_vouch(&tb, 0, 4, "d", 0, NULL);
	tb.v[d].valid_after = TB_NOW;
	w = tb_vouch(&tb, 0, 5, "e", 0, NULL);
	tb.v[w].withdrawn = 1;
	e = tb_vouch(&tb, 0, 6, "", 0, NULL);
	t = tb_run(&tb);
	T_EQ(tb_status(t, a), TRUST_V_EXPIRED, "expired at before == now");
	T_EQ(tb_status(t, b), TRUST_V_COUNTED, "valid until before");
	T_EQ(tb_status(t, c), TRUST_V_NOTYET, "not yet valid");
	T_EQ(tb_status(t, d), TRUST_V_COUNTED, "valid from after == now");
	T_EQ(tb_status(t, w), TRUST_V_WITHDRAWN, "withdrawn");
	T_EQ(tb_status(t, e), TRUST_V_NONAMES, "no names: never counts");
	T_OK(!tb_trusted(t, 1) && tb_trusted(t, 2) && !tb_trusted(t, 3) &&
	    tb_trusted(t, 4) && !tb_trusted(t, 5) && !tb_trusted(t, 6),
	    "trusted keys match");
	trust_free(t);

	/* the same vouches at another time */
	tb.now = TB_NOW + 5;
	t = tb_run(&tb);
	T_EQ(tb_status(t, b), TRUST_V_EXPIRED, "later: expired");
	T_EQ(tb_status(t, c), TRUST_V_COUNTED, "later: valid");
	trust_free(t);
	tb_free(&tb);
}

static void
test_revoked(void)
{
	struct tb tb;
	struct trust *t;
	size_t a, b, c, n;

	tb_init(&tb);
	a = tb_vouch(&tb, 0, 1, "a", 2, NULL);
	b = tb_vouch(&tb, 1, 2, "b", 0, NULL);
	c = tb_vouch(&tb, 0, 3, "c", 2, NULL);
	tb_vouch(&tb, 3, 2, "b", 0, NULL);
	tb_revoke(&tb, 1);
	tb_revoke(&tb, 77);	/* a key no vouch names */
	t = tb_run(&tb);
	T_EQ(tb_status(t, a), TRUST_V_SUBJECT_REVOKED, "subject revoked");
	T_EQ(tb_status(t, b), TRUST_V_SIGNER_REVOKED, "signer revoked");
	T_OK(!tb_trusted(t, 1), "revoked key untrusted");
	T_OK(tb_trusted(t, 2), "its subject trusted through another path");
	trust_free(t);

	tb_revoke(&tb, 0);
	t = tb_run(&tb);
	trust_keys(t, &n);
	T_EQ(n, 0, "revoked root: nothing trusted");
	T_EQ(tb_status(t, c), TRUST_V_SIGNER_REVOKED, "root's vouch inert");
	trust_free(t);
	tb_free(&tb);
}

static void
test_loops(void)
{
	struct tb tb;
	struct trust *t;
	size_t a, b, c, d, n;

	tb_init(&tb);
	a = tb_vouch(&tb, 1, 2, "b", 9, NULL);
	b = tb_vouch(&tb, 2, 1, "a", 9, NULL);
	c = tb_vouch(&tb, 3, 3, "c", 9, NULL);
	t = tb_run(&tb);
	trust_keys(t, &n);
	T_EQ(n, 1, "a loop creates no trust");
	T_OK(tb_status(t, a) == TRUST_V_UNTRUSTED &&
	    tb_status(t, b) == TRUST_V_UNTRUSTED, "loop vouches inert");
	T_EQ(tb_status(t, c), TRUST_V_SELF, "self-vouch");
	trust_free(t);

	d = tb_vouch(&tb, 0, 1, "a", 2, NULL);
	tb_vouch(&tb, 0, 3, "c", 2, NULL);
	t = tb_run(&tb);
	T_OK(tb_trusted(t, 1) && tb_trusted(t, 2), "loop entered");
	T_EQ(tb_key(t, 1)->depth, 2, "the loop adds no depth");
	T_EQ(tb_key(t, 2)->depth, 1, "B: min(2 - 1, 9)");
	T_EQ(tb_status(t, b), TRUST_V_COUNTED, "B -> A counts");
	T_EQ(tb_key(t, 1)->nsigners, 2, "A: root and B");
	T_EQ(tb_status(t, c), TRUST_V_SELF, "self-vouch of a trusted key");
	T_EQ(tb_key(t, 3)->nnames, 1, "self-vouch adds no name");
	T_EQ(tb_status(t, d), TRUST_V_COUNTED, "root vouch");
	trust_free(t);
	tb_free(&tb);

	/* the root may vouch for itself: its own names */
	tb_init(&tb);
	a = tb_vouch(&tb, 0, 0, "me.example.com", 0, NULL);
	b = tb_vouch(&tb, 0, 1, "a", 1, NULL);
	c = tb_vouch(&tb, 1, 0, "other.example.com", 0, NULL);
	t = tb_run(&tb);
	T_EQ(tb_status(t, a), TRUST_V_COUNTED, "root self-vouch counted");
	T_EQ(tb_status(t, c), TRUST_V_COUNTED, "a vouch on the root counts");
	T_OK(tb_key(t, 0)->nnames == 2 && tb_key(t, 0)->depth ==
	    TRUST_UNLIMITED && tb_key(t, 0)->pathlen == 0,
	    "root: names, unlimited, length 0");
	trust_free(t);
	tb_free(&tb);
}

static void
test_inert(void)
{
	struct tb tb;
	struct trust *t;
	size_t a, b;

	tb_init(&tb);
	tb_vouch(&tb, 0, 1, "a", 0, NULL);
	a = tb_vouch(&tb, 5, 6, "f", 3, NULL);
	b = tb_vouch(&tb, 6, 1, "evil", 3, NULL);
	t = tb_run(&tb);
	T_EQ(tb_status(t, a), TRUST_V_UNTRUSTED, "untrusted signer: inert");
	T_EQ(tb_status(t, b), TRUST_V_UNTRUSTED, "kept but not counted");
	T_OK(tb_trusted(t, 1) && !trust_check(t, tb_key(t, 1)->pk, "evil"),
	    "no name from an untrusted signer");
	trust_free(t);
	tb_free(&tb);
}

static void
test_badinput(void)
{
	struct tb tb;
	struct trust_input in;
	struct trust *t = NULL;
	size_t a;

	tb_init(&tb);
	a = tb_vouch(&tb, 0, 1, "a", 0, NULL);
	tb_input(&tb, &in);
	in.threshold = 0;
	T_EQ(trust_compute(&in, &t), KE_RANGE, "threshold 0");
	T_OK(t == NULL, "nothing returned");
	tb.v[a].depth = TRUST_MAXDEPTH + 1;
	tb_input(&tb, &in);
	T_EQ(trust_compute(&in, &t), KE_RANGE, "depth 256");
	tb.v[a].depth = TRUST_MAXDEPTH;
	tb.v[a].nscope = 1;
	T_EQ(trust_compute(&in, &t), KE_INTERNAL, "NULL scope list");
	tb.v[a].nscope = 0;
	in.nrevoked = 1;
	T_EQ(trust_compute(&in, &t), KE_INTERNAL, "NULL revocations");
	in.nrevoked = 0;
	T_EQ(trust_compute(&in, &t), 0, "depth 255 fine");
	T_EQ(tb_key(t, 1)->depth, TRUST_MAXDEPTH, "depth 255 from the root");
	trust_free(t);
	trust_free(NULL);
	tb_free(&tb);
}

/*
 * Ten paths into one key, each longer and deeper than the last: no grant
 * dominates another, so the cap keeps TRUST_MAXGRANTS of them.
 */
static void
test_caps(void)
{
	struct tb tb;
	struct trust *t;
	const struct trust_key *k;
	u_int j, h, prev, next = 100;

	tb_init(&tb);
	for (j = 1; j <= 10; j++) {
		for (prev = 0, h = 1; h < j; h++, prev = next++)
			tb_vouch(&tb, prev, next, "x", TRUST_MAXDEPTH, NULL);
		tb_vouch(&tb, prev, 1, "t", 10 + j, NULL);
	}
	t = tb_run(&tb);
	T_OK((k = tb_key(t, 1)) != NULL, "capped key still trusted");
	T_OK(k != NULL && k->capped, "cap reported");
	T_OK(k != NULL && k->pathlen == 1 && k->depth >= 11 &&
	    k->depth <= 20, "depth understated at most: %u",
	    k == NULL ? 0 : k->depth);
	trust_free(t);
	tb_free(&tb);
}

void
test_rules(void)
{
	test_root();
	test_depth();
	test_scope();
	test_scope_paths();
	test_validity();
	test_revoked();
	test_loops();
	test_inert();
	test_badinput();
	test_caps();
}

int
main(int argc, char **argv)
{
	test_rules();
	test_threshold();
	test_conflicts();
	test_explain();
	test_random();
	if (argc < 2 || strcmp(argv[1], "-q") != 0)
		test_fleet();
	return t_done();
}
