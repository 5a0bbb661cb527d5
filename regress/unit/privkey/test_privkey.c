/*
 * Unit tests for lib/privkey.c: golden ssh-keygen keys, byte-identical
 * round trips, kith's passphrase protection and file permissions.
 * Malformed files are in test_privkey_bad.c.  "privkey -g DIR" writes
 * kith's golden files instead (see regress/data/privkey/mkdata.sh).
 */
#include "compat.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "b64.h"
#include "buf.h"
#include "file.h"
#include "kerr.h"
#include "key.h"
#include "privkey.h"
#include "test.h"
#include "t_privkey.h"

#define GOLDEN_CHECK	0x6b697468	/* "kith" */
#define GOLDEN_COMMENT	"kith test key"
#define GOLDEN_ENCPASS	"kith pass"

struct buf *
tp_slurp(const char *name, const char *suffix)
{
	struct buf *b;
	char path[256];
	u_char *d;
	size_t len;

	snprintf(path, sizeof(path), "%s/%s%s", TP_DATA, name, suffix);
	d = t_slurp(path, &len);
	if ((b = buf_from(d, len)) == NULL)
		exit(1);
	free(d);
	return b;
}

struct buf *
tp_dearmour(const struct buf *file)
{
	struct buf *blob;

	if ((blob = buf_new()) == NULL ||
	    b64_dearmour(blob, PRIVKEY_LABEL, (const char *)buf_ptr(file),
	    buf_len(file), NULL) != 0)
		exit(1);
	return blob;
}

int
tp_parse_blob(const u_char *p, size_t len, const char *pass)
{
	struct buf *file;
	struct key *k = NULL;
	char *comment = NULL;
	int r;

	if ((file = buf_new()) == NULL ||
	    b64_armour(file, PRIVKEY_LABEL, p, len) != 0)
		exit(1);
	r = privkey_parse(file, pass, &k, &comment);
	if ((r == 0) != (k != NULL && comment != NULL))
		r = KE_INTERNAL;	/* outputs must match the result */
	key_free(k);
	free(comment);
	buf_free(file);
	return r;
}

int
tp_parse_file(const struct buf *file, const char *pass)
{
	struct key *k = NULL;
	char *comment = NULL;
	int r;

	r = privkey_parse(file, pass, &k, &comment);
	key_free(k);
	free(comment);
	return r;
}

struct key *
tp_fixed_key(u_char base)
{
	struct key *k;
	u_char seed[32];
	size_t i;

	for (i = 0; i < sizeof(seed); i++)
		seed[i] = (u_char)(base + i);
	if ((k = key_new()) == NULL || key_set_seed(k, seed) != 0)
		exit(1);
	return k;
}

/* The check int of an unencrypted file, read with the cursor. */
static uint32_t
golden_check(const struct buf *file)
{
	struct buf *blob = tp_dearmour(file), *v;
	uint32_t n, check = 0;
	int i;

	buf_consume(blob, sizeof(PRIVKEY_MAGIC));
	for (i = 0; i < 3; i++) {
		buf_get_stringb(blob, &v, 1024);
		buf_free(v);
	}
	buf_get_u32(blob, &n);
	buf_get_stringb(blob, &v, 1024);
	buf_free(v);
	buf_get_u32(blob, &n);
	buf_get_u32(blob, &check);
	buf_free(blob);
	return check;
}

/* Every truncation of the file and of its decoded blob fails. */
static void
truncations(const struct buf *file, const char *pass, const char *name)
{
	struct buf *blob = tp_dearmour(file), *v;
	struct key *k;
	char *c;
	size_t i;
	int bad = 0;

	for (i = 0; i < buf_len(file); i++) {
		v = buf_view(buf_ptr(file), i);
		if (privkey_parse(v, pass, &k, &c) == 0 || k != NULL ||
		    c != NULL)
			bad++;
		buf_free(v);
	}
	T_EQ(bad, 0, "%s: all %zu file truncations fail", name, i);
	for (bad = 0, i = 0; i < buf_len(blob); i++) {
		if (tp_parse_blob(buf_ptr(blob), i, pass) == 0)
			bad++;
	}
	T_EQ(bad, 0, "%s: all %zu blob truncations fail", name, i);
	buf_free(blob);
}

static void
test_golden(const char *name)
{
	struct buf *file, *pub, *out, *line;
	struct key *k = NULL, *pk = NULL, *pp = NULL;
	char *comment = NULL;
	u_char sig[KEY_SIGLEN];
	int enc = -1;

	file = tp_slurp(name, "");
	pub = tp_slurp(name, ".pub");
	T_EQ(privkey_parse(file, NULL, &k, &comment), 0, "%s: parse", name);
	T_EQ(key_parse_text((const char *)buf_ptr(pub), buf_len(pub), &pk,
	    NULL), 0, "%s: parse .pub", name);
	T_OK(k != NULL && pk != NULL && key_equal_public(k, pk),
	    "%s: pk matches .pub", name);
	line = buf_new();
	T_OK(key_format_line(line, k, comment) == 0 && buf_equal(line, pub),
	    "%s: comment and line match .pub", name);
	T_OK(key_sign_raw(k, (const u_char *)"m", 1, sig) == 0 &&
	    key_verify_raw(pk->pk, (const u_char *)"m", 1, sig) == 0,
	    "%s: parsed key signs", name);
	T_EQ(privkey_parse_public(file, &pp), 0, "%s: parse_public", name);
	T_OK(pp != NULL && key_equal_public(pp, pk) && pp->sk == NULL,
	    "%s: public half only", name);
	T_OK(privkey_is_encrypted(file, &enc) == 0 && enc == 0,
	    "%s: not encrypted", name);
	out = buf_new();
	T_EQ(privkey_encode_with(out, k, comment, NULL, golden_check(file),
	    NULL), 0, "%s: encode with its check int", name);
	T_OK(buf_equal(out, file), "%s: byte-identical round trip", name);
	truncations(file, NULL, name);
	key_free(k);
	key_free(pk);
	key_free(pp);
	free(comment);
	buf_free(out);
	buf_free(line);
	buf_free(pub);
	buf_free(file);
}

/* Keys OpenSSH encrypted: the public half reads, the rest is refused. */
static void
test_sshenc(const char *name)
{
	struct buf *file, *pub;
	struct key *k = NULL, *pk = NULL;
	char *comment = NULL;
	int enc = -1;

	file = tp_slurp(name, "");
	pub = tp_slurp(name, ".pub");
	T_EQ(privkey_parse(file, "pass", &k, &comment), KE_SSHENC,
	    "%s: KE_SSHENC with the passphrase", name);
	T_OK(k == NULL && comment == NULL, "%s: no outputs", name);
	T_EQ(privkey_parse(file, NULL, &k, NULL), KE_SSHENC,
	    "%s: KE_SSHENC without", name);
	T_EQ(privkey_is_encrypted(file, &enc), KE_SSHENC,
	    "%s: is_encrypted says KE_SSHENC", name);
	T_EQ(privkey_parse_public(file, &k), 0, "%s: parse_public", name);
	key_parse_text((const char *)buf_ptr(pub), buf_len(pub), &pk, NULL);
	T_OK(k != NULL && pk != NULL && key_equal_public(k, pk),
	    "%s: envelope pk matches .pub", name);
	truncations(file, "pass", name);
	key_free(k);
	key_free(pk);
	buf_free(pub);
	buf_free(file);
}

/* kith-plain is reproduced byte for byte; ssh-keygen -y read it. */
static void
test_kith_golden(void)
{
	struct buf *file, *y, *out, *line;
	struct key *k, *got = NULL;
	char *comment = NULL;

	k = tp_fixed_key(1);
	file = tp_slurp("kith-plain", "");
	y = tp_slurp("kith-plain.y", "");
	out = buf_new();
	T_EQ(privkey_encode_with(out, k, GOLDEN_COMMENT, NULL, GOLDEN_CHECK,
	    NULL), 0, "kith-plain: encode");
	T_OK(buf_equal(out, file), "kith-plain: golden bytes");
	T_EQ(privkey_parse(file, NULL, &got, &comment), 0, "kith-plain: parse");
	T_OK(got != NULL && key_equal_public(got, k) &&
	    sodium_memcmp(got->sk, k->sk, KEY_SKLEN) == 0,
	    "kith-plain: same key");
	line = buf_new();
	key_format_line(line, k, GOLDEN_COMMENT);
	T_OK(buf_equal(line, y), "kith-plain: ssh-keygen -y printed it");
	key_free(got);
	key_free(k);
	free(comment);
	buf_free(line);
	buf_free(out);
	buf_free(y);
	buf_free(file);
}

/* kith-enc: opens with its passphrase; ssh-keygen -l saw the same key. */
static void
test_kith_enc_golden(void)
{
	struct buf *file, *l, *blob, *want;
	struct key *k = NULL, *pk = NULL;
	char *comment = NULL;
	u_char h[crypto_hash_sha256_BYTES];
	int enc = -1;

	file = tp_slurp("kith-enc", "");
	l = tp_slurp("kith-enc.l", "");
	T_OK(privkey_is_encrypted(file, &enc) == 0 && enc == 1,
	    "kith-enc: encrypted");
	T_EQ(privkey_parse_public(file, &pk), 0, "kith-enc: parse_public");
	T_EQ(privkey_parse(file, GOLDEN_ENCPASS, &k, &comment), 0,
	    "kith-enc: parse");
	T_OK(k != NULL && pk != NULL && key_equal_public(k, pk) &&
	    strcmp(comment, "kith encrypted key") == 0, "kith-enc: key");
	blob = buf_new();
	want = buf_new();
	key_put_plain_blob(blob, pk);
	crypto_hash_sha256(h, buf_ptr(blob), buf_len(blob));
	buf_put(want, "256 SHA256:", 11);
	b64_encode(want, h, sizeof(h));
	buf_consume_tail(want, 1);	/* ssh-keygen drops the padding */
	T_OK(buf_len(l) > buf_len(want) &&
	    memcmp(buf_ptr(l), buf_ptr(want), buf_len(want)) == 0,
	    "kith-enc: ssh-keygen -l fingerprint matches");
	key_free(k);
	key_free(pk);
	free(comment);
	buf_free(want);
	buf_free(blob);
	buf_free(l);
	buf_free(file);
}

/* kith's passphrase protection with cheap KDF parameters. */
static void
test_kith_enc(void)
{
	struct privkey_kdf kdf = { .opslimit = 1, .memlimit_kib = 8 };
	struct buf *file, *again;
	struct key *k, *got = NULL;
	char *comment = NULL;
	int enc = -1;

	memset(kdf.salt, 7, sizeof(kdf.salt));
	k = tp_fixed_key(3);
	file = buf_new();
	again = buf_new();
	T_EQ(privkey_encode_with(file, k, "enc", "pw", 42, &kdf), 0,
	    "kith enc: encode");
	privkey_encode_with(again, k, "enc", "pw", 42, &kdf);
	T_OK(buf_equal(file, again), "kith enc: deterministic given salt");
	T_OK(privkey_is_encrypted(file, &enc) == 0 && enc == 1,
	    "kith enc: is_encrypted");
	T_EQ(privkey_parse(file, "pw", &got, &comment), 0, "kith enc: parse");
	T_OK(got != NULL && key_equal_public(got, k) &&
	    sodium_memcmp(got->sk, k->sk, KEY_SKLEN) == 0 &&
	    strcmp(comment, "enc") == 0, "kith enc: same key and comment");
	key_free(got);
	free(comment);
	T_EQ(privkey_parse(file, "pW", &got, &comment), KE_PASSPHRASE,
	    "kith enc: wrong passphrase");
	T_OK(got == NULL && comment == NULL, "kith enc: no outputs");
	T_EQ(privkey_parse(file, "", &got, NULL), KE_PASSPHRASE,
	    "kith enc: empty passphrase");
	T_EQ(privkey_parse(file, NULL, &got, NULL), KE_PASSPHRASE,
	    "kith enc: no passphrase");
	T_EQ(privkey_parse_public(file, &got), 0, "kith enc: parse_public");
	T_OK(got != NULL && key_equal_public(got, k) && got->sk == NULL,
	    "kith enc: public half without passphrase");
	key_free(got);
	truncations(file, "pw", "kith enc");
	tp_bitflips(file, "pw");
	tp_kdf_limits(file, k);
	key_free(k);
	buf_free(again);
	buf_free(file);
}

/* The real path: random check int and salt, interactive limits. */
static void
test_encode_default(void)
{
	struct buf *a, *b;
	struct key *k = NULL, *got = NULL;
	char *comment = NULL;
	int enc = -1;

	key_generate(&k);
	a = buf_new_secure();
	b = buf_new_secure();
	T_EQ(privkey_encode(a, k, NULL, "secret"), 0, "default: encode");
	T_EQ(privkey_encode(b, k, NULL, "secret"), 0, "default: again");
	T_OK(!buf_equal(a, b), "default: fresh salt and check int");
	T_EQ(privkey_parse(a, "secret", &got, &comment), 0, "default: parse");
	T_OK(got != NULL && key_equal_public(got, k) &&
	    strcmp(comment, "") == 0, "default: key, empty comment");
	key_free(got);
	free(comment);
	buf_reset(a);
	T_EQ(privkey_encode(a, k, "c", ""), 0,
	    "default: \"\" means no passphrase");
	T_OK(privkey_is_encrypted(a, &enc) == 0 && enc == 0,
	    "default: unencrypted");
	T_EQ(privkey_parse(a, "ignored", &got, NULL), 0,
	    "default: a passphrase is ignored when unencrypted");
	key_free(got);
	key_free(k);
	buf_free(a);
	buf_free(b);
}

static void
test_files(void)
{
	char dir[] = "/tmp/kith-privkey.XXXXXX", path[64];
	struct key *k, *got = NULL;
	char *comment = NULL;
	struct stat st;

	if (mkdtemp(dir) == NULL)
		exit(1);
	snprintf(path, sizeof(path), "%s/key", dir);
	k = tp_fixed_key(5);
	T_EQ(privkey_save(path, k, "saved", NULL), 0, "save");
	T_OK(stat(path, &st) == 0 && (st.st_mode & 07777) == 0600,
	    "saved with mode 0600");
	T_EQ(privkey_save(path, k, "saved", NULL), KE_EXISTS,
	    "save never replaces");
	T_EQ(privkey_load(path, NULL, &got, &comment), 0, "load");
	T_OK(got != NULL && key_equal_public(got, k) &&
	    strcmp(comment, "saved") == 0, "loaded key and comment");
	key_free(got);
	free(comment);
	chmod(path, 0644);
	T_EQ(privkey_load(path, NULL, &got, &comment), KE_PERM,
	    "a 0644 key is refused");
	T_OK(got == NULL && comment == NULL, "no outputs on KE_PERM");
	chmod(path, 0640);
	T_EQ(privkey_load(path, NULL, &got, NULL), KE_PERM,
	    "a 0640 key is refused");
	unlink(path);
	T_OK(privkey_load(path, NULL, &got, NULL) < KE_SYSBASE,
	    "a missing key is an errno");
	rmdir(dir);
	key_free(k);
}

static void
test_encode_errors(void)
{
	struct key *k = tp_fixed_key(9), *pub = NULL;
	struct buf *out = buf_new();
	char *big;

	key_copy_public(k, &pub);
	T_EQ(privkey_encode(out, pub, "x", NULL), KE_NOSECRET,
	    "no private half");
	big = malloc(KITH_MAXCOMMENT + 2);
	memset(big, 'c', KITH_MAXCOMMENT + 1);
	big[KITH_MAXCOMMENT + 1] = '\0';
	T_EQ(privkey_encode(out, k, big, NULL), KE_TOOLONG,
	    "comment over KITH_MAXCOMMENT");
	big[KITH_MAXCOMMENT] = '\0';
	T_EQ(privkey_encode(out, k, big, NULL), 0, "comment at the cap");
	T_EQ(tp_parse_file(out, NULL), 0, "which reads back");
	free(big);
	key_free(pub);
	key_free(k);
	buf_free(out);
}

/* Writes kith's golden files into dir, for mkdata.sh. */
static int
generate(const char *dir)
{
	struct buf *b = buf_new_secure();
	struct key *k = tp_fixed_key(1);
	char path[1024];
	int r;

	snprintf(path, sizeof(path), "%s/kith-plain", dir);
	if ((r = privkey_encode_with(b, k, GOLDEN_COMMENT, NULL, GOLDEN_CHECK,
	    NULL)) != 0 ||
	    (r = file_write_atomic(path, buf_ptr(b), buf_len(b), 0600)) != 0)
		goto out;
	buf_reset(b);
	key_free(k);
	k = tp_fixed_key(2);
	snprintf(path, sizeof(path), "%s/kith-enc", dir);
	if ((r = privkey_encode(b, k, "kith encrypted key",
	    GOLDEN_ENCPASS)) != 0 ||
	    (r = file_write_atomic(path, buf_ptr(b), buf_len(b), 0600)) != 0)
		goto out;
 out:
	if (r != 0)
		fprintf(stderr, "%s: %s\n", path, kith_strerror(r));
	key_free(k);
	buf_free(b);
	return r == 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	if (sodium_init() < 0)
		return 1;
	if (argc == 3 && strcmp(argv[1], "-g") == 0)
		return generate(argv[2]);
	test_golden("ed25519");
	test_golden("ed25519-nocomment");
	test_golden("ed25519-long");
	test_sshenc("ed25519-aes");
	test_sshenc("ed25519-chacha");
	test_kith_golden();
	test_kith_enc_golden();
	test_kith_enc();
	test_encode_default();
	test_encode_errors();
	test_files();
	tp_malformed();
	return t_done();
}
