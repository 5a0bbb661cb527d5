/*
 * storecache.c: the store's binary snapshot ("cache", PROTOCOL.kith §4),
 * through store_load on a scratch kith directory with an empty vouches
 * file.  The input is the cache file.  If its st_dev field is zero, the
 * vouches file's identity is written into it first, so the snapshot is
 * taken as the store; the loaded vouches must then make valid trust
 * input.  Otherwise the snapshot only lends its checked hashes to a load
 * of the (empty) vouches file.  The directory is fz_scratch's.
 */
#include "compat.h"

#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>

#include "kerr.h"
#include "store.h"
#include "trust.h"
#include "fuzz.h"

#define MAGICLEN	11	/* "kith-cache" and its NUL */
#define FIDOFF		(MAGICLEN + 4)
#define FIDLEN		(5 * 8)

static const char *dir;
static uint64_t fid[5];	/* dev, ino, size, mtime s, ns of "vouches" */

static void
setup(void)
{
	char path[128];
	struct stat st;

	dir = fz_scratch();
	fz_write_file(STORE_VOUCHES, (const uint8_t *)"", 0);
	(void)snprintf(path, sizeof(path), "%s/%s", dir, STORE_VOUCHES);
	FZ_CHECK(stat(path, &st) == 0);
	fid[0] = (uint64_t)st.st_dev;
	fid[1] = (uint64_t)st.st_ino;
	fid[2] = (uint64_t)st.st_size;
	fid[3] = (uint64_t)st.st_mtim.tv_sec;
	fid[4] = (uint64_t)st.st_mtim.tv_nsec;
}

/* Writes fid over the snapshot's file identity, big-endian. */
static void
patch(uint8_t *p)
{
	size_t i, j;

	for (i = 0; i < nitems(fid); i++)
		for (j = 0; j < 8; j++)
			p[FIDOFF + i * 8 + j] = (uint8_t)(fid[i] >> (56 - 8 * j));
}

/* What a loaded set must be, and trust over it. */
static void
check_set(const struct vouchset *vs)
{
	struct trust_vouch *tv;
	struct trust_input in;
	struct trust *t = NULL;
	size_t i, n = 0;

	FZ_CHECK(vs->n <= vs->cap || vs->n == 0);
	FZ_CHECK((tv = calloc(vs->n + 1, sizeof(*tv))) != NULL);
	for (i = 0; i < vs->n; i++) {
		FZ_CHECK(vs->tv[i].depth <= TRUST_MAXDEPTH);
		FZ_CHECK(vs->tv[i].nnames == 0 || vs->tv[i].names != NULL);
		FZ_CHECK(vs->tv[i].nscope == 0 || vs->tv[i].scope != NULL);
		if (vs->check[i] == 0)
			tv[n++] = vs->tv[i];
	}
	memset(&in, 0, sizeof(in));
	if (n > 0)
		memcpy(in.root, tv[0].signer, sizeof(in.root));
	in.v = tv;
	in.nv = n;
	in.now = 1700000000;
	in.threshold = 1;
	FZ_CHECK(trust_compute(&in, &t) == 0);
	trust_free(t);
	free(tv);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const uint8_t zero[8];
	struct vouchset *vs = NULL;
	uint8_t *p;
	int r;

	if (len > 1024 * 1024)
		return 0;
	if (dir == NULL)
		setup();
	FZ_CHECK((p = malloc(len + 1)) != NULL);
	memcpy(p, data, len);
	if (len >= FIDOFF + FIDLEN && memcmp(p + FIDOFF, zero,
	    sizeof(zero)) == 0)
		patch(p);
	fz_write_file(STORE_CACHE, p, len);
	r = store_load(dir, &vs);
	FZ_CHECK((r == 0) == (vs != NULL));
	if (vs != NULL)
		check_set(vs);
	vouchset_free(vs);
	free(p);
	return 0;
}
