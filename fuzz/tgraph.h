/*
 * tgraph.h: the trust target's graphs (decoded from the fuzz input) and
 * the reference computation in trust-ref.c, written independently of
 * lib/trust*.c: the least fixpoint over every (depth, length, scopes)
 * grant a key can reach, kept as an antichain per key.
 */
#ifndef KITH_FUZZ_TGRAPH_H
#define KITH_FUZZ_TGRAPH_H

#include "compat.h"

#include "trust.h"

#define MAXKEYS		12
#define OUTSIDER	MAXKEYS		/* a key in no vouch */
#define MAXV		48
#define MAXSUCC		8
#define NNAMES		8
#define NSCOPES		8
#define MAXPAT		3
#define NOW		1000
#define UNL		TRUST_UNLIMITED
#define REFMAXG		256		/* reference grants per key */
#define REFMAXPASS	4096

/* The host names and scopes vouches take theirs from. */
extern char names[NNAMES][16];
extern char scopes[NSCOPES][MAXPAT][16];

struct graph {
	struct trust_input in;
	struct trust_vouch v[MAXV];
	struct trust_succ succ[MAXSUCC];
	u_char		 pk[MAXKEYS + 1][TRUST_PKLEN];
	u_char		 rev[MAXKEYS + 1][TRUST_PKLEN];
	char		*vn[MAXV][NNAMES];
	char		*vs[MAXV][MAXPAT];
	int		 nk;
	int		 s[MAXV], t[MAXV], sid[MAXV];
	int		 revoked[MAXKEYS + 1];
	int		 present[MAXKEYS + 1];
	int		 succs[MAXSUCC], succt[MAXSUCC];
	/* what to explain */
	int		 xkey;		/* -1: by name only */
	const char	*xname;
	size_t		 xmax;
	int		 keyname;
};

struct rgrant {
	uint32_t	 depth;
	u_int		 len;
	u_int		 mask;		/* scopes, by index in scopes[] */
};

/* The reference's conclusions. */
struct ref {
	struct rgrant	 g[MAXKEYS][REFMAXG];
	size_t		 ng[MAXKEYS];
	int		 trusted[MAXKEYS];
	int		 elig[MAXV];
	int		 status[MAXV];
	int		 overflow;
};

/* ASCII lower case. */
int		tg_lc(int);
/* OpenSSH's match_pattern, recursive, ASCII case-insensitive. */
int		tg_glob(const char *, const char *);
/* ASCII case-insensitive equality. */
int		tg_caseeq(const char *, const char *);
/* 1 if every name of v lies in the scope (patterns) of vouch w. */
int		tg_in_scope(const struct trust_vouch *,
		    const struct trust_vouch *);
/* The depth a grant of depth d gives through a vouch granting vd. */
uint32_t	tg_depth(uint32_t, u_int);
/* Decodes the fuzz input (at least 4 bytes) into g. */
void		tg_decode(struct graph *, const uint8_t *, size_t);
/* The index of key pk in g's table, or -1. */
int		tg_key_index(const struct graph *, const u_char *);

/* The first rule vouch i breaks on its own, or TRUST_V_COUNTED. */
int		ref_static(const struct graph *, size_t);
/* Computes rf from g; rf->overflow if the reference gave up. */
void		ref_compute(const struct graph *, struct ref *);
/* Key k's largest depth and shortest path. */
uint32_t	ref_maxdepth(const struct ref *, int);
u_int		ref_minlen(const struct ref *, int);
/* Distinct signers of eligible vouches on key k. */
int		ref_nsigners(const struct graph *, const struct ref *, int);
/* Distinct signers of counted vouches naming name for k; *byroot. */
int		ref_name(const struct graph *, const struct ref *, int,
		    const char *, int *);
/* 1 if name is a trusted name of k. */
int		ref_has_name(const struct graph *, const struct ref *, int,
		    const char *);

#endif /* KITH_FUZZ_TGRAPH_H */
