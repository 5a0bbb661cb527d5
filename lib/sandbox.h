/*
 * sandbox.h: least privilege, pledge(2)-shaped.  NO_NEW_PRIVS always;
 * where the kernel has Landlock, writes only where a tool needs them.
 * Reads are never limited.
 */
#ifndef KITH_SANDBOX_H
#define KITH_SANDBOX_H

#include "compat.h"

/* The environment variable naming a file to try to make (see sandbox). */
#define SANDBOX_PROBE_ENV	"KITH_SANDBOX_PROBE"

/* What a sandbox_path allows beneath its directory. */
#define SANDBOX_WRITE	0x01	/* make, write, truncate, rename, remove */
#define SANDBOX_SOCK	0x02	/* make Unix sockets (bind) */
#define SANDBOX_RMFILE	0x04	/* remove files and sockets */
#define SANDBOX_RMDIR	0x08	/* remove empty directories */
#define SANDBOX_PARENT	0x10	/* the rule is on the directory holding path */

struct sandbox_path {
	const char	*path;	/* NULL: no rule */
	unsigned int	 allow;
};

/* What else the process may do (sandbox flags). */
#define SANDBOX_BIND	0x01	/* bind TCP ports */
#define SANDBOX_CONNECT	0x02	/* connect to TCP ports */
#define SANDBOX_INET	(SANDBOX_BIND | SANDBOX_CONNECT)
#define SANDBOX_PROC	0x04	/* signal processes outside the sandbox */
#define SANDBOX_MKDIR	0x08	/* sandbox_kith: make the kith directory */

/*
 * Sets NO_NEW_PRIVS; then, with Landlock (the best ABI the kernel has),
 * allows writes only as the n paths say and to /dev/null and /dev/tty,
 * and TCP and signals only as flags say.  A path that cannot be opened
 * gets no rule.  Each call adds a layer that can only narrow; call it
 * while single-threaded: programs run later inherit it.  Without
 * Landlock it limits nothing more and returns 0.  Then, if
 * $KITH_SANDBOX_PROBE names a file, tries to make that file (and
 * removes it): returns why it cannot, so tests can show what holds.
 */
int	sandbox(const struct sandbox_path *, size_t, unsigned int);
/*
 * sandbox() for a tool that writes beneath its kith directory (as
 * kdir_resolve finds it from dflag; made first with SANDBOX_MKDIR) and
 * to file (NULL or "-" for none) by a temp file and rename.  Where the
 * directory cannot be found or made, the tool's own use of it fails.
 */
int	sandbox_kith(const char *, const char *, unsigned int);
/* No core dumps and no ptrace attach (PR_SET_DUMPABLE 0), for secrets. */
int	sandbox_nodump(void);

#endif /* KITH_SANDBOX_H */
