/*
 * Caps, deflate bombs and bundles built by hand (lying headers, unknown
 * record types, bad zlib streams).
 */
#include "compat.h"

#include <stdio.h>
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
#include "test.h"
#include "t_bundle.h"

#define MiB	(1024 * 1024)

static int
parse_with(const struct buf *bin, const struct bundle_caps *caps)
{
	struct bundle *p = NULL;
	int r;

	r = bundle_parse(buf_ptr(bin), buf_len(bin), caps, 0, &p);
	bundle_free(p);
	return r;
}

static void
test_each_cap(const struct key *k, const struct key *k2)
{
	struct sshsig_signer s = tb_signer(k);
	struct bundle *b = tb_sample(k, k2), *p = NULL;
	struct bundle_caps caps;
	struct buf *bin = tb_encode(b, k), *out = NULL;
	size_t raw, z;

	bundle_parse(buf_ptr(bin), buf_len(bin), NULL, 0, &p);
	raw = p->rawlen;
	z = p->zlen;
	bundle_free(p);
	bundle_caps_default(&caps);
	caps.records = 6;
	T_EQ(parse_with(bin, &caps), KE_NRECORDS, "7 records, cap 6");
	T_EQ(bundle_encode(b, &caps, &s, &out), KE_NRECORDS,
	    "encode: 7 records, cap 6");
	caps.records = 7;
	T_EQ(parse_with(bin, &caps), 0, "7 records, cap 7");
	bundle_caps_default(&caps);
	caps.raw = raw - 1;
	T_EQ(parse_with(bin, &caps), KE_TOOBIG, "body of %zu, cap one less",
	    raw);
	T_EQ(bundle_encode(b, &caps, &s, &out), KE_TOOBIG,
	    "encode: body over the cap");
	caps.raw = raw;
	T_EQ(parse_with(bin, &caps), 0, "body at the cap");
	bundle_caps_default(&caps);
	caps.ratio = (u_int)((raw - 1) / z);
	T_EQ(parse_with(bin, &caps), KE_RATIO, "ratio %zu/%zu, cap %u", raw,
	    z, caps.ratio);
	T_EQ(bundle_encode(b, &caps, &s, &out), KE_RATIO,
	    "encode: ratio over the cap");
	caps.ratio = (u_int)((raw + z - 1) / z);
	T_EQ(parse_with(bin, &caps), 0, "ratio at the cap %u", caps.ratio);
	bundle_caps_default(&caps);
	caps.file = buf_len(bin) - 1;
	T_EQ(parse_with(bin, &caps), KE_TOOBIG, "file over the cap");
	T_EQ(bundle_encode(b, &caps, &s, &out), KE_TOOBIG,
	    "encode: file over the cap");
	T_OK(out == NULL, "encode: nothing returned");
	buf_free(bin);
	bundle_free(b);
}

/* n vouches by k on one subject, with default caps but perkey. */
static void
test_perkey(const struct key *k)
{
	struct sshsig_signer s = tb_signer(k);
	struct key *sub = tb_seedkey(0x61);
	struct bundle *b = bundle_new();
	struct bundle_caps caps;
	struct buf *bin = NULL;
	struct cert *c;
	uint64_t i;

	memcpy(b->signer, k->pk, KEY_PKLEN);
	for (i = 0; i < BUNDLE_MAXPERKEY + 1; i++) {
		c = tb_vouch(k, sub->pk, i, "same");
		bundle_add_vouch(b, c);
		cert_free(c);
	}
	T_EQ(bundle_encode(b, NULL, &s, &bin), KE_PERKEY,
	    "encode: %d vouches for one key", BUNDLE_MAXPERKEY + 1);
	bundle_caps_default(&caps);
	caps.perkey = BUNDLE_MAXPERKEY + 1;
	T_EQ(bundle_encode(b, &caps, &s, &bin), 0, "encode: cap raised");
	T_EQ(parse_with(bin, NULL), KE_PERKEY, "parse: over the default");
	T_EQ(parse_with(bin, &caps), 0, "parse: at the cap");
	buf_free(bin);
	bundle_free(b);
	key_free(sub);
}

static void
test_records(const struct key *k, const struct key *k2)
{
	struct bundle *b = tb_sample(k, k2);
	struct cert *v = b->vouch[0];
	struct buf *recs = buf_new(), *bin;
	uint8_t types[] = { 0, 5, 128, 255 };
	size_t i;

	tb_put_rec(recs, BUNDLE_VOUCH, v->blob, v->bloblen);
	bin = tb_hand(k, 1, recs, 1, "");
	T_EQ(parse_with(bin, NULL), 0, "hand-made: one vouch");
	buf_free(bin);
	for (i = 0; i < nitems(types); i++) {
		buf_reset(recs);
		tb_put_rec(recs, types[i], v->blob, v->bloblen);
		bin = tb_hand(k, 1, recs, 1, "");
		T_EQ(parse_with(bin, NULL), KE_RECTYPE, "record type %u",
		    types[i]);
		buf_free(bin);
	}
	buf_reset(recs);
	tb_put_rec(recs, BUNDLE_VOUCH, v->blob, v->bloblen);
	bin = tb_hand(k, 2, recs, 1, "");
	T_EQ(parse_with(bin, NULL), KE_VERSION, "body version 2");
	buf_free(bin);
	bin = tb_hand(k, 0, recs, 1, "");
	T_EQ(parse_with(bin, NULL), KE_VERSION, "body version 0");
	buf_free(bin);
	bin = tb_hand(k, 1, recs, 2, "");
	T_EQ(parse_with(bin, NULL), KE_TRUNCATED, "nrecords one too many");
	buf_free(bin);
	bin = tb_hand(k, 1, recs, 0, "");
	T_EQ(parse_with(bin, NULL), KE_TRAILING, "nrecords one too few");
	buf_free(bin);
	buf_free(recs);
	bundle_free(b);
}

/* Records whose contents are bad. */
static void
test_contents(const struct key *k, const struct key *k2)
{
	struct bundle *b = tb_sample(k, k2);
	struct cert *v = b->vouch[0], *u;
	struct buf *recs = buf_new(), *bin, *data = buf_new();
	struct bundle_caps caps;
	u_char *big;

	/* a vouch that is not one, and a certificate with a byte more */
	u = tb_vouch(k, k2->pk, 9, "u");
	u->type = CERT_TYPE_USER;
	cert_sign(u, k);
	buf_reset(recs);
	tb_put_rec(recs, BUNDLE_VOUCH, u->blob, u->bloblen);
	bin = tb_hand(k, 1, recs, 1, "");
	T_EQ(parse_with(bin, NULL), KE_CERT, "a user certificate");
	buf_free(bin);
	buf_reset(recs);
	buf_put(data, v->blob, v->bloblen);
	buf_put_u8(data, 0);
	tb_put_rec(recs, BUNDLE_VOUCH, buf_ptr(data), buf_len(data));
	bin = tb_hand(k, 1, recs, 1, "");
	T_EQ(parse_with(bin, NULL), KE_TRAILING, "a certificate and a byte");
	buf_free(bin);
	/* a withdrawal in a revocation record, a statement and a byte */
	buf_reset(recs);
	buf_reset(data);
	stmt_put(data, b->stmt[1]);
	tb_put_rec(recs, STMT_REVOKE, buf_ptr(data), buf_len(data));
	bin = tb_hand(k, 1, recs, 1, "");
	T_EQ(parse_with(bin, NULL), KE_FORMAT, "a withdrawal as a revocation");
	buf_free(bin);
	buf_reset(recs);
	buf_put_u8(data, 0);
	tb_put_rec(recs, STMT_WITHDRAW, buf_ptr(data), buf_len(data));
	bin = tb_hand(k, 1, recs, 1, "");
	T_EQ(parse_with(bin, NULL), KE_TRAILING, "a statement and a byte");
	buf_free(bin);
	/* a record over 1 MiB */
	big = calloc(1, BUNDLE_MAXRECORD + 1);
	buf_reset(recs);
	tb_put_rec(recs, BUNDLE_VOUCH, big, BUNDLE_MAXRECORD + 1);
	bin = tb_hand(k, 1, recs, 1, "");
	bundle_caps_default(&caps);
	caps.ratio = 100000;
	T_EQ(parse_with(bin, &caps), KE_TOOLONG, "a record of 1 MiB + 1");
	buf_free(bin);
	free(big);
	cert_free(u);
	buf_free(data);
	buf_free(recs);
	bundle_free(b);
}

/* A raw-deflate, gzip or dictionary stream of p[0..len). */
static struct buf *
zstream(const void *p, size_t len, int wbits, const char *dict)
{
	struct buf *out = buf_new();
	z_stream z;
	u_char *d;
	size_t n = compressBound(len) + 64;

	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, 9, Z_DEFLATED, wbits, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK || buf_reserve(out, n, &d) != 0)
		exit(1);
	if (dict != NULL)
		deflateSetDictionary(&z, (const Bytef *)dict, strlen(dict));
	z.next_in = (Bytef *)(uintptr_t)p;
	z.avail_in = (uInt)len;
	z.next_out = d;
	z.avail_out = (uInt)n;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END)
		exit(1);
	buf_consume_tail(out, z.avail_out);
	deflateEnd(&z);
	return out;
}

/* A bundle whose compressed body is z, rawlen the true body's length. */
static int
parse_z(const struct key *k, const struct buf *z, size_t rawlen)
{
	struct buf *bin = tb_raw(k, k->pk, BUNDLE_NS, 0, (uint32_t)rawlen, z);
	int r = parse_with(bin, NULL);

	buf_free(bin);
	return r;
}

static void
test_zlib(const struct key *k)
{
	struct buf *none = buf_new(), *body = tb_body(1, none), *z, *zz;
	size_t raw = buf_len(body);
	const u_char *p = buf_ptr(body);

	z = tb_deflate(p, raw);
	T_EQ(parse_z(k, z, raw), 0, "zlib: the reference");
	T_EQ(parse_z(k, z, raw - 1), KE_TOOBIG, "zlib: rawlen one short");
	T_EQ(parse_z(k, z, raw + 1), KE_TRUNCATED, "zlib: rawlen one over");
	zz = buf_from(buf_ptr(z), buf_len(z));
	buf_put_u8(zz, 0);
	T_EQ(parse_z(k, zz, raw), KE_TRAILING, "zlib: a byte after it");
	buf_free(zz);
	zz = buf_from(buf_ptr(z), buf_len(z));
	buf_putb(zz, z);
	T_EQ(parse_z(k, zz, raw), KE_TRAILING, "zlib: two streams");
	buf_free(zz);
	zz = buf_from(buf_ptr(z), buf_len(z) - 4);
	T_EQ(parse_z(k, zz, raw), KE_TRUNCATED, "zlib: no checksum");
	buf_free(zz);
	zz = buf_from(buf_ptr(z), buf_len(z));
	buf_consume_tail(zz, 1);
	buf_put_u8(zz, buf_ptr(z)[buf_len(z) - 1] ^ 1);
	T_EQ(parse_z(k, zz, raw), KE_FORMAT, "zlib: bad checksum");
	buf_free(zz);
	zz = buf_new();
	T_EQ(parse_z(k, zz, 0), KE_TRUNCATED, "zlib: empty stream");
	buf_free(zz);
	zz = zstream(p, raw, 31, NULL);
	T_EQ(parse_z(k, zz, raw), KE_FORMAT, "zlib: gzip instead");
	buf_free(zz);
	zz = zstream(p, raw, -15, NULL);
	T_EQ(parse_z(k, zz, raw), KE_FORMAT, "zlib: raw deflate instead");
	buf_free(zz);
	zz = zstream(p, raw, 15, "kith-bundle-body");
	T_EQ(parse_z(k, zz, raw), KE_FORMAT, "zlib: a preset dictionary");
	buf_free(zz);
	buf_free(z);
	buf_free(body);
	buf_free(none);
}

/* n zero bytes, zlib-compressed a MiB at a time. */
static struct buf *
zeros(size_t n)
{
	struct buf *out = buf_new();
	static u_char zero[MiB];
	z_stream z;
	u_char *d;
	size_t step;
	int flush;

	memset(&z, 0, sizeof(z));
	if (deflateInit(&z, 9) != Z_OK)
		exit(1);
	do {
		step = n < sizeof(zero) ? n : sizeof(zero);
		n -= step;
		flush = n == 0 ? Z_FINISH : Z_NO_FLUSH;
		z.next_in = zero;
		z.avail_in = (uInt)step;
		do {
			if (buf_reserve(out, 65536, &d) != 0)
				exit(1);
			z.next_out = d;
			z.avail_out = 65536;
			deflate(&z, flush);
			buf_consume_tail(out, z.avail_out);
		} while (z.avail_out == 0);
	} while (flush != Z_FINISH);
	deflateEnd(&z);
	return out;
}

static void
bomb(const struct key *k, const struct buf *z, size_t rawlen,
    const struct bundle_caps *caps, int want, const char *what)
{
	struct buf *bin = tb_raw(k, k->pk, BUNDLE_NS, 0, (uint32_t)rawlen, z);
	long rss = tb_maxrss();
	double t0 = tb_now();
	int r = parse_with(bin, caps);

	T_EQ(r, want, "bomb: %s: %s in %.1f ms, peak RSS +%ld KiB", what,
	    kith_strerror(r), (tb_now() - t0) * 1e3, tb_maxrss() - rss);
	buf_free(bin);
}

static void
test_bombs(const struct key *k)
{
	struct buf *z = zeros(256 * MiB);
	struct bundle_caps caps;

	printf("# a deflate bomb: 256 MiB of zeros in %zu bytes\n",
	    buf_len(z));
	bomb(k, z, 256 * MiB, NULL, KE_TOOBIG, "honest header");
	bundle_caps_default(&caps);
	caps.raw = 512 * MiB;
	bomb(k, z, 256 * MiB, &caps, KE_RATIO,
	    "honest header, size cap raised");
	bomb(k, z, 4096, NULL, KE_TOOBIG, "header says 4 KiB");
	bomb(k, z, 60 * MiB, NULL, KE_RATIO, "header says 60 MiB");
	caps.raw = BUNDLE_MAXRAW;
	caps.ratio = 1000000;
	bomb(k, z, 60 * MiB, &caps, KE_TOOBIG,
	    "header says 60 MiB, no ratio cap");
	buf_free(z);
}

static void
test_outer(const struct key *k, const struct key *k2)
{
	struct bundle *b = tb_sample(k, k2);
	struct buf *bin = tb_encode(b, k), *bad, *none = buf_new(), *z;
	u_char *p;

	bad = buf_from(buf_ptr(bin), buf_len(bin));
	p = (u_char *)buf_ptr(bad);
	p[15] = 2;	/* the version's low byte */
	T_EQ(parse_with(bad, NULL), KE_VERSION, "outer version 2");
	p[15] = 1;
	p[0] = 'K';
	T_EQ(parse_with(bad, NULL), KE_ARMOUR, "outer magic: not binary");
	buf_free(bad);
	z = tb_deflate("", 0);
	bad = tb_raw(k, k->pk, BUNDLE_NS, 0, 0, z);
	T_EQ(parse_with(bad, NULL), KE_TRUNCATED, "an empty body");
	buf_free(bad);
	buf_free(z);
	buf_free(none);
	buf_free(bin);
	bundle_free(b);
}

void
test_caps(void)
{
	struct key *k = tb_key(), *k2 = tb_seedkey(0x02);

	test_bombs(k);
	test_each_cap(k, k2);
	test_perkey(k);
	test_records(k, k2);
	test_contents(k, k2);
	test_zlib(k);
	test_outer(k, k2);
	key_free(k);
	key_free(k2);
}
