/* file.c: capped reads, exclusive creation, atomic replacement. */
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

#include "buf.h"
#include "file.h"
#include "kerr.h"

static int
read_fd(int fd, size_t max, struct buf *b)
{
	u_char tmp[16384];
	ssize_t n;
	size_t total = 0;
	int r;

	for (;;) {
		n = read(fd, tmp, sizeof(tmp));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			r = KE_ERRNO(errno);
			goto out;
		}
		if (n == 0)
			break;
		if ((size_t)n > max - total) {
			r = KE_TOOBIG;
			goto out;
		}
		total += (size_t)n;
		if ((r = buf_put(b, tmp, (size_t)n)) != 0)
			goto out;
	}
	r = 0;
 out:
	explicit_bzero(tmp, sizeof(tmp));
	return r;
}

static int
file_read_common(const char *path, size_t max, int secret, struct buf **bp)
{
	struct buf *b = NULL;
	struct stat st;
	int fd = -1, r;

	*bp = NULL;
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)) == -1)
		return KE_ERRNO(errno);
	if (fstat(fd, &st) == -1) {
		r = KE_ERRNO(errno);
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		r = KE_ISDIR;
		goto out;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		r = KE_TOOBIG;
		goto out;
	}
	if (secret && fd != STDIN_FILENO && S_ISREG(st.st_mode) &&
	    (st.st_mode & 077) != 0) {
		r = KE_PERM;
		goto out;
	}
	if ((b = secret ? buf_new_secure() : buf_new()) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	if ((r = read_fd(fd, max, b)) != 0)
		goto out;
	*bp = b;
	b = NULL;
 out:
	buf_free(b);
	if (fd != STDIN_FILENO)
		close(fd);
	return r;
}

/*
 * Feeds the complete lines of b to fn; leaves a partial last line.
 * KE_TOOLONG for a line over maxline bytes, however much was read.
 */
static int
feed_lines(struct buf *b, size_t maxline, size_t *linenop,
    int (*fn)(const char *, size_t, size_t, void *), void *arg, int eof)
{
	const char *p, *nl;
	size_t len;
	int r;

	while (buf_len(b) > 0) {
		p = (const char *)buf_ptr(b);
		if ((nl = memchr(p, '\n', buf_len(b))) == NULL && !eof)
			return 0;
		len = nl != NULL ? (size_t)(nl - p) : buf_len(b);
		if (len > maxline)
			return KE_TOOLONG;
		if ((r = fn(p, len, ++*linenop, arg)) != 0)
			return r;
		(void)buf_consume(b, len + (nl != NULL));
	}
	return 0;
}

int
file_each_line_fd(int fd, size_t maxline,
    int (*fn)(const char *, size_t, size_t, void *), void *arg)
{
	struct buf *b = NULL;
	u_char *d;
	ssize_t n;
	size_t lineno = 0, chunk = 1024 * 1024;
	int r;

	if ((b = buf_new()) == NULL)
		return KE_NOMEM;
	for (;;) {
		if (buf_len(b) > maxline) {
			r = KE_TOOLONG;
			break;
		}
		if ((r = buf_reserve(b, chunk, &d)) != 0)
			break;
		while ((n = read(fd, d, chunk)) == -1 && errno == EINTR)
			;
		if (n == -1) {
			r = KE_ERRNO(errno);
			break;
		}
		(void)buf_consume_tail(b, chunk - (size_t)n);
		if ((r = feed_lines(b, maxline, &lineno, fn, arg, n == 0)) != 0 ||
		    n == 0)
			break;
	}
	buf_free(b);
	return r;
}

int
file_each_line(const char *path, size_t maxline,
    int (*fn)(const char *, size_t, size_t, void *), void *arg)
{
	int fd, r;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)) == -1)
		return KE_ERRNO(errno);
	r = file_each_line_fd(fd, maxline, fn, arg);
	close(fd);
	return r;
}

int
file_read(const char *path, size_t max, struct buf **bp)
{
	return file_read_common(path, max, 0, bp);
}

int
file_read_secret(const char *path, size_t max, struct buf **bp)
{
	return file_read_common(path, max, 1, bp);
}

int
file_write_fd(int fd, const void *p, size_t len)
{
	const u_char *d = p;
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, d, len)) == -1) {
			if (errno == EINTR)
				continue;
			return KE_ERRNO(errno);
		}
		d += n;
		len -= (size_t)n;
	}
	return 0;
}

int
file_write_new(const char *path, const void *p, size_t len, mode_t mode)
{
	int fd, r;

	if (strcmp(path, "-") == 0)
		return file_write_fd(STDOUT_FILENO, p, len);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    mode);
	if (fd == -1)
		return errno == EEXIST ? KE_EXISTS : KE_ERRNO(errno);
	if ((r = file_write_fd(fd, p, len)) == 0 && fsync(fd) == -1)
		r = KE_ERRNO(errno);
	if (close(fd) == -1 && r == 0)
		r = KE_ERRNO(errno);
	if (r != 0)
		unlink(path);
	return r;
}

int
file_fsync_dir(const char *path)
{
	char *copy, *dir;
	int fd, r = 0;

	if ((copy = strdup(path)) == NULL)
		return KE_NOMEM;
	dir = dirname(copy);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		r = KE_ERRNO(errno);
	else {
		if (fsync(fd) == -1)
			r = KE_ERRNO(errno);
		close(fd);
	}
	free(copy);
	return r;
}

int
file_write_atomic(const char *path, const void *p, size_t len, mode_t mode)
{
	char *tmp = NULL;
	int fd = -1, r = 0;

	if (asprintf(&tmp, "%s.XXXXXXXXXX", path) == -1)
		return KE_NOMEM;
	if ((fd = mkostemp(tmp, O_CLOEXEC)) == -1) {
		r = KE_ERRNO(errno);
		free(tmp);
		return r;
	}
	if (fchmod(fd, mode) == -1 ||
	    ((r = file_write_fd(fd, p, len)) == 0 && fsync(fd) == -1))
		r = KE_ERRNO(errno);
	if (close(fd) == -1 && r == 0)
		r = KE_ERRNO(errno);
	if (r == 0 && rename(tmp, path) == -1)
		r = KE_ERRNO(errno);
	if (r != 0)
		unlink(tmp);
	else
		r = file_fsync_dir(path);
	free(tmp);
	return r;
}

int
file_absolute(char *p, size_t n)
{
	char cwd[PATH_MAX], *abs = NULL;
	int r = 0;

	if (*p == '/')
		return 0;
	if (getcwd(cwd, sizeof(cwd)) == NULL)
		return KE_ERRNO(errno);
	if (asprintf(&abs, "%s/%s", cwd, p) == -1)
		return KE_NOMEM;
	if (strlcpy(p, abs, n) >= n)
		r = KE_TOOLONG;
	free(abs);
	return r;
}

int
file_mkdir(const char *path, mode_t mode)
{
	struct stat st;

	if (mkdir(path, mode) == 0)
		return 0;
	if (errno != EEXIST)
		return KE_ERRNO(errno);
	if (stat(path, &st) == -1)
		return KE_ERRNO(errno);
	return S_ISDIR(st.st_mode) ? 0 : KE_EXISTS;
}
