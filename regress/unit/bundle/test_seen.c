/*
 * Unit tests for the bundles-seen file (lib/stmtstore.c): a line reads
 * back as written, and a line kith would not write is refused whole
 * (found by fuzz/stmt: a short hash left the rest of the caller's hash
 * unset, and a seq of "-1" read as 2^64 - 1).
 */
#include "compat.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "exchange.h"
#include "kerr.h"
#include "key.h"
#include "stmtstore.h"
#include "test.h"
#include "t_bundle.h"

static char dir[64];

/* Writes the seen file: pk's line with rest after "hexpk ". */
static void
put_line(const u_char *pk, const char *rest)
{
	char path[128], hexpk[65];
	FILE *f;

	sodium_bin2hex(hexpk, sizeof(hexpk), pk, KEY_PKLEN);
	snprintf(path, sizeof(path), "%s/%s", dir, STORE_SEEN);
	if ((f = fopen(path, "w")) == NULL)
		abort();
	fprintf(f, "%s 1 %s\n%s %s\n", "ab", "cd", hexpk, rest);
	fclose(f);
}

static int
get(const u_char *pk, uint64_t *seqp, u_char *h)
{
	int found = 0, r;

	r = store_seen_get(dir, pk, seqp, h, &found);
	return r != 0 ? r : found ? 0 : KE_NOTFOUND;
}

void
test_seen(void)
{
	/* a line: seq, the first hlen digits of the hash, then tail */
	static const struct {
		const char	*seq;
		int		 hlen;
		const char	*tail;
	} bad[] = {
		{ "-1 ", 64, "" }, { "+1 ", 64, "" }, { "07 ", 64, "" },
		{ " 7 ", 64, "" }, { "7  ", 64, "" }, { "7 ", 64, " " },
		{ "7 ", 64, "\r" }, { "18446744073709551616 ", 64, "" },
		{ "7 ", 62, "" }, { "7 ", 64, "ab" }, { "7", 0, "" },
		{ "7 ", 63, "G" }, { "7 ", 63, "A" },
	};
	struct key *k = tb_key();
	u_char h[32], h2[32];
	char hh[65], rest[200];
	uint64_t seq;
	size_t i;

	snprintf(dir, sizeof(dir), "/tmp/kith-seen.XXXXXX");
	T_OK(mkdtemp(dir) != NULL, "scratch directory");
	memset(h, 0x5a, sizeof(h));
	sodium_bin2hex(hh, sizeof(hh), h, sizeof(h));
	T_EQ(get(k->pk, &seq, h2), KE_NOTFOUND, "seen: no file");
	T_EQ(store_seen_set_locked(dir, k->pk, UINT64_MAX, h), 0, "seen: set");
	T_EQ(get(k->pk, &seq, h2), 0, "seen: found");
	T_OK(seq == UINT64_MAX && memcmp(h, h2, 32) == 0, "seen: read back");
	snprintf(rest, sizeof(rest), "0 %s", hh);
	put_line(k->pk, rest);
	T_OK(get(k->pk, &seq, h2) == 0 && seq == 0, "seen: seq 0");
	for (i = 0; i < nitems(bad); i++) {
		snprintf(rest, sizeof(rest), "%s%.*s%s", bad[i].seq,
		    bad[i].hlen, hh, bad[i].tail);
		put_line(k->pk, rest);
		T_EQ(get(k->pk, &seq, h2), KE_FORMAT, "seen: refused: \"%s\"",
		    rest);
	}
	snprintf(rest, sizeof(rest), "%s/%s", dir, STORE_SEEN);
	unlink(rest);
	rmdir(dir);
	key_free(k);
}

/*
 * The next bundle's sequence number: the clock in microseconds, or one
 * above the last when that is larger; so a store restored from a backup
 * (an older last) still goes past what its peers saw.
 */
void
test_next_seq(void)
{
	uint64_t t0, t1, seq, seq2, far;

	t0 = (uint64_t)time(NULL) * 1000000;
	T_EQ(exchange_next_seq(0, 0, &seq), 0, "next seq: none yet");
	t1 = ((uint64_t)time(NULL) + 1) * 1000000;
	T_OK(seq >= t0 && seq <= t1, "next seq: the clock in us (%llu)",
	    (unsigned long long)seq);
	T_EQ(exchange_next_seq(1, 7, &seq2), 0, "next seq: after 7");
	T_OK(seq2 >= seq && seq2 <= t1 + 1000000,
	    "next seq: a small last gives the clock");
	T_EQ(exchange_next_seq(1, seq2, &seq), 0, "next seq: after itself");
	T_OK(seq > seq2, "next seq: grows");
	far = t1 + (uint64_t)86400 * 365 * 1000000;
	T_EQ(exchange_next_seq(1, far, &seq), 0, "next seq: a last ahead");
	T_OK(seq == far + 1, "next seq: one above a last ahead of the clock");
	T_EQ(exchange_next_seq(1, UINT64_MAX, &seq), KE_RANGE,
	    "next seq: none after the largest");
}
