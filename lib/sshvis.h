/*
 * sshvis.h: text for the terminal the way OpenSSH's utf8.c makes it, so
 * comments print byte for byte as ssh-keygen prints them.
 */
#ifndef KITH_SSHVIS_H
#define KITH_SSHVIS_H

#include "compat.h"

struct buf;

/*
 * Sets LC_CTYPE as OpenSSH's msetlocale does: from the environment,
 * except that a Turkish locale ("tr...") becomes C.UTF-8 (or POSIX.UTF-8)
 * when it names UTF-8, else C.  Tools call it once at start.
 */
void	ssh_setlocale(void);
/*
 * Appends s to out as mprintf prints it in the current LC_CTYPE: each
 * valid character of known width, and \n, \r and \t, passes through;
 * every other byte is written as \ooo (ESC is \033).  If the locale's
 * codeset is not one OpenSSH can recover in (UTF-8 or ASCII) and s
 * needs escaping, returns KE_FORMAT and appends nothing, as mprintf
 * then prints nothing.
 */
int	ssh_escape(struct buf *, const char *);

#endif /* KITH_SSHVIS_H */
