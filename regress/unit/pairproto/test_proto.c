/*
 * Unit tests for lib/pairproto.c: headers, IDENT records and the key
 * schedule against regress/data/pake/schedule.txt (computed with
 * Python's hashlib by mkdata.sh, independently of libsodium).
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "kerr.h"
#include "pairproto.h"
#include "test.h"
#include "t_pair.h"

static int
is(const u_char *p, const char *name)
{
	size_t len;
	const u_char *v = tv(name, &len);

	return memcmp(p, v, len) == 0;
}

static int
buf_is(const struct buf *b, const char *name)
{
	size_t len;
	const u_char *v = tv(name, &len);

	return buf_len(b) == len && memcmp(buf_ptr(b), v, len) == 0;
}

static void
test_hdr(void)
{
	struct buf *b = buf_new(), *v;
	u_char h[PAIR_HDRLEN];
	uint8_t flags;
	size_t i;

	T_EQ(pairproto_put_hdr(b, 0), 0, "put hdr");
	T_OK(buf_is(b, "hdr0"), "hdr is KITH-SH 01, suite 01, flags 00");
	T_EQ(pairproto_get_hdr(b, &flags), 0, "get hdr");
	T_OK(flags == 0 && buf_len(b) == 0, "flags 0, all consumed");
	pairproto_put_hdr(b, PAIR_F_SAS);
	T_OK(buf_is(b, "hdr1"), "flags 01");
	T_EQ(pairproto_get_hdr(b, &flags), 0, "get hdr with SAS flag");
	T_EQ(flags, PAIR_F_SAS, "SAS flag read");
	pairproto_put_hdr(b, PAIR_F_SYNC);
	T_EQ(pairproto_get_hdr(b, &flags), 0, "get hdr with SYNC flag");
	T_EQ(flags, PAIR_F_SYNC, "SYNC flag read");
	for (i = 0; i < PAIR_HDRLEN; i++) {
		memcpy(h, tv("hdr0", NULL), sizeof(h));
		h[i] ^= 0x04;	/* 0x02 is a flag now: PAIR_F_SYNC */
		v = buf_view(h, sizeof(h));
		T_EQ(pairproto_get_hdr(v, &flags), i < 7 ? KE_MAGIC :
		    KE_VERSION, "hdr byte %zu changed: %s", i,
		    i < 7 ? "wrong magic" : "refused as another version");
		buf_free(v);
	}
	memcpy(h, tv("hdr0", NULL), sizeof(h));
	h[9] = 0x80;
	v = buf_view(h, sizeof(h));
	T_EQ(pairproto_get_hdr(v, &flags), KE_VERSION, "unknown flag 0x80");
	buf_free(v);
	for (i = 0; i < PAIR_HDRLEN; i++) {
		v = buf_view(tv("hdr0", NULL), i);
		T_EQ(pairproto_get_hdr(v, &flags), KE_TRUNCATED,
		    "hdr of %zu bytes truncated", i);
		T_EQ(buf_len(v), i, "nothing consumed");
		buf_free(v);
	}
	buf_free(b);
}

static void
test_schedule(void)
{
	struct pair_keys *k = sodium_malloc(sizeof(*k));
	struct buf *m0 = buf_new(), *m1 = buf_new(), *b = buf_new();
	const u_char *isk = tv("isk", NULL);
	u_char out[PAIR_HASHLEN];
	char sas[PAIR_SASLEN];

	pairproto_ci(b, tv("hdr0", NULL), tv("hdr1", NULL));
	T_OK(buf_is(b, "ci"), "CI = lv_cat(kith-share/1, roles, hdrs)");
	buf_put(m0, tv("hdr0", NULL), PAIR_HDRLEN);
	buf_put(m0, tv("na", NULL), PAIR_NONCELEN);
	buf_put(m1, tv("hdr1", NULL), PAIR_HDRLEN);
	buf_put(m1, tv("nb", NULL), PAIR_NONCELEN);
	buf_put(m1, tv("ya", NULL), PAIR_POINTLEN);
	T_EQ(pairproto_th2(out, m0, m1, tv("yb", NULL)), 0, "th2");
	T_EQ(pairproto_schedule(k, isk, m0, m1, tv("yb", NULL)), 0,
	    "schedule");
	T_OK(is(k->th2, "th2"), "TH2 matches");
	pairproto_kdf(out, isk, "confirm offer", k->th2);
	T_OK(is(out, "k_confirm_offer"), "KDF(confirm offer) matches");
	pairproto_kdf(out, isk, "confirm join", k->th2);
	T_OK(is(out, "k_confirm_join"), "KDF(confirm join) matches");
	T_OK(is(k->tag_a, "tag_a"), "tagA matches");
	T_OK(is(k->tag_b, "tag_b"), "tagB matches");
	T_OK(is(k->k_ba, "k_ba"), "k_BA matches");
	T_OK(is(k->k_ab, "k_ab"), "k_AB matches");
	T_OK(is(k->sas, "k_sas"), "KDF(sas) matches");
	T_OK(is(k->th, "th"), "TH matches");
	pairproto_sas(k, sas);
	T_OK(strlen(sas) == 6 && is((const u_char *)sas, "sas"),
	    "SAS %s matches", sas);
	buf_reset(b);
	pairproto_ident_msg(b, PAIR_ROLE_JOIN, k->th, tv("pk", NULL),
	    "b.example");
	T_OK(buf_is(b, "ident_msg_join"), "IDENT message, join");
	buf_reset(b);
	pairproto_ident_msg(b, PAIR_ROLE_OFFER, k->th, tv("pk", NULL),
	    "b.example");
	T_OK(buf_is(b, "ident_msg_offer"), "IDENT message, offer");
	sodium_free(k);
	buf_free(m0);
	buf_free(m1);
	buf_free(b);
}

static void
test_ident(void)
{
	u_char pk[32], sk[64], sig[64], th[64], pk2[32], sig2[64], th2[64];
	char name[PAIR_MAXNAME + 1];
	struct buf *b = buf_new(), *m = buf_new(), *v;
	size_t i, len;

	crypto_sign_keypair(pk, sk);
	randombytes_buf(th, sizeof(th));
	pairproto_ident_msg(m, PAIR_ROLE_JOIN, th, pk, "host-b");
	crypto_sign_detached(sig, NULL, buf_ptr(m), buf_len(m), sk);
	T_EQ(pairproto_put_ident(b, pk, sig, "host-b"), 0, "put IDENT");
	T_EQ(buf_len(b), 32 + 64 + 1 + 6, "IDENT is pk, sig, u8 length, name");
	len = buf_len(b);
	for (i = 0; i < len; i++) {
		v = buf_view(buf_ptr(b), i);
		T_EQ(pairproto_get_ident(v, pk2, sig2, name), KE_TRUNCATED,
		    "IDENT cut at %zu", i);
		buf_free(v);
	}
	buf_put_u8(b, 0);
	v = buf_view(buf_ptr(b), len + 1);
	T_EQ(pairproto_get_ident(v, pk2, sig2, name), KE_TRAILING,
	    "IDENT with a trailing byte");
	buf_free(v);
	v = buf_view(buf_ptr(b), len);
	T_EQ(pairproto_get_ident(v, pk2, sig2, name), 0, "get IDENT");
	T_OK(memcmp(pk2, pk, 32) == 0 && memcmp(sig2, sig, 64) == 0 &&
	    strcmp(name, "host-b") == 0, "IDENT round trip");
	buf_free(v);
	T_EQ(pairproto_ident_verify(PAIR_ROLE_JOIN, th, pk, sig, "host-b"), 0,
	    "signature verifies for its role");
	T_EQ(pairproto_ident_verify(PAIR_ROLE_OFFER, th, pk, sig, "host-b"),
	    KE_SIGNATURE, "not for the other role");
	memcpy(th2, th, sizeof(th));
	th2[63] ^= 1;
	T_EQ(pairproto_ident_verify(PAIR_ROLE_JOIN, th2, pk, sig, "host-b"),
	    KE_SIGNATURE, "not for another TH");
	T_EQ(pairproto_ident_verify(PAIR_ROLE_JOIN, th, pk, sig, "host-c"),
	    KE_SIGNATURE, "not for another name");
	crypto_sign_keypair(pk2, sk);
	T_EQ(pairproto_ident_verify(PAIR_ROLE_JOIN, th, pk2, sig, "host-b"),
	    KE_SIGNATURE, "not for another key");
	buf_free(b);
	buf_free(m);
}

/* Names: printable ASCII, at most 255 bytes, checked both ways. */
static void
test_names(void)
{
	u_char pk[32], sig[64], pk2[32], sig2[64];
	char name[PAIR_MAXNAME + 1], longname[PAIR_MAXNAME + 2];
	struct buf *b = buf_new(), *v;

	memset(pk, 0x11, sizeof(pk));
	memset(sig, 0x22, sizeof(sig));
	memset(longname, 'n', sizeof(longname));
	longname[PAIR_MAXNAME] = '\0';
	buf_reset(b);
	T_EQ(pairproto_put_ident(b, pk, sig, longname), 0, "255-byte name");
	v = buf_view(buf_ptr(b), buf_len(b));
	T_EQ(pairproto_get_ident(v, pk2, sig2, name), 0, "reads back");
	T_EQ(strlen(name), PAIR_MAXNAME, "all 255");
	buf_free(v);
	longname[PAIR_MAXNAME] = 'n';
	longname[PAIR_MAXNAME + 1] = '\0';
	T_EQ(pairproto_check_name(longname), KE_TOOLONG, "256 is too long");
	T_EQ(pairproto_check_name("a\033[2Jb"), KE_FORMAT, "no escapes");
	T_EQ(pairproto_check_name("caf\xc3\xa9"), KE_FORMAT, "ASCII only");
	T_EQ(pairproto_check_name("a\x7f"), KE_FORMAT, "no DEL");
	T_EQ(pairproto_check_name(""), 0, "empty is fine");
	T_EQ(pairproto_check_name("web-1.example.org (rack 4)"), 0,
	    "printable is fine");
	buf_reset(b);
	buf_put(b, pk, 32);
	buf_put(b, sig, 64);
	buf_put_u8(b, 3);
	buf_put(b, "a\nb", 3);
	T_EQ(pairproto_get_ident(b, pk2, sig2, name), KE_FORMAT,
	    "a received name with a newline is refused");
	buf_reset(b);
	buf_put(b, pk, 32);
	buf_put(b, sig, 64);
	buf_put_u8(b, 3);
	buf_put(b, "a\0b", 3);
	T_EQ(pairproto_get_ident(b, pk2, sig2, name), KE_FORMAT,
	    "a received name with a NUL is refused");
	buf_free(b);
}

void
test_proto(void)
{
	test_hdr();
	test_schedule();
	test_ident();
	test_names();
}
