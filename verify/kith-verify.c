/* kith-verify: which keys are trusted for which names, and why. */
#include "compat.h"

#include <err.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "cert.h"
#include "file.h"
#include "fp.h"
#include "hostfile.h"
#include "kdir.h"
#include "kerr.h"
#include "key.h"
#include "keylist.h"
#include "outfile.h"
#include "privkey.h"
#include "sandbox.h"
#include "stmtstore.h"
#include "store.h"
#include "tindex.h"
#include "trust.h"
#include "trustload.h"
#include "validity.h"

enum mode { M_LIST, M_JSON, M_OUT, M_CHECK, M_KHCMD, M_EXPLAIN, M_WATCH };

struct verify_opts {
	const char	*dir;
	const char	*keyfile;
	time_t		 now;
	u_int		 threshold;
	long long	 days;
	int		 hash;
	struct outfile	*of;		/* -o */
};

static _Noreturn void
die(const char *what, int r)
{
	errx(2, "%s: %s", what, kith_strerror(r));
}

static void
put_stdout(struct buf *b)
{
	if (fwrite(buf_ptr(b), 1, buf_len(b), stdout) != buf_len(b) ||
	    fflush(stdout) != 0)
		err(2, "stdout");
	buf_reset(b);
}

/* Loads the kith directory and computes trust; dies on error. */
static struct trustctx *
load(const struct verify_opts *o, char **dirp)
{
	struct trustctx *c;
	char msg[1024];
	int r;

	if ((r = kdir_resolve(o->dir, dirp)) != 0)
		die("kith directory", r);
	if ((r = trustctx_load(*dirp, o->now, o->threshold, &c)) != 0) {
		trustctx_error(*dirp, r, msg, sizeof(msg));
		errx(2, "%s", msg);
	}
	/* best effort: -c and -K use it when nothing has changed */
	(void)tindex_write(*dirp, c, (uint64_t)o->now, o->threshold);
	return c;
}

#define MAXHOLD	16

/*
 * The keys trusted for name (up to MAXHOLD in pks; *np counts all), from
 * the index when it answers for now, else by computing trust.
 */
/* 1 if name is in conflict in t. */
static int
in_conflict(const struct trust *t, const char *name)
{
	const struct trust_conflict *cf;
	size_t n, i;

	cf = trust_conflicts(t, &n);
	for (i = 0; i < n; i++)
		if (strcasecmp(cf[i].name, name) == 0)
			return 1;
	return 0;
}

static void
holders(const struct verify_opts *o, const char *name, u_char (*pks)[32],
    size_t *np, int *conflictp)
{
	const struct trust_hold *h;
	struct trustctx *c;
	struct tindex *ix = NULL;
	u_char root[32];
	char *dir = NULL;
	size_t i;
	int r;

	if ((r = kdir_resolve(o->dir, &dir)) != 0)
		die("kith directory", r);
	if (trustctx_root(dir, root) == 0 && tindex_open(dir, root,
	    (uint64_t)o->now, o->threshold, &ix) == 0 &&
	    tindex_lookup(ix, name, pks, MAXHOLD, np, conflictp) == 0) {
		tindex_close(ix);
		free(dir);
		return;
	}
	tindex_close(ix);
	free(dir);
	c = load(o, &dir);
	*np = trust_by_name(c->t, name, &h);
	*conflictp = in_conflict(c->t, name);
	for (i = 0; i < *np && i < MAXHOLD; i++)
		memcpy(pks[i], h[i].key->pk, 32);
	trustctx_free(c);
	free(dir);
}

static int
put_fp(struct buf *b, const u_char *pk)
{
	struct key k;

	memset(&k, 0, sizeof(k));
	memcpy(k.pk, pk, sizeof(k.pk));
	return fp_key(b, &k, FP_SHA256);
}

/* trust_explain_format's key names: the fingerprint. */
static int
keyname(struct buf *b, const u_char *pk, void *arg)
{
	const u_char *root = arg;
	int r;

	if ((r = put_fp(b, pk)) != 0)
		return r;
	return memcmp(pk, root, 32) == 0 ? buf_puts(b, " (you)") : 0;
}

static int
put_names(struct buf *b, const struct trust_key *k, int json)
{
	size_t i;
	int r = 0;

	if (json)
		r = buf_put_u8(b, '[');
	for (i = 0; r == 0 && i < k->nnames; i++) {
		if (i > 0 && (r = buf_put_u8(b, ',')) != 0)
			break;
		r = json ? buf_put_json_str(b, k->names[i].name) :
		    buf_puts(b, k->names[i].name);
	}
	if (r == 0 && json)
		r = buf_put_u8(b, ']');
	else if (r == 0 && k->nnames == 0)
		r = buf_puts(b, "-");
	return r;
}

static int
list_key(struct buf *b, const struct trust_key *k, int json, int first)
{
	int r;

	if (json) {
		if ((r = buf_puts(b, first ? "\n  {" : ",\n  {")) != 0 ||
		    (r = buf_puts(b, "\"fingerprint\":\"")) != 0 ||
		    (r = put_fp(b, k->pk)) != 0 ||
		    (r = buf_puts(b, "\",\"names\":")) != 0 ||
		    (r = put_names(b, k, 1)) != 0 ||
		    (r = buf_puts(b, ",\"depth\":")) != 0 ||
		    (r = k->depth == TRUST_UNLIMITED ?
		    buf_puts(b, "null") : buf_put_num(b, k->depth)) != 0 ||
		    (r = buf_puts(b, ",\"path_length\":")) != 0 ||
		    (r = buf_put_num(b, k->pathlen)) != 0 ||
		    (r = buf_puts(b, ",\"signers\":")) != 0 ||
		    (r = buf_put_num(b, k->nsigners)) != 0 ||
		    (r = buf_puts(b, k->isroot ? ",\"root\":true}" :
		    ",\"root\":false}")) != 0)
			return r;
		return 0;
	}
	if ((r = put_fp(b, k->pk)) != 0 ||
	    (r = buf_puts(b, k->isroot ? " (you)\n    names: " :
	    "\n    names: ")) != 0 ||
	    (r = put_names(b, k, 0)) != 0 ||
	    (r = buf_puts(b, "\n    depth: ")) != 0 ||
	    (r = k->depth == TRUST_UNLIMITED ? buf_puts(b, "unlimited") :
	    buf_put_num(b, k->depth)) != 0 ||
	    (r = buf_puts(b, ", path length: ")) != 0 ||
	    (r = buf_put_num(b, k->pathlen)) != 0 ||
	    (r = buf_puts(b, ", signers: ")) != 0 ||
	    (r = buf_put_num(b, k->nsigners)) != 0)
		return r;
	return buf_put_u8(b, '\n');
}

static int
list_conflicts(struct buf *b, const struct trust *t, int json)
{
	const struct trust_conflict *cf;
	size_t n, i, j;
	int r;

	cf = trust_conflicts(t, &n);
	if ((r = buf_puts(b, json ? "\n ],\n \"conflicts\": [" :
	    n > 0 ? "conflicts:\n" : "")) != 0)
		return r;
	for (i = 0; i < n; i++) {
		if ((r = buf_puts(b, json ? (i ? ",\n  {\"name\":" :
		    "\n  {\"name\":") : "  ")) != 0 ||
		    (r = json ? buf_put_json_str(b, cf[i].name) :
		    buf_puts(b, cf[i].name)) != 0 ||
		    (r = buf_puts(b, json ? ",\"keys\":[" : ":")) != 0)
			return r;
		for (j = 0; j < cf[i].nholds; j++) {
			if ((r = buf_puts(b, json ? (j ? ",\"" : "\"") :
			    " ")) != 0 ||
			    (r = put_fp(b, cf[i].holds[j].key->pk)) != 0 ||
			    (json && (r = buf_put_u8(b, '"')) != 0))
				return r;
		}
		if ((r = buf_puts(b, json ? "]}" : "\n")) != 0)
			return r;
	}
	return 0;
}

/* "N lines of FILE are not valid (first: line L, reason)". */
static int
put_bad(struct buf *b, size_t n, const char *file, size_t line, int err)
{
	return n == 0 ? 0 : buf_put_num(b, n) || buf_puts(b, " lines of ") ||
	    buf_puts(b, file) || buf_puts(b, " are not valid (first: line ") ||
	    buf_put_num(b, line) || buf_puts(b, ", ") ||
	    buf_puts(b, kith_strerror(err)) || buf_puts(b, ")\n") ?
	    KE_NOMEM : 0;
}

/* Vouches that do not count, other than those of untrusted signers. */
static int
list_problems(struct buf *b, const struct trustctx *c, int json)
{
	struct trust_vstatus st;
	const struct trust_vouch *v;
	size_t i, n = 0, inert = 0;
	const char *why;
	size_t k = 0;
	int r;

	if ((r = buf_puts(b, json ? "\n ],\n \"problems\": [" : "")) != 0)
		return r;
	for (i = 0; i < c->vs->n; i++) {
		v = &c->vs->tv[i];
		why = c->vs->check[i] != 0 ? kith_strerror(c->vs->check[i]) :
		    NULL;
		if (why == NULL) {
			/* tvi is increasing: k follows i */
			if ((r = trust_vouch_status(c->t, k++, &st)) != 0)
				return r;
			if (st.status == TRUST_V_COUNTED)
				continue;
			if (st.status == TRUST_V_UNTRUSTED) {
				inert++;
				continue;
			}
			/* a redundant vouch on a key trusted anyway */
			if ((st.status == TRUST_V_DEPTH ||
			    st.status == TRUST_V_THRESHOLD) &&
			    trust_find(c->t, v->subject) != NULL)
				continue;
			why = trust_status_str(st.status);
		}
		if ((r = buf_puts(b, json ? (n++ ? ",\n  {\"line\":" :
		    "\n  {\"line\":") : n++ ? "" : "problems:\n")) != 0 ||
		    (!json && (r = buf_puts(b, "  vouches line "))) ||
		    (r = buf_put_num(b, c->vs->line[i])) != 0 ||
		    (r = buf_puts(b, json ? ",\"problem\":" : ": ")) != 0 ||
		    (r = json ? buf_put_json_str(b, why) : buf_puts(b, why)) ||
		    (r = buf_puts(b, json ? ",\"subject\":\"" : " (key ")) ||
		    (r = put_fp(b, v->subject)) != 0 ||
		    (r = buf_puts(b, json ? "\",\"signer\":\"" :
		    ", signer ")) != 0 ||
		    (r = put_fp(b, v->signer)) != 0 ||
		    (r = buf_puts(b, json ? "\"}" : ")\n")) != 0)
			return r;
	}
	if (json)
		return buf_puts(b, "\n ],\n \"inert\": ") ||
		    buf_put_num(b, inert) ||
		    buf_puts(b, ",\n \"bad_lines\": ") ||
		    buf_put_num(b, c->vs->nbad) ||
		    buf_puts(b, ",\n \"bad_statement_lines\": ") ||
		    buf_put_num(b, c->ss->nbad) || buf_puts(b, "\n}\n");
	if (inert > 0 && ((r = buf_put_num(b, inert)) != 0 ||
	    (r = buf_puts(b, " vouches by signers you do not trust "
	    "(kept, inert)\n")) != 0))
		return r;
	if ((r = put_bad(b, c->vs->nbad, "vouches", c->vs->firstbad,
	    c->vs->firstbad_err)) != 0)
		return r;
	return put_bad(b, c->ss->nbad, "statements", c->ss->firstbad,
	    c->ss->firstbad_err);
}

static int
verify_list(const struct verify_opts *o, int json)
{
	struct trustctx *c;
	const struct trust_key *keys;
	struct buf *b;
	char *dir = NULL;
	size_t n, i;
	int r;

	c = load(o, &dir);
	if (trust_find(c->t, c->root) == NULL)	/* as -w's CRITICAL */
		warnx("your own key is revoked or retired, so nothing is "
		    "trusted: name your current key in %s/identity", dir);
	keys = trust_keys(c->t, &n);
	if ((b = buf_new()) == NULL)
		die(dir, KE_NOMEM);
	r = json ? buf_puts(b, "{\n \"version\": 1,\n \"time\": ") ||
	    buf_put_num(b, (unsigned long long)o->now) ||
	    buf_puts(b, ",\n \"threshold\": ") ||
	    buf_put_num(b, o->threshold) ||
	    buf_puts(b, ",\n \"keys\": [") : 0;
	for (i = 0; r == 0 && i < n; i++)
		r = list_key(b, &keys[i], json, i == 0);
	if (r == 0)
		r = list_conflicts(b, c->t, json);
	if (r == 0)
		r = list_problems(b, c, json);
	if (r != 0)
		die(dir, r < 0 ? r : KE_NOMEM);
	put_stdout(b);
	buf_free(b);
	trustctx_free(c);
	free(dir);
	return 0;
}

/*
 * "@revoked * key" for each revoked key a path of yours would trust, so
 * ssh refuses it loudly instead of asking.
 */
static int
put_revoked(struct buf *b, const struct trustctx *c)
{
	u_char (*pks)[32] = NULL;
	const char *star = "*";
	struct key k;
	size_t n, i;
	int r;

	if ((r = trustctx_revoked_trusted(c, &pks, &n)) != 0)
		return r;
	memset(&k, 0, sizeof(k));
	for (i = 0; i < n && r == 0; i++) {
		memcpy(k.pk, pks[i], sizeof(k.pk));
		r = hostfile_line(b, "@revoked", &star, 1, &k, 0);
	}
	free(pks);
	return r;
}

static int
verify_write(const struct verify_opts *o, const char *path)
{
	struct trustctx *c;
	const struct trust_key *keys;
	struct buf *b;
	struct key k;
	const char **names;
	char *dir = NULL;
	size_t n, i, j, nn, skipped;
	int r = 0;

	c = load(o, &dir);
	keys = trust_keys(c->t, &n);
	if ((b = buf_new()) == NULL)
		die(dir, KE_NOMEM);
	if ((r = buf_puts(b, "# written by kith-verify: edits are lost at "
	    "its next run\n")) != 0)
		die(path, r);
	memset(&k, 0, sizeof(k));
	for (i = 0; i < n; i++) {
		if ((names = calloc(keys[i].nnames + 1, sizeof(*names))) ==
		    NULL)
			die(path, KE_NOMEM);
		for (j = nn = 0; j < keys[i].nnames; j++)
			if (!in_conflict(c->t, keys[i].names[j].name))
				names[nn++] = keys[i].names[j].name;
		memcpy(k.pk, keys[i].pk, sizeof(k.pk));
		if (nn > 0 && (r = hostfile_line(b, NULL, names, nn, &k,
		    o->hash)) != 0)
			die(path, r);
		free(names);
	}
	if ((r = put_revoked(b, c)) != 0 ||
	    (r = outfile_write(o->of, buf_ptr(b), buf_len(b))) != 0 ||
	    (r = outfile_commit(o->of)) != 0)
		die(path, r);
	(void)trust_conflicts(c->t, &skipped);	/* each held by 2+ keys */
	if (skipped > 0)
		warnx("%s: left out %zu name%s held by more than one key "
		    "(see kith-verify -x NAME)", path, skipped,
		    skipped == 1 ? "" : "s");
	buf_free(b);
	trustctx_free(c);
	free(dir);
	return 0;
}

/* The keys in o->keyfile (default stdin): a .pub, ssh-keyscan output... */
static size_t
read_keys(const struct verify_opts *o, struct key ***ksp)
{
	const char *path = o->keyfile != NULL ? o->keyfile : "-";
	struct keylist *kl = NULL;
	struct buf *text = NULL;
	struct key *k, **ks = NULL;
	size_t n = 0;
	int r;

	if ((r = file_read(path, KITH_MAXFILE, &text)) != 0 ||
	    (r = keylist_open(buf_ptr(text), buf_len(text),
	    KEYLIST_OWNCOMMENT, &kl)) != 0)
		die(path, r);
	while ((r = keylist_next(kl, &k, NULL, NULL)) == 0) {
		if ((ks = reallocarray(ks, n + 1, sizeof(*ks))) == NULL)
			die(path, KE_NOMEM);
		ks[n++] = k;
	}
	if (r != KE_NOTFOUND)
		die(path, r);
	if (n == 0)
		die(strcmp(path, "-") == 0 ? "(stdin)" : path,
		    keylist_nforeign(kl) > 0 ? KE_KEYTYPE : KE_NOTPUB);
	keylist_free(kl);
	buf_free(text);
	*ksp = ks;
	return n;
}

static int
verify_check(const struct verify_opts *o, const char *host)
{
	u_char pks[MAXHOLD][32];
	struct key **ks;
	struct buf *b;
	char *name = NULL;
	size_t n, i, j, nh;
	int r, found = -1, conflict;

	if ((r = hostfile_host(host, &name)) != 0)
		die(host, r);
	n = read_keys(o, &ks);
	holders(o, name, pks, &nh, &conflict);
	for (i = 0; i < n && found == -1 && !conflict; i++)
		for (j = 0; j < nh && j < MAXHOLD && found == -1; j++)
			if (memcmp(ks[i]->pk, pks[j], 32) == 0)
				found = (int)i;
	if ((b = buf_new()) == NULL)
		die(host, KE_NOMEM);
	if (conflict) {
		r = buf_puts(b, "conflict: ");
		r = r ? r : buf_put_num(b, nh);
		r = r ? r : buf_puts(b, " keys are trusted for this name");
	} else if (found >= 0) {
		r = buf_puts(b, "trusted: ");
		r = r ? r : put_fp(b, ks[found]->pk);
	} else {
		r = buf_puts(b, nh > 0 ? "not trusted: the trusted key is " :
		    "not trusted: no key is trusted for this name");
		r = r || nh == 0 ? r : put_fp(b, pks[0]);
	}
	if (r != 0 || (r = buf_put_u8(b, '\0')) != 0)
		die(host, r);
	printf("%s: %s\n", host, (const char *)buf_ptr(b));
	for (i = 0; i < n; i++)
		key_free(ks[i]);
	free(ks);
	buf_free(b);
	free(name);
	return found >= 0 ? 0 : 1;
}

/*
 * For ssh's KnownHostsCommand: known_hosts lines for host, as given.
 * Exits 0 even when there are none: ssh stops on any other status.
 */
static int
verify_khcmd(const struct verify_opts *o, const char *host)
{
	u_char pks[MAXHOLD][32];
	struct buf *b;
	struct key k;
	char *name = NULL;
	size_t nh, i;
	int r, conflict;

	if ((r = hostfile_host(host, &name)) != 0)
		die(host, r);
	holders(o, name, pks, &nh, &conflict);
	if (conflict)
		warnx("%s: %zu keys are trusted for this name; giving none "
		    "(see kith-verify -x %s)", host, nh, name);
	if ((b = buf_new()) == NULL)
		die(host, KE_NOMEM);
	memset(&k, 0, sizeof(k));
	for (i = 0; !conflict && i < nh && i < MAXHOLD; i++) {
		memcpy(k.pk, pks[i], sizeof(k.pk));
		if ((r = hostfile_line(b, NULL, &host, 1, &k, 0)) != 0)
			die(host, r);
	}
	put_stdout(b);
	buf_free(b);
	free(name);
	return 0;	/* ssh gives up on a nonzero status */
}

/* A key by its SHA256 fingerprint among the store's keys. */
static int
find_fp(const struct trustctx *c, const char *fp, u_char *pk)
{
	struct buf *b;
	const u_char *cand[2];
	size_t i, j;
	int found = 0;

	if ((b = buf_new()) == NULL)
		die(fp, KE_NOMEM);
	for (i = 0; i <= c->vs->n && !found; i++) {
		cand[0] = i < c->vs->n ? c->vs->tv[i].subject : c->root;
		cand[1] = i < c->vs->n ? c->vs->tv[i].signer : c->root;
		for (j = 0; j < 2 && !found; j++) {
			buf_reset(b);
			if (put_fp(b, cand[j]) != 0 || buf_put_u8(b, 0) != 0)
				die(fp, KE_NOMEM);
			if (strcmp((const char *)buf_ptr(b), fp) == 0) {
				memcpy(pk, cand[j], 32);
				found = 1;
			}
		}
	}
	buf_free(b);
	return found;
}

static int
verify_explain(const struct verify_opts *o, const char *what)
{
	struct trust_explain *e = NULL;
	struct trustctx *c;
	struct buf *b;
	u_char pk[32];
	char *dir = NULL, *name = NULL;
	size_t i;
	int r, isfp = strncmp(what, "SHA256:", 7) == 0, trusted = 0;

	if (!isfp && (r = hostfile_host(what, &name)) != 0)
		die(what, r);
	c = load(o, &dir);
	if (isfp && !find_fp(c, what, pk))
		errx(1, "%s: no such key in the store", what);
	if ((r = trust_explain(c->t, isfp ? pk : NULL, name, 0, &e)) != 0)
		die(what, r);
	if ((b = buf_new()) == NULL)
		die(dir, KE_NOMEM);
	if (e->nwhy == 0)
		r = buf_puts(b, name) || buf_puts(b, ": no vouch names this "
		    "host\n") ? KE_NOMEM : 0;
	else
		r = trust_explain_format(b, c->t, e, keyname, c->root);
	if (r != 0)
		die(what, r);
	for (i = 0; i < e->nwhy; i++)
		trusted += e->why[i].trusted;
	put_stdout(b);
	buf_free(b);
	trust_explain_free(e);
	trustctx_free(c);
	free(name);
	free(dir);
	return trusted == 1 || (isfp && trusted > 0) ? 0 : 1;
}

/* The counted vouches that end within o->days, as "name date" text. */
static size_t
expiring(const struct verify_opts *o, const struct trustctx *c,
    struct buf *b)
{
	struct trust_vstatus st;
	uint64_t limit = (uint64_t)o->now + (uint64_t)o->days * 86400;
	size_t i, n = 0;

	for (i = 0; i < c->ntv; i++) {
		if (trust_vouch_status(c->t, i, &st) != 0 ||
		    st.status != TRUST_V_COUNTED ||
		    c->tv[i].valid_before > limit)
			continue;
		if ((n++ > 0 && buf_puts(b, ", ") != 0) ||
		    buf_puts(b, c->tv[i].names[0]) != 0 ||
		    buf_put_u8(b, ' ') != 0 ||
		    validity_format_time(b, c->tv[i].valid_before) != 0)
			die("-w", KE_NOMEM);
	}
	return n;
}

static int
verify_watch(const struct verify_opts *o)
{
	struct trustctx *c = NULL;
	struct buf *b;
	char *dir = NULL, msg[1024];
	size_t nkeys, nconf, nexp;
	int r;

	if ((r = kdir_resolve(o->dir, &dir)) != 0)
		snprintf(msg, sizeof(msg), "kith directory: %s",
		    kith_strerror(r));
	else if ((r = trustctx_load(dir, o->now, o->threshold, &c)) != 0)
		trustctx_error(dir, r, msg, sizeof(msg));
	if (r != 0) {
		printf("KITH CRITICAL - %s\n", msg);
		free(dir);
		return 2;
	}
	if (trust_find(c->t, c->root) == NULL) {
		printf("KITH CRITICAL - your own key is not trusted "
		    "(revoked?)\n");
		trustctx_free(c);
		free(dir);
		return 2;
	}
	(void)trust_keys(c->t, &nkeys);
	(void)trust_conflicts(c->t, &nconf);
	if ((b = buf_new()) == NULL)
		die(dir, KE_NOMEM);
	nexp = expiring(o, c, b);
	if (buf_put_u8(b, '\0') != 0)
		die(dir, KE_NOMEM);
	if (nexp == 0 && nconf == 0)
		printf("KITH OK - %zu keys trusted; no vouch ends within "
		    "%lld days\n", nkeys, o->days);
	else
		printf("KITH WARNING - %zu keys trusted; %zu conflict%s; "
		    "%zu vouch%s end within %lld days%s%s\n", nkeys, nconf,
		    nconf == 1 ? "" : "s", nexp, nexp == 1 ? "" : "es",
		    o->days, nexp ? ": " : "", (const char *)buf_ptr(b));
	buf_free(b);
	trustctx_free(c);
	free(dir);
	return nexp == 0 && nconf == 0 ? 0 : 1;
}

static _Noreturn void
usage(void)
{
	const char *p = getprogname();

	fprintf(stderr,
	    "usage: %s [-j] [-d dir] [-m k] [-t time]\n"
	    "       %s [-H] [-d dir] [-m k] [-t time] -o file\n"
	    "       %s [-d dir] [-f keyfile] [-m k] [-t time] -c host\n"
	    "       %s [-d dir] [-m k] [-t time] -K host\n"
	    "       %s [-d dir] [-m k] [-t time] -x host|fingerprint\n"
	    "       %s [-d dir] [-m k] [-t time] -w days\n",
	    p, p, p, p, p, p);
	exit(2);
}

static void
set_mode(enum mode *m, enum mode want)
{
	if (*m != M_LIST && *m != want)
		usage();
	*m = want;
}

/* -t: ssh-keygen's time syntax ("20260101", "+1d", "0x...") or now. */
static time_t
parse_time(const char *s)
{
	uint64_t after, before;
	char *spec;
	int r;

	if (asprintf(&spec, "%s:forever", s) == -1)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	r = validity_parse(spec, time(NULL), &after, &before);
	free(spec);
	if (r != 0 || after > (uint64_t)LLONG_MAX)
		errx(2, "-t %s: not a time (YYYYMMDD[HHMM[SS]][Z], "
		    "[+-]N[smhdw] or 0xSECONDS)", s);
	return (time_t)after;
}

int
main(int argc, char *argv[])
{
	struct verify_opts o = { .threshold = 1, .now = -1 };
	enum mode mode = M_LIST;
	const char *errstr, *arg = NULL;
	int ch, r;

	while ((ch = getopt(argc, argv, "c:d:f:HjK:m:o:t:w:x:")) != -1) {
		switch (ch) {
		case 'c': set_mode(&mode, M_CHECK); arg = optarg; break;
		case 'd':
			if (*optarg == '\0')
				errx(2, "-d: the directory name is empty");
			o.dir = optarg;
			break;
		case 'f': o.keyfile = optarg; break;
		case 'H': o.hash = 1; break;
		case 'j': set_mode(&mode, M_JSON); break;
		case 'K': set_mode(&mode, M_KHCMD); arg = optarg; break;
		case 'm':
			o.threshold = strtonum(optarg, 1, 255, &errstr);
			if (errstr != NULL)
				errx(2, "-m %s: threshold is %s (1..255)",
				    optarg, errstr);
			break;
		case 'o': set_mode(&mode, M_OUT); arg = optarg; break;
		case 't': o.now = parse_time(optarg); break;
		case 'w':
			set_mode(&mode, M_WATCH);
			o.days = strtonum(optarg, 0, 36500, &errstr);
			if (errstr != NULL) {
				printf("KITH UNKNOWN - -w %s: days is %s\n",
				    optarg, errstr);
				exit(3);
			}
			break;
		case 'x': set_mode(&mode, M_EXPLAIN); arg = optarg; break;
		default: usage();
		}
	}
	if (optind != argc || (o.hash && mode != M_OUT) ||
	    (o.keyfile != NULL && mode != M_CHECK))
		usage();
	if (o.now == -1)
		o.now = time(NULL);
	if (sodium_init() < 0)
		errx(2, "libsodium: %s", kith_strerror(KE_CRYPTO));
	/* caches in the kith directory; -o by a temp file beside it */
	if (mode == M_OUT && (r = outfile_open(arg, 0644, OUTFILE_KEEPOLD,
	    &o.of)) != 0)
		die(arg, r);
	if ((r = sandbox_kith(o.dir, o.of != NULL ?
	    outfile_sandbox_path(o.of) : NULL, 0)) != 0)
		die("sandbox", r);
	switch (mode) {
	case M_LIST: return verify_list(&o, 0);
	case M_JSON: return verify_list(&o, 1);
	case M_OUT: return verify_write(&o, arg);
	case M_CHECK: return verify_check(&o, arg);
	case M_KHCMD: return verify_khcmd(&o, arg);
	case M_EXPLAIN: return verify_explain(&o, arg);
	case M_WATCH: return verify_watch(&o);
	}
	return 2;
}
