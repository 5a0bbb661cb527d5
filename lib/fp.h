/*
 * fp.h: key fingerprints as ssh-keygen prints them (SHA256, MD5,
 * bubblebabble, randomart) and kith's read-aloud form (PGP words).
 * A key's fingerprint is taken over its plain public blob, so a
 * certificate has the fingerprint of the key it certifies.
 */
#ifndef KITH_FP_H
#define KITH_FP_H

#include "compat.h"

#define FP_SHA256	1	/* ssh-keygen's default */
#define FP_MD5		2	/* ssh-keygen -E md5 */

#define FP_SHA256_LEN	32
#define FP_SHA256_STRLEN 50	/* "SHA256:" and 43 base64 characters */
#define FP_MD5_LEN	16
#define FP_SHA1_LEN	20
#define FP_NWORDS	16	/* words in fp_words: 128 bits */

struct buf;
struct key;

/* The PGP word list (lib/pgpwords.c), lowercase, indexed by byte. */
extern const char *const fp_pgp_even[256];
extern const char *const fp_pgp_odd[256];

/* Appends "SHA256:" and the unpadded base64 of SHA-256(blob). */
int	fp_sha256(struct buf *, const u_char *, size_t);
/* Appends "MD5:" and MD5(blob) as lowercase hex pairs joined by ':'. */
int	fp_md5(struct buf *, const u_char *, size_t);
/* Appends the bubblebabble of SHA-1(blob), as ssh-keygen -B does. */
int	fp_bubblebabble(struct buf *, const u_char *, size_t);
/* Appends the bubblebabble encoding of the bytes themselves ("xexax"). */
int	fp_babble(struct buf *, const u_char *, size_t);
/*
 * Appends the 11-line "drunken bishop" picture of digest, titled
 * "[title bits]" (or "[title]" if that is too wide) and footed
 * "[hashalg]"; no newline after the last line.
 */
int	fp_randomart(struct buf *, const u_char *, size_t, const char *,
	    u_int, const char *);
/*
 * Appends the PGP words for the first 16 bytes of SHA-256(blob): one
 * line (no newline), words apart by one space, groups of four by two.
 */
int	fp_words(struct buf *, const u_char *, size_t);

/* Appends k's fingerprint: "SHA256:..." or "MD5:..." by hash. */
int	fp_key(struct buf *, const struct key *, int);
/* Appends k's randomart for hash, titled as ssh-keygen titles it. */
int	fp_key_randomart(struct buf *, const struct key *, int);
/* Appends fp_words of k. */
int	fp_key_words(struct buf *, const struct key *);
/*
 * Appends what "ssh-keygen -l[v] [-E md5] [-B]" prints for k: the line
 * "bits fingerprint comment (type)\n", escaped by ssh_escape in the
 * current locale ("no comment" for a NULL comment), and with verbose
 * the randomart and a newline.  With bubble the fingerprint is the
 * bubblebabble (SHA-1) and the randomart still follows hash.  Where
 * ssh-keygen's locale makes it drop the line (see ssh_escape), the
 * line is left out here too.
 */
int	fp_format_line(struct buf *, const struct key *, const char *, int,
	    int, int);

#endif /* KITH_FP_H */
