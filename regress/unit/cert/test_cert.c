/*
 * Unit tests for lib/cert.c against ssh-keygen's certificates and its
 * -L listings (regress/data/cert, made by mkdata.sh).
 */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "buf.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "test.h"
#include "t_cert.h"

#define T_2026	1767225600ULL	/* 2026-01-01T00:00:00Z */
#define T_2027	1798761600ULL	/* 2027-01-01T00:00:00Z */

void
tc_tz(const char *tz)
{
	setenv("TZ", tz == NULL ? "UTC" : tz, 1);
	tzset();
}

struct key *
tc_load(const char *name)
{
	char path[256];
	struct key *k = NULL;
	u_char *text;
	size_t len, used;
	int r;

	snprintf(path, sizeof(path), TC_DATA "/%s-cert.pub", name);
	text = t_slurp(path, &len);
	if ((r = key_parse_text((char *)text, len, &k, &used)) != 0 ||
	    k->cert == NULL) {
		fprintf(stderr, "%s: %s\n", path, kith_strerror(r));
		exit(1);
	}
	free(text);
	return k;
}

struct key *
tc_ca(void)
{
	struct key *k;
	u_char *seed;
	size_t len;
	char *text;

	text = (char *)t_slurp(TC_DATA "/ca.seed", &len);
	seed = t_unhex(text, &len);
	if (len != 32 || (k = key_new()) == NULL || key_set_seed(k, seed) != 0)
		exit(1);
	free(seed);
	free(text);
	return k;
}

struct key *
tc_keygen(void)
{
	struct key *k;

	if (key_generate(&k) != 0)
		exit(1);
	return k;
}

int
tc_buf_is(const struct buf *b, const char *s)
{
	return buf_len(b) == strlen(s) &&
	    memcmp(buf_ptr(b), s, buf_len(b)) == 0;
}

void
tc_raw_ext(struct cert *c, const char *name, const void *p, size_t len)
{
	struct certopt *o;

	if (cert_add_ext(c, name, NULL) != 0)
		exit(1);
	o = &c->ext[c->next - 1];
	free(o->data);
	if ((o->data = malloc(len + 1)) == NULL)
		exit(1);
	memcpy(o->data, p, len);
	o->len = len;
}

/* The -L listing of name matches ssh-keygen's, in tz (NULL: UTC). */
static void
check_L(const char *name, const char *tz, const char *golden)
{
	struct key *k = tc_load(name);
	struct buf *b = buf_new();
	char path[256], label[64];
	u_char *want;
	size_t len;

	snprintf(path, sizeof(path), TC_DATA "/%s", golden);
	snprintf(label, sizeof(label), "%s-cert.pub", name);
	want = t_slurp(path, &len);
	tc_tz(tz);
	T_EQ(cert_format_L(b, label, k->cert), 0, "%s: format -L", golden);
	T_OK(buf_len(b) == len && memcmp(buf_ptr(b), want, len) == 0,
	    "%s: same as ssh-keygen -L", golden);
	tc_tz(NULL);
	free(want);
	buf_free(b);
	key_free(k);
}

/* Re-signing name's fields with the CA gives ssh-keygen's blob, or r. */
static void
check_resign(const char *name, int want)
{
	struct key *k = tc_load(name), *ca = tc_ca();
	struct cert *c = k->cert;
	struct buf *orig = buf_new(), *tbs = buf_new();
	int r;

	cert_put_blob(orig, c);
	r = cert_sign(c, ca);
	T_EQ(r, want, "%s: re-sign gives %s", name, kith_strerror(want));
	if (r == 0) {
		T_OK(c->bloblen == buf_len(orig) && memcmp(c->blob,
		    buf_ptr(orig), c->bloblen) == 0,
		    "%s: re-signed blob is ssh-keygen's", name);
		/* the agent path: to-be-signed bytes, then the signature */
		T_EQ(cert_encode_tbs(c, c->signkey, tbs), 0, "%s: tbs", name);
		T_OK(buf_len(tbs) == c->signedlen &&
		    memcmp(buf_ptr(tbs), buf_ptr(orig), c->signedlen) == 0,
		    "%s: tbs is the signed part", name);
		free(c->blob);
		c->blob = NULL;
		T_EQ(cert_attach_sig(c, c->sig), 0, "%s: attach sig", name);
		T_OK(c->bloblen == buf_len(orig) && memcmp(c->blob,
		    buf_ptr(orig), c->bloblen) == 0,
		    "%s: attached blob is ssh-keygen's", name);
	}
	buf_free(tbs);
	buf_free(orig);
	key_free(ca);
	key_free(k);
}

static void
test_plain(void)
{
	struct key *k = tc_load("plain"), *ca = tc_ca();
	struct cert *c = k->cert;
	u_int depth = 9;
	char **pats;
	size_t n;

	T_EQ(c->type, CERT_TYPE_HOST, "plain: host");
	T_EQ(c->serial, 7, "plain: serial 7");
	T_STR(c->keyid, "host1-id", "plain: key id");
	T_OK(c->nprincipals == 2 && strcmp(c->principals[0], "host1") == 0 &&
	    strcmp(c->principals[1], "host1.example.com") == 0,
	    "plain: principals in order");
	T_EQ(c->valid_after, T_2026, "plain: valid after");
	T_EQ(c->valid_before, T_2027, "plain: valid before");
	T_OK(c->ncritical == 0 && c->next == 0, "plain: no options");
	T_EQ(c->noncelen, 32, "plain: 32-byte nonce");
	T_MEM(c->signkey, ca->pk, 32, "plain: signed by the CA");
	T_EQ(cert_verify(c), 0, "plain: signature");
	T_EQ(cert_check_vouch(c), 0, "plain: a vouch");
	T_OK(cert_depth(c, &depth) == 0 && depth == 0, "plain: depth 0");
	T_OK(cert_scope(c, &pats, &n) == 0 && pats == NULL && n == 0,
	    "plain: no scope");
	T_EQ(cert_is_local(c), 0, "plain: not local");
	key_free(ca);
	key_free(k);
}

static void
test_vouch_golden(void)
{
	struct key *k = tc_load("vouch");
	struct cert *c = k->cert;
	u_int depth;
	char **pats;
	size_t n;

	T_EQ(c->serial, 42, "vouch: serial");
	T_OK(c->valid_after == T_2026 && c->valid_before == CERT_FOREVER,
	    "vouch: after 2026, forever");
	T_OK(c->next == 4 && strcmp(c->ext[0].name, "depth@kith") == 0 &&
	    strcmp(c->ext[1].name, "local@kith") == 0 &&
	    strcmp(c->ext[2].name, "scope@kith") == 0 &&
	    strcmp(c->ext[3].name, "zz@example.com") == 0,
	    "vouch: extensions sorted, unknown one kept");
	T_OK(c->ext[1].len == 0, "vouch: local@kith is a flag");
	T_MEM(c->ext[0].data, "\0\0\0\1" "2", 5, "vouch: depth string(\"2\")");
	T_OK(cert_depth(c, &depth) == 0 && depth == 2, "vouch: depth 2");
	T_EQ(cert_scope(c, &pats, &n), 0, "vouch: scope");
	T_OK(n == 2 && strcmp(pats[0], "*.db.example.com") == 0 &&
	    strcmp(pats[1], "*.example.org") == 0, "vouch: two patterns");
	cert_scope_free(pats, n);
	T_EQ(cert_is_local(c), 1, "vouch: local");
	T_EQ(cert_check_vouch(c), 0, "vouch: a vouch");
	key_free(k);
}

/* The goldens kith refuses as vouches, and why. */
static void
test_refused(void)
{
	static const struct {
		const char	*name;
		int		 r;
	} t[] = {
		{ "crit", KE_CRITICAL },
		{ "user", KE_CERT },
		{ "noprinc", KE_CERT },
		{ "odd", KE_CERT },		/* principal "a b" */
		{ "dup", KE_CERT },		/* depth@kith twice */
		{ "depth256", KE_FORMAT },
		{ "depthplus", KE_FORMAT },
		{ "localval", KE_FORMAT },	/* local@kith with data */
		{ "before", 0 },
		{ "far", 0 },
	};
	struct key *k;
	u_int depth;
	size_t i;

	for (i = 0; i < nitems(t); i++) {
		k = tc_load(t[i].name);
		T_EQ(cert_check_vouch(k->cert), t[i].r, "%s: check_vouch %s",
		    t[i].name, kith_strerror(t[i].r));
		key_free(k);
	}
	k = tc_load("dup");
	T_EQ(cert_depth(k->cert, &depth), KE_CERT, "dup: depth repeated");
	key_free(k);
	k = tc_load("localval");
	T_EQ(cert_is_local(k->cert), 1, "localval: still local");
	key_free(k);
	k = tc_load("odd");
	T_EQ(k->cert->serial, UINT64_MAX, "odd: serial 2^64-1");
	T_STR(k->cert->keyid, "odd\t\"id\" \\x", "odd: key id kept raw");
	key_free(k);
	k = tc_load("before");
	T_OK(k->cert->valid_after == 0 && k->cert->valid_before == T_2027,
	    "before: always to 2027");
	key_free(k);
}

static void
test_golden_L(void)
{
	static const char *const names[] = { "plain", "vouch", "before",
	    "odd", "crit", "user", "noprinc", "far", "dup", "depth256",
	    "depthplus", "localval" };
	char golden[64];
	size_t i;

	for (i = 0; i < nitems(names); i++) {
		snprintf(golden, sizeof(golden), "%s.L", names[i]);
		check_L(names[i], NULL, golden);
	}
	check_L("plain", "KTZ-5:30", "plain.L.ktz");
}

static void
test_resign(void)
{
	check_resign("plain", 0);
	check_resign("vouch", 0);
	check_resign("before", 0);
	check_resign("crit", 0);
	check_resign("user", 0);
	check_resign("far", 0);
	check_resign("depth256", 0);
	check_resign("localval", 0);
	check_resign("noprinc", KE_CERT);	/* kith never signs these */
	check_resign("odd", KE_CERT);
	check_resign("dup", KE_CERT);
}

/* Every truncation, a trailing byte and every flipped byte fail. */
static void
test_damage(const char *name)
{
	struct key *k = tc_load(name);
	struct cert *c = NULL;
	u_char *p;
	size_t len = k->cert->bloblen, i, bad = 0;

	if ((p = malloc(len + 1)) == NULL)
		exit(1);
	memcpy(p, k->cert->blob, len);
	for (i = 0; i < len; i++)
		if (cert_parse(p, i, &c) == 0 || c != NULL)
			bad++;
	T_EQ(bad, 0, "%s: all %zu truncations fail", name, len);
	p[len] = 0;
	T_EQ(cert_parse(p, len + 1, &c), KE_TRAILING, "%s: trailing byte",
	    name);
	for (i = 0; i < len; i++) {
		p[i] ^= 0x01;
		if (cert_parse(p, len, &c) == 0)
			bad++;
		p[i] ^= 0xff;
		if (cert_parse(p, len, &c) == 0)
			bad++;
		p[i] ^= 0xfe;
	}
	T_EQ(bad, 0, "%s: all %zu flipped bytes fail", name, 2 * len);
	T_EQ(cert_parse(p, len, &c), 0, "%s: undamaged parses", name);
	cert_free(c);
	T_EQ(cert_parse_unverified(p, len, &c), 0, "%s: unverified", name);
	cert_free(c);
	free(p);
	key_free(k);
}

static void
test_parse_errors(void)
{
	struct key *k = tc_load("plain");
	struct cert *c = NULL;
	struct buf *b = buf_new();
	u_char *p;
	size_t len = k->cert->bloblen;

	p = k->cert->blob;
	T_EQ(cert_parse(p, 0, &c), KE_TRUNCATED, "empty blob");
	p[4 + 20] ^= 1;		/* the type name */
	T_EQ(cert_parse(p, len, &c), KE_KEYTYPE, "wrong key type");
	p[4 + 20] ^= 1;
	p[len - 1] ^= 1;	/* the signature */
	T_EQ(cert_parse(p, len, &c), KE_SIGNATURE, "bad signature");
	T_EQ(cert_parse_unverified(p, len, &c), 0, "unverified parses");
	T_EQ(cert_verify(c), KE_SIGNATURE, "cert_verify catches it");
	cert_free(c);
	p[len - 1] ^= 1;
	/* cert_dup and key_from_blob keep the blob */
	T_EQ(cert_dup(k->cert, &c), 0, "cert_dup");
	T_OK(c->bloblen == len && memcmp(c->blob, p, len) == 0, "dup blob");
	cert_free(c);
	T_EQ(cert_put_blob(b, k->cert), 0, "put blob");
	key_free(k);
	T_EQ(key_from_blob(b, &k), 0, "key_from_blob of a cert");
	T_OK(k->cert != NULL, "key has the cert");
	key_free(k);
	buf_free(b);
}

int
main(void)
{
	if (sodium_init() < 0)
		return 1;
	tc_tz(NULL);
	test_plain();
	test_vouch_golden();
	test_refused();
	test_golden_L();
	test_resign();
	test_damage("plain");
	test_damage("vouch");
	test_parse_errors();
	tc_builder();
	tc_sign();
	tc_depth();
	tc_scope();
	tc_vouch();
	return t_done();
}
