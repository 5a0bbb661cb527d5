/* store.c: the vouches file, its lock and the signature cache. */
#include "compat.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "b64.h"
#include "buf.h"
#include "cert.h"
#include "file.h"
#include "kdir.h"
#include "kerr.h"
#include "key.h"
#include "store.h"

#define HASHLEN		crypto_hash_sha256_BYTES
#define MAXTHREADS	8

/* A sorted array of SHA-256 values: the certificates verified before. */
struct hashset {
	u_char		(*h)[HASHLEN];
	size_t		 n;
	size_t		 cap;
};

static int
hash_cmp(const void *a, const void *b)
{
	return memcmp(a, b, HASHLEN);
}

static int
hashset_add(struct hashset *hs, const u_char *h)
{
	void *n;
	size_t ncap;

	if (hs->n == hs->cap) {
		ncap = hs->cap == 0 ? 1024 : hs->cap * 2;
		if ((n = reallocarray(hs->h, ncap, HASHLEN)) == NULL)
			return KE_NOMEM;
		hs->h = n;
		hs->cap = ncap;
	}
	memcpy(hs->h[hs->n++], h, HASHLEN);
	return 0;
}

static int
hashset_has(const struct hashset *hs, const u_char *h)
{
	return hs->n > 0 &&
	    bsearch(h, hs->h, hs->n, HASHLEN, hash_cmp) != NULL;
}

/* The next line of text from *offp: its start and length (no \n). */
static int
next_line(const struct buf *text, size_t *offp, const char **lp, size_t *lenp)
{
	const char *p = (const char *)buf_ptr(text), *nl;
	size_t left = buf_len(text) - *offp;

	if (*offp >= buf_len(text))
		return 0;
	*lp = p + *offp;
	nl = memchr(*lp, '\n', left);
	*lenp = nl != NULL ? (size_t)(nl - *lp) : left;
	*offp += *lenp + (nl != NULL ? 1 : 0);
	return 1;
}

void
store_vouch_id(const struct cert *c, u_char *id)
{
	crypto_hash_sha256(id, c->blob, c->signedlen);
}

/*
 * Parses a certificate line without checking the signature.
 * KE_NOTFOUND for a blank or comment line.
 */
static int
parse_unverified(const char *s, size_t len, struct vouch *v)
{
	struct buf *blob = NULL;
	size_t i = 0, tl = strlen(KEY_CERT_TYPE), e;
	int r;

	memset(v, 0, sizeof(*v));
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == len || s[i] == '#' || (len - i == 1 && s[i] == '\r'))
		return KE_NOTFOUND;
	if (len - i < tl || strncmp(s + i, KEY_CERT_TYPE, tl) != 0 ||
	    (len - i > tl && s[i + tl] != ' ' && s[i + tl] != '\t'))
		return KE_KEYTYPE;
	for (i += tl; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	for (e = i; e < len && s[e] != ' ' && s[e] != '\t' && s[e] != '\r';)
		e++;
	if (e == i)
		return KE_FORMAT;
	if (memchr(s, '\0', len) != NULL)
		return KE_NUL;
	if ((blob = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = b64_decode(blob, s + i, e - i)) == 0 &&
	    (r = cert_parse_unverified(buf_ptr(blob), buf_len(blob),
	    &v->cert)) == 0)
		store_vouch_id(v->cert, v->id);
	buf_free(blob);
	return r;
}

int
store_parse_line(const char *s, size_t len, struct vouch *v)
{
	int r;

	if ((r = parse_unverified(s, len, v)) != 0)
		return r;
	if ((r = cert_verify(v->cert)) != 0) {
		cert_free(v->cert);
		v->cert = NULL;
	}
	return r;
}

void
vouchset_free(struct vouchset *vs)
{
	size_t i;

	if (vs == NULL)
		return;
	for (i = 0; i < vs->n; i++)
		cert_free(vs->v[i].cert);
	free(vs->v);
	free(vs);
}

static int
load_cache(const char *dir, struct hashset *hs)
{
	struct buf *text = NULL;
	u_char h[HASHLEN];
	char *path = NULL;
	const char *l;
	size_t off = 0, len;
	int r;

	if ((r = kdir_path(dir, STORE_CACHE, &path)) != 0)
		return r;
	r = file_read(path, KITH_MAXFILE, &text);
	free(path);
	if (r == KE_ERRNO(ENOENT))
		return 0;
	if (r != 0)
		return r;
	/* a damaged cache line is dropped: it only costs a check */
	while (next_line(text, &off, &l, &len)) {
		if (len == 2 * HASHLEN && sodium_hex2bin(h, sizeof(h), l, len,
		    NULL, NULL, NULL) == 0 && (r = hashset_add(hs, h)) != 0)
			break;
	}
	qsort(hs->h, hs->n, HASHLEN, hash_cmp);
	buf_free(text);
	return r;
}

static int
save_cache(const char *dir, const struct hashset *hs)
{
	struct buf *b;
	char *path = NULL, hex[2 * HASHLEN + 1];
	size_t i;
	int r = 0;

	if ((b = buf_new()) == NULL)
		return KE_NOMEM;
	for (i = 0; i < hs->n && r == 0; i++) {
		sodium_bin2hex(hex, sizeof(hex), hs->h[i], HASHLEN);
		if ((r = buf_puts(b, hex)) == 0)
			r = buf_put_u8(b, '\n');
	}
	if (r == 0 && (r = kdir_path(dir, STORE_CACHE, &path)) == 0)
		r = file_write_atomic(path, buf_ptr(b), buf_len(b), 0600);
	free(path);
	buf_free(b);
	return r;
}

struct verify_job {
	struct vouch	**todo;
	int		 *ok;
	size_t		  n;
	size_t		  stride;
	size_t		  first;
};

static void *
verify_worker(void *arg)
{
	struct verify_job *j = arg;
	size_t i;

	for (i = j->first; i < j->n; i += j->stride)
		j->ok[i] = cert_verify(j->todo[i]->cert) == 0;
	return NULL;
}

/* Checks the signatures of todo[0..n) on all CPUs; ok[i] says each. */
static void
verify_all(struct vouch **todo, int *ok, size_t n)
{
	struct verify_job job[MAXTHREADS];
	pthread_t tid[MAXTHREADS];
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	size_t nt, i, started = 0;

	nt = ncpu < 1 ? 1 : ncpu > MAXTHREADS ? MAXTHREADS : (size_t)ncpu;
	if (n < 64)
		nt = 1;
	for (i = 0; i < nt; i++)
		job[i] = (struct verify_job){ todo, ok, n, nt, i };
	for (i = 1; i < nt; i++, started++)
		if (pthread_create(&tid[i], NULL, verify_worker, &job[i]) != 0)
			break;
	/* this thread takes stripe 0 and any stripe not started */
	verify_worker(&job[0]);
	for (i = started + 1; i < nt; i++)
		verify_worker(&job[i]);
	for (i = 1; i <= started; i++)
		pthread_join(tid[i], NULL);
}

static void
mark_bad(struct vouchset *vs, size_t line, int err)
{
	if (vs->nbad++ == 0) {
		vs->firstbad = line;
		vs->firstbad_err = err;
	}
}

/* Parses every line of text into vs (signatures not yet checked). */
static int
parse_all(const struct buf *text, struct vouchset *vs)
{
	struct vouch v, *nv;
	const char *l;
	size_t off = 0, len, line = 0, cap = 0;
	int r;

	while (next_line(text, &off, &l, &len)) {
		line++;
		if ((r = parse_unverified(l, len, &v)) == KE_NOTFOUND)
			continue;
		if (r == KE_NOMEM)
			return r;
		if (r != 0) {
			mark_bad(vs, line, r);
			continue;
		}
		if (vs->n == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			if ((nv = reallocarray(vs->v, cap, sizeof(*nv))) ==
			    NULL) {
				cert_free(v.cert);
				return KE_NOMEM;
			}
			vs->v = nv;
		}
		v.line = line;
		vs->v[vs->n++] = v;
	}
	return 0;
}

/* Checks signatures not in the cache; drops bad ones; updates it. */
static int
check_sigs(const char *dir, struct vouchset *vs)
{
	struct hashset hs = { 0 };
	struct vouch **todo = NULL;
	u_char (*h)[HASHLEN] = NULL;
	int *ok = NULL, r;
	size_t i, j, n = 0;

	if ((r = load_cache(dir, &hs)) != 0)
		goto out;
	if ((todo = calloc(vs->n + 1, sizeof(*todo))) == NULL ||
	    (ok = calloc(vs->n + 1, sizeof(*ok))) == NULL ||
	    (h = calloc(vs->n + 1, HASHLEN)) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	for (i = 0; i < vs->n; i++) {
		crypto_hash_sha256(h[n], vs->v[i].cert->blob,
		    vs->v[i].cert->bloblen);
		if (!hashset_has(&hs, h[n]))
			todo[n++] = &vs->v[i];
	}
	verify_all(todo, ok, n);
	for (j = 0; j < n; j++) {
		if (ok[j])
			r = hashset_add(&hs, h[j]);
		else {
			mark_bad(vs, todo[j]->line, KE_SIGNATURE);
			cert_free(todo[j]->cert);
			todo[j]->cert = NULL;
		}
		if (r != 0)
			goto out;
	}
	for (i = j = 0; i < vs->n; i++)
		if (vs->v[i].cert != NULL)
			vs->v[j++] = vs->v[i];
	vs->n = j;
	if (n > 0) {
		qsort(hs.h, hs.n, HASHLEN, hash_cmp);
		(void)save_cache(dir, &hs);	/* best effort: a cache */
	}
 out:
	free(hs.h);
	free(h);
	free(ok);
	free(todo);
	return r;
}

int
store_load(const char *dir, struct vouchset **vsp)
{
	struct vouchset *vs = NULL;
	struct buf *text = NULL;
	char *path = NULL;
	int r;

	*vsp = NULL;
	if ((vs = calloc(1, sizeof(*vs))) == NULL)
		return KE_NOMEM;
	if ((r = kdir_path(dir, STORE_VOUCHES, &path)) != 0)
		goto out;
	if ((r = file_read(path, KITH_MAXFILE, &text)) == KE_ERRNO(ENOENT)) {
		*vsp = vs;
		vs = NULL;
		r = 0;
		goto out;
	}
	if (r != 0 || (r = parse_all(text, vs)) != 0 ||
	    (r = check_sigs(dir, vs)) != 0)
		goto out;
	*vsp = vs;
	vs = NULL;
 out:
	vouchset_free(vs);
	buf_free(text);
	free(path);
	return r;
}

int
store_lock(const char *dir, int *fdp)
{
	char *path = NULL;
	int fd, r;

	*fdp = -1;
	if ((r = kdir_create(dir)) != 0 ||
	    (r = kdir_path(dir, STORE_LOCK, &path)) != 0)
		return r;
	fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	free(path);
	if (fd == -1)
		return KE_ERRNO(errno);
	while (flock(fd, LOCK_EX) == -1) {
		if (errno != EINTR) {
			r = KE_ERRNO(errno);
			close(fd);
			return r;
		}
	}
	*fdp = fd;
	return 0;
}

void
store_unlock(int fd)
{
	if (fd != -1)
		close(fd);	/* releases the flock */
}

/* The ids of the vouches already in text, sorted. */
static int
existing_ids(const struct buf *text, struct hashset *hs)
{
	struct vouch v;
	const char *l;
	size_t off = 0, len;
	int r;

	while (next_line(text, &off, &l, &len)) {
		if (parse_unverified(l, len, &v) != 0)
			continue;
		r = hashset_add(hs, v.id);
		cert_free(v.cert);
		if (r != 0)
			return r;
	}
	qsort(hs->h, hs->n, HASHLEN, hash_cmp);
	return 0;
}

static int
append_line(struct buf *text, const struct cert *c)
{
	int r;

	if ((r = buf_puts(text, KEY_CERT_TYPE)) != 0 ||
	    (r = buf_put_u8(text, ' ')) != 0 ||
	    (r = b64_encode(text, c->blob, c->bloblen)) != 0)
		return r;
	if (c->keyid != NULL && *c->keyid != '\0' &&
	    strpbrk(c->keyid, "\r\n") == NULL &&
	    ((r = buf_put_u8(text, ' ')) != 0 ||
	    (r = buf_puts(text, c->keyid)) != 0))
		return r;
	return buf_put_u8(text, '\n');
}

struct newid {
	u_char	 id[STORE_IDLEN];
	size_t	 i;
};

static int
newid_cmp(const void *a, const void *b)
{
	const struct newid *x = a, *y = b;
	int c;

	if ((c = memcmp(x->id, y->id, STORE_IDLEN)) != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * Appends, in input order, the certificates whose id is neither in text
 * nor earlier in the input.
 */
static int
merge(struct buf *text, struct cert *const *certs, size_t n, u_char *isnew,
    size_t *addedp)
{
	struct hashset hs = { 0 };
	struct newid *ids = NULL;
	u_char *keep = NULL;
	size_t i;
	int r;

	if ((ids = calloc(n + 1, sizeof(*ids))) == NULL ||
	    (keep = calloc(n + 1, 1)) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	if ((r = existing_ids(text, &hs)) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		store_vouch_id(certs[i], ids[i].id);
		ids[i].i = i;
	}
	qsort(ids, n, sizeof(*ids), newid_cmp);
	for (i = 0; i < n; i++)
		keep[ids[i].i] = !hashset_has(&hs, ids[i].id) && (i == 0 ||
		    memcmp(ids[i].id, ids[i - 1].id, STORE_IDLEN) != 0);
	if (buf_len(text) > 0 && buf_ptr(text)[buf_len(text) - 1] != '\n' &&
	    (r = buf_put_u8(text, '\n')) != 0)
		goto out;
	for (i = 0; i < n && r == 0; i++) {
		if (isnew != NULL)
			isnew[i] = keep[i];
		if (keep[i] && (r = append_line(text, certs[i])) == 0)
			(*addedp)++;
	}
 out:
	free(keep);
	free(ids);
	free(hs.h);
	return r;
}

int
store_add_locked(const char *dir, struct cert *const *certs, size_t n,
    int flags, u_char *isnew)
{
	struct buf *text = NULL;
	char *path = NULL;
	size_t added = 0;
	int r;

	if ((r = kdir_path(dir, STORE_VOUCHES, &path)) != 0)
		return r;
	r = file_read(path, KITH_MAXFILE, &text);
	if (r == KE_ERRNO(ENOENT))
		r = (text = buf_new()) == NULL ? KE_NOMEM : 0;
	if (r != 0 || (r = merge(text, certs, n, isnew, &added)) != 0)
		goto out;
	if (added > 0 && !(flags & STORE_DRYRUN))
		r = file_write_atomic(path, buf_ptr(text), buf_len(text), 0644);
 out:
	buf_free(text);
	free(path);
	return r;
}

int
store_add(const char *dir, struct cert *const *certs, size_t n, int flags,
    u_char *isnew)
{
	int fd, r;

	if ((r = store_lock(dir, &fd)) != 0)
		return r;
	r = store_add_locked(dir, certs, n, flags, isnew);
	store_unlock(fd);
	return r;
}
