/*
 * buf.h: a length-checked cursor over bytes, in the manner of sshbuf.
 * Reads consume from the front; writes append at the end.  Every get is
 * checked against what remains and against a caller-supplied cap, and
 * returns 0 or a negative KE_* code; a failed get consumes nothing.
 */
#ifndef KITH_BUF_H
#define KITH_BUF_H

#include "compat.h"

struct buf;

/* A new empty buffer (NULL on failure); free with buf_free. */
struct buf	*buf_new(void);
/* Like buf_new, but storage is sodium_malloc'd and wiped on free. */
struct buf	*buf_new_secure(void);
/* A new buffer holding a copy of p[0..len). */
struct buf	*buf_from(const void *, size_t);
/*
 * A read-only view of p[0..len): no copy, so p must outlive the view.
 * Puts on a view fail.
 */
struct buf	*buf_view(const void *, size_t);
/* Frees b (wiping secure storage); NULL is a no-op. */
void		 buf_free(struct buf *);
/* Empties b, wiping its contents. */
void		 buf_reset(struct buf *);

/* Bytes not yet consumed. */
size_t		 buf_len(const struct buf *);
/* Pointer to the unconsumed bytes; valid until the next put or free. */
const u_char	*buf_ptr(const struct buf *);
/*
 * Points *pp at len unconsumed bytes starting off bytes after the
 * cursor, without consuming; KE_TRUNCATED if they are not all there.
 */
int		 buf_peek_at(const struct buf *, size_t, size_t,
		    const u_char **);
/* Skips n bytes; KE_TRUNCATED if fewer remain. */
int		 buf_consume(struct buf *, size_t);
/* Drops n bytes from the end; KE_TRUNCATED if fewer remain. */
int		 buf_consume_tail(struct buf *, size_t);
/* KE_TRAILING unless every byte has been consumed. */
int		 buf_end(const struct buf *);
/* 1 if the unconsumed contents of a and b are equal (constant time). */
int		 buf_equal(const struct buf *, const struct buf *);
/* A malloc'd NUL-terminated copy of the unconsumed bytes, or NULL. */
char		*buf_dup_cstring(const struct buf *);

/* Appends; KE_NOMEM or KE_TOOLONG on failure. */
int	buf_put(struct buf *, const void *, size_t);
int	buf_put_u8(struct buf *, uint8_t);
int	buf_put_u32(struct buf *, uint32_t);
int	buf_put_u64(struct buf *, uint64_t);
int	buf_put_string(struct buf *, const void *, size_t);
int	buf_put_cstring(struct buf *, const char *);
/* Appends the unconsumed bytes of v as a string. */
int	buf_put_stringb(struct buf *, const struct buf *);
/* Appends the text s without its NUL and without a length. */
int	buf_puts(struct buf *, const char *);
/* Appends v in decimal. */
int	buf_put_num(struct buf *, unsigned long long);
/*
 * Appends s as a JSON string, with quote, backslash, control and
 * non-ASCII bytes escaped.
 */
int	buf_put_json_str(struct buf *, const char *);
/* Appends the unconsumed bytes of v raw. */
int	buf_putb(struct buf *, const struct buf *);
/*
 * Reserves n bytes at the end and returns a pointer to them in *pp
 * (NULL when n is 0 and b has no storage yet).
 */
int	buf_reserve(struct buf *, size_t, u_char **);
/*
 * Makes room for n more bytes without adding any, so that appending up
 * to n bytes moves nothing (for a writer that knows its size).
 */
int	buf_room(struct buf *, size_t);

int	buf_get_u8(struct buf *, uint8_t *);
int	buf_get_u32(struct buf *, uint32_t *);
int	buf_get_u64(struct buf *, uint64_t *);
int	buf_peek_u32(const struct buf *, uint32_t *);
/* Copies exactly n bytes into p. */
int	buf_get_fixed(struct buf *, void *, size_t);
/* Consumes n bytes that must equal magic, else KE_MAGIC. */
int	buf_get_magic(struct buf *, const void *, size_t);
/*
 * A length-prefixed string of at most max bytes.  _string returns a
 * malloc'd copy with a NUL appended (caller frees; *lenp may be NULL);
 * _string_ptr points into b; _cstring also rejects an embedded NUL;
 * _stringb returns a view of it (valid while b lives).
 */
int	buf_get_string(struct buf *, u_char **, size_t *, size_t);
int	buf_get_string_ptr(struct buf *, const u_char **, size_t *, size_t);
int	buf_get_cstring(struct buf *, char **, size_t);
int	buf_get_stringb(struct buf *, struct buf **, size_t);
/* A string that must be exactly n bytes long, copied into p. */
int	buf_get_string_fixed(struct buf *, void *, size_t);

#endif /* KITH_BUF_H */
