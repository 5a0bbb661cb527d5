/*
 * stmtstore.h: the statements kept in the kith directory (revocations,
 * withdrawals, successors: lib/stmt.h) and the bundles seen, changed
 * under the store's lock by atomic rewrite, like the vouches.
 * Formats: PROTOCOL.kith §4.
 */
#ifndef KITH_STMTSTORE_H
#define KITH_STMTSTORE_H

#include "compat.h"

#include "store.h"

#define STORE_STMTS	"statements"
#define STORE_SEEN	"bundles"

struct buf;
struct stmt;

struct stmtset {
	struct stmt	**st;		/* signature-checked */
	size_t		  n;
	size_t		  nbad;		/* lines refused */
	size_t		  firstbad;
	int		  firstbad_err;
	struct store_fileid fid;	/* taken before reading */
};

/*
 * Loads and checks every statement of dir (none if the file is absent);
 * KE_TOOBIG for a file over 64 MiB, KE_TOOLONG for a line over 64 KiB.
 */
int	stmtstore_load(const char *, struct stmtset **);
void	stmtset_free(struct stmtset *);
/*
 * Adds statements (already checked) under the lock the caller holds,
 * skipping those already there (by stmt_id); isnew as for store_add.
 */
int	stmtstore_add_locked(const char *, struct stmt *const *, size_t, int,
	    u_char *);
/* The text line of st: "namespace base64(record) [comment]\n". */
int	stmtstore_line(struct buf *, const struct stmt *);
/* Parses one such line (KE_NOTFOUND for blank and # lines), checked. */
int	stmtstore_parse_line(const char *, size_t, struct stmt **);

/*
 * The last bundle imported from (or, for your own key, exported by)
 * signer: *seqp and the bundle's SHA-256; *foundp 0 if none.  KE_FORMAT
 * if signer's line is not as store_seen_set_locked writes it.
 */
int	store_seen_get(const char *, const u_char *, uint64_t *, u_char *,
	    int *);
/* Records it (the caller holds the lock). */
int	store_seen_set_locked(const char *, const u_char *, uint64_t,
	    const u_char *);

/* One entry of store_seen_update_locked. */
struct store_seen {
	const u_char	*pk;
	uint64_t	 seq;
	const u_char	*hash;
	int		 raise;	/* only if seq is above the one recorded */
};
/*
 * Records the n entries in one atomic write of the file (none if nothing
 * changes); the caller holds the lock.
 */
int	store_seen_update_locked(const char *, const struct store_seen *,
	    size_t);

#endif /* KITH_STMTSTORE_H */
