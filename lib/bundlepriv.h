/* bundlepriv.h: what bundle.c and bundlebody.c share; not an API. */
#ifndef KITH_BUNDLEPRIV_H
#define KITH_BUNDLEPRIV_H

#include "compat.h"

struct buf;
struct bundle;
struct bundle_caps;
struct cert;
struct stmt;

/* Appends c or st to b, which takes it (and frees it on failure). */
int	bundle_push_vouch(struct bundle *, struct cert *);
int	bundle_push_stmt(struct bundle *, struct stmt *);
/* KE_PERKEY if more than cap of c[0..n) certify the same key. */
int	bundle_check_perkey(struct cert *const *, size_t, size_t);
/*
 * Appends the zlib stream of b's body to z and sets *rawp to the body's
 * length; KE_TOOBIG past caps->raw, KE_TOOLONG for a record past
 * BUNDLE_MAXRECORD.
 */
int	bundle_deflate(const struct bundle *, const struct bundle_caps *,
	    struct buf *, size_t *);
/*
 * Inflates z[0..zlen), which must be one whole zlib stream of exactly
 * rawlen bytes (never more is made), and parses the body in it, of
 * exactly nrec records, into b; meanwhile checks every statement
 * signature, and every certificate's unless flags has BUNDLE_NOCERTSIG,
 * on caps->threads threads; then the vouches-per-key cap.  Errors come
 * in that order of precedence: inflating, the body, the cap, then the
 * first bad signature (vouches, then statements).  b gets every record
 * or none.
 */
int	bundle_read_body(const u_char *, size_t, size_t, size_t,
	    const struct bundle_caps *, int, struct bundle *);

#endif /* KITH_BUNDLEPRIV_H */
