/* trustload.c: from a kith directory to a trust computation. */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "file.h"
#include "kdir.h"
#include "kerr.h"
#include "key.h"
#include "keylist.h"
#include "privkey.h"
#include "stmt.h"
#include "stmtstore.h"
#include "store.h"
#include "trust.h"
#include "trustload.h"

/* The first key of a public key file. */
static int
read_pub(const char *path, u_char *pk)
{
	struct keylist *kl = NULL;
	struct buf *text = NULL;
	struct key *k = NULL;
	int r;

	if ((r = file_read(path, KITH_MAXFILE, &text)) != 0 ||
	    (r = keylist_open(buf_ptr(text), buf_len(text),
	    KEYLIST_OWNCOMMENT, &kl)) != 0)
		goto out;
	if ((r = keylist_next(kl, &k, NULL, NULL)) == 0)
		memcpy(pk, k->pk, KEY_PKLEN);
	else if (r == KE_NOTFOUND)
		r = KE_NOTPUB;
 out:
	key_free(k);
	keylist_free(kl);
	buf_free(text);
	return r;
}

int
trustctx_root(const char *dir, u_char *pk)
{
	struct buf *text = NULL;
	struct key *k = NULL;
	char *path = NULL, *pub = NULL;
	int r;

	if ((r = kdir_identity(dir, &path)) != 0)
		return r;
	if (asprintf(&pub, "%s.pub", path) == -1) {
		free(path);
		return KE_NOMEM;
	}
	if (read_pub(pub, pk) == 0) {
		r = 0;
		goto out;
	}
	if ((r = file_read_secret(path, PRIVKEY_MAXFILE, &text)) != 0 ||
	    (r = privkey_parse_public(text, &k)) != 0)
		goto out;
	memcpy(pk, k->pk, KEY_PKLEN);
 out:
	key_free(k);
	buf_free(text);
	free(pub);
	free(path);
	return r;
}

void
trustctx_error(const char *dir, int r, char *out, size_t len)
{
	u_char pk[32];
	int e;

	if ((e = trustctx_root(dir, pk)) != 0)
		kdir_identity_error(dir, e, out, len);
	else
		store_error(dir, r, out, len);
}

void
trustctx_free(struct trustctx *c)
{
	if (c == NULL)
		return;
	trust_free(c->t);
	free(c->tv);	/* shallow copies of c->vs->tv */
	free(c->tvi);
	free(c->revoked);
	free(c->succ);
	stmtset_free(c->ss);
	vouchset_free(c->vs);
	free(c);
}

static int
has_key(u_char (*set)[32], size_t n, const u_char *pk)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (memcmp(set[i], pk, 32) == 0)
			return 1;
	return 0;
}

/*
 * Revoked keys (all reasons), and the successor pairs whose old key was
 * not revoked as compromised and whose new key is not revoked.
 */
static int
read_statements(struct trustctx *c)
{
	const struct stmtset *ss = c->ss;
	u_char (*bad)[32] = NULL;
	size_t i, nbad = 0;
	int r = KE_NOMEM;

	if ((c->revoked = calloc(ss->n + 1, 32)) == NULL ||
	    (bad = calloc(ss->n + 1, 32)) == NULL ||
	    (c->succ = calloc(ss->n + 1, sizeof(*c->succ))) == NULL)
		goto out;
	for (i = 0; i < ss->n; i++) {
		if (ss->st[i]->type != STMT_REVOKE)
			continue;
		memcpy(c->revoked[c->nrevoked++], ss->st[i]->pk, 32);
		if (ss->st[i]->reason != STMT_RETIRED)
			memcpy(bad[nbad++], ss->st[i]->pk, 32);
	}
	for (i = 0; i < ss->n; i++) {
		if (ss->st[i]->type != STMT_SUCCESSOR ||
		    has_key(bad, nbad, ss->st[i]->pk) ||
		    has_key(c->revoked, c->nrevoked, ss->st[i]->subject))
			continue;
		memcpy(c->succ[c->nsucc].oldpk, ss->st[i]->pk, 32);
		memcpy(c->succ[c->nsucc++].newpk, ss->st[i]->subject, 32);
	}
	r = 0;
 out:
	free(bad);
	return r;
}

/* Marks the vouches their signers withdrew (by id, or subject+serial). */
static void
withdraw(struct trustctx *c)
{
	const struct stmt *st;
	struct trust_vouch *v;
	size_t i, j;

	for (i = 0; i < c->ss->n; i++) {
		st = c->ss->st[i];
		if (st->type != STMT_WITHDRAW)
			continue;
		for (j = 0; j < c->ntv; j++) {
			v = &c->tv[j];
			if (memcmp(v->signer, st->pk, 32) == 0 &&
			    (memcmp(v->id, st->vouch, 32) == 0 ||
			    (memcmp(v->subject, st->subject, 32) == 0 &&
			    v->serial == st->serial)))
				v->withdrawn = 1;
		}
	}
}

static int
add_twin(struct trustctx *c, size_t *capp, const struct trust_vouch *v,
    const u_char *signer, const u_char *subject)
{
	crypto_hash_sha256_state h;
	struct trust_vouch *n, *t;
	size_t total = c->ntv + c->ntwin;

	if (memcmp(signer, subject, 32) == 0)
		return 0;
	if (total == *capp) {
		if ((n = reallocarray(c->tv, *capp * 2 + 16, sizeof(*n))) ==
		    NULL)
			return KE_NOMEM;
		c->tv = n;
		*capp = *capp * 2 + 16;
	}
	t = &c->tv[total];
	*t = *v;	/* names and scope shared with v */
	memcpy(t->signer, signer, 32);
	memcpy(t->subject, subject, 32);
	crypto_hash_sha256_init(&h);
	crypto_hash_sha256_update(&h, (const u_char *)"kith-twin", 9);
	crypto_hash_sha256_update(&h, v->id, 32);
	crypto_hash_sha256_update(&h, signer, 32);
	crypto_hash_sha256_update(&h, subject, 32);
	crypto_hash_sha256_final(&h, t->id);
	c->ntwin++;
	return 0;
}

/*
 * Rotation: for each successor pair old -> new, every vouch on old gets
 * a twin on new, and when new is your own key, every vouch old made
 * gets a twin made by you.  Repeated for chains of successors.
 */
static int
twins(struct trustctx *c, size_t *capp)
{
	size_t round, s, j, start = 0, end;
	int r;

	for (round = 0; round < 4 && c->nsucc > 0; round++) {
		end = c->ntv + c->ntwin;
		for (s = 0; s < c->nsucc; s++) {
			for (j = start; j < end; j++) {
				const struct trust_succ *p = &c->succ[s];
				struct trust_vouch v = c->tv[j];

				if (memcmp(v.subject, p->oldpk, 32) == 0 &&
				    (r = add_twin(c, capp, &v, v.signer,
				    p->newpk)) != 0)
					return r;
				if (memcmp(p->newpk, c->root, 32) == 0 &&
				    memcmp(v.signer, p->oldpk, 32) == 0 &&
				    (r = add_twin(c, capp, &v, c->root,
				    v.subject)) != 0)
					return r;
			}
		}
		if (c->ntv + c->ntwin == end)
			break;
		start = end;
	}
	return 0;
}

static int
compute(const struct trustctx *c, int withrevoked, struct trust **tp)
{
	struct trust_input in;

	memset(&in, 0, sizeof(in));
	memcpy(in.root, c->root, sizeof(in.root));
	in.v = c->tv;
	in.nv = c->ntv + c->ntwin;
	in.revoked = withrevoked ? (const u_char (*)[32])c->revoked : NULL;
	in.nrevoked = withrevoked ? c->nrevoked : 0;
	in.succ = c->succ;
	in.nsucc = c->nsucc;
	in.now = c->now;
	in.threshold = c->threshold;
	return trust_compute(&in, tp);
}

int
trustctx_revoked_trusted(const struct trustctx *c, u_char (**pkp)[32],
    size_t *np)
{
	struct trust *t = NULL;
	size_t i;
	int r;

	*pkp = NULL;
	*np = 0;
	if (c->nrevoked == 0)
		return 0;
	if ((r = compute(c, 0, &t)) != 0)
		return r;
	if ((*pkp = calloc(c->nrevoked, 32)) == NULL) {
		trust_free(t);
		return KE_NOMEM;
	}
	for (i = 0; i < c->nrevoked; i++)
		if (trust_find(t, c->revoked[i]) != NULL &&
		    !has_key(*pkp, *np, c->revoked[i]))
			memcpy((*pkp)[(*np)++], c->revoked[i], 32);
	trust_free(t);
	return 0;
}

int
trustctx_load(const char *dir, time_t now, u_int k, struct trustctx **cp)
{
	struct trustctx *c;
	size_t i, cap;
	int r;

	*cp = NULL;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return KE_NOMEM;
	c->now = now < 0 ? 0 : (uint64_t)now;
	c->threshold = k;
	if ((r = trustctx_root(dir, c->root)) != 0 ||
	    (r = store_load(dir, &c->vs)) != 0 ||
	    (r = stmtstore_load(dir, &c->ss)) != 0 ||
	    (r = read_statements(c)) != 0)
		goto out;
	cap = c->vs->n + 1;
	if ((c->tvi = calloc(cap, sizeof(*c->tvi))) == NULL ||
	    (c->tv = calloc(cap, sizeof(*c->tv))) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	for (i = 0; i < c->vs->n; i++) {
		if (c->vs->check[i] != 0)
			continue;
		c->tv[c->ntv] = c->vs->tv[i];
		c->tvi[c->ntv++] = i;
	}
	withdraw(c);
	if ((r = twins(c, &cap)) != 0 || (r = compute(c, 1, &c->t)) != 0)
		goto out;
	*cp = c;
	c = NULL;
 out:
	trustctx_free(c);
	return r;
}
