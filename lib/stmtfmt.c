/* stmtfmt.c: statements as bundle records and as text files. */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "b64.h"
#include "buf.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "sshsig.h"
#include "stmt.h"
#include "stmtpriv.h"
#include "store.h"

int
stmt_put(struct buf *b, const struct stmt *st)
{
	u_int i;
	int r;

	if (st->blob == NULL)
		return KE_INTERNAL;
	if ((r = buf_put_string(b, st->blob, st->bloblen)) != 0)
		return r;
	for (i = 0; i < stmt_nsigs(st->type); i++) {
		if (st->sig[i] == NULL)
			return KE_SIGNATURE;
		if ((r = buf_put_string(b, st->sig[i], st->siglen[i])) != 0)
			return r;
	}
	return 0;
}

int
stmt_get(const u_char *data, size_t len, u_int type, int verify,
    struct stmt **stp)
{
	struct buf *b = NULL;
	struct stmt *st = NULL;
	const u_char *p;
	size_t n;
	u_int i;
	int r = KE_NOMEM;

	*stp = NULL;
	if ((b = buf_view(data, len)) == NULL)
		goto out;
	if ((r = buf_get_string_ptr(b, &p, &n, STMT_MAXBLOB)) != 0 ||
	    (r = stmt_parse_blob(p, n, &st)) != 0)
		goto out;
	if (st->type != type) {
		r = KE_FORMAT;
		goto out;
	}
	for (i = 0; i < stmt_nsigs(type); i++)
		if ((r = buf_get_string_ptr(b, &p, &n, SSHSIG_MAXBLOB)) != 0 ||
		    (r = stmt_set_sig(st, i, p, n)) != 0)
			goto out;
	if ((r = buf_end(b)) != 0 || (verify && (r = stmt_verify(st)) != 0))
		goto out;
	*stp = st;
	st = NULL;
 out:
	stmt_free(st);
	buf_free(b);
	return r;
}

int
stmt_format(struct buf *out, const struct stmt *st)
{
	struct buf *t = NULL;
	u_int i;
	int r;

	if (st->blob == NULL || stmt_def(st->type) == NULL)
		return KE_INTERNAL;
	if ((t = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = b64_armour(t, stmt_label(st->type), st->blob,
	    st->bloblen)) != 0)
		goto out;
	for (i = 0; i < stmt_nsigs(st->type); i++) {
		if (st->sig[i] == NULL) {
			r = KE_SIGNATURE;
			goto out;
		}
		if ((r = sshsig_armour(t, st->sig[i], st->siglen[i])) != 0)
			goto out;
	}
	r = buf_putb(out, t);
 out:
	buf_free(t);
	return r;
}

/*
 * Decodes the statement block, whatever its label if *typep is 0, and
 * sets *typep to the type the label names.
 */
static int
dearmour_any(struct buf *blob, const char *text, size_t len, u_int *typep,
    size_t *endp)
{
	size_t i;
	int r = KE_ARMOUR;

	for (i = 0; i < nitems(stmt_defs); i++) {
		if (*typep != 0 && stmt_defs[i].type != *typep)
			continue;
		r = b64_dearmour(blob, stmt_defs[i].label, text, len, endp);
		if (r != KE_ARMOUR) {
			*typep = stmt_defs[i].type;
			return r;
		}
	}
	return r;
}

int
stmt_parse_text(const char *text, size_t len, u_int want,
    struct stmt **stp)
{
	struct buf *b = NULL;
	struct stmt *st = NULL;
	size_t off = 0, end;
	u_int i;
	int r = KE_NOMEM;

	*stp = NULL;
	if ((b = buf_new()) == NULL)
		goto out;
	if ((r = dearmour_any(b, text, len, &want, &off)) != 0 ||
	    (r = stmt_parse_blob(buf_ptr(b), buf_len(b), &st)) != 0)
		goto out;
	/* the label and the magic must agree */
	if (st->type != want) {
		r = KE_FORMAT;
		goto out;
	}
	for (i = 0; i < stmt_nsigs(st->type); i++) {
		buf_reset(b);
		r = sshsig_dearmour(b, text + off, len - off, &end);
		if (r != 0 || (r = stmt_attach(st, i, buf_ptr(b),
		    buf_len(b))) != 0)
			goto out;
		off += end;
	}
	for (; off < len; off++)
		if (text[off] != '\n' && text[off] != '\r') {
			r = KE_TRAILING;
			goto out;
		}
	*stp = st;
	st = NULL;
 out:
	stmt_free(st);
	buf_free(b);
	return r;
}
