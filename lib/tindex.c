/* tindex.c: the trusted-names index. */
#include "compat.h"

#include <sys/mman.h>
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "file.h"
#include "kdir.h"
#include "kerr.h"
#include "stmtstore.h"
#include "store.h"
#include "tindex.h"
#include "trust.h"
#include "trustload.h"

#define TX_MAGIC	"kith-trusted"	/* with its NUL: 13 bytes */
#define TX_VERSION	2
#define TX_HASHLEN	16
#define TX_ENTRY	(TX_HASHLEN + 4 + 32 + 4)
#define TX_HEADER	(13 + 4 + 32 + 4 + 10 * 8 + 2 * 8 + 2 * 8)

struct tindex {
	void		*map;
	size_t		 maplen;
	struct buf	*entries;	/* views into map */
	struct buf	*pool;
	uint64_t	 n;
};

struct txent {
	u_char		 h[TX_HASHLEN];
	uint32_t	 off;
	u_char		 pk[32];
	uint32_t	 flags;		/* TINDEX_CONFLICT */
};

static void
name_hash(const char *name, u_char *h)
{
	u_char d[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_state st;
	u_char ch;

	crypto_hash_sha256_init(&st);
	for (; *name != '\0'; name++) {
		ch = (u_char)tolower((u_char)*name);
		crypto_hash_sha256_update(&st, &ch, 1);
	}
	crypto_hash_sha256_final(&st, d);
	memcpy(h, d, TX_HASHLEN);
}

static int
ent_cmp(const void *a, const void *b)
{
	const struct txent *x = a, *y = b;
	int c;

	if ((c = memcmp(x->h, y->h, TX_HASHLEN)) != 0)
		return c;
	return memcmp(x->pk, y->pk, 32);
}

/* [*fromp, *untilp): around now, no vouch starts or ends. */
static void
window(const struct trustctx *c, uint64_t now, uint64_t *fromp,
    uint64_t *untilp)
{
	uint64_t t[2];
	size_t i, j;

	*fromp = 0;
	*untilp = UINT64_MAX;
	for (i = 0; i < c->ntv; i++) {
		t[0] = c->tv[i].valid_after;
		t[1] = c->tv[i].valid_before;
		for (j = 0; j < 2; j++) {
			if (t[j] <= now && t[j] > *fromp)
				*fromp = t[j];
			if (t[j] > now && t[j] < *untilp)
				*untilp = t[j];
		}
	}
}

static int
put_fileid(struct buf *b, const struct store_fileid *f)
{
	int r;

	if ((r = buf_put_u64(b, f->dev)) != 0 ||
	    (r = buf_put_u64(b, f->ino)) != 0 ||
	    (r = buf_put_u64(b, f->size)) != 0 ||
	    (r = buf_put_u64(b, f->sec)) != 0)
		return r;
	return buf_put_u64(b, f->nsec);
}

static int
get_fileid(struct buf *b, struct store_fileid *f)
{
	int r;

	if ((r = buf_get_u64(b, &f->dev)) != 0 ||
	    (r = buf_get_u64(b, &f->ino)) != 0 ||
	    (r = buf_get_u64(b, &f->size)) != 0 ||
	    (r = buf_get_u64(b, &f->sec)) != 0)
		return r;
	return buf_get_u64(b, &f->nsec);
}

static int
put_header(struct buf *b, const struct trustctx *c,
    const struct store_fileid *sf, uint64_t now, u_int k, uint64_t n,
    uint64_t poolsize)
{
	uint64_t from, until;
	int r;

	window(c, now, &from, &until);
	if ((r = buf_put(b, TX_MAGIC, sizeof(TX_MAGIC))) != 0 ||
	    (r = buf_put_u32(b, TX_VERSION)) != 0 ||
	    (r = buf_put(b, c->root, sizeof(c->root))) != 0 ||
	    (r = buf_put_u32(b, k)) != 0 ||
	    (r = put_fileid(b, &c->vs->fid)) != 0 ||
	    (r = put_fileid(b, sf)) != 0 ||
	    (r = buf_put_u64(b, from)) != 0 ||
	    (r = buf_put_u64(b, until)) != 0 ||
	    (r = buf_put_u64(b, n)) != 0)
		return r;
	return buf_put_u64(b, poolsize);
}

/* 1 if name is in conflict (held by keys not linked as successors). */
static int
conflicted(const struct trust *t, const char *name)
{
	const struct trust_conflict *cf;
	size_t n, lo = 0, hi, mid;
	int c;

	cf = trust_conflicts(t, &n);
	for (hi = n; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcasecmp(cf[mid].name, name)) == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* The entries and the name pool of c's result. */
static int
collect(const struct trustctx *c, struct txent **ep, size_t *np,
    struct buf *pool)
{
	const struct trust_key *keys;
	struct txent *e;
	size_t nk, i, j, n = 0, total = 0;
	int r;

	keys = trust_keys(c->t, &nk);
	for (i = 0; i < nk; i++)
		total += keys[i].nnames;
	if ((e = calloc(total + 1, sizeof(*e))) == NULL)
		return KE_NOMEM;
	for (i = 0; i < nk; i++) {
		for (j = 0; j < keys[i].nnames; j++, n++) {
			name_hash(keys[i].names[j].name, e[n].h);
			memcpy(e[n].pk, keys[i].pk, 32);
			if (conflicted(c->t, keys[i].names[j].name))
				e[n].flags = TINDEX_CONFLICT;
			if (buf_len(pool) > UINT32_MAX - KITH_MAXNAME) {
				free(e);
				return KE_TOOLONG;
			}
			e[n].off = (uint32_t)buf_len(pool);
			if ((r = buf_puts(pool, keys[i].names[j].name)) != 0 ||
			    (r = buf_put_u8(pool, '\0')) != 0) {
				free(e);
				return r;
			}
		}
	}
	if (n > 1)
		qsort(e, n, sizeof(*e), ent_cmp);
	*ep = e;
	*np = n;
	return 0;
}

int
tindex_write(const char *dir, const struct trustctx *c, uint64_t now, u_int k)
{
	struct buf *b = NULL, *pool = NULL;
	struct txent *e = NULL;
	char *path = NULL;
	size_t n = 0, i;
	int r = KE_NOMEM;

	if ((b = buf_new()) == NULL || (pool = buf_new()) == NULL)
		goto out;
	if ((r = collect(c, &e, &n, pool)) != 0 ||
	    (r = put_header(b, c, &c->ss->fid, now, k, n,
	    buf_len(pool))) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		if ((r = buf_put(b, e[i].h, TX_HASHLEN)) != 0 ||
		    (r = buf_put_u32(b, e[i].off)) != 0 ||
		    (r = buf_put(b, e[i].pk, 32)) != 0 ||
		    (r = buf_put_u32(b, e[i].flags)) != 0)
			goto out;
	}
	if ((r = buf_putb(b, pool)) != 0 ||
	    (r = kdir_path(dir, TINDEX_FILE, &path)) != 0)
		goto out;
	r = file_write_atomic(path, buf_ptr(b), buf_len(b), 0600);
 out:
	free(path);
	free(e);
	buf_free(pool);
	buf_free(b);
	return r;
}

void
tindex_close(struct tindex *ix)
{
	if (ix == NULL)
		return;
	buf_free(ix->entries);
	buf_free(ix->pool);
	if (ix->map != NULL)
		munmap(ix->map, ix->maplen);
	free(ix);
}

/* Checks the header against what the caller asks about. */
static int
check_header(struct buf *b, const u_char *root, uint64_t now, u_int k,
    const struct store_fileid *cur, uint64_t *np, uint64_t *poolp)
{
	struct store_fileid f, sf;
	u_char r0[32];
	uint64_t from, until;
	uint32_t version, k0;
	int r;

	if ((r = buf_get_magic(b, TX_MAGIC, sizeof(TX_MAGIC))) != 0 ||
	    (r = buf_get_u32(b, &version)) != 0 ||
	    (r = buf_get_fixed(b, r0, sizeof(r0))) != 0 ||
	    (r = buf_get_u32(b, &k0)) != 0 ||
	    (r = get_fileid(b, &f)) != 0 ||
	    (r = get_fileid(b, &sf)) != 0 ||
	    (r = buf_get_u64(b, &from)) != 0 ||
	    (r = buf_get_u64(b, &until)) != 0 ||
	    (r = buf_get_u64(b, np)) != 0 ||
	    (r = buf_get_u64(b, poolp)) != 0)
		return r;
	if (version != TX_VERSION || k0 != k || memcmp(r0, root, 32) != 0 ||
	    memcmp(&f, &cur[0], sizeof(f)) != 0 ||
	    memcmp(&sf, &cur[1], sizeof(sf)) != 0 || now < from || now >= until)
		return KE_NOTFOUND;
	if (*np > buf_len(b) / TX_ENTRY ||
	    buf_len(b) - *np * TX_ENTRY != *poolp)
		return KE_FORMAT;
	return 0;
}

static int
map_file(const char *dir, void **mapp, size_t *lenp)
{
	struct stat st;
	char *path = NULL;
	int fd, r = 0;

	if ((r = kdir_path(dir, TINDEX_FILE, &path)) != 0)
		return r;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	free(path);
	if (fd == -1)
		return errno == ENOENT ? KE_NOTFOUND : KE_ERRNO(errno);
	if (fstat(fd, &st) == -1)
		r = KE_ERRNO(errno);
	else if (!S_ISREG(st.st_mode) || st.st_size < TX_HEADER)
		r = KE_NOTFOUND;
	else if ((*mapp = mmap(NULL, (size_t)st.st_size, PROT_READ,
	    MAP_PRIVATE, fd, 0)) == MAP_FAILED)
		r = KE_ERRNO(errno);
	else
		*lenp = (size_t)st.st_size;
	close(fd);
	return r;
}

int
tindex_open(const char *dir, const u_char *root, uint64_t now, u_int k,
    struct tindex **ixp)
{
	struct store_fileid cur[2];
	struct tindex *ix;
	struct buf *b = NULL;
	const u_char *p;
	uint64_t poolsize;
	int r;

	*ixp = NULL;
	if ((r = store_fileid(dir, STORE_VOUCHES, &cur[0])) != 0 ||
	    (r = store_fileid(dir, STORE_STMTS, &cur[1])) != 0)
		return r;
	if ((ix = calloc(1, sizeof(*ix))) == NULL)
		return KE_NOMEM;
	if ((r = map_file(dir, &ix->map, &ix->maplen)) != 0)
		goto out;
	if ((b = buf_view(ix->map, ix->maplen)) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	if ((r = check_header(b, root, now, k, cur, &ix->n, &poolsize)))
		goto out;
	if ((r = buf_peek_at(b, 0, ix->n * TX_ENTRY, &p)) != 0 ||
	    (ix->entries = buf_view(p, ix->n * TX_ENTRY)) == NULL ||
	    (r = buf_peek_at(b, ix->n * TX_ENTRY, poolsize, &p)) != 0 ||
	    (ix->pool = buf_view(p, poolsize)) == NULL) {
		r = r != 0 ? r : KE_NOMEM;
		goto out;
	}
	*ixp = ix;
	ix = NULL;
 out:
	buf_free(b);
	tindex_close(ix);
	return r;
}

/* Entry i's hash, name and key; the name checked to end in the pool. */
static int
entry(const struct tindex *ix, uint64_t i, struct txent *e,
    const char **namep)
{
	const u_char *p, *name;
	struct buf *v;
	int r;

	if ((r = buf_peek_at(ix->entries, i * TX_ENTRY, TX_ENTRY, &p)) != 0)
		return KE_FORMAT;
	if ((v = buf_view(p, TX_ENTRY)) == NULL)
		return KE_NOMEM;
	r = buf_get_fixed(v, e->h, TX_HASHLEN);
	if (r == 0)
		r = buf_get_u32(v, &e->off);
	if (r == 0)
		r = buf_get_fixed(v, e->pk, 32);
	if (r == 0)
		r = buf_get_u32(v, &e->flags);
	buf_free(v);
	if (r != 0 || namep == NULL)
		return r;
	if (buf_peek_at(ix->pool, e->off, 1, &name) != 0 ||
	    memchr(name, '\0', buf_len(ix->pool) - e->off) == NULL)
		return KE_FORMAT;
	*namep = (const char *)name;
	return 0;
}

int
tindex_lookup(const struct tindex *ix, const char *name, u_char (*pks)[32],
    size_t max, size_t *np, int *conflictp)
{
	struct txent e;
	u_char h[TX_HASHLEN];
	const char *s;
	uint64_t lo = 0, hi = ix->n, mid;
	int r;

	*np = 0;
	*conflictp = 0;
	name_hash(name, h);
	while (lo < hi) {	/* the first entry with hash >= h */
		mid = lo + (hi - lo) / 2;
		if ((r = entry(ix, mid, &e, NULL)) != 0)
			return r;
		if (memcmp(e.h, h, TX_HASHLEN) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < ix->n; lo++) {
		if ((r = entry(ix, lo, &e, &s)) != 0)
			return r;
		if (memcmp(e.h, h, TX_HASHLEN) != 0)
			break;
		if (strcasecmp(s, name) != 0)
			continue;
		if (*np < max)
			memcpy(pks[*np], e.pk, 32);
		(*np)++;
		*conflictp |= (e.flags & TINDEX_CONFLICT) != 0;
	}
	return 0;
}
