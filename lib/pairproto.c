/* pairproto.c: kith-share/1 headers, key schedule and IDENT records. */
#include "compat.h"

#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "kerr.h"
#include "key.h"
#include "pairproto.h"
#include "pake.h"

/* Every label below changes with the protocol version. */
#define PP_V		"kith-share/1"
#define PP_TH2		"kith-share/1 th2"
#define PP_IDENT	"kith-share/1 ident"
#define PP_INITIATOR	"initiator:join"
#define PP_RESPONDER	"responder:offer"
#define PP_CONFIRM_A	"confirm offer"
#define PP_CONFIRM_B	"confirm join"
#define PP_STREAM_BA	"stream join->offer"
#define PP_STREAM_AB	"stream offer->join"
#define PP_SAS		"sas"

/* An lv_cat argument from a C string or a pointer and length. */
static struct pake_lv
lv(const void *p, size_t len)
{
	struct pake_lv v;

	v.p = p;
	v.len = len;
	return v;
}

static struct pake_lv
lvs(const char *s)
{
	return lv(s, strlen(s));
}

int
pairproto_put_hdr(struct buf *b, uint8_t flags)
{
	int r;

	if ((r = buf_put(b, PAIR_MAGIC, PAIR_MAGICLEN)) != 0 ||
	    (r = buf_put_u8(b, PAIR_SUITE)) != 0)
		return r;
	return buf_put_u8(b, flags);
}

int
pairproto_get_hdr(struct buf *b, uint8_t *flagsp)
{
	uint8_t version, suite, flags;
	int r;

	*flagsp = 0;
	if (buf_len(b) < PAIR_HDRLEN)
		return KE_TRUNCATED;
	/* the magic without its version byte, so a new version is named */
	if ((r = buf_get_magic(b, PAIR_MAGIC, PAIR_MAGICLEN - 1)) != 0)
		return r;
	(void)buf_get_u8(b, &version);
	(void)buf_get_u8(b, &suite);
	(void)buf_get_u8(b, &flags);
	if (version != (uint8_t)PAIR_MAGIC[PAIR_MAGICLEN - 1] ||
	    suite != PAIR_SUITE || (flags & ~PAIR_F_ALL) != 0)
		return KE_VERSION;
	*flagsp = flags;
	return 0;
}

int
pairproto_ci(struct buf *b, const u_char *hdr0, const u_char *hdr1)
{
	struct pake_lv v[5];

	v[0] = lvs(PP_V);
	v[1] = lvs(PP_INITIATOR);
	v[2] = lvs(PP_RESPONDER);
	v[3] = lv(hdr0, PAIR_HDRLEN);
	v[4] = lv(hdr1, PAIR_HDRLEN);
	return pake_lv_cat(b, v, nitems(v));
}

int
pairproto_th2(u_char *th2, const struct buf *m0, const struct buf *m1,
    const u_char *yb)
{
	struct pake_lv v[4];
	struct buf *b;
	int r;

	if ((b = buf_new()) == NULL)
		return KE_NOMEM;
	v[0] = lvs(PP_TH2);
	v[1] = lv(buf_ptr(m0), buf_len(m0));
	v[2] = lv(buf_ptr(m1), buf_len(m1));
	v[3] = lv(yb, PAIR_POINTLEN);
	if ((r = pake_lv_cat(b, v, nitems(v))) == 0 &&
	    crypto_generichash(th2, PAIR_HASHLEN, buf_ptr(b), buf_len(b),
	    NULL, 0) != 0)
		r = KE_CRYPTO;
	buf_free(b);
	return r;
}

int
pairproto_kdf(u_char *out, const u_char *isk, const char *label,
    const u_char *th2)
{
	struct pake_lv v[3];
	struct buf *b;
	int r;

	if ((b = buf_new()) == NULL)
		return KE_NOMEM;
	v[0] = lvs(PP_V);
	v[1] = lvs(label);
	v[2] = lv(th2, PAIR_HASHLEN);
	if ((r = pake_lv_cat(b, v, nitems(v))) == 0 &&
	    crypto_generichash(out, PAIR_KEYLEN, buf_ptr(b), buf_len(b),
	    isk, PAKE_ISKLEN) != 0)
		r = KE_CRYPTO;
	buf_free(b);
	return r;
}

/* tag = BLAKE2b-256 keyed by key over p || q. */
static int
pairproto_mac(u_char *tag, const u_char *key, const u_char *p, size_t plen,
    const u_char *q, size_t qlen)
{
	crypto_generichash_state st;
	int r = 0;

	if (crypto_generichash_init(&st, key, PAIR_KEYLEN, PAIR_TAGLEN) != 0 ||
	    crypto_generichash_update(&st, p, plen) != 0 ||
	    crypto_generichash_update(&st, q, qlen) != 0 ||
	    crypto_generichash_final(&st, tag, PAIR_TAGLEN) != 0)
		r = KE_CRYPTO;
	sodium_memzero(&st, sizeof(st));
	return r;
}

/* The tags and TH from k->th2 and the two confirmation keys. */
static int
pairproto_confirm(struct pair_keys *k, const u_char *ka, const u_char *kb)
{
	crypto_generichash_state st;
	int r;

	if ((r = pairproto_mac(k->tag_a, ka, k->th2, sizeof(k->th2),
	    NULL, 0)) != 0 ||
	    (r = pairproto_mac(k->tag_b, kb, k->th2, sizeof(k->th2),
	    k->tag_a, sizeof(k->tag_a))) != 0)
		return r;
	if (crypto_generichash_init(&st, NULL, 0, PAIR_HASHLEN) != 0 ||
	    crypto_generichash_update(&st, k->th2, sizeof(k->th2)) != 0 ||
	    crypto_generichash_update(&st, k->tag_a, sizeof(k->tag_a)) != 0 ||
	    crypto_generichash_update(&st, k->tag_b, sizeof(k->tag_b)) != 0 ||
	    crypto_generichash_final(&st, k->th, sizeof(k->th)) != 0)
		return KE_CRYPTO;
	return 0;
}

int
pairproto_schedule(struct pair_keys *k, const u_char *isk,
    const struct buf *m0, const struct buf *m1, const u_char *yb)
{
	u_char ka[PAIR_KEYLEN], kb[PAIR_KEYLEN];
	int r;

	if (sodium_init() < 0)
		return KE_CRYPTO;
	if ((r = pairproto_th2(k->th2, m0, m1, yb)) != 0 ||
	    (r = pairproto_kdf(ka, isk, PP_CONFIRM_A, k->th2)) != 0 ||
	    (r = pairproto_kdf(kb, isk, PP_CONFIRM_B, k->th2)) != 0 ||
	    (r = pairproto_kdf(k->k_ba, isk, PP_STREAM_BA, k->th2)) != 0 ||
	    (r = pairproto_kdf(k->k_ab, isk, PP_STREAM_AB, k->th2)) != 0 ||
	    (r = pairproto_kdf(k->sas, isk, PP_SAS, k->th2)) != 0 ||
	    (r = pairproto_confirm(k, ka, kb)) != 0)
		sodium_memzero(k, sizeof(*k));
	sodium_memzero(ka, sizeof(ka));
	sodium_memzero(kb, sizeof(kb));
	return r;
}

void
pairproto_sas(const struct pair_keys *k, char *sas)
{
	uint64_t v = 0;
	int i;

	/* the first 8 bytes, big-endian, mod 10^6: bias below 2^-44 */
	for (i = 0; i < 8; i++)
		v = v << 8 | k->sas[i];
	v %= 1000000;
	for (i = PAIR_SASLEN - 2; i >= 0; i--) {
		sas[i] = '0' + v % 10;
		v /= 10;
	}
	sas[PAIR_SASLEN - 1] = '\0';
}

int
pairproto_ident_msg(struct buf *b, const char *role, const u_char *th,
    const u_char *pk, const char *name)
{
	struct pake_lv v[5];

	v[0] = lvs(PP_IDENT);
	v[1] = lvs(role);
	v[2] = lv(th, PAIR_HASHLEN);
	v[3] = lv(pk, KEY_PKLEN);
	v[4] = lvs(name);
	return pake_lv_cat(b, v, nitems(v));
}

/* 0 if name is at most PAIR_MAXNAME printable ASCII characters. */
static int
pairproto_name_ok(const char *name, size_t len)
{
	size_t i;

	if (len > PAIR_MAXNAME)
		return KE_TOOLONG;
	for (i = 0; i < len; i++)
		if (name[i] < 0x20 || name[i] > 0x7e)
			return KE_FORMAT;
	return 0;
}

int
pairproto_check_name(const char *name)
{
	return pairproto_name_ok(name, strlen(name));
}

int
pairproto_put_ident(struct buf *b, const u_char *pk, const u_char *sig,
    const char *name)
{
	size_t len = strlen(name);
	int r;

	if ((r = pairproto_name_ok(name, len)) != 0 ||
	    (r = buf_put(b, pk, KEY_PKLEN)) != 0 ||
	    (r = buf_put(b, sig, KEY_SIGLEN)) != 0 ||
	    (r = buf_put_u8(b, (uint8_t)len)) != 0)
		return r;
	return buf_put(b, name, len);
}

int
pairproto_get_ident(struct buf *b, u_char *pk, u_char *sig, char *name)
{
	uint8_t len;
	int r;

	name[0] = '\0';
	if ((r = buf_get_fixed(b, pk, KEY_PKLEN)) != 0 ||
	    (r = buf_get_fixed(b, sig, KEY_SIGLEN)) != 0 ||
	    (r = buf_get_u8(b, &len)) != 0 ||
	    (r = buf_get_fixed(b, name, len)) != 0)
		return r;
	name[len] = '\0';
	if ((r = pairproto_name_ok(name, len)) != 0)
		return r;
	return buf_end(b);
}

int
pairproto_ident_verify(const char *role, const u_char *th, const u_char *pk,
    const u_char *sig, const char *name)
{
	struct buf *m;
	int r;

	if ((m = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = pairproto_ident_msg(m, role, th, pk, name)) == 0)
		r = key_verify_raw(pk, buf_ptr(m), buf_len(m), sig);
	buf_free(m);
	return r;
}
