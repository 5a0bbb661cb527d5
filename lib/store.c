/*
 * store.c: the vouches file: its lines, its lock, what export takes.
 * Adding to it is in storeadd.c, loading it in storeload.c.
 */
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

#include "b64.h"
#include "buf.h"
#include "cert.h"
#include "file.h"
#include "kdir.h"
#include "kerr.h"
#include "key.h"
#include "sha256.h"
#include "stmtstore.h"
#include "store.h"

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

/* Why path cannot be opened with flags and read: 0 if it can or is absent. */
static int
probe(const char *path, int flags)
{
	struct stat st;
	char c;
	int fd, r = 0;

	if ((fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)) ==
	    -1)
		return errno == ENOENT ? 0 : errno == EISDIR ? KE_ISDIR :
		    KE_ERRNO(errno);
	if (fstat(fd, &st) == -1)
		r = KE_ERRNO(errno);
	else if (S_ISDIR(st.st_mode))
		r = KE_ISDIR;
	else if (read(fd, &c, 1) == -1)
		r = KE_ERRNO(errno);
	close(fd);
	return r;
}

void
store_error(const char *dir, int r, char *out, size_t len)
{
	static const struct { const char *name; int flags; } f[] = {
		{ STORE_VOUCHES, O_RDONLY }, { STORE_STMTS, O_RDONLY },
		{ STORE_SEEN, O_RDONLY }, { STORE_LOCK, O_RDWR },
	};
	char *path = NULL;
	size_t i;
	int want = r == KE_ERRNO(EISDIR) ? KE_ISDIR : r;

	for (i = 0; i < nitems(f); i++) {
		if (kdir_path(dir, f[i].name, &path) == 0 &&
		    probe(path, f[i].flags) == want)
			break;
		free(path);
		path = NULL;
	}
	snprintf(out, len, "%s: %s", path != NULL ? path : dir,
	    kith_strerror(r));
	free(path);
}
