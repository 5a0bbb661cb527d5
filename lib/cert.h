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

struct buf;

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
	size_t		 noncelen;
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
 * (KE_SIGNATURE if bad).  The caller owns *cp.
 */
int		 cert_parse(const u_char *, size_t, struct cert **);
/* As cert_parse, without the signature check (for cached results). */
int		 cert_parse_unverified(const u_char *, size_t, struct cert **);
/* Checks c's signature by c->signkey over its signed part. */
int		 cert_verify(const struct cert *);
/* A deep copy. */
int		 cert_dup(const struct cert *, struct cert **);
/* Frees c; NULL is a no-op. */
void		 cert_free(struct cert *);
/* The certified public key. */
const u_char	*cert_pk(const struct cert *);
/* Appends the encoded certificate blob. */
int		 cert_put_blob(struct buf *, const struct cert *);

#endif /* KITH_CERT_H */
