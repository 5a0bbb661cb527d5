/*
 * keylist.h: the keys in any text file of keys (.pub files,
 * authorized_keys, known_hosts, ssh-keyscan output), found line by line
 * exactly as "ssh-keygen -l" finds them, comments included.
 */
#ifndef KITH_KEYLIST_H
#define KITH_KEYLIST_H

#include "compat.h"

/*
 * By default a line without a comment of its own reports whatever text
 * the comment of an earlier line pointed at, as ssh-keygen 9.2 does (it
 * keeps a pointer into its reused line buffer).  With KEYLIST_OWNCOMMENT
 * such a line has no comment.
 */
#define KEYLIST_OWNCOMMENT	0x01
/* The longest line read, newline included: more is KE_TOOLONG. */
#define KEYLIST_MAXLINE		(1024 * 1024)

struct key;
struct keylist;

/*
 * A new iterator over text[0..len), which must outlive it; flags is 0
 * or KEYLIST_OWNCOMMENT.  Free with keylist_free.
 */
int	keylist_open(const u_char *, size_t, int, struct keylist **);
/*
 * The next Ed25519 key (or certificate): *kp (caller frees), *commentp
 * (a malloc'd string, or NULL for none; the pointer may be NULL) and
 * the line number (may be NULL).  Lines that hold no key are skipped.
 * KE_NOTFOUND at the end, KE_TOOLONG at a line over KEYLIST_MAXLINE.
 */
int	keylist_next(struct keylist *, struct key **, char **, size_t *);
/* Lines skipped so far that hold a key of another type (ssh-rsa...). */
size_t	keylist_nforeign(const struct keylist *);
/* Lines skipped so far that are neither blank, a # comment nor a key. */
size_t	keylist_nskipped(const struct keylist *);
/* Frees kl; NULL is a no-op. */
void	keylist_free(struct keylist *);
/*
 * 1 if ssh-keygen -l would read text as a private key file: its first
 * line, past leading blanks, is not empty or a # comment and contains
 * "PRIVATE KEY".  (A blank first line makes it a public key file.)
 */
int	keylist_is_private(const u_char *, size_t);

#endif /* KITH_KEYLIST_H */
