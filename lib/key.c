/* key.c: Ed25519 public blobs, text lines and raw signatures. */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "b64.h"
#include "buf.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"

struct key *
key_new(void)
{
	if (sodium_init() < 0)
		return NULL;
	return calloc(1, sizeof(struct key));
}

void
key_free(struct key *k)
{
	if (k == NULL)
		return;
	if (k->sk != NULL)
		sodium_free(k->sk);
	cert_free(k->cert);
	free(k);
}

int
key_set_seed(struct key *k, const u_char *seed)
{
	if (k->sk == NULL && (k->sk = sodium_malloc(KEY_SKLEN)) == NULL)
		return KE_NOMEM;
	if (crypto_sign_ed25519_seed_keypair(k->pk, k->sk, seed) != 0)
		return KE_CRYPTO;
	return 0;
}

int
key_generate(struct key **kp)
{
	struct key *k;
	u_char seed[crypto_sign_ed25519_SEEDBYTES];
	int r;

	*kp = NULL;
	if ((k = key_new()) == NULL)
		return KE_NOMEM;
	randombytes_buf(seed, sizeof(seed));
	r = key_set_seed(k, seed);
	sodium_memzero(seed, sizeof(seed));
	if (r != 0) {
		key_free(k);
		return r;
	}
	*kp = k;
	return 0;
}

int
key_copy_public(const struct key *k, struct key **kp)
{
	struct key *c;
	int r;

	*kp = NULL;
	if ((c = key_new()) == NULL)
		return KE_NOMEM;
	memcpy(c->pk, k->pk, sizeof(c->pk));
	if (k->cert != NULL && (r = cert_dup(k->cert, &c->cert)) != 0) {
		key_free(c);
		return r;
	}
	*kp = c;
	return 0;
}

/* Parses string "ssh-ed25519" + string pk from b into pk. */
static int
key_get_plain(struct buf *b, u_char *pk)
{
	int r;

	if ((r = buf_get_magic(b, "\0\0\0\013" KEY_TYPE, 15)) != 0)
		return r == KE_MAGIC ? KE_KEYTYPE : r;
	if ((r = buf_get_string_fixed(b, pk, KEY_PKLEN)) != 0)
		return r == KE_TOOLONG || r == KE_FORMAT ? KE_BADKEY : r;
	return 0;
}

int
key_from_blob(struct buf *b, struct key **kp)
{
	struct key *k = NULL;
	struct cert *c = NULL;
	const u_char *p;
	size_t len;
	uint32_t n;
	int r;

	*kp = NULL;
	if ((r = buf_peek_u32(b, &n)) != 0)
		return r;
	if ((k = key_new()) == NULL)
		return KE_NOMEM;
	if (n == strlen(KEY_CERT_TYPE) && buf_len(b) >= 4 + n &&
	    memcmp(buf_ptr(b) + 4, KEY_CERT_TYPE, n) == 0) {
		p = buf_ptr(b);
		len = buf_len(b);
		if ((r = cert_parse(p, len, &c)) != 0)
			goto out;
		memcpy(k->pk, cert_pk(c), KEY_PKLEN);
		k->cert = c;
		c = NULL;
		r = buf_consume(b, len);
	} else if ((r = key_get_plain(b, k->pk)) == 0)
		r = buf_end(b);
	if (r != 0)
		goto out;
	*kp = k;
	k = NULL;
 out:
	key_free(k);
	return r;
}

int
key_put_plain_blob(struct buf *b, const struct key *k)
{
	int r;

	if ((r = buf_put_cstring(b, KEY_TYPE)) != 0)
		return r;
	return buf_put_string(b, k->pk, KEY_PKLEN);
}

int
key_put_blob(struct buf *b, const struct key *k)
{
	if (k->cert != NULL)
		return cert_put_blob(b, k->cert);
	return key_put_plain_blob(b, k);
}

static size_t
span_word(const char *s, size_t len, size_t i)
{
	while (i < len && s[i] != ' ' && s[i] != '\t' && s[i] != '\0')
		i++;
	return i;
}

int
key_parse_text(const char *s, size_t len, struct key **kp, size_t *usedp)
{
	struct buf *blob = NULL;
	struct key *k = NULL;
	size_t tw, bs, be;
	int r, cert;

	*kp = NULL;
	if (usedp != NULL)
		*usedp = 0;
	tw = span_word(s, len, 0);
	if (tw == strlen(KEY_TYPE) && strncmp(s, KEY_TYPE, tw) == 0)
		cert = 0;
	else if (tw == strlen(KEY_CERT_TYPE) &&
	    strncmp(s, KEY_CERT_TYPE, tw) == 0)
		cert = 1;
	else
		return KE_KEYTYPE;
	for (bs = tw; bs < len && (s[bs] == ' ' || s[bs] == '\t'); bs++)
		;
	if (bs == tw || bs >= len)
		return KE_FORMAT;
	be = span_word(s, len, bs);
	if ((blob = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = b64_decode(blob, s + bs, be - bs)) != 0 ||
	    (r = key_from_blob(blob, &k)) != 0)
		goto out;
	if ((k->cert != NULL) != cert) {
		r = KE_KEYTYPE;
		goto out;
	}
	*kp = k;
	k = NULL;
	if (usedp != NULL)
		*usedp = be;
 out:
	key_free(k);
	buf_free(blob);
	return r;
}

int
key_format_line(struct buf *out, const struct key *k, const char *comment)
{
	struct buf *blob = NULL;
	int r;

	if ((blob = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = key_put_blob(blob, k)) != 0 ||
	    (r = buf_put(out, key_type(k), strlen(key_type(k)))) != 0 ||
	    (r = buf_put_u8(out, ' ')) != 0 ||
	    (r = b64_encode(out, buf_ptr(blob), buf_len(blob))) != 0)
		goto out;
	if (comment != NULL && ((r = buf_put_u8(out, ' ')) != 0 ||
	    (r = buf_put(out, comment, strlen(comment))) != 0))
		goto out;
	r = buf_put_u8(out, '\n');
 out:
	buf_free(blob);
	return r;
}

const char *
key_type(const struct key *k)
{
	return k->cert != NULL ? KEY_CERT_TYPE : KEY_TYPE;
}

const char *
key_type_short(const struct key *k)
{
	return k->cert != NULL ? "ED25519-CERT" : "ED25519";
}

int
key_equal_public(const struct key *a, const struct key *b)
{
	return sodium_memcmp(a->pk, b->pk, KEY_PKLEN) == 0;
}

int
key_sign_raw(const struct key *k, const u_char *msg, size_t len, u_char *sig)
{
	if (k->sk == NULL)
		return KE_NOSECRET;
	if (crypto_sign_ed25519_detached(sig, NULL, msg, len, k->sk) != 0)
		return KE_CRYPTO;
	return 0;
}

int
key_verify_raw(const u_char *pk, const u_char *msg, size_t len,
    const u_char *sig)
{
	if (crypto_sign_ed25519_verify_detached(sig, msg, len, pk) != 0)
		return KE_SIGNATURE;
	return 0;
}

int
key_put_sig(struct buf *b, const u_char *sig)
{
	int r;

	if ((r = buf_put_cstring(b, KEY_TYPE)) != 0)
		return r;
	return buf_put_string(b, sig, KEY_SIGLEN);
}

int
key_get_sig(struct buf *b, u_char *sig)
{
	int r;

	if ((r = buf_get_magic(b, "\0\0\0\013" KEY_TYPE, 15)) != 0)
		return r == KE_MAGIC ? KE_SIGNATURE : r;
	if ((r = buf_get_string_fixed(b, sig, KEY_SIGLEN)) != 0)
		return r == KE_TOOLONG || r == KE_FORMAT ? KE_SIGNATURE : r;
	return buf_end(b);
}
