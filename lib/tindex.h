/*
 * tindex.h: the trusted-names index, "trusted" in the kith directory:
 * the result of a trust computation as a sorted table, so checking one
 * host (kith-verify -c, -K) is a binary search instead of a recomputation.
 * It records what it was computed from (root, threshold, the vouches
 * file's identity) and the time window in which the result holds.
 * Format: PROTOCOL.kith §4.
 */
#ifndef KITH_TINDEX_H
#define KITH_TINDEX_H

#include "compat.h"

#define TINDEX_FILE	"trusted"
#define TINDEX_CONFLICT	0x01	/* entry flag: the name is in conflict */

struct trustctx;
struct tindex;

/* Writes dir/trusted for c, computed at now with threshold k. */
int	tindex_write(const char *, const struct trustctx *, uint64_t, u_int);
/*
 * Opens dir/trusted if it answers for root, threshold k, the current
 * vouches file and now; KE_NOTFOUND if it is missing or stale.
 */
int	tindex_open(const char *, const u_char *, uint64_t, u_int,
	    struct tindex **);
/*
 * The keys trusted for name (lower-cased here): up to max of them into
 * pks; *np gets how many there are in all, *conflictp whether they are
 * in conflict (several keys not linked as successors).
 */
int	tindex_lookup(const struct tindex *, const char *, u_char (*)[32],
	    size_t, size_t *, int *);
/* Unmaps and frees ix; NULL is a no-op. */
void	tindex_close(struct tindex *);

#endif /* KITH_TINDEX_H */
