/*
 * key.h: Ed25519 keys in OpenSSH's wire and text forms.  A key holds a
 * public half, optionally a private half in sodium_malloc'd memory, and
 * optionally the certificate it came in.
 */
#ifndef KITH_KEY_H
#define KITH_KEY_H

#include "compat.h"

#define KEY_TYPE	"ssh-ed25519"
#define KEY_CERT_TYPE	"ssh-ed25519-cert-v01@openssh.com"
#define KEY_PKLEN	32
#define KEY_SKLEN	64	/* seed || pk, libsodium's layout */
#define KEY_SIGLEN	64
#define KEY_BLOBLEN	51	/* string "ssh-ed25519" + string pk */

struct buf;
struct cert;

struct key {
	u_char		 pk[KEY_PKLEN];
	u_char		*sk;		/* KEY_SKLEN secure bytes, or NULL */
	struct cert	*cert;		/* the certificate, or NULL */
};

/* A new zeroed key (NULL on failure); key_free wipes and frees. */
struct key	*key_new(void);
void		 key_free(struct key *);
/* A fresh key pair. */
int		 key_generate(struct key **);
/* Sets k's private half from a 32-byte seed (re-deriving the public). */
int		 key_set_seed(struct key *, const u_char *);
/* A copy of k's public half (and certificate); no private half. */
int		 key_copy_public(const struct key *, struct key **);

/*
 * Parses a wire blob (plain or certificate) that fills all of b;
 * trailing bytes are KE_TRAILING.  Certificates are signature-checked.
 */
int		 key_from_blob(struct buf *, struct key **);
/* Appends the plain public blob (any certificate stripped). */
int		 key_put_plain_blob(struct buf *, const struct key *);
/* Appends the blob: the certificate if k has one, else the plain key. */
int		 key_put_blob(struct buf *, const struct key *);

/*
 * Reads "type base64" at the start of s[0..len) (as sshkey_read: spaces
 * or tabs between, the blob's type must match the word).  *usedp is set
 * to the offset just past the base64.
 */
int		 key_parse_text(const char *, size_t, struct key **, size_t *);
/*
 * Appends "type base64 comment\n", or "type base64\n" when comment is
 * NULL (OpenSSH writes .pub files with " " + comment even when empty,
 * but ssh-keygen -y leaves an empty comment out).
 */
int		 key_format_line(struct buf *, const struct key *,
		    const char *);

/* "ssh-ed25519" or the certificate type. */
const char	*key_type(const struct key *);
/* "ED25519" or "ED25519-CERT", as ssh-keygen names them. */
const char	*key_type_short(const struct key *);
/* 1 if the plain public halves are equal. */
int		 key_equal_public(const struct key *, const struct key *);

/* Signs msg with k's private half; sig is KEY_SIGLEN bytes. */
int		 key_sign_raw(const struct key *, const u_char *, size_t,
		    u_char *);
/* 0 if sig is a valid signature of msg by pk, else KE_SIGNATURE. */
int		 key_verify_raw(const u_char *, const u_char *, size_t,
		    const u_char *);
/* Appends string "ssh-ed25519" + string sig, OpenSSH's signature blob. */
int		 key_put_sig(struct buf *, const u_char *);
/* Parses a signature blob filling all of b into sig. */
int		 key_get_sig(struct buf *, u_char *);

#endif /* KITH_KEY_H */
