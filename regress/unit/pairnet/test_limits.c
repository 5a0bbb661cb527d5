/* test_limits.c: the offer's TTL, deadlines and refusals on loopback. */
#include "compat.h"

#include <sys/socket.h>
#include <sys/wait.h>

#include <netinet/in.h>

#include <errno.h>
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
#include "pairproto.h"
#include "test.h"
#include "t_pairnet.h"

static int
tl_sign(void *arg, const u_char *msg, size_t len, u_char *sig)
{
	crypto_sign_detached(sig, NULL, msg, len, arg);
	return 0;
}

static int
tl_payload(void *arg, const struct pair *p, struct buf *vouch,
    struct buf *bundle)
{
	(void)arg;
	(void)p;
	if (buf_puts(vouch, "v") != 0 || buf_puts(bundle, "b") != 0)
		return KE_NOMEM;
	return 0;
}

/* An offer under short limits on a fresh port; its result and time. */
struct tl {
	u_char		 pk[32];
	u_char		 sk[64];
	char		 port[16];
	int		 lfd;
	int		 r;
	double		 secs;
	struct pairnet_limits lim;
	struct pairnet_stats st;
};

static void
tl_init(struct tl *t, u_int maxbad)
{
	struct sockaddr_in sin;
	socklen_t sl = sizeof(sin);

	memset(t, 0, sizeof(*t));
	crypto_sign_keypair(t->pk, t->sk);
	pairnet_limits_default(&t->lim);
	t->lim.maxbad = maxbad;
	t->lim.read_ms = 400;
	t->lim.confirm_ms = 1000;
	t->lim.session_ms = 2500;
	if (pairnet_listen("127.0.0.1", "0", &t->lfd) != 0 ||
	    getsockname(t->lfd, (struct sockaddr *)&sin, &sl) == -1)
		exit(2);
	snprintf(t->port, sizeof(t->port), "%u", ntohs(sin.sin_port));
}

static void
tl_offer(struct tl *t)
{
	struct pairnet_hooks h;
	struct pair_conf c;
	double t0 = tn_now();

	memset(&c, 0, sizeof(c));
	memset(&h, 0, sizeof(h));
	c.code = TN_CODE;
	c.pk = t->pk;
	c.name = "offer.test";
	c.sign = tl_sign;
	c.payload = tl_payload;
	c.arg = t->sk;
	t->r = pairnet_offer(t->lfd, &c, &t->lim, &h, &t->st);
	t->secs = tn_now() - t0;
	close(t->lfd);
}

/* Forks fn(port, arg); the child reports a double through a pipe. */
static pid_t
tl_spawn(const struct tl *t, double (*fn)(const char *, long), long arg,
    int *rfd)
{
	int pfd[2];
	double v;
	pid_t pid;

	if (pipe(pfd) == -1 || (pid = fork()) == -1)
		exit(2);
	if (pid == 0) {
		close(pfd[0]);
		v = fn(t->port, arg);
		if (write(pfd[1], &v, sizeof(v)) != (ssize_t)sizeof(v))
			_exit(2);
		_exit(0);
	}
	close(pfd[1]);
	*rfd = pfd[0];
	return pid;
}

static double
tl_reap(pid_t pid, int rfd)
{
	double v = -1;

	if (read(rfd, &v, sizeof(v)) != (ssize_t)sizeof(v))
		v = -1;
	close(rfd);
	waitpid(pid, NULL, 0);
	return v;
}

/* Connects after delay ms, sends nothing: seconds until closed. */
static double
idle_client(const char *port, long delay)
{
	struct timespec ts = { delay / 1000, (delay % 1000) * 1000000 };
	u_char b[256];
	double t0;
	int fd;

	nanosleep(&ts, NULL);
	t0 = tn_now();
	fd = tn_dial(port);
	while (read(fd, b, sizeof(b)) > 0)
		;
	close(fd);
	return tn_now() - t0;
}

/* Sends junk as M1 (after delay ms): seconds until closed. */
static double
junk_client(const char *port, long delay)
{
	u_char junk[PAIR_M0LEN + 32];
	double t0 = tn_now();
	int fd;

	(void)delay;
	fd = tn_dial(port);
	memset(junk, 'j', sizeof(junk));
	(void)send(fd, junk, sizeof(junk), MSG_NOSIGNAL);
	while (read(fd, junk, sizeof(junk)) > 0)
		;
	close(fd);
	return tn_now() - t0;
}

static double
slow_client(const char *port, long ms)
{
	return tn_slowjoin(port, TN_CODE, ms);
}

static void
test_ttl_expiry(void)
{
	struct tl t;

	tl_init(&t, 32);
	t.lim.ttl_ms = 300;
	tl_offer(&t);
	T_OK(t.r == KE_ERRNO(ETIMEDOUT) && t.st.end == PAIRNET_EXPIRED &&
	    t.st.attempts == 0, "an unused offer expires with its TTL");
	T_OK(t.secs >= 0.29 && t.secs < 0.8, "... on time (%.2f s)",
	    t.secs);
}

static void
test_idle_and_busy(void)
{
	struct tl t;
	double idle, busy;
	int rfd1, rfd2;
	pid_t p1, p2;

	tl_init(&t, 1);
	p1 = tl_spawn(&t, idle_client, 0, &rfd1);
	p2 = tl_spawn(&t, idle_client, 150, &rfd2);
	tl_offer(&t);
	idle = tl_reap(p1, rfd1);
	busy = tl_reap(p2, rfd2);
	T_OK(t.r == KE_ERRNO(ETIMEDOUT) && t.st.end == PAIRNET_FLOODED &&
	    t.st.bad == 1 && t.st.attempts == 0, "a silent client times out "
	    "and counts as malformed, not as an attempt");
	T_OK(idle >= 0.35 && idle < 0.9, "... after the read timeout "
	    "(%.2f s)", idle);
	T_OK(t.st.refused == 1 && busy >= 0 && busy < 0.2, "a second "
	    "connection meanwhile is closed at once (%.2f s)", busy);
}

static void
test_junk(void)
{
	struct tl t;
	int rfd;
	pid_t p;

	tl_init(&t, 1);
	p = tl_spawn(&t, junk_client, 0, &rfd);
	tl_offer(&t);
	T_OK(tl_reap(p, rfd) < 0.3, "junk is dropped at once");
	T_OK(t.r == KE_MAGIC && t.st.bad == 1 && t.st.attempts == 0,
	    "... as malformed, costing no attempt (%d)", t.r);
}

static void
test_session_deadline(void)
{
	struct tl t;
	double secs;
	int rfd;
	pid_t p;

	tl_init(&t, 32);
	p = tl_spawn(&t, slow_client, 100, &rfd);
	tl_offer(&t);
	secs = tl_reap(p, rfd);
	T_OK(t.r == KE_ERRNO(ETIMEDOUT) && t.st.end == PAIRNET_BURNED &&
	    t.st.attempts == 1, "a join trickling M5 is cut off, its "
	    "attempt spent (%d)", t.r);
	T_OK(secs >= 2.4 && secs < 3.5, "... at the session deadline "
	    "(%.2f s)", secs);
}

void
test_limits(void)
{
	test_ttl_expiry();
	test_idle_and_busy();
	test_junk();
	test_session_deadline();
}
