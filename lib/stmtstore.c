/* stmtstore.c: the statements file and the bundles-seen file. */
#include "compat.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "b64.h"
#include "buf.h"
#include "file.h"
#include "kdir.h"
#include "kerr.h"
#include "stmt.h"
#include "stmtstore.h"

#define STMT_MAXFILE	(64 * 1024 * 1024)
#define STMT_MAXLINE	(64 * 1024)
#define SEEN_LINE	(64 + 1 + 20 + 1 + 64)

static const u_int stmt_types[] = { STMT_REVOKE, STMT_WITHDRAW,
    STMT_SUCCESSOR };

int
stmtstore_line(struct buf *b, const struct stmt *st)
{
	struct buf *rec;
	int r;

	if ((rec = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = stmt_put(rec, st)) == 0 &&
	    (r = buf_puts(b, stmt_namespace(st->type))) == 0 &&
	    (r = buf_put_u8(b, ' ')) == 0 &&
	    (r = b64_encode(b, buf_ptr(rec), buf_len(rec))) == 0)
		r = buf_put_u8(b, '\n');
	buf_free(rec);
	return r;
}

int
stmtstore_parse_line(const char *s, size_t len, struct stmt **stp)
{
	struct buf *rec = NULL;
	const char *ns;
	size_t i = 0, n, e, k;
	int r = KE_KEYTYPE;

	*stp = NULL;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == len || s[i] == '#' || (len - i == 1 && s[i] == '\r'))
		return KE_NOTFOUND;
	for (k = 0; k < nitems(stmt_types); k++) {
		ns = stmt_namespace(stmt_types[k]);
		n = strlen(ns);
		if (len - i > n && strncmp(s + i, ns, n) == 0 &&
		    (s[i + n] == ' ' || s[i + n] == '\t'))
			break;
	}
	if (k == nitems(stmt_types))
		return KE_RECTYPE;
	for (i += n; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	for (e = i; e < len && s[e] != ' ' && s[e] != '\t' && s[e] != '\r';)
		e++;
	if ((rec = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = b64_decode(rec, s + i, e - i)) == 0)
		r = stmt_get(buf_ptr(rec), buf_len(rec), stmt_types[k], 1, stp);
	buf_free(rec);
	return r;
}

void
stmtset_free(struct stmtset *ss)
{
	size_t i;

	if (ss == NULL)
		return;
	for (i = 0; i < ss->n; i++)
		stmt_free(ss->st[i]);
	free(ss->st);
	free(ss);
}

static int
load_one(const char *l, size_t len, size_t line, void *arg)
{
	struct stmtset *ss = arg;
	struct stmt *st, **n;
	int r;

	if ((r = stmtstore_parse_line(l, len, &st)) == KE_NOTFOUND)
		return 0;
	if (r == KE_NOMEM)
		return r;
	if (r != 0) {
		if (ss->nbad++ == 0) {
			ss->firstbad = line;
			ss->firstbad_err = r;
		}
		return 0;
	}
	if ((n = reallocarray(ss->st, ss->n + 1, sizeof(*n))) == NULL) {
		stmt_free(st);
		return KE_NOMEM;
	}
	ss->st = n;
	ss->st[ss->n++] = st;
	return 0;
}

int
stmtstore_load(const char *dir, struct stmtset **ssp)
{
	struct stmtset *ss;
	char *path = NULL;
	int r;

	*ssp = NULL;
	if ((ss = calloc(1, sizeof(*ss))) == NULL)
		return KE_NOMEM;
	/* before reading: a change in between only makes it look stale */
	if ((r = store_fileid(dir, STORE_STMTS, &ss->fid)) == 0 &&
	    ss->fid.size > STMT_MAXFILE)
		r = KE_TOOBIG;
	else if (r == 0 && (r = kdir_path(dir, STORE_STMTS, &path)) == 0 &&
	    (r = file_each_line(path, STMT_MAXLINE, load_one, ss)) ==
	    KE_ERRNO(ENOENT))
		r = 0;
	free(path);
	if (r != 0) {
		stmtset_free(ss);
		return r;
	}
	*ssp = ss;
	return 0;
}

/* 1 if a statement with id is in ss. */
static int
has_id(const struct stmtset *ss, const u_char *id)
{
	u_char other[STMT_IDLEN];
	size_t i;

	for (i = 0; i < ss->n; i++) {
		stmt_id(ss->st[i], other);
		if (memcmp(other, id, STMT_IDLEN) == 0)
			return 1;
	}
	return 0;
}

/* Reads the file whole (missing: empty), for a rewrite. */
static int
read_text(const char *dir, const char *name, char **pathp, struct buf **bp)
{
	int r;

	if ((r = kdir_path(dir, name, pathp)) != 0)
		return r;
	r = file_read(*pathp, STMT_MAXFILE, bp);
	if (r == KE_ERRNO(ENOENT))
		r = (*bp = buf_new()) == NULL ? KE_NOMEM : 0;
	if (r == 0 && buf_len(*bp) > 0 &&
	    buf_ptr(*bp)[buf_len(*bp) - 1] != '\n')
		r = buf_put_u8(*bp, '\n');
	return r;
}

int
stmtstore_add_locked(const char *dir, struct stmt *const *st, size_t n,
    int dryrun, u_char *isnew)
{
	struct stmtset *ss = NULL;
	struct buf *text = NULL;
	u_char id[STMT_IDLEN];
	char *path = NULL;
	size_t i, j, added = 0;
	int r, dup;

	if ((r = stmtstore_load(dir, &ss)) != 0 ||
	    (r = read_text(dir, STORE_STMTS, &path, &text)) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		stmt_id(st[i], id);
		dup = has_id(ss, id);
		for (j = 0; j < i && !dup; j++) {
			u_char id2[STMT_IDLEN];

			stmt_id(st[j], id2);
			dup = memcmp(id, id2, sizeof(id)) == 0;
		}
		if (isnew != NULL)
			isnew[i] = !dup;
		if (!dup && (r = stmtstore_line(text, st[i])) != 0)
			goto out;
		added += !dup;
	}
	if (added > 0 && !dryrun)
		r = file_write_atomic(path, buf_ptr(text), buf_len(text), 0644);
 out:
	free(path);
	buf_free(text);
	stmtset_free(ss);
	return r;
}

/* Finds signer's line in the seen file: its offset, or -1. */
static int
seen_find(const struct buf *text, const char *hexpk, size_t *offp,
    size_t *lenp)
{
	const char *p = (const char *)buf_ptr(text), *nl;
	size_t off = 0, len;

	while (off < buf_len(text)) {
		nl = memchr(p + off, '\n', buf_len(text) - off);
		len = nl != NULL ? (size_t)(nl - (p + off)) :
		    buf_len(text) - off;
		if (len > 65 && strncmp(p + off, hexpk, 64) == 0 &&
		    p[off + 64] == ' ') {
			*offp = off;
			*lenp = len;
			return 1;
		}
		off += len + 1;
	}
	return 0;
}

/*
 * Parses the rest of a seen line s[0..len) after "pk ": "seq hash" as
 * store_seen_set_locked writes it (decimal without leading zeros, 64
 * lowercase hex digits), nothing else.
 */
static int
seen_parse(const char *s, size_t len, uint64_t *seqp, u_char *hash)
{
	uint64_t seq = 0;
	size_t i, d;

	for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
		d = (size_t)(s[i] - '0');
		if ((i == 1 && s[0] == '0') || seq > (UINT64_MAX - d) / 10)
			return KE_FORMAT;
		seq = seq * 10 + d;
	}
	if (i == 0 || len - i != 1 + 64 || s[i++] != ' ')
		return KE_FORMAT;
	for (d = i; d < len; d++)
		if ((s[d] < '0' || s[d] > '9') && (s[d] < 'a' || s[d] > 'f'))
			return KE_FORMAT;
	if (sodium_hex2bin(hash, 32, s + i, 64, NULL, &d, NULL) != 0 ||
	    d != 32)
		return KE_FORMAT;
	*seqp = seq;
	return 0;
}

int
store_seen_get(const char *dir, const u_char *pk, uint64_t *seqp,
    u_char *hash, int *foundp)
{
	struct buf *text = NULL;
	char *path = NULL, hexpk[65];
	size_t off, len;
	int r;

	*foundp = 0;
	*seqp = 0;
	sodium_bin2hex(hexpk, sizeof(hexpk), pk, 32);
	if ((r = read_text(dir, STORE_SEEN, &path, &text)) != 0)
		goto out;
	if (!seen_find(text, hexpk, &off, &len))
		goto out;
	if ((r = seen_parse((const char *)buf_ptr(text) + off + 65, len - 65,
	    seqp, hash)) != 0)
		goto out;
	*foundp = 1;
 out:
	free(path);
	buf_free(text);
	return r;
}

int
store_seen_set_locked(const char *dir, const u_char *pk, uint64_t seq,
    const u_char *hash)
{
	struct store_seen e = { pk, seq, hash, 0 };

	return store_seen_update_locked(dir, &e, 1);
}

/* Puts e's line in place of text's line for its key, or at the end. */
static int
seen_put(struct buf **textp, const struct store_seen *e, int *changedp)
{
	struct buf *text = *textp, *out;
	char hexpk[65], hh[65], line[SEEN_LINE + 2];
	u_char oldh[32];
	uint64_t had;
	size_t off, len;
	int r, found;

	sodium_bin2hex(hexpk, sizeof(hexpk), e->pk, 32);
	sodium_bin2hex(hh, sizeof(hh), e->hash, 32);
	snprintf(line, sizeof(line), "%s %llu %s\n", hexpk,
	    (unsigned long long)e->seq, hh);
	found = seen_find(text, hexpk, &off, &len);
	/* raise-only: a line that does not parse is replaced */
	if (found && e->raise && seen_parse((const char *)buf_ptr(text) +
	    off + 65, len - 65, &had, oldh) == 0 && had >= e->seq)
		return 0;
	if (found && len + 1 == strlen(line) &&
	    memcmp(buf_ptr(text) + off, line, len) == 0)
		return 0;	/* the same line */
	if ((out = buf_new()) == NULL)
		return KE_NOMEM;
	if (found) {
		/* the line's newline, unless it is the last line without */
		len += off + len < buf_len(text);
		if ((r = buf_put(out, buf_ptr(text), off)) != 0 ||
		    (r = buf_puts(out, line)) != 0 ||
		    (r = buf_put(out, buf_ptr(text) + off + len,
		    buf_len(text) - off - len)) != 0)
			goto out;
	} else if ((r = buf_putb(out, text)) != 0 ||
	    (r = buf_puts(out, line)) != 0)
		goto out;
	buf_free(text);
	*textp = out;
	out = NULL;
	*changedp = 1;
 out:
	buf_free(out);
	return r;
}

int
store_seen_update_locked(const char *dir, const struct store_seen *v,
    size_t n)
{
	struct buf *text = NULL;
	char *path = NULL;
	size_t i;
	int r, changed = 0;

	if ((r = read_text(dir, STORE_SEEN, &path, &text)) != 0)
		goto out;
	for (i = 0; i < n; i++)
		if ((r = seen_put(&text, &v[i], &changed)) != 0)
			goto out;
	if (changed)
		r = file_write_atomic(path, buf_ptr(text), buf_len(text),
		    0644);
 out:
	free(path);
	buf_free(text);
	return r;
}
