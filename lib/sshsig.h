/*
 * sshsig.h: OpenSSH signatures ("ssh-keygen -Y sign"), Ed25519 only.
 * Layout: ../shared/spec/openssh.md §8, PROTOCOL.sshsig.  A blob is
 * "SSHSIG", u32 1, string public key, string namespace, string reserved,
 * string hash algorithm, string signature; the signature covers "SSHSIG",
 * the namespace, the reserved string, the algorithm and H(message).
 * kith signs exactly as ssh-keygen does (Ed25519 is deterministic, so the
 * blobs are byte-identical) and verifies more strictly: the signer must be
 * a plain key (no certificate), the reserved field empty, the version 1.
 */
#ifndef KITH_SSHSIG_H
#define KITH_SSHSIG_H

#include "compat.h"

#include <sodium.h>

#include "kerr.h"
#include "key.h"

/*
 * Error codes kith needs and kerr.h does not have yet; each falls back on
 * an existing code until it is added there (see the bundle report).
 */

#define SSHSIG_MAGIC	"SSHSIG"	/* 6 bytes, no NUL */
#define SSHSIG_VERSION	1
#define SSHSIG_LABEL	"SSH SIGNATURE"
#define SSHSIG_MAXNS	KITH_MAXNAME	/* namespace length */
#define SSHSIG_MAXBLOB	4096		/* an Ed25519 blob is ~200 bytes */

/* Hash algorithms; SSHSIG_ANYHASH only for verification. */
#define SSHSIG_ANYHASH	0
#define SSHSIG_SHA512	1		/* "sha512", the default */
#define SSHSIG_SHA256	2		/* "sha256" */
#define SSHSIG_MAXHASH	64

struct buf;

/*
 * A signer: sign(arg, msg, len, sig) writes the 64-byte Ed25519
 * signature of msg by pk's private half into sig and returns 0 or KE_*.
 * It may be a key in memory (sshsig_signer_key) or an agent.
 */
struct sshsig_signer {
	u_char		  pk[KEY_PKLEN];
	int		(*sign)(void *, const u_char *, size_t, u_char *);
	void		 *arg;
};

/* A parsed signature blob. */
struct sshsig {
	u_char		 pk[KEY_PKLEN];	/* the signer */
	char		*ns;		/* the namespace (NUL-terminated) */
	int		 hashalg;	/* SSHSIG_SHA512 or SSHSIG_SHA256 */
	u_char		 sig[KEY_SIGLEN];
};

/* Incremental H(message), for messages too big to hold in memory. */
struct sshsig_hash {
	int		 alg;
	union {
		crypto_hash_sha256_state	s256;
		crypto_hash_sha512_state	s512;
	} u;
};

/*
 * Makes s sign with k's private half (k must outlive s); KE_NOSECRET if
 * k has none.
 */
int		 sshsig_signer_key(struct sshsig_signer *, const struct key *);

/* The name ("sha512", "sha256") of alg, or NULL if unknown. */
const char	*sshsig_hashname(int);
/* Starts H with alg (SSHSIG_SHA512/SHA256); KE_HASHALG otherwise. */
int		 sshsig_hash_init(struct sshsig_hash *, int);
void		 sshsig_hash_update(struct sshsig_hash *, const void *, size_t);
/* Writes the digest into out (SSHSIG_MAXHASH bytes) and returns its length. */
size_t		 sshsig_hash_final(struct sshsig_hash *, u_char *);
/* The digest of msg[0..len) in one call; returns its length (0: bad alg). */
size_t		 sshsig_digest(int, const void *, size_t, u_char *);

/*
 * Appends the bytes to be signed for a message with digest d[0..dlen)
 * (its length must suit alg): "SSHSIG", string ns, string "", string
 * hash name, string d.  For agents: sign these, then sshsig_encode.
 */
int		 sshsig_tbs(struct buf *, const char *, int, const u_char *,
		    size_t);
/* Appends the signature blob of pk (namespace, alg, 64-byte sig). */
int		 sshsig_encode(struct buf *, const u_char *, const char *, int,
		    const u_char *);
/*
 * Signs the message digest d[0..dlen) (made with alg) through s and
 * appends the blob.  The new signature is checked against s->pk, so a
 * signer holding another key gives KE_SIGNATURE.
 */
int		 sshsig_sign_digest(struct buf *, const struct sshsig_signer *,
		    const char *, int, const u_char *, size_t);
/* As sshsig_sign_digest over msg[0..len), hashed with alg. */
int		 sshsig_sign(struct buf *, const struct sshsig_signer *,
		    const char *, int, const void *, size_t);
/*
 * Appends the armoured blob p[0..len), byte-identical to a .sig file of
 * ssh-keygen: BEGIN line, base64 at 70 columns, END line, each ending \n.
 */
int		 sshsig_armour(struct buf *, const u_char *, size_t);
/*
 * Decodes one armoured signature at the start of text[0..len) (leading
 * blank lines allowed) into out.  *endp, if not NULL, is set just past
 * the END line; if endp is NULL only blank lines may follow it
 * (KE_TRAILING otherwise).
 */
int		 sshsig_dearmour(struct buf *, const char *, size_t, size_t *);

/*
 * Parses a raw blob filling all of p[0..len) (no signature check).
 * KE_MAGIC, KE_VERSION (not 1), KE_KEYTYPE (the signer is not a plain
 * Ed25519 key: certificates are refused), KE_FORMAT (empty namespace or
 * non-empty reserved field), KE_HASHALG (unknown algorithm),
 * KE_TRAILING.  The caller frees *sp with sshsig_free (NULL-safe).
 */
int		 sshsig_parse(const u_char *, size_t, struct sshsig **);
void		 sshsig_free(struct sshsig *);
/*
 * Checks s against a message digest d[0..dlen): KE_NAMESPACE unless
 * s->ns equals ns, KE_HASHALG unless s->hashalg equals alg (any of the
 * two if SSHSIG_ANYHASH), KE_SIGNATURE if the signature is bad.
 */
int		 sshsig_check_digest(const struct sshsig *, const char *, int,
		    const u_char *, size_t);
/*
 * The whole check: sig[0..siglen) is a raw blob (starting "SSHSIG") or
 * armoured text; msg is hashed with the algorithm the signature names
 * (which must be alg, unless SSHSIG_ANYHASH).  On success pk (if not
 * NULL) gets the signer's key, which the caller compares with the key it
 * expects.
 */
int		 sshsig_verify(const u_char *, size_t, const void *, size_t,
		    const char *, int, u_char *);

#endif /* KITH_SSHSIG_H */
