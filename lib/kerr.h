/* kerr.h: kith's error codes.  Library calls return 0 or one of these. */
#ifndef KITH_KERR_H
#define KITH_KERR_H

#define KE_OK		0
#define KE_INTERNAL	-1	/* internal error (a bug) */
#define KE_NOMEM	-2	/* out of memory */
#define KE_TRUNCATED	-3	/* input ends too early */
#define KE_TRAILING	-4	/* unexpected data after the end */
#define KE_TOOLONG	-5	/* a length exceeds its cap */
#define KE_MAGIC	-6	/* wrong magic */
#define KE_VERSION	-7	/* unsupported format version */
#define KE_NUL		-8	/* a text string holds a NUL byte */
#define KE_BASE64	-9	/* invalid base64 */
#define KE_KEYTYPE	-10	/* unsupported key type */
#define KE_BADKEY	-11	/* invalid key */
#define KE_KEYMISMATCH	-12	/* public and private halves disagree */
#define KE_PADDING	-13	/* bad padding */
#define KE_PASSPHRASE	-14	/* wrong passphrase */
#define KE_SSHENC	-15	/* OpenSSH-encrypted key: load it with ssh-add */
#define KE_PERM		-16	/* private key readable by others */
#define KE_FORMAT	-17	/* invalid format */
#define KE_NOTFOUND	-18	/* not found */
#define KE_EXISTS	-19	/* already exists */
#define KE_SIGNATURE	-20	/* bad signature */
#define KE_TOOBIG	-21	/* file too large */
#define KE_NOTPUB	-22	/* not a public key file */
#define KE_CERT		-23	/* invalid certificate */
#define KE_CRITICAL	-24	/* certificate has critical options */
#define KE_CIPHER	-25	/* unsupported cipher or KDF */
#define KE_NOSECRET	-26	/* key has no private half */
#define KE_ISDIR	-27	/* is a directory */
#define KE_ARMOUR	-28	/* bad armour (BEGIN/END lines) */
#define KE_NKEYS	-29	/* file holds more than one key */
#define KE_CRYPTO	-30	/* cryptographic library failure */
#define KE_RANGE	-31	/* value out of range */
#define KE_LOCK		-32	/* could not take the lock */
#define KE_WRONGCODE	-33	/* pairing: key confirmation failed */
#define KE_CHECKDIGIT	-34	/* pairing code: wrong check digit */
#define KE_BADPOINT	-35	/* invalid or identity group element */
#define KE_REFLECTED	-36	/* the peer echoed our own message */
#define KE_DECRYPT	-37	/* an encrypted record failed to verify */
#define KE_FRAMELEN	-38	/* a frame length is out of range */
#define KE_PROTOCOL	-39	/* unexpected message */
#define KE_NAMESPACE	-40	/* signature for another namespace */
#define KE_HASHALG	-41	/* unexpected hash algorithm */
#define KE_NRECORDS	-42	/* more records than the cap */
#define KE_RATIO	-43	/* compression ratio over the cap */
#define KE_PERKEY	-44	/* too many vouches for one key */
#define KE_RECTYPE	-45	/* unknown record type */
#define KE_ROLLBACK	-46	/* not newer than a bundle already seen */
#define KE_REVOKED	-47	/* the key is revoked */
#define KE_AGENT	-48	/* the agent refused the request */
#define KE_UNTRUSTED	-49	/* the peer's key is not trusted */
#define KE_PEERMODE	-50	/* the peer pairs where we sync, or back */
#define KE_TOOMANY	-51	/* a count exceeds its cap */
#define KE_NOTFILE	-52	/* not a file, device or pipe to write to */
#define KE_DANGLING	-53	/* a symlink to nothing: not written through */
#define KE_LAST		-53

/* System errors travel as KE_ERRNO(errno). */
#define KE_SYSBASE	-1000
#define KE_ERRNO(e)	(KE_SYSBASE - (e))

/* A static string for any code returned by the library. */
const char	*kith_strerror(int);

#endif /* KITH_KERR_H */
