/*
 * exchange.h: what kith-share moves between kith directories.  Out: this
 * node's bundle (its exportable vouches and every statement, signed) and
 * a new vouch for a peer.  In: certificates, statements and bundles, all
 * checked before anything is written, then merged into the store under
 * its lock, refusing a bundle older than one seen from its signer.
 * PROTOCOL.kith, "Import and export".
 */
#ifndef KITH_EXCHANGE_H
#define KITH_EXCHANGE_H

#include "compat.h"

#include "key.h"

#define EXCHANGE_DRYRUN	0x01	/* exchange_merge: compute, write nothing */

struct buf;
struct cert;
struct stmt;
struct sshsig_signer;

/* A bundle taken in: its signer's sequence number, for the rollback rule. */
struct exchange_seen {
	u_char		 signer[KEY_PKLEN];
	uint64_t	 seq;
	u_char		 hash[32];	/* SHA-256 of the binary bundle */
	const char	*label;		/* the caller's, for messages */
	uint64_t	 had;		/* after KE_ROLLBACK: the seq seen */
};

/* What one import brings, checked; owns its records. */
struct exchange {
	struct cert	**c;
	size_t		  nc;
	struct stmt	**st;
	size_t		  nst;
	struct exchange_seen *seen;
	size_t		  nseen;
	u_char		 *cnew;		/* after a merge: nc flags, 1 if new */
	u_char		 *snew;		/* nst flags */
	/* optional: our own bundle's number, recorded by the merge if higher */
	int		  own;
	u_char		  own_pk[KEY_PKLEN];
	uint64_t	  own_seq;
	u_char		  own_hash[32];
};

/* A new empty set (NULL on failure); exchange_free(NULL) is a no-op. */
struct exchange	*exchange_new(void);
void		 exchange_free(struct exchange *);
/* Adds a checked vouch or statement; takes it, freeing it on failure. */
int		 exchange_add_cert(struct exchange *, struct cert *);
int		 exchange_add_stmt(struct exchange *, struct stmt *);
/*
 * Parses and checks the certificate blob p[0..len) as a vouch signed by
 * signer for subject with key id keyid (else KE_KEYMISMATCH or KE_CERT),
 * and adds it.
 */
int		 exchange_add_vouch(struct exchange *, const u_char *, size_t,
		    const u_char *, const u_char *, const char *);
/*
 * Parses and checks the binary bundle p[0..len) completely (bundle_parse
 * with the default caps) and adds its records and its sequence number;
 * label (borrowed) names it in messages.
 */
int		 exchange_add_bundle(struct exchange *, const u_char *, size_t,
		    const char *);
/*
 * KE_ROLLBACK if a bundle of x has a lower sequence number than the last
 * seen from its signer in dir, or the same one with other contents;
 * *badp is then its index in x->seen (whose had is set).
 */
int		 exchange_check(const char *, struct exchange *, size_t *);
/*
 * exchange_check, then writes the new vouches, the new statements and
 * the sequence numbers (with x->own's, in one write), in that order;
 * fills x->cnew and x->snew.  The
 * caller holds dir's lock (store_lock).  EXCHANGE_DRYRUN writes nothing.
 */
int		 exchange_merge_locked(const char *, struct exchange *, int,
		    size_t *);
/* As exchange_merge_locked, taking the lock itself. */
int		 exchange_merge(const char *, struct exchange *, int, size_t *);

/*
 * Appends a line for each record the last merge found new: "VERB vouch:
 * NAMES key FP signed by FP", "VERB revocation of FP", "VERB withdrawal
 * by FP of a vouch on FP" or "VERB successor of FP: FP".
 */
int		 exchange_format_new(struct buf *, const struct exchange *,
		    const char *);

/*
 * This node's bundle, signed through s (whose key is the node's): its
 * exportable vouches in dir, the certificates extra[0..nextra) (made
 * now, not yet stored), every statement, the time, and the sequence
 * number exchange_next_seq gives (*seqp).  Records nothing: the caller
 * holds the lock and calls store_seen_set_locked once it is out.
 */
/*
 * The sequence number of this node's next bundle: the clock in
 * microseconds since 1970, or last + 1 when found and that is larger, so
 * numbers grow and a store restored from a backup does not repeat one
 * its peers have seen.  KE_RANGE when last is the largest number.
 */
int		 exchange_next_seq(int, uint64_t, uint64_t *);
int		 exchange_export_locked(const char *,
		    const struct sshsig_signer *, struct cert *const *, size_t,
		    struct buf **, uint64_t *);

/*
 * Adds the comma-separated host names to c as principals: KE_FORMAT,
 * KE_EXISTS or KE_TOOLONG, and then *badp (if not NULL) gets a malloc'd
 * copy of the name refused.
 */
int		 exchange_set_names(struct cert *, const char *, char **);
/*
 * A new vouch *cp by s for pk: the host names, the depth (0: none), key
 * id keyid, valid for VALIDITY_DEFAULT from now, with the next serial of
 * s->pk in dir's store (the caller holds the lock), signed through s.
 */
int		 exchange_vouch_locked(const char *,
		    const struct sshsig_signer *, const u_char *, const char *,
		    u_int, const char *, struct cert **);

#endif /* KITH_EXCHANGE_H */
