/*
 * storeadd.c: adding vouches to the store under its lock: the ids of
 * what is there, the new ones found by id, their lines written in place,
 * all on every CPU, then the file replaced at once.
 */
#include "compat.h"

#include <errno.h>
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
#include "par.h"
#include "store.h"


/*
 * A set of vouch ids: an open-addressed table of indices into ids; the
 * slot comes from a hash keyed at random, so nobody can make ids that
 * pile up in one place, and ids are compared whole.
 */
struct idset {
	u_char		(*ids)[STORE_IDLEN];
	size_t		 n;
	uint32_t	*slot;		/* 0 free, else index + 1 */
	size_t		 mask;
	u_char		 key[crypto_shorthash_KEYBYTES];
};

static int
idset_init(struct idset *s, size_t max)
{
	size_t size = 16;

	memset(s, 0, sizeof(*s));
	if (sodium_init() < 0)
		return KE_CRYPTO;
	if (max > UINT32_MAX / 4)
		return KE_TOOBIG;
	while (size < 2 * max)
		size *= 2;
	if ((s->ids = calloc(max + 1, sizeof(*s->ids))) == NULL ||
	    (s->slot = calloc(size, sizeof(*s->slot))) == NULL)
		return KE_NOMEM;
	s->mask = size - 1;
	randombytes_buf(s->key, sizeof(s->key));
	return 0;
}

static void
idset_free(struct idset *s)
{
	free(s->ids);
	free(s->slot);
}

/* Adds id unless it is there: 1 if it was added.  Room: see init. */
static int
idset_add(struct idset *s, const u_char *id)
{
	u_char h[crypto_shorthash_BYTES];
	uint64_t v;
	size_t i;

	crypto_shorthash(h, id, STORE_IDLEN, s->key);
	memcpy(&v, h, sizeof(v));
	for (i = v & s->mask; s->slot[i] != 0; i = (i + 1) & s->mask)
		if (memcmp(s->ids[s->slot[i] - 1], id, STORE_IDLEN) == 0)
			return 0;
	memcpy(s->ids[s->n], id, STORE_IDLEN);
	s->slot[i] = (uint32_t)++s->n;
	return 1;
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

/* The lines of the vouches file, read on every CPU for their ids. */
struct linejob {
	const char	*text;
	size_t		*off;
	size_t		*len;
	u_char		(*id)[STORE_IDLEN];
	u_char		*ok;
};

static void
line_id(void *arg, size_t i)
{
	struct linejob *j = arg;
	struct vouch v;

	if (store_parse_unverified(j->text + j->off[i], j->len[i], &v) != 0)
		return;
	memcpy(j->id[i], v.id, STORE_IDLEN);
	j->ok[i] = 1;
	cert_free(v.cert);
}

/* Where the lines of text are, in j: *np of them. */
static int
find_lines(const struct buf *text, struct linejob *j, size_t *np)
{
	const char *l;
	size_t off = 0, len, n = 0, i;

	*np = 0;
	j->text = (const char *)buf_ptr(text);
	while (next_line(text, &off, &l, &len))
		n++;
	if ((j->off = calloc(n + 1, sizeof(*j->off))) == NULL ||
	    (j->len = calloc(n + 1, sizeof(*j->len))) == NULL ||
	    (j->id = calloc(n + 1, sizeof(*j->id))) == NULL ||
	    (j->ok = calloc(n + 1, 1)) == NULL)
		return KE_NOMEM;
	for (off = 0, i = 0; i < n && next_line(text, &off, &l, &len); i++) {
		j->off[i] = (size_t)(l - j->text);
		j->len[i] = len;
	}
	*np = n;
	return 0;
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

/* The work on each new certificate of a merge, run on every CPU. */
struct addjob {
	struct cert *const *certs;
	u_char		(*id)[STORE_IDLEN];
	const u_char	*keep;		/* n flags: append certs[i] */
	const size_t	*off;		/* where its line goes in d */
	u_char		*d;
};

static void
id_job(void *arg, size_t i)
{
	struct addjob *j = arg;

	store_vouch_id(j->certs[i], j->id[i]);
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
 * Marks in keep the certificates whose id is neither in text nor
 * earlier in the input.
 */
static int
find_new(const struct buf *text, struct addjob *j, size_t n, u_char *keep)
{
	struct linejob lj;
	struct idset s;
	size_t nl = 0, i;
	int r;

	memset(&lj, 0, sizeof(lj));
	memset(&s, 0, sizeof(s));
	if ((r = find_lines(text, &lj, &nl)) != 0 ||
	    (r = idset_init(&s, nl + n)) != 0)
		goto out;
	par_for(nl, 0, line_id, &lj);
	par_for(n, 0, id_job, j);
	for (i = 0; i < nl; i++)
		if (lj.ok[i])
			(void)idset_add(&s, lj.id[i]);
	for (i = 0; i < n; i++)
		keep[i] = (u_char)idset_add(&s, j->id[i]);
 out:
	idset_free(&s);
	free(lj.off);
	free(lj.len);
	free(lj.id);
	free(lj.ok);
	return r;
}

/* Appends, in input order, the certificates find_new keeps. */
static int
merge(struct buf *text, struct cert *const *certs, size_t n, u_char *isnew,
    size_t *addedp)
{
	struct addjob j = { certs, NULL, NULL, NULL, NULL };
	u_char *keep = NULL;
	size_t *offs = NULL, i;
	int r = KE_NOMEM;

	if ((j.id = calloc(n + 1, sizeof(*j.id))) == NULL ||
	    (keep = calloc(n + 1, 1)) == NULL ||
	    (offs = calloc(n + 1, sizeof(*offs))) == NULL ||
	    (r = find_new(text, &j, n, keep)) != 0)
		goto out;
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
	free(j.id);
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
