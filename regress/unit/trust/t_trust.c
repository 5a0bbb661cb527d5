/* t_trust.c: building trust inputs for the unit tests. */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "trust.h"
#include "test.h"
#include "t_trust.h"

void
tb_init(struct tb *tb)
{
	memset(tb, 0, sizeof(*tb));
	tb->threshold = 1;
	tb->now = TB_NOW;
}

static void
free_list(char **l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

void
tb_free(struct tb *tb)
{
	size_t i;

	for (i = 0; i < tb->nv; i++) {
		free_list(tb->v[i].names, tb->v[i].nnames);
		free_list(tb->v[i].scope, tb->v[i].nscope);
	}
	free(tb->v);
	free(tb->revoked);
	free(tb->succ);
	memset(tb, 0, sizeof(*tb));
}

void
tb_pk(u_int n, u_char *pk)
{
	size_t i;

	pk[0] = 'K';
	pk[1] = (u_char)(n >> 24);
	pk[2] = (u_char)(n >> 16);
	pk[3] = (u_char)(n >> 8);
	pk[4] = (u_char)n;
	for (i = 5; i < TRUST_PKLEN; i++)
		pk[i] = (u_char)(n * 31 + i);
}

int
tb_num(const u_char *pk)
{
	u_char want[TRUST_PKLEN];
	u_int n;

	n = (u_int)pk[1] << 24 | (u_int)pk[2] << 16 | (u_int)pk[3] << 8 |
	    pk[4];
	tb_pk(n, want);
	return memcmp(pk, want, sizeof(want)) == 0 ? (int)n : -1;
}

/* Splits a comma-separated list into malloc'd strings. */
static char **
split(const char *s, size_t *np)
{
	char **l = NULL, *d, *p, *tok;
	size_t n = 0;

	*np = 0;
	if (s == NULL || *s == '\0')
		return NULL;
	if ((d = strdup(s)) == NULL)
		exit(1);
	for (p = d; (tok = strsep(&p, ",")) != NULL;) {
		if ((l = reallocarray(l, n + 1, sizeof(*l))) == NULL ||
		    (l[n++] = strdup(tok)) == NULL)
			exit(1);
	}
	free(d);
	*np = n;
	return l;
}

size_t
tb_vouch(struct tb *tb, u_int signer, u_int subject, const char *names,
    u_int depth, const char *scope)
{
	struct trust_vouch *v;

	if (tb->nv == tb->cap) {
		tb->cap = tb->cap * 2 + 16;
		if ((tb->v = reallocarray(tb->v, tb->cap,
		    sizeof(*tb->v))) == NULL)
			exit(1);
	}
	v = &tb->v[tb->nv];
	memset(v, 0, sizeof(*v));
	tb_pk(signer, v->signer);
	tb_pk(subject, v->subject);
	v->id[0] = (u_char)tb->nv;
	v->serial = tb->nv + 1;
	v->valid_before = UINT64_MAX;
	v->names = split(names, &v->nnames);
	v->scope = split(scope, &v->nscope);
	v->depth = depth;
	return tb->nv++;
}

void
tb_revoke(struct tb *tb, u_int n)
{
	if ((tb->revoked = reallocarray(tb->revoked, tb->nrevoked + 1,
	    sizeof(*tb->revoked))) == NULL)
		exit(1);
	tb_pk(n, tb->revoked[tb->nrevoked++]);
}

void
tb_succ(struct tb *tb, u_int oldn, u_int newn)
{
	if ((tb->succ = reallocarray(tb->succ, tb->nsucc + 1,
	    sizeof(*tb->succ))) == NULL)
		exit(1);
	tb_pk(oldn, tb->succ[tb->nsucc].oldpk);
	tb_pk(newn, tb->succ[tb->nsucc++].newpk);
}

void
tb_input(const struct tb *tb, struct trust_input *in)
{
	memset(in, 0, sizeof(*in));
	tb_pk(0, in->root);
	in->v = tb->v;
	in->nv = tb->nv;
	in->revoked = (const u_char (*)[TRUST_PKLEN])tb->revoked;
	in->nrevoked = tb->nrevoked;
	in->succ = tb->succ;
	in->nsucc = tb->nsucc;
	in->now = tb->now;
	in->threshold = tb->threshold;
}

struct trust *
tb_run(const struct tb *tb)
{
	struct trust_input in;
	struct trust *t;
	int r;

	tb_input(tb, &in);
	if ((r = trust_compute(&in, &t)) != 0) {
		fprintf(stderr, "trust_compute: %d\n", r);
		exit(1);
	}
	return t;
}

int
tb_status(const struct trust *t, size_t i)
{
	struct trust_vstatus s;

	if (trust_vouch_status(t, i, &s) != 0)
		return -1;
	return s.status;
}

const struct trust_key *
tb_key(const struct trust *t, u_int n)
{
	u_char pk[TRUST_PKLEN];

	tb_pk(n, pk);
	return trust_find(t, pk);
}

int
tb_trusted(const struct trust *t, u_int n)
{
	return tb_key(t, n) != NULL;
}

int
tb_keyname(struct buf *out, const u_char *pk, void *arg)
{
	char s[32];
	int n = tb_num(pk);

	(void)arg;
	if (n == 0)
		snprintf(s, sizeof(s), "R");
	else
		snprintf(s, sizeof(s), "K%d", n);
	return buf_put(out, s, strlen(s));
}
