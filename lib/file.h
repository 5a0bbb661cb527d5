/*
 * file.h: capped reads and safe writes.  "-" names stdin for reads and
 * stdout for file_write_new.
 */
#ifndef KITH_FILE_H
#define KITH_FILE_H

#include "compat.h"

struct buf;

/* Reads all of path (at most max bytes) into a new buffer *bp. */
int	file_read(const char *, size_t, struct buf **);
/*
 * As file_read into sodium_malloc'd memory, for private keys: refuses
 * (KE_PERM) a regular file that group or others may access.
 */
int	file_read_secret(const char *, size_t, struct buf **);
/*
 * Creates path (O_EXCL, never following a link) with mode and writes
 * data, fsyncs; on failure nothing is left behind.  KE_EXISTS if it is
 * there already.
 */
int	file_write_new(const char *, const void *, size_t, mode_t);
/*
 * Replaces path atomically: a temp file in the same directory, fsync,
 * rename, fsync of the directory.
 */
int	file_write_atomic(const char *, const void *, size_t, mode_t);
/*
 * Calls fn(line, len, lineno, arg) for each line of path (without its
 * newline), reading in chunks so the file is never held whole; a line
 * over maxline bytes is KE_TOOLONG.  Stops at fn's first nonzero return
 * and returns it.
 */
int	file_each_line(const char *, size_t,
	    int (*)(const char *, size_t, size_t, void *), void *);
/* As file_each_line on an open descriptor (read to its end). */
int	file_each_line_fd(int, size_t,
	    int (*)(const char *, size_t, size_t, void *), void *);
/* Writes all of data to fd (again after EINTR and short writes). */
int	file_write_fd(int, const void *, size_t);
/* fsyncs the directory that holds path (a rename in it is durable). */
int	file_fsync_dir(const char *);
/* Makes path p (a buffer of n bytes) absolute; KE_TOOLONG if it won't fit. */
int	file_absolute(char *, size_t);
/* Creates directory path with mode if it does not exist (not parents). */
int	file_mkdir(const char *, mode_t);

#endif /* KITH_FILE_H */
