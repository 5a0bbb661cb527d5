/*
 * privkey.h: private key files in the openssh-key-v1 format.  An
 * unencrypted key is read and written byte for byte as ssh-keygen does;
 * kith's passphrase protection keeps the same envelope with the cipher
 * "xchacha20-poly1305@kith" and the KDF "argon2id@kith" (PROTOCOL.kith).
 * A key encrypted by OpenSSH (bcrypt KDF) is refused with KE_SSHENC.
 */
#ifndef KITH_PRIVKEY_H
#define KITH_PRIVKEY_H

#include "compat.h"

#define PRIVKEY_LABEL	"OPENSSH PRIVATE KEY"
#define PRIVKEY_MAGIC	"openssh-key-v1"	/* sizeof: 15, with the NUL */
#define PRIVKEY_CIPHER	"xchacha20-poly1305@kith"
#define PRIVKEY_KDF	"argon2id@kith"
#define PRIVKEY_SALTLEN	16
#define PRIVKEY_MAXFILE	(64 * 1024)

/*
 * The argon2id@kith parameters a reader accepts, so that a file cannot
 * demand more than 256 MiB and a few seconds.
 */
#define PRIVKEY_OPS_MIN	1
#define PRIVKEY_OPS_MAX	8
#define PRIVKEY_MEM_MIN	8		/* KiB */
#define PRIVKEY_MEM_MAX	(256 * 1024)	/* KiB */

struct buf;
struct key;

/* The argon2id@kith parameters stored in kdfoptions. */
struct privkey_kdf {
	u_char		salt[PRIVKEY_SALTLEN];
	uint32_t	opslimit;
	uint32_t	memlimit_kib;
};

/*
 * Parses a whole key file.  passphrase may be NULL for an unencrypted
 * key (it is ignored then).  On success *kp holds the key with its
 * private half and *commentp (if commentp is not NULL) a malloc'd
 * comment.  KE_PASSPHRASE if it is wrong or missing, KE_SSHENC for an
 * OpenSSH-encrypted key, KE_CIPHER for any other cipher or KDF.
 */
int	privkey_parse(const struct buf *, const char *, struct key **,
	    char **);
/*
 * Parses only the envelope's public key, which needs no passphrase;
 * works for unencrypted, kith- and OpenSSH-encrypted keys (KE_CIPHER for
 * others).  *kp has no private half.
 */
int	privkey_parse_public(const struct buf *, struct key **);
/*
 * Sets *encp to 1 if the file needs a passphrase, 0 if not; KE_SSHENC
 * for an OpenSSH-encrypted key, which no passphrase can open here.
 */
int	privkey_is_encrypted(const struct buf *, int *);
/*
 * Appends the armoured key file for k (which must have its private half;
 * any certificate is left out).  comment NULL means "".  passphrase NULL
 * or "" writes an unencrypted key, as ssh-keygen would; otherwise it is
 * protected with argon2id (interactive limits, random salt).  out should
 * come from buf_new_secure.
 */
int	privkey_encode(struct buf *, const struct key *, const char *,
	    const char *);
/*
 * As privkey_encode with the check int given and, for a passphrase, the
 * KDF parameters (kdf NULL: the defaults with a random salt).  For golden
 * files and tests; KE_RANGE for parameters a reader would refuse.
 */
int	privkey_encode_with(struct buf *, const struct key *, const char *,
	    const char *, uint32_t, const struct privkey_kdf *);

/*
 * Reads path with file_read_secret (KE_PERM if others may read it) and
 * parses it as privkey_parse does.
 */
int	privkey_load(const char *, const char *, struct key **, char **);
/* Writes a new key file (mode 0600, never replacing one: KE_EXISTS). */
int	privkey_save(const char *, const struct key *, const char *,
	    const char *);

#endif /* KITH_PRIVKEY_H */
