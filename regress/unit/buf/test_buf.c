/* Unit tests for lib/buf.c. */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "b64.h"
#include "buf.h"
#include "kerr.h"
#include "test.h"

#define BUF_MAXTEST	((size_t)512 * 1024 * 1024)	/* over buf.c's cap */

static void
test_ints(void)
{
	struct buf *b = buf_new();
	uint8_t u8;
	uint32_t u32;
	uint64_t u64;

	T_OK(b != NULL, "buf_new");
	T_EQ(buf_put_u8(b, 0xab), 0, "put u8");
	T_EQ(buf_put_u32(b, 0x01020304), 0, "put u32");
	T_EQ(buf_put_u64(b, 0x0506070809101112ULL), 0, "put u64");
	T_EQ(buf_len(b), 13, "length 13");
	T_MEM(buf_ptr(b), "\xab\x01\x02\x03\x04\x05\x06\x07\x08\x09\x10"
	    "\x11\x12", 13, "big-endian layout");
	T_EQ(buf_get_u8(b, &u8), 0, "get u8");
	T_EQ(u8, 0xab, "u8 value");
	T_EQ(buf_get_u32(b, &u32), 0, "get u32");
	T_EQ(u32, 0x01020304, "u32 value");
	T_EQ(buf_get_u64(b, &u64), 0, "get u64");
	T_EQ(u64, 0x0506070809101112ULL, "u64 value");
	T_EQ(buf_end(b), 0, "all consumed");
	T_EQ(buf_get_u8(b, &u8), KE_TRUNCATED, "u8 past end");
	T_EQ(buf_get_u32(b, &u32), KE_TRUNCATED, "u32 past end");
	T_EQ(buf_get_u64(b, &u64), KE_TRUNCATED, "u64 past end");
	buf_free(b);
}

static void
test_strings(void)
{
	struct buf *b = buf_new(), *v, *sub;
	u_char *s;
	char *cs;
	size_t len, i;
	const u_char *p;

	T_EQ(buf_put_cstring(b, "hello"), 0, "put cstring");
	T_EQ(buf_put_string(b, "a\0b", 3), 0, "put string with NUL");
	T_EQ(buf_len(b), 16, "two strings are 16 bytes");
	T_EQ(buf_get_string(b, &s, &len, 4), KE_TOOLONG, "cap enforced");
	T_EQ(buf_len(b), 16, "failed get consumes nothing");
	T_EQ(buf_get_string(b, &s, &len, 5), 0, "get string at cap");
	T_OK(len == 5 && strcmp((char *)s, "hello") == 0, "string value");
	free(s);
	T_EQ(buf_get_cstring(b, &cs, 100), KE_NUL, "cstring rejects NUL");
	T_EQ(buf_len(b), 7, "rejected cstring not consumed");
	T_EQ(buf_get_string_ptr(b, &p, &len, 100), 0, "string_ptr");
	T_OK(len == 3 && memcmp(p, "a\0b", 3) == 0, "string_ptr value");
	buf_free(b);

	/* every truncation of a string fails cleanly */
	b = buf_new();
	buf_put_cstring(b, "truncate me");
	for (i = 0; i < 15; i++) {
		v = buf_view(buf_ptr(b), i);
		T_EQ(buf_get_cstring(v, &cs, 100), KE_TRUNCATED,
		    "truncated at %zu", i);
		T_EQ(buf_len(v), i, "nothing consumed at %zu", i);
		buf_free(v);
	}
	v = buf_view(buf_ptr(b), 15);
	T_EQ(buf_get_stringb(v, &sub, 100), 0, "stringb");
	T_EQ(buf_len(sub), 11, "stringb view length");
	buf_free(sub);
	buf_free(v);
	buf_free(b);
}

static void
test_growth(void)
{
	struct buf *b = buf_new_secure(), *c;
	const u_char *p;
	u_char blk[1000];
	size_t i;
	uint32_t n = 0xffffffff;

	memset(blk, 0x5a, sizeof(blk));
	for (i = 0; i < 100; i++)
		buf_put(b, blk, sizeof(blk));
	T_EQ(buf_len(b), 100000, "secure buffer grows");
	T_EQ(buf_consume(b, 99999), 0, "consume");
	T_EQ(buf_consume(b, 2), KE_TRUNCATED, "over-consume");
	T_EQ(buf_consume_tail(b, 1), 0, "consume tail");
	T_EQ(buf_len(b), 0, "empty");
	buf_free(b);

	/* room made ahead: appending up to it moves nothing */
	c = buf_new();
	T_EQ(buf_put(c, blk, 10), 0, "a few bytes");
	T_EQ(buf_room(c, 5000), 0, "room for 5000 more");
	p = buf_ptr(c);
	for (i = 0; i < 5; i++)
		buf_put(c, blk, sizeof(blk));
	T_OK(buf_ptr(c) == p && buf_len(c) == 5010, "appends stayed put");
	T_EQ(buf_room(c, BUF_MAXTEST), KE_TOOLONG, "room past the cap");
	buf_free(c);

	/* a huge claimed length is refused without allocating */
	c = buf_new();
	buf_put_u32(c, n);
	T_EQ(buf_get_stringb(c, &b, KITH_MAXSTRING), KE_TOOLONG,
	    "0xffffffff length refused");
	T_EQ(buf_get_string_fixed(c, blk, 4), KE_TOOLONG, "fixed too long");
	buf_free(c);
	c = buf_view("\0\0\0\3abc", 7);
	T_EQ(buf_get_string_fixed(c, blk, 4), KE_FORMAT, "fixed too short");
	T_EQ(buf_put_u8(c, 1), KE_INTERNAL, "views are read-only");
	T_EQ(buf_get_magic(c, "\0\0\0\4", 4), KE_MAGIC, "wrong magic");
	T_EQ(buf_get_magic(c, "\0\0\0\3", 4), 0, "right magic");
	T_OK(buf_equal(c, c), "buf_equal");
	buf_free(c);
}

/* Found by fuzzing: libsodium's decoder let a high byte through. */
static void
test_b64_alphabet(void)
{
	struct buf *b = buf_new();

	T_EQ(b64_decode(b, "AAAA", 4), 0, "base64 AAAA");
	T_EQ(b64_decode(b, "AA\377A", 4), KE_BASE64, "a high byte");
	T_EQ(b64_decode(b, "AA A", 4), KE_BASE64, "a blank");
	T_EQ(b64_decode(b, "AA-A", 4), KE_BASE64, "url-safe alphabet");
	T_EQ(buf_len(b), 3, "only the good input was decoded");
	buf_free(b);
}

/* b64_encode_at writes what b64_encode appends, for every tail length. */
static void
test_b64_at(void)
{
	u_char in[300];
	struct buf *b;
	char d[420];
	size_t len;

	for (len = 0; len < sizeof(in); len++)
		in[len] = (u_char)(len * 37 + (len >> 3));
	for (len = 0; len <= sizeof(in); len++) {
		b = buf_new();
		memset(d, '!', sizeof(d));
		b64_encode(b, in, len);
		b64_encode_at(d, in, len);
		T_OK(buf_len(b) == b64_encoded_len(len) &&
		    memcmp(d, buf_ptr(b), buf_len(b)) == 0 &&
		    d[buf_len(b)] == '\0' && d[buf_len(b) + 1] == '!',
		    "base64 of %zu bytes, in place", len);
		buf_free(b);
	}
}

/*
 * Found by fuzzing (fuzz/pairing, clang's UBSan): 0 bytes reserved in a
 * buffer never allocated computed NULL + 0.
 */
static void
test_reserve_empty(void)
{
	struct buf *b = buf_new(), *c;
	u_char *p = (u_char *)"x";

	T_EQ(buf_reserve(b, 0, &p), 0, "reserve 0 in an empty buffer");
	T_OK(p == NULL && buf_len(b) == 0, "nothing reserved, no storage");
	T_EQ(buf_put(b, "", 0), 0, "put 0 bytes");
	c = buf_from("", 0);
	T_OK(c != NULL && buf_len(c) == 0, "buf_from 0 bytes");
	T_EQ(buf_reserve(b, 3, &p), 0, "reserve 3");
	T_OK(p != NULL && buf_len(b) == 3, "3 bytes reserved");
	buf_free(c);
	buf_free(b);
}

/* Text: numbers in decimal, JSON strings escaped. */
static void
test_text(void)
{
	struct buf *b = buf_new();

	T_OK(buf_put_num(b, 0) == 0 && buf_put_u8(b, ' ') == 0 &&
	    buf_put_num(b, 18446744073709551615ULL) == 0,
	    "numbers: 0 and 2^64-1");
	T_OK(buf_len(b) == 22 && memcmp(buf_ptr(b), "0 18446744073709551615",
	    22) == 0, "... in decimal");
	buf_reset(b);
	T_EQ(buf_put_json_str(b, "a\"b\\c\n\x7f\xc3\xa9"), 0, "a JSON string");
	T_OK(buf_len(b) == 33 && memcmp(buf_ptr(b),
	    "\"a\\\"b\\\\c\\u000a\\u007f\\u00c3\\u00a9\"", 33) == 0,
	    "... quote, backslash, control, DEL and non-ASCII escaped");
	buf_reset(b);
	T_OK(buf_put_json_str(b, "") == 0 && buf_len(b) == 2 &&
	    memcmp(buf_ptr(b), "\"\"", 2) == 0, "... the empty string");
	buf_free(b);
}

int
main(void)
{
	test_ints();
	test_strings();
	test_growth();
	test_b64_alphabet();
	test_b64_at();
	test_reserve_empty();
	test_text();
	return t_done();
}
