/* kith-share: move vouches and statements between kith directories. */
#include "compat.h"

#include <err.h>
#include <errno.h>
#include <readpassphrase.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "agentclient.h"
#include "buf.h"
#include "bundle.h"
#include "cert.h"
#include "exchange.h"
#include "file.h"
#include "fp.h"
#include "ident.h"
#include "kdir.h"
#include "kerr.h"
#include "key.h"
#include "pair.h"
#include "paircode.h"
#include "pairnet.h"
#include "pairproto.h"
#include "sshsig.h"
#include "stmt.h"
#include "stmtstore.h"
#include "store.h"
#include "trustload.h"

#define PASSMAX	1024
#define DESTROYED "wrong code or an attack; the code is destroyed"

static _Noreturn void
usage(void)
{
	fprintf(stderr,
	    "usage: %s [-d dir] export [-a] [-o file]\n"
	    "       %s [-d dir] import [-n] file ...\n"
	    "       %s [-d dir] join [-v] [-D depth] [-n names] "
	    "host[:port] code\n"
	    "       %s [-d dir] offer [-v] [-a attempts] [-D depth] "
	    "[-l addr]\n"
	    "                  [-n names] [-p port] [-t ttl]\n",
	    getprogname(), getprogname(), getprogname(), getprogname());
	exit(2);
}

static void
add_cert(struct exchange *in, struct cert *c)
{
	int r;

	if ((r = exchange_add_cert(in, c)) != 0)
		errx(2, "%s", kith_strerror(r));
}

static void
add_stmt(struct exchange *in, struct stmt *st)
{
	int r;

	if ((r = exchange_add_stmt(in, st)) != 0)
		errx(2, "%s", kith_strerror(r));
}

/* A file of lines: certificates and statement lines (store format). */
static void
read_lines(const char *path, const struct buf *text, struct exchange *in)
{
	struct vouch v;
	struct stmt *st;
	const char *p = (const char *)buf_ptr(text), *nl;
	size_t left, len, line = 0, before = in->nc + in->nst;
	int r;

	for (left = buf_len(text); left > 0; left -= len + (nl != NULL)) {
		line++;
		nl = memchr(p, '\n', left);
		len = nl != NULL ? (size_t)(nl - p) : left;
		if ((r = store_parse_line(p, len, &v)) == 0) {
			if ((r = cert_check_vouch(v.cert)) != 0)
				cert_free(v.cert);
			else
				add_cert(in, v.cert);
		} else if (r == KE_KEYTYPE &&
		    (r = stmtstore_parse_line(p, len, &st)) == 0)
			add_stmt(in, st);
		if (r == KE_RECTYPE)
			r = KE_KEYTYPE;
		p += len + (nl != NULL);
		if (r != 0 && r != KE_NOTFOUND)
			errx(2, "%s:%zu: %s", path, line, kith_strerror(r));
	}
	if (in->nc + in->nst == before)
		errx(2, "%s: no vouches or statements in the file", path);
}

/* A bundle, binary or armoured: checked whole, kept with its identity. */
static void
read_bundle(const char *path, const struct buf *text, int armoured,
    struct exchange *in)
{
	struct buf *bin = NULL;
	int r;

	if ((bin = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	if (armoured)
		r = bundle_dearmour(bin, (const char *)buf_ptr(text),
		    buf_len(text));
	else
		r = buf_putb(bin, text);
	if (r != 0 || (r = exchange_add_bundle(in, buf_ptr(bin),
	    buf_len(bin), path)) != 0)
		errx(2, "%s: %s", path, kith_strerror(r));
	buf_free(bin);
}

static int
starts_with(const struct buf *b, const char *s)
{
	size_t n = strlen(s);

	return buf_len(b) >= n && memcmp(buf_ptr(b), s, n) == 0;
}

static void
read_input(const char *path, struct exchange *in)
{
	struct buf *text;
	struct stmt *st;
	int r;

	if ((r = file_read(path, BUNDLE_MAXFILE, &text)) != 0)
		errx(2, "%s: %s", path, kith_strerror(r));
	if (starts_with(text, BUNDLE_MAGIC) &&
	    buf_len(text) > sizeof(BUNDLE_MAGIC) &&
	    buf_ptr(text)[sizeof(BUNDLE_MAGIC) - 1] == '\0')
		read_bundle(path, text, 0, in);
	else if (starts_with(text, "-----BEGIN " BUNDLE_LABEL "-----"))
		read_bundle(path, text, 1, in);
	else if (starts_with(text, "-----BEGIN KITH ")) {
		if ((r = stmt_parse_text((const char *)buf_ptr(text),
		    buf_len(text), 0, &st)) != 0)
			errx(2, "%s: %s", path, kith_strerror(r));
		add_stmt(in, st);
	} else
		read_lines(path, text, in);
	buf_free(text);
}

/* Dies: a bundle older than one seen from its signer is exit 1. */
static _Noreturn void
merge_failed(const char *dir, const struct exchange *in, size_t bad, int r)
{
	const struct exchange_seen *s = &in->seen[bad];

	if (r == KE_ROLLBACK)
		errx(1, "%s: %s (sequence %llu, seen %llu)", s->label,
		    kith_strerror(KE_ROLLBACK), (unsigned long long)s->seq,
		    (unsigned long long)s->had);
	errx(2, "%s: %s", dir, kith_strerror(r));
}

static void
print_fp(struct buf *b, const u_char *pk)
{
	struct key k;

	memset(&k, 0, sizeof(k));
	memcpy(k.pk, pk, sizeof(k.pk));
	if (fp_key(b, &k, FP_SHA256) != 0)
		errx(2, "%s", kith_strerror(KE_NOMEM));
}

static void
merge(const char *dir, struct exchange *in, int dry)
{
	struct buf *b;
	size_t bad = 0;
	int r;

	if ((b = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	if ((r = exchange_merge(dir, in, dry ? EXCHANGE_DRYRUN : 0,
	    &bad)) != 0)
		merge_failed(dir, in, bad, r);
	if ((r = exchange_format_new(b, in, dry ? "would add" : "added")))
		errx(2, "%s", kith_strerror(r));
	fwrite(buf_ptr(b), 1, buf_len(b), stdout);
	buf_free(b);
}

static int
do_import(const char *dir, int argc, char **argv)
{
	struct exchange *in;
	size_t i;
	int ch, dry = 0;

	if ((in = exchange_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	while ((ch = getopt(argc, argv, "n")) != -1) {
		switch (ch) {
		case 'n': dry = 1; break;
		default: usage();
		}
	}
	if (optind == argc)
		usage();
	for (i = optind; i < (size_t)argc; i++)
		read_input(argv[i], in);
	merge(dir, in, dry);
	exchange_free(in);
	return 0;
}

static struct key *
identity(const char *dir, char **pathp)
{
	struct key *k = NULL;
	char *pass;
	int r, enc;

	r = ident_load(dir, NULL, NULL, &k, pathp, &enc);
	if (r == KE_PASSPHRASE && enc) {
		if ((pass = sodium_malloc(PASSMAX)) == NULL)
			errx(2, "%s", kith_strerror(KE_NOMEM));
		if (readpassphrase("Enter passphrase: ", pass, PASSMAX,
		    RPP_REQUIRE_TTY) == NULL)
			errx(2, "%s: cannot read a passphrase", *pathp);
		free(*pathp);
		r = ident_load(dir, NULL, pass, &k, pathp, &enc);
		sodium_free(pass);
	}
	if (r != 0)
		errx(2, "%s: %s", *pathp != NULL ? *pathp : dir,
		    kith_strerror(r));
	return k;
}

/* The identity's key, or the agent holding it if the file can't be read. */
static struct key *
export_signer(const char *dir, char **pathp, struct agentclient **acp,
    struct agentsigner *as, struct sshsig_signer *signer)
{
	const char *sock = getenv("SSH_AUTH_SOCK");
	struct key *k = NULL;
	int r, enc;

	*acp = NULL;
	r = ident_load(dir, NULL, NULL, &k, pathp, &enc);
	if ((r == KE_ERRNO(ENOENT) || r == KE_ERRNO(EACCES) ||
	    r == KE_SSHENC) && sock != NULL && *sock != '\0') {
		if ((k = key_new()) == NULL ||
		    (r = trustctx_root(dir, k->pk)) != 0 ||
		    (r = agentclient_open(NULL, acp)) != 0)
			errx(2, "%s: no private key, and no agent to sign "
			    "with: %s", *pathp, kith_strerror(r));
		agentclient_signer(*acp, k->pk, as, signer);
		return k;
	}
	if (r != 0) {	/* a passphrase to ask for, or a real error */
		free(*pathp);
		k = identity(dir, pathp);
	}
	if ((r = sshsig_signer_key(signer, k)) != 0)
		errx(2, "%s: %s", *pathp, kith_strerror(r));
	return k;
}

static int
do_export(const char *dir, int argc, char **argv)
{
	struct agentclient *ac;
	struct agentsigner as;
	struct sshsig_signer signer;
	struct buf *bin = NULL, *txt;
	struct key *k;
	const char *out = NULL;
	char *path = NULL;
	u_char hash[32];
	uint64_t seq;
	int ch, armour = 0, fd, r;

	while ((ch = getopt(argc, argv, "ao:")) != -1) {
		switch (ch) {
		case 'a': armour = 1; break;
		case 'o': out = optarg; break;
		default: usage();
		}
	}
	if (optind != argc)
		usage();
	k = export_signer(dir, &path, &ac, &as, &signer);
	if ((r = store_lock(dir, &fd)) != 0 ||
	    (r = exchange_export_locked(dir, &signer, NULL, 0, &bin,
	    &seq)) != 0)
		errx(2, "%s: %s", dir, r == KE_AGENT ?
		    "the agent refused to sign" : kith_strerror(r));
	agentclient_close(ac);
	crypto_hash_sha256(hash, buf_ptr(bin), buf_len(bin));
	if ((txt = buf_new()) == NULL || (armour &&
	    (r = bundle_armour(txt, buf_ptr(bin), buf_len(bin))) != 0))
		errx(2, "%s", kith_strerror(r ? r : KE_NOMEM));
	if ((r = file_write_out(out, buf_ptr(armour ? txt : bin),
	    buf_len(armour ? txt : bin))) != 0)
		errx(2, "%s: %s", out != NULL ? out : "stdout",
		    kith_strerror(r));
	if ((r = store_seen_set_locked(dir, k->pk, seq, hash)) != 0)
		errx(2, "%s: %s", dir, kith_strerror(r));
	store_unlock(fd);
	buf_free(txt);
	buf_free(bin);
	key_free(k);
	free(path);
	return 0;
}

/* One pairing, offer or join: what the hooks need and what they found. */
struct pairing {
	const char	*dir;
	struct key	*k;
	struct sshsig_signer signer;
	const char	*names;		/* -n; NULL: the peer's own name */
	u_int		 depth;		/* -D */
	u_int		 attempts;	/* -a */
	int		 offer;
	int		 vflag;
	struct cert	*vouch;		/* ours for the peer, as sent */
	uint64_t	 seq;		/* our bundle, as sent */
	u_char		 hash[32];
	struct exchange	*in;		/* the peer's, checked */
	int		 local;		/* the failure is ours */
	char		 peer[PAIR_MAXNAME + 1];	/* its name */
	char		 why[256];	/* what a hook found wrong */
};

static int
pair_sign(void *arg, const u_char *msg, size_t len, u_char *sig)
{
	struct pairing *x = arg;

	return x->signer.sign(x->signer.arg, msg, len, sig);
}

/* A vouch made in a pairing has the key id "kith-pair:" + hex(TH[0..8]). */
static void
pair_keyid(const struct pair *p, char *keyid, size_t len)
{
	char hex[17];

	sodium_bin2hex(hex, sizeof(hex), pair_th(p), 8);
	snprintf(keyid, len, "kith-pair:%s", hex);
}

/* The payload hook: our vouch for the peer, and our bundle holding it. */
static int
pair_payload(void *arg, const struct pair *p, struct buf *vouch,
    struct buf *bundle)
{
	struct pairing *x = arg;
	const char *names = x->names != NULL ? x->names : pair_peer_name(p);
	struct buf *bin = NULL;
	char keyid[64];
	int fd, r;

	pair_keyid(p, keyid, sizeof(keyid));
	if ((r = store_lock(x->dir, &fd)) != 0) {
		x->local = 1;
		return r;
	}
	if ((r = exchange_vouch_locked(x->dir, &x->signer, pair_peer_pk(p),
	    names, x->depth, keyid, &x->vouch)) == 0)
		r = exchange_export_locked(x->dir, &x->signer, &x->vouch, 1,
		    &bin, &x->seq);
	store_unlock(fd);
	if (r == KE_FORMAT && x->names == NULL)
		snprintf(x->why, sizeof(x->why), "the peer's name \"%s\" is "
		    "not a host name; give names with -n", names);
	else if (r != 0)
		x->local = 1;
	if (r != 0)
		return r;
	crypto_hash_sha256(x->hash, buf_ptr(bin), buf_len(bin));
	if ((r = buf_put(vouch, x->vouch->blob, x->vouch->bloblen)) == 0)
		r = buf_putb(bundle, bin);
	buf_free(bin);
	return r;
}

/*
 * Records our bundle's sequence number, as export does, once the peer
 * may store the bundle: the offer's when it commits (the join commits
 * after it), the join's before it sends M5 (the offer may commit then,
 * even if M6 is lost), so the next bundle has a higher one.
 */
static int
record_seq_locked(const struct pairing *x)
{
	u_char hash[32];
	uint64_t seq;
	int r, found;

	if ((r = store_seen_get(x->dir, x->k->pk, &seq, hash, &found)) != 0 ||
	    (found && seq >= x->seq))
		return r;
	return store_seen_set_locked(x->dir, x->k->pk, x->seq, x->hash);
}

/*
 * The check hook: the peer's vouch (its own, for our key, from this
 * session) and its bundle, as import checks them.
 */
static int
pair_check(void *arg, const struct pair *p)
{
	struct pairing *x = arg;
	const struct buf *v = pair_peer_vouch(p), *b = pair_peer_bundle(p);
	const char *what = "vouch";
	char keyid[64];
	size_t bad = 0;
	int fd, r;

	strlcpy(x->peer, pair_peer_name(p), sizeof(x->peer));
	pair_keyid(p, keyid, sizeof(keyid));
	exchange_free(x->in);
	if ((x->in = exchange_new()) == NULL)
		return KE_NOMEM;
	if ((r = exchange_add_vouch(x->in, buf_ptr(v), buf_len(v),
	    pair_peer_pk(p), x->k->pk, keyid)) != 0)
		goto out;
	what = "bundle";
	if ((r = exchange_add_bundle(x->in, buf_ptr(b), buf_len(b),
	    "bundle")) != 0)
		goto out;
	if (memcmp(x->in->seen[0].signer, pair_peer_pk(p), KEY_PKLEN) != 0)
		r = KE_KEYMISMATCH;
	else
		r = exchange_check(x->dir, x->in, &bad);
 out:
	if (r != 0 && x->why[0] == '\0')
		snprintf(x->why, sizeof(x->why), "the peer's %s: %s", what,
		    kith_strerror(r));
	if (r != 0 || x->offer)
		return r;
	if ((r = store_lock(x->dir, &fd)) == 0) {
		r = record_seq_locked(x);
		store_unlock(fd);
	}
	x->local = r != 0;
	return r;
}

/* The commit hook: the peer's vouch and bundle, our vouch, our sequence. */
static int
pair_commit(void *arg, const struct pair *p)
{
	struct pairing *x = arg;
	struct cert *c = NULL;
	size_t bad;
	int fd, r;

	(void)p;
	x->local = 1;
	if ((r = cert_dup(x->vouch, &c)) != 0 ||
	    (r = exchange_add_cert(x->in, c)) != 0 ||
	    (r = store_lock(x->dir, &fd)) != 0)
		return r;
	if ((r = exchange_merge_locked(x->dir, x->in, 0, &bad)) == 0)
		r = record_seq_locked(x);
	store_unlock(fd);
	return r;
}

/* Why a run failed, for the operator. */
static const char *
pair_reason(const struct pairing *x, int r)
{
	if (x->why[0] != '\0')
		return x->why;
	switch (r) {
	case KE_WRONGCODE:
		return "wrong code or an attack";
	case KE_ERRNO(ETIMEDOUT):
		return "timed out";
	case KE_TRUNCATED:
		return "the connection closed early";
	case KE_DECRYPT:
		return "a record failed to verify: tampering or a broken link";
	}
	return kith_strerror(r);
}

static void
pair_event(void *arg, const struct pairnet_event *ev)
{
	struct pairing *x = arg;
	char sas[PAIR_SASLEN];
	u_int left = x->attempts - ev->st->attempts;

	switch (ev->type) {
	case PAIRNET_EV_START:
		x->why[0] = '\0';
		x->local = 0;
		cert_free(x->vouch);
		x->vouch = NULL;
		if (x->vflag)
			warnx("%s: connected", ev->addr);
		break;
	case PAIRNET_EV_REFUSED:
		warnx("%s: refused: a pairing is in progress", ev->addr);
		break;
	case PAIRNET_EV_CONFIRMED:
		if (pair_show_sas(ev->pair) && pair_sas(ev->pair, sas) == 0)
			warnx("%s: confirmation %s (the other side shows the "
			    "same)", ev->addr, sas);
		break;
	case PAIRNET_EV_FAILED:
		if (ev->spent && left > 0)
			warnx("%s: %s (%u of %u attempts left)", ev->addr,
			    pair_reason(x, ev->err), left, x->attempts);
		else if (!ev->spent && ev->st->bad < PAIRNET_MAXBAD)
			warnx("%s: %s (not counted as an attempt)", ev->addr,
			    pair_reason(x, ev->err));
		break;
	}
}

/* After a pairing: who, what we vouched, what came in. */
static void
pair_report(const struct pairing *x, const struct pairnet_stats *st)
{
	struct buf *b;
	size_t i, nc = 0, ns = 0;

	for (i = 0; i < x->in->nc; i++)
		nc += x->in->cnew[i];
	for (i = 0; i < x->in->nst; i++)
		ns += x->in->snew[i];
	if ((b = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	if (x->vflag && exchange_format_new(b, x->in, "added") != 0)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	fwrite(buf_ptr(b), 1, buf_len(b), stderr);
	buf_reset(b);
	print_fp(b, x->vouch->pk);
	buf_puts(b, " (\"");
	buf_puts(b, x->peer);
	buf_puts(b, "\") at ");
	buf_puts(b, st->peer);
	buf_puts(b, ": vouched for ");
	for (i = 0; i < x->vouch->nprincipals; i++) {
		buf_puts(b, i > 0 ? "," : "");
		buf_puts(b, x->vouch->principals[i]);
	}
	buf_put_u8(b, '\0');
	warnx("paired with %s, depth %u", (const char *)buf_ptr(b), x->depth);
	warnx("%zu new vouches and %zu new statements; %llu bytes sent, "
	    "%llu received in %llu ms", nc, ns, (unsigned long long)st->sent,
	    (unsigned long long)st->received,
	    (unsigned long long)st->usec / 1000);
	buf_free(b);
}

/* -D and -n, shared by offer and join. */
static void
pair_option(struct pairing *x, int ch, const char *arg)
{
	const char *errstr;
	struct cert *c;
	char *bad = NULL;
	int r;

	if (ch == 'D') {
		x->depth = strtonum(arg, 0, CERT_MAXDEPTH, &errstr);
		if (errstr != NULL)
			errx(2, "-D %s: depth is %s (0..%d)", arg, errstr,
			    CERT_MAXDEPTH);
		return;
	}
	if ((c = cert_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	if ((r = exchange_set_names(c, arg, &bad)) != 0)
		errx(2, "-n: \"%s\": %s", bad != NULL ? bad : arg,
		    r == KE_FORMAT ? "not a host name" : kith_strerror(r));
	cert_free(c);
	x->names = arg;
}

/* The identity, the signer and the pair_conf both roles share. */
static void
pair_setup(struct pairing *x, const char *dir, struct pair_conf *c,
    struct pairnet_limits *lim, char *name)
{
	char *path = NULL;
	int r;

	x->dir = dir;
	x->k = identity(dir, &path);
	if ((r = sshsig_signer_key(&x->signer, x->k)) != 0)
		errx(2, "%s: %s", path, kith_strerror(r));
	free(path);
	name[PAIR_MAXNAME] = '\0';	/* truncation may leave no NUL */
	if (gethostname(name, PAIR_MAXNAME) != 0 ||
	    pairproto_check_name(name) != 0)
		name[0] = '\0';
	memset(c, 0, sizeof(*c));
	c->pk = x->k->pk;
	c->name = name;
	c->flags = x->vflag ? PAIR_F_SAS : 0;
	c->sign = pair_sign;
	c->payload = pair_payload;
	c->arg = x;
	if ((r = pairnet_scale(lim, getenv(PAIRNET_SCALE_ENV))) != 0)
		errx(2, "%s: %s", PAIRNET_SCALE_ENV, kith_strerror(r));
}

static void
pair_done(struct pairing *x)
{
	cert_free(x->vouch);
	exchange_free(x->in);
	key_free(x->k);
}

/* How an offer that did not pair ended; exits. */
static _Noreturn void
offer_failed(const struct pairing *x, const struct pairnet_stats *st, int r)
{
	switch (st->end) {
	case PAIRNET_EXPIRED:
		errx(1, "the code expired; run offer again for a new one");
	case PAIRNET_FLOODED:
		errx(1, "%d malformed connections; the code is destroyed",
		    PAIRNET_MAXBAD);
	case PAIRNET_BURNED:
		if (r == KE_WRONGCODE)
			errx(1, "%s", DESTROYED);
		errx(x->local ? 2 : 1, "%s: %s; the code is destroyed",
		    st->peer, pair_reason(x, r));
	}
	errx(2, "%s", kith_strerror(r));
}

static int
do_offer(const char *dir, int argc, char **argv)
{
	struct pairing x = { .attempts = PAIRNET_ATTEMPTS, .offer = 1 };
	struct pairnet_hooks h = { pair_check, pair_commit, pair_event, &x };
	struct pairnet_limits lim;
	struct pairnet_stats st;
	struct pair_conf c;
	const char *addr = NULL, *port = PAIRNET_PORT, *errstr;
	char code[PAIRCODE_TEXTLEN], name[PAIR_MAXNAME + 1];
	int ch, lfd, r;

	pairnet_limits_default(&lim);
	while ((ch = getopt(argc, argv, "a:D:l:n:p:t:v")) != -1) {
		switch (ch) {
		case 'a':
			x.attempts = strtonum(optarg, 1, PAIRNET_MAXATTEMPTS,
			    &errstr);
			if (errstr != NULL)
				errx(2, "-a %s: attempts is %s (1..%d)",
				    optarg, errstr, PAIRNET_MAXATTEMPTS);
			break;
		case 'l': addr = optarg; break;
		case 'p': port = optarg; break;
		case 't':
			if ((r = pairnet_parse_ttl(optarg, &lim.ttl_ms)) != 0)
				errx(2, "-t %s: not a time from 1s to %dm",
				    optarg, PAIRNET_MAXTTL / 60);
			break;
		case 'v': x.vflag = 1; break;
		case 'D': case 'n': pair_option(&x, ch, optarg); break;
		default: usage();
		}
	}
	if (optind != argc)
		usage();
	lim.attempts = x.attempts;
	pair_setup(&x, dir, &c, &lim, name);
	if ((r = pairnet_listen(addr, port, &lfd)) != 0)
		errx(2, "listen on %s port %s: %s", addr != NULL ? addr : "*",
		    port, kith_strerror(r));
	if ((r = paircode_new(code)) != 0)
		errx(2, "%s", kith_strerror(r));
	c.code = code;
	if (printf("%s\n", code) < 0 || fflush(stdout) != 0)
		err(2, "stdout");
	warnx("waiting on port %s for %llu s: on the other host run "
	    "kith-share join HOST%s%s %s", port,
	    (unsigned long long)lim.ttl_ms / 1000,
	    strcmp(port, PAIRNET_PORT) != 0 ? ":" : "",
	    strcmp(port, PAIRNET_PORT) != 0 ? port : "", code);
	r = pairnet_offer(lfd, &c, &lim, &h, &st);
	explicit_bzero(code, sizeof(code));
	close(lfd);
	if (r != 0)
		offer_failed(&x, &st, r);
	pair_report(&x, &st);
	pair_done(&x);
	return 0;
}

static int
do_join(const char *dir, int argc, char **argv)
{
	struct pairing x = { .attempts = 1 };
	struct pairnet_hooks h = { pair_check, pair_commit, pair_event, &x };
	struct pairnet_limits lim;
	struct pairnet_stats st;
	struct pair_conf c;
	char code[PAIRCODE_DIGITS + 1], name[PAIR_MAXNAME + 1];
	char *host = NULL, *port = NULL;
	int ch, r;

	pairnet_limits_default(&lim);
	while ((ch = getopt(argc, argv, "D:n:v")) != -1) {
		switch (ch) {
		case 'v': x.vflag = 1; break;
		case 'D': case 'n': pair_option(&x, ch, optarg); break;
		default: usage();
		}
	}
	if (argc - optind != 2)
		usage();
	r = paircode_parse(argv[optind + 1], code);
	explicit_bzero(argv[optind + 1], strlen(argv[optind + 1]));
	if (r != 0)
		errx(2, "%s; nothing was sent", r == KE_CHECKDIGIT ?
		    "mistyped code (the check digit does not match)" :
		    "not a code: it has 10 digits, e.g. 482-193-7063");
	if ((r = pairnet_parse_host(argv[optind], &host, &port)) != 0)
		errx(2, "%s: not HOST or HOST:PORT", argv[optind]);
	pair_setup(&x, dir, &c, &lim, name);
	c.code = code;
	r = pairnet_join(host, port, &c, &lim, &h, &st);
	explicit_bzero(code, sizeof(code));
	if (r == KE_WRONGCODE)
		errx(1, "%s", DESTROYED);
	if (r != 0 && st.peer[0] == '\0')
		errx(2, "%s port %s: %s", host, port, kith_strerror(r));
	if (r == KE_TRUNCATED && st.received == 0)
		errx(2, "%s: closed at once: the offer is busy with another "
		    "connection, or gone", st.peer);
	if (r != 0)
		errx(x.local ? 2 : 1, "%s: %s%s", st.peer, pair_reason(&x, r),
		    x.local ? "" : "; nothing was stored");
	pair_report(&x, &st);
	pair_done(&x);
	free(host);
	free(port);
	return 0;
}

int
main(int argc, char *argv[])
{
	const char *dflag = NULL;
	char *dir = NULL;
	int ch, r;

	while ((ch = getopt(argc, argv, "+d:")) != -1) {
		switch (ch) {
		case 'd': dflag = optarg; break;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage();
	if (sodium_init() < 0)
		errx(2, "libsodium: %s", kith_strerror(KE_CRYPTO));
	if ((r = kdir_resolve(dflag, &dir)) != 0)
		errx(2, "kith directory: %s", kith_strerror(r));
	optind = 1;
	if (strcmp(argv[0], "import") == 0)
		r = do_import(dir, argc, argv);
	else if (strcmp(argv[0], "export") == 0)
		r = do_export(dir, argc, argv);
	else if (strcmp(argv[0], "offer") == 0)
		r = do_offer(dir, argc, argv);
	else if (strcmp(argv[0], "join") == 0)
		r = do_join(dir, argc, argv);
	else
		usage();
	free(dir);
	return r;
}
