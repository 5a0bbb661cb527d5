/*
 * The golden statements and bundle in regress/data/bundle: "bundle -g
 * DIR" writes them (deterministically, from the test key), and mkdata.sh
 * checks them with ssh-keygen -Y verify using the commands of FORMAT.md
 * and has ssh-keygen sign the same bytes (ssh-*.sig).
 */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "b64.h"
#include "buf.h"
#include "bundle.h"
#include "cert.h"
#include "kerr.h"
#include "key.h"
#include "sshsig.h"
#include "stmt.h"
#include "test.h"
#include "t_bundle.h"

#define NEWSEED	0x02	/* the successor's key */

/* The golden statement of type, made afresh. */
static struct stmt *
golden_stmt(u_int type)
{
	struct key *k = tb_key(), *k2 = tb_seedkey(NEWSEED), *sub;
	struct sshsig_signer s = tb_signer(k), s2 = tb_signer(k2);
	struct stmt *st = NULL;
	struct cert *c;
	int r = KE_INTERNAL;

	switch (type) {
	case STMT_REVOKE:
		r = stmt_revoke(&s, STMT_COMPROMISED, TB_TIME,
		    "kith test revocation", &st);
		break;
	case STMT_WITHDRAW:
		sub = tb_seedkey(0x10);
		c = tb_vouch(k, sub->pk, 100, "host");
		r = stmt_withdraw(&s, c, TB_TIME, "kith test withdrawal", &st);
		cert_free(c);
		key_free(sub);
		break;
	case STMT_SUCCESSOR:
		r = stmt_successor(&s, &s2, TB_TIME, "kith test rotation",
		    &st);
		break;
	}
	if (r != 0)
		exit(1);
	key_free(k);
	key_free(k2);
	return st;
}

static struct buf *
golden_bundle(void)
{
	struct key *k = tb_key(), *k2 = tb_seedkey(NEWSEED);
	struct bundle *b = tb_sample(k, k2);
	struct buf *out = tb_encode(b, k);

	bundle_free(b);
	key_free(k);
	key_free(k2);
	return out;
}

static int
put_file(const char *dir, const char *name, const struct buf *b)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(buf_ptr(b), 1, buf_len(b), f) != buf_len(b) ||
	    fclose(f) != 0) {
		fprintf(stderr, "%s: write failed\n", path);
		return 1;
	}
	return 0;
}

static const struct {
	u_int		 type;
	const char	*file;
} files[] = {
	{ STMT_REVOKE, "revoke.txt" },
	{ STMT_WITHDRAW, "withdraw.txt" },
	{ STMT_SUCCESSOR, "successor.txt" },
};

int
tb_generate(const char *dir)
{
	struct key *k2 = tb_seedkey(NEWSEED);
	struct buf *b = buf_new(), *bin = golden_bundle();
	struct stmt *st;
	size_t i;
	int fail = 0;

	for (i = 0; i < nitems(files); i++) {
		st = golden_stmt(files[i].type);
		buf_reset(b);
		if (stmt_format(b, st) != 0)
			exit(1);
		fail |= put_file(dir, files[i].file, b);
		stmt_free(st);
	}
	fail |= put_file(dir, "bundle.bin", bin);
	buf_reset(b);
	if (bundle_armour(b, buf_ptr(bin), buf_len(bin)) != 0)
		exit(1);
	fail |= put_file(dir, "bundle.txt", b);
	buf_reset(b);
	if (key_format_line(b, k2, "kith-test-new") != 0)
		exit(1);
	fail |= put_file(dir, "new.pub", b);
	key_free(k2);
	buf_free(b);
	buf_free(bin);
	return fail;
}

/* The SSH SIGNATURE block number i (from 0) of text, as a blob. */
static struct buf *
sig_block(const struct buf *text, u_int i)
{
	struct buf *blob = buf_new(), *skip = buf_new();
	const char *s = (const char *)buf_ptr(text);
	size_t len = buf_len(text), off = 0, end;
	u_int n;

	/* the statement block comes first */
	for (n = 0; n < 3; n++)
		if (b64_dearmour(skip, stmt_label(files[n].type), s, len,
		    &off) == 0)
			break;
	for (n = 0; n <= i; n++) {
		buf_reset(blob);
		if (sshsig_dearmour(blob, s + off, len - off, &end) != 0)
			exit(1);
		off += end;
	}
	buf_free(skip);
	return blob;
}

static void
check_golden_stmt(u_int type, const char *file)
{
	char path[256];
	struct buf *text, *mine = buf_new(), *ssh, *blob;
	struct stmt *st = NULL, *g = golden_stmt(type);

	snprintf(path, sizeof(path), TB_DATA "/%s", file);
	text = tb_slurp(path);
	T_EQ(stmt_parse_text((const char *)buf_ptr(text), buf_len(text), type,
	    &st), 0, "%s: parses and verifies", file);
	stmt_format(mine, g);
	T_OK(tb_same(mine, text), "%s: kith makes it again, byte for byte",
	    file);
	stmt_free(st);
	if (type != STMT_REVOKE)
		goto out;
	/* ssh-keygen -Y sign over the statement made the same signature */
	ssh = tb_slurp(TB_DATA "/ssh-revoke.sig");
	blob = buf_new();
	T_EQ(sshsig_dearmour(blob, (const char *)buf_ptr(ssh), buf_len(ssh),
	    NULL), 0, "ssh-revoke.sig: dearmour");
	buf_free(ssh);
	ssh = sig_block(text, 0);
	T_OK(tb_same(blob, ssh), "ssh-keygen's revocation signature is kith's");
	T_EQ(stmt_attach(g, 0, buf_ptr(blob), buf_len(blob)), 0,
	    "ssh-keygen's signature attaches");
	buf_free(blob);
	buf_free(ssh);
 out:
	stmt_free(g);
	buf_free(mine);
	buf_free(text);
}

static void
check_golden_bundle(void)
{
	struct buf *bin = tb_slurp(TB_DATA "/bundle.bin");
	struct buf *txt = tb_slurp(TB_DATA "/bundle.txt"), *b = buf_new();
	struct buf *ssh = tb_slurp(TB_DATA "/ssh-bundle.sig");
	struct buf *sshblob = buf_new();
	struct bundle *p = NULL, *q = NULL;
	struct key *k = tb_key();

	T_EQ(bundle_parse(buf_ptr(bin), buf_len(bin), NULL, 0, &p), 0,
	    "bundle.bin: parses and verifies");
	T_EQ(bundle_parse(buf_ptr(txt), buf_len(txt), NULL, 0, &q), 0,
	    "bundle.txt: parses and verifies");
	T_OK(p != NULL && p->nvouch == 4 && p->nstmt == 3 && p->seq == 7 &&
	    p->time == TB_TIME && memcmp(p->signer, k->pk, KEY_PKLEN) == 0,
	    "bundle.bin: fields");
	T_OK(q != NULL && p != NULL && q->rawlen == p->rawlen &&
	    q->zlen == p->zlen, "bundle.txt: the same bundle");
	bundle_armour(b, buf_ptr(bin), buf_len(bin));
	T_OK(tb_same(b, txt), "bundle.txt is bundle.bin armoured");
	sshsig_dearmour(sshblob, (const char *)buf_ptr(ssh), buf_len(ssh),
	    NULL);
	buf_reset(b);
	buf_put_stringb(b, sshblob);
	T_OK(buf_len(b) == BUNDLE_SIGTAIL && buf_len(bin) > BUNDLE_SIGTAIL &&
	    memcmp(buf_ptr(b), buf_ptr(bin) + buf_len(bin) - BUNDLE_SIGTAIL,
	    BUNDLE_SIGTAIL) == 0,
	    "ssh-keygen's signature of the signed part is the bundle's");
	bundle_free(p);
	bundle_free(q);
	key_free(k);
	buf_free(sshblob);
	buf_free(ssh);
	buf_free(b);
	buf_free(txt);
	buf_free(bin);
}

void
test_stmt_golden(void)
{
	size_t i;

	for (i = 0; i < nitems(files); i++)
		check_golden_stmt(files[i].type, files[i].file);
	check_golden_bundle();
}
