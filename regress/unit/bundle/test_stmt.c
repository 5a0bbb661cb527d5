/*
 * Unit tests for lib/stmt.c: revocations, withdrawals and successor
 * statements, their record and text forms, and the golden files that
 * ssh-keygen -Y verify checked (regress/data/bundle, made by mkdata.sh).
 */
#include "compat.h"

#include <stdio.h>
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
#include "store.h"
#include "test.h"
#include "t_bundle.h"

static int
same_stmt(const struct stmt *a, const struct stmt *b)
{
	u_int i;

	if (a->type != b->type || a->bloblen != b->bloblen ||
	    memcmp(a->blob, b->blob, a->bloblen) != 0 ||
	    memcmp(a->pk, b->pk, KEY_PKLEN) != 0 ||
	    memcmp(a->subject, b->subject, KEY_PKLEN) != 0 ||
	    memcmp(a->vouch, b->vouch, STMT_IDLEN) != 0 ||
	    a->serial != b->serial || a->reason != b->reason ||
	    a->time != b->time || strcmp(a->comment, b->comment) != 0)
		return 0;
	for (i = 0; i < STMT_MAXSIGS; i++)
		if (a->siglen[i] != b->siglen[i] || (a->siglen[i] != 0 &&
		    memcmp(a->sig[i], b->sig[i], a->siglen[i]) != 0))
			return 0;
	return 1;
}

/* The record form and the text form both give st back. */
static void
check_forms(const struct stmt *st, const char *what)
{
	struct buf *rec = buf_new(), *text = buf_new();
	struct stmt *p = NULL, *q = NULL, *d = NULL;
	u_char id[STMT_IDLEN], want[STMT_IDLEN];

	T_EQ(stmt_verify(st), 0, "%s: verifies", what);
	T_EQ(stmt_put(rec, st), 0, "%s: record form", what);
	T_EQ(stmt_get(buf_ptr(rec), buf_len(rec), st->type, 1, &p), 0,
	    "%s: record parsed", what);
	T_OK(p != NULL && same_stmt(st, p), "%s: record round trip", what);
	T_EQ(stmt_format(text, st), 0, "%s: text form", what);
	T_EQ(stmt_parse_text((const char *)buf_ptr(text), buf_len(text), 0,
	    &q), 0, "%s: text parsed", what);
	T_OK(q != NULL && same_stmt(st, q), "%s: text round trip", what);
	T_EQ(stmt_dup(st, &d), 0, "%s: dup", what);
	T_OK(d != NULL && same_stmt(st, d), "%s: dup is equal", what);
	stmt_id(st, id);
	crypto_hash_sha256(want, st->blob, st->bloblen);
	T_MEM(id, want, STMT_IDLEN, "%s: id is SHA-256 of the blob", what);
	stmt_free(p);
	stmt_free(q);
	stmt_free(d);
	buf_free(rec);
	buf_free(text);
}

/* Every truncation and every flipped bit of st's record form is refused. */
static void
check_damage(const struct stmt *st, const char *what)
{
	struct buf *rec = buf_new();
	struct stmt *p = NULL;
	u_char *d;
	size_t len, i, bad = 0;
	int bit;

	stmt_put(rec, st);
	len = buf_len(rec);
	d = malloc(len);
	memcpy(d, buf_ptr(rec), len);
	for (i = 0; i < len; i++)
		for (bit = 0; bit < 8; bit++) {
			d[i] ^= 1 << bit;
			if (stmt_get(d, len, st->type, 1, &p) == 0)
				bad++;
			stmt_free(p);
			d[i] ^= 1 << bit;
		}
	T_EQ(bad, 0, "%s: all %zu bit flips refused", what, len * 8);
	for (i = 0; i < len; i++) {
		if (stmt_get(d, i, st->type, 1, &p) == 0)
			bad++;
		stmt_free(p);
	}
	T_EQ(bad, 0, "%s: all %zu truncations refused", what, len);
	d = realloc(d, len + 1);
	d[len] = 0;
	T_EQ(stmt_get(d, len + 1, st->type, 1, &p), KE_TRAILING,
	    "%s: a trailing byte", what);
	T_EQ(stmt_get(d, len, st->type == STMT_REVOKE ? STMT_WITHDRAW :
	    STMT_REVOKE, 1, &p), KE_FORMAT, "%s: as another type", what);
	free(d);
	buf_free(rec);
}

static void
test_revoke(const struct key *k)
{
	struct sshsig_signer s = tb_signer(k);
	struct stmt *st = NULL;
	char longc[STMT_MAXCOMMENT + 2];

	T_EQ(stmt_revoke(&s, STMT_COMPROMISED, TB_TIME, "lost laptop", &st),
	    0, "revoke");
	T_OK(st->type == STMT_REVOKE && st->reason == STMT_COMPROMISED &&
	    memcmp(st->pk, k->pk, KEY_PKLEN) == 0 && st->time == TB_TIME &&
	    strcmp(st->comment, "lost laptop") == 0, "revoke: fields");
	check_forms(st, "revoke");
	check_damage(st, "revoke");
	stmt_free(st);
	T_EQ(stmt_revoke(&s, STMT_RETIRED, 0, NULL, &st), 0, "retire");
	T_OK(st != NULL && strcmp(st->comment, "") == 0, "NULL comment");
	check_forms(st, "retire");
	stmt_free(st);
	T_EQ(stmt_revoke(&s, 0, 0, NULL, &st), KE_FORMAT, "reason 0");
	T_EQ(stmt_revoke(&s, 3, 0, NULL, &st), KE_FORMAT, "reason 3");
	T_OK(st == NULL, "nothing returned");
	memset(longc, 'c', sizeof(longc) - 1);
	longc[sizeof(longc) - 1] = '\0';
	T_EQ(stmt_revoke(&s, STMT_RETIRED, 0, longc, &st), KE_TOOLONG,
	    "comment too long");
	longc[sizeof(longc) - 2] = '\0';
	T_EQ(stmt_revoke(&s, STMT_RETIRED, 0, longc, &st), 0,
	    "longest comment");
	check_forms(st, "long comment");
	stmt_free(st);
}

static void
test_withdraw(const struct key *k)
{
	struct sshsig_signer s = tb_signer(k);
	struct key *sub = tb_seedkey(0x21), *other = tb_seedkey(0x22);
	struct cert *c = tb_vouch(k, sub->pk, 5, "w");
	struct cert *c2 = tb_vouch(k, sub->pk, 5, "w2");
	struct cert *c3 = tb_vouch(k, sub->pk, 6, "w");
	struct cert *c4 = tb_vouch(other, sub->pk, 5, "w");
	struct stmt *st = NULL;
	u_char id[STORE_IDLEN];

	T_EQ(stmt_withdraw(&s, c, TB_TIME, "no longer", &st), 0, "withdraw");
	store_vouch_id(c, id);
	T_OK(st->type == STMT_WITHDRAW && st->serial == 5 &&
	    memcmp(st->vouch, id, STMT_IDLEN) == 0 &&
	    memcmp(st->subject, sub->pk, KEY_PKLEN) == 0 &&
	    memcmp(st->pk, k->pk, KEY_PKLEN) == 0, "withdraw: fields");
	check_forms(st, "withdraw");
	check_damage(st, "withdraw");
	T_EQ(stmt_withdraws(st, c), 1, "withdraws the vouch");
	T_EQ(stmt_withdraws(st, c2), 1, "and one with its subject, serial");
	T_EQ(stmt_withdraws(st, c3), 0, "not another serial");
	T_EQ(stmt_withdraws(st, c4), 0, "not another signer's");
	memcpy(c3->pk, other->pk, KEY_PKLEN);
	T_EQ(stmt_withdraws(st, c3), 0, "not another subject");
	st->type = STMT_REVOKE;
	T_EQ(stmt_withdraws(st, c), 0, "only withdrawals withdraw");
	st->type = STMT_WITHDRAW;
	stmt_free(st);
	T_EQ(stmt_withdraw(&s, c4, TB_TIME, "", &st), KE_KEYMISMATCH,
	    "not the signer's vouch");
	T_OK(st == NULL, "nothing returned");
	cert_free(c);
	cert_free(c2);
	cert_free(c3);
	cert_free(c4);
	key_free(sub);
	key_free(other);
}

static void
test_successor(const struct key *k)
{
	struct key *k2 = tb_seedkey(0x31), *k3 = tb_seedkey(0x32);
	struct sshsig_signer s = tb_signer(k), s2 = tb_signer(k2);
	struct sshsig_signer s3 = tb_signer(k3);
	struct stmt *st = NULL, *p = NULL;
	struct buf *text = buf_new(), *t2 = buf_new();
	u_char *sig0;

	T_EQ(stmt_successor(&s, &s2, TB_TIME, "rotation", &st), 0,
	    "successor");
	T_OK(memcmp(st->pk, k->pk, KEY_PKLEN) == 0 &&
	    memcmp(st->subject, k2->pk, KEY_PKLEN) == 0 &&
	    st->sig[0] != NULL && st->sig[1] != NULL, "successor: fields");
	check_forms(st, "successor");
	check_damage(st, "successor");
	/* the signatures swapped */
	sig0 = st->sig[0];
	st->sig[0] = st->sig[1];
	st->sig[1] = sig0;
	T_EQ(stmt_verify(st), KE_SIGNATURE, "signatures swapped");
	stmt_format(text, st);
	T_EQ(stmt_parse_text((const char *)buf_ptr(text), buf_len(text), 0,
	    &p), KE_SIGNATURE, "signatures swapped: text refused");
	st->sig[1] = st->sig[0];
	st->sig[0] = sig0;
	stmt_free(st);
	T_EQ(stmt_successor(&s, &s3, TB_TIME, "", &st), 0, "another new key");
	T_EQ(stmt_sign(st, 1, &s2), KE_KEYMISMATCH, "signed by a third key");
	T_EQ(stmt_sign(st, 0, &s2), KE_KEYMISMATCH, "new key as the old");
	T_EQ(stmt_sign(st, 2, &s), KE_INTERNAL, "no third signature");
	stmt_free(st);
	T_EQ(stmt_successor(&s, &s, TB_TIME, "", &st), KE_FORMAT,
	    "successor of itself");
	/* one signature block only */
	stmt_successor(&s, &s2, TB_TIME, "", &st);
	buf_reset(text);
	b64_armour(text, stmt_label(STMT_SUCCESSOR), st->blob, st->bloblen);
	sshsig_armour(text, st->sig[0], st->siglen[0]);
	T_EQ(stmt_parse_text((const char *)buf_ptr(text), buf_len(text), 0,
	    &p), KE_ARMOUR, "one signature only");
	stmt_free(st);
	buf_free(text);
	buf_free(t2);
	key_free(k2);
	key_free(k3);
}

/* Signatures made elsewhere, and the checks stmt_attach makes. */
static void
test_attach(const struct key *k)
{
	struct sshsig_signer s = tb_signer(k);
	struct key *k2 = tb_seedkey(0x41);
	struct sshsig_signer s2 = tb_signer(k2);
	struct stmt *st = stmt_new(STMT_REVOKE);
	struct buf *sig = buf_new();

	memcpy(st->pk, k->pk, KEY_PKLEN);
	st->reason = STMT_RETIRED;
	T_EQ(stmt_encode(st), 0, "encode");
	T_EQ(stmt_verify(st), KE_SIGNATURE, "unsigned: refused");
	T_EQ(stmt_put(sig, st), KE_SIGNATURE, "unsigned: no record");
	buf_reset(sig);
	T_EQ(stmt_format(sig, st), KE_SIGNATURE, "unsigned: no text");
	T_EQ(buf_len(sig), 0, "nothing appended");
	sshsig_sign(sig, &s, "file", SSHSIG_SHA512, st->blob, st->bloblen);
	T_EQ(stmt_attach(st, 0, buf_ptr(sig), buf_len(sig)), KE_NAMESPACE,
	    "attach: other namespace");
	buf_reset(sig);
	sshsig_sign(sig, &s2, STMT_NS_REVOKE, SSHSIG_SHA512, st->blob,
	    st->bloblen);
	T_EQ(stmt_attach(st, 0, buf_ptr(sig), buf_len(sig)), KE_SIGNATURE,
	    "attach: another key");
	buf_reset(sig);
	sshsig_sign(sig, &s, STMT_NS_REVOKE, SSHSIG_SHA256, "x", 1);
	T_EQ(stmt_attach(st, 0, buf_ptr(sig), buf_len(sig)), KE_SIGNATURE,
	    "attach: another message");
	buf_reset(sig);
	sshsig_sign(sig, &s, STMT_NS_REVOKE, SSHSIG_SHA256, st->blob,
	    st->bloblen);
	T_EQ(stmt_attach(st, 0, buf_ptr(sig), buf_len(sig)), 0,
	    "attach: sha256 is fine");
	T_EQ(stmt_attach(st, 1, buf_ptr(sig), buf_len(sig)), KE_INTERNAL,
	    "attach: no second signature");
	check_forms(st, "attached");
	T_EQ(stmt_sign(st, 0, &s2), KE_KEYMISMATCH, "sign: another key");
	T_OK(stmt_new(9) == NULL && stmt_new(1) == NULL, "bad types");
	T_OK(stmt_namespace(1) == NULL && stmt_label(5) == NULL &&
	    stmt_nsigs(0) == 0, "no names for bad types");
	stmt_free(st);
	buf_free(sig);
	key_free(k2);
}

/* A statement blob built by hand, signed by k as signature 0. */
static struct buf *
hand_record(const struct key *k, const char *magic, size_t mlen,
    uint32_t version, uint32_t reason, int trailing, const char *ns)
{
	struct sshsig_signer s = tb_signer(k);
	struct buf *blob = buf_new(), *rec = buf_new(), *sig = buf_new();

	buf_put(blob, magic, mlen);
	buf_put_u32(blob, version);
	stmt_put_key(blob, k->pk);
	buf_put_u32(blob, reason);
	buf_put_u64(blob, TB_TIME);
	buf_put_cstring(blob, "c");
	if (trailing)
		buf_put_u8(blob, 0);
	sshsig_sign(sig, &s, ns, SSHSIG_SHA512, buf_ptr(blob), buf_len(blob));
	buf_put_stringb(rec, blob);
	buf_put_stringb(rec, sig);
	buf_free(blob);
	buf_free(sig);
	return rec;
}

static void
test_malformed(const struct key *k)
{
	static const struct {
		const char	*magic;
		size_t		 mlen;
		uint32_t	 version;
		uint32_t	 reason;
		int		 trailing;
		const char	*ns;
		int		 want;
		const char	*what;
	} t[] = {
		{ "kith-revoke", 12, 1, 1, 0, "revoke@kith", 0, "reference" },
		{ "kith-revokf", 12, 1, 1, 0, "revoke@kith", KE_MAGIC,
		    "wrong magic" },
		{ "kith-revokes", 12, 1, 1, 0, "revoke@kith", KE_MAGIC,
		    "a NUL missing from the magic" },
		{ "kith-revoke", 12, 2, 1, 0, "revoke@kith", KE_VERSION,
		    "version 2" },
		{ "kith-revoke", 12, 0, 1, 0, "revoke@kith", KE_VERSION,
		    "version 0" },
		{ "kith-revoke", 12, 1, 7, 0, "revoke@kith", KE_FORMAT,
		    "unknown reason, signed" },
		{ "kith-revoke", 12, 1, 1, 1, "revoke@kith", KE_TRAILING,
		    "trailing byte, signed" },
		{ "kith-revoke", 12, 1, 1, 0, "withdraw@kith", KE_NAMESPACE,
		    "withdrawal namespace" },
		{ "kith-revoke", 12, 1, 1, 0, "bundle@kith", KE_NAMESPACE,
		    "bundle namespace" },
	};
	struct buf *rec, *blob;
	struct stmt *st = NULL;
	size_t i;

	for (i = 0; i < nitems(t); i++) {
		rec = hand_record(k, t[i].magic, t[i].mlen, t[i].version,
		    t[i].reason, t[i].trailing, t[i].ns);
		T_EQ(stmt_get(buf_ptr(rec), buf_len(rec), STMT_REVOKE, 1, &st),
		    t[i].want, "malformed: %s", t[i].what);
		stmt_free(st);
		st = NULL;
		buf_free(rec);
	}
	/* a certificate where a key belongs */
	blob = buf_new();
	buf_put(blob, "kith-revoke", 12);
	buf_put_u32(blob, 1);
	buf_put_u32(blob, 51);
	buf_put_cstring(blob, KEY_CERT_TYPE);
	buf_put_string(blob, k->pk, 32);
	T_EQ(stmt_parse_blob(buf_ptr(blob), buf_len(blob), &st), KE_KEYTYPE,
	    "malformed: a certificate type as the key");
	buf_reset(blob);
	buf_put(blob, "kith-revoke", 12);
	buf_put_u32(blob, 1);
	buf_put_u32(blob, 52);
	buf_put_cstring(blob, KEY_TYPE);
	buf_put_string(blob, k->pk, 33);
	T_EQ(stmt_parse_blob(buf_ptr(blob), buf_len(blob), &st), KE_BADKEY,
	    "malformed: a 33-byte key");
	buf_free(blob);
}

static void
test_text(const struct key *k)
{
	struct sshsig_signer s = tb_signer(k);
	struct stmt *st = NULL, *p = NULL;
	struct buf *text = buf_new(), *t = buf_new();
	const char *x;
	size_t i, e;

	stmt_revoke(&s, STMT_COMPROMISED, TB_TIME, "", &st);
	stmt_format(text, st);
	x = (const char *)buf_ptr(text);
	T_EQ(stmt_parse_text(x, buf_len(text), STMT_REVOKE, &p), 0,
	    "text: asked for a revocation");
	stmt_free(p);
	T_EQ(stmt_parse_text(x, buf_len(text), STMT_WITHDRAW, &p), KE_ARMOUR,
	    "text: asked for a withdrawal");
	/* CRLF line ends, blank lines before and after each block */
	buf_puts(t, "\r\n\n");
	for (i = 0; i < buf_len(text); i = e + 1) {
		e = (const char *)memchr(x + i, '\n', buf_len(text) - i) - x;
		buf_put(t, x + i, e - i);
		buf_puts(t, strncmp(x + i, "-----END", 8) == 0 ?
		    "\r\n\n\r\n" : "\r\n");
	}
	T_EQ(stmt_parse_text((const char *)buf_ptr(t), buf_len(t), 0, &p), 0,
	    "text: blank lines, CRLF");
	stmt_free(p);
	buf_puts(t, "# note\n");
	T_EQ(stmt_parse_text((const char *)buf_ptr(t), buf_len(t), 0, &p),
	    KE_TRAILING, "text: a line after the blocks");
	stmt_free(st);
	buf_free(t);
	buf_free(text);
}

/* A withdrawal blob under the REVOCATION label. */
static void
test_label(const struct key *k)
{
	struct sshsig_signer s = tb_signer(k);
	struct key *sub = tb_seedkey(0x51);
	struct cert *c = tb_vouch(k, sub->pk, 1, "x");
	struct stmt *st = NULL, *p = NULL;
	struct buf *t = buf_new();

	stmt_withdraw(&s, c, TB_TIME, "", &st);
	b64_armour(t, stmt_label(STMT_REVOKE), st->blob, st->bloblen);
	sshsig_armour(t, st->sig[0], st->siglen[0]);
	T_EQ(stmt_parse_text((const char *)buf_ptr(t), buf_len(t), 0, &p),
	    KE_FORMAT, "text: label and magic disagree");
	stmt_free(st);
	cert_free(c);
	key_free(sub);
	buf_free(t);
}

void
test_stmt(void)
{
	struct key *k = tb_key();

	test_revoke(k);
	test_withdraw(k);
	test_successor(k);
	test_attach(k);
	test_malformed(k);
	test_text(k);
	test_label(k);
	key_free(k);
}
