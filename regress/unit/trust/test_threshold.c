/* Unit tests for lib/trust*.c: thresholds, names and conflicts. */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "trust.h"
#include "test.h"
#include "t_trust.h"

static void
test_two(void)
{
	struct tb tb;
	struct trust *t;
	const struct trust_key *k;
	size_t a, b, c, d;

	tb_init(&tb);
	tb.threshold = 2;
	tb_vouch(&tb, 0, 1, "one", 2, NULL);
	tb_vouch(&tb, 0, 2, "two", 2, NULL);
	a = tb_vouch(&tb, 1, 3, "h.x,a.x", 1, NULL);
	b = tb_vouch(&tb, 1, 3, "h.x", 1, NULL);	/* same signer again */
	c = tb_vouch(&tb, 0, 4, "r.x", 0, NULL);
	t = tb_run(&tb);
	T_OK(tb_trusted(t, 1) && tb_trusted(t, 2) && tb_trusted(t, 4),
	    "k=2: a root vouch suffices on its own");
	T_OK(!tb_trusted(t, 3), "k=2: one signer is not enough");
	T_OK(tb_status(t, a) == TRUST_V_THRESHOLD &&
	    tb_status(t, b) == TRUST_V_THRESHOLD, "status: below threshold");
	T_EQ(tb_status(t, c), TRUST_V_COUNTED, "root vouch counted");
	trust_free(t);

	d = tb_vouch(&tb, 2, 3, "h.x,b.x", 1, NULL);
	t = tb_run(&tb);
	T_OK((k = tb_key(t, 3)) != NULL, "k=2: two signers are");
	T_OK(k != NULL && k->nsigners == 2 && k->depth == 1,
	    "two signers, depth 1");
	T_OK(k != NULL && k->nnames == 1 &&
	    strcmp(k->names[0].name, "h.x") == 0 &&
	    k->names[0].nsigners == 2 && !k->names[0].byroot,
	    "only the name both signers give");
	T_OK(tb_status(t, a) == TRUST_V_COUNTED &&
	    tb_status(t, b) == TRUST_V_COUNTED &&
	    tb_status(t, d) == TRUST_V_COUNTED, "all three count now");
	T_OK(k != NULL && !trust_check(t, k->pk, "a.x") &&
	    trust_check(t, k->pk, "H.X"), "check: agreed name only");
	trust_free(t);

	tb.threshold = 3;
	t = tb_run(&tb);
	T_OK(!tb_trusted(t, 3), "k=3: two signers are not enough");
	trust_free(t);
	tb_free(&tb);
}

static void
test_signers(void)
{
	struct tb tb;
	struct trust *t;
	size_t a;

	/* a signer without depth does not count towards k */
	tb_init(&tb);
	tb.threshold = 2;
	tb_vouch(&tb, 0, 1, "one", 1, NULL);
	tb_vouch(&tb, 0, 2, "two", 0, NULL);
	tb_vouch(&tb, 1, 3, "h", 0, NULL);
	a = tb_vouch(&tb, 2, 3, "h", 0, NULL);
	t = tb_run(&tb);
	T_OK(!tb_trusted(t, 3) && tb_status(t, a) == TRUST_V_DEPTH,
	    "k=2: a signer at depth 0 is no second signer");
	trust_free(t);
	tb_free(&tb);

	/*
	 * The first signer's grant counts once the second makes the key
	 * trusted: 3 gets depth 2 through 1, not just 0 through 2.
	 */
	tb_init(&tb);
	tb.threshold = 2;
	tb_vouch(&tb, 0, 1, "one", 3, NULL);
	tb_vouch(&tb, 0, 2, "two", 1, NULL);
	tb_vouch(&tb, 1, 3, "h", 5, NULL);
	tb_vouch(&tb, 2, 3, "h", 5, NULL);
	t = tb_run(&tb);
	T_OK(tb_trusted(t, 3) && tb_key(t, 3)->depth == 2,
	    "k=2: every counted vouch grants, not only the last");
	trust_free(t);
	tb_free(&tb);

	/* a key trusted by k signers who agree on no name */
	tb_init(&tb);
	tb.threshold = 2;
	tb_vouch(&tb, 0, 1, "one", 3, NULL);
	tb_vouch(&tb, 0, 2, "two", 3, NULL);
	tb_vouch(&tb, 1, 3, "a", 2, NULL);
	tb_vouch(&tb, 2, 3, "b", 2, NULL);
	tb_vouch(&tb, 3, 4, "d", 0, NULL);
	tb_vouch(&tb, 1, 4, "d", 0, NULL);
	t = tb_run(&tb);
	T_OK(tb_trusted(t, 3) && tb_key(t, 3)->nnames == 0,
	    "trusted with no agreed name");
	T_OK(tb_trusted(t, 4) && tb_key(t, 4)->nnames == 1,
	    "it still introduces");
	trust_free(t);
	tb_free(&tb);
}

/*
 * Keys become trusted in an order the input does not show: 4 needs 3,
 * which needs 1 and 2; the vouches on 4 come first.
 */
static void
test_order(void)
{
	struct tb tb;
	struct trust *t;
	size_t a, b, i, j, n, m;
	struct trust_vouch tmp;
	u_int seed = 7;
	int ok = 1;

	tb_init(&tb);
	tb.threshold = 2;
	a = tb_vouch(&tb, 3, 4, "d", 0, NULL);
	b = tb_vouch(&tb, 1, 4, "d", 0, NULL);
	tb_vouch(&tb, 3, 5, "e", 0, NULL);
	tb_vouch(&tb, 4, 5, "e", 0, NULL);	/* 4 has no depth */
	tb_vouch(&tb, 6, 5, "e", 0, NULL);
	tb_vouch(&tb, 2, 6, "f", 1, NULL);
	tb_vouch(&tb, 3, 6, "f", 1, NULL);
	tb_vouch(&tb, 1, 3, "c", 2, NULL);
	tb_vouch(&tb, 2, 3, "c", 2, NULL);
	tb_vouch(&tb, 0, 1, "a", 3, NULL);
	tb_vouch(&tb, 0, 2, "b", 3, NULL);
	t = tb_run(&tb);
	T_OK(tb_trusted(t, 3), "3: two root-trusted signers");
	T_OK(tb_trusted(t, 4), "4: 1 and 3, once 3 is trusted");
	T_OK(tb_status(t, a) == TRUST_V_COUNTED &&
	    tb_status(t, b) == TRUST_V_COUNTED, "both vouches on 4 count");
	T_OK(tb_trusted(t, 6), "6: 2 and 3");
	T_OK(tb_trusted(t, 5) && tb_key(t, 5)->nsigners == 2,
	    "5: 3 and 6 (6 trusted last)");
	trust_free(t);

	/* and in any order of the input */
	for (i = 0; i < 50; i++) {
		for (j = tb.nv - 1; j > 0; j--) {
			seed = seed * 1103515245 + 12345;
			m = (seed >> 8) % (j + 1);
			tmp = tb.v[j];
			tb.v[j] = tb.v[m];
			tb.v[m] = tmp;
		}
		t = tb_run(&tb);
		trust_keys(t, &n);
		ok &= n == 7 && tb_trusted(t, 5) && tb_trusted(t, 4);
		trust_free(t);
	}
	T_OK(ok, "50 shuffles of the input: same result");
	tb_free(&tb);
}

static void
test_conflict(void)
{
	struct tb tb;
	struct trust *t;
	const struct trust_conflict *c;
	const struct trust_hold *h;
	size_t n;

	tb_init(&tb);
	tb_vouch(&tb, 0, 1, "h.x,a.x", 1, NULL);
	tb_vouch(&tb, 0, 2, "H.X", 0, NULL);
	tb_vouch(&tb, 1, 3, "b.x", 0, NULL);
	tb_vouch(&tb, 5, 6, "h.x", 0, NULL);	/* inert: no conflict */
	t = tb_run(&tb);
	c = trust_conflicts(t, &n);
	T_EQ(n, 1, "one conflict");
	T_OK(n == 1 && strcmp(c[0].name, "h.x") == 0 && c[0].nholds == 2 &&
	    tb_num(c[0].holds[0].key->pk) + tb_num(c[0].holds[1].key->pk) ==
	    3, "h.x: keys 1 and 2");
	T_EQ(trust_by_name(t, "h.X", &h), 2, "by name: two keys");
	T_EQ(trust_by_name(t, "b.x", &h), 1, "by name: one key");
	T_OK(tb_num(h[0].key->pk) == 3 && h[0].nsigners == 1, "b.x is 3");
	T_EQ(trust_by_name(t, "nope", &h), 0, "by name: none");
	T_EQ(trust_by_name(t, "", &h), 0, "by name: empty");
	trust_free(t);

	tb_succ(&tb, 2, 1);
	t = tb_run(&tb);
	trust_conflicts(t, &n);
	T_EQ(n, 0, "successor: no conflict");
	trust_free(t);

	tb_vouch(&tb, 0, 4, "h.x", 0, NULL);
	t = tb_run(&tb);
	c = trust_conflicts(t, &n);
	T_OK(n == 1 && c[0].nholds == 3, "a third key: conflict, all three");
	trust_free(t);

	tb_succ(&tb, 1, 4);
	tb_succ(&tb, 99, 4);	/* unknown keys are ignored */
	t = tb_run(&tb);
	trust_conflicts(t, &n);
	T_EQ(n, 0, "a chain of successors: no conflict");
	trust_free(t);
	tb_free(&tb);

	/* below threshold: no name, so no conflict */
	tb_init(&tb);
	tb.threshold = 2;
	tb_vouch(&tb, 0, 1, "one", 1, NULL);
	tb_vouch(&tb, 0, 2, "two", 1, NULL);
	tb_vouch(&tb, 0, 3, "h.x", 1, NULL);
	tb_vouch(&tb, 1, 4, "h.x", 0, NULL);
	tb_vouch(&tb, 2, 4, "g.x", 0, NULL);
	t = tb_run(&tb);
	trust_conflicts(t, &n);
	T_OK(tb_trusted(t, 4) && n == 0, "an unagreed name does not conflict");
	trust_free(t);
	tb_free(&tb);
}

void
test_threshold(void)
{
	test_two();
	test_signers();
	test_order();
}

void
test_conflicts(void)
{
	test_conflict();
}
