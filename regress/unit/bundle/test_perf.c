/*
 * Big bundles: one of 1,000,000 vouch records refused at the caps, fast
 * and in bounded memory; the cost of parsing N vouches against the
 * Ed25519 verification floor.
 */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "bundle.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "sshsig.h"
#include "test.h"
#include "t_bundle.h"

#define MILLION	1000000
#define MiB	(1024 * 1024)

static void
refuse(const struct buf *bin, const struct bundle_caps *caps, int want,
    const char *what)
{
	struct bundle *p = NULL;
	long rss = tb_maxrss();
	double t0 = tb_now();
	int r;

	r = bundle_parse(buf_ptr(bin), buf_len(bin), caps, 0, &p);
	T_EQ(r, want, "1,000,000 vouches, %s: %s in %.3f ms, peak RSS "
	    "+%ld KiB", what, kith_strerror(r), (tb_now() - t0) * 1e3,
	    tb_maxrss() - rss);
	bundle_free(p);
}

void
test_million(void)
{
	struct key *k = tb_key(), *sub = tb_seedkey(0x71);
	struct sshsig_signer s = tb_signer(k);
	struct cert *c = tb_vouch(k, sub->pk, 1, "m");
	struct bundle b;
	struct bundle_caps caps;
	struct buf *bin = NULL;
	double t0;
	size_t i;
	int r;

	/* the same vouch a million times: it compresses well */
	memset(&b, 0, sizeof(b));
	memcpy(b.signer, k->pk, KEY_PKLEN);
	b.nvouch = MILLION;
	if ((b.vouch = calloc(MILLION, sizeof(*b.vouch))) == NULL)
		exit(1);
	for (i = 0; i < MILLION; i++)
		b.vouch[i] = c;
	bundle_caps_default(&caps);
	caps.records = caps.perkey = 2 * MILLION;
	caps.raw = (size_t)1024 * MiB;
	caps.ratio = MILLION;
	t0 = tb_now();
	r = bundle_encode(&b, &caps, &s, &bin);
	T_EQ(r, 0, "1,000,000 vouches: encoded in %.2f s, %zu bytes",
	    tb_now() - t0, bin == NULL ? 0 : buf_len(bin));
	if (r != 0)
		goto out;
	refuse(bin, NULL, KE_NRECORDS, "default caps");
	bundle_caps_default(&caps);
	caps.records = 2 * MILLION;
	refuse(bin, &caps, KE_TOOBIG, "record cap raised");
	caps.raw = (size_t)1024 * MiB;
	refuse(bin, &caps, KE_RATIO, "record and size caps raised");
 out:
	free(b.vouch);
	buf_free(bin);
	cert_free(c);
	key_free(sub);
	key_free(k);
}

/* n vouches by k, on n random keys, in a new bundle. */
static struct bundle *
many(const struct key *k, size_t n)
{
	struct bundle *b = bundle_new();
	struct cert *c;
	char name[64];
	size_t i;

	memcpy(b->signer, k->pk, KEY_PKLEN);
	if ((b->vouch = calloc(n, sizeof(*b->vouch))) == NULL)
		exit(1);
	b->vouchcap = n;
	for (i = 0; i < n; i++) {
		if ((c = cert_new()) == NULL)
			exit(1);
		randombytes_buf(c->pk, sizeof(c->pk));
		c->serial = i;
		c->valid_after = TB_TIME;
		snprintf(name, sizeof(name), "host%zu.example.com", i);
		if (cert_set_keyid(c, name) != 0 ||
		    cert_add_principal(c, name) != 0 ||
		    cert_set_depth(c, 1) != 0 || cert_sign(c, k) != 0)
			exit(1);
		b->vouch[b->nvouch++] = c;
	}
	return b;
}

static double
timed_parse(const struct buf *bin, u_int threads, int flags, int *rp)
{
	struct bundle_caps caps;
	struct bundle *p = NULL;
	double t0 = tb_now();

	bundle_caps_default(&caps);
	caps.threads = threads;
	*rp = bundle_parse(buf_ptr(bin), buf_len(bin), &caps, flags, &p);
	t0 = tb_now() - t0;
	bundle_free(p);
	return t0;
}

void
test_perf(size_t n, int verbose)
{
	struct key *k = tb_key();
	struct sshsig_signer s = tb_signer(k);
	struct bundle *b, *p = NULL;
	struct buf *bin = NULL;
	double t0, tenc, tpar, tpar1, tnosig, tf1, tfn;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	size_t i;
	int r, ok = 1;

	b = many(k, n);
	t0 = tb_now();
	T_EQ(bundle_encode(b, NULL, &s, &bin), 0, "%zu vouches: encode", n);
	tenc = tb_now() - t0;
	tpar = timed_parse(bin, 0, 0, &r);
	T_EQ(r, 0, "%zu vouches: parse", n);
	tpar1 = timed_parse(bin, 1, 0, &r);
	T_EQ(r, 0, "%zu vouches: parse on one thread", n);
	tnosig = timed_parse(bin, 0, BUNDLE_NOCERTSIG, &r);
	T_EQ(r, 0, "%zu vouches: parse, certificates unchecked", n);
	bundle_parse(buf_ptr(bin), buf_len(bin), NULL, BUNDLE_NOCERTSIG, &p);
	t0 = tb_now();
	for (i = 0; i < n; i++)
		ok &= cert_verify(p->vouch[i]) == 0;
	tf1 = tb_now() - t0;
	t0 = tb_now();
	ok &= bundle_verify_certs(p->vouch, n, 0, NULL) == 0;
	tfn = tb_now() - t0;
	T_OK(ok, "%zu vouches: all verify", n);
	printf("# %zu vouches: body %zu bytes, compressed %zu (%.2f:1), "
	    "file %zu\n", n, p->rawlen, p->zlen,
	    (double)p->rawlen / p->zlen, buf_len(bin));
	printf("# encode %.3f s; parse %.3f s (%ld CPUs), %.3f s (1 thread), "
	    "%.3f s without certificate signatures\n", tenc, tpar, ncpu,
	    tpar1, tnosig);
	printf("# floor (Ed25519 verification only): %.3f s (1 thread), "
	    "%.3f s (%ld CPUs); parse/floor %.2f (1 thread), %.2f (all)\n",
	    tf1, tfn, ncpu, tpar1 / tf1, tpar / tfn);
	if (verbose)
		printf("# per vouch: parse %.1f us, floor %.1f us (1 thread)\n",
		    tpar1 / n * 1e6, tf1 / n * 1e6);
	bundle_free(p);
	bundle_free(b);
	buf_free(bin);
	key_free(k);
}
