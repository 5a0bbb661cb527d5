/*
 * trustpriv.h: the trust graph shared by trustgraph.c (building it),
 * trust.c (the fixpoint), trustout.c (results and lookups),
 * trustexplain.c and trustfmt.c.  Not for tools.
 */
#ifndef KITH_TRUSTPRIV_H
#define KITH_TRUSTPRIV_H

#include "compat.h"

#define TNONE		UINT32_MAX	/* no key, vouch, grant or scope */

/* One way a key may introduce; an append-only pool, so paths stay. */
struct tgrant {
	uint32_t	 key;
	uint32_t	 vouch;		/* the vouch it came by; TNONE: root */
	uint32_t	 parent;	/* the signer's grant it came from */
	uint32_t	 scopes;	/* chain of struct tscope, or TNONE */
	uint32_t	 depth;
	u_int		 pathlen;
	int		 dead;		/* dominated by a later grant */
};

/* A persistent list of scopes: each node adds one to its parent's. */
struct tscope {
	uint32_t	 sid;		/* the scope's identity (scope_ids) */
	uint32_t	 vouch;		/* the vouch that imposed it */
	uint32_t	 parent;
};

struct tkey {
	u_char		 pk[TRUST_PKLEN];
	uint32_t	 grant[TRUST_MAXGRANTS];	/* live grants */
	u_int		 ngrant;
	u_int		 ninsert;
	u_int		 nsigners;	/* distinct signers, eligible vouches */
	uint32_t	 rkey;		/* index of its trust_key, or TNONE */
	uint8_t		 trusted;
	uint8_t		 rootv;		/* an eligible vouch by the root */
	uint8_t		 revoked;
	uint8_t		 capped;
};

struct tvouch {
	uint32_t	 signer;
	uint32_t	 subject;
	uint32_t	 sid;		/* scope identity; TNONE: no scope */
	uint32_t	 lead;		/* first vouch of its signer on it */
	uint32_t	 via;		/* the grant first making it eligible */
	uint32_t	 failgrant;	/* the grant of the failure, fail */
	uint32_t	 failname;
	uint32_t	 failscope;
	uint8_t		 status;	/* TRUST_V_*, once the fixpoint ends */
	uint8_t		 live;		/* passes the rules of its own */
	uint8_t		 fail;		/* TRUST_V_DEPTH or _SCOPE, or 0 */
	uint8_t		 eligible;
	uint8_t		 gelig;		/* on a lead: its group is eligible */
};

struct trust {
	const struct trust_vouch *v;
	size_t		 nv;
	u_int		 threshold;
	struct tkey	*keys;		/* the root is key 0 */
	size_t		 nkeys;
	size_t		 keycap;
	uint32_t	*ht;		/* open addressing over keys */
	size_t		 htmask;
	uint32_t	*outoff;	/* by signer k: out[outoff[k]..] */
	uint32_t	*out;
	uint32_t	*inoff;		/* vouches on a key, by signer */
	uint32_t	*in;
	struct tvouch	*tv;
	struct tgrant	*g;
	size_t		 ng;
	size_t		 gcap;
	struct tscope	*sc;
	size_t		 nsc;
	size_t		 sccap;
	uint32_t	*succ;		/* union-find over keys, successors */

	struct trust_key *rkeys;	/* the results (trustout.c) */
	size_t		 nrkeys;
	struct trust_hold *holds;
	size_t		 nholds;
	struct trust_conflict *conf;
	size_t		 nconf;
};

/* Why a grant does not make a vouch eligible. */
struct tfail {
	int		 rule;		/* TRUST_V_DEPTH or TRUST_V_SCOPE */
	uint32_t	 name;		/* SCOPE: the name outside */
	uint32_t	 scopev;	/* SCOPE: the vouch imposing it */
};

/* trustgraph.c */
/* Enters keys and vouches of in into t, with their static statuses. */
int		tr_build(struct trust *, const struct trust_input *);
/* The key index of pk, or TNONE. */
uint32_t	tr_key_find(const struct trust *, const u_char *);
/* ASCII lower case, whatever the locale. */
int		tr_lc(int);
/* ASCII case-insensitive strcmp, whatever the locale. */
int		tr_strcasecmp(const char *, const char *);
/* The representative of key k among keys linked as successors. */
uint32_t	tr_succ_root(const struct trust *, uint32_t);

/* trust.c */
/* 1 if grant gi makes vouch vi eligible; else 0, the reason in *f. */
int		tr_eligible(const struct trust *, uint32_t, uint32_t,
		    struct tfail *);
/* The depth a grant of depth d gives through a vouch granting vd. */
uint32_t	tr_depth(uint32_t, u_int);

/* trustout.c */
/* Fills the results from the finished fixpoint. */
int		tr_results(struct trust *);
/* Frees the results. */
void		tr_results_free(struct trust *);

#endif /* KITH_TRUSTPRIV_H */
