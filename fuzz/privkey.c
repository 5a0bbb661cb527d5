/*
 * privkey.c: openssh-key-v1 private key files.  Runs privkey_parse_public,
 * privkey_is_encrypted and privkey_parse without a passphrase, and checks
 * they agree.  A passphrase is passed only when the file asks for the
 * cheapest argon2id (PRIVKEY_OPS_MIN, PRIVKEY_MEM_MIN): any other
 * parameters would cost up to 256 MiB and seconds per run, and the AEAD
 * tag fails anyway unless the input is a seed made with FZ_PASS.  A key
 * that parses is written again (plain, and under FZ_PASS at the minimum
 * cost) and must read back the same.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "b64.h"
#include "buf.h"
#include "kerr.h"
#include "key.h"
#include "privkey.h"
#include "fuzz.h"

#define FZ_PASS		"fuzz"
#define FZ_CHECKINT	0x6b697468

/* 1 if the file's kdfoptions are argon2id@kith's minimum, else 0. */
static int
kdf_is_min(const struct buf *file)
{
	struct buf *blob, *opts = NULL;
	const u_char *p;
	u_char salt[PRIVKEY_SALTLEN];
	uint32_t ops, mem;
	size_t n;
	int ok = 0;

	FZ_CHECK((blob = buf_new()) != NULL);
	if (b64_dearmour(blob, PRIVKEY_LABEL, (const char *)buf_ptr(file),
	    buf_len(file), NULL) != 0 ||
	    buf_get_magic(blob, PRIVKEY_MAGIC, sizeof(PRIVKEY_MAGIC)) != 0 ||
	    buf_get_string_ptr(blob, &p, &n, KITH_MAXSTRING) != 0 ||
	    buf_get_string_ptr(blob, &p, &n, KITH_MAXSTRING) != 0 ||
	    buf_get_stringb(blob, &opts, KITH_MAXSTRING) != 0 ||
	    buf_get_string_fixed(opts, salt, sizeof(salt)) != 0 ||
	    buf_get_u32(opts, &ops) != 0 || buf_get_u32(opts, &mem) != 0)
		goto out;
	ok = ops == PRIVKEY_OPS_MIN && mem == PRIVKEY_MEM_MIN;
 out:
	buf_free(opts);
	buf_free(blob);
	return ok;
}

/* k (with comment) written with pass and kdf reads back the same. */
static void
round_trip(const struct key *k, const char *comment, const char *pass,
    const struct privkey_kdf *kdf)
{
	struct buf *out;
	struct key *k2 = NULL;
	char *c2 = NULL;
	int enc;

	FZ_CHECK((out = buf_new_secure()) != NULL);
	FZ_CHECK(privkey_encode_with(out, k, comment, pass, FZ_CHECKINT,
	    kdf) == 0);
	FZ_CHECK(privkey_is_encrypted(out, &enc) == 0);
	FZ_CHECK(enc == (pass != NULL));
	FZ_CHECK(privkey_parse(out, pass, &k2, &c2) == 0);
	FZ_CHECK(key_equal_public(k, k2));
	FZ_CHECK(memcmp(k->sk, k2->sk, KEY_SKLEN) == 0);
	FZ_CHECK(strcmp(comment, c2) == 0);
	key_free(k2);
	free(c2);
	buf_free(out);
}

/* The key privkey_parse gave agrees with the envelope's public key. */
static void
check_key(const struct buf *file, const struct key *pub, const char *pass)
{
	struct privkey_kdf kdf;
	struct key *k = NULL;
	char *comment = NULL;

	FZ_CHECK(privkey_parse(file, pass, &k, &comment) == 0);
	FZ_CHECK(k != NULL && k->sk != NULL && comment != NULL);
	FZ_CHECK(key_equal_public(k, pub));
	FZ_CHECK(strlen(comment) <= KITH_MAXCOMMENT);
	round_trip(k, comment, NULL, NULL);
	memset(&kdf, 0, sizeof(kdf));
	kdf.opslimit = PRIVKEY_OPS_MIN;
	kdf.memlimit_kib = PRIVKEY_MEM_MIN;
	round_trip(k, comment, FZ_PASS, &kdf);
	key_free(k);
	free(comment);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct buf *file;
	struct key *pub = NULL, *k = NULL;
	char *comment = NULL;
	int enc = -1, rp, re, r;

	if (len > PRIVKEY_MAXFILE)
		return 0;
	FZ_CHECK((file = buf_view(data, len)) != NULL);
	rp = privkey_parse_public(file, &pub);
	re = privkey_is_encrypted(file, &enc);
	r = privkey_parse(file, NULL, &k, &comment);
	/* both read the same envelope; only an OpenSSH cipher differs */
	FZ_CHECK((rp == 0) == (re == 0 || re == KE_SSHENC));
	FZ_CHECK((rp == 0) == (pub != NULL));
	FZ_CHECK(re == 0 ? enc == 0 || enc == 1 : enc == 0);
	if (r == 0) {
		FZ_CHECK(rp == 0 && re == 0 && enc == 0);
		key_free(k);
		free(comment);
		check_key(file, pub, NULL);
	} else {
		FZ_CHECK(k == NULL && comment == NULL);
		if (re == KE_SSHENC)
			FZ_CHECK(r == KE_SSHENC);
		else if (rp != 0)
			FZ_CHECK(re == rp && r == rp);
	}
	if (re == 0 && enc == 1) {
		FZ_CHECK(r != 0);
		if (kdf_is_min(file)) {
			if (privkey_parse(file, FZ_PASS, &k, &comment) == 0) {
				key_free(k);
				free(comment);
				check_key(file, pub, FZ_PASS);
			}
		}
	}
	key_free(pub);
	buf_free(file);
	return 0;
}
