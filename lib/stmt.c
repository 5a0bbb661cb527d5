/* stmt.c: revocations, withdrawals and successor statements. */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "b64.h"
#include "buf.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "sha256.h"
#include "sshsig.h"
#include "stmt.h"
#include "stmtpriv.h"
#include "store.h"

const struct stmtdef stmt_defs[STMT_NDEFS] = {
	{ STMT_REVOKE, "kith-revoke", sizeof("kith-revoke"),
	    STMT_NS_REVOKE, "KITH REVOCATION", 1 },
	{ STMT_WITHDRAW, "kith-withdraw", sizeof("kith-withdraw"),
	    STMT_NS_WITHDRAW, "KITH WITHDRAWAL", 1 },
	{ STMT_SUCCESSOR, "kith-successor", sizeof("kith-successor"),
	    STMT_NS_SUCCESSOR, "KITH SUCCESSOR", 2 },
};

const struct stmtdef *
stmt_def(u_int type)
{
	size_t i;

	for (i = 0; i < nitems(stmt_defs); i++)
		if (stmt_defs[i].type == type)
			return &stmt_defs[i];
	return NULL;
}

const char *
stmt_namespace(u_int type)
{
	const struct stmtdef *d = stmt_def(type);

	return d == NULL ? NULL : d->ns;
}

const char *
stmt_label(u_int type)
{
	const struct stmtdef *d = stmt_def(type);

	return d == NULL ? NULL : d->label;
}

u_int
stmt_nsigs(u_int type)
{
	const struct stmtdef *d = stmt_def(type);

	return d == NULL ? 0 : d->nsigs;
}

const u_char *
stmt_signer(const struct stmt *st, u_int i)
{
	if (i >= stmt_nsigs(st->type))
		return NULL;
	return i == 0 ? st->pk : st->subject;
}

struct stmt *
stmt_new(u_int type)
{
	struct stmt *st;

	if (stmt_def(type) == NULL || (st = calloc(1, sizeof(*st))) == NULL)
		return NULL;
	st->type = type;
	return st;
}

static void
drop_sigs(struct stmt *st)
{
	u_int i;

	for (i = 0; i < STMT_MAXSIGS; i++) {
		free(st->sig[i]);
		st->sig[i] = NULL;
		st->siglen[i] = 0;
	}
}

void
stmt_free(struct stmt *st)
{
	if (st == NULL)
		return;
	drop_sigs(st);
	free(st->blob);
	free(st->comment);
	free(st);
}

static int
memdup(const u_char *p, size_t len, u_char **dp)
{
	*dp = NULL;
	if (p == NULL)
		return 0;
	if ((*dp = malloc(len == 0 ? 1 : len)) == NULL)
		return KE_NOMEM;
	memcpy(*dp, p, len);
	return 0;
}

int
stmt_dup(const struct stmt *st, struct stmt **dp)
{
	struct stmt *d;
	int r = KE_NOMEM;
	u_int i;

	*dp = NULL;
	if ((d = calloc(1, sizeof(*d))) == NULL)
		return KE_NOMEM;
	*d = *st;
	d->comment = NULL;
	d->blob = NULL;
	memset(d->sig, 0, sizeof(d->sig));
	if (st->comment != NULL && (d->comment = strdup(st->comment)) == NULL)
		goto out;
	if ((r = memdup(st->blob, st->bloblen, &d->blob)) != 0)
		goto out;
	for (i = 0; i < STMT_MAXSIGS; i++)
		if ((r = memdup(st->sig[i], st->siglen[i], &d->sig[i])) != 0)
			goto out;
	*dp = d;
	d = NULL;
 out:
	stmt_free(d);
	return r;
}

void
stmt_id(const struct stmt *st, u_char *id)
{
	sha256(id, st->blob, st->bloblen);
}

int
stmt_put_key(struct buf *b, const u_char *pk)
{
	int r;

	if ((r = buf_put_u32(b, KEY_BLOBLEN)) != 0 ||
	    (r = buf_put_cstring(b, KEY_TYPE)) != 0)
		return r;
	return buf_put_string(b, pk, KEY_PKLEN);
}

int
stmt_get_key(struct buf *b, u_char *pk)
{
	struct buf *kb = NULL;
	int r;

	if ((r = buf_get_stringb(b, &kb, KITH_MAXSTRING)) != 0)
		return r;
	if ((r = buf_get_magic(kb, "\0\0\0\013" KEY_TYPE, 15)) != 0)
		r = KE_KEYTYPE;
	else if ((r = buf_get_string_fixed(kb, pk, KEY_PKLEN)) != 0 ||
	    (r = buf_end(kb)) != 0)
		r = KE_BADKEY;
	buf_free(kb);
	return r;
}

/* The rules both the encoder and the parser apply. */
static int
check_fields(const struct stmt *st)
{
	if (st->comment != NULL && strlen(st->comment) > STMT_MAXCOMMENT)
		return KE_TOOLONG;
	if (st->type == STMT_REVOKE && st->reason != STMT_COMPROMISED &&
	    st->reason != STMT_RETIRED)
		return KE_FORMAT;
	if (st->type == STMT_SUCCESSOR &&
	    memcmp(st->pk, st->subject, KEY_PKLEN) == 0)
		return KE_FORMAT;
	return 0;
}

static int
put_fields(struct buf *b, const struct stmt *st)
{
	int r = 0;

	switch (st->type) {
	case STMT_REVOKE:
		if ((r = stmt_put_key(b, st->pk)) == 0)
			r = buf_put_u32(b, st->reason);
		break;
	case STMT_WITHDRAW:
		if ((r = stmt_put_key(b, st->pk)) != 0 ||
		    (r = buf_put_string(b, st->vouch, STMT_IDLEN)) != 0 ||
		    (r = stmt_put_key(b, st->subject)) != 0)
			break;
		r = buf_put_u64(b, st->serial);
		break;
	case STMT_SUCCESSOR:
		if ((r = stmt_put_key(b, st->pk)) == 0)
			r = stmt_put_key(b, st->subject);
		break;
	}
	if (r == 0 && (r = buf_put_u64(b, st->time)) == 0)
		r = buf_put_cstring(b, st->comment);
	return r;
}

int
stmt_encode(struct stmt *st)
{
	const struct stmtdef *d;
	struct buf *b = NULL;
	int r;

	if ((d = stmt_def(st->type)) == NULL)
		return KE_FORMAT;
	if ((r = check_fields(st)) != 0)
		return r;
	if (st->comment == NULL && (st->comment = strdup("")) == NULL)
		return KE_NOMEM;
	if ((b = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = buf_put(b, d->magic, d->magiclen)) != 0 ||
	    (r = buf_put_u32(b, STMT_VERSION)) != 0 ||
	    (r = put_fields(b, st)) != 0)
		goto out;
	free(st->blob);
	if ((st->blob = malloc(buf_len(b))) == NULL) {
		st->bloblen = 0;
		r = KE_NOMEM;
		goto out;
	}
	memcpy(st->blob, buf_ptr(b), buf_len(b));
	st->bloblen = buf_len(b);
	drop_sigs(st);
 out:
	buf_free(b);
	return r;
}

static int
get_fields(struct buf *b, struct stmt *st)
{
	int r = 0;

	switch (st->type) {
	case STMT_REVOKE:
		if ((r = stmt_get_key(b, st->pk)) == 0)
			r = buf_get_u32(b, &st->reason);
		break;
	case STMT_WITHDRAW:
		if ((r = stmt_get_key(b, st->pk)) != 0 ||
		    (r = buf_get_string_fixed(b, st->vouch, STMT_IDLEN)) != 0 ||
		    (r = stmt_get_key(b, st->subject)) != 0)
			break;
		r = buf_get_u64(b, &st->serial);
		break;
	case STMT_SUCCESSOR:
		if ((r = stmt_get_key(b, st->pk)) == 0)
			r = stmt_get_key(b, st->subject);
		break;
	}
	if (r != 0 || (r = buf_get_u64(b, &st->time)) != 0 ||
	    (r = buf_get_cstring(b, &st->comment, STMT_MAXCOMMENT)) != 0 ||
	    (r = buf_end(b)) != 0)
		return r;
	return check_fields(st);
}

/* The type whose magic b starts with (consuming it), or KE_MAGIC. */
static int
get_magic(struct buf *b, u_int *typep)
{
	size_t i;
	int r;

	for (i = 0; i < nitems(stmt_defs); i++) {
		r = buf_get_magic(b, stmt_defs[i].magic, stmt_defs[i].magiclen);
		if (r == 0) {
			*typep = stmt_defs[i].type;
			return 0;
		}
	}
	return KE_MAGIC;
}

int
stmt_parse_blob(const u_char *p, size_t len, struct stmt **stp)
{
	struct buf *b = NULL;
	struct stmt *st = NULL;
	uint32_t version;
	int r = KE_NOMEM;

	*stp = NULL;
	if (len > STMT_MAXBLOB)
		return KE_TOOLONG;
	if ((b = buf_view(p, len)) == NULL ||
	    (st = calloc(1, sizeof(*st))) == NULL)
		goto out;
	if ((r = get_magic(b, &st->type)) != 0 ||
	    (r = buf_get_u32(b, &version)) != 0)
		goto out;
	if (version != STMT_VERSION) {
		r = KE_VERSION;
		goto out;
	}
	if ((r = get_fields(b, st)) != 0 ||
	    (r = memdup(p, len, &st->blob)) != 0)
		goto out;
	st->bloblen = len;
	*stp = st;
	st = NULL;
 out:
	stmt_free(st);
	buf_free(b);
	return r;
}

/* Checks sig[0..len) as signature i of st. */
static int
check_sig(const struct stmt *st, u_int i, const u_char *sig, size_t len)
{
	struct sshsig *s = NULL;
	u_char d[SSHSIG_MAXHASH];
	size_t dlen;
	int r;

	if (st->blob == NULL || stmt_signer(st, i) == NULL)
		return KE_INTERNAL;
	if ((r = sshsig_parse(sig, len, &s)) != 0)
		return r;
	if (memcmp(s->pk, stmt_signer(st, i), KEY_PKLEN) != 0)
		r = KE_SIGNATURE;
	else {
		dlen = sshsig_digest(s->hashalg, st->blob, st->bloblen, d);
		r = sshsig_check_digest(s, stmt_namespace(st->type),
		    SSHSIG_ANYHASH, d, dlen);
	}
	sshsig_free(s);
	return r;
}

int
stmt_set_sig(struct stmt *st, u_int i, const u_char *sig, size_t len)
{
	u_char *p;
	int r;

	if ((r = memdup(sig, len, &p)) != 0)
		return r;
	free(st->sig[i]);
	st->sig[i] = p;
	st->siglen[i] = len;
	return 0;
}

int
stmt_attach(struct stmt *st, u_int i, const u_char *sig, size_t len)
{
	int r;

	if ((r = check_sig(st, i, sig, len)) != 0)
		return r;
	return stmt_set_sig(st, i, sig, len);
}

int
stmt_sign(struct stmt *st, u_int i, const struct sshsig_signer *s)
{
	struct buf *sig = NULL;
	int r;

	if (st->blob == NULL && (r = stmt_encode(st)) != 0)
		return r;
	if (stmt_signer(st, i) == NULL)
		return KE_INTERNAL;
	if (memcmp(s->pk, stmt_signer(st, i), KEY_PKLEN) != 0)
		return KE_KEYMISMATCH;
	if ((sig = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = sshsig_sign(sig, s, stmt_namespace(st->type), SSHSIG_SHA512,
	    st->blob, st->bloblen)) == 0)
		r = stmt_set_sig(st, i, buf_ptr(sig), buf_len(sig));
	buf_free(sig);
	return r;
}

int
stmt_verify(const struct stmt *st)
{
	u_int i;
	int r;

	if (st->blob == NULL)
		return KE_INTERNAL;
	for (i = 0; i < stmt_nsigs(st->type); i++) {
		if (st->sig[i] == NULL)
			return KE_SIGNATURE;
		if ((r = check_sig(st, i, st->sig[i], st->siglen[i])) != 0)
			return r;
	}
	return 0;
}

/* A new statement with the common fields, encoded, unsigned. */
static int
start(u_int type, const u_char *pk, uint64_t time, const char *comment,
    struct stmt **stp)
{
	struct stmt *st;

	*stp = NULL;
	if ((st = stmt_new(type)) == NULL)
		return KE_NOMEM;
	memcpy(st->pk, pk, KEY_PKLEN);
	st->time = time;
	if ((st->comment = strdup(comment == NULL ? "" : comment)) == NULL) {
		stmt_free(st);
		return KE_NOMEM;
	}
	*stp = st;
	return 0;
}

/* Encodes and signs *stp with s and s2 (may be NULL); frees it on error. */
static int
finish(struct stmt **stp, const struct sshsig_signer *s,
    const struct sshsig_signer *s2)
{
	int r;

	if ((r = stmt_encode(*stp)) != 0 || (r = stmt_sign(*stp, 0, s)) != 0 ||
	    (s2 != NULL && (r = stmt_sign(*stp, 1, s2)) != 0)) {
		stmt_free(*stp);
		*stp = NULL;
	}
	return r;
}

int
stmt_revoke(const struct sshsig_signer *s, u_int reason, uint64_t time,
    const char *comment, struct stmt **stp)
{
	int r;

	if ((r = start(STMT_REVOKE, s->pk, time, comment, stp)) != 0)
		return r;
	(*stp)->reason = reason;
	return finish(stp, s, NULL);
}

int
stmt_withdraw(const struct sshsig_signer *s, const struct cert *c,
    uint64_t time, const char *comment, struct stmt **stp)
{
	int r;

	*stp = NULL;
	if (c->blob == NULL)
		return KE_CERT;
	if (memcmp(c->signkey, s->pk, KEY_PKLEN) != 0)
		return KE_KEYMISMATCH;
	if ((r = start(STMT_WITHDRAW, s->pk, time, comment, stp)) != 0)
		return r;
	store_vouch_id(c, (*stp)->vouch);
	memcpy((*stp)->subject, c->pk, KEY_PKLEN);
	(*stp)->serial = c->serial;
	return finish(stp, s, NULL);
}

int
stmt_successor(const struct sshsig_signer *old,
    const struct sshsig_signer *new, uint64_t time, const char *comment,
    struct stmt **stp)
{
	int r;

	if ((r = start(STMT_SUCCESSOR, old->pk, time, comment, stp)) != 0)
		return r;
	memcpy((*stp)->subject, new->pk, KEY_PKLEN);
	return finish(stp, old, new);
}

int
stmt_withdraws(const struct stmt *st, const struct cert *c)
{
	u_char id[STMT_IDLEN];

	if (st->type != STMT_WITHDRAW || c->blob == NULL ||
	    memcmp(c->signkey, st->pk, KEY_PKLEN) != 0)
		return 0;
	if (memcmp(c->pk, st->subject, KEY_PKLEN) == 0 &&
	    c->serial == st->serial)
		return 1;
	store_vouch_id(c, id);
	return memcmp(id, st->vouch, STMT_IDLEN) == 0;
}
