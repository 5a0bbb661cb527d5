/* sshsig.c: OpenSSH signatures (SSHSIG), made and checked. */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "b64.h"
#include "buf.h"
#include "kerr.h"
#include "key.h"
#include "sshsig.h"

#define MAGICLEN	(sizeof(SSHSIG_MAGIC) - 1)
#define MAXTYPE		64	/* key type and hash names */

static int
sign_with_key(void *arg, const u_char *msg, size_t len, u_char *sig)
{
	return key_sign_raw(arg, msg, len, sig);
}

int
sshsig_signer_key(struct sshsig_signer *s, const struct key *k)
{
	if (k->sk == NULL)
		return KE_NOSECRET;
	memcpy(s->pk, k->pk, sizeof(s->pk));
	s->sign = sign_with_key;
	s->arg = (void *)k;	/* only read, by key_sign_raw */
	return 0;
}

const char *
sshsig_hashname(int alg)
{
	switch (alg) {
	case SSHSIG_SHA512:
		return "sha512";
	case SSHSIG_SHA256:
		return "sha256";
	}
	return NULL;
}

static size_t
hashlen(int alg)
{
	switch (alg) {
	case SSHSIG_SHA512:
		return crypto_hash_sha512_BYTES;
	case SSHSIG_SHA256:
		return crypto_hash_sha256_BYTES;
	}
	return 0;
}

static int
hash_byname(const char *name)
{
	if (strcmp(name, "sha512") == 0)
		return SSHSIG_SHA512;
	if (strcmp(name, "sha256") == 0)
		return SSHSIG_SHA256;
	return SSHSIG_ANYHASH;
}

int
sshsig_hash_init(struct sshsig_hash *h, int alg)
{
	h->alg = alg;
	switch (alg) {
	case SSHSIG_SHA512:
		crypto_hash_sha512_init(&h->u.s512);
		return 0;
	case SSHSIG_SHA256:
		crypto_hash_sha256_init(&h->u.s256);
		return 0;
	}
	return KE_HASHALG;
}

void
sshsig_hash_update(struct sshsig_hash *h, const void *p, size_t len)
{
	if (h->alg == SSHSIG_SHA512)
		crypto_hash_sha512_update(&h->u.s512, p, len);
	else if (h->alg == SSHSIG_SHA256)
		crypto_hash_sha256_update(&h->u.s256, p, len);
}

size_t
sshsig_hash_final(struct sshsig_hash *h, u_char *out)
{
	if (h->alg == SSHSIG_SHA512)
		crypto_hash_sha512_final(&h->u.s512, out);
	else if (h->alg == SSHSIG_SHA256)
		crypto_hash_sha256_final(&h->u.s256, out);
	return hashlen(h->alg);
}

size_t
sshsig_digest(int alg, const void *p, size_t len, u_char *out)
{
	struct sshsig_hash h;

	if (sshsig_hash_init(&h, alg) != 0)
		return 0;
	sshsig_hash_update(&h, p, len);
	return sshsig_hash_final(&h, out);
}

/* KE_FORMAT for an empty namespace, KE_TOOLONG past SSHSIG_MAXNS. */
static int
ns_ok(const char *ns)
{
	if (*ns == '\0')
		return KE_FORMAT;
	return strlen(ns) > SSHSIG_MAXNS ? KE_TOOLONG : 0;
}

int
sshsig_tbs(struct buf *out, const char *ns, int alg, const u_char *d,
    size_t dlen)
{
	const char *name;
	int r;

	if ((name = sshsig_hashname(alg)) == NULL || dlen != hashlen(alg))
		return KE_HASHALG;
	if ((r = ns_ok(ns)) != 0)
		return r;
	if ((r = buf_put(out, SSHSIG_MAGIC, MAGICLEN)) != 0 ||
	    (r = buf_put_cstring(out, ns)) != 0 ||
	    (r = buf_put_string(out, NULL, 0)) != 0 ||
	    (r = buf_put_cstring(out, name)) != 0)
		return r;
	return buf_put_string(out, d, dlen);
}

int
sshsig_encode(struct buf *out, const u_char *pk, const char *ns, int alg,
    const u_char *sig)
{
	struct buf *kb = NULL, *sb = NULL;
	const char *name;
	int r = KE_NOMEM;

	if ((name = sshsig_hashname(alg)) == NULL)
		return KE_HASHALG;
	if ((r = ns_ok(ns)) != 0)
		return r;
	if ((kb = buf_new()) == NULL || (sb = buf_new()) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	if ((r = buf_put_cstring(kb, KEY_TYPE)) != 0 ||
	    (r = buf_put_string(kb, pk, KEY_PKLEN)) != 0 ||
	    (r = key_put_sig(sb, sig)) != 0 ||
	    (r = buf_put(out, SSHSIG_MAGIC, MAGICLEN)) != 0 ||
	    (r = buf_put_u32(out, SSHSIG_VERSION)) != 0 ||
	    (r = buf_put_stringb(out, kb)) != 0 ||
	    (r = buf_put_cstring(out, ns)) != 0 ||
	    (r = buf_put_string(out, NULL, 0)) != 0 ||
	    (r = buf_put_cstring(out, name)) != 0 ||
	    (r = buf_put_stringb(out, sb)) != 0)
		goto out;
 out:
	buf_free(kb);
	buf_free(sb);
	return r;
}

int
sshsig_sign_digest(struct buf *out, const struct sshsig_signer *s,
    const char *ns, int alg, const u_char *d, size_t dlen)
{
	struct buf *tbs = NULL;
	u_char sig[KEY_SIGLEN];
	int r;

	if ((tbs = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = sshsig_tbs(tbs, ns, alg, d, dlen)) != 0 ||
	    (r = s->sign(s->arg, buf_ptr(tbs), buf_len(tbs), sig)) != 0 ||
	    (r = key_verify_raw(s->pk, buf_ptr(tbs), buf_len(tbs), sig)) != 0)
		goto out;
	r = sshsig_encode(out, s->pk, ns, alg, sig);
 out:
	buf_free(tbs);
	return r;
}

int
sshsig_sign(struct buf *out, const struct sshsig_signer *s, const char *ns,
    int alg, const void *msg, size_t len)
{
	u_char d[SSHSIG_MAXHASH];
	size_t dlen;

	if ((dlen = sshsig_digest(alg, msg, len, d)) == 0)
		return KE_HASHALG;
	return sshsig_sign_digest(out, s, ns, alg, d, dlen);
}

int
sshsig_armour(struct buf *out, const u_char *blob, size_t len)
{
	return b64_armour(out, SSHSIG_LABEL, blob, len);
}

int
sshsig_dearmour(struct buf *out, const char *text, size_t len, size_t *endp)
{
	size_t end, i;
	int r;

	if ((r = b64_dearmour(out, SSHSIG_LABEL, text, len, &end)) != 0)
		return r;
	if (endp != NULL) {
		*endp = end;
		return 0;
	}
	for (i = end; i < len; i++)
		if (text[i] != '\n' && text[i] != '\r')
			return KE_TRAILING;
	return 0;
}

/* A plain Ed25519 public key blob filling all of b. */
static int
get_plain_key(struct buf *b, u_char *pk)
{
	char *type = NULL;
	int r;

	if ((r = buf_get_cstring(b, &type, MAXTYPE)) != 0)
		return r == KE_TOOLONG || r == KE_NUL ? KE_KEYTYPE : r;
	if (strcmp(type, KEY_TYPE) != 0)
		r = KE_KEYTYPE;
	else if ((r = buf_get_string_fixed(b, pk, KEY_PKLEN)) != 0)
		r = r == KE_TRUNCATED ? r : KE_BADKEY;
	else
		r = buf_end(b);
	free(type);
	return r;
}

/* The fields after the version; b is left at the end. */
static int
get_fields(struct buf *b, struct sshsig *s)
{
	struct buf *kb = NULL, *sb = NULL;
	const u_char *res;
	char *hash = NULL;
	size_t reslen;
	int r;

	if ((r = buf_get_stringb(b, &kb, SSHSIG_MAXBLOB)) != 0 ||
	    (r = get_plain_key(kb, s->pk)) != 0 ||
	    (r = buf_get_cstring(b, &s->ns, SSHSIG_MAXNS)) != 0 ||
	    (r = buf_get_string_ptr(b, &res, &reslen, SSHSIG_MAXBLOB)) != 0 ||
	    (r = buf_get_cstring(b, &hash, MAXTYPE)) != 0 ||
	    (r = buf_get_stringb(b, &sb, SSHSIG_MAXBLOB)) != 0 ||
	    (r = buf_end(b)) != 0)
		goto out;
	/* OpenSSH ignores the reserved field; kith wants it empty */
	if (*s->ns == '\0' || reslen != 0) {
		r = KE_FORMAT;
		goto out;
	}
	if ((s->hashalg = hash_byname(hash)) == SSHSIG_ANYHASH) {
		r = KE_HASHALG;
		goto out;
	}
	r = key_get_sig(sb, s->sig);
 out:
	free(hash);
	buf_free(kb);
	buf_free(sb);
	return r;
}

int
sshsig_parse(const u_char *p, size_t len, struct sshsig **sp)
{
	struct buf *b = NULL;
	struct sshsig *s = NULL;
	uint32_t version;
	int r = KE_NOMEM;

	*sp = NULL;
	if ((b = buf_view(p, len)) == NULL ||
	    (s = calloc(1, sizeof(*s))) == NULL)
		goto out;
	if ((r = buf_get_magic(b, SSHSIG_MAGIC, MAGICLEN)) != 0 ||
	    (r = buf_get_u32(b, &version)) != 0)
		goto out;
	if (version != SSHSIG_VERSION) {
		r = KE_VERSION;
		goto out;
	}
	if ((r = get_fields(b, s)) != 0)
		goto out;
	*sp = s;
	s = NULL;
 out:
	sshsig_free(s);
	buf_free(b);
	return r;
}

void
sshsig_free(struct sshsig *s)
{
	if (s == NULL)
		return;
	free(s->ns);
	free(s);
}

int
sshsig_check_digest(const struct sshsig *s, const char *ns, int alg,
    const u_char *d, size_t dlen)
{
	struct buf *tbs = NULL;
	int r;

	if (strcmp(s->ns, ns) != 0)
		return KE_NAMESPACE;
	if (alg != SSHSIG_ANYHASH && alg != s->hashalg)
		return KE_HASHALG;
	if ((tbs = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = sshsig_tbs(tbs, s->ns, s->hashalg, d, dlen)) == 0)
		r = key_verify_raw(s->pk, buf_ptr(tbs), buf_len(tbs), s->sig);
	buf_free(tbs);
	return r;
}

/* 1 if p[0..len) starts like a raw blob rather than armour. */
static int
is_raw(const u_char *p, size_t len)
{
	struct buf *b;
	int raw;

	if ((b = buf_view(p, len)) == NULL)
		return 0;
	raw = buf_get_magic(b, SSHSIG_MAGIC, MAGICLEN) == 0;
	buf_free(b);
	return raw;
}

int
sshsig_verify(const u_char *sig, size_t siglen, const void *msg,
    size_t msglen, const char *ns, int alg, u_char *pk)
{
	struct buf *blob = NULL;
	struct sshsig *s = NULL;
	u_char d[SSHSIG_MAXHASH];
	size_t dlen;
	int r;

	if (!is_raw(sig, siglen)) {
		if ((blob = buf_new()) == NULL)
			return KE_NOMEM;
		if ((r = sshsig_dearmour(blob, (const char *)sig, siglen,
		    NULL)) != 0)
			goto out;
		sig = buf_ptr(blob);
		siglen = buf_len(blob);
	}
	if ((r = sshsig_parse(sig, siglen, &s)) != 0)
		goto out;
	dlen = sshsig_digest(s->hashalg, msg, msglen, d);
	if ((r = sshsig_check_digest(s, ns, alg, d, dlen)) != 0)
		goto out;
	if (pk != NULL)
		memcpy(pk, s->pk, KEY_PKLEN);
 out:
	sshsig_free(s);
	buf_free(blob);
	return r;
}
