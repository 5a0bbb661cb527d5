/*
 * cert.c: certificates (vouches).  Parses without the signature check,
 * then runs what kith does with a parsed certificate: the vouch checks,
 * depth, scope, ssh-keygen -L text, each option's value, and a copy.
 * A certificate kith could sign again must re-encode to one that parses
 * to the same fields.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "fuzz.h"

static int
opts_equal(const struct certopt *a, const struct certopt *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(a[i].name, b[i].name) != 0 || a[i].len != b[i].len ||
		    (a[i].len > 0 && memcmp(a[i].data, b[i].data,
		    a[i].len) != 0))
			return 0;
	return 1;
}

static int
cert_equal(const struct cert *a, const struct cert *b)
{
	size_t i;

	if (a->noncelen != b->noncelen ||
	    memcmp(a->nonce, b->nonce, a->noncelen) != 0 ||
	    memcmp(a->pk, b->pk, sizeof(a->pk)) != 0 ||
	    a->serial != b->serial || a->type != b->type ||
	    strcmp(a->keyid, b->keyid) != 0 ||
	    a->nprincipals != b->nprincipals ||
	    a->valid_after != b->valid_after ||
	    a->valid_before != b->valid_before ||
	    a->ncritical != b->ncritical || a->next != b->next ||
	    memcmp(a->signkey, b->signkey, sizeof(a->signkey)) != 0 ||
	    memcmp(a->sig, b->sig, sizeof(a->sig)) != 0)
		return 0;
	for (i = 0; i < a->nprincipals; i++)
		if (strcmp(a->principals[i], b->principals[i]) != 0)
			return 0;
	return opts_equal(a->critical, b->critical, a->ncritical) &&
	    opts_equal(a->ext, b->ext, a->next);
}

/* Encodes a copy of c again, with its own signature appended. */
static void
reencode(const struct cert *c)
{
	struct buf *tbs, *sig;
	struct cert *d = NULL, *e = NULL;

	FZ_CHECK(cert_dup(c, &d) == 0);
	FZ_CHECK((tbs = buf_new()) != NULL && (sig = buf_new()) != NULL);
	if (cert_encode_tbs(d, d->signkey, tbs) == 0) {
		FZ_CHECK(key_put_sig(sig, d->sig) == 0);
		FZ_CHECK(buf_put_stringb(tbs, sig) == 0);
		FZ_CHECK(cert_parse_unverified(buf_ptr(tbs), buf_len(tbs),
		    &e) == 0);
		FZ_CHECK(cert_equal(d, e));
		cert_free(e);
	}
	buf_free(sig);
	buf_free(tbs);
	cert_free(d);
}

static void
opt_values(const struct certopt *o, size_t n)
{
	char *v;
	size_t i;

	for (i = 0; i < n; i++) {
		if (cert_opt_value(&o[i], &v) == 0) {
			FZ_CHECK(v != NULL && strlen(v) + 4 == o[i].len);
			free(v);
		}
	}
}

static void
kith_fields(const struct cert *c)
{
	char **pats = NULL;
	size_t n = 0, i;
	u_int depth = 1;
	int rv, rd, rs;

	rv = cert_check_vouch(c);
	rd = cert_depth(c, &depth);
	FZ_CHECK(depth <= CERT_MAXDEPTH);
	FZ_CHECK(rd == 0 || depth == 0);
	rs = cert_scope(c, &pats, &n);
	FZ_CHECK(rs == 0 || (pats == NULL && n == 0));
	FZ_CHECK(n <= CERT_MAXSCOPE && (n == 0) == (pats == NULL));
	for (i = 0; i < n; i++)
		FZ_CHECK(pats[i] != NULL && pats[i][0] != '\0');
	cert_scope_free(pats, n);
	(void)cert_is_local(c);
	if (rv == 0) {
		FZ_CHECK(c->type == CERT_TYPE_HOST && c->nprincipals > 0);
		FZ_CHECK(c->ncritical == 0 && rd == 0 && rs == 0);
	}
	opt_values(c->critical, c->ncritical);
	opt_values(c->ext, c->next);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct cert *c = NULL, *v = NULL, *d = NULL;
	struct buf *out;
	size_t before;
	int ru, rv, r;

	if (len > KITH_MAXLINE)
		return 0;
	ru = cert_parse_unverified(data, len, &c);
	if (ru != 0) {
		FZ_CHECK(c == NULL);
		FZ_CHECK(cert_parse(data, len, &v) == ru && v == NULL);
		return 0;
	}
	FZ_CHECK(c->bloblen == len && memcmp(c->blob, data, len) == 0);
	FZ_CHECK(c->signedlen < len);
	FZ_CHECK(c->nprincipals <= CERT_MAXPRINCIPALS);
	FZ_CHECK(c->ncritical <= CERT_MAXOPTS && c->next <= CERT_MAXOPTS);
	rv = cert_parse(data, len, &v);
	FZ_CHECK(rv == cert_verify(c));
	FZ_CHECK(rv == 0 || rv == KE_SIGNATURE);
	FZ_CHECK((rv == 0) == (v != NULL));
	cert_free(v);
	kith_fields(c);
	FZ_CHECK((out = buf_new()) != NULL);
	FZ_CHECK(buf_put(out, "x", 1) == 0);
	before = buf_len(out);
	if ((r = cert_format_L(out, "fuzz", c)) != 0)
		FZ_CHECK(buf_len(out) == before);
	buf_reset(out);
	FZ_CHECK(cert_put_blob(out, c) == 0);
	FZ_CHECK(buf_len(out) == len && memcmp(buf_ptr(out), data, len) == 0);
	FZ_CHECK(cert_dup(c, &d) == 0 && cert_equal(c, d));
	reencode(c);
	cert_free(d);
	buf_free(out);
	cert_free(c);
	return 0;
}
