/* outfile.c: -o files, written in place or replaced atomically. */
#include "compat.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "kerr.h"
#include "outfile.h"

#define MAXHOPS	40		/* symlinks followed, as the kernel's ELOOP */

struct outfile {
	char		*path;		/* the file replaced; NULL: in place */
	char		*tmp;		/* the temporary file beside it */
	int		 fd;
	int		 closefd;	/* fd is ours to close */
	unsigned int	 flags;
	struct outfile	*next;		/* pending: removed at exit */
};

/*
 * Temporary files not yet committed or dropped: a tool that dies with
 * err(3) between outfile_open and outfile_commit leaves none behind.
 */
static struct outfile *pending;

static void
unlink_pending(void)
{
	struct outfile *o;

	for (o = pending; o != NULL; o = o->next)
		if (o->tmp != NULL)
			unlink(o->tmp);
}

static int
add_pending(struct outfile *o)
{
	static int registered;

	if (!registered) {
		if (atexit(unlink_pending) != 0)
			return KE_NOMEM;
		registered = 1;
	}
	o->next = pending;
	pending = o;
	return 0;
}

/* A link of /proc's: the kernel opens what it names, path or not. */
static int
magic(const char *p)
{
	return strncmp(p, "/proc/", 6) == 0 || strncmp(p, "/dev/fd/", 8) == 0;
}

/*
 * Follows the symlinks of path's last component (the directories above
 * it are the kernel's business: rename works through them): *outp is a
 * malloc'd path that is not a symlink (it may not exist).  *magicp when
 * a link leads into /proc (/dev/stdout): open the path itself then.
 */
static int
resolve(const char *path, char **outp, int *magicp)
{
	char *cur, *next, *copy, link[PATH_MAX];
	struct stat st;
	ssize_t n;
	int hops;

	*outp = NULL;
	*magicp = magic(path);
	if ((cur = strdup(path)) == NULL)
		return KE_NOMEM;
	for (hops = 0; lstat(cur, &st) == 0 && S_ISLNK(st.st_mode); hops++) {
		if (hops == MAXHOPS ||
		    (n = readlink(cur, link, sizeof(link) - 1)) == -1) {
			free(cur);
			return KE_ERRNO(hops == MAXHOPS ? ELOOP : errno);
		}
		link[n] = '\0';
		if (link[0] == '/')
			next = strdup(link);
		else if ((copy = strdup(cur)) == NULL)
			next = NULL;
		else {
			if (asprintf(&next, "%s/%s", dirname(copy), link) == -1)
				next = NULL;
			free(copy);
		}
		free(cur);
		if ((cur = next) == NULL)
			return KE_NOMEM;
		*magicp |= magic(cur);
	}
	*outp = cur;
	return 0;
}

static int
open_inplace(struct outfile *o, const char *path)
{
	if ((o->fd = open(path, O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC)) ==
	    -1)
		return KE_ERRNO(errno);
	o->closefd = 1;
	return 0;
}

static int
open_atomic(struct outfile *o, mode_t mode)
{
	if (asprintf(&o->tmp, "%s.XXXXXXXXXX", o->path) == -1) {
		o->tmp = NULL;
		return KE_NOMEM;
	}
	if ((o->fd = mkostemp(o->tmp, O_CLOEXEC)) == -1) {
		free(o->tmp);
		o->tmp = NULL;
		return KE_ERRNO(errno);
	}
	o->closefd = 1;
	if (fchmod(o->fd, mode) == -1)
		return KE_ERRNO(errno);
	return add_pending(o);
}

int
outfile_open(const char *path, mode_t mode, unsigned int flags,
    struct outfile **op)
{
	struct outfile *o;
	struct stat st;
	char *target = NULL;
	int r, viaproc = 0;

	*op = NULL;
	if ((o = calloc(1, sizeof(*o))) == NULL)
		return KE_NOMEM;
	o->fd = -1;
	o->flags = flags;
	if (strcmp(path, "-") == 0) {
		o->fd = STDOUT_FILENO;
		*op = o;
		return 0;
	}
	if ((r = resolve(path, &target, &viaproc)) != 0)
		goto fail;
	if (stat(viaproc ? path : target, &st) == -1) {
		if (errno != ENOENT || viaproc) {
			r = KE_ERRNO(errno);
			goto fail;
		}
		st.st_mode = S_IFREG;		/* a new file */
	} else if (viaproc || S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
		/* /dev/null, a pipe, a terminal, /dev/stdout: in place */
		if (!S_ISREG(st.st_mode) && !S_ISCHR(st.st_mode) &&
		    !S_ISFIFO(st.st_mode)) {
			r = S_ISDIR(st.st_mode) ? KE_ERRNO(EISDIR) : KE_NOTFILE;
			goto fail;
		}
		if ((r = open_inplace(o, path)) != 0)
			goto fail;
		free(target);
		*op = o;
		return 0;
	}
	if (!S_ISREG(st.st_mode)) {
		r = S_ISDIR(st.st_mode) ? KE_ERRNO(EISDIR) : KE_NOTFILE;
		goto fail;
	}
	o->path = target;
	target = NULL;
	if ((r = open_atomic(o, mode)) != 0)
		goto fail;
	*op = o;
	return 0;
 fail:
	free(target);
	outfile_abort(o);
	return r;
}

const char *
outfile_sandbox_path(const struct outfile *o)
{
	return o->path;
}

int
outfile_write(struct outfile *o, const void *p, size_t len)
{
	return file_write_fd(o->fd, p, len);
}

/* path.old: a second name for the file about to be replaced. */
static int
keep_old(const char *path)
{
	char *old;
	int r = 0;

	if (asprintf(&old, "%s.old", path) == -1)
		return KE_NOMEM;
	if (unlink(old) == -1 && errno != ENOENT)
		r = KE_ERRNO(errno);
	else if (link(path, old) == -1 && errno != ENOENT)
		r = KE_ERRNO(errno);
	free(old);
	return r;
}

int
outfile_commit(struct outfile *o)
{
	int r = 0;

	if (o->path == NULL) {			/* in place */
		if (o->closefd && close(o->fd) == -1)
			r = KE_ERRNO(errno);
		o->closefd = 0;
		outfile_abort(o);
		return r;
	}
	if (fsync(o->fd) == -1)
		r = KE_ERRNO(errno);
	if (close(o->fd) == -1 && r == 0)
		r = KE_ERRNO(errno);
	o->closefd = 0;
	if (r == 0 && (o->flags & OUTFILE_KEEPOLD))
		r = keep_old(o->path);
	if (r == 0 && rename(o->tmp, o->path) == -1)
		r = KE_ERRNO(errno);
	if (r == 0) {
		free(o->tmp);
		o->tmp = NULL;			/* renamed: not to unlink */
		r = file_fsync_dir(o->path);
	}
	outfile_abort(o);
	return r;
}

void
outfile_abort(struct outfile *o)
{
	struct outfile **pp;

	if (o == NULL)
		return;
	for (pp = &pending; *pp != NULL; pp = &(*pp)->next)
		if (*pp == o) {
			*pp = o->next;
			break;
		}
	if (o->closefd)
		close(o->fd);
	if (o->tmp != NULL)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	free(o);
}
