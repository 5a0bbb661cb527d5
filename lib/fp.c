/* fp.c: fingerprints, randomart, bubblebabble and PGP words. */
#include "compat.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>
#include <md5.h>
#include <sha1.h>

#include "buf.h"
#include "fp.h"
#include "kerr.h"
#include "key.h"
#include "sha256.h"
#include "sshvis.h"

#define FP_BITS		256	/* every Ed25519 key */
#define B64_NOPAD	sodium_base64_VARIANT_ORIGINAL_NO_PADDING

/* The randomart field: 17 by 9, the bishop starting in the middle. */
#define FLDBASE		8
#define FLDSIZE_Y	(FLDBASE + 1)
#define FLDSIZE_X	(FLDBASE * 2 + 1)

int
fp_sha256(struct buf *out, const u_char *blob, size_t len)
{
	u_char d[crypto_hash_sha256_BYTES];
	char s[sodium_base64_ENCODED_LEN(sizeof(d), B64_NOPAD)];
	int r;

	if (sodium_init() < 0)
		return KE_CRYPTO;
	sha256(d, blob, len);
	sodium_bin2base64(s, sizeof(s), d, sizeof(d), B64_NOPAD);
	if ((r = buf_puts(out, "SHA256:")) != 0)
		return r;
	return buf_puts(out, s);
}

static void
md5_digest(const u_char *blob, size_t len, u_char *d)
{
	MD5_CTX ctx;

	MD5Init(&ctx);
	MD5Update(&ctx, blob, len);
	MD5Final(d, &ctx);
}

int
fp_md5(struct buf *out, const u_char *blob, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	u_char d[MD5_DIGEST_LENGTH];
	char pair[3];
	size_t i;
	int r;

	md5_digest(blob, len, d);
	if ((r = buf_puts(out, "MD5:")) != 0)
		return r;
	for (i = 0; i < sizeof(d); i++) {
		pair[0] = ':';
		pair[1] = hex[d[i] >> 4];
		pair[2] = hex[d[i] & 0xf];
		/* no ':' before the first pair */
		if ((r = buf_put(out, pair + (i == 0),
		    sizeof(pair) - (i == 0))) != 0)
			return r;
	}
	return 0;
}

/* Appends one bubblebabble tuple: vowel, consonant, vowel. */
static int
babble_tuple(struct buf *out, u_int v0, u_int c, u_int v1)
{
	static const char vowels[] = "aeiouy";
	static const char cons[] = "bcdfghklmnprstvzx";
	char t[3];

	t[0] = vowels[v0 % 6];
	t[1] = cons[c];
	t[2] = vowels[v1 % 6];
	return buf_put(out, t, sizeof(t));
}

int
fp_babble(struct buf *out, const u_char *d, size_t len)
{
	static const char cons[] = "bcdfghklmnprstvzx";
	size_t i, rounds = len / 2 + 1;
	u_int seed = 1, b0, b1;
	char t[3];
	int r;

	if ((r = buf_put_u8(out, 'x')) != 0)
		return r;
	for (i = 0; i < rounds; i++) {
		if (i + 1 == rounds && len % 2 == 0) {
			/* the closing tuple */
			if ((r = babble_tuple(out, seed, 16, seed / 6)) != 0)
				return r;
			break;
		}
		b0 = d[2 * i];
		if ((r = babble_tuple(out, ((b0 >> 6) & 3) + seed,
		    (b0 >> 2) & 15, (b0 & 3) + seed / 6)) != 0)
			return r;
		if (i + 1 == rounds)
			break;
		b1 = d[2 * i + 1];
		t[0] = cons[b1 >> 4];
		t[1] = '-';
		t[2] = cons[b1 & 15];
		if ((r = buf_put(out, t, sizeof(t))) != 0)
			return r;
		seed = (seed * 5 + b0 * 7 + b1) % 36;
	}
	return buf_put_u8(out, 'x');
}

int
fp_bubblebabble(struct buf *out, const u_char *blob, size_t len)
{
	SHA1_CTX ctx;
	u_char d[SHA1_DIGEST_LENGTH];

	SHA1Init(&ctx);
	SHA1Update(&ctx, blob, len);
	SHA1Final(d, &ctx);
	return fp_babble(out, d, sizeof(d));
}

/* The bishop's walk: each byte gives four moves, low bits first. */
static void
randomart_walk(u_char field[FLDSIZE_X][FLDSIZE_Y], const u_char *d,
    size_t len)
{
	int x = FLDSIZE_X / 2, y = FLDSIZE_Y / 2;
	size_t i;
	u_int b, in;

	for (i = 0; i < len; i++) {
		in = d[i];
		for (b = 0; b < 4; b++, in >>= 2) {
			x += (in & 1) ? 1 : -1;
			y += (in & 2) ? 1 : -1;
			x = x < 0 ? 0 : x > FLDSIZE_X - 1 ? FLDSIZE_X - 1 : x;
			y = y < 0 ? 0 : y > FLDSIZE_Y - 1 ? FLDSIZE_Y - 1 : y;
			if (field[x][y] < 14)	/* saturates below S, E */
				field[x][y]++;
		}
	}
	field[FLDSIZE_X / 2][FLDSIZE_Y / 2] = 15;	/* S */
	field[x][y] = 16;				/* E */
}

/* Appends "+", label centred in FLDSIZE_X dashes, "+". */
static int
randomart_border(struct buf *out, const char *label)
{
	char line[FLDSIZE_X + 2];
	size_t n = strlen(label), pad = (FLDSIZE_X - n) / 2;

	memset(line, '-', sizeof(line));
	line[0] = '+';
	memcpy(line + 1 + pad, label, n);
	line[sizeof(line) - 1] = '+';
	return buf_put(out, line, sizeof(line));
}

int
fp_randomart(struct buf *out, const u_char *d, size_t len,
    const char *type, u_int bits, const char *alg)
{
	static const char sym[] = " .o+=*BOX@%&#/^SE";
	u_char field[FLDSIZE_X][FLDSIZE_Y];
	char title[FLDSIZE_X], hash[FLDSIZE_X], row[FLDSIZE_X + 3];
	int n, x, y, r;

	memset(field, 0, sizeof(field));
	randomart_walk(field, d, len);
	/* As OpenSSH: 17 chars is not "too wide", just cut to 16. */
	n = snprintf(title, sizeof(title), "[%s %u]", type, bits);
	if (n < 0 || n > (int)sizeof(title))
		(void)snprintf(title, sizeof(title), "[%s]", type);
	(void)snprintf(hash, sizeof(hash), "[%s]", alg);
	if ((r = randomart_border(out, title)) != 0 ||
	    (r = buf_put_u8(out, '\n')) != 0)
		return r;
	row[0] = '|';
	row[FLDSIZE_X + 1] = '|';
	row[FLDSIZE_X + 2] = '\n';
	for (y = 0; y < FLDSIZE_Y; y++) {
		for (x = 0; x < FLDSIZE_X; x++)
			row[x + 1] = sym[field[x][y]];
		if ((r = buf_put(out, row, sizeof(row))) != 0)
			return r;
	}
	return randomart_border(out, hash);
}

int
fp_words(struct buf *out, const u_char *blob, size_t len)
{
	u_char d[crypto_hash_sha256_BYTES];
	const char *w;
	size_t i;
	int r;

	if (sodium_init() < 0)
		return KE_CRYPTO;
	crypto_hash_sha256(d, blob, len);
	for (i = 0; i < FP_NWORDS; i++) {
		w = (i % 2 == 0 ? fp_pgp_even : fp_pgp_odd)[d[i]];
		if (i > 0 && (r = buf_puts(out, i % 4 == 0 ? "  " : " ")) != 0)
			return r;
		if ((r = buf_puts(out, w)) != 0)
			return r;
	}
	return 0;
}

/* A new buffer holding k's plain public blob. */
static int
plain_blob(const struct key *k, struct buf **bp)
{
	struct buf *b;
	int r;

	*bp = NULL;
	if ((b = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = key_put_plain_blob(b, k)) != 0) {
		buf_free(b);
		return r;
	}
	*bp = b;
	return 0;
}

int
fp_key(struct buf *out, const struct key *k, int hash)
{
	struct buf *b = NULL;
	int r;

	if (hash != FP_SHA256 && hash != FP_MD5)
		return KE_INTERNAL;
	if ((r = plain_blob(k, &b)) != 0)
		return r;
	if (hash == FP_MD5)
		r = fp_md5(out, buf_ptr(b), buf_len(b));
	else
		r = fp_sha256(out, buf_ptr(b), buf_len(b));
	buf_free(b);
	return r;
}

int
fp_key_randomart(struct buf *out, const struct key *k, int hash)
{
	struct buf *b = NULL;
	u_char d[FP_SHA256_LEN];
	size_t dlen = sizeof(d);
	int r;

	if (hash != FP_SHA256 && hash != FP_MD5)
		return KE_INTERNAL;
	if ((r = plain_blob(k, &b)) != 0)
		return r;
	if (hash == FP_MD5) {
		md5_digest(buf_ptr(b), buf_len(b), d);
		dlen = FP_MD5_LEN;
	} else if (sodium_init() < 0 ||
	    crypto_hash_sha256(d, buf_ptr(b), buf_len(b)) != 0) {
		r = KE_CRYPTO;
		goto out;
	}
	r = fp_randomart(out, d, dlen, key_type_short(k), FP_BITS,
	    hash == FP_MD5 ? "MD5" : "SHA256");
 out:
	buf_free(b);
	return r;
}

int
fp_key_words(struct buf *out, const struct key *k)
{
	struct buf *b = NULL;
	int r;

	if ((r = plain_blob(k, &b)) != 0)
		return r;
	r = fp_words(out, buf_ptr(b), buf_len(b));
	buf_free(b);
	return r;
}

/* Appends ssh-keygen's "bits fingerprint comment (type)\n", unescaped. */
static int
format_raw(struct buf *line, const struct key *k, const char *comment,
    int hash, int bubble)
{
	struct buf *b = NULL;
	char bits[16];
	int r;

	(void)snprintf(bits, sizeof(bits), "%u ", FP_BITS);
	if ((r = buf_puts(line, bits)) != 0)
		return r;
	if (bubble) {
		if ((r = plain_blob(k, &b)) != 0)
			return r;
		r = fp_bubblebabble(line, buf_ptr(b), buf_len(b));
		buf_free(b);
	} else
		r = fp_key(line, k, hash);
	if (comment == NULL)
		comment = "no comment";
	if (r != 0 ||
	    (r = buf_put_u8(line, ' ')) != 0 ||
	    (r = buf_puts(line, comment)) != 0 ||
	    (r = buf_puts(line, " (")) != 0 ||
	    (r = buf_puts(line, key_type_short(k))) != 0)
		return r;
	return buf_puts(line, ")\n");
}

int
fp_format_line(struct buf *out, const struct key *k, const char *comment,
    int hash, int verbose, int bubble)
{
	struct buf *line = NULL;
	int r;

	if (hash != FP_SHA256 && hash != FP_MD5)
		return KE_INTERNAL;
	if ((line = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = format_raw(line, k, comment, hash, bubble)) != 0 ||
	    (r = buf_put_u8(line, '\0')) != 0)
		goto out;
	/* ssh-keygen's mprintf prints nothing where ssh_escape refuses */
	if ((r = ssh_escape(out, (const char *)buf_ptr(line))) != 0 &&
	    r != KE_FORMAT)
		goto out;
	r = 0;
	if (verbose && (r = fp_key_randomart(out, k, hash)) == 0)
		r = buf_put_u8(out, '\n');
 out:
	buf_free(line);
	return r;
}
