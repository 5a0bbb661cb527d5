/*
 * sync.c: kith-share serve and pull.  The pairing protocol without a
 * code (PAIR_F_SYNC): the IDENT signatures authenticate, each side goes
 * on only with a peer its own trust holds, and the two bundles are
 * checked and merged as import does.
 */
#include "compat.h"

#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "exchange.h"
#include "kerr.h"
#include "pair.h"
#include "pairnet.h"
#include "sandbox.h"
#include "share.h"
#include "trust.h"
#include "trustload.h"

int
sync_trusted(struct pairing *x, const u_char *pk)
{
	struct trustctx *c = NULL;
	struct buf *b;
	int r;

	if ((r = trustctx_load(x->dir, time(NULL),
	    x->threshold > 0 ? x->threshold : 1, &c)) != 0) {
		x->local = 1;
		trustctx_error(x->dir, r, x->why, sizeof(x->why));
		return r;
	}
	r = trust_find(c->t, pk) != NULL ? 0 : KE_UNTRUSTED;
	trustctx_free(c);
	if (r == 0)
		return 0;
	if ((b = buf_new()) == NULL)
		return KE_NOMEM;
	share_print_fp(b, pk);
	buf_put_u8(b, '\0');
	snprintf(x->why, sizeof(x->why), "its key %.60s (\"%s\") is not "
	    "trusted here%s", (const char *)buf_ptr(b), x->peer,
	    x->threshold > 1 ? " by enough independent signers (-m)" : "");
	buf_free(b);
	return r;
}

/* -m k: how many independent vouch paths the peer's key needs. */
static void
sync_threshold(struct pairing *x, const char *arg)
{
	const char *errstr;

	x->threshold = strtonum(arg, 1, 255, &errstr);
	if (errstr != NULL)
		errx(2, "-m %s: threshold is %s (1..255)", arg, errstr);
}

/* "FP ("name"): N new vouches and M new statements; bytes, time". */
static void
sync_report(const struct pairing *x, const struct pairnet_stats *st,
    const char *where)
{
	struct buf *b;
	size_t nc, ns;

	pairing_counts(x, &nc, &ns);
	if ((b = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	share_print_fp(b, x->peerpk);
	buf_put_u8(b, '\0');
	warnx("%s: synced with %s (\"%s\"): %zu new vouches and %zu new "
	    "statements%s; %llu bytes sent, %llu received in %llu ms", where,
	    (const char *)buf_ptr(b), x->peer, nc, ns, x->stale ?
	    " (its bundle was older than one held: skipped)" : "",
	    (unsigned long long)st->sent, (unsigned long long)st->received,
	    (unsigned long long)st->usec / 1000);
	buf_free(b);
}

/* What serve logs: one line per connection (more with -v). */
static void
serve_event(void *arg, const struct pairnet_event *ev)
{
	struct pairing *x = arg;
	struct buf *b;

	if (ev->type == PAIRNET_EV_START) {
		x->why[0] = x->peer[0] = '\0';
		x->local = x->stale = 0;
		if (x->vflag)
			warnx("%s: connected", ev->addr);
	} else if (ev->type == PAIRNET_EV_FAILED && ev->err == KE_TRUNCATED)
		warnx("%s: the peer hung up %s", ev->addr, x->peer[0] == '\0' ?
		    "before proving its identity (a pairing join, or not "
		    "kith)" : "after our identity: it does not trust this "
		    "node, or it failed");
	else if (ev->type == PAIRNET_EV_FAILED)
		warnx("%s: %s%s", ev->addr, pairing_reason(x, ev->err),
		    x->local ? "" : "; nothing was stored");
	else if (ev->type == PAIRNET_EV_DONE) {
		if (x->vflag && (b = buf_new()) != NULL) {
			if (exchange_format_new(b, x->in, "added") == 0)
				fwrite(buf_ptr(b), 1, buf_len(b), stderr);
			buf_free(b);
		}
		sync_report(x, ev->st, ev->addr);
	}
}

int
do_serve(const char *dir, int argc, char **argv)
{
	struct pairing x = { .offer = 1, .sync = 1 };
	struct pairnet_hooks h = { pairing_check, pairing_commit, serve_event,
	    &x };
	struct pairnet_limits lim;
	struct pair_conf c;
	struct sandbox_path kdir = { dir, SANDBOX_WRITE };
	struct buf *b;
	const char *addr = NULL, *port = PAIRNET_SYNC_PORT;
	char name[PAIR_MAXNAME + 1], bport[PAIRNET_PORTLEN];
	int ch, lfd, r;

	pairnet_limits_default(&lim);
	while ((ch = getopt(argc, argv, "l:m:p:v")) != -1) {
		switch (ch) {
		case 'l': addr = optarg; break;
		case 'm': sync_threshold(&x, optarg); break;
		case 'p': port = optarg; break;
		case 'v': x.vflag = 1; break;
		default: usage();
		}
	}
	if (optind != argc)
		usage();
	pairing_listen_args(addr, port);
	share_sandbox(dir, NULL, SANDBOX_MKDIR | SANDBOX_BIND);
	pairing_setup(&x, dir, &c, &lim, name);
	lfd = pairing_listen(addr, port, bport, sizeof(bport));
	port = bport;
	/* listening: from now on no TCP but accept, writes in dir only */
	if ((r = sandbox(&kdir, 1, 0)) != 0)
		errx(2, "sandbox: %s", kith_strerror(r));
	if ((b = buf_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	share_print_fp(b, x.sg.k->pk);
	buf_put_u8(b, '\0');
	warnx("serving %s on port %s to peers this node trusts",
	    (const char *)buf_ptr(b), port);
	buf_free(b);
	r = pairnet_serve(lfd, &c, &lim, &h);
	errx(2, "serve: %s", kith_strerror(r));
}

/* One peer of pull: 0, 1 (the peer or the link failed) or 2 (we did). */
static int
pull_one(struct pairing *x, const struct pair_conf *c,
    const struct pairnet_limits *lim, const char *arg)
{
	struct pairnet_hooks h = { pairing_check, pairing_commit, NULL, x };
	struct pairnet_stats st;
	struct buf *b;
	char *host = NULL, *port = NULL;
	int r;

	x->why[0] = x->peer[0] = '\0';
	x->local = x->stale = 0;
	exchange_free(x->in);
	x->in = NULL;
	if ((r = pairnet_parse_host(arg, PAIRNET_SYNC_PORT, &host,
	    &port)) != 0)
		errx(2, "%s: not HOST or HOST:PORT", arg);	/* checked */
	r = pairnet_join(host, port, c, lim, &h, &st);
	if (r != 0 && st.peer[0] == '\0')
		warnx("%s port %s: %s", host, port, kith_strerror(r));
	else if (r == KE_TRUNCATED && x->peer[0] == '\0' && st.received > 0)
		warnx("%s: the peer hung up on our identity: it does not "
		    "trust this node (its log says more)", arg);
	else if (r == KE_TRUNCATED && st.received == 0)
		warnx("%s: closed at once: not a kith-share serve, or gone",
		    arg);
	else if (r != 0)
		warnx("%s: %s%s", arg, pairing_reason(x, r),
		    x->local ? "" : "; nothing was stored");
	else {
		if ((b = buf_new()) == NULL ||
		    exchange_format_new(b, x->in, "added") != 0)
			errx(2, "%s", kith_strerror(KE_NOMEM));
		fwrite(buf_ptr(b), 1, buf_len(b), stdout);
		buf_free(b);
		if (x->vflag)
			sync_report(x, &st, arg);
	}
	free(host);
	free(port);
	return r == 0 ? 0 : x->local ? 2 : 1;
}

int
do_pull(const char *dir, int argc, char **argv)
{
	struct pairing x = { .sync = 1 };
	struct pairnet_limits lim;
	struct pair_conf c;
	char name[PAIR_MAXNAME + 1], *host, *port;
	int ch, i, r, worst = 0;

	pairnet_limits_default(&lim);
	while ((ch = getopt(argc, argv, "m:v")) != -1) {
		switch (ch) {
		case 'm': sync_threshold(&x, optarg); break;
		case 'v': x.vflag = 1; break;
		default: usage();
		}
	}
	if (optind == argc)
		usage();
	for (i = optind; i < argc; i++) {
		if (pairnet_parse_host(argv[i], PAIRNET_SYNC_PORT, &host,
		    &port) != 0)
			errx(2, "%s: not HOST or HOST:PORT", argv[i]);
		free(host);
		free(port);
	}
	share_sandbox(dir, NULL, SANDBOX_MKDIR | SANDBOX_CONNECT);
	pairing_setup(&x, dir, &c, &lim, name);
	for (i = optind; i < argc; i++)
		if ((r = pull_one(&x, &c, &lim, argv[i])) > worst)
			worst = r;
	pairing_done(&x);
	return worst;
}
