/*
 * pubkey.c: the public key line, key_parse_text.  A key read back from
 * the line key_format_line writes must be the same key, and the base64
 * it writes must be the base64 that was read (no second encoding).
 */
#include "compat.h"

#include <string.h>

#include "buf.h"
#include "kerr.h"
#include "key.h"
#include "fuzz.h"

static void
round_trip(const char *s, size_t len, size_t used, const struct key *k)
{
	struct buf *out;
	struct key *k2 = NULL;
	const char *line;
	size_t bs, tw, used2;

	FZ_CHECK((out = buf_new()) != NULL);
	FZ_CHECK(key_format_line(out, k, NULL) == 0);
	/* the line without its newline, as callers pass lines */
	line = (const char *)buf_ptr(out);
	FZ_CHECK(buf_len(out) > 0 && line[buf_len(out) - 1] == '\n');
	FZ_CHECK(key_parse_text(line, buf_len(out) - 1, &k2, &used2) == 0);
	FZ_CHECK(key_equal_public(k, k2));
	FZ_CHECK((k->cert == NULL) == (k2->cert == NULL));
	FZ_CHECK(used2 == buf_len(out) - 1);
	/* the base64 field of the input, as key_parse_text found it */
	tw = strlen(key_type(k));
	FZ_CHECK(len >= tw && memcmp(s, key_type(k), tw) == 0);
	for (bs = tw; bs < used && (s[bs] == ' ' || s[bs] == '\t'); bs++)
		;
	FZ_CHECK(used - bs == used2 - (tw + 1));
	FZ_CHECK(memcmp(s + bs, line + tw + 1, used - bs) == 0);
	key_free(k2);
	buf_free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	const char *s = (const char *)data;
	struct key *k = NULL;
	size_t used = 1;
	int r;

	if (len > KITH_MAXLINE)
		return 0;
	r = key_parse_text(s, len, &k, &used);
	if (r != 0) {
		FZ_CHECK(k == NULL && used == 0);
		return 0;
	}
	FZ_CHECK(k != NULL && k->sk == NULL);
	FZ_CHECK(used > 0 && used <= len);
	round_trip(s, len, used, k);
	key_free(k);
	return 0;
}
