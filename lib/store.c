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
#include "par.h"
#include "sha256.h"
#include "store.h"

#define HASHLEN		crypto_hash_sha256_BYTES
#define STORE_MAXFILE	((size_t)1 << 30)	/* the vouches file */

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
	sha256(id, c->blob, c->signedlen);
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

/* The lines of the vouches file, read on every CPU for their ids. */
struct linejob {
	const char	*text;
	size_t		*off;
	size_t		*len;
	u_char		(*id)[HASHLEN];
	u_char		*ok;
};

static void
line_id(void *arg, size_t i)
{
	struct linejob *j = arg;
	struct vouch v;

	if (store_parse_unverified(j->text + j->off[i], j->len[i], &v) != 0)
		return;
	memcpy(j->id[i], v.id, HASHLEN);
	j->ok[i] = 1;
	cert_free(v.cert);
}

/* The ids of the vouches already in text, sorted. */
static int
existing_ids(const struct buf *text, struct hashset *hs)
{
	struct linejob j = { (const char *)buf_ptr(text), NULL, NULL, NULL,
	    NULL };
	const char *l;
	size_t off = 0, len, n = 0, i;
	int r = KE_NOMEM;

	for (; next_line(text, &off, &l, &len); n++)
		;
	if (n == 0)
		return 0;
	if ((j.off = calloc(n, sizeof(*j.off))) == NULL ||
	    (j.len = calloc(n, sizeof(*j.len))) == NULL ||
	    (j.id = calloc(n, sizeof(*j.id))) == NULL ||
	    (j.ok = calloc(n, 1)) == NULL)
		goto out;
	for (off = 0, i = 0; i < n && next_line(text, &off, &l, &len); i++) {
		j.off[i] = (size_t)(l - j.text);
		j.len[i] = len;
	}
	par_for(n, 0, line_id, &j);
	for (i = 0, r = 0; i < n && r == 0; i++)
		if (j.ok[i])
			r = hashset_add(hs, j.id[i]);
	if (r == 0 && hs->n > 1)
		qsort(hs->h, hs->n, HASHLEN, hash_cmp);
 out:
	free(j.off);
	free(j.len);
	free(j.id);
	free(j.ok);
	return r;
}

/* The key id goes in the line's comment if it is one line. */
static int
keyid_shown(const struct cert *c)
{
	return c->keyid != NULL && *c->keyid != '\0' &&
	    strpbrk(c->keyid, "\r\n") == NULL;
}

/* The length of c's line: "type base64[ keyid]\n". */
static size_t
line_len(const struct cert *c)
{
	return strlen(KEY_CERT_TYPE) + 1 + b64_encoded_len(c->bloblen) +
	    (keyid_shown(c) ? 1 + strlen(c->keyid) : 0) + 1;
}

struct newid {
	u_char	 id[STORE_IDLEN];
	size_t	 i;
};

/* The work on each new certificate of a merge, run on every CPU. */
struct addjob {
	struct cert *const *certs;
	struct newid	*ids;		/* by input order, then sorted */
	const u_char	*keep;		/* n flags: append certs[i] */
	const size_t	*off;		/* where its line goes in d */
	u_char		*d;
};

static void
id_job(void *arg, size_t i)
{
	struct addjob *j = arg;

	store_vouch_id(j->certs[i], j->ids[i].id);
	j->ids[i].i = i;
}

/* Writes the line of certs[i] at its place: line_len bytes. */
static void
line_job(void *arg, size_t i)
{
	struct addjob *j = arg;
	const struct cert *c = j->certs[i];
	size_t tl = strlen(KEY_CERT_TYPE), kl;
	char *d = (char *)j->d + j->off[i];

	if (!j->keep[i])
		return;
	memcpy(d, KEY_CERT_TYPE, tl);
	d[tl] = ' ';
	b64_encode_at(d + tl + 1, c->blob, c->bloblen);	/* NUL: overwritten */
	d += tl + 1 + b64_encoded_len(c->bloblen);
	if (keyid_shown(c)) {
		*d++ = ' ';
		kl = strlen(c->keyid);
		memcpy(d, c->keyid, kl);
		d += kl;
	}
	*d = '\n';
}

static int
newid_cmp(const void *a, const void *b)
{
	const struct newid *x = a, *y = b;
	int c;

	if ((c = memcmp(x->id, y->id, STORE_IDLEN)) != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Appends the lines of the certificates j->keep marks, in input order. */
static int
append_lines(struct buf *text, struct addjob *j, size_t n, size_t *offs)
{
	size_t i, total = 0;
	int r;

	for (i = 0; i < n; i++) {
		offs[i] = total;
		if (j->keep[i])
			total += line_len(j->certs[i]);
	}
	if (total == 0)
		return 0;
	if ((r = buf_reserve(text, total, &j->d)) != 0)
		return r;
	j->off = offs;
	par_for(n, 0, line_job, j);
	return 0;
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
	struct addjob j = { certs, NULL, NULL, NULL, NULL };
	u_char *keep = NULL;
	size_t *offs = NULL, i;
	int r;

	if ((j.ids = calloc(n + 1, sizeof(*j.ids))) == NULL ||
	    (keep = calloc(n + 1, 1)) == NULL ||
	    (offs = calloc(n + 1, sizeof(*offs))) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	if ((r = existing_ids(text, &hs)) != 0)
		goto out;
	par_for(n, 0, id_job, &j);
	if (n > 1)
		qsort(j.ids, n, sizeof(*j.ids), newid_cmp);
	for (i = 0; i < n; i++)
		keep[j.ids[i].i] = !hashset_has(&hs, j.ids[i].id) &&
		    (i == 0 || memcmp(j.ids[i].id, j.ids[i - 1].id,
		    STORE_IDLEN) != 0);
	for (i = 0; i < n; i++) {
		if (isnew != NULL)
			isnew[i] = keep[i];
		*addedp += keep[i];
	}
	if (*addedp > 0 && buf_len(text) > 0 &&
	    buf_ptr(text)[buf_len(text) - 1] != '\n' &&
	    (r = buf_put_u8(text, '\n')) != 0)
		goto out;
	j.keep = keep;
	r = append_lines(text, &j, n, offs);
 out:
	free(offs);
	free(keep);
	free(j.ids);
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
