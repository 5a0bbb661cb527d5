/*
 * outfile.h: an output file named on the command line (-o), checked
 * before anything is committed and made visible only at the end.
 *
 * "-" is standard output.  A link into /proc/self/fd (/dev/stdout,
 * /dev/fd/N) writes to that descriptor as it is (no reopening: its
 * offset and O_APPEND hold).  A character device or a FIFO is written in
 * place.  Anything else is replaced atomically: its symlinks are followed
 * first, so a symlinked known_hosts stays a symlink and the file it
 * points to is replaced (a temporary file beside it, fsync, rename,
 * fsync of the directory).  As the kernel's protected_symlinks does, a
 * symlink in a sticky world-writable directory (/tmp) is followed only
 * when it belongs to us or to the directory's owner (EACCES), and, as
 * cp(1) does, nothing is written through a symlink to nothing
 * (KE_DANGLING).  A directory, socket or block device is refused
 * (EISDIR, KE_NOTFILE); so is "" (ENOENT).
 *
 * Output written in place is held in memory until outfile_commit, so
 * nothing of it goes out before the caller has committed what it must.
 */
#ifndef KITH_OUTFILE_H
#define KITH_OUTFILE_H

#include "compat.h"

#include <sys/types.h>

struct outfile;

#define OUTFILE_KEEPOLD	0x01	/* link the replaced file to path.old */

/*
 * Opens path for output with mode (for a new or replaced file).  For a
 * file to replace, checks now that its directory may be written; the
 * temporary file is made at the first write.
 */
int		 outfile_open(const char *, mode_t, unsigned int,
		    struct outfile **);
/*
 * The path the sandbox must let the tool create and rename files beside
 * (the resolved file), or NULL when the output is already open
 * (standard output, a descriptor, a device or a FIFO).
 */
const char	*outfile_sandbox_path(const struct outfile *);
/* Writes data (to the temporary file, or to memory for in place). */
int		 outfile_write(struct outfile *, const void *, size_t);
/*
 * Makes the output visible: in place, writes what was held; otherwise
 * fsync, path.old (OUTFILE_KEEPOLD), rename, fsync of the directory (a
 * failure of that last one is not reported: the file is in place).
 * Frees o whatever the result; on failure the temporary file is gone
 * and the old file is in place.
 */
int		 outfile_commit(struct outfile *);
/* Drops o and its temporary file (NULL: nothing). */
void		 outfile_abort(struct outfile *);

#endif /* KITH_OUTFILE_H */
