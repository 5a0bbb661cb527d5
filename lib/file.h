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
/* Creates directory path with mode if it does not exist (not parents). */
int	file_mkdir(const char *, mode_t);

#endif /* KITH_FILE_H */
