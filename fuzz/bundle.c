/*
 * bundle.c: kith's signed bundles.  The first byte picks what the rest
 * is.  Even: a whole bundle, binary or armoured, for bundle_parse with
 * the flags in bits 1-2 (BUNDLE_HEADONLY, BUNDLE_NOCERTSIG) and, if bit
 * 3 is set, small caps.  Odd: a bundle's body as it is after inflating,
 * with bits 1-7 the number of records the header claims; the target
 * compresses it and signs it with the test key (fz_test_key) into a
 * bundle, so the fuzzer reaches the records past the signature.
 *
 * A bundle that parses holds only checked records within its caps; its
 * armoured form parses the same; signed again with the test key (when
 * that is its signer) it parses the same, and from a body the new
 * bundle's body is the input, byte for byte.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "buf.h"
#include "bundle.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "sshsig.h"
#include "stmt.h"
#include "fuzz.h"

#define FZ_SEQ		7
#define FZ_TIME		1767225600ULL

static void
caps_for(struct bundle_caps *caps, int small)
{
	bundle_caps_default(caps);
	caps->threads = 1;
	if (small) {
		caps->records = 4;
		caps->raw = 4096;
		caps->ratio = 4;
		caps->perkey = 1;
	}
}

/* a and b hold the same header and records. */
static int
bundle_equal(const struct bundle *a, const struct bundle *b)
{
	size_t i;

	if (memcmp(a->signer, b->signer, KEY_PKLEN) != 0 ||
	    a->seq != b->seq || a->time != b->time ||
	    a->nvouch != b->nvouch || a->nstmt != b->nstmt)
		return 0;
	for (i = 0; i < a->nvouch; i++)
		if (a->vouch[i]->bloblen != b->vouch[i]->bloblen ||
		    memcmp(a->vouch[i]->blob, b->vouch[i]->blob,
		    a->vouch[i]->bloblen) != 0)
			return 0;
	for (i = 0; i < a->nstmt; i++)
		if (a->stmt[i]->type != b->stmt[i]->type ||
		    a->stmt[i]->bloblen != b->stmt[i]->bloblen ||
		    memcmp(a->stmt[i]->blob, b->stmt[i]->blob,
		    a->stmt[i]->bloblen) != 0)
			return 0;
	return 1;
}

/* What a bundle that parsed with caps and flags must be. */
static void
check_bundle(const struct bundle *b, const struct bundle_caps *caps,
    int flags)
{
	size_t i;

	if (flags & BUNDLE_HEADONLY) {
		FZ_CHECK(b->nvouch == 0 && b->nstmt == 0);
		return;
	}
	FZ_CHECK(b->nvouch + b->nstmt <= caps->records);
	FZ_CHECK(b->rawlen <= caps->raw);
	FZ_CHECK((uint64_t)b->rawlen <= (uint64_t)caps->ratio * b->zlen);
	FZ_CHECK(b->certs_checked == !(flags & BUNDLE_NOCERTSIG));
	FZ_CHECK(bundle_verify_certs(b->vouch, b->nvouch, 1, NULL) == 0 ||
	    (flags & BUNDLE_NOCERTSIG));
	for (i = 0; i < b->nvouch; i++)
		FZ_CHECK(cert_check_vouch(b->vouch[i]) == 0);
	for (i = 0; i < b->nstmt; i++)
		FZ_CHECK(stmt_verify(b->stmt[i]) == 0);
}

/* The armoured form of the binary p[0..len) parses to b again. */
static void
check_armour(const u_char *p, size_t len, const struct bundle *b,
    const struct bundle_caps *caps, int flags)
{
	struct buf *a, *bin;
	struct bundle *b2 = NULL;

	FZ_CHECK((a = buf_new()) != NULL && (bin = buf_new()) != NULL);
	FZ_CHECK(bundle_armour(a, p, len) == 0);
	FZ_CHECK(bundle_dearmour(bin, (const char *)buf_ptr(a),
	    buf_len(a)) == 0);
	FZ_CHECK(buf_len(bin) == len && memcmp(buf_ptr(bin), p, len) == 0);
	FZ_CHECK(bundle_parse(buf_ptr(a), buf_len(a), caps, flags, &b2) == 0);
	FZ_CHECK(bundle_equal(b, b2));
	bundle_free(b2);
	buf_free(bin);
	buf_free(a);
}

/* The body inside the binary bundle p[0..len), inflated into body. */
static void
inflate_body(const u_char *p, size_t len, struct buf *body)
{
	struct buf *v;
	u_char pk[KEY_PKLEN], *d;
	uint64_t seq, t;
	uint32_t version, nrec, rawlen, zlen;
	uLongf n;

	FZ_CHECK((v = buf_view(p, len)) != NULL);
	FZ_CHECK(buf_get_magic(v, BUNDLE_MAGIC, sizeof(BUNDLE_MAGIC)) == 0);
	FZ_CHECK(buf_get_u32(v, &version) == 0 &&
	    stmt_get_key(v, pk) == 0 && buf_get_u64(v, &seq) == 0 &&
	    buf_get_u64(v, &t) == 0 && buf_get_u32(v, &nrec) == 0 &&
	    buf_get_u32(v, &rawlen) == 0 && buf_get_u32(v, &zlen) == 0);
	FZ_CHECK(buf_len(v) > zlen);
	FZ_CHECK(buf_reserve(body, rawlen + 1, &d) == 0);
	n = rawlen;
	FZ_CHECK(uncompress(d, &n, buf_ptr(v), zlen) == Z_OK && n == rawlen);
	FZ_CHECK(buf_consume_tail(body, 1) == 0);
	buf_free(v);
}

/*
 * b signed again by the test key (with the default caps) parses the
 * same; *outp (if not NULL) gets the new binary bundle.  Compressed
 * better than the input was, it may pass the ratio cap (KE_RATIO).
 */
static void
check_reencode(const struct bundle *b, struct buf **outp)
{
	struct bundle_caps caps;
	struct sshsig_signer s;
	struct bundle *b2 = NULL;
	struct buf *out = NULL;
	int r;

	caps_for(&caps, 0);
	FZ_CHECK(sshsig_signer_key(&s, fz_test_key()) == 0);
	r = bundle_encode(b, &caps, &s, &out);
	FZ_CHECK(r == 0 || r == KE_RATIO);
	FZ_CHECK((r == 0) == (out != NULL));
	if (out != NULL) {
		FZ_CHECK(bundle_parse(buf_ptr(out), buf_len(out), &caps, 0,
		    &b2) == 0);
		FZ_CHECK(bundle_equal(b, b2));
		bundle_free(b2);
	}
	if (outp != NULL)
		*outp = out;
	else
		buf_free(out);
}

static void
do_bundle(const uint8_t *data, size_t len, int flags, int small)
{
	struct bundle_caps caps;
	struct bundle *b = NULL, *h = NULL;
	struct buf *bin = NULL;
	const u_char *p = data;
	size_t n = len;
	int r;

	caps_for(&caps, small);
	r = bundle_parse(data, len, &caps, flags, &b);
	FZ_CHECK((r == 0) == (b != NULL));
	if (b == NULL)
		return;
	check_bundle(b, &caps, flags);
	/* the header alone parses whenever all of it does */
	FZ_CHECK(bundle_parse(data, len, &caps, BUNDLE_HEADONLY, &h) == 0);
	FZ_CHECK(h->seq == b->seq && h->time == b->time &&
	    memcmp(h->signer, b->signer, KEY_PKLEN) == 0);
	bundle_free(h);
	if (len < sizeof(BUNDLE_MAGIC) ||
	    memcmp(data, BUNDLE_MAGIC, sizeof(BUNDLE_MAGIC)) != 0) {
		FZ_CHECK((bin = buf_new()) != NULL);
		FZ_CHECK(bundle_dearmour(bin, (const char *)data, len) == 0);
		p = buf_ptr(bin);
		n = buf_len(bin);
	}
	check_armour(p, n, b, &caps, flags);
	if (!(flags & BUNDLE_HEADONLY) &&
	    memcmp(b->signer, fz_test_key()->pk, KEY_PKLEN) == 0)
		check_reencode(b, NULL);
	buf_free(bin);
	bundle_free(b);
}

/* A bundle around body[0..len), claiming nrec records, signed by k. */
static struct buf *
wrap_body(const uint8_t *body, size_t len, uint32_t nrec, int level)
{
	struct sshsig_signer s;
	struct buf *out, *sig;
	u_char *z;
	uLongf zlen = compressBound(len);

	FZ_CHECK((out = buf_new()) != NULL && (sig = buf_new()) != NULL);
	FZ_CHECK(sshsig_signer_key(&s, fz_test_key()) == 0);
	FZ_CHECK(buf_put(out, BUNDLE_MAGIC, sizeof(BUNDLE_MAGIC)) == 0 &&
	    buf_put_u32(out, BUNDLE_VERSION) == 0 &&
	    stmt_put_key(out, s.pk) == 0 && buf_put_u64(out, FZ_SEQ) == 0 &&
	    buf_put_u64(out, FZ_TIME) == 0 && buf_put_u32(out, nrec) == 0 &&
	    buf_put_u32(out, (uint32_t)len) == 0);
	FZ_CHECK((z = malloc(zlen)) != NULL);
	FZ_CHECK(compress2(z, &zlen, body, len, level) == Z_OK);
	FZ_CHECK(buf_put_u32(out, (uint32_t)zlen) == 0 &&
	    buf_put(out, z, zlen) == 0);
	free(z);
	FZ_CHECK(sshsig_sign(sig, &s, BUNDLE_NS, SSHSIG_SHA512, buf_ptr(out),
	    buf_len(out)) == 0);
	FZ_CHECK(buf_put_stringb(out, sig) == 0);
	buf_free(sig);
	return out;
}

static void
do_body(const uint8_t *data, size_t len, uint32_t nrec)
{
	struct bundle_caps caps;
	struct bundle *b = NULL;
	struct buf *in, *out = NULL, *body;
	int r;

	caps_for(&caps, 0);
	in = wrap_body(data, len, nrec, nrec % 10);
	r = bundle_parse(buf_ptr(in), buf_len(in), &caps, 0, &b);
	FZ_CHECK((r == 0) == (b != NULL));
	if (b != NULL) {
		FZ_CHECK(b->nvouch + b->nstmt == nrec);
		FZ_CHECK(b->seq == FZ_SEQ && b->time == FZ_TIME);
		check_bundle(b, &caps, 0);
		check_reencode(b, &out);
		if (out != NULL) {
			FZ_CHECK((body = buf_new()) != NULL);
			inflate_body(buf_ptr(out), buf_len(out), body);
			FZ_CHECK(buf_len(body) == len &&
			    memcmp(buf_ptr(body), data, len) == 0);
			buf_free(body);
		}
		buf_free(out);
	}
	bundle_free(b);
	buf_free(in);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	uint8_t sel;

	if (len < 1 || len > 1024 * 1024)
		return 0;
	sel = data[0];
	if (sel & 1)
		do_body(data + 1, len - 1, sel >> 1);
	else
		do_bundle(data + 1, len - 1, (sel >> 1) & 3, (sel >> 3) & 1);
	return 0;
}
