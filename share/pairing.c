/* pairing.c: kith-share offer and join, and the hooks sync shares. */
#include "compat.h"

#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "cert.h"
#include "exchange.h"
#include "kerr.h"
#include "key.h"
#include "pair.h"
#include "paircode.h"
#include "pairnet.h"
#include "pairproto.h"
#include "sandbox.h"
#include "share.h"
#include "stmtstore.h"
#include "store.h"

#define DESTROYED "wrong code or an attack; the code is destroyed"

static int
pairing_sign(void *arg, const u_char *msg, size_t len, u_char *sig)
{
	struct pairing *x = arg;

	return x->sg.s.sign(x->sg.s.arg, msg, len, sig);
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
pairing_payload(void *arg, const struct pair *p, struct buf *vouch,
    struct buf *bundle)
{
	struct pairing *x = arg;
	const char *names = x->names != NULL ? x->names : pair_peer_name(p);
	struct buf *bin = NULL;
	char keyid[64];
	int fd, r;

	strlcpy(x->peer, pair_peer_name(p), sizeof(x->peer));
	memcpy(x->peerpk, pair_peer_pk(p), sizeof(x->peerpk));
	if (x->sync && (r = sync_trusted(x, pair_peer_pk(p))) != 0)
		return r;
	/* serve: each child its own agent connection, before it signs */
	if (x->sync && x->offer && (r = share_signer_reopen(&x->sg)) != 0) {
		snprintf(x->why, sizeof(x->why), "the agent: %s",
		    kith_strerror(r));
		x->local = 1;
		return r;
	}
	pair_keyid(p, keyid, sizeof(keyid));
	if ((r = store_lock(x->dir, &fd)) != 0) {
		x->local = 1;
		return r;
	}
	if (x->sync) {
		/* its sequence number is taken now: concurrent pulls differ */
		if ((r = exchange_export_locked(x->dir, &x->sg.s, NULL, 0,
		    &bin, &x->seq)) == 0) {
			crypto_hash_sha256(x->hash, buf_ptr(bin), buf_len(bin));
			r = store_seen_set_locked(x->dir, x->sg.k->pk, x->seq,
			    x->hash);
		}
	} else if ((r = exchange_vouch_locked(x->dir, &x->sg.s,
	    pair_peer_pk(p), names, x->depth, keyid, &x->vouch)) == 0)
		r = exchange_export_locked(x->dir, &x->sg.s, &x->vouch, 1,
		    &bin, &x->seq);
	store_unlock(fd);
	if (r == KE_FORMAT && x->names == NULL)
		snprintf(x->why, sizeof(x->why), "the peer's name \"%s\" is "
		    "not a host name; give names with -n", names);
	else if (r != 0)
		x->local = 1;
	if (r != 0)
		return r;
	if (!x->sync)
		crypto_hash_sha256(x->hash, buf_ptr(bin), buf_len(bin));
	if (x->sync || (r = buf_put(vouch, x->vouch->blob,
	    x->vouch->bloblen)) == 0)
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

	if ((r = store_seen_get(x->dir, x->sg.k->pk, &seq, hash,
	    &found)) != 0 || (found && seq >= x->seq))
		return r;
	return store_seen_set_locked(x->dir, x->sg.k->pk, x->seq, x->hash);
}

/*
 * Sync: the peer's bundle is older than one already taken from it (two
 * of its pulls crossed): a newer one holds all it says, so skip it.
 */
static int
sync_stale(struct pairing *x)
{
	exchange_free(x->in);
	x->stale = 1;
	return (x->in = exchange_new()) == NULL ? KE_NOMEM : 0;
}

/*
 * The check hook: the peer's vouch (its own, for our key, from this
 * session) and its bundle, as import checks them.
 */
int
pairing_check(void *arg, const struct pair *p)
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
	if (x->sync)	/* peers that trust each other vouch elsewhere */
		r = buf_len(v) == 0 ? 0 : KE_PROTOCOL;
	else
		r = exchange_add_vouch(x->in, buf_ptr(v), buf_len(v),
		    pair_peer_pk(p), x->sg.k->pk, keyid);
	if (r != 0)
		goto out;
	what = "bundle";
	if ((r = exchange_add_bundle(x->in, buf_ptr(b), buf_len(b),
	    "bundle")) != 0)
		goto out;
	if (memcmp(x->in->seen[0].signer, pair_peer_pk(p), KEY_PKLEN) != 0)
		r = KE_KEYMISMATCH;
	else if ((r = exchange_check(x->dir, x->in, &bad)) == KE_ROLLBACK &&
	    x->sync)
		r = sync_stale(x);
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
int
pairing_commit(void *arg, const struct pair *p)
{
	struct pairing *x = arg;
	struct cert *c = NULL;
	size_t bad;
	int fd, r;

	(void)p;
	x->local = 1;
	if (!x->sync && ((r = cert_dup(x->vouch, &c)) != 0 ||
	    (r = exchange_add_cert(x->in, c)) != 0))
		return r;
	/* our sequence number goes in the merge's one write of bundles */
	x->in->own = 1;
	memcpy(x->in->own_pk, x->sg.k->pk, KEY_PKLEN);
	x->in->own_seq = x->seq;
	memcpy(x->in->own_hash, x->hash, sizeof(x->hash));
	if ((r = store_lock(x->dir, &fd)) != 0)
		return r;
	if ((r = exchange_merge_locked(x->dir, x->in, 0, &bad)) ==
	    KE_ROLLBACK && x->sync &&
	    (r = sync_stale(x)) == 0)	/* raced a newer one */
		r = record_seq_locked(x);
	store_unlock(fd);
	return r;
}

/* Why a run failed, for the operator. */
const char *
pairing_reason(const struct pairing *x, int r)
{
	static char store[1024];

	if (x->why[0] != '\0')
		return x->why;
	/* our store failed: name its file */
	if (x->local && (r <= KE_SYSBASE || r == KE_ISDIR)) {
		store_error(x->dir, r, store, sizeof(store));
		return store;
	}
	switch (r) {
	case KE_WRONGCODE:
		return "wrong code or an attack";
	case KE_ERRNO(ETIMEDOUT):
		return "timed out";
	case KE_TRUNCATED:
		return "the connection closed early";
	case KE_DECRYPT:
		return "a record failed to verify: tampering or a broken link";
	case KE_PEERMODE:
		return x->sync ? "the peer waits for a pairing code "
		    "(kith-share offer); it does not serve" :
		    "the peer is a kith-share serve, not an offer";
	}
	return kith_strerror(r);
}

void
pairing_event(void *arg, const struct pairnet_event *ev)
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
		if (x->sync)
			warnx("%s: %s", ev->addr, pairing_reason(x, ev->err));
		else if (ev->spent && left > 0)
			warnx("%s: %s (%u of %u attempts left)", ev->addr,
			    pairing_reason(x, ev->err), left, x->attempts);
		else if (!ev->spent && ev->st->bad < PAIRNET_MAXBAD)
			warnx("%s: %s (not counted as an attempt)", ev->addr,
			    pairing_reason(x, ev->err));
		break;
	}
}

/* After a pairing: who, what we vouched, what came in. */
static void
pair_report(const struct pairing *x, const struct pairnet_stats *st)
{
	struct buf *b;
	size_t i, nc, ns;

	pairing_counts(x, &nc, &ns);
	if ((b = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	if (x->vflag && exchange_format_new(b, x->in, "added") != 0)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	fwrite(buf_ptr(b), 1, buf_len(b), stderr);
	buf_reset(b);
	share_print_fp(b, x->vouch->pk);
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

void
pairing_listen_args(const char *addr, const char *port)
{
	int r;

	if (addr != NULL && *addr == '\0')
		errx(2, "-l: the address is empty");
	if ((r = pairnet_parse_port(port, 1)) != 0)
		errx(2, "-p %s: %s: a port is a number from 0 to 65535 "
		    "(0: the kernel chooses)", port, r == KE_RANGE ?
		    "out of range" : "not a number");
}

int
pairing_listen(const char *addr, const char *port, char *bport,
    size_t len)
{
	int lfd, r;

	if ((r = pairnet_listen(addr, port, &lfd)) == KE_NOTFOUND &&
	    addr != NULL)
		errx(2, "-l %s: not an address, nor a host name that resolves",
		    addr);
	if (r != 0)
		errx(2, "listen on %s port %s: %s", addr != NULL ? addr : "*",
		    port, kith_strerror(r));
	/* -p 0: the port the kernel chose */
	if (pairnet_port(lfd, bport, len) != 0)
		strlcpy(bport, port, len);
	return lfd;
}

/* The identity, the signer and the pair_conf both roles share. */
void
pairing_setup(struct pairing *x, const char *dir, struct pair_conf *c,
    struct pairnet_limits *lim, char *name)
{
	int r;

	x->dir = dir;
	share_signer_open(dir, &x->sg);
	name[PAIR_MAXNAME] = '\0';	/* truncation may leave no NUL */
	if (gethostname(name, PAIR_MAXNAME) != 0 ||
	    pairproto_check_name(name) != 0)
		name[0] = '\0';
	memset(c, 0, sizeof(*c));
	c->pk = x->sg.k->pk;
	c->name = name;
	c->flags = x->sync ? PAIR_F_SYNC : x->vflag ? PAIR_F_SAS : 0;
	c->sign = pairing_sign;
	c->payload = pairing_payload;
	c->arg = x;
	if ((r = pairnet_scale(lim, getenv(PAIRNET_SCALE_ENV))) != 0)
		errx(2, "%s: %s", PAIRNET_SCALE_ENV, kith_strerror(r));
}

void
pairing_done(struct pairing *x)
{
	cert_free(x->vouch);
	exchange_free(x->in);
	share_signer_close(&x->sg);
}

void
pairing_counts(const struct pairing *x, size_t *ncp, size_t *nsp)
{
	size_t i;

	*ncp = *nsp = 0;
	for (i = 0; x->in != NULL && i < x->in->nc; i++)
		*ncp += x->in->cnew[i];
	for (i = 0; x->in != NULL && i < x->in->nst; i++)
		*nsp += x->in->snew[i];
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
			errx(1, "%s: %s", st->peer, DESTROYED);
		errx(x->local ? 2 : 1, "%s: %s; the code is destroyed",
		    st->peer, pairing_reason(x, r));
	}
	errx(2, "%s", kith_strerror(r));
}

int
do_offer(const char *dir, int argc, char **argv)
{
	struct pairing x = { .attempts = PAIRNET_ATTEMPTS, .offer = 1 };
	struct pairnet_hooks h = { pairing_check, pairing_commit,
	    pairing_event, &x };
	struct pairnet_limits lim;
	struct pairnet_stats st;
	struct pair_conf c;
	const char *addr = NULL, *port = PAIRNET_PORT, *errstr;
	char code[PAIRCODE_TEXTLEN], name[PAIR_MAXNAME + 1];
	char bport[PAIRNET_PORTLEN];
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
	pairing_listen_args(addr, port);
	share_sandbox(dir, NULL, SANDBOX_MKDIR | SANDBOX_INET);
	lim.attempts = x.attempts;
	pairing_setup(&x, dir, &c, &lim, name);
	lfd = pairing_listen(addr, port, bport, sizeof(bport));
	port = bport;
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
	pairing_done(&x);
	return 0;
}

int
do_join(const char *dir, int argc, char **argv)
{
	struct pairing x = { .attempts = 1 };
	struct pairnet_hooks h = { pairing_check, pairing_commit,
	    pairing_event, &x };
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
	if ((r = pairnet_parse_host(argv[optind], PAIRNET_PORT, &host,
	    &port)) != 0)
		errx(2, "%s: not HOST or HOST:PORT", argv[optind]);
	share_sandbox(dir, NULL, SANDBOX_MKDIR | SANDBOX_CONNECT);
	pairing_setup(&x, dir, &c, &lim, name);
	c.code = code;
	r = pairnet_join(host, port, &c, &lim, &h, &st);
	explicit_bzero(code, sizeof(code));
	if (r == KE_WRONGCODE)
		errx(1, "%s: %s", st.peer, DESTROYED);
	if (r != 0 && st.peer[0] == '\0')
		errx(2, "%s port %s: %s", host, port, kith_strerror(r));
	if (r == KE_TRUNCATED && st.received == 0)
		errx(2, "%s: closed at once: the offer is busy with another "
		    "connection, or gone", st.peer);
	if (r != 0)
		errx(x.local ? 2 : 1, "%s: %s%s", st.peer,
		    pairing_reason(&x, r),
		    x.local ? "" : "; nothing was stored");
	pair_report(&x, &st);
	pairing_done(&x);
	free(host);
	free(port);
	return 0;
}

