/*
 * genfleet: writes a synthetic kith fleet for the benchmarks.
 *   genfleet DIR N SIGNERS LAYERS   (layered web: each key in layer L is
 *                                    vouched by SIGNERS keys of layer L-1)
 *   genfleet DIR N 0 1              (N keys, each vouched by the root)
 * DIR gets id_ed25519(.pub) (the root) and vouches.  With GPGPLAN set, it
 * also writes DIR/plan: "key index: signer indices" lines, so the same
 * shape can be built in gpg.  Keys come from a fixed seed: reruns match.
 */
#include "compat.h"

#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "b64.h"
#include "buf.h"
#include "cert.h"
#include "file.h"
#include "kdir.h"
#include "kerr.h"
#include "key.h"
#include "privkey.h"

static struct key *
nth_key(size_t i)
{
	u_char seed[32] = { 0 };
	struct key *k;

	memcpy(seed, &i, sizeof(i));
	seed[31] = 0x6b;
	if ((k = key_new()) == NULL || key_set_seed(k, seed) != 0)
		errx(1, "key");
	return k;
}

/* Signs with key s, derived on demand: sodium_malloc per key for a
 * whole fleet would exhaust the process's mappings. */
static void
put_vouch(FILE *f, size_t s, const u_char *subject, size_t i,
    uint64_t serial, u_int depth)
{
	struct key *signer = nth_key(s);
	struct cert *c;
	struct buf *b;
	char name[64];

	snprintf(name, sizeof(name), "h%zu.fleet.test", i);
	if ((c = cert_new()) == NULL)
		errx(1, "cert");
	memcpy(c->pk, subject, 32);
	c->serial = serial;
	c->valid_before = CERT_FOREVER;
	if (cert_set_keyid(c, name) != 0 || cert_add_principal(c, name) != 0 ||
	    (depth > 0 && cert_set_depth(c, depth) != 0) ||
	    cert_sign(c, signer) != 0)
		errx(1, "sign");
	if ((b = buf_new()) == NULL || b64_encode(b, c->blob, c->bloblen))
		errx(1, "b64");
	fprintf(f, "%s %.*s %s\n", KEY_CERT_TYPE, (int)buf_len(b),
	    (const char *)buf_ptr(b), name);
	buf_free(b);
	cert_free(c);
	key_free(signer);
}

int
main(int argc, char *argv[])
{
	u_char (*pks)[32];
	struct key *root;
	struct buf *b;
	size_t n, nsig, nlayer, i, j, lsize, lstart, prev, pn;
	char path[4096];
	FILE *f, *plan = NULL;

	if (argc != 5 || sodium_init() < 0)
		errx(1, "usage: genfleet dir n signers layers");
	n = strtoul(argv[2], NULL, 10);
	nsig = strtoul(argv[3], NULL, 10);
	nlayer = strtoul(argv[4], NULL, 10);
	if (n < 2 || nlayer < 1 || file_mkdir(argv[1], 0700) != 0)
		errx(1, "bad arguments");
	if ((pks = calloc(n, sizeof(*pks))) == NULL)
		errx(1, "nomem");
	for (i = 0; i < n; i++) {
		struct key *k = nth_key(i);

		memcpy(pks[i], k->pk, 32);
		key_free(k);
	}
	root = nth_key(0);
	snprintf(path, sizeof(path), "%s/id_ed25519", argv[1]);
	if ((b = buf_new_secure()) == NULL ||
	    privkey_encode(b, root, "root", NULL) != 0 ||
	    file_write_atomic(path, buf_ptr(b), buf_len(b), 0600) != 0)
		errx(1, "%s", path);
	buf_reset(b);
	snprintf(path, sizeof(path), "%s/id_ed25519.pub", argv[1]);
	if (key_format_line(b, root, "root") != 0 ||
	    file_write_atomic(path, buf_ptr(b), buf_len(b), 0644) != 0)
		errx(1, "%s", path);
	snprintf(path, sizeof(path), "%s/vouches", argv[1]);
	if ((f = fopen(path, "w")) == NULL)
		err(1, "%s", path);
	if (getenv("GPGPLAN") != NULL) {
		snprintf(path, sizeof(path), "%s/plan", argv[1]);
		if ((plan = fopen(path, "w")) == NULL)
			err(1, "%s", path);
	}
	/* layer 1: vouched by the root; then each layer by the previous */
	lsize = nsig == 0 ? n - 1 : (n - 1) / nlayer;
	prev = 0;
	pn = 1;
	for (lstart = 1; lstart < n; lstart += lsize) {
		if (lstart + lsize > n || (n - lstart - lsize) < lsize)
			lsize = n - lstart;
		for (i = lstart; i < lstart + lsize; i++) {
			if (plan != NULL)
				fprintf(plan, "%zu:", i);
			for (j = 0; j < (pn == 1 ? 1 : nsig); j++) {
				size_t s = prev + (i * 7 + j * 13) % pn;

				if (pn > 1 && j > 0 &&
				    s == prev + (i * 7 + (j - 1) * 13) % pn)
					s = prev + (s - prev + 1) % pn;
				put_vouch(f, s, pks[i], i, i * 8 + j,
				    nlayer + 1);
				if (plan != NULL)
					fprintf(plan, " %zu", s);
			}
			if (plan != NULL)
				fprintf(plan, "\n");
		}
		prev = lstart;
		pn = lsize;
	}
	if (fclose(f) != 0 || (plan != NULL && fclose(plan) != 0))
		err(1, "close");
	return 0;
}
