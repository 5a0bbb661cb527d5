/* test_pairnet.c: lib/pairnet's parsers, runs and limits; and main. */
#include "compat.h"

#include <sys/socket.h>
#include <sys/wait.h>

#include <netinet/in.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "kerr.h"
#include "pair.h"
#include "pairnet.h"
#include "test.h"
#include "t_pairnet.h"

/* One side of a run and what its hooks saw. */
struct side {
	u_char		 pk[32];
	u_char		 sk[64];
	const char	*name;
	int		 failcheck;	/* the check hook refuses */
	int		 ncheck;
	int		 ncommit;
	int		 ndone;		/* commits seeing the peer's DONE */
	int		 nconfirmed;
	int		 r;
	struct pairnet_stats st;
};

double
tn_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
tn_dial(const char *port)
{
	struct sockaddr_in sin;
	int fd;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((u_short)atoi(port));
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1 ||
	    connect(fd, (struct sockaddr *)&sin, sizeof(sin)) == -1) {
		perror(port);
		exit(2);
	}
	return fd;
}

static void
test_ttl(void)
{
	static const struct { const char *s; int r; uint64_t ms; } v[] = {
		{ "2s", 0, 2000 }, { "2", 0, 2000 }, { "10m", 0, 600000 },
		{ "60m", 0, 3600000 }, { "3600", 0, 3600000 },
		{ "61m", KE_RANGE, 0 }, { "3601s", KE_RANGE, 0 },
		{ "0", KE_RANGE, 0 }, { "0m", KE_RANGE, 0 },
		{ "9999999999", KE_RANGE, 0 }, { "", KE_FORMAT, 0 },
		{ "s", KE_FORMAT, 0 }, { "1h", KE_FORMAT, 0 },
		{ "-1", KE_FORMAT, 0 }, { "1.5m", KE_FORMAT, 0 },
		{ " 5", KE_FORMAT, 0 }, { "5ms", KE_FORMAT, 0 },
	};
	uint64_t ms;
	size_t i;
	int r;

	for (i = 0; i < nitems(v); i++) {
		ms = 0;
		r = pairnet_parse_ttl(v[i].s, &ms);
		T_OK(r == v[i].r && (r != 0 || ms == v[i].ms),
		    "ttl \"%s\": %d %llu", v[i].s, r, (unsigned long long)ms);
	}
}

static void
test_host(void)
{
	static const struct {
		const char *s; int r; const char *host, *port;
	} v[] = {
		{ "h", 0, "h", PAIRNET_PORT }, { "h.example:22", 0,
		"h.example", "22" }, { "[::1]:99", 0, "::1", "99" },
		{ "::1", 0, "::1", PAIRNET_PORT }, { "[fe80::1]", 0,
		"fe80::1", PAIRNET_PORT }, { "10.0.0.1:65535", 0,
		"10.0.0.1", "65535" }, { "h:", KE_FORMAT, 0, 0 },
		{ ":22", KE_FORMAT, 0, 0 }, { "", KE_FORMAT, 0, 0 },
		{ "h:0", KE_RANGE, 0, 0 }, { "h:65536", KE_RANGE, 0, 0 },
		{ "h:x", KE_FORMAT, 0, 0 }, { "[::1", KE_FORMAT, 0, 0 },
		{ "[::1]x", KE_FORMAT, 0, 0 }, { "[]:5", KE_FORMAT, 0, 0 },
		{ "h:1234567890", KE_RANGE, 0, 0 },
	};
	char *h, *p;
	size_t i;
	int r;

	for (i = 0; i < nitems(v); i++) {
		r = pairnet_parse_host(v[i].s, PAIRNET_PORT, &h, &p);
		T_OK(r == v[i].r && (r != 0 || (strcmp(h, v[i].host) == 0 &&
		    strcmp(p, v[i].port) == 0)) && (r == 0 || (h == NULL &&
		    p == NULL)), "host \"%s\": %d", v[i].s, r);
		free(h);
		free(p);
	}
}

static void
test_port(void)
{
	static const struct { const char *s; int zero, r; } v[] = {
		{ "1", 0, 0 }, { "65535", 0, 0 }, { "0", 1, 0 },
		{ "00022", 0, 0 }, { "0", 0, KE_RANGE },
		{ "65536", 1, KE_RANGE }, { "70000", 1, KE_RANGE },
		{ "1234567890", 1, KE_RANGE }, { "", 1, KE_FORMAT },
		{ "abc", 1, KE_FORMAT }, { "-1", 1, KE_FORMAT },
		{ " 22", 1, KE_FORMAT }, { "22 ", 1, KE_FORMAT },
		{ "0x16", 1, KE_FORMAT }, { "abcdefghij", 1, KE_FORMAT },
		{ "1234567890x", 1, KE_FORMAT },
	};
	size_t i;

	for (i = 0; i < nitems(v); i++)
		T_EQ(pairnet_parse_port(v[i].s, v[i].zero), v[i].r,
		    "port \"%s\" (zero %d)", v[i].s, v[i].zero);
}

static void
test_scale(void)
{
	struct pairnet_limits lim;

	pairnet_limits_default(&lim);
	T_OK(lim.attempts == 1 && lim.maxbad == 32 &&
	    lim.ttl_ms == 600000 && lim.read_ms == 10000 &&
	    lim.confirm_ms == 30000 && lim.session_ms == 120000,
	    "the defaults are the protocol's limits");
	T_EQ(pairnet_scale(&lim, NULL), 0, "no scale");
	T_EQ(pairnet_scale(&lim, ""), 0, "an empty scale");
	T_OK(pairnet_scale(&lim, "0.1") == 0 && lim.read_ms == 1000 &&
	    lim.confirm_ms == 3000 && lim.session_ms == 12000 &&
	    lim.ttl_ms == 600000, "0.1 scales the timeouts, not the TTL");
	T_EQ(pairnet_scale(&lim, "x"), KE_FORMAT, "a scale that is no number");
	T_EQ(pairnet_scale(&lim, "0.5x"), KE_FORMAT, "trailing junk");
	T_EQ(pairnet_scale(&lim, "0"), KE_RANGE, "a zero scale");
	T_EQ(pairnet_scale(&lim, "1e9"), KE_RANGE, "a huge scale");
	T_EQ(pairnet_scale(&lim, "nan"), KE_RANGE, "NaN");
}

void
test_parse(void)
{
	test_ttl();
	test_host();
	test_port();
	test_scale();
}

static int
side_sign(void *arg, const u_char *msg, size_t len, u_char *sig)
{
	struct side *s = arg;

	crypto_sign_detached(sig, NULL, msg, len, s->sk);
	return 0;
}

static int
side_payload(void *arg, const struct pair *p, struct buf *vouch,
    struct buf *bundle)
{
	struct side *s = arg;
	u_char *d;

	(void)p;
	if (buf_puts(vouch, s->name) != 0 ||
	    buf_reserve(bundle, 3000, &d) != 0)
		return KE_NOMEM;
	memset(d, s->name[0], 3000);
	return 0;
}

static int
side_check(void *arg, const struct pair *p)
{
	struct side *s = arg;

	s->ncheck++;
	if (buf_len(pair_peer_bundle(p)) != 3000)
		return KE_INTERNAL;
	return s->failcheck ? KE_SIGNATURE : 0;
}

static int
side_commit(void *arg, const struct pair *p)
{
	struct side *s = arg;

	s->ncommit++;
	s->ndone += pair_peer_complete(p);
	return 0;
}

static void
side_event(void *arg, const struct pairnet_event *ev)
{
	struct side *s = arg;

	if (ev->type == PAIRNET_EV_CONFIRMED)
		s->nconfirmed++;
}

static void
side_init(struct side *s, u_char seed, const char *name)
{
	u_char sd[32];

	memset(s, 0, sizeof(*s));
	memset(sd, seed, sizeof(sd));
	crypto_sign_seed_keypair(s->pk, s->sk, sd);
	s->name = name;
}

static void
side_conf(struct side *s, const char *code, struct pair_conf *c,
    struct pairnet_hooks *h)
{
	memset(c, 0, sizeof(*c));
	c->code = code;
	c->pk = s->pk;
	c->name = s->name;
	c->sign = side_sign;
	c->payload = side_payload;
	c->arg = s;
	h->check = side_check;
	h->commit = side_commit;
	h->event = side_event;
	h->arg = s;
}

static void
limits(struct pairnet_limits *lim, u_int attempts)
{
	pairnet_limits_default(lim);
	lim->attempts = attempts;
	lim->ttl_ms = 20000;	/* a broken test ends */
	lim->read_ms = 400;
	lim->confirm_ms = 1000;
	lim->session_ms = 3000;
	/* KITH_TEST_SLOW (make valgrind): the deadlines that much later */
	if (pairnet_scale(lim, getenv("KITH_TEST_SLOW")) != 0)
		exit(2);
	lim->ttl_ms *= lim->session_ms / 3000;
}

/* A child joins port with each code in turn; the sides come back. */
static pid_t
spawn_joins(const char *port, const char *const *codes, size_t n,
    struct side *s, int *rfd)
{
	struct pairnet_limits lim;
	struct pairnet_hooks h;
	struct pair_conf c;
	int pfd[2];
	size_t i;
	pid_t pid;

	if (pipe(pfd) == -1 || (pid = fork()) == -1)
		exit(2);
	if (pid != 0) {
		close(pfd[1]);
		*rfd = pfd[0];
		return pid;
	}
	close(pfd[0]);
	limits(&lim, 1);
	for (i = 0; i < n; i++) {
		if (i > 0)	/* the offer is done with the last one */
			usleep(200000);
		side_conf(&s[i], codes[i], &c, &h);
		s[i].r = pairnet_join("127.0.0.1", port, &c, &lim, &h,
		    &s[i].st);
	}
	if (write(pfd[1], s, n * sizeof(*s)) != (ssize_t)(n * sizeof(*s)))
		_exit(2);
	_exit(0);
}

static void
reap(pid_t pid, int rfd, struct side *s, size_t n)
{
	ssize_t got = read(rfd, s, n * sizeof(*s));

	close(rfd);
	waitpid(pid, NULL, 0);
	if (got != (ssize_t)(n * sizeof(*s)))
		s[0].r = s[n - 1].r = KE_INTERNAL;
}

/* A listener on 127.0.0.1 at a free port, its number in port. */
static int
listener(char *port, size_t len)
{
	struct sockaddr_in sin;
	socklen_t sl = sizeof(sin);
	int fd;

	if (pairnet_listen("127.0.0.1", "0", &fd) != 0 ||
	    getsockname(fd, (struct sockaddr *)&sin, &sl) == -1)
		exit(2);
	snprintf(port, len, "%u", ntohs(sin.sin_port));
	return fd;
}

/* The offer at lfd against joins with codes[0..n), in turn. */
static void
offer_vs(int lfd, const char *port, struct side *a, u_int attempts,
    const char *const *codes, size_t n, struct side *b)
{
	struct pairnet_limits lim;
	struct pairnet_hooks h;
	struct pair_conf c;
	pid_t pid;
	int rfd;

	limits(&lim, attempts);
	side_conf(a, TN_CODE, &c, &h);
	pid = spawn_joins(port, codes, n, b, &rfd);
	a->r = pairnet_offer(lfd, &c, &lim, &h, &a->st);
	reap(pid, rfd, b, n);
}

static void
test_good(void)
{
	static const char *const codes[] = { TN_CODE };
	struct side a, b;
	char port[16];
	int lfd = listener(port, sizeof(port));

	side_init(&a, 1, "offer.test");
	side_init(&b, 2, "join.test");
	offer_vs(lfd, port, &a, 1, codes, 1, &b);
	close(lfd);
	T_OK(a.r == 0 && b.r == 0, "a run on loopback pairs (%d, %d)", a.r,
	    b.r);
	T_OK(a.st.end == PAIRNET_PAIRED && a.st.attempts == 1 &&
	    a.st.bad == 0, "the offer ends paired, one attempt used");
	T_OK(a.ncheck == 1 && a.ncommit == 1 && b.ncheck == 1 &&
	    b.ncommit == 1, "each side checks once and commits once");
	T_OK(a.ndone == 1 && b.ndone == 1, "commits come after the peer's "
	    "payload is complete");
	T_OK(a.nconfirmed == 1 && b.nconfirmed == 1, "both hear of the "
	    "confirmation");
	T_OK(a.st.sent == b.st.received && b.st.sent == a.st.received &&
	    a.st.sent > 3000 && b.st.sent > 3000, "bytes on the wire agree: "
	    "%llu + %llu", (unsigned long long)a.st.sent,
	    (unsigned long long)b.st.sent);
}

static void
test_wrong(void)
{
	static const char *const codes[] = { TN_OTHER };
	static const char *const two[] = { TN_OTHER, TN_CODE };
	struct side a, b[2];
	char port[16];
	int lfd = listener(port, sizeof(port));

	side_init(&a, 1, "offer.test");
	side_init(&b[0], 2, "join.test");
	offer_vs(lfd, port, &a, 1, codes, 1, b);
	T_OK(a.r == KE_WRONGCODE && b[0].r == KE_WRONGCODE, "a wrong code "
	    "fails both sides (%d, %d)", a.r, b[0].r);
	T_OK(a.st.end == PAIRNET_BURNED && a.st.attempts == 1,
	    "... and burns the offer");
	T_OK(a.ncheck + a.ncommit + b[0].ncheck + b[0].ncommit == 0 &&
	    a.nconfirmed + b[0].nconfirmed == 0, "... with no check, "
	    "commit or confirmation");
	side_init(&a, 1, "offer.test");
	side_init(&b[0], 2, "join.test");
	side_init(&b[1], 3, "join2.test");
	offer_vs(lfd, port, &a, 2, two, 2, b);
	close(lfd);
	T_OK(a.r == 0 && b[0].r == KE_WRONGCODE && b[1].r == 0 &&
	    a.st.attempts == 2, "with two attempts the right code still "
	    "pairs after a wrong one");
}

static void
test_refusals(void)
{
	static const char *const codes[] = { TN_CODE };
	struct side a, b;
	char port[16];
	int lfd = listener(port, sizeof(port));

	side_init(&a, 1, "offer.test");
	side_init(&b, 2, "join.test");
	b.failcheck = 1;
	offer_vs(lfd, port, &a, 1, codes, 1, &b);
	T_OK(b.r == KE_SIGNATURE && a.r == KE_TRUNCATED && a.ncommit == 0 &&
	    b.ncommit == 0 && a.st.end == PAIRNET_BURNED, "the join "
	    "refusing the offer's payload: nobody commits (%d, %d)", a.r, b.r);
	side_init(&a, 1, "offer.test");
	side_init(&b, 2, "join.test");
	a.failcheck = 1;
	offer_vs(lfd, port, &a, 1, codes, 1, &b);
	close(lfd);
	T_OK(a.r == KE_SIGNATURE && b.r == KE_TRUNCATED && a.ncommit == 0 &&
	    b.ncommit == 0, "the offer refusing the join's payload: nobody "
	    "commits (%d, %d)", a.r, b.r);
}

static void
test_join_errors(void)
{
	struct pairnet_limits lim;
	struct pairnet_hooks h;
	struct pair_conf c;
	struct side s;
	char port[16];
	int lfd = listener(port, sizeof(port));

	close(lfd);	/* nobody listens there now */
	limits(&lim, 1);
	side_init(&s, 2, "join.test");
	side_conf(&s, "482-193-7064", &c, &h);
	T_EQ(pairnet_join("127.0.0.1", port, &c, &lim, &h, &s.st),
	    KE_CHECKDIGIT, "a typo is refused before connecting");
	side_conf(&s, TN_CODE, &c, &h);
	T_EQ(pairnet_join("127.0.0.1", port, &c, &lim, &h, &s.st),
	    KE_ERRNO(ECONNREFUSED), "nobody listening: connection refused");
	T_OK(s.st.peer[0] == '\0', "... and no peer address");
	T_EQ(pairnet_join("no-such-host.invalid", port, &c, &lim, &h, &s.st),
	    KE_NOTFOUND, "an unknown host");
}

void
test_runs(void)
{
	test_good();
	test_wrong();
	test_refusals();
	test_join_errors();
}

int
main(int argc, char **argv)
{
	if (sodium_init() < 0)
		return 1;
	signal(SIGPIPE, SIG_IGN);
	if (argc > 1 && strcmp(argv[1], "relay") == 0)
		return tn_relay(argc - 2, argv + 2);
	if (argc > 1)
		return tn_client(argc - 1, argv + 1);
	test_parse();
	test_runs();
	test_limits();
	return t_done();
}
