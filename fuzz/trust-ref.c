/*
 * trust-ref.c: decoding the trust target's input and the reference
 * trust computation (tgraph.h), from trust.h's rules alone.
 */
#include "compat.h"

#include <string.h>

#include "trust.h"
#include "tgraph.h"

char names[NNAMES][16] = {
	"a.example", "b.example", "x.a.example", "A.Example", "host",
	"c.other", "", "we\001rd"
};
char scopes[NSCOPES][MAXPAT][16] = {
	{ "*.example" },
	{ "a.example", "b.example" },
	{ "*.a.example" },
	{ "*" },
	{ "!*" },
	{ "?.example", "host" },
	{ "*.EXAMPLE" },
	{ "HOST", "c.*", "x.?.example" },
};
static const u_int depths[8] = { 0, 1, 2, 3, 4, 255, 254, 128 };
static const uint64_t afters[4] = { 0, NOW, NOW + 1, UINT64_MAX };
static const uint64_t befores[4] = { UINT64_MAX, NOW + 1, NOW, 0 };
int
tg_lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* OpenSSH's match_pattern, recursive, ASCII case-insensitive. */
int
tg_glob(const char *s, const char *p)
{
	for (;; s++, p++) {
		if (*p == '\0')
			return *s == '\0';
		if (*p == '*') {
			for (; *s != '\0'; s++)
				if (tg_glob(s, p + 1))
					return 1;
			return tg_glob(s, p + 1);
		}
		if (*s == '\0')
			return 0;
		if (*p != '?' && tg_lc((u_char)*p) != tg_lc((u_char)*s))
			return 0;
	}
}

/* ASCII case-insensitive equality. */
int
tg_caseeq(const char *a, const char *b)
{
	for (; *a != '\0' && tg_lc((u_char)*a) == tg_lc((u_char)*b); a++, b++)
		;
	return tg_lc((u_char)*a) == tg_lc((u_char)*b);
}

/* 1 if every name of v lies in the scope (patterns) of vouch w. */
int
tg_in_scope(const struct trust_vouch *v, const struct trust_vouch *w)
{
	size_t i, j;

	for (i = 0; i < v->nnames; i++) {
		for (j = 0; j < w->nscope; j++)
			if (tg_glob(v->names[i], w->scope[j]))
				break;
		if (j == w->nscope)
			return 0;
	}
	return 1;
}

uint32_t
tg_depth(uint32_t d, u_int vd)
{
	if (d == UNL)
		return vd;
	return d - 1 < vd ? d - 1 : vd;
}

/* Decoding the input. */

static void
make_pk(int i, u_char *pk)
{
	size_t j;

	pk[0] = (u_char)(i * 0x9d + 0x31);
	for (j = 1; j < TRUST_PKLEN; j++)
		pk[j] = (u_char)(i * 7 + j * 13);
}

static void
add_vouch(struct graph *g, const uint8_t *r)
{
	struct trust_vouch *v = &g->v[g->in.nv];
	size_t i = g->in.nv++, j, n = 0;
	int sc;

	g->s[i] = (r[0] & 15) % g->nk;
	g->t[i] = (r[0] >> 4) % g->nk;
	g->present[g->s[i]] = g->present[g->t[i]] = 1;
	memcpy(v->signer, g->pk[g->s[i]], TRUST_PKLEN);
	memcpy(v->subject, g->pk[g->t[i]], TRUST_PKLEN);
	memset(v->id, (int)i, sizeof(v->id));
	v->serial = i;
	v->depth = depths[r[1] & 7];
	v->withdrawn = (r[1] >> 3) & 1;
	v->valid_after = afters[(r[1] >> 4) & 3];
	v->valid_before = befores[(r[1] >> 6) & 3];
	for (j = 0; j < NNAMES; j++)
		if (r[2] & (1 << j))
			g->vn[i][n++] = names[j];
	v->names = n > 0 ? g->vn[i] : NULL;
	v->nnames = n;
	sc = (r[3] & 15) % (NSCOPES + 1);
	g->sid[i] = sc - 1;
	for (n = 0; sc > 0 && n < MAXPAT && scopes[sc - 1][n][0] != '\0'; n++)
		g->vs[i][n] = scopes[sc - 1][n];
	v->scope = n > 0 ? g->vs[i] : NULL;
	v->nscope = n;
}

static void
add_succ(struct graph *g, const uint8_t *r)
{
	size_t i = g->in.nsucc++;

	g->succs[i] = (r[0] & 15) % g->nk;
	g->succt[i] = r[2] & 1 ? OUTSIDER : (r[0] >> 4) % g->nk;
	memcpy(g->succ[i].oldpk, g->pk[g->succs[i]], TRUST_PKLEN);
	memcpy(g->succ[i].newpk, g->pk[g->succt[i]], TRUST_PKLEN);
}

static void
decode_head(struct graph *g, const uint8_t *data)
{
	int i, k;

	g->nk = 1 + data[0] % MAXKEYS;
	for (i = 0; i <= MAXKEYS; i++)
		make_pk(i, g->pk[i]);
	g->present[0] = 1;
	g->in.threshold = 1 + (data[1] & 3);
	g->xmax = (data[1] >> 2) & 3;
	g->keyname = (data[1] >> 4) & 1;
	for (i = 0; i < 8; i++) {
		if (!(data[2] & (1 << i)))
			continue;
		k = i == 7 ? OUTSIDER : i;
		if (k != OUTSIDER && k >= g->nk)
			continue;
		g->revoked[k] = 1;
		memcpy(g->rev[g->in.nrevoked++], g->pk[k], TRUST_PKLEN);
	}
	g->xkey = (data[3] & 15) % (g->nk + 1);
	if (g->xkey == g->nk)
		g->xkey = OUTSIDER;
	k = (data[3] >> 4) % (NNAMES + 1);
	g->xname = k < NNAMES ? names[k] : NULL;
	if (g->xname != NULL && (data[1] & 0x20))
		g->xkey = -1;
}

void
tg_decode(struct graph *g, const uint8_t *data, size_t len)
{
	size_t off;

	memset(g, 0, sizeof(*g));
	decode_head(g, data);
	for (off = 4; off + 4 <= len; off += 4) {
		if (data[off + 3] & 0x80) {
			if (g->in.nsucc < MAXSUCC)
				add_succ(g, data + off);
		} else if (g->in.nv < MAXV)
			add_vouch(g, data + off);
	}
	memcpy(g->in.root, g->pk[0], TRUST_PKLEN);
	g->in.v = g->v;
	g->in.revoked = (const u_char (*)[TRUST_PKLEN])g->rev;
	g->in.succ = g->succ;
	g->in.now = NOW;
}

int
tg_key_index(const struct graph *g, const u_char *pk)
{
	int i;

	for (i = 0; i <= MAXKEYS; i++)
		if (memcmp(g->pk[i], pk, TRUST_PKLEN) == 0)
			return i;
	return -1;
}

/* The reference fixpoint. */

int
ref_static(const struct graph *g, size_t i)
{
	const struct trust_vouch *v = &g->v[i];

	if (v->withdrawn)
		return TRUST_V_WITHDRAWN;
	if (g->revoked[g->s[i]])
		return TRUST_V_SIGNER_REVOKED;
	if (g->revoked[g->t[i]])
		return TRUST_V_SUBJECT_REVOKED;
	if (NOW < v->valid_after)
		return TRUST_V_NOTYET;
	if (NOW >= v->valid_before)
		return TRUST_V_EXPIRED;
	if (v->nnames == 0)
		return TRUST_V_NONAMES;
	if (g->s[i] == g->t[i] && g->s[i] != 0)
		return TRUST_V_SELF;
	return TRUST_V_COUNTED;
}

static int
ref_fits(const struct graph *g, size_t i, u_int mask)
{
	struct trust_vouch w;
	char *pats[MAXPAT];
	size_t n;
	int j;

	for (j = 0; j < NSCOPES; j++) {
		if (!(mask & (1U << j)))
			continue;
		for (n = 0; n < MAXPAT && scopes[j][n][0] != '\0'; n++)
			pats[n] = scopes[j][n];
		memset(&w, 0, sizeof(w));
		w.scope = pats;
		w.nscope = n;
		if (!tg_in_scope(&g->v[i], &w))
			return 0;
	}
	return 1;
}

static int
dominates(const struct rgrant *a, const struct rgrant *b)
{
	return a->depth >= b->depth && a->len <= b->len &&
	    (a->mask & ~b->mask) == 0;
}

/* Adds grant ng to key k unless one there dominates it; 1 if added. */
static int
ref_add(struct ref *rf, int k, const struct rgrant *ng)
{
	size_t i, j;

	for (i = 0; i < rf->ng[k]; i++)
		if (dominates(&rf->g[k][i], ng))
			return 0;
	for (i = j = 0; i < rf->ng[k]; i++)
		if (!dominates(ng, &rf->g[k][i]))
			rf->g[k][j++] = rf->g[k][i];
	if (j == REFMAXG) {
		rf->overflow = 1;
		return 0;
	}
	rf->g[k][j++] = *ng;
	rf->ng[k] = j;
	return 1;
}

/* One pass over the vouches: eligibility and new grants; 1 if any. */
static int
ref_pass(const struct graph *g, struct ref *rf)
{
	struct rgrant ng, have[REFMAXG];
	size_t i, j, n;
	int s, t, changed = 0;

	for (i = 0; i < g->in.nv; i++) {
		s = g->s[i];
		t = g->t[i];
		if (rf->status[i] != TRUST_V_COUNTED || !rf->trusted[s])
			continue;
		n = rf->ng[s];
		memcpy(have, rf->g[s], n * sizeof(have[0]));
		for (j = 0; j < n; j++) {
			if (have[j].depth == 0 ||
			    !ref_fits(g, i, have[j].mask))
				continue;
			if (!rf->elig[i])
				rf->elig[i] = changed = 1;
			if (!rf->trusted[t])
				continue;
			ng.depth = tg_depth(have[j].depth, g->v[i].depth);
			ng.len = have[j].len + 1;
			ng.mask = have[j].mask |
			    (g->sid[i] >= 0 ? 1U << g->sid[i] : 0);
			changed |= ref_add(rf, t, &ng);
		}
	}
	return changed;
}

/* Keys whose eligible vouches reach the threshold; 1 if any. */
static int
ref_threshold(const struct graph *g, struct ref *rf)
{
	int seen[MAXKEYS], t, n, root, changed = 0;
	size_t i;

	for (t = 1; t < g->nk; t++) {
		if (rf->trusted[t])
			continue;
		memset(seen, 0, sizeof(seen));
		n = root = 0;
		for (i = 0; i < g->in.nv; i++) {
			if (!rf->elig[i] || g->t[i] != t)
				continue;
			n += !seen[g->s[i]];
			seen[g->s[i]] = 1;
			root |= g->s[i] == 0;
		}
		if (root || n >= (int)g->in.threshold)
			rf->trusted[t] = changed = 1;
	}
	return changed;
}

uint32_t
ref_maxdepth(const struct ref *rf, int k)
{
	uint32_t d = 0;
	size_t i;

	for (i = 0; i < rf->ng[k]; i++)
		if (rf->g[k][i].depth > d)
			d = rf->g[k][i].depth;
	return d;
}

u_int
ref_minlen(const struct ref *rf, int k)
{
	u_int l = UINT32_MAX;
	size_t i;

	for (i = 0; i < rf->ng[k]; i++)
		if (rf->g[k][i].len < l)
			l = rf->g[k][i].len;
	return l;
}

void
ref_compute(const struct graph *g, struct ref *rf)
{
	struct rgrant root = { UNL, 0, 0 };
	size_t i;
	int pass, ch;

	memset(rf, 0, sizeof(*rf));
	for (i = 0; i < g->in.nv; i++)
		rf->status[i] = ref_static(g, i);
	if (!g->revoked[0]) {
		rf->trusted[0] = 1;
		(void)ref_add(rf, 0, &root);
	}
	for (pass = 0, ch = 1; ch && !rf->overflow; pass++) {
		if (pass == REFMAXPASS) {
			rf->overflow = 1;
			return;
		}
		ch = ref_pass(g, rf);
		ch |= ref_threshold(g, rf);
	}
	for (i = 0; i < g->in.nv; i++) {
		if (rf->status[i] != TRUST_V_COUNTED)
			continue;
		if (!rf->trusted[g->s[i]])
			rf->status[i] = TRUST_V_UNTRUSTED;
		else if (rf->elig[i])
			rf->status[i] = rf->trusted[g->t[i]] ?
			    TRUST_V_COUNTED : TRUST_V_THRESHOLD;
		else
			rf->status[i] = ref_maxdepth(rf, g->s[i]) >= 1 ?
			    TRUST_V_SCOPE : TRUST_V_DEPTH;
	}
}

int
ref_nsigners(const struct graph *g, const struct ref *rf, int k)
{
	int seen[MAXKEYS], n = 0;
	size_t i;

	memset(seen, 0, sizeof(seen));
	for (i = 0; i < g->in.nv; i++) {
		if (!rf->elig[i] || g->t[i] != k || seen[g->s[i]])
			continue;
		seen[g->s[i]] = 1;
		n++;
	}
	return n;
}

/* The reference's verdict on name for key k: signers, by the root. */
int
ref_name(const struct graph *g, const struct ref *rf, int k,
    const char *name, int *byroot)
{
	int seen[MAXKEYS], n = 0;
	size_t i, j;

	memset(seen, 0, sizeof(seen));
	*byroot = 0;
	for (i = 0; i < g->in.nv; i++) {
		if (rf->status[i] != TRUST_V_COUNTED || g->t[i] != k ||
		    seen[g->s[i]])
			continue;
		for (j = 0; j < g->v[i].nnames; j++)
			if (tg_caseeq(g->v[i].names[j], name))
				break;
		if (j == g->v[i].nnames)
			continue;
		seen[g->s[i]] = 1;
		*byroot |= g->s[i] == 0;
		n++;
	}
	return n;
}

int
ref_has_name(const struct graph *g, const struct ref *rf, int k,
    const char *name)
{
	int n, byroot;

	if (!rf->trusted[k])
		return 0;
	n = ref_name(g, rf, k, name, &byroot);
	return n > 0 && (byroot || n >= (int)g->in.threshold);
}
