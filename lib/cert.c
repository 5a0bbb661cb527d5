/* cert.c: parse and check OpenSSH ed25519 certificates. */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"

static void
certopts_free(struct certopt *o, size_t n)
{
	size_t i;

	for (i = 0; o != NULL && i < n; i++) {
		free(o[i].name);
		free(o[i].data);
	}
	free(o);
}

void
cert_free(struct cert *c)
{
	size_t i;

	if (c == NULL)
		return;
	free(c->blob);
	free(c->keyid);
	for (i = 0; i < c->nprincipals; i++)
		free(c->principals[i]);
	free(c->principals);
	certopts_free(c->critical, c->ncritical);
	certopts_free(c->ext, c->next);
	free(c);
}

const u_char *
cert_pk(const struct cert *c)
{
	return c->pk;
}

static int
get_principals(struct buf *b, struct cert *c)
{
	struct buf *s = NULL;
	char **np;
	char *name = NULL;
	int r;

	if ((r = buf_get_stringb(b, &s, KITH_MAXSTRING)) != 0)
		return r;
	while (buf_len(s) > 0) {
		if (c->nprincipals >= CERT_MAXPRINCIPALS) {
			r = KE_TOOLONG;
			goto out;
		}
		if ((r = buf_get_cstring(s, &name, KITH_MAXNAME)) != 0)
			goto out;
		np = reallocarray(c->principals, c->nprincipals + 1,
		    sizeof(*np));
		if (np == NULL) {
			free(name);
			r = KE_NOMEM;
			goto out;
		}
		c->principals = np;
		c->principals[c->nprincipals++] = name;
	}
	r = 0;
 out:
	buf_free(s);
	return r;
}

static int
get_opts(struct buf *b, struct certopt **op, size_t *np)
{
	struct buf *s = NULL;
	struct certopt *o;
	char *name = NULL;
	u_char *data = NULL;
	size_t len;
	int r;

	if ((r = buf_get_stringb(b, &s, KITH_MAXSTRING)) != 0)
		return r;
	while (buf_len(s) > 0) {
		if (*np >= CERT_MAXOPTS) {
			r = KE_TOOLONG;
			goto out;
		}
		if ((r = buf_get_cstring(s, &name, KITH_MAXNAME)) != 0 ||
		    (r = buf_get_string(s, &data, &len, KITH_MAXSTRING)) != 0)
			goto out;
		if ((o = reallocarray(*op, *np + 1, sizeof(*o))) == NULL) {
			r = KE_NOMEM;
			goto out;
		}
		*op = o;
		o[*np].name = name;
		o[*np].data = data;
		o[*np].len = len;
		(*np)++;
		name = NULL;
		data = NULL;
	}
	r = 0;
 out:
	free(name);
	free(data);
	buf_free(s);
	return r;
}

static int
get_signkey(struct buf *b, struct cert *c)
{
	struct buf *s = NULL;
	int r;

	if ((r = buf_get_stringb(b, &s, KITH_MAXSTRING)) != 0)
		return r;
	if ((r = buf_get_magic(s, "\0\0\0\013" KEY_TYPE, 15)) != 0 ||
	    (r = buf_get_string_fixed(s, c->signkey, KEY_PKLEN)) != 0 ||
	    (r = buf_end(s)) != 0)
		r = r == KE_TRUNCATED ? r : KE_CERT;
	buf_free(s);
	return r;
}

static int
get_body(struct buf *b, struct cert *c)
{
	const u_char *p;
	size_t n;
	int r;

	if ((r = buf_get_magic(b, "\0\0\0\040" KEY_CERT_TYPE, 36)) != 0)
		return r == KE_MAGIC ? KE_KEYTYPE : r;
	if ((r = buf_get_string_ptr(b, &p, &n, sizeof(c->nonce))) != 0)
		return r == KE_TOOLONG ? KE_CERT : r;
	memcpy(c->nonce, p, n);
	c->noncelen = n;
	if ((r = buf_get_string_fixed(b, c->pk, KEY_PKLEN)) != 0)
		return r == KE_TRUNCATED ? r : KE_BADKEY;
	if ((r = buf_get_u64(b, &c->serial)) != 0 ||
	    (r = buf_get_u32(b, &c->type)) != 0 ||
	    (r = buf_get_cstring(b, &c->keyid, KITH_MAXNAME)) != 0 ||
	    (r = get_principals(b, c)) != 0 ||
	    (r = buf_get_u64(b, &c->valid_after)) != 0 ||
	    (r = buf_get_u64(b, &c->valid_before)) != 0 ||
	    (r = get_opts(b, &c->critical, &c->ncritical)) != 0 ||
	    (r = get_opts(b, &c->ext, &c->next)) != 0 ||
	    (r = buf_get_string_ptr(b, &p, &n, KITH_MAXSTRING)) != 0 ||
	    (r = get_signkey(b, c)) != 0)
		return r;
	return 0;
}

static int
cert_parse_common(const u_char *p, size_t len, int verify, struct cert **cp)
{
	struct buf *b = NULL, *sig = NULL;
	struct cert *c = NULL;
	int r = KE_NOMEM;

	*cp = NULL;
	if ((b = buf_view(p, len)) == NULL ||
	    (c = calloc(1, sizeof(*c))) == NULL)
		goto out;
	if ((r = get_body(b, c)) != 0)
		goto out;
	c->signedlen = len - buf_len(b);
	if ((r = buf_get_stringb(b, &sig, KITH_MAXSTRING)) != 0 ||
	    (r = buf_end(b)) != 0)
		goto out;
	if ((r = key_get_sig(sig, c->sig)) != 0)
		goto out;
	if ((c->blob = malloc(len)) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	memcpy(c->blob, p, len);
	c->bloblen = len;
	if (verify && (r = cert_verify(c)) != 0)
		goto out;
	*cp = c;
	c = NULL;
	r = 0;
 out:
	cert_free(c);
	buf_free(sig);
	buf_free(b);
	return r;
}

int
cert_parse(const u_char *p, size_t len, struct cert **cp)
{
	return cert_parse_common(p, len, 1, cp);
}

int
cert_parse_unverified(const u_char *p, size_t len, struct cert **cp)
{
	return cert_parse_common(p, len, 0, cp);
}

int
cert_verify(const struct cert *c)
{
	return key_verify_raw(c->signkey, c->blob, c->signedlen, c->sig);
}

int
cert_dup(const struct cert *c, struct cert **cp)
{
	return cert_parse_unverified(c->blob, c->bloblen, cp);
}

int
cert_put_blob(struct buf *b, const struct cert *c)
{
	return buf_put(b, c->blob, c->bloblen);
}
