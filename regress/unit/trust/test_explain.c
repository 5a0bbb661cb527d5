/* Unit tests for lib/trustexplain.c and lib/trustfmt.c. */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "kerr.h"
#include "trust.h"
#include "test.h"
#include "t_trust.h"

/* The explanation of key n (or of name, with n < 0) as text. */
static char *
explain_text(const struct trust *t, int n, const char *name, size_t max,
    trust_keyname_fn *fn)
{
	struct trust_explain *e;
	struct buf *b;
	u_char pk[TRUST_PKLEN];
	char *s;

	tb_pk(n < 0 ? 0 : (u_int)n, pk);
	if (trust_explain(t, n < 0 ? NULL : pk, name, max, &e) != 0 ||
	    (b = buf_new()) == NULL ||
	    trust_explain_format(b, t, e, fn, NULL) != 0 ||
	    (s = buf_dup_cstring(b)) == NULL)
		exit(1);
	buf_free(b);
	trust_explain_free(e);
	return s;
}

/* Compares explain_text with want, showing both when they differ. */
static void
check_text(const struct trust *t, int n, const char *name, size_t max,
    const char *want, const char *what)
{
	char *s = explain_text(t, n, name, max, tb_keyname);

	T_STR(s, want, "%s", what);
	if (strcmp(s, want) != 0)
		printf("# got:\n%s# want:\n%s", s, want);
	free(s);
}

static void
test_trusted(void)
{
	struct tb tb;
	struct trust *t;
	struct trust_explain *e;
	u_char pk[TRUST_PKLEN];
	size_t a, b;

	tb_init(&tb);
	a = tb_vouch(&tb, 0, 1, "a.x", 2, "*.x");
	b = tb_vouch(&tb, 1, 2, "b.x", 0, NULL);
	tb.v[b].valid_after = 0;
	tb.v[b].valid_before = 86400 * 365;
	tb.v[b].serial = 42;
	t = tb_run(&tb);
	tb_pk(2, pk);
	T_EQ(trust_explain(t, pk, NULL, 0, &e), 0, "explain K2");
	T_OK(e->nwhy == 1 && e->why[0].trusted && e->why[0].npaths == 1,
	    "trusted, one path");
	T_OK(e->why[0].paths[0].nhops == 2 &&
	    e->why[0].paths[0].hops[0].vouch == a &&
	    e->why[0].paths[0].hops[0].depth == 2 &&
	    e->why[0].paths[0].hops[1].vouch == b &&
	    e->why[0].paths[0].hops[1].status == TRUST_V_COUNTED,
	    "root -> K1 -> K2");
	trust_explain_free(e);
	check_text(t, 2, NULL, 0,
	    "K2: trusted: 1 of 1 signers, remaining depth 0, "
	    "path length 2\n"
	    "  path 1:\n"
	    "    R -> K1: serial 1, names a.x, depth 2, scope *.x, "
	    "valid forever: counted, remaining depth 2\n"
	    "    K1 -> K2: serial 42, names b.x, depth 0, valid before "
	    "1971-01-01T00:00:00: counted, remaining depth 0\n",
	    "text: trusted");
	check_text(t, 0, NULL, 0, "R: trusted: the root (your own key)\n",
	    "text: the root");
	check_text(t, 2, "B.x", 0,
	    "K2: trusted for B.x: 1 of 1 signers, remaining depth 0, "
	    "path length 2\n"
	    "  path 1:\n"
	    "    R -> K1: serial 1, names a.x, depth 2, scope *.x, "
	    "valid forever: counted, remaining depth 2\n"
	    "    K1 -> K2: serial 42, names b.x, depth 0, valid before "
	    "1971-01-01T00:00:00: counted, remaining depth 0\n",
	    "text: trusted for a name");
	check_text(t, 2, "c.x", 0,
	    "K2: not trusted for c.x: 0 of 1 signers\n"
	    "  no vouch from a trusted key reaches it with that name\n",
	    "text: trusted key, other name");
	trust_free(t);
	tb_free(&tb);
}

static void
test_untrusted(void)
{
	struct tb tb;
	struct trust *t;

	tb_init(&tb);
	tb_vouch(&tb, 0, 1, "a.x", 1, "*.x");
	tb_vouch(&tb, 1, 2, "b.y", 3, NULL);
	tb_vouch(&tb, 2, 3, "c.x", 0, NULL);
	tb_vouch(&tb, 0, 4, "d.x", 0, NULL);
	tb_vouch(&tb, 4, 5, "e.x", 0, NULL);
	tb_vouch(&tb, 5, 3, "c.x", 0, NULL);
	tb.v[tb_vouch(&tb, 0, 6, "f.x", 0, NULL)].valid_before = TB_NOW;
	tb_vouch(&tb, 7, 8, "g.x", 0, NULL);
	tb_vouch(&tb, 8, 7, "h.x", 0, NULL);
	t = tb_run(&tb);
	check_text(t, 3, NULL, 0,
	    "K3: not trusted: 0 of 1 signers\n"
	    "  failure 1:\n"
	    "    R -> K1: serial 1, names a.x, depth 1, scope *.x, "
	    "valid forever: counted, remaining depth 1\n"
	    "    K1 -> K2: serial 2, names b.y, depth 3, valid forever: "
	    "name outside scope: b.y not in *.x given to K1\n"
	    "    K2 -> K3: serial 3, names c.x, depth 0, valid forever: "
	    "signer not trusted\n"
	    "  failure 2:\n"
	    "    R -> K4: serial 4, names d.x, depth 0, valid forever: "
	    "counted, remaining depth 0\n"
	    "    K4 -> K5: serial 5, names e.x, depth 0, valid forever: "
	    "signer has no depth left\n"
	    "    K5 -> K3: serial 6, names c.x, depth 0, valid forever: "
	    "signer not trusted\n",
	    "text: nearest failures, through inert vouches");
	check_text(t, 3, NULL, 1,
	    "K3: not trusted: 0 of 1 signers\n"
	    "  failure 1:\n"
	    "    R -> K1: serial 1, names a.x, depth 1, scope *.x, "
	    "valid forever: counted, remaining depth 1\n"
	    "    K1 -> K2: serial 2, names b.y, depth 3, valid forever: "
	    "name outside scope: b.y not in *.x given to K1\n"
	    "    K2 -> K3: serial 3, names c.x, depth 0, valid forever: "
	    "signer not trusted\n"
	    "  more paths not shown\n",
	    "text: cap on paths");
	check_text(t, 6, NULL, 0,
	    "K6: not trusted: 0 of 1 signers\n"
	    "  failure 1:\n"
	    "    R -> K6: serial 7, names f.x, depth 0, valid before "
	    "1970-01-01T00:16:40: expired\n",
	    "text: expired");
	check_text(t, 7, NULL, 0,
	    "K7: not trusted: 0 of 1 signers\n"
	    "  no vouch from a trusted key reaches it\n",
	    "text: a loop of untrusted keys");
	check_text(t, 9, NULL, 0,
	    "K9: not trusted: 0 of 1 signers\n"
	    "  no vouch from a trusted key reaches it\n",
	    "text: a key no vouch names");
	trust_free(t);
	tb_free(&tb);
}

static void
test_names(void)
{
	struct tb tb;
	struct trust *t;
	struct trust_explain *e;

	tb_init(&tb);
	tb.threshold = 2;
	tb_vouch(&tb, 0, 1, "a", 1, NULL);
	tb_vouch(&tb, 0, 2, "b", 1, NULL);
	tb_vouch(&tb, 0, 3, "h", 0, NULL);
	tb_vouch(&tb, 1, 4, "h,i", 0, NULL);
	tb_vouch(&tb, 2, 4, "i", 0, NULL);
	tb_vouch(&tb, 1, 5, "h", 0, NULL);
	t = tb_run(&tb);
	check_text(t, -1, "H", 0,
	    "K3: trusted for H: 1 of 2 signers, remaining depth 0, "
	    "path length 1\n"
	    "  path 1:\n"
	    "    R -> K3: serial 3, names h, depth 0, valid forever: "
	    "counted, remaining depth 0\n"
	    "K4: not trusted for H: 1 of 2 signers\n"
	    "  failure 1:\n"
	    "    R -> K1: serial 1, names a, depth 1, valid forever: "
	    "counted, remaining depth 1\n"
	    "    K1 -> K4: serial 4, names h,i, depth 0, valid forever: "
	    "below threshold: 1 of 2 signers\n"
	    "K5: not trusted for H: 1 of 2 signers\n"
	    "  failure 1:\n"
	    "    R -> K1: serial 1, names a, depth 1, valid forever: "
	    "counted, remaining depth 1\n"
	    "    K1 -> K5: serial 6, names h, depth 0, valid forever: "
	    "below threshold: 1 of 2 signers\n",
	    "text: every key named h");
	check_text(t, 4, NULL, 0,
	    "K4: trusted: 2 of 2 signers, remaining depth 0, "
	    "path length 2\n"
	    "  path 1:\n"
	    "    R -> K1: serial 1, names a, depth 1, valid forever: "
	    "counted, remaining depth 1\n"
	    "    K1 -> K4: serial 4, names h,i, depth 0, valid forever: "
	    "counted, remaining depth 0\n"
	    "  path 2:\n"
	    "    R -> K2: serial 2, names b, depth 1, valid forever: "
	    "counted, remaining depth 1\n"
	    "    K2 -> K4: serial 5, names i, depth 0, valid forever: "
	    "counted, remaining depth 0\n",
	    "text: a path per signer");
	check_text(t, -1, "nobody", 0, "no vouch names nobody\n",
	    "text: an unknown name");
	T_EQ(trust_explain(t, NULL, NULL, 0, &e), KE_INTERNAL,
	    "explain needs a key or a name");
	trust_free(t);
	tb_free(&tb);
}

/* Untrusted text is escaped; the default names are fingerprints. */
static void
test_escape(void)
{
	struct tb tb;
	struct trust *t;
	char *s;

	tb_init(&tb);
	tb_vouch(&tb, 0, 1, "a\nK9: trusted,b\\c", 0, "x y");
	t = tb_run(&tb);
	s = explain_text(t, 1, NULL, 0, tb_keyname);
	T_OK(strstr(s, "names a\\x0aK9:\\x20trusted,b\\x5cc, depth 0, "
	    "scope x\\x20y,") != NULL, "names and scope escaped");
	free(s);
	s = explain_text(t, 1, NULL, 0, NULL);
	T_OK(strncmp(s, "SHA256:", 7) == 0 && strchr(s, ' ') != NULL &&
	    strstr(s, ": trusted: 1 of 1 signers") != NULL,
	    "fingerprints by default");
	free(s);
	trust_free(t);
	tb_free(&tb);
}

/*
 * A key at the grant cap: its head line says so, since a path shown may
 * be one of the routes not kept (deeper than the depth reported).
 */
static void
test_capped(void)
{
	struct tb tb;
	struct trust *t;
	u_int j, h, prev, next = 100;
	char *s;

	_Static_assert(TRUST_MAXGRANTS == 8, "TRUST_MAXGRANTS_S");
	tb_init(&tb);
	for (j = 1; j <= 10; j++) {
		for (prev = 0, h = 1; h < j; h++, prev = next++)
			tb_vouch(&tb, prev, next, "x", TRUST_MAXDEPTH, NULL);
		tb_vouch(&tb, prev, 1, "t", 10 + j, NULL);
	}
	t = tb_run(&tb);
	s = explain_text(t, 1, NULL, 0, tb_keyname);
	T_OK(strstr(s, "(routes capped at 8: these are the kept ones; a path "
	    "below may be one not kept)\n") != NULL, "a capped key's "
	    "explanation says the routes were capped");
	free(s);
	s = explain_text(t, 100, NULL, 0, tb_keyname);
	T_OK(strstr(s, "capped") == NULL, "an uncapped key's does not");
	free(s);
	trust_free(t);
	tb_free(&tb);
}

void
test_explain(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	test_trusted();
	test_untrusted();
	test_names();
	test_escape();
	test_capped();
}
