/*
 * bundle.h: kith's signed bundles, what kith-share export writes: a
 * signer's key, a sequence number, a time and records (vouches and
 * statements) in a zlib-compressed body, signed with SSHSIG (namespace
 * "bundle@kith") over every byte before the signature.  Format and caps:
 * PROTOCOL.kith (regress/data/bundle/FORMAT.md).
 */
#ifndef KITH_BUNDLE_H
#define KITH_BUNDLE_H

#include "compat.h"

#include "kerr.h"
#include "key.h"

/*
 * Error codes kith needs and kerr.h does not have yet; each falls back on
 * an existing code until it is added there (see the bundle report).
 */

#define BUNDLE_MAGIC	 "kith-bundle"		/* sizeof: 12, with NUL */
#define BUNDLE_BODYMAGIC "kith-bundle-body"	/* sizeof: 17 */
#define BUNDLE_VERSION	 1
#define BUNDLE_LABEL	 "KITH BUNDLE"
#define BUNDLE_NS	 "bundle@kith"
#define BUNDLE_VOUCH	 1		/* record type; 2..4 are STMT_* */
#define BUNDLE_MAXRECORD (1024 * 1024)	/* one record's data */
#define BUNDLE_SIGTAIL	 185		/* string(SSHSIG): the last bytes */

/* The default caps. */
#define BUNDLE_MAXRECORDS 200000
#define BUNDLE_MAXRAW	 (64 * 1024 * 1024)
#define BUNDLE_MAXRATIO	 100
#define BUNDLE_MAXPERKEY 64
#define BUNDLE_MAXFILE	 KITH_MAXFILE

struct buf;
struct cert;
struct stmt;
struct sshsig_signer;

/* What a reader accepts (and a writer makes); bundle_caps_default. */
struct bundle_caps {
	size_t		 records;	/* records in the body */
	size_t		 raw;		/* inflated body bytes */
	u_int		 ratio;		/* inflated / compressed */
	size_t		 perkey;	/* vouches for one subject key */
	size_t		 file;		/* the input, binary or armoured */
	u_int		 threads;	/* signature checks; 0: one per CPU */
};

struct bundle {
	u_char		 signer[KEY_PKLEN];
	uint64_t	 seq;
	uint64_t	 time;
	struct cert	**vouch;	/* in record order */
	size_t		 nvouch;
	struct stmt	**stmt;		/* in record order */
	size_t		 nstmt;
	size_t		 vouchcap;	/* allocated; 0 for borrowed arrays */
	size_t		 stmtcap;
	/* set by bundle_parse: */
	size_t		 rawlen;	/* the body, inflated */
	size_t		 zlen;		/* and compressed */
	int		 certs_checked;	/* 0 with BUNDLE_NOCERTSIG */
};

/* Fills caps with the defaults above (threads 0). */
void		 bundle_caps_default(struct bundle_caps *);

/* A new empty bundle (NULL on failure); bundle_free frees its records. */
struct bundle	*bundle_new(void);
void		 bundle_free(struct bundle *);
/* Appends a copy of the certificate c (which must be encoded). */
int		 bundle_add_vouch(struct bundle *, const struct cert *);
/* Appends a copy of the signed statement st. */
int		 bundle_add_stmt(struct bundle *, const struct stmt *);

/*
 * Encodes b (vouches first, then statements) as a new binary bundle
 * *outp signed through s, whose key must be b->signer (KE_KEYMISMATCH).
 * It refuses what a reader with caps (NULL: the defaults) would refuse,
 * with the reader's error.  b is only read: a caller may fill a struct
 * bundle of its own with borrowed pointers and not free it.
 */
int		 bundle_encode(const struct bundle *,
		    const struct bundle_caps *, const struct sshsig_signer *,
		    struct buf **);
/*
 * Appends the armoured form of the binary bundle p[0..len): the signed
 * part as a KITH BUNDLE block, then the signature as an SSH SIGNATURE
 * block.  Only the framing is checked, not the signature.
 */
int		 bundle_armour(struct buf *, const u_char *, size_t);
/*
 * Appends the binary form of an armoured bundle text[0..len) (blank
 * lines allowed around the blocks, nothing else).
 */
int		 bundle_dearmour(struct buf *, const char *, size_t);

/* bundle_parse flags. */
#define BUNDLE_HEADONLY	 0x01	/* check the signature, skip the body */
#define BUNDLE_NOCERTSIG 0x02	/* the caller checks certificate signatures */

/*
 * Parses and checks a bundle p[0..len), binary or armoured, into a new
 * *bp: the framing, the caps (before inflating), the bundle signature
 * (by the key in the header, else KE_SIGNATURE), the body, each record
 * (certificates must pass cert_check_vouch), the vouches-per-key cap,
 * then every statement and certificate signature (checked on the other
 * CPUs while the body inflates; errors keep that precedence).  With
 * BUNDLE_NOCERTSIG certificate signatures are left unchecked (for a
 * caller with a cache of verified certificates, which must then check
 * the rest itself, e.g. with bundle_verify_certs); with BUNDLE_HEADONLY
 * only the header and bundle signature are checked and *bp has no
 * records (e.g. to refuse an old sequence number before inflating).
 */
int		 bundle_parse(const u_char *, size_t,
		    const struct bundle_caps *, int, struct bundle **);
/*
 * Checks the signatures of c[0..n) on up to threads threads (0: one per
 * CPU, at most 8).  ok (NULL, or n bytes) gets 1 or 0 for each.  0 if
 * all are good, else KE_SIGNATURE.
 */
int		 bundle_verify_certs(struct cert *const *, size_t, u_int,
		    u_char *);

#endif /* KITH_BUNDLE_H */
