/*
 * stmt.c: signed statements (revocation, withdrawal, successor) in each
 * form kith reads, and the files that keep them.  The first byte picks
 * the form, the rest is the input:
 *	0  a statement blob (stmt_parse_blob): encoding its fields again
 *	   gives the same blob
 *	1  a bundle record (stmt_get) of the type the byte's high bits
 *	   name: it writes back the same; checking the signatures then
 *	   agrees with stmt_get's own check
 *	2  the text form (stmt_parse_text): formatted again, it reads back
 *	   the same statement
 *	3  a line of the statements file (stmtstore_parse_line): written
 *	   again, it is the input's namespace and base64
 *	4  the statements file (stmtstore_load): what loads is checked
 *	5  the bundles-seen file (store_seen_get for the test key): what
 *	   is found is written again the same, and recorded again reads
 *	   back the same
 * Every statement that parses goes through stmt_dup, stmt_id and the
 * signature checks.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "kerr.h"
#include "key.h"
#include "stmt.h"
#include "stmtstore.h"
#include "fuzz.h"

#define NMODES	6

/* a and b are the same statement, signatures included. */
static int
stmt_equal(const struct stmt *a, const struct stmt *b)
{
	u_int i;

	if (a->type != b->type || a->bloblen != b->bloblen ||
	    memcmp(a->blob, b->blob, a->bloblen) != 0)
		return 0;
	for (i = 0; i < STMT_MAXSIGS; i++) {
		if ((a->sig[i] == NULL) != (b->sig[i] == NULL))
			return 0;
		if (a->sig[i] != NULL && (a->siglen[i] != b->siglen[i] ||
		    memcmp(a->sig[i], b->sig[i], a->siglen[i]) != 0))
			return 0;
	}
	return 1;
}

/* What holds for any statement a parser returned. */
static void
check_stmt(const struct stmt *st)
{
	struct stmt *d = NULL, *e;
	u_char id[STMT_IDLEN], id2[STMT_IDLEN];

	FZ_CHECK(stmt_namespace(st->type) != NULL);
	FZ_CHECK(st->blob != NULL && st->comment != NULL);
	FZ_CHECK(strlen(st->comment) <= STMT_MAXCOMMENT);
	if (st->type == STMT_REVOKE)
		FZ_CHECK(st->reason == STMT_COMPROMISED ||
		    st->reason == STMT_RETIRED);
	if (st->type == STMT_SUCCESSOR)
		FZ_CHECK(memcmp(st->pk, st->subject, KEY_PKLEN) != 0);
	FZ_CHECK(stmt_dup(st, &d) == 0 && stmt_equal(st, d));
	stmt_id(st, id);
	stmt_id(d, id2);
	FZ_CHECK(memcmp(id, id2, sizeof(id)) == 0);
	/* the fields encode to the blob they were parsed from */
	FZ_CHECK((e = stmt_new(st->type)) != NULL);
	memcpy(e->pk, st->pk, KEY_PKLEN);
	memcpy(e->subject, st->subject, KEY_PKLEN);
	memcpy(e->vouch, st->vouch, STMT_IDLEN);
	e->serial = st->serial;
	e->reason = st->reason;
	e->time = st->time;
	FZ_CHECK((e->comment = strdup(st->comment)) != NULL);
	FZ_CHECK(stmt_encode(e) == 0);
	FZ_CHECK(e->bloblen == st->bloblen &&
	    memcmp(e->blob, st->blob, st->bloblen) == 0);
	stmt_free(e);
	stmt_free(d);
}

static void
do_blob(const uint8_t *data, size_t len)
{
	struct stmt *st = NULL;
	int r;

	r = stmt_parse_blob(data, len, &st);
	FZ_CHECK((r == 0) == (st != NULL));
	if (st == NULL)
		return;
	FZ_CHECK(st->bloblen == len && memcmp(st->blob, data, len) == 0);
	check_stmt(st);
	/* no signature is there to check */
	FZ_CHECK(stmt_verify(st) == KE_SIGNATURE);
	stmt_free(st);
}

static void
do_record(u_int type, const uint8_t *data, size_t len)
{
	struct stmt *st = NULL, *v = NULL;
	struct buf *b;
	int r, rv;

	r = stmt_get(data, len, type, 0, &st);
	rv = stmt_get(data, len, type, 1, &v);
	FZ_CHECK((r == 0) == (st != NULL) && (rv == 0) == (v != NULL));
	if (st == NULL) {
		FZ_CHECK(rv == r);
		return;
	}
	FZ_CHECK(st->type == type);
	check_stmt(st);
	FZ_CHECK(rv == stmt_verify(st));
	FZ_CHECK(v == NULL || stmt_equal(st, v));
	FZ_CHECK((b = buf_new()) != NULL);
	FZ_CHECK(stmt_put(b, st) == 0);
	FZ_CHECK(buf_len(b) == len && memcmp(buf_ptr(b), data, len) == 0);
	buf_free(b);
	stmt_free(v);
	stmt_free(st);
}

static void
do_text(u_int want, const uint8_t *data, size_t len)
{
	struct stmt *st = NULL, *st2 = NULL;
	struct buf *b;
	int r;

	r = stmt_parse_text((const char *)data, len, want, &st);
	FZ_CHECK((r == 0) == (st != NULL));
	if (st == NULL)
		return;
	FZ_CHECK(want == 0 || st->type == want);
	check_stmt(st);
	FZ_CHECK(stmt_verify(st) == 0);
	FZ_CHECK((b = buf_new()) != NULL);
	FZ_CHECK(stmt_format(b, st) == 0);
	FZ_CHECK(stmt_parse_text((const char *)buf_ptr(b), buf_len(b),
	    st->type, &st2) == 0);
	FZ_CHECK(stmt_equal(st, st2));
	buf_free(b);
	stmt_free(st2);
	stmt_free(st);
}

static void
do_line(const uint8_t *data, size_t len)
{
	struct stmt *st = NULL, *st2 = NULL;
	struct buf *b;
	const char *ns;
	size_t n;
	int r;

	r = stmtstore_parse_line((const char *)data, len, &st);
	FZ_CHECK((r == 0) == (st != NULL));
	if (st == NULL)
		return;
	check_stmt(st);
	FZ_CHECK(stmt_verify(st) == 0);
	FZ_CHECK((b = buf_new()) != NULL);
	FZ_CHECK(stmtstore_line(b, st) == 0);
	n = buf_len(b);
	FZ_CHECK(n > 1 && buf_ptr(b)[n - 1] == '\n');
	FZ_CHECK(stmtstore_parse_line((const char *)buf_ptr(b), n - 1,
	    &st2) == 0);
	FZ_CHECK(stmt_equal(st, st2));
	/* written the way kith writes it, the line is ours, to the base64 */
	ns = stmt_namespace(st->type);
	if (len > strlen(ns) + 1 && memcmp(data, ns, strlen(ns)) == 0 &&
	    data[strlen(ns)] == ' ' && data[strlen(ns) + 1] != ' ' &&
	    data[strlen(ns) + 1] != '\t')
		FZ_CHECK(len >= n - 1 && memcmp(data, buf_ptr(b), n - 1) == 0);
	buf_free(b);
	stmt_free(st2);
	stmt_free(st);
}

static void
do_file(const uint8_t *data, size_t len)
{
	struct stmtset *ss = NULL;
	size_t i, lines = 0;
	int r;

	for (i = 0; i < len; i++)
		lines += data[i] == '\n';
	lines += len > 0 && data[len - 1] != '\n';
	fz_write_file(STORE_STMTS, data, len);
	r = stmtstore_load(fz_scratch(), &ss);
	FZ_CHECK((r == 0) == (ss != NULL));
	if (ss == NULL)
		return;
	FZ_CHECK(ss->n + ss->nbad <= lines);
	FZ_CHECK(ss->nbad == 0 || (ss->firstbad >= 1 &&
	    ss->firstbad <= lines && ss->firstbad_err < 0));
	for (i = 0; i < ss->n; i++) {
		check_stmt(ss->st[i]);
		FZ_CHECK(stmt_verify(ss->st[i]) == 0);
	}
	stmtset_free(ss);
}

/* The seen line for pk, as store_seen_set_locked writes it. */
static void
seen_line(struct buf *b, const u_char *pk, uint64_t seq, const u_char *h)
{
	char hexpk[65], hh[65], line[160];

	sodium_bin2hex(hexpk, sizeof(hexpk), pk, KEY_PKLEN);
	sodium_bin2hex(hh, sizeof(hh), h, 32);
	(void)snprintf(line, sizeof(line), "%s %llu %s", hexpk,
	    (unsigned long long)seq, hh);
	FZ_CHECK(buf_puts(b, line) == 0);
}

/* 1 if the first line of p[0..len) for pk's signer is line. */
static int
seen_has(const uint8_t *p, size_t len, const struct buf *line)
{
	const uint8_t *nl;
	size_t off = 0, n;

	while (off < len) {
		nl = memchr(p + off, '\n', len - off);
		n = nl != NULL ? (size_t)(nl - (p + off)) : len - off;
		if (n > 65 && memcmp(p + off, buf_ptr(line), 65) == 0)
			return n == buf_len(line) &&
			    memcmp(p + off, buf_ptr(line), n) == 0;
		off += n + 1;
	}
	return 0;
}

static void
do_seen(const uint8_t *data, size_t len)
{
	const u_char *pk = fz_test_key()->pk;
	const char *dir = fz_scratch();
	u_char h[32], h2[32];
	uint64_t seq, seq2;
	struct buf *b;
	int r, found, found2;

	fz_write_file(STORE_SEEN, data, len);
	memset(h, 0, sizeof(h));
	memset(h2, 0xff, sizeof(h2));
	r = store_seen_get(dir, pk, &seq, h, &found);
	FZ_CHECK(store_seen_get(dir, pk, &seq2, h2, &found2) == r);
	FZ_CHECK(found == found2 && seq == seq2);
	if (r != 0 || !found)
		return;
	/* the whole hash comes from the file */
	FZ_CHECK(memcmp(h, h2, sizeof(h)) == 0);
	/* and so does the whole line: the file holds it as kith writes it */
	FZ_CHECK((b = buf_new()) != NULL);
	seen_line(b, pk, seq, h);
	FZ_CHECK(seen_has(data, len, b));
	buf_free(b);
	/* recorded again, it reads back */
	h[0] ^= 1;
	FZ_CHECK(store_seen_set_locked(dir, pk, seq + 1, h) == 0);
	FZ_CHECK(store_seen_get(dir, pk, &seq2, h2, &found2) == 0);
	FZ_CHECK(found2 && seq2 == seq + 1 && memcmp(h, h2, 32) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	u_int sel, type;

	if (len < 1 || len > 256 * 1024)
		return 0;
	sel = data[0];
	type = STMT_REVOKE + (sel / NMODES) % 3;
	data++;
	len--;
	switch (sel % NMODES) {
	case 0:
		do_blob(data, len);
		break;
	case 1:
		do_record(type, data, len);
		break;
	case 2:
		do_text((sel / NMODES) % 4 == 3 ? 0 : type, data, len);
		break;
	case 3:
		do_line(data, len);
		break;
	case 4:
		do_file(data, len);
		break;
	default:
		do_seen(data, len);
		break;
	}
	return 0;
}
