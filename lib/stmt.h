/*
 * stmt.h: kith's signed statements: a key's revocation of itself, a
 * signer's withdrawal of its vouch, and a successor (key rotation).  A
 * statement is a small versioned blob covered by SSHSIGs of the keys it
 * names, so ssh-keygen -Y verify can check it.  Formats: PROTOCOL.kith
 * (regress/data/bundle/FORMAT.md).
 */
#ifndef KITH_STMT_H
#define KITH_STMT_H

#include "compat.h"

#include "key.h"

/* Statement types; the same numbers are bundle record types. */
#define STMT_REVOKE	2
#define STMT_WITHDRAW	3
#define STMT_SUCCESSOR	4

#define STMT_NS_REVOKE		"revoke@kith"
#define STMT_NS_WITHDRAW	"withdraw@kith"
#define STMT_NS_SUCCESSOR	"successor@kith"

/* Revocation reasons. */
#define STMT_COMPROMISED	1	/* nothing the key signed counts */
#define STMT_RETIRED		2	/* its earlier successor stays good */

#define STMT_VERSION	1
#define STMT_IDLEN	32		/* SHA-256 */
#define STMT_MAXCOMMENT	KITH_MAXNAME
#define STMT_MAXBLOB	4096		/* a statement with a full comment */
#define STMT_MAXSIGS	2

struct buf;
struct cert;
struct sshsig_signer;

struct stmt {
	u_int		 type;
	/* the revoked key; the withdrawing signer; the old key */
	u_char		 pk[KEY_PKLEN];
	/* WITHDRAW: the vouch's subject; SUCCESSOR: the new key */
	u_char		 subject[KEY_PKLEN];
	u_char		 vouch[STMT_IDLEN];	/* WITHDRAW: the vouch id */
	uint64_t	 serial;		/* WITHDRAW: its serial */
	uint32_t	 reason;		/* REVOKE: STMT_COMPROMISED.. */
	uint64_t	 time;
	char		*comment;		/* never NULL once encoded */
	/* set by stmt_encode, stmt_sign, stmt_attach and the parsers: */
	u_char		*blob;			/* the statement */
	size_t		 bloblen;
	u_char		*sig[STMT_MAXSIGS];	/* SSHSIG blobs, in order */
	size_t		 siglen[STMT_MAXSIGS];
};

/* A new zeroed statement of type (NULL on failure or a bad type). */
struct stmt	*stmt_new(u_int);
/* Frees st; NULL is a no-op. */
void		 stmt_free(struct stmt *);
/* A deep copy of st. */
int		 stmt_dup(const struct stmt *, struct stmt **);
/* The namespace of type, its armour label, or NULL. */
const char	*stmt_namespace(u_int);
const char	*stmt_label(u_int);
/* The number of signatures type carries (2 for a successor), or 0. */
u_int		 stmt_nsigs(u_int);
/*
 * The signer of signature i: &st->pk, or &st->subject for a successor's
 * second; NULL if st has no signature i.
 */
const u_char	*stmt_signer(const struct stmt *, u_int);
/* SHA-256 of st->blob, its identity (STMT_IDLEN bytes). */
void		 stmt_id(const struct stmt *, u_char *);

/*
 * Encodes st's fields into st->blob, dropping any signatures: the
 * message the SSHSIGs cover.  KE_FORMAT for a bad type or reason, or a
 * successor equal to the old key; KE_TOOLONG for a comment past
 * STMT_MAXCOMMENT.  A NULL comment is "".
 */
int		 stmt_encode(struct stmt *);
/*
 * Signs st->blob as signature i through s (sha512, the type's
 * namespace); KE_KEYMISMATCH unless s->pk is stmt_signer(st, i).
 */
int		 stmt_sign(struct stmt *, u_int, const struct sshsig_signer *);
/*
 * Attaches an SSHSIG blob made elsewhere (an agent, ssh-keygen -Y sign
 * -n NAMESPACE over the blob) as signature i, after checking it: its
 * namespace, signer (KE_SIGNATURE if another key) and signature.
 */
int		 stmt_attach(struct stmt *, u_int, const u_char *, size_t);
/* Checks every signature of an encoded st; 0 or KE_SIGNATURE etc. */
int		 stmt_verify(const struct stmt *);

/*
 * A new signed self-revocation of s->pk for reason (STMT_COMPROMISED or
 * STMT_RETIRED), made at time, with comment (NULL: none).
 */
int		 stmt_revoke(const struct sshsig_signer *, u_int, uint64_t,
		    const char *, struct stmt **);
/*
 * A new signed withdrawal of the vouch c (time, comment as above);
 * KE_KEYMISMATCH unless s->pk signed c.
 */
int		 stmt_withdraw(const struct sshsig_signer *,
		    const struct cert *, uint64_t, const char *,
		    struct stmt **);
/* A new successor statement from old to new, signed by both. */
int		 stmt_successor(const struct sshsig_signer *,
		    const struct sshsig_signer *, uint64_t, const char *,
		    struct stmt **);
/*
 * 1 if the withdrawal st covers vouch c: c is signed by st->pk and has
 * st's vouch id, or certifies st->subject with st->serial.  0 otherwise
 * (and for any other type).
 */
int		 stmt_withdraws(const struct stmt *, const struct cert *);

/*
 * The record form, as in a bundle: string statement, then one string
 * per signature.  stmt_get parses data[0..len) (all of it) as a record
 * of type; with verify set it checks the signatures as well.
 */
int		 stmt_put(struct buf *, const struct stmt *);
int		 stmt_get(const u_char *, size_t, u_int, int, struct stmt **);
/* Parses a statement blob alone (no signatures) into a new *stp. */
int		 stmt_parse_blob(const u_char *, size_t, struct stmt **);

/*
 * A key as statements and bundles hold it: string(string "ssh-ed25519",
 * string pk).  stmt_get_key refuses anything else (a certificate too)
 * with KE_KEYTYPE or KE_BADKEY.
 */
int		 stmt_put_key(struct buf *, const u_char *);
int		 stmt_get_key(struct buf *, u_char *);

/*
 * The text form: the armoured statement, then each signature as
 * ssh-keygen -Y sign writes it.  stmt_parse_text reads it (type 0: any)
 * and checks the signatures; blank lines may surround the blocks.
 */
int		 stmt_format(struct buf *, const struct stmt *);
int		 stmt_parse_text(const char *, size_t, u_int, struct stmt **);

#endif /* KITH_STMT_H */
