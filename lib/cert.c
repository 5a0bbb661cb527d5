/*
 * cert.c: OpenSSH ed25519 certificates: parse, build and sign them, read
 * and check kith's extensions, print them as ssh-keygen -L does.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "buf.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "validity.h"

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

/* Appends name to c's principals; takes name, freeing it on failure. */
static int
principal_push(struct cert *c, char *name)
{
	char **np;

	if (c->nprincipals >= CERT_MAXPRINCIPALS) {
		free(name);
		return KE_TOOMANY;
	}
	np = reallocarray(c->principals, c->nprincipals + 1, sizeof(*np));
	if (np == NULL) {
		free(name);
		return KE_NOMEM;
	}
	c->principals = np;
	np[c->nprincipals++] = name;
	return 0;
}

/* Appends an option; takes name and data, freeing them on failure. */
static int
opt_push(struct certopt **op, size_t *np, char *name, u_char *data,
    size_t len)
{
	struct certopt *o = NULL;

	if (*np < CERT_MAXOPTS)
		o = reallocarray(*op, *np + 1, sizeof(*o));
	if (o == NULL) {
		free(name);
		free(data);
		return *np >= CERT_MAXOPTS ? KE_TOOMANY : KE_NOMEM;
	}
	*op = o;
	o[*np].name = name;
	o[*np].data = data;
	o[*np].len = len;
	(*np)++;
	return 0;
}

static int
get_principals(struct buf *b, struct cert *c)
{
	struct buf *s = NULL;
	char *name;
	int r;

	if ((r = buf_get_stringb(b, &s, KITH_MAXSTRING)) != 0)
		return r;
	while (r == 0 && buf_len(s) > 0)
		if ((r = buf_get_cstring(s, &name, KITH_MAXNAME)) == 0)
			r = principal_push(c, name);
	buf_free(s);
	return r;
}

static int
get_opts(struct buf *b, struct certopt **op, size_t *np)
{
	struct buf *s = NULL;
	char *name;
	u_char *data;
	size_t len;
	int r;

	if ((r = buf_get_stringb(b, &s, KITH_MAXSTRING)) != 0)
		return r;
	while (r == 0 && buf_len(s) > 0) {
		if ((r = buf_get_cstring(s, &name, KITH_MAXNAME)) != 0)
			break;
		if ((r = buf_get_string(s, &data, &len, KITH_MAXSTRING)) != 0)
			free(name);
		else
			r = opt_push(op, np, name, data, len);
	}
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

/* Building. */

struct cert *
cert_new(void)
{
	struct cert *c;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	c->type = CERT_TYPE_HOST;
	c->valid_before = CERT_FOREVER;
	return c;
}

int
cert_set_keyid(struct cert *c, const char *id)
{
	char *s;

	if (strlen(id) > KITH_MAXNAME)
		return KE_TOOLONG;
	if ((s = strdup(id)) == NULL)
		return KE_NOMEM;
	free(c->keyid);
	c->keyid = s;
	return 0;
}

/*
 * A host name kith signs.  ssh matches principals exactly, and kith
 * writes them into known_hosts, where "*?!" are pattern characters and
 * blanks and commas separate names.  No leading '.', so that "*.a"
 * matches the same names as a suffix and as an OpenSSH pattern.
 */
static int
name_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > KITH_MAXNAME || *s == '.')
		return 0;
	for (; *s != '\0'; s++)
		if ((u_char)*s <= ' ' || *s == 0x7f ||
		    strchr(",*?!", *s) != NULL)
			return 0;
	return 1;
}

/* A scope pattern: a host name, or "*." and a host name. */
static int
pattern_ok(const char *s)
{
	return name_ok(strncmp(s, "*.", 2) == 0 ? s + 2 : s);
}

int
cert_add_principal(struct cert *c, const char *name)
{
	char *s;
	size_t i;

	if (strlen(name) > KITH_MAXNAME)
		return KE_TOOLONG;
	if (!name_ok(name))
		return KE_FORMAT;
	for (i = 0; i < c->nprincipals; i++)
		if (strcmp(c->principals[i], name) == 0)
			return KE_EXISTS;
	if ((s = strdup(name)) == NULL)
		return KE_NOMEM;
	return principal_push(c, s);
}

static int
opt_add(struct certopt **op, size_t *np, const char *name, const char *value)
{
	struct buf *d;
	char *n = NULL;
	u_char *data;
	size_t i, len;
	int r;

	if (strlen(name) > KITH_MAXNAME)
		return KE_TOOLONG;
	for (i = 0; i < *np; i++)
		if (strcmp((*op)[i].name, name) == 0)
			return KE_EXISTS;
	if ((d = buf_new()) == NULL)
		return KE_NOMEM;
	if (value != NULL && (r = buf_put_cstring(d, value)) != 0)
		goto out;
	len = buf_len(d);
	if ((n = strdup(name)) == NULL || (data = malloc(len + 1)) == NULL) {
		free(n);
		r = KE_NOMEM;
		goto out;
	}
	memcpy(data, buf_ptr(d), len);
	r = opt_push(op, np, n, data, len);
 out:
	buf_free(d);
	return r;
}

int
cert_add_ext(struct cert *c, const char *name, const char *value)
{
	return opt_add(&c->ext, &c->next, name, value);
}

int
cert_add_critical(struct cert *c, const char *name, const char *value)
{
	return opt_add(&c->critical, &c->ncritical, name, value);
}

int
cert_set_depth(struct cert *c, u_int depth)
{
	char s[4];
	size_t i = sizeof(s);

	if (depth > CERT_MAXDEPTH)
		return KE_RANGE;
	s[--i] = '\0';
	do {
		s[--i] = '0' + depth % 10;
		depth /= 10;
	} while (depth != 0);
	return cert_add_ext(c, CERT_EXT_DEPTH, s + i);
}

void
cert_scope_free(char **p, size_t n)
{
	size_t i;

	for (i = 0; p != NULL && i < n; i++)
		free(p[i]);
	free(p);
}

/* Splits a scope@kith value into *pp, *np; see cert_scope. */
static int
scope_split(const char *v, char ***pp, size_t *np)
{
	char *dup, *s, *pat, **a = NULL, **na;
	size_t n = 0;
	int r = KE_NOMEM;

	if ((s = dup = strdup(v)) == NULL)
		return KE_NOMEM;
	for (; (pat = strsep(&s, ",")) != NULL; n++) {
		if (!pattern_ok(pat)) {
			r = KE_FORMAT;
			goto out;
		}
		if (n >= CERT_MAXSCOPE) {
			r = KE_TOOMANY;
			goto out;
		}
		if ((na = reallocarray(a, n + 1, sizeof(*a))) == NULL)
			goto out;
		a = na;
		if ((a[n] = strdup(pat)) == NULL)
			goto out;
	}
	*pp = a;
	*np = n;
	a = NULL;
	r = 0;
 out:
	cert_scope_free(a, n);
	free(dup);
	return r;
}

int
cert_set_scope(struct cert *c, const char *patterns)
{
	char **p;
	size_t n;
	int r;

	if ((r = scope_split(patterns, &p, &n)) != 0)
		return r;
	cert_scope_free(p, n);
	return cert_add_ext(c, CERT_EXT_SCOPE, patterns);
}

int
cert_set_local(struct cert *c)
{
	return cert_add_ext(c, CERT_EXT_LOCAL, NULL);
}

/* Encoding and signing. */

static int
opt_cmp(const void *a, const void *b)
{
	return strcmp(((const struct certopt *)a)->name,
	    ((const struct certopt *)b)->name);
}

/* Sorts o by name; KE_CERT for a repeated or overlong name. */
static int
opts_sort(struct certopt *o, size_t n)
{
	size_t i;

	if (n > CERT_MAXOPTS)
		return KE_CERT;
	if (n > 1)
		qsort(o, n, sizeof(*o), opt_cmp);
	for (i = 0; i < n; i++)
		if (strlen(o[i].name) > KITH_MAXNAME ||
		    (i > 0 && strcmp(o[i - 1].name, o[i].name) == 0))
			return KE_CERT;
	return 0;
}

/* Checks that kith may sign c and that cert_parse will read it back. */
static int
check_fields(struct cert *c)
{
	size_t i;
	int r;

	if ((c->type != CERT_TYPE_USER && c->type != CERT_TYPE_HOST) ||
	    c->keyid == NULL || strlen(c->keyid) > KITH_MAXNAME ||
	    c->nprincipals == 0 || c->nprincipals > CERT_MAXPRINCIPALS ||
	    c->noncelen > sizeof(c->nonce))
		return KE_CERT;
	for (i = 0; i < c->nprincipals; i++)
		if (!name_ok(c->principals[i]))
			return KE_CERT;
	if (c->valid_after >= c->valid_before)
		return KE_RANGE;
	if ((r = opts_sort(c->critical, c->ncritical)) != 0)
		return r;
	return opts_sort(c->ext, c->next);
}

/* Appends s as a string and empties it. */
static int
put_section(struct buf *b, struct buf *s)
{
	int r;

	r = buf_put_stringb(b, s);
	buf_reset(s);
	return r;
}

static int
put_opts(struct buf *b, struct buf *s, const struct certopt *o, size_t n)
{
	size_t i;
	int r = 0;

	for (i = 0; i < n && r == 0; i++)
		if ((r = buf_put_cstring(s, o[i].name)) == 0)
			r = buf_put_string(s, o[i].data, o[i].len);
	return r == 0 ? put_section(b, s) : r;
}

static int
put_body(struct buf *b, struct buf *s, const struct cert *c)
{
	size_t i;
	int r = 0;

	if ((r = buf_put_cstring(b, KEY_CERT_TYPE)) != 0 ||
	    (r = buf_put_string(b, c->nonce, c->noncelen)) != 0 ||
	    (r = buf_put_string(b, c->pk, sizeof(c->pk))) != 0 ||
	    (r = buf_put_u64(b, c->serial)) != 0 ||
	    (r = buf_put_u32(b, c->type)) != 0 ||
	    (r = buf_put_cstring(b, c->keyid)) != 0)
		return r;
	for (i = 0; i < c->nprincipals && r == 0; i++)
		r = buf_put_cstring(s, c->principals[i]);
	if (r != 0 || (r = put_section(b, s)) != 0 ||
	    (r = buf_put_u64(b, c->valid_after)) != 0 ||
	    (r = buf_put_u64(b, c->valid_before)) != 0 ||
	    (r = put_opts(b, s, c->critical, c->ncritical)) != 0 ||
	    (r = put_opts(b, s, c->ext, c->next)) != 0 ||
	    (r = buf_put_string(b, NULL, 0)) != 0 ||
	    (r = buf_put_cstring(s, KEY_TYPE)) != 0 ||
	    (r = buf_put_string(s, c->signkey, sizeof(c->signkey))) != 0)
		return r;
	return put_section(b, s);
}

int
cert_encode_tbs(struct cert *c, const u_char *signpk, struct buf *tbs)
{
	struct buf *s;
	int r;

	if ((r = check_fields(c)) != 0)
		return r;
	if (c->noncelen == 0) {
		if (sodium_init() < 0)
			return KE_CRYPTO;
		randombytes_buf(c->nonce, sizeof(c->nonce));
		c->noncelen = sizeof(c->nonce);
	}
	memmove(c->signkey, signpk, sizeof(c->signkey));
	if ((s = buf_new()) == NULL)
		return KE_NOMEM;
	r = put_body(tbs, s, c);
	buf_free(s);
	return r;
}

int
cert_attach_sig(struct cert *c, const u_char *sig)
{
	struct buf *b = NULL, *s = NULL;
	u_char *blob;
	size_t signedlen;
	int r = KE_NOMEM;

	if ((b = buf_new()) == NULL || (s = buf_new()) == NULL)
		goto out;
	if ((r = cert_encode_tbs(c, c->signkey, b)) != 0)
		goto out;
	signedlen = buf_len(b);
	if ((r = key_verify_raw(c->signkey, buf_ptr(b), signedlen, sig)) != 0 ||
	    (r = key_put_sig(s, sig)) != 0 ||
	    (r = buf_put_stringb(b, s)) != 0)
		goto out;
	if ((blob = malloc(buf_len(b))) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	memcpy(blob, buf_ptr(b), buf_len(b));
	free(c->blob);
	c->blob = blob;
	c->bloblen = buf_len(b);
	c->signedlen = signedlen;
	memmove(c->sig, sig, sizeof(c->sig));	/* sig may be c->sig */
	r = 0;
 out:
	buf_free(s);
	buf_free(b);
	return r;
}

int
cert_sign(struct cert *c, const struct key *signer)
{
	struct buf *tbs;
	u_char sig[KEY_SIGLEN];
	int r;

	if ((tbs = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = cert_encode_tbs(c, signer->pk, tbs)) == 0 &&
	    (r = key_sign_raw(signer, buf_ptr(tbs), buf_len(tbs), sig)) == 0)
		r = cert_attach_sig(c, sig);
	buf_free(tbs);
	return r;
}

/* kith's extensions. */

/* The one extension called name: KE_NOTFOUND, or KE_CERT if repeated. */
static int
ext_find(const struct cert *c, const char *name, const struct certopt **op)
{
	size_t i;

	*op = NULL;
	for (i = 0; i < c->next; i++) {
		if (strcmp(c->ext[i].name, name) != 0)
			continue;
		if (*op != NULL)
			return KE_CERT;
		*op = &c->ext[i];
	}
	return *op == NULL ? KE_NOTFOUND : 0;
}

int
cert_opt_value(const struct certopt *o, char **vp)
{
	struct buf *b;
	int r;

	if ((b = buf_view(o->data, o->len)) == NULL)
		return KE_NOMEM;
	if ((r = buf_get_cstring(b, vp, KITH_MAXSTRING)) == 0 &&
	    (r = buf_end(b)) != 0) {
		free(*vp);
		*vp = NULL;
	}
	buf_free(b);
	return r == 0 || r == KE_NOMEM ? r : KE_FORMAT;
}

int
cert_depth(const struct cert *c, u_int *dp)
{
	const struct certopt *o;
	char *v = NULL;
	size_t i, n;
	u_int d = 0;
	int r;

	*dp = 0;
	if ((r = ext_find(c, CERT_EXT_DEPTH, &o)) != 0)
		return r == KE_NOTFOUND ? 0 : r;
	if ((r = cert_opt_value(o, &v)) != 0)
		return r;
	r = KE_FORMAT;
	n = strlen(v);
	if (n == 0 || n > 3 || (n > 1 && v[0] == '0'))
		goto out;
	for (i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9')
			goto out;
		d = d * 10 + (u_int)(v[i] - '0');
	}
	if (d > CERT_MAXDEPTH)
		goto out;
	*dp = d;
	r = 0;
 out:
	free(v);
	return r;
}

int
cert_scope(const struct cert *c, char ***pp, size_t *np)
{
	const struct certopt *o;
	char *v;
	int r;

	*pp = NULL;
	*np = 0;
	if ((r = ext_find(c, CERT_EXT_SCOPE, &o)) != 0)
		return r == KE_NOTFOUND ? 0 : r;
	if ((r = cert_opt_value(o, &v)) != 0)
		return r;
	r = scope_split(v, pp, np);
	free(v);
	return r;
}

int
cert_is_local(const struct cert *c)
{
	const struct certopt *o;

	return ext_find(c, CERT_EXT_LOCAL, &o) != KE_NOTFOUND;
}

int
cert_check_vouch(const struct cert *c)
{
	const struct certopt *o;
	char **pats;
	size_t i, n;
	u_int depth;
	int r;

	if (c->type != CERT_TYPE_HOST || c->nprincipals == 0)
		return KE_CERT;
	if (c->ncritical != 0)
		return KE_CRITICAL;
	for (i = 0; i < c->nprincipals; i++)
		if (!name_ok(c->principals[i]))
			return KE_CERT;
	if ((r = cert_depth(c, &depth)) != 0 ||
	    (r = cert_scope(c, &pats, &n)) != 0)
		return r;
	cert_scope_free(pats, n);
	if ((r = ext_find(c, CERT_EXT_LOCAL, &o)) == KE_NOTFOUND)
		return 0;
	if (r != 0)
		return r;
	return o->len == 0 ? 0 : KE_FORMAT;
}
