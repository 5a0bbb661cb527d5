/*
 * store.h: the vouches kept in the kith directory.  The file "vouches"
 * holds one OpenSSH certificate line per vouch; writers take the lock
 * (flock on "lock"), re-read, append and replace the file atomically, so
 * concurrent writers lose nothing and a crash leaves the old or the new
 * file.  Readers need no lock.  Lines a human added that are not vouches
 * are kept verbatim.  Format: PROTOCOL.kith §3.
 */
#ifndef KITH_STORE_H
#define KITH_STORE_H

#include "compat.h"

#define STORE_VOUCHES	"vouches"
#define STORE_LOCK	"lock"
#define STORE_CACHE	"verified"
#define STORE_IDLEN	32

struct cert;

/* A vouch: its certificate and identity (SHA-256 of the signed part). */
struct vouch {
	struct cert	*cert;
	u_char		 id[STORE_IDLEN];
	size_t		 line;		/* in the vouches file; 0 if none */
};

struct vouchset {
	struct vouch	*v;
	size_t		 n;
	size_t		 nbad;		/* lines that are not valid vouches */
	size_t		 firstbad;	/* the first such line, or 0 */
	int		 firstbad_err;	/* and why (KE_*) */
};

/* Takes the kith directory's lock (creating dir 0700); *fdp to unlock. */
int	store_lock(const char *, int *);
/* Releases the lock. */
void	store_unlock(int);

/*
 * Loads every vouch of dir.  Each signature is checked once and its
 * result cached in dir/verified by the SHA-256 of the certificate; bad
 * lines are counted in nbad (and kept in the file).  A missing file is
 * an empty set.
 */
int	store_load(const char *, struct vouchset **);
/*
 * Parses one certificate line "type base64 [comment]" (NUL-free,
 * without newline) into a vouch, checking its signature.
 */
int	store_parse_line(const char *, size_t, struct vouch *);
/*
 * Adds vouches to dir under the lock, skipping those whose id is there
 * already or earlier in certs; isnew (NULL, or n bytes) tells which were
 * added.  STORE_DRYRUN computes isnew and writes nothing.
 */
#define STORE_DRYRUN	0x01
int	store_add(const char *, struct cert *const *, size_t, int, u_char *);
/* As store_add, for a caller that holds the lock already. */
int	store_add_locked(const char *, struct cert *const *, size_t, int,
	    u_char *);
/* The identity of c (SHA-256 of its signed part). */
void	store_vouch_id(const struct cert *, u_char *);
/* Frees vs; NULL is a no-op. */
void	vouchset_free(struct vouchset *);

#endif /* KITH_STORE_H */
