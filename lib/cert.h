/*
 * cert.h: OpenSSH ed25519 certificates (ssh-ed25519-cert-v01@openssh.com),
 * kith's vouches.  Layout: ../shared/spec/openssh.md §5, PROTOCOL.kith.
 */
#ifndef KITH_CERT_H
#define KITH_CERT_H

#include "compat.h"

#define CERT_TYPE_USER		1
#define CERT_TYPE_HOST		2
#define CERT_MAXPRINCIPALS	256
#define CERT_MAXOPTS		64
#define CERT_FOREVER		UINT64_MAX

/* kith's extensions; values are text, as ssh-keygen -O extension:N=V. */
#define CERT_EXT_DEPTH		"depth@kith"	/* "0".."255"; absent is 0 */
#define CERT_EXT_SCOPE		"scope@kith"	/* "pat,pat,..."; absent: any */
#define CERT_EXT_LOCAL		"local@kith"	/* a flag: never exported */
#define CERT_MAXDEPTH		255
#define CERT_MAXSCOPE		256		/* patterns in scope@kith */

struct buf;
struct key;

/* One critical option or extension: data is the raw (outer) string. */
struct certopt {
	char		*name;
	u_char		*data;
	size_t		 len;
};

struct cert {
	u_char		*blob;		/* the whole encoded certificate */
	size_t		 bloblen;
	size_t		 signedlen;	/* bytes of blob the signature covers */
	u_char		 nonce[32];
	size_t		 noncelen;	/* 0: cert_encode_tbs picks one */
	u_char		 pk[32];
	uint64_t	 serial;
	uint32_t	 type;
	char		*keyid;
	char		**principals;
	size_t		 nprincipals;
	uint64_t	 valid_after;
	uint64_t	 valid_before;
	struct certopt	*critical;
	size_t		 ncritical;
	struct certopt	*ext;
	size_t		 next;
	u_char		 signkey[32];
	u_char		 sig[64];
};

/*
 * Parses p[0..len) as a whole certificate blob and checks its signature
 * (KE_SIGNATURE if bad).  Format only: any type, options and principals
 * pass (see cert_check_vouch).  The caller owns *cp.
 */
int		 cert_parse(const u_char *, size_t, struct cert **);
/* As cert_parse, without the signature check (for cached results). */
int		 cert_parse_unverified(const u_char *, size_t, struct cert **);
/* Checks c's signature by c->signkey over its signed part. */
int		 cert_verify(const struct cert *);
/* A deep copy of an encoded (parsed or signed) certificate. */
int		 cert_dup(const struct cert *, struct cert **);
/* Frees c; NULL is a no-op. */
void		 cert_free(struct cert *);
/* The certified public key. */
const u_char	*cert_pk(const struct cert *);
/* Appends the encoded certificate blob. */
int		 cert_put_blob(struct buf *, const struct cert *);

/*
 * A new unsigned host certificate valid always..forever, with no
 * principals (NULL on failure).  The caller sets pk, serial and the
 * times directly and the rest with the functions below.
 */
struct cert	*cert_new(void);
/* Replaces the key id (KE_TOOLONG past KITH_MAXNAME). */
int		 cert_set_keyid(struct cert *, const char *);
/*
 * Adds a principal: KE_TOOLONG past KITH_MAXNAME bytes, KE_FORMAT
 * unless it is a host name kith signs (not empty, no leading '.', no
 * blank, control, ',', '*', '?' or '!'), KE_EXISTS if present,
 * KE_TOOMANY past CERT_MAXPRINCIPALS.
 */
int		 cert_add_principal(struct cert *, const char *);
/*
 * Adds an extension or critical option as ssh-keygen -O does: data is
 * string(value), or empty for a flag (value NULL).  KE_EXISTS if the
 * name is present, KE_TOOMANY past CERT_MAXOPTS.
 */
int		 cert_add_ext(struct cert *, const char *, const char *);
int		 cert_add_critical(struct cert *, const char *, const char *);
/* Adds depth@kith (KE_RANGE past CERT_MAXDEPTH). */
int		 cert_set_depth(struct cert *, u_int);
/*
 * Adds scope@kith from a comma-separated list of patterns, each a host
 * name or "*." and a host name: KE_FORMAT if one is empty or invalid,
 * KE_TOOMANY past CERT_MAXSCOPE.
 */
int		 cert_set_scope(struct cert *, const char *);
/* Adds the local@kith flag. */
int		 cert_set_local(struct cert *);

/*
 * Sets c->signkey to signpk and appends the bytes to be signed: c's
 * fields with critical options and extensions sorted by name (as
 * ssh-keygen does), an empty reserved field and the signature key.
 * Picks a random nonce if c->noncelen is 0.  KE_CERT for a wrong type,
 * a missing key id, no principals, a bad principal or a repeated option
 * name; KE_RANGE unless valid_after < valid_before.
 */
int		 cert_encode_tbs(struct cert *, const u_char *, struct buf *);
/*
 * Completes c (blob, signedlen, sig) with a 64-byte Ed25519 signature
 * of cert_encode_tbs's output, e.g. from an agent; KE_SIGNATURE if sig
 * is not c->signkey's signature of it.
 */
int		 cert_attach_sig(struct cert *, const u_char *);
/* cert_encode_tbs and cert_attach_sig with signer's private half. */
int		 cert_sign(struct cert *, const struct key *);

/*
 * The text v of an option whose data is string(v), as a malloc'd string;
 * KE_FORMAT if the data is anything else or v holds a NUL.
 */
int		 cert_opt_value(const struct certopt *, char **);
/*
 * The introducer depth: 0 if depth@kith is absent; KE_FORMAT unless its
 * value is canonical decimal 0..255; KE_CERT if it is repeated.
 */
int		 cert_depth(const struct cert *, u_int *);
/*
 * The scope patterns in a new array *pp of *np malloc'd strings (NULL
 * and 0 if scope@kith is absent: no restriction); free it with
 * cert_scope_free.  KE_FORMAT for an empty or bad pattern, KE_TOOMANY
 * past CERT_MAXSCOPE, KE_CERT if the extension is repeated.
 */
int		 cert_scope(const struct cert *, char ***, size_t *);
void		 cert_scope_free(char **, size_t);
/* 1 if local@kith is present at all (even malformed), else 0. */
int		 cert_is_local(const struct cert *);
/*
 * Checks a parsed certificate as a vouch, in this order: KE_CERT unless
 * it is a host certificate with principals, KE_CRITICAL if it has any
 * critical option, KE_CERT for a principal cert_add_principal refuses,
 * then cert_depth's and cert_scope's errors, and KE_FORMAT for a
 * local@kith with data (KE_CERT if repeated).  Unknown extensions pass.
 */
int		 cert_check_vouch(const struct cert *);

/*
 * Appends what "ssh-keygen -L" prints for c read from the file label
 * (times in local time).  KE_CERT where ssh-keygen would stop with
 * "Option corrupt"; out is unchanged on error.  In certprint.c.
 */
int		 cert_format_L(struct buf *, const char *, const struct cert *);

#endif /* KITH_CERT_H */
