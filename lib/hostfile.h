/*
 * hostfile.h: OpenSSH known_hosts lines: host names as ssh looks them up,
 * hashed names (|1|salt|HMAC-SHA1), and the lines kith writes.
 */
#ifndef KITH_HOSTFILE_H
#define KITH_HOSTFILE_H

#include "compat.h"

#define HOSTFILE_SALTLEN	20	/* SHA-1's length, as OpenSSH */

struct buf;
struct key;

/*
 * The host name in a lookup name: "host" or "[host]:port" (as ssh's %H
 * gives it) becomes lower-case "host" in a malloc'd *namep.  KE_FORMAT
 * for an empty name or a malformed bracket form, KE_TOOLONG for a name
 * over KITH_MAXNAME.
 */
int	hostfile_host(const char *, char **);
/*
 * Appends "|1|" base64(salt) "|" base64(HMAC-SHA1(salt, name)); salt is
 * HOSTFILE_SALTLEN bytes, or NULL for a random one.
 */
int	hostfile_hash(struct buf *, const char *, const u_char *);
/*
 * Appends a known_hosts line: the names (comma-separated, or with hash
 * one hashed line per name), the key, and "\n".  marker, if not NULL,
 * goes first ("@revoked").
 */
int	hostfile_line(struct buf *, const char *, const char *const *, size_t,
	    const struct key *, int);

#endif /* KITH_HOSTFILE_H */
