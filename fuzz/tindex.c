/*
 * tindex.c: the trusted-names index ("trusted", PROTOCOL.kith §4),
 * through tindex_open on a scratch kith directory with empty vouches
 * and statements files, then tindex_lookup of every name it holds.  The
 * input is the file; where its root is all zero the test key's is
 * written in, and where the vouches file's identity is zero both files'
 * identities are, so the index is taken as current.  The caller asks
 * with threshold 1 at FZ_NOW.
 *
 * A reference reading of the file (below) must agree with what opens:
 * sizes add up, and on a sorted table each name finds exactly the keys
 * of the entries that hold it, whatever its case; on any table every
 * key found belongs to an entry holding the name.
 */
#include "compat.h"

#include <sys/stat.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "kerr.h"
#include "key.h"
#include "stmtstore.h"
#include "store.h"
#include "tindex.h"
#include "fuzz.h"

#define FZ_NOW		1767225600ULL
#define MAGICLEN	13
#define ROOTOFF		(MAGICLEN + 4)
#define FIDOFF		(ROOTOFF + 32 + 4)
#define FIDLEN		(5 * 8)
#define HEADER		(FIDOFF + 2 * FIDLEN + 4 * 8)
#define HASHLEN		16
#define ENTRY		(HASHLEN + 4 + 32 + 4)
#define MAXHOLD		4
#define MAXLOOKUP	64

/* The file as the reference reads it. */
struct ref {
	const uint8_t	*ent;	/* n entries of ENTRY bytes */
	uint64_t	 n;
	const uint8_t	*pool;
	uint64_t	 poolsize;
	int		 sorted;
};

static uint64_t
get64(const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

static uint32_t
get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static void
put64(uint8_t *p, uint64_t v)
{
	int i;

	for (i = 7; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

/* Writes the file's identity of dir/name at p. */
static void
put_fid(uint8_t *p, const char *name)
{
	char path[128];
	struct stat st;

	(void)snprintf(path, sizeof(path), "%s/%s", fz_scratch(), name);
	FZ_CHECK(stat(path, &st) == 0);
	put64(p, (uint64_t)st.st_dev);
	put64(p + 8, (uint64_t)st.st_ino);
	put64(p + 16, (uint64_t)st.st_size);
	put64(p + 24, (uint64_t)st.st_mtim.tv_sec);
	put64(p + 32, (uint64_t)st.st_mtim.tv_nsec);
}

static void
name_hash(const char *name, u_char *h)
{
	u_char d[crypto_hash_sha256_BYTES], *low;
	size_t i, n = strlen(name);

	FZ_CHECK((low = malloc(n + 1)) != NULL);
	for (i = 0; i < n; i++)
		low[i] = (u_char)tolower((u_char)name[i]);
	crypto_hash_sha256(d, low, n);
	memcpy(h, d, HASHLEN);
	free(low);
}

/* Entry i's name, or NULL if its offset or NUL is not in the pool. */
static const char *
ent_name(const struct ref *x, uint64_t i)
{
	uint32_t off = get32(x->ent + i * ENTRY + HASHLEN);

	if (off >= x->poolsize ||
	    memchr(x->pool + off, '\0', x->poolsize - off) == NULL)
		return NULL;
	return (const char *)x->pool + off;
}

/* The lookup of name agrees with the reference. */
static void
check_lookup(const struct tindex *ix, const struct ref *x, const char *name)
{
	u_char pks[MAXHOLD][32], h[HASHLEN];
	const uint8_t *e;
	const char *s;
	size_t n = 0, want = 0, i;
	uint64_t j, past = UINT64_MAX;
	int conflict = 0, wantc = 0, bad = 0, badpast, r;

	r = tindex_lookup(ix, name, pks, MAXHOLD, &n, &conflict);
	name_hash(name, h);
	for (j = 0; j < x->n; j++) {
		e = x->ent + j * ENTRY;
		if (past == UINT64_MAX && memcmp(e, h, HASHLEN) > 0)
			past = j;
		if (memcmp(e, h, HASHLEN) != 0)
			continue;
		if ((s = ent_name(x, j)) == NULL) {
			bad = 1;
			continue;
		}
		if (strcasecmp(s, name) != 0)
			continue;
		if (x->sorted && r == 0 && want < MAXHOLD)
			FZ_CHECK(memcmp(pks[want], e + HASHLEN + 4, 32) == 0);
		want++;
		wantc |= (get32(e + HASHLEN + 4 + 32) & TINDEX_CONFLICT) != 0;
	}
	FZ_CHECK(r == 0 || r == KE_FORMAT);
	/*
	 * Sorted, the search sees every entry with the name's hash, and the
	 * one after them, whose name it reads too.
	 */
	badpast = past < x->n && ent_name(x, past) == NULL;
	if (x->sorted)
		FZ_CHECK(bad ? r != 0 : r == 0 || badpast);
	if (r != 0)
		return;
	if (x->sorted)
		FZ_CHECK(n == want && conflict == wantc);
	/* whatever the order, what is found is the name's */
	for (i = 0; i < n && i < MAXHOLD; i++) {
		for (j = 0; j < x->n; j++) {
			e = x->ent + j * ENTRY;
			if (memcmp(e + HASHLEN + 4, pks[i], 32) == 0 &&
			    memcmp(e, h, HASHLEN) == 0 &&
			    (s = ent_name(x, j)) != NULL &&
			    strcasecmp(s, name) == 0)
				break;
		}
		FZ_CHECK(j < x->n);
	}
}

/* The name in other case looks up the same. */
static void
check_case(const struct tindex *ix, const char *name)
{
	u_char a[MAXHOLD][32], b[MAXHOLD][32];
	size_t na, nb, i;
	int ca, cb, ra, rb;
	char *up;

	FZ_CHECK((up = strdup(name)) != NULL);
	for (i = 0; up[i] != '\0'; i++)
		up[i] = (char)(islower((u_char)up[i]) ?
		    toupper((u_char)up[i]) : tolower((u_char)up[i]));
	ra = tindex_lookup(ix, name, a, MAXHOLD, &na, &ca);
	rb = tindex_lookup(ix, up, b, MAXHOLD, &nb, &cb);
	FZ_CHECK(ra == rb);
	if (ra == 0) {
		FZ_CHECK(na == nb && ca == cb);
		FZ_CHECK(memcmp(a, b, (na < MAXHOLD ? na : MAXHOLD) * 32) == 0);
	}
	free(up);
}

static void
check_index(const struct tindex *ix, const uint8_t *p, size_t len)
{
	struct ref x;
	const char *s;
	uint64_t i;

	FZ_CHECK(len >= HEADER);
	x.n = get64(p + HEADER - 16);
	x.poolsize = get64(p + HEADER - 8);
	FZ_CHECK(x.n <= (len - HEADER) / ENTRY);
	FZ_CHECK(HEADER + x.n * ENTRY + x.poolsize == len);
	x.ent = p + HEADER;
	x.pool = x.ent + x.n * ENTRY;
	x.sorted = 1;
	for (i = 1; i < x.n; i++)
		if (memcmp(x.ent + (i - 1) * ENTRY, x.ent + i * ENTRY,
		    HASHLEN) > 0)
			x.sorted = 0;
	for (i = 0; i < x.n && i < MAXLOOKUP; i++)
		if ((s = ent_name(&x, i)) != NULL) {
			check_lookup(ix, &x, s);
			check_case(ix, s);
		}
	check_lookup(ix, &x, "");
	check_lookup(ix, &x, "absent.example");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const uint8_t zero[32];
	static int ready;
	struct tindex *ix = NULL;
	uint8_t *p;
	int r;

	if (len > 1024 * 1024)
		return 0;
	if (!ready) {
		fz_write_file(STORE_VOUCHES, (const uint8_t *)"", 0);
		fz_write_file(STORE_STMTS, (const uint8_t *)"", 0);
		ready = 1;
	}
	FZ_CHECK((p = malloc(len + 1)) != NULL);
	memcpy(p, data, len);
	if (len >= ROOTOFF + 32 && memcmp(p + ROOTOFF, zero, 32) == 0)
		memcpy(p + ROOTOFF, fz_test_key()->pk, 32);
	if (len >= FIDOFF + 2 * FIDLEN && memcmp(p + FIDOFF, zero, 8) == 0) {
		put_fid(p + FIDOFF, STORE_VOUCHES);
		put_fid(p + FIDOFF + FIDLEN, STORE_STMTS);
	}
	fz_write_file(TINDEX_FILE, p, len);
	r = tindex_open(fz_scratch(), fz_test_key()->pk, FZ_NOW, 1, &ix);
	FZ_CHECK((r == 0) == (ix != NULL));
	FZ_CHECK(r == 0 || r == KE_NOTFOUND || r == KE_FORMAT ||
	    r == KE_MAGIC);
	if (ix != NULL)
		check_index(ix, p, len);
	tindex_close(ix);
	free(p);
	return 0;
}
