/* privkey.c: openssh-key-v1 private key files, plain or kith-encrypted. */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "b64.h"
#include "buf.h"
#include "file.h"
#include "kerr.h"
#include "key.h"
#include "privkey.h"

#define PK_BLOCK	8	/* padding block, for "none" and kith alike */
#define PK_TAGLEN	crypto_aead_xchacha20poly1305_ietf_ABYTES
#define PK_MAXNAME	64	/* a cipher or KDF name */
#define PK_MAXOPTS	1024	/* kdfoptions */

enum pk_cipher {
	PK_NONE,		/* "none" / "none" */
	PK_KITH,		/* PRIVKEY_CIPHER / PRIVKEY_KDF */
	PK_SSH			/* an OpenSSH cipher / "bcrypt" */
};

/* The parsed envelope: views into the decoded blob, which outlives it. */
struct envelope {
	enum pk_cipher	 cipher;
	struct buf	*kdfopts;
	struct key	*pub;	/* the public key blob */
	struct buf	*ad;	/* from the magic to the public key */
	struct buf	*enc;	/* the (encrypted) private section */
	u_char		 tag[PK_TAGLEN];	/* an AEAD tag */
};

/* The argon2id output: the AEAD key, then the nonce. */
struct okm {
	u_char	key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
	u_char	nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
};
_Static_assert(sizeof(struct okm) ==
    crypto_aead_xchacha20poly1305_ietf_KEYBYTES +
    crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, "struct okm is packed");

/* The ciphers OpenSSH 9.2 encrypts keys with, and their tag lengths. */
static const struct {
	const char	*name;
	size_t		 authlen;
} ssh_ciphers[] = {
	{ "3des-cbc", 0 },
	{ "aes128-cbc", 0 },
	{ "aes192-cbc", 0 },
	{ "aes256-cbc", 0 },
	{ "aes128-ctr", 0 },
	{ "aes192-ctr", 0 },
	{ "aes256-ctr", 0 },
	{ "aes128-gcm@openssh.com", 16 },
	{ "aes256-gcm@openssh.com", 16 },
	{ "chacha20-poly1305@openssh.com", 16 },
};

/* Sets *cp and the tag length *authlenp for a cipher and KDF pair. */
static int
classify(const char *cipher, const char *kdf, enum pk_cipher *cp,
    size_t *authlenp)
{
	size_t i;

	*authlenp = 0;
	if (strcmp(cipher, "none") == 0 && strcmp(kdf, "none") == 0) {
		*cp = PK_NONE;
		return 0;
	}
	if (strcmp(cipher, PRIVKEY_CIPHER) == 0 &&
	    strcmp(kdf, PRIVKEY_KDF) == 0) {
		*cp = PK_KITH;
		*authlenp = PK_TAGLEN;
		return 0;
	}
	for (i = 0; i < nitems(ssh_ciphers); i++) {
		if (strcmp(cipher, ssh_ciphers[i].name) == 0 &&
		    strcmp(kdf, "bcrypt") == 0) {
			*cp = PK_SSH;
			*authlenp = ssh_ciphers[i].authlen;
			return 0;
		}
	}
	return KE_CIPHER;
}

static void
envelope_clear(struct envelope *env)
{
	buf_free(env->kdfopts);
	buf_free(env->ad);
	buf_free(env->enc);
	key_free(env->pub);
	memset(env, 0, sizeof(*env));
}

/* Reads the public key string; only a plain ssh-ed25519 key will do. */
static int
get_pub(struct buf *b, struct key **kp)
{
	struct buf *pb = NULL;
	int r;

	*kp = NULL;
	if ((r = buf_get_stringb(b, &pb, KITH_MAXSTRING)) != 0 ||
	    (r = key_from_blob(pb, kp)) != 0)
		goto out;
	if ((*kp)->cert != NULL) {
		key_free(*kp);
		*kp = NULL;
		r = KE_KEYTYPE;
	}
 out:
	buf_free(pb);
	return r;
}

/* The section a padded cipher holds is a nonzero multiple of PK_BLOCK. */
static int
check_blocks(const struct envelope *env)
{
	if (env->cipher == PK_SSH)
		return 0;
	if (buf_len(env->enc) < PK_BLOCK || buf_len(env->enc) % PK_BLOCK != 0)
		return KE_PADDING;
	if (env->cipher == PK_NONE && buf_len(env->kdfopts) != 0)
		return KE_FORMAT;
	return 0;
}

/* Parses the whole decoded blob (nothing may follow) into env. */
static int
envelope_parse(struct buf *blob, struct envelope *env)
{
	const u_char *start = buf_ptr(blob);
	size_t total = buf_len(blob), authlen;
	char *cipher = NULL, *kdf = NULL;
	uint32_t nkeys;
	int r;

	if ((r = buf_get_magic(blob, PRIVKEY_MAGIC,
	    sizeof(PRIVKEY_MAGIC))) != 0 ||
	    (r = buf_get_cstring(blob, &cipher, PK_MAXNAME)) != 0 ||
	    (r = buf_get_cstring(blob, &kdf, PK_MAXNAME)) != 0 ||
	    (r = classify(cipher, kdf, &env->cipher, &authlen)) != 0 ||
	    (r = buf_get_stringb(blob, &env->kdfopts, PK_MAXOPTS)) != 0 ||
	    (r = buf_get_u32(blob, &nkeys)) != 0)
		goto out;
	if (nkeys != 1) {
		r = KE_NKEYS;
		goto out;
	}
	if ((r = get_pub(blob, &env->pub)) != 0)
		goto out;
	if ((env->ad = buf_view(start, total - buf_len(blob))) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	if ((r = buf_get_stringb(blob, &env->enc, KITH_MAXSTRING)) != 0 ||
	    (r = buf_get_fixed(blob, env->tag, authlen)) != 0 ||
	    (r = buf_end(blob)) != 0)
		goto out;
	r = check_blocks(env);
 out:
	free(cipher);
	free(kdf);
	return r;
}

/*
 * Decodes the armoured file into a new secure buffer *blobp.  The END
 * line must end in a newline (OpenSSH insists) and only line ends may
 * follow it.
 */
static int
decode_file(const struct buf *file, struct buf **blobp)
{
	struct buf *blob = NULL, *rest = NULL;
	size_t end;
	uint8_t c;
	int r;

	*blobp = NULL;
	if ((blob = buf_new_secure()) == NULL ||
	    (rest = buf_view(buf_ptr(file), buf_len(file))) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	if ((r = b64_dearmour(blob, PRIVKEY_LABEL, (const char *)buf_ptr(file),
	    buf_len(file), &end)) != 0 ||
	    (r = buf_consume(rest, end - 1)) != 0)
		goto out;
	if (buf_get_u8(rest, &c) != 0 || c != '\n') {
		r = KE_ARMOUR;
		goto out;
	}
	while (buf_get_u8(rest, &c) == 0) {
		if (c != '\n' && c != '\r') {
			r = KE_TRAILING;
			goto out;
		}
	}
	*blobp = blob;
	blob = NULL;
 out:
	buf_free(rest);
	buf_free(blob);
	return r;
}

/* Decodes file into *blobp and parses the envelope that views it. */
static int
open_file(const struct buf *file, struct buf **blobp, struct envelope *env)
{
	int r;

	memset(env, 0, sizeof(*env));
	if ((r = decode_file(file, blobp)) != 0)
		return r;
	return envelope_parse(*blobp, env);
}

/* KE_RANGE unless a reader would accept these argon2id parameters. */
static int
kdf_check(const struct privkey_kdf *kdf)
{
	if (kdf->opslimit < PRIVKEY_OPS_MIN ||
	    kdf->opslimit > PRIVKEY_OPS_MAX ||
	    kdf->memlimit_kib < PRIVKEY_MEM_MIN ||
	    kdf->memlimit_kib > PRIVKEY_MEM_MAX)
		return KE_RANGE;
	return 0;
}

static int
kdf_parse(struct buf *opts, struct privkey_kdf *kdf)
{
	int r;

	if ((r = buf_get_string_fixed(opts, kdf->salt,
	    sizeof(kdf->salt))) != 0 ||
	    (r = buf_get_u32(opts, &kdf->opslimit)) != 0 ||
	    (r = buf_get_u32(opts, &kdf->memlimit_kib)) != 0 ||
	    (r = buf_end(opts)) != 0)
		return r == KE_TOOLONG ? KE_FORMAT : r;
	return kdf_check(kdf);
}

static void
kdf_default(struct privkey_kdf *kdf)
{
	randombytes_buf(kdf->salt, sizeof(kdf->salt));
	kdf->opslimit = crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
	kdf->memlimit_kib = crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE / 1024;
}

/* Fills okm from the passphrase; the parameters are checked already. */
static int
kdf_derive(const char *pass, const struct privkey_kdf *kdf, struct okm *okm)
{
	if (crypto_pwhash((u_char *)okm, sizeof(*okm), pass, strlen(pass),
	    kdf->salt, kdf->opslimit, (size_t)kdf->memlimit_kib * 1024,
	    crypto_pwhash_ALG_ARGON2ID13) != 0)
		return KE_NOMEM;	/* argon2 fails only to allocate */
	return 0;
}

/* Decrypts a kith-encrypted section into a new secure buffer *privp. */
static int
private_decrypt(struct envelope *env, const char *pass, struct buf **privp)
{
	struct privkey_kdf kdf;
	struct okm *okm = NULL;
	struct buf *priv = NULL;
	u_char *m;
	int r;

	*privp = NULL;
	if ((r = kdf_parse(env->kdfopts, &kdf)) != 0)
		return r;
	if (pass == NULL)
		return KE_PASSPHRASE;
	if ((okm = sodium_malloc(sizeof(*okm))) == NULL ||
	    (priv = buf_new_secure()) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	if ((r = kdf_derive(pass, &kdf, okm)) != 0 ||
	    (r = buf_reserve(priv, buf_len(env->enc), &m)) != 0)
		goto out;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(m, NULL,
	    buf_ptr(env->enc), buf_len(env->enc), env->tag, buf_ptr(env->ad),
	    buf_len(env->ad), okm->nonce, okm->key) != 0) {
		r = KE_PASSPHRASE;
		goto out;
	}
	*privp = priv;
	priv = NULL;
 out:
	if (okm != NULL)
		sodium_free(okm);
	buf_free(priv);
	return r;
}

/* Consumes the string "ssh-ed25519"; KE_KEYTYPE for any other string. */
static int
get_type(struct buf *b)
{
	const u_char *p;
	size_t n;
	int r;

	if ((r = buf_get_string_ptr(b, &p, &n, KITH_MAXSTRING)) != 0)
		return r;
	if (n != strlen(KEY_TYPE) || memcmp(p, KEY_TYPE, n) != 0)
		return KE_KEYTYPE;
	return 0;
}

/* Consumes the rest of b, which must be the padding 1, 2, 3, ... */
static int
get_padding(struct buf *b)
{
	uint8_t c, i = 0;

	while (buf_get_u8(b, &c) == 0) {
		if (c != ++i)
			return KE_PADDING;
	}
	return 0;
}

/*
 * Reads the key from the private section: the check ints, the type,
 * pk, sk (seed || pk), the comment, the padding.  *kp is re-derived from
 * the seed, and every copy of the public key must agree with it.
 */
static int
private_parse(struct buf *priv, const struct key *pub, struct key **kp,
    char **commentp)
{
	struct key *k = NULL;
	u_char pk[KEY_PKLEN], *sk = NULL;
	char *comment = NULL;
	uint32_t check1, check2;
	int r;

	if ((r = buf_get_u32(priv, &check1)) != 0 ||
	    (r = buf_get_u32(priv, &check2)) != 0)
		goto out;
	if (check1 != check2) {
		r = KE_FORMAT;
		goto out;
	}
	if ((sk = sodium_malloc(KEY_SKLEN)) == NULL ||
	    (k = key_new()) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	if ((r = get_type(priv)) != 0 ||
	    (r = buf_get_string_fixed(priv, pk, sizeof(pk))) != 0 ||
	    (r = buf_get_string_fixed(priv, sk, KEY_SKLEN)) != 0) {
		if (r == KE_TOOLONG || r == KE_FORMAT)
			r = KE_BADKEY;
		goto out;
	}
	if ((r = buf_get_cstring(priv, &comment, KITH_MAXCOMMENT)) != 0 ||
	    (r = get_padding(priv)) != 0 ||
	    (r = key_set_seed(k, sk)) != 0)
		goto out;
	/* k->sk is seed || derived pk, so this also checks sk[32..64] */
	if (sodium_memcmp(k->sk, sk, KEY_SKLEN) != 0 ||
	    sodium_memcmp(k->pk, pk, sizeof(pk)) != 0 ||
	    !key_equal_public(k, pub)) {
		r = KE_KEYMISMATCH;
		goto out;
	}
	*kp = k;
	k = NULL;
	if (commentp != NULL) {
		*commentp = comment;
		comment = NULL;
	}
 out:
	if (sk != NULL)
		sodium_free(sk);
	key_free(k);
	free(comment);
	return r;
}

int
privkey_parse(const struct buf *file, const char *pass, struct key **kp,
    char **commentp)
{
	struct envelope env;
	struct buf *blob = NULL, *priv = NULL;
	int r;

	*kp = NULL;
	if (commentp != NULL)
		*commentp = NULL;
	if ((r = open_file(file, &blob, &env)) != 0)
		goto out;
	switch (env.cipher) {
	case PK_NONE:
		r = private_parse(env.enc, env.pub, kp, commentp);
		break;
	case PK_KITH:
		if ((r = private_decrypt(&env, pass, &priv)) == 0)
			r = private_parse(priv, env.pub, kp, commentp);
		break;
	default:
		r = KE_SSHENC;
		break;
	}
 out:
	envelope_clear(&env);
	buf_free(priv);
	buf_free(blob);
	return r;
}

int
privkey_parse_public(const struct buf *file, struct key **kp)
{
	struct envelope env;
	struct buf *blob = NULL;
	int r;

	*kp = NULL;
	if ((r = open_file(file, &blob, &env)) == 0) {
		*kp = env.pub;
		env.pub = NULL;
	}
	envelope_clear(&env);
	buf_free(blob);
	return r;
}

int
privkey_is_encrypted(const struct buf *file, int *encp)
{
	struct envelope env;
	struct buf *blob = NULL;
	int r;

	*encp = 0;
	if ((r = open_file(file, &blob, &env)) == 0) {
		if (env.cipher == PK_SSH)
			r = KE_SSHENC;
		else
			*encp = env.cipher == PK_KITH;
	}
	envelope_clear(&env);
	buf_free(blob);
	return r;
}

/* Appends the plaintext private section, padded to PK_BLOCK. */
static int
private_encode(struct buf *priv, const struct key *k, const char *comment,
    uint32_t check)
{
	uint8_t i;
	int r;

	if ((r = buf_put_u32(priv, check)) != 0 ||
	    (r = buf_put_u32(priv, check)) != 0 ||
	    (r = buf_put_cstring(priv, KEY_TYPE)) != 0 ||
	    (r = buf_put_string(priv, k->pk, KEY_PKLEN)) != 0 ||
	    (r = buf_put_string(priv, k->sk, KEY_SKLEN)) != 0 ||
	    (r = buf_put_cstring(priv, comment)) != 0)
		return r;
	for (i = 1; buf_len(priv) % PK_BLOCK != 0; i++) {
		if ((r = buf_put_u8(priv, i)) != 0)
			return r;
	}
	return 0;
}

/* Appends the envelope up to and including the public key. */
static int
envelope_encode(struct buf *blob, const struct key *k, const char *cipher,
    const char *kdf, const struct buf *kdfopts)
{
	struct buf *pb = NULL;
	int r;

	if ((pb = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = buf_put(blob, PRIVKEY_MAGIC, sizeof(PRIVKEY_MAGIC))) != 0 ||
	    (r = buf_put_cstring(blob, cipher)) != 0 ||
	    (r = buf_put_cstring(blob, kdf)) != 0 ||
	    (r = buf_put_stringb(blob, kdfopts)) != 0 ||
	    (r = buf_put_u32(blob, 1)) != 0 ||
	    (r = key_put_plain_blob(pb, k)) != 0 ||
	    (r = buf_put_stringb(blob, pb)) != 0)
		goto out;
 out:
	buf_free(pb);
	return r;
}

static int
seal_none(struct buf *blob, const struct key *k, const struct buf *priv)
{
	struct buf *opts = NULL;
	int r;

	if ((opts = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = envelope_encode(blob, k, "none", "none", opts)) == 0)
		r = buf_put_stringb(blob, priv);
	buf_free(opts);
	return r;
}

/*
 * Appends the envelope and priv encrypted under the passphrase; the
 * envelope so far is the additional data, the tag follows the string.
 */
static int
seal_kith(struct buf *blob, const struct key *k, const struct buf *priv,
    const char *pass, const struct privkey_kdf *kdfp)
{
	struct privkey_kdf kdf;
	struct buf *opts = NULL;
	struct okm *okm = NULL;
	size_t adlen, len = buf_len(priv);
	u_char *c;
	int r;

	if (kdfp != NULL)
		kdf = *kdfp;
	else
		kdf_default(&kdf);
	if ((r = kdf_check(&kdf)) != 0)
		return r;
	if ((opts = buf_new()) == NULL ||
	    (okm = sodium_malloc(sizeof(*okm))) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	if ((r = buf_put_string(opts, kdf.salt, sizeof(kdf.salt))) != 0 ||
	    (r = buf_put_u32(opts, kdf.opslimit)) != 0 ||
	    (r = buf_put_u32(opts, kdf.memlimit_kib)) != 0 ||
	    (r = envelope_encode(blob, k, PRIVKEY_CIPHER, PRIVKEY_KDF,
	    opts)) != 0 ||
	    (r = kdf_derive(pass, &kdf, okm)) != 0)
		goto out;
	adlen = buf_len(blob);
	if ((r = buf_put_u32(blob, (uint32_t)len)) != 0 ||
	    (r = buf_reserve(blob, len + PK_TAGLEN, &c)) != 0)
		goto out;
	/* the blob is never consumed, so buf_ptr is its start */
	if (crypto_aead_xchacha20poly1305_ietf_encrypt_detached(c, c + len,
	    NULL, buf_ptr(priv), len, buf_ptr(blob), adlen, NULL, okm->nonce,
	    okm->key) != 0)
		r = KE_CRYPTO;
 out:
	if (okm != NULL)
		sodium_free(okm);
	buf_free(opts);
	return r;
}

int
privkey_encode_with(struct buf *out, const struct key *k,
    const char *comment, const char *pass, uint32_t check,
    const struct privkey_kdf *kdf)
{
	struct buf *blob = NULL, *priv = NULL;
	int r;

	if (k->sk == NULL)
		return KE_NOSECRET;
	if (comment == NULL)
		comment = "";
	if (strlen(comment) > KITH_MAXCOMMENT)
		return KE_TOOLONG;
	if ((blob = buf_new_secure()) == NULL ||
	    (priv = buf_new_secure()) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	if ((r = private_encode(priv, k, comment, check)) != 0)
		goto out;
	if (pass == NULL || *pass == '\0')
		r = seal_none(blob, k, priv);
	else
		r = seal_kith(blob, k, priv, pass, kdf);
	if (r == 0)
		r = b64_armour(out, PRIVKEY_LABEL, buf_ptr(blob),
		    buf_len(blob));
 out:
	buf_free(priv);
	buf_free(blob);
	return r;
}

int
privkey_encode(struct buf *out, const struct key *k, const char *comment,
    const char *pass)
{
	uint32_t check;

	if (sodium_init() < 0)
		return KE_CRYPTO;
	randombytes_buf(&check, sizeof(check));
	return privkey_encode_with(out, k, comment, pass, check, NULL);
}

int
privkey_load(const char *path, const char *pass, struct key **kp,
    char **commentp)
{
	struct buf *b = NULL;
	int r;

	*kp = NULL;
	if (commentp != NULL)
		*commentp = NULL;
	if ((r = file_read_secret(path, PRIVKEY_MAXFILE, &b)) != 0)
		return r;
	r = privkey_parse(b, pass, kp, commentp);
	buf_free(b);
	return r;
}

int
privkey_save(const char *path, const struct key *k, const char *comment,
    const char *pass)
{
	struct buf *b = NULL;
	int r;

	if ((b = buf_new_secure()) == NULL)
		return KE_NOMEM;
	if ((r = privkey_encode(b, k, comment, pass)) == 0)
		r = file_write_new(path, buf_ptr(b), buf_len(b), 0600);
	buf_free(b);
	return r;
}
