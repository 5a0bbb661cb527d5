/* buf.c: the byte cursor.  The only module that indexes untrusted bytes. */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "kerr.h"

#define BUF_MAX		(256 * 1024 * 1024)
#define BUF_MINCAP	256

struct buf {
	u_char		*d;
	size_t		 off;	/* read cursor */
	size_t		 end;	/* end of data */
	size_t		 cap;
	int		 secure;
	int		 view;	/* borrowed, read-only */
};

static struct buf *
buf_alloc(int secure)
{
	struct buf *b;

	if ((b = calloc(1, sizeof(*b))) == NULL)
		return NULL;
	b->secure = secure;
	return b;
}

struct buf *
buf_new(void)
{
	return buf_alloc(0);
}

struct buf *
buf_new_secure(void)
{
	if (sodium_init() < 0)
		return NULL;
	return buf_alloc(1);
}

struct buf *
buf_from(const void *p, size_t len)
{
	struct buf *b;

	if ((b = buf_new()) == NULL)
		return NULL;
	if (buf_put(b, p, len) != 0) {
		buf_free(b);
		return NULL;
	}
	return b;
}

struct buf *
buf_view(const void *p, size_t len)
{
	struct buf *b;

	if ((b = buf_alloc(0)) == NULL)
		return NULL;
	b->d = (u_char *)p;	/* never written through: b->view */
	b->end = b->cap = len;
	b->view = 1;
	return b;
}

static void
buf_release(struct buf *b)
{
	if (b->view || b->d == NULL)
		return;
	if (b->secure)
		sodium_free(b->d);
	else {
		sodium_memzero(b->d, b->cap);
		free(b->d);
	}
}

void
buf_free(struct buf *b)
{
	if (b == NULL)
		return;
	buf_release(b);
	free(b);
}

void
buf_reset(struct buf *b)
{
	if (!b->view && b->d != NULL)
		sodium_memzero(b->d, b->cap);
	b->off = 0;
	if (!b->view)
		b->end = 0;
}

size_t
buf_len(const struct buf *b)
{
	return b->end - b->off;
}

const u_char *
buf_ptr(const struct buf *b)
{
	return b->d == NULL ? (const u_char *)"" : b->d + b->off;
}

int
buf_peek_at(const struct buf *b, size_t off, size_t len, const u_char **pp)
{
	*pp = NULL;
	if (off > buf_len(b) || len > buf_len(b) - off)
		return KE_TRUNCATED;
	*pp = buf_ptr(b) + off;
	return 0;
}

int
buf_consume(struct buf *b, size_t n)
{
	if (n > buf_len(b))
		return KE_TRUNCATED;
	b->off += n;
	return 0;
}

int
buf_consume_tail(struct buf *b, size_t n)
{
	if (n > buf_len(b))
		return KE_TRUNCATED;
	b->end -= n;
	return 0;
}

int
buf_end(const struct buf *b)
{
	return buf_len(b) == 0 ? 0 : KE_TRAILING;
}

int
buf_equal(const struct buf *a, const struct buf *b)
{
	if (buf_len(a) != buf_len(b))
		return 0;
	if (buf_len(a) == 0)
		return 1;
	return sodium_memcmp(buf_ptr(a), buf_ptr(b), buf_len(a)) == 0;
}

char *
buf_dup_cstring(const struct buf *b)
{
	char *s;

	if ((s = malloc(buf_len(b) + 1)) == NULL)
		return NULL;
	if (buf_len(b) > 0)
		memcpy(s, buf_ptr(b), buf_len(b));
	s[buf_len(b)] = '\0';
	return s;
}

/* Makes room for n more bytes, compacting or growing the storage. */
static int
buf_grow(struct buf *b, size_t n)
{
	size_t need, ncap;
	u_char *nd;

	if (b->view)
		return KE_INTERNAL;
	if (n > BUF_MAX || buf_len(b) > BUF_MAX - n)
		return KE_TOOLONG;
	need = buf_len(b) + n;
	if (b->end + n <= b->cap)
		return 0;
	if (need <= b->cap) {	/* compact in place */
		memmove(b->d, b->d + b->off, buf_len(b));
		b->end = buf_len(b);
		b->off = 0;
		return 0;
	}
	/* double (appends stay amortised), or more if need be */
	if ((ncap = b->cap < BUF_MINCAP / 2 ? BUF_MINCAP :
	    b->cap > BUF_MAX / 2 ? BUF_MAX : b->cap * 2) < need)
		ncap = need;
	nd = b->secure ? sodium_malloc(ncap) : malloc(ncap);
	if (nd == NULL)
		return KE_NOMEM;
	if (buf_len(b) > 0)
		memcpy(nd, b->d + b->off, buf_len(b));
	buf_release(b);
	b->d = nd;
	b->end = buf_len(b);
	b->off = 0;
	b->cap = ncap;
	return 0;
}

int
buf_reserve(struct buf *b, size_t n, u_char **pp)
{
	int r;

	*pp = NULL;
	if ((r = buf_grow(b, n)) != 0)
		return r;
	/* nothing reserved in a buffer never allocated: no NULL + 0 */
	if (b->d != NULL)
		*pp = b->d + b->end;
	b->end += n;
	return 0;
}

int
buf_room(struct buf *b, size_t n)
{
	return buf_grow(b, n);
}

int
buf_put(struct buf *b, const void *p, size_t n)
{
	u_char *d;
	int r;

	if ((r = buf_reserve(b, n, &d)) != 0)
		return r;
	if (n > 0)
		memcpy(d, p, n);
	return 0;
}

int
buf_put_u8(struct buf *b, uint8_t v)
{
	return buf_put(b, &v, sizeof(v));
}

int
buf_put_u32(struct buf *b, uint32_t v)
{
	u_char d[4];

	d[0] = v >> 24;
	d[1] = v >> 16;
	d[2] = v >> 8;
	d[3] = v;
	return buf_put(b, d, sizeof(d));
}

int
buf_put_u64(struct buf *b, uint64_t v)
{
	int r;

	if ((r = buf_put_u32(b, v >> 32)) != 0)
		return r;
	return buf_put_u32(b, (uint32_t)v);
}

int
buf_put_string(struct buf *b, const void *p, size_t n)
{
	int r;

	if (n > KITH_MAXSTRING)
		return KE_TOOLONG;
	if ((r = buf_put_u32(b, (uint32_t)n)) != 0)
		return r;
	return buf_put(b, p, n);
}

int
buf_put_cstring(struct buf *b, const char *s)
{
	return buf_put_string(b, s, strlen(s));
}

int
buf_put_stringb(struct buf *b, const struct buf *v)
{
	return buf_put_string(b, buf_ptr(v), buf_len(v));
}

int
buf_puts(struct buf *b, const char *s)
{
	return buf_put(b, s, strlen(s));
}

int
buf_put_num(struct buf *b, unsigned long long v)
{
	char num[24];

	(void)snprintf(num, sizeof(num), "%llu", v);
	return buf_puts(b, num);
}

int
buf_put_json_str(struct buf *b, const char *s)
{
	char esc[8];
	int r = buf_put_u8(b, '"');

	for (; r == 0 && *s != '\0'; s++) {
		u_char ch = (u_char)*s;

		if (ch == '"' || ch == '\\') {
			if ((r = buf_put_u8(b, '\\')) == 0)
				r = buf_put_u8(b, ch);
		} else if (ch < 0x20 || ch >= 0x7f) {
			(void)snprintf(esc, sizeof(esc), "\\u%04x", ch);
			r = buf_puts(b, esc);
		} else
			r = buf_put_u8(b, ch);
	}
	return r != 0 ? r : buf_put_u8(b, '"');
}

int
buf_putb(struct buf *b, const struct buf *v)
{
	return buf_put(b, buf_ptr(v), buf_len(v));
}

int
buf_peek_u32(const struct buf *b, uint32_t *vp)
{
	const u_char *p = buf_ptr(b);

	*vp = 0;
	if (buf_len(b) < 4)
		return KE_TRUNCATED;
	*vp = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | (uint32_t)p[3];
	return 0;
}

int
buf_get_u32(struct buf *b, uint32_t *vp)
{
	int r;

	if ((r = buf_peek_u32(b, vp)) != 0)
		return r;
	b->off += 4;
	return 0;
}

int
buf_get_u8(struct buf *b, uint8_t *vp)
{
	*vp = 0;
	if (buf_len(b) < 1)
		return KE_TRUNCATED;
	*vp = b->d[b->off++];
	return 0;
}

int
buf_get_u64(struct buf *b, uint64_t *vp)
{
	uint32_t hi, lo;

	*vp = 0;
	if (buf_len(b) < 8)
		return KE_TRUNCATED;
	(void)buf_get_u32(b, &hi);
	(void)buf_get_u32(b, &lo);
	*vp = (uint64_t)hi << 32 | lo;
	return 0;
}

int
buf_get_fixed(struct buf *b, void *p, size_t n)
{
	if (buf_len(b) < n)
		return KE_TRUNCATED;
	if (n > 0)
		memcpy(p, b->d + b->off, n);
	b->off += n;
	return 0;
}

int
buf_get_magic(struct buf *b, const void *magic, size_t n)
{
	if (buf_len(b) < n)
		return KE_TRUNCATED;
	if (memcmp(b->d + b->off, magic, n) != 0)
		return KE_MAGIC;
	b->off += n;
	return 0;
}

int
buf_get_string_ptr(struct buf *b, const u_char **pp, size_t *lenp,
    size_t max)
{
	uint32_t n;
	int r;

	*pp = NULL;
	if (lenp != NULL)
		*lenp = 0;
	if ((r = buf_peek_u32(b, &n)) != 0)
		return r;
	if (n > max || n > KITH_MAXSTRING)
		return KE_TOOLONG;
	if (buf_len(b) - 4 < n)
		return KE_TRUNCATED;
	*pp = buf_ptr(b) + 4;
	if (lenp != NULL)
		*lenp = n;
	b->off += 4 + (size_t)n;
	return 0;
}

int
buf_get_string(struct buf *b, u_char **sp, size_t *lenp, size_t max)
{
	const u_char *p;
	size_t n;
	int r;

	*sp = NULL;
	if (lenp != NULL)
		*lenp = 0;
	if ((r = buf_get_string_ptr(b, &p, &n, max)) != 0)
		return r;
	if ((*sp = malloc(n + 1)) == NULL) {
		b->off -= 4 + n;
		return KE_NOMEM;
	}
	if (n > 0)
		memcpy(*sp, p, n);
	(*sp)[n] = '\0';
	if (lenp != NULL)
		*lenp = n;
	return 0;
}

int
buf_get_cstring(struct buf *b, char **sp, size_t max)
{
	const u_char *p;
	size_t n;
	int r;

	*sp = NULL;
	if ((r = buf_get_string_ptr(b, &p, &n, max)) != 0)
		return r;
	if (n > 0 && memchr(p, '\0', n) != NULL) {
		b->off -= 4 + n;
		return KE_NUL;
	}
	if ((*sp = malloc(n + 1)) == NULL) {
		b->off -= 4 + n;
		return KE_NOMEM;
	}
	if (n > 0)
		memcpy(*sp, p, n);
	(*sp)[n] = '\0';
	return 0;
}

int
buf_get_stringb(struct buf *b, struct buf **vp, size_t max)
{
	const u_char *p;
	size_t n;
	int r;

	*vp = NULL;
	if ((r = buf_get_string_ptr(b, &p, &n, max)) != 0)
		return r;
	if ((*vp = buf_view(p, n)) == NULL) {
		b->off -= 4 + n;
		return KE_NOMEM;
	}
	return 0;
}

int
buf_get_string_fixed(struct buf *b, void *p, size_t n)
{
	const u_char *s;
	size_t len;
	uint32_t v;
	int r;

	if ((r = buf_peek_u32(b, &v)) != 0)
		return r;
	if (v != n)
		return v > n ? KE_TOOLONG : KE_FORMAT;
	if ((r = buf_get_string_ptr(b, &s, &len, n)) != 0)
		return r;
	if (n > 0)
		memcpy(p, s, n);
	return 0;
}
