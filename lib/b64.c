/* b64.c: base64 and armour on top of libsodium. */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "b64.h"
#include "buf.h"
#include "kerr.h"

#define B64_WRAP	70
#define B64_VARIANT	sodium_base64_VARIANT_ORIGINAL

int
b64_encode(struct buf *out, const void *p, size_t len)
{
	size_t n;
	u_char *d;
	int r;

	if (len > KITH_MAXFILE)
		return KE_TOOLONG;
	n = sodium_base64_encoded_len(len, B64_VARIANT);
	if ((r = buf_reserve(out, n, &d)) != 0)
		return r;
	sodium_bin2base64((char *)d, n, p, len, B64_VARIANT);
	/* drop the NUL sodium writes */
	return buf_consume_tail(out, 1);
}

size_t
b64_encoded_len(size_t len)
{
	return sodium_base64_encoded_len(len, B64_VARIANT) - 1;
}

/* A table, not sodium's constant-time code: this is for public data. */
void
b64_encode_at(char *d, const void *p, size_t len)
{
	static const char abc[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const u_char *s = p;
	uint32_t v;
	size_t i;

	for (i = 0; len - i >= 3; i += 3) {
		v = (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8 | s[i + 2];
		*d++ = abc[v >> 18];
		*d++ = abc[v >> 12 & 63];
		*d++ = abc[v >> 6 & 63];
		*d++ = abc[v & 63];
	}
	if (i < len) {
		v = (uint32_t)s[i] << 16 |
		    (i + 1 < len ? (uint32_t)s[i + 1] << 8 : 0);
		*d++ = abc[v >> 18];
		*d++ = abc[v >> 12 & 63];
		*d++ = i + 1 < len ? abc[v >> 6 & 63] : '=';
		*d++ = '=';
	}
	*d = '\0';
}

/* 1 if c is in the base64 alphabet (ASCII, whatever the locale). */
static int
b64_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
}

int
b64_decode(struct buf *out, const char *s, size_t len)
{
	size_t max = len / 4 * 3, n = 0;
	const char *end = NULL;
	u_char *d;
	int r;

	if (len == 0)
		return 0;
	if (len % 4 != 0)
		return KE_BASE64;
	/* only the alphabet: libsodium's decoder is lenient with high bytes */
	for (n = 0; n < len; n++)
		if (!b64_char(s[n]))
			return KE_BASE64;
	n = 0;
	/* decode in place at the end of out, so its storage (secure or
	 * not, as the caller chose) is the only copy */
	if ((r = buf_reserve(out, max, &d)) != 0)
		return r;
	if (sodium_base642bin(d, max, s, len, NULL, &n, &end,
	    B64_VARIANT) != 0 || end != s + len)
		r = KE_BASE64;
	sodium_memzero(d + (r == 0 ? n : 0), r == 0 ? max - n : max);
	(void)buf_consume_tail(out, r == 0 ? max - n : max);
	return r;
}

int
b64_armour(struct buf *out, const char *label, const void *p, size_t len)
{
	struct buf *enc = NULL;
	size_t n;
	int r;

	if ((enc = buf_new_secure()) == NULL)
		return KE_NOMEM;
	if ((r = b64_encode(enc, p, len)) != 0 ||
	    (r = buf_put(out, "-----BEGIN ", 11)) != 0 ||
	    (r = buf_put(out, label, strlen(label))) != 0 ||
	    (r = buf_put(out, "-----\n", 6)) != 0)
		goto out;
	while (buf_len(enc) > 0) {
		n = buf_len(enc) < B64_WRAP ? buf_len(enc) : B64_WRAP;
		if ((r = buf_put(out, buf_ptr(enc), n)) != 0 ||
		    (r = buf_put(out, "\n", 1)) != 0 ||
		    (r = buf_consume(enc, n)) != 0)
			goto out;
	}
	if ((r = buf_put(out, "-----END ", 9)) != 0 ||
	    (r = buf_put(out, label, strlen(label))) != 0 ||
	    (r = buf_put(out, "-----\n", 6)) != 0)
		goto out;
 out:
	buf_free(enc);
	return r;
}

/* Length of the marker line "-----WHAT label-----" if s starts with it. */
static size_t
marker_len(const char *s, size_t len, const char *what, const char *label)
{
	size_t w = strlen(what), l = strlen(label);

	if (len < 10 + w + l || strncmp(s, "-----", 5) != 0 ||
	    strncmp(s + 5, what, w) != 0 || strncmp(s + 5 + w, label, l) != 0 ||
	    strncmp(s + 5 + w + l, "-----", 5) != 0)
		return 0;
	return 10 + w + l;
}

int
b64_dearmour(struct buf *out, const char *label, const char *text,
    size_t len, size_t *endp)
{
	struct buf *body = NULL;
	size_t i = 0, e, n;
	int r = KE_ARMOUR;

	if (endp != NULL)
		*endp = 0;
	while (i < len && (text[i] == '\n' || text[i] == '\r'))
		i++;
	if ((n = marker_len(text + i, len - i, "BEGIN ", label)) == 0)
		return KE_ARMOUR;
	i += n;
	if (i < len && text[i] == '\r')
		i++;
	if (i >= len || text[i] != '\n')
		return KE_ARMOUR;
	if ((body = buf_new_secure()) == NULL)
		return KE_NOMEM;
	for (;;) {
		while (i < len && (text[i] == '\r' || text[i] == '\n'))
			i++;
		if (i >= len)
			goto out;	/* no END line */
		if ((n = marker_len(text + i, len - i, "END ", label)) != 0)
			break;
		for (e = i; e < len && text[e] != '\n' && text[e] != '\r'; e++)
			;
		if ((r = buf_put(body, text + i, e - i)) != 0)
			goto out;
		r = KE_ARMOUR;
		i = e;
	}
	i += n;
	if (i < len && text[i] == '\r')
		i++;
	if (i < len && text[i] == '\n')
		i++;
	if ((r = b64_decode(out, (const char *)buf_ptr(body),
	    buf_len(body))) != 0)
		goto out;
	if (endp != NULL)
		*endp = i;
	r = 0;
 out:
	buf_free(body);
	return r;
}
