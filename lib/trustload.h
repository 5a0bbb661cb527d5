/*
 * trustload.h: the trust of a kith directory: its identity (the root),
 * its store of vouches checked as vouches, and trust_compute over them.
 */
#ifndef KITH_TRUSTLOAD_H
#define KITH_TRUSTLOAD_H

#include <time.h>

#include "compat.h"

struct stmtset;
struct trust;
struct trust_succ;
struct trust_vouch;
struct vouchset;

struct trustctx {
	u_char			 root[32];
	struct vouchset		*vs;	/* every signature-checked vouch */
	struct stmtset		*ss;	/* revocations, withdrawals, successors */
	struct trust_vouch	*tv;	/* the valid ones, as trust input, */
	size_t			*tvi;	/* tv[i] is vs->tv[tvi[i]], */
	size_t			 ntv;	/* then ntwin successor twins */
	size_t			 ntwin;
	u_char			(*revoked)[32];
	size_t			 nrevoked;
	struct trust_succ	*succ;
	size_t			 nsucc;
	uint64_t		 now;
	u_int			 threshold;
	struct trust		*t;
};

/*
 * The public key of dir's identity: "path.pub" if it reads, else the
 * envelope of the private key file (no passphrase needed).
 */
int	trustctx_root(const char *, u_char *);
/* Loads dir and computes trust at now with threshold k. */
int	trustctx_load(const char *, time_t, u_int, struct trustctx **);
/*
 * What to say when trustctx_load(dir) failed with r, in out (len bytes):
 * the identity's trouble (kdir_identity_error) or the store's
 * (store_error), each naming its file.
 */
void	trustctx_error(const char *, int, char *, size_t);
/*
 * The revoked keys that would be trusted but for their revocation, for
 * known_hosts' @revoked lines: a malloc'd array in *pkp, count in *np.
 */
int	trustctx_revoked_trusted(const struct trustctx *, u_char (**)[32],
	    size_t *);
/* Frees c; NULL is a no-op. */
void	trustctx_free(struct trustctx *);

#endif /* KITH_TRUSTLOAD_H */
