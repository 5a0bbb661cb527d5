/* outfile.c: -o files, written in place or replaced atomically. */
#include "compat.h"

#include <sys/stat.h>
#include <sys/vfs.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "file.h"
#include "kerr.h"
#include "outfile.h"

#define MAXHOPS		40	/* symlinks followed, as the kernel's ELOOP */
#define PROC_MAGIC	0x9fa0	/* procfs's f_type (linux/magic.h) */

struct outfile {
	char		*path;		/* the file replaced; NULL: in place */
	char		*tmp;		/* the temporary file beside it */
	mode_t		 mode;
	int		 fd;		/* the temporary file, or in place */
	int		 closefd;	/* fd is ours to close */
	int		 trunc;		/* in place: a regular file to empty */
	struct buf	*held;		/* in place: written at commit */
	unsigned int	 flags;
	struct outfile	*next;		/* pending: removed at exit */
};

/*
 * Temporary files not yet committed or dropped, removed by an atexit
 * hook: a tool that gives up between outfile_open and outfile_commit
 * leaves none behind.
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

/* The directory part of path (malloc'd), "." for none. */
static char *
dir_of(const char *path)
{
	char *copy, *d;

	if ((copy = strdup(path)) == NULL)
		return NULL;
	d = strdup(dirname(copy));
	free(copy);
	return d;
}

/*
 * May the link at path be followed?  Not when it lies in a sticky
 * world-writable directory and belongs neither to us nor to the
 * directory's owner (the kernel's protected_symlinks rule, which it
 * applies only to the links it follows itself).  *procp when the link
 * lies in procfs.
 */
static int
link_safe(const char *path, const struct stat *lst, int *procp)
{
	struct statfs fs;
	struct stat dst;
	char *dir;
	int r = 0;

	if ((dir = dir_of(path)) == NULL)
		return KE_NOMEM;
	if (stat(dir, &dst) == -1)
		r = KE_ERRNO(errno);
	else if ((dst.st_mode & S_ISVTX) && (dst.st_mode & S_IWOTH) &&
	    lst->st_uid != geteuid() && lst->st_uid != dst.st_uid)
		r = KE_ERRNO(EACCES);
	else
		*procp = statfs(dir, &fs) == 0 && fs.f_type == PROC_MAGIC;
	free(dir);
	return r;
}

/* N when path is /proc/self/fd/N, /proc/thread-self/fd/N or ours. */
static int
own_fd(const char *path)
{
	char self[64];
	const char *p = NULL, *errstr;
	int fd;

	snprintf(self, sizeof(self), "/proc/%ld/fd/", (long)getpid());
	if (strncmp(path, "/proc/self/fd/", 14) == 0)
		p = path + 14;
	else if (strncmp(path, "/proc/thread-self/fd/", 21) == 0)
		p = path + 21;
	else if (strncmp(path, self, strlen(self)) == 0)
		p = path + strlen(self);
	if (p == NULL)
		return -1;
	fd = (int)strtonum(p, 0, INT_MAX, &errstr);
	return errstr == NULL ? fd : -1;
}

/*
 * Follows the symlinks of path's last component (the directories above
 * it are the kernel's business: rename works through them): *outp is a
 * malloc'd path that is not a symlink (it may not exist: then *hopsp
 * says whether a link led there).  *fdp is the descriptor a link into
 * our own /proc fd directory names (else -1; the walk stops there);
 * *procp when any link lay in procfs.
 */
static int
resolve(const char *path, char **outp, int *hopsp, int *fdp, int *procp)
{
	char *cur, *next, *dir, link[PATH_MAX];
	struct stat st;
	ssize_t n;
	int hops, inproc, r;

	*outp = NULL;
	*fdp = -1;
	*procp = 0;
	if ((cur = strdup(path)) == NULL)
		return KE_NOMEM;
	for (hops = 0; lstat(cur, &st) == 0 && S_ISLNK(st.st_mode); hops++) {
		inproc = 0;
		if (hops == MAXHOPS)
			r = KE_ERRNO(ELOOP);
		else
			r = link_safe(cur, &st, &inproc);
		if (r == 0 && inproc && (*fdp = own_fd(cur)) >= 0)
			break;
		*procp |= inproc;
		if (r == 0 && (n = readlink(cur, link, sizeof(link) - 1)) == -1)
			r = KE_ERRNO(errno);
		if (r != 0) {
			free(cur);
			return r;
		}
		link[n] = '\0';
		next = NULL;
		if (link[0] == '/')
			next = strdup(link);
		else if ((dir = dir_of(cur)) != NULL) {
			if (asprintf(&next, "%s/%s", dir, link) == -1)
				next = NULL;
			free(dir);
		}
		free(cur);
		if ((cur = next) == NULL)
			return KE_NOMEM;
	}
	*outp = cur;
	*hopsp = hops;
	return 0;
}

/* In place: on fd (ours to close when closefd), held until commit. */
static int
inplace(struct outfile *o, int fd, int closefd)
{
	o->fd = fd;
	o->closefd = closefd;
	return (o->held = buf_new()) == NULL ? KE_NOMEM : 0;
}

/* The path named, opened in place: a device, a FIFO, a file via /proc. */
static int
open_inplace(struct outfile *o, const char *path, const struct stat *st)
{
	int fd, fl;

	/* no O_TRUNC: nothing is lost before the commit */
	if ((fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)) == -1)
		return KE_ERRNO(errno);
	fl = fcntl(fd, F_GETFL);
	o->trunc = S_ISREG(st->st_mode) && fl != -1 && !(fl & O_APPEND);
	return inplace(o, fd, 1);
}

/* The temporary file beside o->path, at the first write. */
static int
make_tmp(struct outfile *o)
{
	int r;

	if (asprintf(&o->tmp, "%s.XXXXXX", o->path) == -1) {
		o->tmp = NULL;
		return KE_NOMEM;
	}
	if ((o->fd = mkostemp(o->tmp, O_CLOEXEC)) == -1) {
		r = KE_ERRNO(errno);
		free(o->tmp);
		o->tmp = NULL;
		return r;
	}
	o->closefd = 1;
	if (fchmod(o->fd, o->mode) == -1)
		return KE_ERRNO(errno);
	return add_pending(o);
}

/* A file to replace: its directory must let us make one beside it. */
static int
open_atomic(struct outfile *o, char *target)
{
	char *dir;
	int r = 0;

	o->path = target;
	if ((dir = dir_of(target)) == NULL)
		return KE_NOMEM;
	if (faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) == -1)
		r = KE_ERRNO(errno);
	free(dir);
	return r;
}

static int
open_path(struct outfile *o, const char *path)
{
	struct stat st;
	char *target = NULL;
	int r, hops, fd, inproc, dup_fd;

	if ((r = resolve(path, &target, &hops, &fd, &inproc)) != 0)
		return r;
	if (fd >= 0) {				/* /dev/stdout, /dev/fd/N */
		free(target);
		if ((dup_fd = fcntl(fd, F_DUPFD_CLOEXEC, 3)) == -1)
			return KE_ERRNO(errno);
		return inplace(o, dup_fd, 1);
	}
	if (stat(inproc ? path : target, &st) == -1) {
		r = errno == ENOENT && hops > 0 ? KE_DANGLING :
		    errno == ENOENT && !inproc ? 0 : KE_ERRNO(errno);
		if (r == 0)
			return open_atomic(o, target);	/* a new file */
	} else if (S_ISDIR(st.st_mode))
		r = KE_ERRNO(EISDIR);
	else if (!S_ISREG(st.st_mode) && !S_ISCHR(st.st_mode) &&
	    !S_ISFIFO(st.st_mode))
		r = KE_NOTFILE;
	else if (S_ISREG(st.st_mode) && !inproc)
		return open_atomic(o, target);
	else
		r = open_inplace(o, inproc ? path : target, &st);
	free(target);
	return r;
}

int
outfile_open(const char *path, mode_t mode, unsigned int flags,
    struct outfile **op)
{
	struct outfile *o;
	int r;

	*op = NULL;
	if ((o = calloc(1, sizeof(*o))) == NULL)
		return KE_NOMEM;
	o->fd = -1;
	o->mode = mode;
	o->flags = flags;
	if (*path == '\0')
		r = KE_ERRNO(ENOENT);
	else if (strcmp(path, "-") == 0)
		r = inplace(o, STDOUT_FILENO, 0);
	else
		r = open_path(o, path);
	if (r != 0) {
		outfile_abort(o);
		return r;
	}
	*op = o;
	return 0;
}

const char *
outfile_sandbox_path(const struct outfile *o)
{
	return o->path;
}

int
outfile_write(struct outfile *o, const void *p, size_t len)
{
	int r;

	if (o->held != NULL)
		return buf_put(o->held, p, len);
	if (o->tmp == NULL && (r = make_tmp(o)) != 0)
		return r;
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

	if (o->held != NULL) {			/* in place */
		if (o->trunc && ftruncate(o->fd, 0) == -1)
			r = KE_ERRNO(errno);
		if (r == 0)
			r = file_write_fd(o->fd, buf_ptr(o->held),
			    buf_len(o->held));
		if (o->closefd && close(o->fd) == -1 && r == 0)
			r = KE_ERRNO(errno);
		o->closefd = 0;
		outfile_abort(o);
		return r;
	}
	if (o->tmp == NULL)			/* nothing written: empty */
		r = make_tmp(o);
	if (r == 0 && fsync(o->fd) == -1)
		r = KE_ERRNO(errno);
	if (o->closefd && close(o->fd) == -1 && r == 0)
		r = KE_ERRNO(errno);
	o->closefd = 0;
	if (r == 0 && (o->flags & OUTFILE_KEEPOLD))
		r = keep_old(o->path);
	if (r == 0 && rename(o->tmp, o->path) == -1)
		r = KE_ERRNO(errno);
	if (r == 0) {
		free(o->tmp);
		o->tmp = NULL;			/* renamed: not to unlink */
		(void)file_fsync_dir(o->path);	/* durability only */
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
	buf_free(o->held);
	free(o->tmp);
	free(o->path);
	free(o);
}
