/* hostfile.c: known_hosts names, hashing and lines. */
#include "compat.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <sha1.h>
#include <sodium.h>

#include "b64.h"
#include "buf.h"
#include "hostfile.h"
#include "kerr.h"
#include "key.h"

#define SHA1_BLOCK	64

int
hostfile_host(const char *s, char **namep)
{
	const char *end;
	size_t n, i;
	char *name;

	*namep = NULL;
	if (*s == '[') {
		if ((end = strchr(s, ']')) == NULL || end[1] != ':' ||
		    end[2] == '\0' || strspn(end + 2, "0123456789") !=
		    strlen(end + 2))
			return KE_FORMAT;
		s++;
		n = (size_t)(end - s);
	} else
		n = strlen(s);
	if (n == 0)
		return KE_FORMAT;
	if (n > KITH_MAXNAME)
		return KE_TOOLONG;
	if ((name = strndup(s, n)) == NULL)
		return KE_NOMEM;
	for (i = 0; i < n; i++)
		name[i] = (char)tolower((u_char)name[i]);
	*namep = name;
	return 0;
}

/* HMAC-SHA1 (RFC 2104) on libmd's SHA-1, for hashed known_hosts. */
static void
hmac_sha1(const u_char *key, size_t klen, const u_char *msg, size_t mlen,
    u_char *out)
{
	u_char k[SHA1_BLOCK], pad[SHA1_BLOCK], inner[SHA1_DIGEST_LENGTH];
	SHA1_CTX ctx;
	size_t i;

	memset(k, 0, sizeof(k));
	memcpy(k, key, klen);	/* klen <= 64 here: a 20-byte salt */
	for (i = 0; i < sizeof(pad); i++)
		pad[i] = k[i] ^ 0x36;
	SHA1Init(&ctx);
	SHA1Update(&ctx, pad, sizeof(pad));
	SHA1Update(&ctx, msg, mlen);
	SHA1Final(inner, &ctx);
	for (i = 0; i < sizeof(pad); i++)
		pad[i] = k[i] ^ 0x5c;
	SHA1Init(&ctx);
	SHA1Update(&ctx, pad, sizeof(pad));
	SHA1Update(&ctx, inner, sizeof(inner));
	SHA1Final(out, &ctx);
	explicit_bzero(k, sizeof(k));
	explicit_bzero(pad, sizeof(pad));
}

int
hostfile_hash(struct buf *out, const char *name, const u_char *salt)
{
	u_char s[HOSTFILE_SALTLEN], h[SHA1_DIGEST_LENGTH];
	int r;

	if (salt != NULL)
		memcpy(s, salt, sizeof(s));
	else
		randombytes_buf(s, sizeof(s));
	hmac_sha1(s, sizeof(s), (const u_char *)name, strlen(name), h);
	if ((r = buf_puts(out, "|1|")) != 0 ||
	    (r = b64_encode(out, s, sizeof(s))) != 0 ||
	    (r = buf_put_u8(out, '|')) != 0 ||
	    (r = b64_encode(out, h, sizeof(h))) != 0)
		return r;
	return 0;
}

static int
put_key_part(struct buf *out, const struct key *k)
{
	struct buf *line;
	int r;

	/* key_format_line without a comment is "type base64\n" */
	if ((line = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = key_format_line(line, k, NULL)) == 0)
		r = buf_putb(out, line);
	buf_free(line);
	return r;
}

int
hostfile_line(struct buf *out, const char *marker, const char *const *names,
    size_t n, const struct key *k, int hash)
{
	size_t i;
	int r = 0;

	for (i = 0; i < n && r == 0; i++) {
		if (marker != NULL && (i == 0 || hash) &&
		    ((r = buf_puts(out, marker)) != 0 ||
		    (r = buf_put_u8(out, ' ')) != 0))
			break;
		if (hash) {
			if ((r = hostfile_hash(out, names[i], NULL)) != 0 ||
			    (r = buf_put_u8(out, ' ')) != 0 ||
			    (r = put_key_part(out, k)) != 0)
				break;
			continue;
		}
		if ((r = buf_puts(out, names[i])) != 0 ||
		    (r = buf_put_u8(out, i + 1 < n ? ',' : ' ')) != 0)
			break;
		if (i + 1 == n)
			r = put_key_part(out, k);
	}
	return r;
}
