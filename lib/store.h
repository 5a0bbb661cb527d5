/*
 * store.h: the vouches kept in the kith directory.  The file "vouches"
 * holds one OpenSSH certificate line per vouch; writers take the lock
 * (flock on "lock"), re-read, append and replace the file atomically, so
 * concurrent writers lose nothing and a crash leaves the old or the new
 * file.  Readers need no lock.  Lines a human added that are not vouches
 * are kept verbatim.  Loading keeps only what trust needs, and a binary
 * snapshot ("cache") of that makes a rerun with nothing new fast.
 * Formats: PROTOCOL.kith §4.
 */
#ifndef KITH_STORE_H
#define KITH_STORE_H

#include "compat.h"

#include "trust.h"

#define STORE_VOUCHES	"vouches"
#define STORE_LOCK	"lock"
#define STORE_CACHE	"cache"
#define STORE_IDLEN	32
#define STORE_MAXFILE	((size_t)1 << 30)	/* the vouches file */

struct cert;
struct buf;

/* Which vouches file was read: any writer changes one of these. */
struct store_fileid {
	uint64_t	 dev, ino, size, sec, nsec;
};

/*
 * Every signature-checked certificate of the store, compactly: tv[i] is
 * ready as trust input (withdrawn is 0); check[i] is cert_check_vouch's
 * verdict (0: a vouch; otherwise leave tv[i] out of trust); line[i] its
 * line in the vouches file.  Lines that do not parse or whose signature
 * is bad are only counted (nbad; the first in firstbad, firstbad_err).
 */
struct vouchset {
	struct trust_vouch *tv;
	int		*check;
	size_t		*line;
	u_char		(*bh)[32];	/* SHA-256 of each whole certificate */
	size_t		 n;
	size_t		 cap;
	size_t		 nbad;
	size_t		 firstbad;
	int		 firstbad_err;
	struct buf	*pool;		/* the snapshot names point into */
	struct store_fileid fid;	/* the file read (zero: none) */
};

/* A parsed certificate line. */
struct vouch {
	struct cert	*cert;
	u_char		 id[STORE_IDLEN];
};

/* Takes the kith directory's lock (creating dir 0700); *fdp to unlock. */
int	store_lock(const char *, int *);
/* Releases the lock. */
void	store_unlock(int);

/*
 * Loads every vouch of dir (a missing file is an empty set).  Uses the
 * snapshot when the vouches file is the one it was made from; else reads
 * the file, checking each signature not checked before (in parallel),
 * and writes a new snapshot (best effort).  KE_TOOBIG for a file over
 * STORE_MAXFILE, KE_TOOLONG for a line over 1 MiB.
 */
int	store_load(const char *, struct vouchset **);
/* Frees vs; NULL is a no-op. */
void	vouchset_free(struct vouchset *);
/* The identity of dir's file name now (all zero if there is none). */
int	store_fileid(const char *, const char *, struct store_fileid *);
/*
 * Parses one certificate line "type base64 [comment]" (without newline)
 * and checks its signature.  KE_NOTFOUND for a blank or # comment line.
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
/* The identity of c: SHA-256 of its signed part (not the signature). */
void	store_vouch_id(const struct cert *, u_char *);

/*
 * The valid vouches in dir's store signed by signer, on subject (NULL:
 * any); with STORE_EXPORT only those that may leave (not local@kith).
 * *cp is a malloc'd array of *np certificates (free each, cert_free).
 */
#define STORE_EXPORT	0x02
int	store_certs(const char *, const u_char *, const u_char *, int,
	    struct cert ***, size_t *);

/*
 * What to say when an operation on dir's store failed with r, in out
 * (len bytes): "FILE: reason" for the first of vouches, statements,
 * bundles and lock that cannot be opened and read for that reason (a
 * directory in a file's place, mode 000...), else "DIR: reason".
 */
void	store_error(const char *, int, char *, size_t);

/* Internal to store*.c: parsing a line without the signature check. */
int	store_parse_unverified(const char *, size_t, struct vouch *);

#endif /* KITH_STORE_H */
