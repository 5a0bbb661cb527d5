/*
 * storeload.c: loading the vouches into compact trust input, checking
 * signatures in parallel batches, and the binary snapshot ("cache").
 */
#include "compat.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "cert.h"
#include "file.h"
#include "kdir.h"
#include "kerr.h"
#include "sha256.h"
#include "store.h"
#include "trust.h"

#define HASHLEN		crypto_hash_sha256_BYTES
#define MAXTHREADS	8
#define BATCH		4096
#define MAXLINE		(1024 * 1024)
#define CACHE_MAGIC	"kith-cache"		/* with its NUL: 11 bytes */
#define CACHE_VERSION	1
#define CACHE_MAXNAMES	(CERT_MAXPRINCIPALS + CERT_MAXSCOPE)

#define fileid store_fileid

/*
 * A batch of lines of the vouches file.  The reading thread copies lines
 * in; worker threads parse, hash and check each one into its record; the
 * reading thread then appends the records in order.
 */
struct batch {
	char		*text;
	size_t		 textlen;
	size_t		 textcap;
	size_t		 off[BATCH];
	size_t		 len[BATCH];
	size_t		 lineno[BATCH];
	struct trust_vouch tv[BATCH];
	int		 check[BATCH];
	u_char		 bh[BATCH][HASHLEN];
	int		 status[BATCH];	/* 0, KE_NOTFOUND: skip, or KE_* */
	size_t		 n;
};

struct worker {
	struct batch	*b;
	const struct vouchset *old;
	size_t		 stride;
	size_t		 first;
};

struct loadctx {
	struct vouchset	*vs;
	const struct vouchset *old;	/* the stale snapshot: checked hashes */
	struct batch	 b[2];
	int		 cur;		/* the batch being filled */
	struct worker	 w[MAXTHREADS];
	pthread_t	 tid[MAXTHREADS];
	size_t		 nt;
	size_t		 started;
	int		 busy;		/* the other batch is being worked */
};

static void
fileid_of(const struct stat *st, struct fileid *f)
{
	f->dev = (uint64_t)st->st_dev;
	f->ino = (uint64_t)st->st_ino;
	f->size = (uint64_t)st->st_size;
	f->sec = (uint64_t)st->st_mtim.tv_sec;
	f->nsec = (uint64_t)st->st_mtim.tv_nsec;
}

static void
free_strv(char **v, size_t n, int owned)
{
	size_t i;

	for (i = 0; owned && v != NULL && i < n; i++)
		free(v[i]);
	free(v);
}

void
vouchset_free(struct vouchset *vs)
{
	size_t i;

	if (vs == NULL)
		return;
	for (i = 0; i < vs->n; i++) {
		free_strv(vs->tv[i].names, vs->tv[i].nnames, vs->pool == NULL);
		free_strv(vs->tv[i].scope, vs->tv[i].nscope, vs->pool == NULL);
	}
	free(vs->tv);
	free(vs->check);
	free(vs->line);
	free(vs->bh);
	buf_free(vs->pool);
	free(vs);
}

static int
vouchset_grow(struct vouchset *vs)
{
	size_t cap = vs->cap == 0 ? 256 : vs->cap * 2;
	void *a, *b, *c, *d;

	a = reallocarray(vs->tv, cap, sizeof(*vs->tv));
	if (a != NULL)
		vs->tv = a;
	b = reallocarray(vs->check, cap, sizeof(*vs->check));
	if (b != NULL)
		vs->check = b;
	c = reallocarray(vs->line, cap, sizeof(*vs->line));
	if (c != NULL)
		vs->line = c;
	d = reallocarray(vs->bh, cap, sizeof(*vs->bh));
	if (d != NULL)
		vs->bh = d;
	if (a == NULL || b == NULL || c == NULL || d == NULL)
		return KE_NOMEM;
	vs->cap = cap;
	return 0;
}

static void
mark_bad(struct vouchset *vs, size_t line, int err)
{
	if (vs->nbad++ == 0 || line < vs->firstbad) {
		vs->firstbad = line;
		vs->firstbad_err = err;
	}
}

static int
dup_strv(char *const *src, size_t n, char ***dstp)
{
	char **d;
	size_t i;

	*dstp = NULL;
	if (n == 0)
		return 0;
	if ((d = calloc(n, sizeof(*d))) == NULL)
		return KE_NOMEM;
	for (i = 0; i < n; i++) {
		if ((d[i] = strdup(src[i])) == NULL) {
			free_strv(d, i, 1);
			return KE_NOMEM;
		}
	}
	*dstp = d;
	return 0;
}

/* The compact record of c: trust input, vouch check, whole hash. */
static int
fill_record(struct trust_vouch *tv, int *check, u_char *bh,
    const struct cert *c)
{
	u_int depth = 0;
	int r;

	memset(tv, 0, sizeof(*tv));
	memcpy(tv->signer, c->signkey, sizeof(tv->signer));
	memcpy(tv->subject, c->pk, sizeof(tv->subject));
	store_vouch_id(c, tv->id);
	sha256(bh, c->blob, c->bloblen);
	tv->serial = c->serial;
	tv->valid_after = c->valid_after;
	tv->valid_before = c->valid_before;
	if ((*check = cert_check_vouch(c)) == 0) {
		if ((r = cert_depth(c, &depth)) != 0 ||
		    (r = cert_scope(c, &tv->scope, &tv->nscope)) != 0)
			return r == KE_NOMEM ? r : KE_INTERNAL;
		tv->depth = depth;
	}
	if ((r = dup_strv(c->principals, c->nprincipals, &tv->names)) != 0)
		return r;
	tv->nnames = c->nprincipals;
	return 0;
}

/* 1 if old, a sorted-by-hash snapshot, checked this certificate. */
static int
checked_before(const struct vouchset *old, const u_char *h)
{
	size_t lo = 0, hi = old == NULL ? 0 : old->n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = memcmp(old->bh[mid], h, HASHLEN)) == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Line i of b: parsed, recorded, its signature checked if new. */
static void
work_line(struct batch *b, size_t i, const struct vouchset *old)
{
	struct vouch v;
	int r;

	r = store_parse_unverified(b->text + b->off[i], b->len[i], &v);
	if (r == 0) {
		r = fill_record(&b->tv[i], &b->check[i], b->bh[i], v.cert);
		if (r == 0 && !checked_before(old, b->bh[i]) &&
		    cert_verify(v.cert) != 0)
			r = KE_SIGNATURE;
		if (r != 0) {
			free_strv(b->tv[i].names, b->tv[i].nnames, 1);
			free_strv(b->tv[i].scope, b->tv[i].nscope, 1);
		}
		cert_free(v.cert);
	}
	b->status[i] = r;
}

static void *
worker_main(void *arg)
{
	struct worker *w = arg;
	size_t i;

	for (i = w->first; i < w->b->n; i += w->stride)
		work_line(w->b, i, w->old);
	return NULL;
}

/* Starts the workers on the batch being filled. */
static void
work_start(struct loadctx *lc)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	size_t i;

	lc->nt = ncpu < 1 ? 1 : ncpu > MAXTHREADS ? MAXTHREADS : (size_t)ncpu;
	for (i = 0; i < lc->nt; i++)
		lc->w[i] = (struct worker){ &lc->b[lc->cur], lc->old, lc->nt,
		    i };
	for (lc->started = 0; lc->started < lc->nt; lc->started++)
		if (pthread_create(&lc->tid[lc->started], NULL, worker_main,
		    &lc->w[lc->started]) != 0)
			break;
	lc->busy = 1;
	lc->cur = !lc->cur;
}

/* Waits for the worked batch and appends its records in order. */
static int
work_finish(struct loadctx *lc)
{
	struct vouchset *vs = lc->vs;
	struct batch *b = &lc->b[!lc->cur];
	size_t i, j;
	int r = 0;

	if (!lc->busy)
		return 0;
	for (i = 0; i < lc->started; i++)
		pthread_join(lc->tid[i], NULL);
	for (i = lc->started; i < lc->nt; i++)
		worker_main(&lc->w[i]);
	lc->busy = 0;
	for (i = 0; i < b->n; i++) {
		if (b->status[i] == KE_NOTFOUND)
			continue;
		if (b->status[i] != 0 || r != 0) {
			if (b->status[i] == 0) {	/* after an error */
				free_strv(b->tv[i].names, b->tv[i].nnames, 1);
				free_strv(b->tv[i].scope, b->tv[i].nscope, 1);
			} else if (b->status[i] == KE_NOMEM)
				r = KE_NOMEM;
			else
				mark_bad(vs, b->lineno[i], b->status[i]);
			continue;
		}
		if (vs->n == vs->cap && (r = vouchset_grow(vs)) != 0) {
			i--;	/* free this record on the next turn */
			continue;
		}
		j = vs->n++;
		vs->tv[j] = b->tv[i];
		vs->check[j] = b->check[i];
		vs->line[j] = b->lineno[i];
		memcpy(vs->bh[j], b->bh[i], HASHLEN);
	}
	b->n = 0;
	b->textlen = 0;
	return r;
}

static int
load_line(const char *l, size_t len, size_t line, void *arg)
{
	struct loadctx *lc = arg;
	struct batch *b = &lc->b[lc->cur];
	size_t cap;
	char *t;
	int r;

	if (b->textlen + len > b->textcap) {
		cap = b->textcap == 0 ? 4 * 1024 * 1024 : b->textcap;
		while (cap < b->textlen + len)
			cap *= 2;
		if ((t = realloc(b->text, cap)) == NULL)
			return KE_NOMEM;
		b->text = t;
		b->textcap = cap;
	}
	memcpy(b->text + b->textlen, l, len);
	b->off[b->n] = b->textlen;
	b->len[b->n] = len;
	b->lineno[b->n++] = line;
	b->textlen += len;
	if (b->n < BATCH)
		return 0;
	if ((r = work_finish(lc)) != 0)
		return r;
	work_start(lc);
	return 0;
}

/* --- the snapshot --- */

static int
put_strv(struct buf *b, char *const *v, size_t n)
{
	size_t i;
	int r;

	if ((r = buf_put_u32(b, (uint32_t)n)) != 0)
		return r;
	for (i = 0; i < n; i++)	/* with the NUL, so readers can point */
		if ((r = buf_put_string(b, v[i], strlen(v[i]) + 1)) != 0)
			return r;
	return 0;
}

static int
put_record(struct buf *b, const struct vouchset *vs, size_t i)
{
	const struct trust_vouch *tv = &vs->tv[i];
	int r;

	if ((r = buf_put(b, vs->bh[i], HASHLEN)) != 0 ||
	    (r = buf_put(b, tv->id, sizeof(tv->id))) != 0 ||
	    (r = buf_put(b, tv->signer, sizeof(tv->signer))) != 0 ||
	    (r = buf_put(b, tv->subject, sizeof(tv->subject))) != 0 ||
	    (r = buf_put_u64(b, tv->serial)) != 0 ||
	    (r = buf_put_u64(b, tv->valid_after)) != 0 ||
	    (r = buf_put_u64(b, tv->valid_before)) != 0 ||
	    (r = buf_put_u64(b, vs->line[i])) != 0 ||
	    (r = buf_put_u32(b, (uint32_t)vs->check[i])) != 0 ||
	    (r = buf_put_u32(b, tv->depth)) != 0 ||
	    (r = put_strv(b, tv->names, tv->nnames)) != 0)
		return r;
	return put_strv(b, tv->scope, tv->nscope);
}

static int
save_cache(const char *dir, const struct fileid *f, const struct vouchset *vs)
{
	struct buf *b;
	char *path = NULL;
	size_t i;
	int r;

	if ((b = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = buf_put(b, CACHE_MAGIC, sizeof(CACHE_MAGIC))) != 0 ||
	    (r = buf_put_u32(b, CACHE_VERSION)) != 0 ||
	    (r = buf_put_u64(b, f->dev)) != 0 ||
	    (r = buf_put_u64(b, f->ino)) != 0 ||
	    (r = buf_put_u64(b, f->size)) != 0 ||
	    (r = buf_put_u64(b, f->sec)) != 0 ||
	    (r = buf_put_u64(b, f->nsec)) != 0 ||
	    (r = buf_put_u64(b, vs->nbad)) != 0 ||
	    (r = buf_put_u64(b, vs->firstbad)) != 0 ||
	    (r = buf_put_u32(b, (uint32_t)vs->firstbad_err)) != 0 ||
	    (r = buf_put_u64(b, vs->n)) != 0)
		goto out;
	for (i = 0; i < vs->n; i++)
		if ((r = put_record(b, vs, i)) != 0)
			goto out;
	if ((r = kdir_path(dir, STORE_CACHE, &path)) == 0)
		r = file_write_atomic(path, buf_ptr(b), buf_len(b), 0600);
 out:
	free(path);
	buf_free(b);
	return r;
}

/* A string vector pointing into the snapshot (NUL-terminated there). */
static int
get_strv(struct buf *b, char ***vp, size_t *np)
{
	const u_char *p;
	uint32_t n, i;
	size_t len;
	int r;

	*vp = NULL;
	*np = 0;
	if ((r = buf_get_u32(b, &n)) != 0)
		return r;
	if (n > CACHE_MAXNAMES)
		return KE_TOOLONG;
	if (n > 0 && (*vp = calloc(n, sizeof(**vp))) == NULL)
		return KE_NOMEM;
	for (i = 0; i < n; i++) {
		if ((r = buf_get_string_ptr(b, &p, &len, KITH_MAXSTRING)) != 0)
			return r;
		if (len == 0 || p[len - 1] != '\0' ||
		    memchr(p, '\0', len - 1) != NULL)
			return KE_FORMAT;
		(*vp)[i] = (char *)p;	/* the pool outlives the set */
		*np = i + 1;
	}
	return 0;
}

static int
get_record(struct buf *b, struct vouchset *vs, size_t i)
{
	struct trust_vouch *tv = &vs->tv[i];
	uint64_t line;
	uint32_t check, depth;
	int r;

	memset(tv, 0, sizeof(*tv));
	if ((r = buf_get_fixed(b, vs->bh[i], HASHLEN)) != 0 ||
	    (r = buf_get_fixed(b, tv->id, sizeof(tv->id))) != 0 ||
	    (r = buf_get_fixed(b, tv->signer, sizeof(tv->signer))) != 0 ||
	    (r = buf_get_fixed(b, tv->subject, sizeof(tv->subject))) != 0 ||
	    (r = buf_get_u64(b, &tv->serial)) != 0 ||
	    (r = buf_get_u64(b, &tv->valid_after)) != 0 ||
	    (r = buf_get_u64(b, &tv->valid_before)) != 0 ||
	    (r = buf_get_u64(b, &line)) != 0 ||
	    (r = buf_get_u32(b, &check)) != 0 ||
	    (r = buf_get_u32(b, &depth)) != 0)
		return r;
	vs->n = i + 1;	/* so a partial record is freed */
	vs->line[i] = (size_t)line;
	vs->check[i] = (int)check;
	tv->depth = depth;
	if (depth > TRUST_MAXDEPTH)
		return KE_RANGE;
	if ((r = get_strv(b, &tv->names, &tv->nnames)) != 0)
		return r;
	return get_strv(b, &tv->scope, &tv->nscope);
}

static int
parse_cache(struct buf *b, struct fileid *f, struct vouchset *vs)
{
	uint64_t n, nbad, firstbad;
	uint32_t version, ferr;
	size_t i;
	int r;

	if ((r = buf_get_magic(b, CACHE_MAGIC, sizeof(CACHE_MAGIC))) != 0 ||
	    (r = buf_get_u32(b, &version)) != 0)
		return r;
	if (version != CACHE_VERSION)
		return KE_VERSION;
	if ((r = buf_get_u64(b, &f->dev)) != 0 ||
	    (r = buf_get_u64(b, &f->ino)) != 0 ||
	    (r = buf_get_u64(b, &f->size)) != 0 ||
	    (r = buf_get_u64(b, &f->sec)) != 0 ||
	    (r = buf_get_u64(b, &f->nsec)) != 0 ||
	    (r = buf_get_u64(b, &nbad)) != 0 ||
	    (r = buf_get_u64(b, &firstbad)) != 0 ||
	    (r = buf_get_u32(b, &ferr)) != 0 ||
	    (r = buf_get_u64(b, &n)) != 0)
		return r;
	/* a record takes at least 176 bytes: no absurd allocation */
	if (n > buf_len(b) / 176)
		return KE_TOOLONG;
	vs->nbad = (size_t)nbad;
	vs->firstbad = (size_t)firstbad;
	vs->firstbad_err = (int)ferr;
	while (vs->cap < n)
		if ((r = vouchset_grow(vs)) != 0)
			return r;
	for (i = 0; i < n; i++)
		if ((r = get_record(b, vs, i)) != 0)
			return r;
	return buf_end(b);
}

/* The snapshot of dir, if it reads; *vsp is NULL otherwise. */
static void
load_cache(const char *dir, struct fileid *f, struct vouchset **vsp)
{
	struct vouchset *vs = NULL;
	char *path = NULL;

	*vsp = NULL;
	if (kdir_path(dir, STORE_CACHE, &path) != 0 ||
	    (vs = calloc(1, sizeof(*vs))) == NULL ||
	    file_read(path, (size_t)1 << 31, &vs->pool) != 0 ||
	    parse_cache(vs->pool, f, vs) != 0)
		vouchset_free(vs);	/* a damaged cache only costs time */
	else
		*vsp = vs;
	free(path);
}

static int
hash_cmp(const void *a, const void *b)
{
	return memcmp(a, b, HASHLEN);
}

/* Reads the vouches file on fd, reusing old's signature checks. */
static int
load_file(int fd, struct vouchset *old, struct vouchset *vs)
{
	struct loadctx *lc;
	int r, r2;

	if ((lc = calloc(1, sizeof(*lc))) == NULL)
		return KE_NOMEM;
	lc->vs = vs;
	if (old != NULL && old->n > 0) {
		qsort(old->bh, old->n, HASHLEN, hash_cmp);
		lc->old = old;
	}
	r = file_each_line_fd(fd, MAXLINE, load_line, lc);
	r2 = work_finish(lc);
	if (lc->b[lc->cur].n > 0) {
		work_start(lc);
		if ((r2 = work_finish(lc)) != 0 && r == 0)
			r = r2;
	}
	r = r != 0 ? r : r2;
	free(lc->b[0].text);
	free(lc->b[1].text);
	free(lc);
	return r;
}

int
store_fileid(const char *dir, const char *name, struct store_fileid *f)
{
	struct stat st;
	char *path = NULL;
	int r;

	memset(f, 0, sizeof(*f));
	if ((r = kdir_path(dir, name, &path)) != 0)
		return r;
	if (stat(path, &st) == 0)
		fileid_of(&st, f);
	else if (errno != ENOENT)
		r = KE_ERRNO(errno);
	free(path);
	return r;
}

int
store_load(const char *dir, struct vouchset **vsp)
{
	struct vouchset *vs = NULL, *old = NULL;
	struct fileid cur, snap;
	struct stat st;
	char *path = NULL;
	int fd = -1, r;

	*vsp = NULL;
	if ((r = kdir_path(dir, STORE_VOUCHES, &path)) != 0)
		return r;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)) == -1) {
		r = errno == ENOENT ? 0 : KE_ERRNO(errno);
		if (r == 0 && (*vsp = calloc(1, sizeof(**vsp))) == NULL)
			r = KE_NOMEM;
		goto out;
	}
	if (fstat(fd, &st) == -1) {
		r = KE_ERRNO(errno);
		goto out;
	}
	if ((uintmax_t)st.st_size > STORE_MAXFILE) {
		r = KE_TOOBIG;
		goto out;
	}
	fileid_of(&st, &cur);
	load_cache(dir, &snap, &old);
	if (old != NULL && memcmp(&cur, &snap, sizeof(cur)) == 0) {
		old->fid = cur;
		*vsp = old;	/* nothing new */
		old = NULL;
		goto out;
	}
	if ((vs = calloc(1, sizeof(*vs))) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	if ((r = load_file(fd, old, vs)) != 0)
		goto out;
	(void)save_cache(dir, &cur, vs);	/* best effort */
	vs->fid = cur;
	*vsp = vs;
	vs = NULL;
 out:
	if (fd != -1)
		close(fd);
	vouchset_free(old);
	vouchset_free(vs);
	free(path);
	return r;
}
