/* exchange.c: bundles out, checked records in, merged under the lock. */
#include "compat.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "buf.h"
#include "bundle.h"
#include "cert.h"
#include "exchange.h"
#include "fp.h"
#include "kerr.h"
#include "par.h"
#include "sha256.h"
#include "sshsig.h"
#include "stmt.h"
#include "stmtstore.h"
#include "store.h"
#include "validity.h"

struct exchange *
exchange_new(void)
{
	return calloc(1, sizeof(struct exchange));
}

void
exchange_free(struct exchange *x)
{
	size_t i;

	if (x == NULL)
		return;
	for (i = 0; i < x->nc; i++)
		cert_free(x->c[i]);
	for (i = 0; i < x->nst; i++)
		stmt_free(x->st[i]);
	free(x->c);
	free(x->st);
	free(x->seen);
	free(x->cnew);
	free(x->snew);
	free(x);
}

/*
 * Makes room for element n of the array *pp.  The capacity is implied by
 * n: 16, then the power of two at or above n.
 */
static int
grow(void *pp, size_t n, size_t size)
{
	void *p;

	if (n != 0 && (n < 16 || (n & (n - 1)) != 0))
		return 0;
	if ((p = reallocarray(*(void **)pp, n == 0 ? 16 : 2 * n, size)) ==
	    NULL)
		return KE_NOMEM;
	*(void **)pp = p;
	return 0;
}

int
exchange_add_cert(struct exchange *x, struct cert *c)
{
	int r;

	if ((r = grow(&x->c, x->nc, sizeof(*x->c))) != 0) {
		cert_free(c);
		return r;
	}
	x->c[x->nc++] = c;
	return 0;
}

int
exchange_add_stmt(struct exchange *x, struct stmt *st)
{
	int r;

	if ((r = grow(&x->st, x->nst, sizeof(*x->st))) != 0) {
		stmt_free(st);
		return r;
	}
	x->st[x->nst++] = st;
	return 0;
}

int
exchange_add_vouch(struct exchange *x, const u_char *p, size_t len,
    const u_char *signer, const u_char *subject, const char *keyid)
{
	struct cert *c = NULL;
	int r;

	if ((r = cert_parse(p, len, &c)) != 0 ||
	    (r = cert_check_vouch(c)) != 0)
		goto out;
	if (memcmp(c->signkey, signer, KEY_PKLEN) != 0 ||
	    memcmp(c->pk, subject, KEY_PKLEN) != 0)
		r = KE_KEYMISMATCH;
	else if (strcmp(c->keyid, keyid) != 0)
		r = KE_CERT;
	else {
		r = exchange_add_cert(x, c);
		c = NULL;
	}
 out:
	cert_free(c);
	return r;
}

/* Moves b's records into x. */
static int
take_records(struct exchange *x, struct bundle *b)
{
	size_t i;
	int r;

	for (i = 0; i < b->nvouch; i++) {
		r = exchange_add_cert(x, b->vouch[i]);
		b->vouch[i] = NULL;
		if (r != 0)
			return r;
	}
	for (i = 0; i < b->nstmt; i++) {
		r = exchange_add_stmt(x, b->stmt[i]);
		b->stmt[i] = NULL;
		if (r != 0)
			return r;
	}
	return 0;
}

/* The identity of a bundle (SHA-256), made while it is being checked. */
struct hashjob {
	const u_char	*p;
	size_t		 len;
	u_char		 h[32];
};

static void *
hash_main(void *arg)
{
	struct hashjob *j = arg;

	sha256(j->h, j->p, j->len);
	return NULL;
}

int
exchange_add_bundle(struct exchange *x, const u_char *p, size_t len,
    const char *label)
{
	struct exchange_seen *s;
	struct bundle *b = NULL;
	struct hashjob hj = { p, len, { 0 } };
	pthread_t tid;
	int r, started;

	started = pthread_create(&tid, NULL, hash_main, &hj) == 0;
	r = bundle_parse(p, len, NULL, 0, &b);
	if (started)
		pthread_join(tid, NULL);
	else
		hash_main(&hj);
	if (r != 0 || (r = grow(&x->seen, x->nseen, sizeof(*x->seen))) != 0)
		goto out;
	s = &x->seen[x->nseen++];
	memset(s, 0, sizeof(*s));
	memcpy(s->signer, b->signer, sizeof(s->signer));
	s->seq = b->seq;
	s->label = label;
	memcpy(s->hash, hj.h, sizeof(s->hash));
	r = take_records(x, b);
 out:
	bundle_free(b);
	return r;
}

int
exchange_check(const char *dir, struct exchange *x, size_t *badp)
{
	struct exchange_seen *s;
	u_char hash[32];
	uint64_t seq;
	size_t i;
	int r, found;

	for (i = 0; i < x->nseen; i++) {
		s = &x->seen[i];
		if ((r = store_seen_get(dir, s->signer, &seq, hash,
		    &found)) != 0)
			return r;
		if (found && (s->seq < seq || (s->seq == seq &&
		    memcmp(hash, s->hash, sizeof(hash)) != 0))) {
			s->had = seq;
			if (badp != NULL)
				*badp = i;
			return KE_ROLLBACK;
		}
	}
	return 0;
}

int
exchange_merge_locked(const char *dir, struct exchange *x, int flags,
    size_t *badp)
{
	int dry = (flags & EXCHANGE_DRYRUN) != 0;
	struct store_seen *e;
	size_t i, n = 0;
	int r;

	free(x->cnew);
	free(x->snew);
	x->cnew = calloc(x->nc + 1, 1);
	x->snew = calloc(x->nst + 1, 1);
	if (x->cnew == NULL || x->snew == NULL)
		return KE_NOMEM;
	/*
	 * Three files, each replaced atomically: whatever can fail on
	 * reading one fails before any is written (exchange_check reads
	 * bundles; a dry run, statements; store_add_locked, vouches).
	 */
	if ((r = exchange_check(dir, x, badp)) != 0 || (x->nst > 0 && !dry &&
	    (r = stmtstore_add_locked(dir, x->st, x->nst, 1, x->snew)) != 0) ||
	    (r = store_add_locked(dir, x->c, x->nc, dry ? STORE_DRYRUN : 0,
	    x->cnew)) != 0 || (x->nst > 0 &&
	    (r = stmtstore_add_locked(dir, x->st, x->nst, dry,
	    x->snew)) != 0))
		return r;
	if (dry)
		return 0;
	if ((e = calloc(x->nseen + 1, sizeof(*e))) == NULL)
		return KE_NOMEM;
	for (i = 0; i < x->nseen; i++) {
		e[n].pk = x->seen[i].signer;
		e[n].seq = x->seen[i].seq;
		e[n++].hash = x->seen[i].hash;
	}
	if (x->own) {
		e[n].pk = x->own_pk;
		e[n].seq = x->own_seq;
		e[n].hash = x->own_hash;
		e[n++].raise = 1;
	}
	r = store_seen_update_locked(dir, e, n);
	free(e);
	return r;
}

int
exchange_merge(const char *dir, struct exchange *x, int flags,
    size_t *badp)
{
	int fd, r;

	if ((r = store_lock(dir, &fd)) != 0)
		return r;
	r = exchange_merge_locked(dir, x, flags, badp);
	store_unlock(fd);
	return r;
}

static int
fmt_fp(struct buf *b, const u_char *pk)
{
	struct key k;

	memset(&k, 0, sizeof(k));
	memcpy(k.pk, pk, sizeof(k.pk));
	return fp_key(b, &k, FP_SHA256);
}

/* The fingerprints of the new vouches' keys, made on every CPU. */
struct fpjob {
	struct cert *const *c;
	const u_char	*isnew;
	char		(*fp)[FP_SHA256_STRLEN + 1];
	int		*res;
};

static void
fp_job(void *arg, size_t i)
{
	struct fpjob *j = arg;
	struct buf *b;

	if (!j->isnew[i])
		return;
	if ((b = buf_new()) == NULL) {
		j->res[i] = KE_NOMEM;
		return;
	}
	if ((j->res[i] = fmt_fp(b, j->c[i]->pk)) == 0 &&
	    buf_len(b) != FP_SHA256_STRLEN)
		j->res[i] = KE_INTERNAL;
	if (j->res[i] == 0)
		memcpy(j->fp[i], buf_ptr(b), FP_SHA256_STRLEN);
	buf_free(b);
}

/* The signer's fingerprint, remembered from the last vouch (*lastp). */
static int
fmt_signer(struct buf *b, const struct cert *c, const struct cert **lastp,
    struct buf *last)
{
	int r;

	if (*lastp == NULL ||
	    memcmp((*lastp)->signkey, c->signkey, KEY_PKLEN) != 0) {
		buf_reset(last);
		if ((r = fmt_fp(last, c->signkey)) != 0)
			return r;
		*lastp = c;
	}
	return buf_putb(b, last);
}

static int
fmt_cert(struct buf *b, const struct cert *c, const char *fp,
    const char *verb, const struct cert **lastp, struct buf *last)
{
	size_t i;
	int r;

	if ((r = buf_puts(b, verb)) != 0 || (r = buf_puts(b, " vouch: ")))
		return r;
	for (i = 0; i < c->nprincipals; i++)
		if ((i > 0 && (r = buf_put_u8(b, ',')) != 0) ||
		    (r = buf_puts(b, c->principals[i])) != 0)
			return r;
	if ((r = buf_puts(b, " key ")) != 0 ||
	    (r = buf_put(b, fp, FP_SHA256_STRLEN)) != 0 ||
	    (r = buf_puts(b, " signed by ")) != 0 ||
	    (r = fmt_signer(b, c, lastp, last)) != 0)
		return r;
	return buf_put_u8(b, '\n');
}

/* The length of fmt_cert's line for c. */
static size_t
fmt_cert_len(const struct cert *c, const char *verb)
{
	size_t i, n = strlen(verb) + strlen(" vouch: ") + strlen(" key ") +
	    strlen(" signed by ") + 2 * FP_SHA256_STRLEN + 1;

	for (i = 0; i < c->nprincipals; i++)
		n += (i > 0) + strlen(c->principals[i]);
	return n;
}

/* The lines for the new vouches of x. */
static int
fmt_certs(struct buf *b, const struct exchange *x, const char *verb)
{
	struct fpjob j = { x->c, x->cnew, NULL, NULL };
	const struct cert *lastc = NULL;
	struct buf *last = NULL;
	size_t i, len;
	int r = KE_NOMEM;

	if ((j.fp = calloc(x->nc + 1, sizeof(*j.fp))) == NULL ||
	    (j.res = calloc(x->nc + 1, sizeof(*j.res))) == NULL ||
	    (last = buf_new()) == NULL)
		goto out;
	par_for(x->nc, 0, fp_job, &j);
	for (i = 0, len = 0; i < x->nc; i++)
		if (x->cnew[i])
			len += fmt_cert_len(x->c[i], verb);
	if ((r = buf_room(b, len)) != 0)
		goto out;
	for (i = 0; r == 0 && i < x->nc; i++)
		if (x->cnew[i] && (r = j.res[i]) == 0)
			r = fmt_cert(b, x->c[i], j.fp[i], verb, &lastc, last);
 out:
	buf_free(last);
	free(j.fp);
	free(j.res);
	return r;
}

static int
fmt_stmt(struct buf *b, const struct stmt *st, const char *verb)
{
	static const char *const what[] = { "", "", " revocation of ",
	    " withdrawal by ", " successor of " };
	int r;

	if ((r = buf_puts(b, verb)) != 0 ||
	    (r = buf_puts(b, what[st->type])) != 0 ||
	    (r = fmt_fp(b, st->pk)) != 0)
		return r;
	if (st->type != STMT_REVOKE && ((r = buf_puts(b,
	    st->type == STMT_SUCCESSOR ? ": " : " of a vouch on ")) != 0 ||
	    (r = fmt_fp(b, st->subject)) != 0))
		return r;
	return buf_put_u8(b, '\n');
}

int
exchange_format_new(struct buf *b, const struct exchange *x,
    const char *verb)
{
	size_t i;
	int r;

	if (x->cnew != NULL && (r = fmt_certs(b, x, verb)) != 0)
		return r;
	for (i = 0; x->snew != NULL && i < x->nst; i++)
		if (x->snew[i] && (r = fmt_stmt(b, x->st[i], verb)) != 0)
			return r;
	return 0;
}

int
exchange_next_seq(int found, uint64_t last, uint64_t *seqp)
{
	struct timespec ts;
	uint64_t now = 0;

	if (found && last == UINT64_MAX)
		return KE_RANGE;
	/*
	 * The clock in microseconds, or one above the last when that is
	 * larger: a node restored from a backup (its "bundles" line older
	 * than what its peers saw) still sends a number they take.
	 */
	if (clock_gettime(CLOCK_REALTIME, &ts) == 0 && ts.tv_sec > 0)
		now = (uint64_t)ts.tv_sec * 1000000 +
		    (uint64_t)ts.tv_nsec / 1000;
	*seqp = found && last >= now ? last + 1 : now;
	if (*seqp == 0)
		*seqp = 1;
	return 0;
}

int
exchange_export_locked(const char *dir, const struct sshsig_signer *s,
    struct cert *const *extra, size_t nextra, struct buf **binp,
    uint64_t *seqp)
{
	struct bundle b;
	struct stmtset *ss = NULL;
	struct cert **own = NULL, **all = NULL;
	u_char oldhash[32];
	uint64_t seq;
	size_t nown = 0, i;
	int r, found;

	*binp = NULL;
	memset(&b, 0, sizeof(b));
	if ((r = store_certs(dir, s->pk, NULL, STORE_EXPORT, &own,
	    &nown)) != 0 ||
	    (r = stmtstore_load(dir, &ss)) != 0 ||
	    (r = store_seen_get(dir, s->pk, &seq, oldhash, &found)) != 0)
		goto out;
	if ((all = reallocarray(NULL, nown + nextra + 1,
	    sizeof(*all))) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	for (i = 0; i < nown; i++)
		all[b.nvouch++] = own[i];
	for (i = 0; i < nextra; i++)
		all[b.nvouch++] = extra[i];
	memcpy(b.signer, s->pk, sizeof(b.signer));
	b.vouch = all;		/* borrowed: b is not freed */
	b.stmt = ss->st;
	b.nstmt = ss->n;
	if ((r = exchange_next_seq(found, seq, &b.seq)) != 0)
		goto out;
	b.time = (uint64_t)time(NULL);
	if ((r = bundle_encode(&b, NULL, s, binp)) != 0)
		goto out;
	*seqp = b.seq;
 out:
	for (i = 0; i < nown; i++)
		cert_free(own[i]);
	free(own);
	free(all);
	stmtset_free(ss);
	return r;
}

int
exchange_set_names(struct cert *c, const char *names, char **badp)
{
	char *copy, *p, *name;
	int r = 0;

	if (badp != NULL)
		*badp = NULL;
	if ((copy = strdup(names)) == NULL)
		return KE_NOMEM;
	for (p = copy; (name = strsep(&p, ",")) != NULL;)
		if ((r = cert_add_principal(c, name)) != 0) {
			if (badp != NULL)
				*badp = strdup(name);
			break;
		}
	free(copy);
	return r;
}

/* The next free serial of signer pk in the store (max + 1). */
static uint64_t
next_serial(const struct vouchset *vs, const u_char *pk)
{
	uint64_t max = 0;
	size_t i;

	for (i = 0; i < vs->n; i++)
		if (memcmp(vs->tv[i].signer, pk, KEY_PKLEN) == 0 &&
		    vs->tv[i].serial > max)
			max = vs->tv[i].serial;
	return max == UINT64_MAX ? 0 : max + 1;
}

int
exchange_vouch_locked(const char *dir, const struct sshsig_signer *s,
    const u_char *pk, const char *names, u_int depth, const char *keyid,
    struct cert **cp)
{
	struct vouchset *vs = NULL;
	struct cert *c = NULL;
	struct buf *tbs = NULL;
	u_char sig[KEY_SIGLEN];
	int r = KE_NOMEM;

	*cp = NULL;
	if ((c = cert_new()) == NULL || (tbs = buf_new()) == NULL)
		goto out;
	memcpy(c->pk, pk, sizeof(c->pk));
	if ((r = exchange_set_names(c, names, NULL)) != 0 ||
	    (r = validity_default(time(NULL), &c->valid_after,
	    &c->valid_before)) != 0 ||
	    (r = cert_set_keyid(c, keyid)) != 0 ||
	    (depth > 0 && (r = cert_set_depth(c, depth)) != 0) ||
	    (r = store_load(dir, &vs)) != 0)
		goto out;
	c->serial = next_serial(vs, s->pk);
	if ((r = cert_encode_tbs(c, s->pk, tbs)) != 0 ||
	    (r = s->sign(s->arg, buf_ptr(tbs), buf_len(tbs), sig)) != 0 ||
	    (r = cert_attach_sig(c, sig)) != 0)
		goto out;
	*cp = c;
	c = NULL;
 out:
	cert_free(c);
	buf_free(tbs);
	vouchset_free(vs);
	return r;
}
