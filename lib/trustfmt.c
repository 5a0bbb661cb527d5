/*
 * trustfmt.c: explanations of trust as human-readable text.
 */
#include "compat.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "fp.h"
#include "kerr.h"
#include "key.h"
#include "trust.h"
#include "trustpriv.h"
#include "validity.h"

/* What the formatter needs at hand. */
struct fmt {
	struct buf		*out;
	const struct trust_explain *e;
	const struct trust_why	*w;
	const struct trust_vouch *v;	/* the input vouches */
	trust_keyname_fn	*keyname;
	void			*arg;
};

static int
put_str(struct buf *out, const char *s)
{
	return buf_put(out, s, strlen(s));
}

/* Appends untrusted text with bytes outside '!'..'~' (and '\') as \xNN. */
static int
put_esc(struct buf *out, const char *s)
{
	char x[5];
	int r;

	for (; *s != '\0'; s++) {
		if (*s >= '!' && *s <= '~' && *s != '\\')
			r = buf_put(out, s, 1);
		else {
			(void)snprintf(x, sizeof(x), "\\x%02x", (u_char)*s);
			r = put_str(out, x);
		}
		if (r != 0)
			return r;
	}
	return 0;
}

static int
put_list(struct buf *out, char *const *l, size_t n)
{
	size_t i;
	int r;

	for (i = 0; i < n; i++)
		if ((i > 0 && (r = put_str(out, ",")) != 0) ||
		    (r = put_esc(out, l[i])) != 0)
			return r;
	return 0;
}

/* The SHA256 fingerprint of the ssh-ed25519 key pk. */
static int
put_fp(struct buf *out, const u_char *pk)
{
	struct buf *blob;
	int r;

	if ((blob = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = buf_put_cstring(blob, KEY_TYPE)) == 0 &&
	    (r = buf_put_string(blob, pk, TRUST_PKLEN)) == 0)
		r = fp_sha256(out, buf_ptr(blob), buf_len(blob));
	buf_free(blob);
	return r;
}

static int
put_key(const struct fmt *f, const u_char *pk)
{
	if (f->keyname != NULL)
		return f->keyname(f->out, pk, f->arg);
	return put_fp(f->out, pk);
}

static int
put_depth(struct buf *out, uint32_t d)
{
	if (d == TRUST_UNLIMITED)
		return put_str(out, "unlimited");
	return buf_put_num(out, d);
}

/* The outcome of a hop: "counted, ...", the rule that failed, and why. */
static int
put_outcome(const struct fmt *f, const struct trust_hop *h)
{
	const struct trust_vouch *v = &f->v[h->vouch], *sv;
	int r;

	if ((r = put_str(f->out, trust_status_str(h->status))) != 0)
		return r;
	switch (h->status) {
	case TRUST_V_COUNTED:
		if ((r = put_str(f->out, ", remaining depth ")) != 0)
			return r;
		return put_depth(f->out, h->depth);
	case TRUST_V_SCOPE:
		sv = &f->v[h->scopev];
		if ((r = put_str(f->out, ": ")) != 0 ||
		    (r = put_esc(f->out, v->names[h->name])) != 0 ||
		    (r = put_str(f->out, " not in ")) != 0 ||
		    (r = put_list(f->out, sv->scope, sv->nscope)) != 0 ||
		    (r = put_str(f->out, " given to ")) != 0)
			return r;
		return put_key(f, sv->subject);
	case TRUST_V_THRESHOLD:
		if ((r = put_str(f->out, ": ")) != 0 ||
		    (r = buf_put_num(f->out, f->w->nsigners)) != 0 ||
		    (r = put_str(f->out, " of ")) != 0 ||
		    (r = buf_put_num(f->out, f->e->threshold)) != 0)
			return r;
		return put_str(f->out, " signers");
	}
	return 0;
}

/*
 * "    S -> T: serial N, names a,b, depth D, scope p,q, valid ...:
 * outcome", one line.
 */
static int
put_hop(const struct fmt *f, const struct trust_hop *h)
{
	const struct trust_vouch *v = &f->v[h->vouch];
	int r;

	if ((r = put_str(f->out, "    ")) != 0 ||
	    (r = put_key(f, v->signer)) != 0 ||
	    (r = put_str(f->out, " -> ")) != 0 ||
	    (r = put_key(f, v->subject)) != 0 ||
	    (r = put_str(f->out, ": serial ")) != 0 ||
	    (r = buf_put_num(f->out, v->serial)) != 0 ||
	    (r = put_str(f->out, ", names ")) != 0 ||
	    (r = put_list(f->out, v->names, v->nnames)) != 0 ||
	    (r = put_str(f->out, ", depth ")) != 0 ||
	    (r = buf_put_num(f->out, v->depth)) != 0)
		return r;
	if (v->nscope > 0 &&
	    ((r = put_str(f->out, ", scope ")) != 0 ||
	    (r = put_list(f->out, v->scope, v->nscope)) != 0))
		return r;
	if ((r = put_str(f->out, ", valid ")) != 0 ||
	    (r = validity_format(f->out, v->valid_after,
	    v->valid_before)) != 0 ||
	    (r = put_str(f->out, ": ")) != 0 ||
	    (r = put_outcome(f, h)) != 0)
		return r;
	return put_str(f->out, "\n");
}

/* "KEY: trusted for NAME: 2 signers, threshold 2, depth 1, path 2". */
static int
put_head(const struct fmt *f, const struct trust *t)
{
	const struct trust_why *w = f->w;
	const struct trust_key *rk = trust_find(t, w->pk);
	int r;

	if ((r = put_key(f, w->pk)) != 0 ||
	    (r = put_str(f->out, w->trusted ? ": trusted" :
	    ": not trusted")) != 0)
		return r;
	if (f->e->name != NULL &&
	    ((r = put_str(f->out, " for ")) != 0 ||
	    (r = put_esc(f->out, f->e->name)) != 0))
		return r;
	if (w->isroot && f->e->name == NULL)
		return put_str(f->out, ": the root (your own key)\n");
	if ((r = put_str(f->out, ": ")) != 0 ||
	    (r = buf_put_num(f->out, w->nsigners)) != 0 ||
	    (r = put_str(f->out, " of ")) != 0 ||
	    (r = buf_put_num(f->out, f->e->threshold)) != 0 ||
	    (r = put_str(f->out, " signers")) != 0)
		return r;
	if (w->trusted && rk != NULL &&
	    ((r = put_str(f->out, ", remaining depth ")) != 0 ||
	    (r = put_depth(f->out, rk->depth)) != 0 ||
	    (r = put_str(f->out, ", path length ")) != 0 ||
	    (r = buf_put_num(f->out, rk->pathlen)) != 0))
		return r;
	/* the cap keeps some routes (trust.h): a path shown may be another */
	if (w->trusted && rk != NULL && rk->capped &&
	    (r = put_str(f->out, " (routes capped at " TRUST_MAXGRANTS_S
	    ": these are the kept ones; a path below may be one not kept)")))
		return r;
	return put_str(f->out, "\n");
}

static int
put_why(struct fmt *f, const struct trust *t)
{
	const struct trust_why *w = f->w;
	size_t i, j;
	int r;

	if ((r = put_head(f, t)) != 0)
		return r;
	for (i = 0; i < w->npaths; i++) {
		if ((r = put_str(f->out, w->trusted ? "  path " :
		    "  failure ")) != 0 ||
		    (r = buf_put_num(f->out, i + 1)) != 0 ||
		    (r = put_str(f->out, ":\n")) != 0)
			return r;
		for (j = 0; j < w->paths[i].nhops; j++)
			if ((r = put_hop(f, &w->paths[i].hops[j])) != 0)
				return r;
	}
	if (!w->trusted && w->npaths == 0 &&
	    (r = put_str(f->out, f->e->name == NULL ?
	    "  no vouch from a trusted key reaches it\n" :
	    "  no vouch from a trusted key reaches it with that name\n")) != 0)
		return r;
	if (w->more)
		return put_str(f->out, "  more paths not shown\n");
	return 0;
}

int
trust_explain_format(struct buf *out, const struct trust *t,
    const struct trust_explain *e, trust_keyname_fn *keyname, void *arg)
{
	struct fmt f;
	size_t i;
	int r;

	memset(&f, 0, sizeof(f));
	f.out = out;
	f.e = e;
	f.v = t->v;
	f.keyname = keyname;
	f.arg = arg;
	if (e->nwhy == 0 && e->name != NULL) {
		if ((r = put_str(out, "no vouch names ")) != 0 ||
		    (r = put_esc(out, e->name)) != 0)
			return r;
		return put_str(out, "\n");
	}
	for (i = 0; i < e->nwhy; i++) {
		f.w = &e->why[i];
		if ((r = put_why(&f, t)) != 0)
			return r;
	}
	return 0;
}
