/*
 * outfile.h: an output file named on the command line (-o), opened
 * before anything is committed and made visible only at the end.
 *
 * "-" is standard output.  A character device or a FIFO (also reached
 * through symlinks: /dev/null, /dev/stdout) is written in place, as
 * ssh-keygen and cp would.  Anything else is replaced atomically: its
 * symlinks are followed first, so a symlinked known_hosts stays a
 * symlink and the file it points to is replaced (a temporary file beside
 * it, fsync, rename, fsync of the directory).  A directory, socket or
 * block device is refused (KE_NOTFILE, or EISDIR).
 */
#ifndef KITH_OUTFILE_H
#define KITH_OUTFILE_H

#include "compat.h"

#include <sys/types.h>

struct outfile;

#define OUTFILE_KEEPOLD	0x01	/* link the replaced file to path.old */

/*
 * Opens path for output with mode (for a new or replaced file).  For a
 * file to replace, the temporary file is made now, so a directory that
 * cannot be written fails before the caller commits anything.
 */
int		 outfile_open(const char *, mode_t, unsigned int,
		    struct outfile **);
/*
 * The path the sandbox must let the tool create and rename files beside
 * (the resolved file), or NULL when the output is already open
 * (standard output, a device or a FIFO).
 */
const char	*outfile_sandbox_path(const struct outfile *);
/* Writes data (to the temporary file, or in place). */
int		 outfile_write(struct outfile *, const void *, size_t);
/*
 * Makes the output visible: fsync, path.old (OUTFILE_KEEPOLD), rename,
 * fsync of the directory.  Frees o whatever the result; on failure the
 * temporary file is gone and the old file is in place.
 */
int		 outfile_commit(struct outfile *);
/* Drops o and its temporary file (NULL: nothing). */
void		 outfile_abort(struct outfile *);

#endif /* KITH_OUTFILE_H */
