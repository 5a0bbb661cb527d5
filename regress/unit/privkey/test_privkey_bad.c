/*
 * Malformed private key files: blobs built field by field with one
 * thing wrong, damaged armour, bit flips and hostile KDF parameters.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "b64.h"
#include "buf.h"
#include "kerr.h"
#include "key.h"
#include "privkey.h"
#include "test.h"
#include "t_privkey.h"

/* Every field of an openssh-key-v1 blob, to be set wrong one at a time. */
struct mk {
	const char	*magic;		/* 15 bytes */
	const char	*cipher;
	const char	*kdf;
	const void	*opts;
	size_t		 optslen;
	uint32_t	 nkeys;
	const char	*envtype;
	u_char		 envpk[KEY_PKLEN];
	uint32_t	 check1, check2;
	const char	*type;
	u_char		 pk[KEY_PKLEN];
	size_t		 pklen;
	u_char		 sk[KEY_SKLEN];
	size_t		 sklen;
	const char	*comment;
	size_t		 commentlen;
	int		 padlen;	/* -1: to a multiple of 8 */
	int		 padfix;	/* added to the last pad byte */
	size_t		 taglen;	/* zero bytes after the string */
	size_t		 trailing;	/* junk at the very end */
};

static void
mk_init(struct mk *m, const struct key *k)
{
	memset(m, 0, sizeof(*m));
	m->magic = PRIVKEY_MAGIC;
	m->cipher = m->kdf = "none";
	m->nkeys = 1;
	m->envtype = m->type = KEY_TYPE;
	memcpy(m->envpk, k->pk, KEY_PKLEN);
	m->check1 = m->check2 = 0x01020304;
	memcpy(m->pk, k->pk, KEY_PKLEN);
	m->pklen = KEY_PKLEN;
	memcpy(m->sk, k->sk, KEY_SKLEN);
	m->sklen = KEY_SKLEN;
	m->comment = "comment";		/* leaves 6 pad bytes */
	m->commentlen = strlen(m->comment);
	m->padlen = -1;
}

static void
mk_private(const struct mk *m, struct buf *p)
{
	int i, n;

	buf_put_u32(p, m->check1);
	buf_put_u32(p, m->check2);
	buf_put_cstring(p, m->type);
	buf_put_string(p, m->pk, m->pklen);
	buf_put_string(p, m->sk, m->sklen);
	buf_put_string(p, m->comment, m->commentlen);
	n = m->padlen >= 0 ? m->padlen : (int)((8 - buf_len(p) % 8) % 8);
	for (i = 1; i <= n; i++)
		buf_put_u8(p, (uint8_t)(i + (i == n ? m->padfix : 0)));
}

static int
mk_parse(const struct mk *m)
{
	struct buf *b = buf_new(), *p = buf_new(), *pub = buf_new();
	size_t i;
	int r;

	buf_put(b, m->magic, sizeof(PRIVKEY_MAGIC));
	buf_put_cstring(b, m->cipher);
	buf_put_cstring(b, m->kdf);
	buf_put_string(b, m->opts, m->optslen);
	buf_put_u32(b, m->nkeys);
	buf_put_cstring(pub, m->envtype);
	buf_put_string(pub, m->envpk, KEY_PKLEN);
	buf_put_stringb(b, pub);
	mk_private(m, p);
	buf_put_stringb(b, p);
	for (i = 0; i < m->taglen; i++)
		buf_put_u8(b, 0);
	for (i = 0; i < m->trailing; i++)
		buf_put_u8(b, 'x');
	r = tp_parse_blob(buf_ptr(b), buf_len(b), "pw");
	buf_free(pub);
	buf_free(p);
	buf_free(b);
	return r;
}

/* kdfoptions for argon2id@kith with the given salt length and limits. */
static size_t
mk_opts(u_char *d, size_t saltlen, uint32_t ops, uint32_t mem, size_t extra)
{
	struct buf *b = buf_new();
	u_char salt[32] = { 0 };
	size_t n;

	buf_put_string(b, salt, saltlen);
	buf_put_u32(b, ops);
	buf_put_u32(b, mem);
	while (extra-- > 0)
		buf_put_u8(b, 0);
	n = buf_len(b);
	memcpy(d, buf_ptr(b), n);
	buf_free(b);
	return n;
}

static void
bad_envelope(const struct key *k)
{
	struct mk m;

	mk_init(&m, k);
	T_EQ(mk_parse(&m), 0, "built blob parses");
	m.magic = "openssh-key-v2";
	T_EQ(mk_parse(&m), KE_MAGIC, "wrong magic");
	mk_init(&m, k);
	m.cipher = "blowfish-cbc";
	T_EQ(mk_parse(&m), KE_CIPHER, "unknown cipher");
	mk_init(&m, k);
	m.kdf = "scrypt";
	T_EQ(mk_parse(&m), KE_CIPHER, "unknown kdf");
	m.kdf = "bcrypt";
	T_EQ(mk_parse(&m), KE_CIPHER, "cipher none with kdf bcrypt");
	m.cipher = PRIVKEY_CIPHER;
	T_EQ(mk_parse(&m), KE_CIPHER, "kith cipher with kdf bcrypt");
	m.cipher = "aes256-ctr";
	T_EQ(mk_parse(&m), KE_SSHENC, "aes256-ctr/bcrypt is KE_SSHENC");
	m.cipher = "aes256-gcm@openssh.com";
	T_EQ(mk_parse(&m), KE_TRUNCATED, "aes256-gcm without its tag");
	m.taglen = 16;
	T_EQ(mk_parse(&m), KE_SSHENC, "aes256-gcm with its tag");
	mk_init(&m, k);
	m.opts = "x";
	m.optslen = 1;
	T_EQ(mk_parse(&m), KE_FORMAT, "kdfoptions with cipher none");
	mk_init(&m, k);
	m.nkeys = 2;
	T_EQ(mk_parse(&m), KE_NKEYS, "nkeys 2");
	m.nkeys = 0;
	T_EQ(mk_parse(&m), KE_NKEYS, "nkeys 0");
	mk_init(&m, k);
	m.envtype = "ssh-rsa";
	T_EQ(mk_parse(&m), KE_KEYTYPE, "envelope key type ssh-rsa");
	m.envtype = KEY_CERT_TYPE;
	T_OK(mk_parse(&m) != 0, "envelope key type certificate");
	mk_init(&m, k);
	m.trailing = 1;
	T_EQ(mk_parse(&m), KE_TRAILING, "a trailing byte");
}

static void
bad_private(const struct key *k, const struct key *o)
{
	struct mk m;

	mk_init(&m, k);
	m.check2++;
	T_EQ(mk_parse(&m), KE_FORMAT, "check ints differ");
	mk_init(&m, k);
	m.type = "ssh-rsa";
	T_EQ(mk_parse(&m), KE_KEYTYPE, "inner key type ssh-rsa");
	m.type = "ssh-ed25519-cert-v01@openssh.com";
	T_EQ(mk_parse(&m), KE_KEYTYPE, "inner key type certificate");
	mk_init(&m, k);
	m.pklen = KEY_PKLEN - 1;
	T_EQ(mk_parse(&m), KE_BADKEY, "pk of 31 bytes");
	mk_init(&m, k);
	m.sklen = KEY_SKLEN - 1;
	T_EQ(mk_parse(&m), KE_BADKEY, "sk of 63 bytes");
	mk_init(&m, k);
	m.comment = "a\0b";
	m.commentlen = 3;
	T_EQ(mk_parse(&m), KE_NUL, "comment with a NUL");
	m.comment = calloc(1, KITH_MAXCOMMENT + 1);
	m.commentlen = KITH_MAXCOMMENT + 1;
	T_EQ(mk_parse(&m), KE_TOOLONG, "comment over the cap");
	free((void *)m.comment);
	mk_init(&m, k);
	memcpy(m.envpk, o->pk, KEY_PKLEN);
	T_EQ(mk_parse(&m), KE_KEYMISMATCH, "envelope pk differs");
	mk_init(&m, k);
	memcpy(m.pk, o->pk, KEY_PKLEN);
	T_EQ(mk_parse(&m), KE_KEYMISMATCH, "inner pk differs");
	mk_init(&m, k);
	memcpy(m.sk + 32, o->pk, KEY_PKLEN);
	T_EQ(mk_parse(&m), KE_KEYMISMATCH, "sk[32..64] differs");
	mk_init(&m, k);
	memcpy(m.sk, o->sk, 32);
	T_EQ(mk_parse(&m), KE_KEYMISMATCH, "seed of another key");
	mk_init(&m, o);
	memcpy(m.envpk, k->pk, KEY_PKLEN);
	T_EQ(mk_parse(&m), KE_KEYMISMATCH, "private half of another key");
}

static void
bad_padding(const struct key *k)
{
	struct mk m;

	mk_init(&m, k);
	m.padfix = 1;
	T_EQ(mk_parse(&m), KE_PADDING, "wrong last pad byte");
	m.padfix = -6;
	T_EQ(mk_parse(&m), KE_PADDING, "zero pad byte");
	mk_init(&m, k);
	m.padlen = 5;
	T_EQ(mk_parse(&m), KE_PADDING, "padding one short");
	m.padlen = 7;
	T_EQ(mk_parse(&m), KE_PADDING, "padding one long");
	m.padlen = 14;
	T_EQ(mk_parse(&m), 0, "a block more padding (OpenSSH allows it)");
	mk_init(&m, k);
	m.comment = "comment12";
	m.commentlen = 9;
	m.padlen = 0;
	T_EQ(mk_parse(&m), KE_PADDING, "no padding where 4 bytes are due");
}

static void
bad_kdf(const struct key *k)
{
	u_char opts[64];
	struct mk m;

	mk_init(&m, k);
	m.cipher = PRIVKEY_CIPHER;
	m.kdf = PRIVKEY_KDF;
	m.opts = opts;
	m.taglen = 16;
	m.optslen = mk_opts(opts, 16, 1, 8, 0);
	T_EQ(mk_parse(&m), KE_PASSPHRASE, "kith cipher, forged tag");
	m.taglen = 15;
	T_EQ(mk_parse(&m), KE_TRUNCATED, "kith cipher, short tag");
	m.taglen = 17;
	T_EQ(mk_parse(&m), KE_TRAILING, "kith cipher, long tag");
	m.taglen = 16;
	m.padlen = 5;
	T_EQ(mk_parse(&m), KE_PADDING, "kith cipher, section not 8n");
	m.padlen = -1;
	m.optslen = mk_opts(opts, 15, 1, 8, 0);
	T_EQ(mk_parse(&m), KE_FORMAT, "salt of 15 bytes");
	m.optslen = mk_opts(opts, 17, 1, 8, 0);
	T_EQ(mk_parse(&m), KE_FORMAT, "salt of 17 bytes");
	m.optslen = mk_opts(opts, 16, 1, 8, 1);
	T_EQ(mk_parse(&m), KE_TRAILING, "kdfoptions with a trailing byte");
	m.optslen = mk_opts(opts, 16, 1, 8, 0) - 1;
	T_EQ(mk_parse(&m), KE_TRUNCATED, "kdfoptions one short");
	m.optslen = mk_opts(opts, 16, 0, 8, 0);
	T_EQ(mk_parse(&m), KE_RANGE, "opslimit 0");
	m.optslen = mk_opts(opts, 16, PRIVKEY_OPS_MAX + 1, 8, 0);
	T_EQ(mk_parse(&m), KE_RANGE, "opslimit over the cap");
	m.optslen = mk_opts(opts, 16, 1, PRIVKEY_MEM_MIN - 1, 0);
	T_EQ(mk_parse(&m), KE_RANGE, "memlimit under the minimum");
	m.optslen = mk_opts(opts, 16, 1, PRIVKEY_MEM_MAX + 1, 0);
	T_EQ(mk_parse(&m), KE_RANGE, "memlimit over the cap");
}

/* Replaces from with to in a copy of file and parses that. */
static int
edit_parse(const struct buf *file, const char *from, const char *to)
{
	char *s, *p;
	struct buf *b;
	int r;

	if ((s = buf_dup_cstring(file)) == NULL ||
	    (p = strstr(s, from)) == NULL || (b = buf_new()) == NULL)
		exit(1);
	buf_put(b, s, (size_t)(p - s));
	buf_put(b, to, strlen(to));
	buf_put(b, p + strlen(from), strlen(p + strlen(from)));
	r = tp_parse_file(b, NULL);
	buf_free(b);
	free(s);
	return r;
}

static void
bad_armour(void)
{
	struct buf *file = tp_slurp("ed25519", ""), *e = buf_new();
	const char *end = "-----END OPENSSH PRIVATE KEY-----\n";

	T_EQ(edit_parse(file, end, "-----END OPENSSH PRIVATE KEY-----\n\n\n"),
	    0, "blank lines after END are fine");
	T_EQ(edit_parse(file, end, "-----END OPENSSH PRIVATE KEY-----\nx\n"),
	    KE_TRAILING, "text after END");
	T_EQ(edit_parse(file, end, "-----END OPENSSH PRIVATE KEY-----"),
	    KE_ARMOUR, "no newline after END (OpenSSH refuses it too)");
	T_EQ(edit_parse(file, "\n", "\r\n"), 0, "CR LF after BEGIN");
	T_EQ(edit_parse(file, "-----BEGIN OPENSSH", "x-----BEGIN OPENSSH"),
	    KE_ARMOUR, "text before BEGIN");
	T_EQ(edit_parse(file, "OPENSSH PRIVATE", "RSA PRIVATE"), KE_ARMOUR,
	    "another label");
	T_EQ(edit_parse(file, "b3Blbn", "b3*lbn"), KE_BASE64,
	    "a bad base64 character");
	T_EQ(edit_parse(file, "b3Blbn", "b3lbn"), KE_BASE64,
	    "a base64 character missing");
	T_EQ(edit_parse(file, "b3Blbn", "b3B=bn"), KE_BASE64,
	    "padding inside the base64");
	T_EQ(tp_parse_file(e, NULL), KE_ARMOUR, "an empty file");
	buf_free(e);
	buf_free(file);
}

void
tp_malformed(void)
{
	struct key *k = tp_fixed_key(11), *o = tp_fixed_key(12);

	bad_envelope(k);
	bad_private(k, o);
	bad_padding(k);
	bad_kdf(k);
	bad_armour();
	key_free(o);
	key_free(k);
}

void
tp_bitflips(const struct buf *file, const char *pass)
{
	struct buf *blob = tp_dearmour(file);
	u_char *d;
	size_t n = buf_len(blob), i;
	int bit, bad = 0;

	if ((d = malloc(n)) == NULL)
		exit(1);
	memcpy(d, buf_ptr(blob), n);
	for (i = 0; i < n; i++) {
		for (bit = 0; bit < 8; bit++) {
			d[i] ^= 1 << bit;
			if (tp_parse_blob(d, n, pass) == 0)
				bad++;
			d[i] ^= 1 << bit;
		}
	}
	T_EQ(bad, 0, "all %zu single-bit flips fail", n * 8);
	T_EQ(tp_parse_blob(d, n, pass), 0, "the unflipped blob parses");
	free(d);
	buf_free(blob);
}

/* Overwrites the u32 at off in a copy of blob, then parses it. */
static int
patch_parse(const struct buf *blob, size_t off, uint32_t v, double *secs)
{
	struct timespec t0, t1;
	u_char *d;
	int r;

	if ((d = malloc(buf_len(blob))) == NULL)
		exit(1);
	memcpy(d, buf_ptr(blob), buf_len(blob));
	d[off] = v >> 24;
	d[off + 1] = v >> 16;
	d[off + 2] = v >> 8;
	d[off + 3] = v;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	r = tp_parse_blob(d, buf_len(blob), "pw");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	free(d);
	return r;
}

void
tp_kdf_limits(const struct buf *file, const struct key *k)
{
	struct privkey_kdf kdf = { .opslimit = 1, .memlimit_kib = 8 };
	struct buf *blob = tp_dearmour(file), *out = buf_new();
	/* magic, cipher, kdf, kdfoptions length, salt */
	size_t ops = sizeof(PRIVKEY_MAGIC) + 4 + strlen(PRIVKEY_CIPHER) +
	    4 + strlen(PRIVKEY_KDF) + 4 + 4 + PRIVKEY_SALTLEN;
	double secs;

	T_EQ(patch_parse(blob, ops, 0xffffffff, &secs), KE_RANGE,
	    "opslimit 2^32-1 refused");
	T_OK(secs < 0.5, "  in %.3fs", secs);
	T_EQ(patch_parse(blob, ops + 4, 0xffffffff, &secs), KE_RANGE,
	    "memlimit 4 TiB refused");
	T_OK(secs < 0.5, "  in %.3fs", secs);
	kdf.opslimit = 0;
	T_EQ(privkey_encode_with(out, k, NULL, "pw", 1, &kdf), KE_RANGE,
	    "encode refuses opslimit 0");
	kdf.opslimit = PRIVKEY_OPS_MAX + 1;
	T_EQ(privkey_encode_with(out, k, NULL, "pw", 1, &kdf), KE_RANGE,
	    "encode refuses opslimit over the cap");
	kdf.opslimit = 1;
	kdf.memlimit_kib = PRIVKEY_MEM_MAX + 1;
	T_EQ(privkey_encode_with(out, k, NULL, "pw", 1, &kdf), KE_RANGE,
	    "encode refuses memlimit over the cap");
	T_EQ(buf_len(out), 0, "and writes nothing");
	buf_free(out);
	buf_free(blob);
}
