/* t_bundle.c: helpers for the bundle and statement unit tests. */
#include "compat.h"

#include <sys/resource.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>
#include <zlib.h>

#include "buf.h"
#include "bundle.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "privkey.h"
#include "sshsig.h"
#include "stmt.h"
#include "test.h"
#include "t_bundle.h"

static void
die(const char *what, int r)
{
	fprintf(stderr, "%s: %s\n", what, kith_strerror(r));
	exit(1);
}

struct buf *
tb_slurp(const char *path)
{
	struct buf *b;
	u_char *d;
	size_t len;

	d = t_slurp(path, &len);
	if ((b = buf_from(d, len)) == NULL)
		exit(1);
	free(d);
	return b;
}

int
tb_same(const struct buf *a, const struct buf *b)
{
	return buf_len(a) == buf_len(b) &&
	    memcmp(buf_ptr(a), buf_ptr(b), buf_len(a)) == 0;
}

struct key *
tb_key(void)
{
	struct buf *f = tb_slurp(TB_KEY);
	struct key *k;
	int r;

	if ((r = privkey_parse(f, NULL, &k, NULL)) != 0)
		die(TB_KEY, r);
	buf_free(f);
	return k;
}

struct key *
tb_seedkey(u_char v)
{
	struct key *k;
	u_char seed[32];

	memset(seed, v, sizeof(seed));
	if ((k = key_new()) == NULL || key_set_seed(k, seed) != 0)
		exit(1);
	return k;
}

struct sshsig_signer
tb_signer(const struct key *k)
{
	struct sshsig_signer s;
	int r;

	if ((r = sshsig_signer_key(&s, k)) != 0)
		die("signer", r);
	return s;
}

struct cert *
tb_vouch(const struct key *signer, const u_char *subject, uint64_t serial,
    const char *name)
{
	struct cert *c;
	char host[256];
	int r;

	if ((c = cert_new()) == NULL)
		exit(1);
	memcpy(c->pk, subject, KEY_PKLEN);
	c->serial = serial;
	c->valid_after = TB_TIME;
	memset(c->nonce, 0, sizeof(c->nonce));
	memcpy(c->nonce, &serial, sizeof(serial));
	c->noncelen = sizeof(c->nonce);
	snprintf(host, sizeof(host), "%s.example", name);
	if ((r = cert_set_keyid(c, name)) != 0 ||
	    (r = cert_add_principal(c, name)) != 0 ||
	    (r = cert_add_principal(c, host)) != 0 ||
	    (r = cert_set_depth(c, 1)) != 0 ||
	    (r = cert_sign(c, signer)) != 0)
		die("tb_vouch", r);
	return c;
}

struct bundle *
tb_sample(const struct key *k, const struct key *k2)
{
	struct sshsig_signer s = tb_signer(k), s2 = tb_signer(k2);
	struct bundle *b;
	struct cert *c;
	struct stmt *st;
	struct key *sub;
	int i, r;

	if ((b = bundle_new()) == NULL)
		exit(1);
	memcpy(b->signer, k->pk, KEY_PKLEN);
	b->seq = 7;
	b->time = TB_TIME;
	for (i = 0; i < 4; i++) {
		sub = tb_seedkey(0x10 + i);
		c = tb_vouch(i < 3 ? k : k2, sub->pk, 100 + i,
		    i < 3 ? "host" : "other");
		if ((r = bundle_add_vouch(b, c)) != 0)
			die("add vouch", r);
		cert_free(c);
		key_free(sub);
	}
	r = stmt_revoke(&s, STMT_COMPROMISED, TB_TIME, "lost", &st);
	if (r != 0 || (r = bundle_add_stmt(b, st)) != 0)
		die("revoke", r);
	stmt_free(st);
	if ((r = stmt_withdraw(&s, b->vouch[0], TB_TIME, "", &st)) != 0 ||
	    (r = bundle_add_stmt(b, st)) != 0)
		die("withdraw", r);
	stmt_free(st);
	if ((r = stmt_successor(&s, &s2, TB_TIME, "rotated", &st)) != 0 ||
	    (r = bundle_add_stmt(b, st)) != 0)
		die("successor", r);
	stmt_free(st);
	return b;
}

struct buf *
tb_encode(const struct bundle *b, const struct key *k)
{
	struct sshsig_signer s = tb_signer(k);
	struct buf *out;
	int r;

	if ((r = bundle_encode(b, NULL, &s, &out)) != 0)
		die("bundle_encode", r);
	return out;
}

struct buf *
tb_deflate(const void *p, size_t len)
{
	struct buf *out = buf_new();
	uLongf n = compressBound(len);
	u_char *d;

	if (buf_reserve(out, n, &d) != 0 ||
	    compress2(d, &n, p, len, Z_BEST_COMPRESSION) != Z_OK ||
	    buf_consume_tail(out, compressBound(len) - n) != 0)
		exit(1);
	return out;
}

struct buf *
tb_raw(const struct key *k, const u_char *signer, const char *ns,
    uint32_t nrec, uint32_t rawlen, const struct buf *z)
{
	struct sshsig_signer s = tb_signer(k);
	struct buf *b = buf_new(), *sig = buf_new();
	int r;

	if ((r = buf_put(b, BUNDLE_MAGIC, sizeof(BUNDLE_MAGIC))) != 0 ||
	    (r = buf_put_u32(b, BUNDLE_VERSION)) != 0 ||
	    (r = stmt_put_key(b, signer)) != 0 ||
	    (r = buf_put_u64(b, 1)) != 0 ||
	    (r = buf_put_u64(b, TB_TIME)) != 0 ||
	    (r = buf_put_u32(b, nrec)) != 0 ||
	    (r = buf_put_u32(b, rawlen)) != 0 ||
	    (r = buf_put_u32(b, (uint32_t)buf_len(z))) != 0 ||
	    (r = buf_putb(b, z)) != 0 ||
	    (r = sshsig_sign(sig, &s, ns, SSHSIG_SHA512, buf_ptr(b),
	    buf_len(b))) != 0 ||
	    (r = buf_put_stringb(b, sig)) != 0)
		die("tb_raw", r);
	buf_free(sig);
	return b;
}

struct buf *
tb_body(uint32_t version, const struct buf *recs)
{
	struct buf *b = buf_new();

	if (buf_put(b, BUNDLE_BODYMAGIC, sizeof(BUNDLE_BODYMAGIC)) != 0 ||
	    buf_put_u32(b, version) != 0 || buf_putb(b, recs) != 0)
		exit(1);
	return b;
}

struct buf *
tb_hand(const struct key *k, uint32_t version, const struct buf *recs,
    uint32_t nrec, const char *tail)
{
	struct buf *body = tb_body(version, recs), *z, *bin;

	z = tb_deflate(buf_ptr(body), buf_len(body));
	if (buf_puts(z, tail) != 0)
		exit(1);
	bin = tb_raw(k, k->pk, BUNDLE_NS, nrec, (uint32_t)buf_len(body), z);
	buf_free(z);
	buf_free(body);
	return bin;
}

void
tb_put_rec(struct buf *recs, uint8_t type, const void *p, size_t len)
{
	if (buf_put_u8(recs, type) != 0 || buf_put_string(recs, p, len) != 0)
		exit(1);
}

long
tb_maxrss(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

double
tb_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}
