/*
 * trust.h: the trust computation kith-verify(1) describes, pure:
 * everything comes in through struct trust_input (no I/O, no parsing, no
 * clock).  How statements feed it: PROTOCOL.kith §5, "How statements
 * change trust".
 *
 * Semantics, in full:
 * - The root (your own key) is trusted with unlimited depth and no scope.
 *   If the root itself is revoked, nothing is trusted.
 * - A vouch S -> T is *eligible* when it is valid at now (valid_after <=
 *   now < valid_before), not withdrawn, neither S nor T is revoked, it
 *   names at least one host (OpenSSH takes a certificate without
 *   principals as valid for every host), S != T unless S is the root (a
 *   key is not its own witness), S is trusted and S holds a grant with
 *   remaining depth >= 1 whose every scope contains every name on the
 *   vouch.  The first rule that fails, in the order of the TRUST_V_*
 *   codes below, is the vouch's status; between DEPTH and SCOPE, SCOPE
 *   when some grant of S had depth left (the first such failure is the
 *   one reported).
 * - A grant is one way a key may introduce: a remaining depth, the
 *   scopes accumulated along its path and the path length.  Through a
 *   grant g of S, a vouch gives T the grant with depth min(g.depth - 1,
 *   vouch depth) (the vouch depth when S is the root), the scopes of g
 *   plus the vouch's scope if it has one, and length g.length + 1.  A
 *   scope is a list of patterns (OpenSSH match_pattern: '*' any run, '?'
 *   one character, ASCII case-insensitive; no '!' negation: such a
 *   pattern matches no host name); a name lies in it when it matches one
 *   pattern.  Scopes accumulate: a later name must lie in all of them.
 * - Threshold k: T is trusted when eligible vouches on it come from at
 *   least k distinct signers, or when one of them is by the root (you
 *   checked that key yourself, so it suffices alone).  Only then do its
 *   eligible vouches *count* and give it grants; eligible vouches on a
 *   key that stays untrusted are TRUST_V_THRESHOLD.  The least fixpoint
 *   is computed, so the order of the input does not matter and a loop
 *   never creates trust by itself.
 * - A name is trusted for T when counted vouches by at least k distinct
 *   signers name it, or a counted root vouch does.  Names compare ASCII
 *   case-insensitively and are reported in lower case.  A trusted key may
 *   have no trusted name (k > 1 signers agreeing on no name); it can
 *   still introduce.
 * - Each key keeps only grants that no other of its grants dominates (a
 *   grant dominates another with depth >=, length <= and a subset of
 *   its scopes), at most TRUST_MAXGRANTS of them, and accepts at most
 *   TRUST_MAXINSERT new grants in all.  A grant is refused beyond those
 *   caps (trust_key.capped is set): the result stays sound (every grant
 *   is a real path) but may then understate depth or miss a vouch that
 *   only a refused grant would make eligible.  Without scopes, grants
 *   are ordered by depth and length alone and the caps are not reached
 *   in practice.
 * - A conflict is a trusted name held by two trusted keys that are not
 *   linked by the declared successor pairs (taken as undirected links,
 *   transitively).  It is reported with every key that holds the name.
 * Cost: O((keys + vouches x grants) x scope checks) time, a few dozen
 * bytes per vouch and about 100 per key.
 */
#ifndef KITH_TRUST_H
#define KITH_TRUST_H

#include "compat.h"

#define TRUST_PKLEN	32		/* an Ed25519 public key */
#define TRUST_IDLEN	32		/* a vouch's content hash */
#define TRUST_MAXDEPTH	255		/* the largest depth a vouch grants */
#define TRUST_UNLIMITED	UINT32_MAX	/* the root's depth */
#define TRUST_MAXGRANTS	8		/* kept grants per key */
#define TRUST_MAXGRANTS_S "8"		/* the same, for messages */
#define TRUST_MAXINSERT	64		/* grants a key accepts in all */
#define TRUST_MAXPATHS	16		/* explain's default cap on paths */

/*
 * A vouch's status.  The static rules come first; then, in order of
 * the trust computation, the rules that depend on the graph.
 */
#define TRUST_V_COUNTED		0	/* counted: makes its subject trusted */
#define TRUST_V_WITHDRAWN	1	/* withdrawn by its signer */
#define TRUST_V_SIGNER_REVOKED	2	/* the signer's key is revoked */
#define TRUST_V_SUBJECT_REVOKED	3	/* the subject's key is revoked */
#define TRUST_V_NOTYET		4	/* not yet valid at now */
#define TRUST_V_EXPIRED		5	/* expired at now */
#define TRUST_V_NONAMES		6	/* names no host */
#define TRUST_V_SELF		7	/* a non-root key vouches for itself */
#define TRUST_V_UNTRUSTED	8	/* signer not trusted: kept, inert */
#define TRUST_V_DEPTH		9	/* signer has no depth left */
#define TRUST_V_SCOPE		10	/* a name lies outside a scope */
#define TRUST_V_THRESHOLD	11	/* eligible, subject below threshold */
#define TRUST_V_LAST		11

/* One vouch S -> T, parsed and signature-checked by the caller. */
struct trust_vouch {
	u_char		 signer[TRUST_PKLEN];
	u_char		 subject[TRUST_PKLEN];
	u_char		 id[TRUST_IDLEN];	/* content hash (not used) */
	uint64_t	 serial;		/* shown in explanations */
	uint64_t	 valid_after;		/* after <= now < before */
	uint64_t	 valid_before;
	char		**names;		/* host names (principals) */
	size_t		 nnames;
	char		**scope;		/* patterns; none: no limit */
	size_t		 nscope;
	u_int		 depth;			/* granted to T, <= MAXDEPTH */
	int		 withdrawn;		/* revoked by its signer */
};

/* A declared rotation: newpk is oldpk's successor. */
struct trust_succ {
	u_char		 oldpk[TRUST_PKLEN];
	u_char		 newpk[TRUST_PKLEN];
};

struct trust_input {
	u_char			 root[TRUST_PKLEN];
	const struct trust_vouch *v;
	size_t			 nv;
	const u_char		(*revoked)[TRUST_PKLEN];
	size_t			 nrevoked;
	const struct trust_succ	*succ;
	size_t			 nsucc;
	uint64_t		 now;
	u_int			 threshold;	/* k >= 1 */
};

struct trust_name {
	char		*name;		/* lower case */
	u_int		 nsigners;	/* distinct signers naming it */
	int		 byroot;	/* a counted root vouch names it */
};

struct trust_key {
	u_char		 pk[TRUST_PKLEN];
	struct trust_name *names;	/* trusted names, sorted */
	size_t		 nnames;
	uint32_t	 depth;		/* max depth left (root: UNLIMITED) */
	u_int		 pathlen;	/* shortest path (root: 0) */
	u_int		 nsigners;	/* distinct signers, counted vouches */
	int		 isroot;
	int		 capped;	/* a grant was refused at a cap */
};

/* A trusted key holding a trusted name: an entry of the name index. */
struct trust_hold {
	const char		*name;
	const struct trust_key	*key;
	u_int			 nsigners;	/* signers naming it */
};

/* A trusted name held by keys not linked as successors. */
struct trust_conflict {
	const char		*name;
	const struct trust_hold	*holds;	/* every key holding name */
	size_t			 nholds;
};

/* Why a vouch has its status. */
struct trust_vstatus {
	int		 status;	/* TRUST_V_* */
	size_t		 name;		/* TRUST_V_SCOPE: index into names */
	size_t		 scopev;	/* TRUST_V_SCOPE: the vouch whose scope
					 * (given to its subject) excludes it */
};

struct buf;
struct trust;

/*
 * Computes trust from in.  The result refers to in->v and its strings
 * (not copied), which must outlive it; the caller owns *tp.  KE_RANGE
 * for a threshold of 0, a depth over TRUST_MAXDEPTH or too many
 * vouches; KE_INTERNAL for a NULL array with a nonzero count.
 */
int	trust_compute(const struct trust_input *, struct trust **);
/* Frees t; NULL is a no-op. */
void	trust_free(struct trust *);

/* The trusted keys, sorted by public key; valid while t lives. */
const struct trust_key *trust_keys(const struct trust *, size_t *);
/* The trusted key pk, or NULL if pk is not trusted. */
const struct trust_key *trust_find(const struct trust *, const u_char *);
/*
 * The trusted keys holding name as a trusted name (case-insensitive):
 * returns their number and points *hp at them, sorted by key.
 */
size_t	trust_by_name(const struct trust *, const char *,
	    const struct trust_hold **);
/* 1 if pk is trusted and name is trusted for it, else 0. */
int	trust_check(const struct trust *, const u_char *, const char *);
/* The conflicts, sorted by name. */
const struct trust_conflict *trust_conflicts(const struct trust *, size_t *);
/* Fills *sp with the status of input vouch i; KE_RANGE if i >= nv. */
int	trust_vouch_status(const struct trust *, size_t,
	    struct trust_vstatus *);
/* A static description of a TRUST_V_* code. */
const char *trust_status_str(int);

/* One hop of a path: an input vouch and what became of it there. */
struct trust_hop {
	size_t		 vouch;		/* index into the input vouches */
	int		 status;	/* TRUST_V_* on this path */
	uint32_t	 depth;		/* counted: the subject's depth left */
	size_t		 name;		/* TRUST_V_SCOPE: as in trust_vstatus */
	size_t		 scopev;
};

/*
 * A chain of vouches.  For a trusted key: root -> ... -> key, every hop
 * counted.  For an untrusted one: the counted path to a trusted signer
 * (if any), the hop that failed, then the inert hops on to the key.
 */
struct trust_path {
	struct trust_hop *hops;
	size_t		 nhops;
};

/* Why one key is or is not trusted (for the name, if one was asked). */
struct trust_why {
	u_char		 pk[TRUST_PKLEN];
	int		 trusted;
	int		 isroot;
	u_int		 nsigners;	/* distinct signers of eligible vouches
					 * (naming the name, if asked) */
	struct trust_path *paths;	/* trusted: a path per counted vouch;
					 * else the nearest failures first */
	size_t		 npaths;
	int		 more;		/* paths were left out at the cap */
};

struct trust_explain {
	char		*name;		/* the name asked about, or NULL */
	u_int		 threshold;
	struct trust_why *why;
	size_t		 nwhy;
};

/*
 * Explains key pk, for name if it is not NULL; or, with pk NULL, every
 * key that any vouch names name for (sorted by key).  At most maxpaths
 * paths per key (0: TRUST_MAXPATHS).  The failures of an untrusted key
 * come from a breadth-first search back from it through inert vouches
 * (untrusted signers): every other vouch met is one, nearest first.
 * KE_INTERNAL if pk and name are both NULL.  The caller frees *ep.
 */
int	trust_explain(const struct trust *, const u_char *, const char *,
	    size_t, struct trust_explain **);
/* Frees e; NULL is a no-op. */
void	trust_explain_free(struct trust_explain *);

/* Appends how to call a key; a nonzero return is passed on. */
typedef int trust_keyname_fn(struct buf *, const u_char *, void *);
/*
 * Appends e as text, one line per key and per hop, each ending in a
 * newline.  Keys are named by keyname(out, pk, arg), or by their SHA256
 * fingerprint when keyname is NULL.  Names and patterns from vouches are
 * escaped (bytes outside '!'..'~' as \xNN).
 */
int	trust_explain_format(struct buf *, const struct trust *,
	    const struct trust_explain *, trust_keyname_fn *, void *);

#endif /* KITH_TRUST_H */
