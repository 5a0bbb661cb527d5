/*
 * Unit tests for lib/bundle.c and lib/stmt.c.  Round trips and damage
 * here; statements in test_stmt.c, golden files in test_golden.c, caps,
 * bombs and hand-made bundles in test_caps.c, big bundles in
 * test_perf.c.  "bundle -g DIR" writes the golden files (mkdata.sh);
 * "bundle -p N" measures a bundle of N vouches.
 */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "bundle.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "sshsig.h"
#include "stmt.h"
#include "test.h"
#include "t_bundle.h"

static int
same_bundle(const struct bundle *a, const struct bundle *b)
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
		    a->stmt[i]->bloblen) != 0 ||
		    a->stmt[i]->siglen[0] != b->stmt[i]->siglen[0] ||
		    memcmp(a->stmt[i]->sig[0], b->stmt[i]->sig[0],
		    a->stmt[i]->siglen[0]) != 0)
			return 0;
	return 1;
}

/* 1 if every line of text is at most 70 columns. */
static int
lines_ok(const struct buf *text)
{
	const u_char *p = buf_ptr(text);
	size_t i, col = 0;

	for (i = 0; i < buf_len(text); i++, col++)
		if (p[i] == '\n')
			col = (size_t)-1;
		else if (col >= 70)
			return 0;
	return buf_len(text) > 0 && p[buf_len(text) - 1] == '\n';
}

static void
test_roundtrip(const struct key *k, const struct key *k2)
{
	struct bundle *b = tb_sample(k, k2), *p = NULL, *q = NULL, *e;
	struct buf *bin = tb_encode(b, k), *txt = buf_new(), *back = buf_new();
	struct buf *bin2;

	T_EQ(bundle_parse(buf_ptr(bin), buf_len(bin), NULL, 0, &p), 0,
	    "parse");
	T_OK(p != NULL && same_bundle(b, p), "round trip");
	T_OK(p != NULL && p->certs_checked && p->rawlen > 0 && p->zlen > 0,
	    "certificates checked, sizes set");
	T_EQ(bundle_armour(txt, buf_ptr(bin), buf_len(bin)), 0, "armour");
	T_OK(lines_ok(txt), "armour: lines of 70 columns at most");
	T_OK(strncmp((const char *)buf_ptr(txt),
	    "-----BEGIN KITH BUNDLE-----\n", 28) == 0, "armour: BEGIN line");
	T_EQ(bundle_parse(buf_ptr(txt), buf_len(txt), NULL, 0, &q), 0,
	    "parse the armoured form");
	T_OK(q != NULL && same_bundle(b, q), "armoured round trip");
	T_EQ(bundle_dearmour(back, (const char *)buf_ptr(txt), buf_len(txt)),
	    0, "dearmour");
	T_OK(tb_same(back, bin), "dearmour gives the binary back");
	bin2 = tb_encode(b, k);
	T_OK(tb_same(bin, bin2), "encoding is deterministic");
	bundle_free(p);
	bundle_free(q);
	buf_free(bin2);
	/* empty */
	e = bundle_new();
	memcpy(e->signer, k->pk, KEY_PKLEN);
	buf_free(bin);
	bin = tb_encode(e, k);
	T_EQ(bundle_parse(buf_ptr(bin), buf_len(bin), NULL, 0, &p), 0,
	    "empty bundle");
	T_OK(p != NULL && p->nvouch == 0 && p->nstmt == 0 && p->seq == 0,
	    "empty bundle: fields");
	bundle_free(p);
	bundle_free(e);
	buf_free(back);
	buf_free(txt);
	buf_free(bin);
	bundle_free(b);
}

static void
test_flags(const struct key *k, const struct key *k2)
{
	struct bundle *b = tb_sample(k, k2), *p = NULL;
	struct buf *bin;
	u_char ok[4];

	bin = tb_encode(b, k);
	T_EQ(bundle_parse(buf_ptr(bin), buf_len(bin), NULL, BUNDLE_HEADONLY,
	    &p), 0, "header only");
	T_OK(p != NULL && p->seq == 7 && p->nvouch == 0 && p->nstmt == 0 &&
	    p->zlen > 0, "header only: no records");
	bundle_free(p);
	buf_free(bin);
	/* a certificate whose signature is bad */
	b->vouch[2]->blob[b->vouch[2]->bloblen - 1] ^= 1;
	bin = tb_encode(b, k);
	T_EQ(bundle_parse(buf_ptr(bin), buf_len(bin), NULL, 0, &p),
	    KE_SIGNATURE, "a bad certificate signature");
	T_OK(p == NULL, "nothing returned");
	T_EQ(bundle_parse(buf_ptr(bin), buf_len(bin), NULL, BUNDLE_NOCERTSIG,
	    &p), 0, "left to the caller");
	T_OK(p != NULL && !p->certs_checked, "certs_checked is 0");
	T_EQ(bundle_verify_certs(p->vouch, p->nvouch, 0, ok), KE_SIGNATURE,
	    "bundle_verify_certs finds it");
	T_OK(ok[0] && ok[1] && !ok[2] && ok[3], "and says which");
	T_EQ(bundle_verify_certs(p->vouch, 2, 1, NULL), 0, "the good ones");
	bundle_free(p);
	buf_free(bin);
	b->vouch[2]->blob[b->vouch[2]->bloblen - 1] ^= 1;
	/* a statement whose signature is bad: no flag skips it */
	b->stmt[1]->sig[0][b->stmt[1]->siglen[0] - 1] ^= 1;
	bin = tb_encode(b, k);
	T_EQ(bundle_parse(buf_ptr(bin), buf_len(bin), NULL, BUNDLE_NOCERTSIG,
	    &p), KE_SIGNATURE, "a bad statement signature");
	buf_free(bin);
	bundle_free(b);
}

/* Every truncation and every flipped bit of a small bundle is refused. */
static void
test_damage(const struct key *k, const struct key *k2)
{
	struct bundle *b = tb_sample(k, k2), *p = NULL;
	struct buf *bin = tb_encode(b, k), *txt = buf_new();
	size_t len = buf_len(bin), i, bad = 0, badtxt = 0;
	double t0 = tb_now();
	u_char *d = malloc(len);
	int bit;

	memcpy(d, buf_ptr(bin), len);
	for (i = 0; i < len; i++)
		for (bit = 0; bit < 8; bit++) {
			d[i] ^= 1 << bit;
			if (bundle_parse(d, len, NULL, 0, &p) == 0)
				bad++;
			bundle_free(p);
			d[i] ^= 1 << bit;
		}
	T_EQ(bad, 0, "all %zu bit flips of a %zu-byte bundle refused "
	    "(%.2f s)", len * 8, len, tb_now() - t0);
	for (i = 0; i < len; i++) {
		if (bundle_parse(d, i, NULL, 0, &p) == 0)
			bad++;
		bundle_free(p);
	}
	T_EQ(bad, 0, "all %zu truncations refused", len);
	d = realloc(d, len + 1);
	d[len] = '\n';
	T_EQ(bundle_parse(d, len + 1, NULL, 0, &p), KE_TRAILING,
	    "a trailing byte");
	/* the armoured text: every truncation but of its last newline */
	bundle_armour(txt, buf_ptr(bin), buf_len(bin));
	for (i = 0; i < buf_len(txt) - 1; i++) {
		if (bundle_parse(buf_ptr(txt), i, NULL, 0, &p) == 0)
			badtxt++;
		bundle_free(p);
	}
	T_EQ(badtxt, 0, "all %zu truncations of the armoured form refused",
	    buf_len(txt) - 1);
	buf_puts(txt, "\n\nx\n");
	T_EQ(bundle_parse(buf_ptr(txt), buf_len(txt), NULL, 0, &p),
	    KE_TRAILING, "armoured: text after it");
	free(d);
	buf_free(txt);
	buf_free(bin);
	bundle_free(b);
}

/* Bundles whose signature is not by the key they name. */
static void
test_signer(const struct key *k, const struct key *k2)
{
	struct sshsig_signer s2 = tb_signer(k2);
	struct bundle *b = tb_sample(k, k2), *p = NULL;
	struct buf *bin, *sig = buf_new(), *z, *body, *forged;
	struct buf *none = buf_new();
	size_t signedlen;

	T_EQ(bundle_encode(b, NULL, &s2, &bin), KE_KEYMISMATCH,
	    "encode: the signer must be the bundle's");
	bin = tb_encode(b, k);
	/* k2's signature over exactly the same signed part */
	signedlen = buf_len(bin) - BUNDLE_SIGTAIL;
	sshsig_sign(sig, &s2, BUNDLE_NS, SSHSIG_SHA512, buf_ptr(bin),
	    signedlen);
	forged = buf_from(buf_ptr(bin), signedlen);
	buf_put_stringb(forged, sig);
	T_EQ(bundle_parse(buf_ptr(forged), buf_len(forged), NULL, 0, &p),
	    KE_SIGNATURE, "signed by another key than it claims");
	buf_free(forged);
	/* a well-formed bundle naming k, signed by k2 */
	body = tb_body(1, none);
	z = tb_deflate(buf_ptr(body), buf_len(body));
	forged = tb_raw(k2, k->pk, BUNDLE_NS, 0, (uint32_t)buf_len(body), z);
	T_EQ(bundle_parse(buf_ptr(forged), buf_len(forged), NULL, 0, &p),
	    KE_SIGNATURE, "header names k, k2 signed");
	buf_free(forged);
	forged = tb_raw(k2, k2->pk, BUNDLE_NS, 0, (uint32_t)buf_len(body), z);
	T_EQ(bundle_parse(buf_ptr(forged), buf_len(forged), NULL, 0, &p), 0,
	    "the same, naming k2: fine");
	bundle_free(p);
	buf_free(forged);
	forged = tb_raw(k, k->pk, "file", 0, (uint32_t)buf_len(body), z);
	T_EQ(bundle_parse(buf_ptr(forged), buf_len(forged), NULL, 0, &p),
	    KE_NAMESPACE, "signed in another namespace");
	buf_free(forged);
	forged = tb_raw(k, k->pk, STMT_NS_REVOKE, 0, (uint32_t)buf_len(body),
	    z);
	T_EQ(bundle_parse(buf_ptr(forged), buf_len(forged), NULL, 0, &p),
	    KE_NAMESPACE, "signed as a revocation");
	buf_free(forged);
	buf_free(body);
	buf_free(none);
	buf_free(z);
	buf_free(sig);
	buf_free(bin);
	bundle_free(b);
}

int
main(int argc, char **argv)
{
	struct key *k, *k2;

	if (sodium_init() < 0)
		return 1;
	if (argc == 3 && strcmp(argv[1], "-g") == 0)
		return tb_generate(argv[2]);
	if (argc == 3 && strcmp(argv[1], "-p") == 0) {
		test_perf(strtoul(argv[2], NULL, 10), 1);
		return t_done();
	}
	k = tb_key();
	k2 = tb_seedkey(0x02);
	test_stmt();
	test_stmt_golden();
	test_seen();
	test_next_seq();
	test_seen_update();
	test_roundtrip(k, k2);
	test_flags(k, k2);
	test_damage(k, k2);
	test_signer(k, k2);
	test_caps();
	test_stream();
	test_million();
	test_perf(2000, 0);
	key_free(k);
	key_free(k2);
	return t_done();
}
