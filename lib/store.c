/* store.c: the vouches file, its lock and the signature cache. */
#include "compat.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
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
int
store_parse_unverified(const char *s, size_t len, struct vouch *v)
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

	if ((r = store_parse_unverified(s, len, v)) != 0)
		return r;
	if ((r = cert_verify(v->cert)) != 0) {
		cert_free(v->cert);
		v->cert = NULL;
	}
	return r;
}

/*
 * Removes the temp files of writers that died: only a lock holder
 * writes these files, so with the lock held any left over are stale.
 */
static void
sweep(const char *dir)
{
	static const char *const names[] = { STORE_VOUCHES, "statements",
	    "bundles" };
	glob_t g;
	char *pat = NULL;
	size_t i, j;

	for (i = 0; i < nitems(names); i++) {
		if (asprintf(&pat, "%s/%s.??????????", dir, names[i]) == -1)
			return;
		if (glob(pat, GLOB_NOSORT, NULL, &g) == 0) {
			for (j = 0; j < g.gl_pathc; j++)
				(void)unlink(g.gl_pathv[j]);
			globfree(&g);
		}
		free(pat);
	}
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
	sweep(dir);
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
		if (store_parse_unverified(l, len, &v) != 0)
			continue;
		r = hashset_add(hs, v.id);
		cert_free(v.cert);
		if (r != 0)
			return r;
	}
	if (hs->n > 1)
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
	if (n > 1)
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
	r = file_read(path, STORE_MAXFILE, &text);
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

struct exportctx {
	const u_char	*pk;
	const u_char	*subject;
	int		  flags;
	struct cert	**c;
	size_t		  n;
};

static int
export_line(const char *l, size_t len, size_t line, void *arg)
{
	struct exportctx *x = arg;
	struct cert **n;
	struct vouch v;
	int r;

	(void)line;
	/* unchecked: only our own vouches leave, and importers check all */
	if ((r = store_parse_unverified(l, len, &v)) != 0)
		return r == KE_NOMEM ? r : 0;
	if (memcmp(v.cert->signkey, x->pk, 32) != 0 ||
	    (x->subject != NULL && memcmp(v.cert->pk, x->subject, 32) != 0) ||
	    ((x->flags & STORE_EXPORT) && cert_is_local(v.cert)) ||
	    cert_check_vouch(v.cert) != 0) {
		cert_free(v.cert);
		return 0;
	}
	if ((n = reallocarray(x->c, x->n + 1, sizeof(*n))) == NULL) {
		cert_free(v.cert);
		return KE_NOMEM;
	}
	x->c = n;
	x->c[x->n++] = v.cert;
	return 0;
}

int
store_certs(const char *dir, const u_char *pk, const u_char *subject,
    int flags, struct cert ***cp, size_t *np)
{
	struct exportctx x = { pk, subject, flags, NULL, 0 };
	char *path = NULL;
	size_t i;
	int r;

	*cp = NULL;
	*np = 0;
	if ((r = kdir_path(dir, STORE_VOUCHES, &path)) != 0)
		return r;
	r = file_each_line(path, 1024 * 1024, export_line, &x);
	free(path);
	if (r == KE_ERRNO(ENOENT))
		r = 0;
	if (r != 0) {
		for (i = 0; i < x.n; i++)
			cert_free(x.c[i]);
		free(x.c);
		return r;
	}
	*cp = x.c;
	*np = x.n;
	return 0;
}
