/*
 * Unit tests for building and signing certificates and for kith's
 * extensions (depth@kith, scope@kith, local@kith).
 */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "test.h"
#include "t_cert.h"

#define T_2026	1767225600ULL	/* 2026-01-01T00:00:00Z */

/* A host certificate on a fresh key for name, unsigned. */
static struct cert *
new_cert(const char *name)
{
	struct key *k = tc_keygen();
	struct cert *c;

	if ((c = cert_new()) == NULL || cert_set_keyid(c, "id") != 0 ||
	    (name != NULL && cert_add_principal(c, name) != 0))
		exit(1);
	memcpy(c->pk, k->pk, sizeof(c->pk));
	key_free(k);
	return c;
}

static void
rename_opt(struct certopt *o, const char *name)
{
	free(o->name);
	if ((o->name = strdup(name)) == NULL)
		exit(1);
}

static void
builder_principals(struct cert *c)
{
	char big[KITH_MAXNAME + 2];
	size_t i;

	T_OK(c->type == CERT_TYPE_HOST && c->valid_after == 0 &&
	    c->valid_before == CERT_FOREVER && c->noncelen == 0 &&
	    c->nprincipals == 0, "cert_new: host, always..forever");
	T_EQ(cert_add_principal(c, ""), KE_FORMAT, "empty principal");
	T_EQ(cert_add_principal(c, "a b"), KE_FORMAT, "principal with space");
	T_EQ(cert_add_principal(c, "a\tb"), KE_FORMAT, "principal with tab");
	T_EQ(cert_add_principal(c, "a,b"), KE_FORMAT, "principal with comma");
	T_EQ(cert_add_principal(c, "*"), KE_FORMAT, "principal *");
	T_EQ(cert_add_principal(c, "*.example.com"), KE_FORMAT,
	    "wildcard principal");
	T_EQ(cert_add_principal(c, "a?"), KE_FORMAT, "principal with ?");
	T_EQ(cert_add_principal(c, "!a"), KE_FORMAT, "negated principal");
	T_EQ(cert_add_principal(c, "a\x7f"), KE_FORMAT, "principal with DEL");
	T_EQ(cert_add_principal(c, "a\n"), KE_FORMAT, "principal with LF");
	T_EQ(cert_add_principal(c, ".a"), KE_FORMAT, "leading dot");
	memset(big, 'a', sizeof(big));
	big[KITH_MAXNAME + 1] = '\0';
	T_EQ(cert_add_principal(c, big), KE_TOOLONG, "principal too long");
	T_EQ(cert_set_keyid(c, big), KE_TOOLONG, "key id too long");
	big[KITH_MAXNAME] = '\0';
	T_EQ(cert_add_principal(c, big), 0, "principal of KITH_MAXNAME");
	T_EQ(cert_add_principal(c, "b\xc3\xbc" "cher.example"), 0,
	    "UTF-8 principal");
	T_EQ(cert_add_principal(c, big), KE_EXISTS, "repeated principal");
	for (i = c->nprincipals; i < CERT_MAXPRINCIPALS; i++) {
		snprintf(big, sizeof(big), "h%zu", i);
		if (cert_add_principal(c, big) != 0)
			break;
	}
	T_EQ(c->nprincipals, CERT_MAXPRINCIPALS, "256 principals");
	T_EQ(cert_add_principal(c, "one-more"), KE_TOOMANY, "257th refused");
}

static void
builder_options(struct cert *c)
{
	char name[32];
	size_t i;

	T_EQ(cert_add_ext(c, "x@example.com", "v"), 0, "add extension");
	T_EQ(cert_add_ext(c, "x@example.com", NULL), KE_EXISTS,
	    "repeated extension");
	T_EQ(cert_add_critical(c, "x@example.com", NULL), 0,
	    "same name as a critical option");
	for (i = c->next; i < CERT_MAXOPTS; i++) {
		snprintf(name, sizeof(name), "e%zu", i);
		if (cert_add_ext(c, name, NULL) != 0)
			break;
	}
	T_EQ(cert_add_ext(c, "one-more", NULL), KE_TOOMANY, "65th refused");
	T_EQ(cert_set_depth(c, 256), KE_RANGE, "depth 256 refused");
}

void
tc_builder(void)
{
	struct cert *c = cert_new();

	builder_principals(c);
	builder_options(c);
	cert_free(c);

	c = cert_new();
	T_EQ(cert_set_depth(c, 0), 0, "depth 0");
	T_EQ(cert_set_depth(c, 1), KE_EXISTS, "depth twice");
	T_OK(c->next == 1 && c->ext[0].len == 5 &&
	    memcmp(c->ext[0].data, "\0\0\0\1" "0", 5) == 0,
	    "depth 0 is string(\"0\")");
	T_EQ(cert_set_local(c), 0, "local");
	T_OK(c->next == 2 && c->ext[1].len == 0, "local is a flag");
	T_EQ(cert_set_scope(c, "*.a.example,b.example,"), KE_FORMAT,
	    "scope with an empty pattern");
	T_EQ(c->next, 2, "refused scope not added");
	T_EQ(cert_set_scope(c, "*.a.example,b.example"), 0, "scope");
	T_OK(c->next == 3 && c->ext[2].len == 4 + 21 &&
	    memcmp(c->ext[2].data + 4, "*.a.example,b.example", 21) == 0,
	    "scope is the list as text");
	cert_free(c);
	cert_free(NULL);
}

/* Builds golden name from scratch with its nonce: ssh-keygen's blob. */
static void
same_as_golden(const char *name, struct cert *c)
{
	struct key *g = tc_load(name), *ca = tc_ca();

	memcpy(c->pk, g->pk, sizeof(c->pk));
	memcpy(c->nonce, g->cert->nonce, sizeof(c->nonce));
	c->noncelen = g->cert->noncelen;
	T_EQ(cert_sign(c, ca), 0, "%s from scratch: signed", name);
	T_OK(c->bloblen == g->cert->bloblen &&
	    memcmp(c->blob, g->cert->blob, c->bloblen) == 0,
	    "%s from scratch: byte-identical to ssh-keygen", name);
	cert_free(c);
	key_free(ca);
	key_free(g);
}

static void
sign_goldens(void)
{
	struct cert *c = cert_new();

	/* options added out of order: the encoder sorts them */
	cert_set_keyid(c, "vouch");
	cert_add_principal(c, "db1.example.com");
	cert_add_principal(c, "db1");
	c->serial = 42;
	c->valid_after = T_2026;
	cert_add_ext(c, "zz@example.com", "hello");
	cert_set_scope(c, "*.db.example.com,*.example.org");
	cert_set_local(c);
	cert_set_depth(c, 2);
	same_as_golden("vouch", c);

	c = cert_new();
	cert_set_keyid(c, "crit");
	cert_add_principal(c, "h");
	cert_add_critical(c, "zz@example.com", NULL);
	cert_add_critical(c, "force-command", "ls");
	cert_add_critical(c, "aa@example.com", "1");
	same_as_golden("crit", c);

	c = cert_new();
	cert_set_keyid(c, "alice");
	cert_add_principal(c, "alice");
	c->type = CERT_TYPE_USER;
	c->valid_after = T_2026;
	c->valid_before = T_2026 + 31 * 86400;
	cert_add_ext(c, "permit-user-rc", NULL);
	cert_add_ext(c, "permit-pty", NULL);
	cert_add_ext(c, "permit-port-forwarding", NULL);
	cert_add_ext(c, "permit-agent-forwarding", NULL);
	cert_add_ext(c, "permit-X11-forwarding", NULL);
	same_as_golden("user", c);
}

/* The fields of the round-trip certificate; options in any order. */
static void
fill(struct cert *c, int order)
{
	cert_add_principal(c, "a.example");
	c->serial = 99;
	c->valid_after = 100;
	c->valid_before = 200;
	if (order) {
		cert_add_ext(c, "zz@x", "val");
		cert_set_local(c);
		cert_set_depth(c, 3);
		cert_set_scope(c, "*.example");
	} else {
		cert_set_scope(c, "*.example");
		cert_set_depth(c, 3);
		cert_set_local(c);
		cert_add_ext(c, "zz@x", "val");
	}
}

/* The same fields with a fresh nonce sign differently; with c's, alike. */
static void
nonces(const struct cert *c, const struct key *s)
{
	struct cert *q = new_cert("b.example");

	memcpy(q->pk, c->pk, 32);
	fill(q, 0);
	T_EQ(cert_sign(q, s), 0, "second cert signed");
	T_OK(q->bloblen == c->bloblen &&
	    memcmp(q->blob, c->blob, c->bloblen) != 0, "fresh nonce differs");
	memcpy(q->nonce, c->nonce, 32);
	T_EQ(cert_sign(q, s), 0, "re-signed with the first nonce");
	T_OK(q->bloblen == c->bloblen &&
	    memcmp(q->blob, c->blob, c->bloblen) == 0, "then identical");
	cert_free(q);
}

static void
round_trip(void)
{
	struct key *s = tc_keygen(), *k;
	struct cert *c = new_cert("b.example"), *p = NULL;
	struct buf *b = buf_new();

	fill(c, 1);
	T_EQ(cert_sign(c, s), 0, "round trip: sign");
	T_EQ(c->noncelen, 32, "round trip: nonce picked");
	T_EQ(cert_parse(c->blob, c->bloblen, &p), 0, "round trip: parse");
	T_OK(p->serial == 99 && p->type == CERT_TYPE_HOST &&
	    p->valid_after == 100 && p->valid_before == 200 &&
	    strcmp(p->keyid, "id") == 0 &&
	    memcmp(p->pk, c->pk, 32) == 0 &&
	    memcmp(p->signkey, s->pk, 32) == 0 &&
	    memcmp(p->nonce, c->nonce, 32) == 0, "round trip: fields");
	T_OK(p->nprincipals == 2 &&
	    strcmp(p->principals[0], "b.example") == 0 &&
	    strcmp(p->principals[1], "a.example") == 0,
	    "round trip: principals keep their order");
	T_OK(p->next == 4 && strcmp(p->ext[0].name, "depth@kith") == 0 &&
	    strcmp(p->ext[1].name, "local@kith") == 0 &&
	    strcmp(p->ext[2].name, "scope@kith") == 0 &&
	    strcmp(p->ext[3].name, "zz@x") == 0, "round trip: sorted");
	T_EQ(cert_check_vouch(p), 0, "round trip: a vouch");
	T_OK(p->signedlen == c->signedlen && memcmp(p->sig, c->sig, 64) == 0,
	    "round trip: signature");
	T_EQ(cert_put_blob(b, p), 0, "round trip: blob");
	T_EQ(key_from_blob(b, &k), 0, "round trip: key_from_blob");
	T_OK(k->cert != NULL && memcmp(k->pk, c->pk, 32) == 0,
	    "round trip: the key is the subject");
	key_free(k);
	nonces(c, s);
	cert_free(p);
	cert_free(c);
	buf_free(b);
	key_free(s);
}

static void
sign_errors(void)
{
	struct key *s = tc_keygen(), *o = tc_keygen(), *pub;
	struct cert *c;
	struct buf *tbs = buf_new();
	u_char sig[KEY_SIGLEN];

	c = new_cert(NULL);
	T_EQ(cert_sign(c, s), KE_CERT, "no principals");
	cert_add_principal(c, "h");
	free(c->keyid);
	c->keyid = NULL;
	T_EQ(cert_sign(c, s), KE_CERT, "no key id");
	cert_set_keyid(c, "id");
	c->type = 3;
	T_EQ(cert_sign(c, s), KE_CERT, "type 3");
	c->type = CERT_TYPE_HOST;
	c->valid_after = c->valid_before = 5;
	T_EQ(cert_sign(c, s), KE_RANGE, "empty interval");
	c->valid_after = 0;
	cert_add_ext(c, "a", NULL);
	cert_add_ext(c, "b", NULL);
	rename_opt(&c->ext[1], "a");
	T_EQ(cert_sign(c, s), KE_CERT, "repeated extension name");
	rename_opt(&c->ext[1], "b");
	free(c->principals[0]);
	c->principals[0] = strdup("a b");
	T_EQ(cert_sign(c, s), KE_CERT, "bad principal");
	free(c->principals[0]);
	c->principals[0] = strdup("h");
	key_copy_public(s, &pub);
	T_EQ(cert_sign(c, pub), KE_NOSECRET, "signer without private half");
	key_free(pub);
	T_EQ(c->blob == NULL && c->bloblen == 0, 1, "nothing signed yet");

	/* an agent answering with a bad signature */
	T_EQ(cert_encode_tbs(c, s->pk, tbs), 0, "tbs");
	memset(sig, 0, sizeof(sig));
	T_EQ(cert_attach_sig(c, sig), KE_SIGNATURE, "zero signature refused");
	key_sign_raw(o, buf_ptr(tbs), buf_len(tbs), sig);
	T_EQ(cert_attach_sig(c, sig), KE_SIGNATURE, "other key refused");
	T_OK(c->blob == NULL, "still unsigned");
	key_sign_raw(s, buf_ptr(tbs), buf_len(tbs), sig);
	T_EQ(cert_attach_sig(c, sig), 0, "right signature attached");
	T_EQ(cert_verify(c), 0, "and verifies");
	T_EQ(c->signedlen, buf_len(tbs), "signedlen is the tbs length");
	cert_free(c);
	buf_free(tbs);
	key_free(o);
	key_free(s);
}

void
tc_sign(void)
{
	sign_goldens();
	round_trip();
	sign_errors();
}

void
tc_depth(void)
{
	static const struct {
		const char	*v;
		int		 r;
		u_int		 depth;
	} t[] = {
		{ "0", 0, 0 }, { "1", 0, 1 }, { "9", 0, 9 }, { "10", 0, 10 },
		{ "255", 0, 255 }, { "256", KE_FORMAT, 0 },
		{ "1000", KE_FORMAT, 0 }, { "", KE_FORMAT, 0 },
		{ "+1", KE_FORMAT, 0 }, { "-0", KE_FORMAT, 0 },
		{ "01", KE_FORMAT, 0 }, { "00", KE_FORMAT, 0 },
		{ " 1", KE_FORMAT, 0 }, { "1 ", KE_FORMAT, 0 },
		{ "0x1", KE_FORMAT, 0 }, { "1e2", KE_FORMAT, 0 },
		{ "abc", KE_FORMAT, 0 }, { "\xd9\xa1", KE_FORMAT, 0 },
	};
	struct cert *c;
	u_int depth;
	size_t i;

	for (i = 0; i < nitems(t); i++) {
		c = cert_new();
		cert_add_ext(c, CERT_EXT_DEPTH, t[i].v);
		depth = 77;
		T_EQ(cert_depth(c, &depth), t[i].r, "depth \"%s\"", t[i].v);
		T_EQ(depth, t[i].depth, "depth \"%s\" value", t[i].v);
		cert_free(c);
	}
	c = cert_new();
	cert_add_ext(c, CERT_EXT_DEPTH, NULL);
	T_EQ(cert_depth(c, &depth), KE_FORMAT, "depth as a flag");
	cert_free(c);
	c = cert_new();
	tc_raw_ext(c, CERT_EXT_DEPTH, "\0\0\0\1" "1" "x", 6);
	T_EQ(cert_depth(c, &depth), KE_FORMAT, "depth with trailing data");
	cert_free(c);
	c = cert_new();
	tc_raw_ext(c, CERT_EXT_DEPTH, "\0\0\0\2" "1", 5);
	T_EQ(cert_depth(c, &depth), KE_FORMAT, "depth truncated");
	cert_free(c);
	c = cert_new();
	tc_raw_ext(c, CERT_EXT_DEPTH, "\0\0\0\2" "1\0", 6);
	T_EQ(cert_depth(c, &depth), KE_FORMAT, "depth with a NUL");
	cert_free(c);
	c = cert_new();
	tc_raw_ext(c, CERT_EXT_DEPTH, "1", 1);
	T_EQ(cert_depth(c, &depth), KE_FORMAT, "depth not string-in-string");
	cert_free(c);
	c = cert_new();
	tc_raw_ext(c, "depth@kith.evil", "\0\0\0\1" "5", 5);
	T_OK(cert_depth(c, &depth) == 0 && depth == 0, "other names ignored");
	cert_free(c);
}

static void
scope_values(void)
{
	static const struct {
		const char	*v;
		int		 r;
		size_t		 n;
	} t[] = {
		{ "*.example.com", 0, 1 }, { "host.example.com", 0, 1 },
		{ "*.a.example,b.example,*.c", 0, 3 }, { "", KE_FORMAT, 0 },
		{ ",", KE_FORMAT, 0 }, { "*.a,", KE_FORMAT, 0 },
		{ ",*.a", KE_FORMAT, 0 }, { "*", KE_FORMAT, 0 },
		{ "*.", KE_FORMAT, 0 }, { "*a.example", KE_FORMAT, 0 },
		{ "a.*.example", KE_FORMAT, 0 },
		{ "*.*.example", KE_FORMAT, 0 },
		{ "?.example", KE_FORMAT, 0 }, { "!a.example", KE_FORMAT, 0 },
		{ "*.a example", KE_FORMAT, 0 }, { "*.a, *.b", KE_FORMAT, 0 },
		{ "*..a", KE_FORMAT, 0 }, { ".a", KE_FORMAT, 0 },
	};
	struct cert *c;
	char **p;
	size_t i, n;

	for (i = 0; i < nitems(t); i++) {
		c = cert_new();
		cert_add_ext(c, CERT_EXT_SCOPE, t[i].v);
		n = 99;
		T_EQ(cert_scope(c, &p, &n), t[i].r, "scope \"%s\"", t[i].v);
		T_OK(n == t[i].n && (n == 0) == (p == NULL),
		    "scope \"%s\": %zu patterns", t[i].v, t[i].n);
		cert_scope_free(p, n);
		cert_free(c);
		c = cert_new();
		T_EQ(cert_set_scope(c, t[i].v) == 0, t[i].r == 0,
		    "cert_set_scope \"%s\" agrees", t[i].v);
		cert_free(c);
	}
	c = cert_new();
	cert_add_ext(c, CERT_EXT_SCOPE, NULL);
	T_EQ(cert_scope(c, &p, &n), KE_FORMAT, "scope as a flag");
	cert_add_ext(c, "x", NULL);
	rename_opt(&c->ext[1], CERT_EXT_SCOPE);
	T_EQ(cert_scope(c, &p, &n), KE_CERT, "scope twice");
	cert_free(c);
}

static void
scope_limits(void)
{
	struct buf *b = buf_new();
	struct cert *c = cert_new();
	char **p, *s;
	size_t i, n;

	for (i = 0; i < CERT_MAXSCOPE; i++)
		buf_put(b, "*.a,", 4);
	buf_put(b, "*.a", 3);
	s = buf_dup_cstring(b);
	T_EQ(cert_set_scope(c, s), KE_TOOMANY, "257 patterns refused");
	cert_add_ext(c, CERT_EXT_SCOPE, s);
	T_EQ(cert_scope(c, &p, &n), KE_TOOMANY, "257 patterns unreadable");
	T_OK(p == NULL && n == 0, "nothing returned");
	s[buf_len(b) - 4] = '\0';
	cert_free(c);
	c = cert_new();
	T_EQ(cert_set_scope(c, s), 0, "256 patterns");
	T_OK(cert_scope(c, &p, &n) == 0 && n == CERT_MAXSCOPE,
	    "256 patterns read");
	cert_scope_free(p, n);
	cert_scope_free(NULL, 0);
	free(s);
	cert_free(c);
	buf_free(b);
}

void
tc_scope(void)
{
	scope_values();
	scope_limits();
}

static void
format_errors(void)
{
	struct cert *c = new_cert("h");
	struct buf *b = buf_new();

	buf_put(b, "keep", 4);
	cert_add_ext(c, "permit-pty", "x");
	T_EQ(cert_format_L(b, "f", c), KE_CERT, "permit-pty with data");
	T_OK(tc_buf_is(b, "keep"), "output untouched on error");
	cert_free(c);
	c = new_cert("h");
	cert_add_critical(c, "force-command", NULL);
	T_EQ(cert_format_L(b, "f", c), KE_CERT, "force-command without data");
	cert_free(c);
	c = new_cert("h");
	cert_add_critical(c, "verify-required", NULL);
	c->type = 3;
	buf_reset(b);
	T_EQ(cert_format_L(b, "f", c), 0, "verify-required, type 3");
	buf_put_u8(b, 0);
	T_OK(strstr((const char *)buf_ptr(b), " unknown certificate\n") != NULL,
	    "type 3 is an unknown certificate");
	T_OK(strstr((const char *)buf_ptr(b),
	    "Critical Options: \n                verify-required\n") != NULL,
	    "verify-required is a known flag");
	cert_free(c);
	buf_free(b);
}

void
tc_vouch(void)
{
	struct cert *c;

	c = new_cert("h");
	T_EQ(cert_check_vouch(c), 0, "built vouch passes");
	c->type = CERT_TYPE_USER;
	T_EQ(cert_check_vouch(c), KE_CERT, "user certificate");
	cert_add_critical(c, "force-command", "ls");
	T_EQ(cert_check_vouch(c), KE_CERT, "user with critical: KE_CERT");
	c->type = CERT_TYPE_HOST;
	T_EQ(cert_check_vouch(c), KE_CRITICAL, "host with critical");
	cert_free(c);
	c = new_cert(NULL);
	T_EQ(cert_check_vouch(c), KE_CERT, "no principals");
	cert_free(c);
	c = new_cert("h");
	tc_raw_ext(c, "zz@example.com", "\xff", 1);
	T_EQ(cert_check_vouch(c), 0, "unknown extension with junk passes");
	cert_add_ext(c, CERT_EXT_LOCAL, "");
	T_EQ(cert_check_vouch(c), KE_FORMAT, "local@kith with data");
	T_EQ(cert_is_local(c), 1, "but it counts as local");
	cert_free(c);
	c = new_cert("h");
	cert_add_ext(c, CERT_EXT_SCOPE, "*.a,");
	T_EQ(cert_check_vouch(c), KE_FORMAT, "bad scope");
	cert_free(c);
	c = new_cert("h");
	cert_set_local(c);
	cert_add_ext(c, "x", NULL);
	rename_opt(&c->ext[1], CERT_EXT_LOCAL);
	T_EQ(cert_check_vouch(c), KE_CERT, "local@kith twice");
	cert_free(c);
	format_errors();
}
