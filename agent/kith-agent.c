/* kith-agent: an ssh-agent that keeps Ed25519 signing keys. */
#include "compat.h"

#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "agentkeys.h"
#include "agentproto.h"
#include "agentserve.h"
#include "agentsock.h"
#include "askpass.h"
#include "buf.h"
#include "kerr.h"
#include "key.h"
#include "sandbox.h"
#include "validity.h"

#define STALL_MS	10000	/* a half-sent message is dropped after this */
#define OUTMAX		(2 * AGENT_MAXMSG)	/* read no more while queued */
#define READSZ		4096
#define PAUSE_MS	100	/* no accept for this long after EMFILE */
#define MAXEVENTS	64
#define WAIT		1	/* a handler's result: answer later */

struct conn {
	int		 fd;
	uint32_t	 events;	/* what epoll watches for */
	struct buf	*in;
	struct buf	*out;
	uint64_t	 partial;	/* since when a message is half read */
	uint64_t	 hold;		/* nothing read or sent before this */
	struct askpass	*ask;		/* asking to confirm a signature */
	int		 confirmed;	/* the answer: AGENTSERVE_ASK_* */
	int		 dead;
};

struct agent {
	struct agentkeys *keys;
	struct conn	**c;
	size_t		 nc, capc;
	int		 ndead;
	int		 ep;		/* epoll */
	struct agentsock s;		/* the listening socket */
	int		 sigr;		/* the self-pipe's read end */
	uint64_t	 next;		/* the first stall or hold due */
	uint64_t	 life;		/* default lifetime in ms; 0: none */
	uint64_t	 pause;		/* no accept before this */
	int		 debug;
};

struct opts {
	const char	*sock;
	uint32_t	 life;
	int		 csh;
	int		 fg;		/* 1: -D, 2: -d */
	int		 kill;
};

static int sigw = -1;	/* the self-pipe's write end, for on_signal */

static _Noreturn void
usage(void)
{
	fprintf(stderr, "usage: %s [-c | -s] [-Dd] [-a socket] [-t life]\n"
	    "       %s [-c | -s] -k\n", getprogname(), getprogname());
	exit(2);
}

static void __attribute__((format(printf, 2, 3)))
logmsg(const struct agent *a, const char *fmt, ...)
{
	va_list ap;

	if (!a->debug)
		return;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", getprogname());
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

/* Milliseconds on the monotonic clock; never 0. */
static uint64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000 + 1;
}

/* Lowers *next to t, if t is set (not 0). */
static void
next_at(uint64_t *next, uint64_t t)
{
	if (t != 0 && (*next == 0 || t < *next))
		*next = t;
}

/* epoll_ctl, for events on fd reported with ptr. */
static int
watch(struct agent *a, int op, int fd, uint32_t events, void *ptr)
{
	struct epoll_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.events = events;
	ev.data.ptr = ptr;
	return epoll_ctl(a->ep, op, fd, &ev);
}

/* Connections. */

/* Watches c for what it may do now: read unless held, write if queued. */
static void
conn_watch(struct agent *a, struct conn *c, uint64_t now)
{
	uint32_t want = 0;

	if (c->hold <= now && c->ask == NULL && buf_len(c->out) < OUTMAX)
		want |= EPOLLIN;
	if (c->hold <= now && buf_len(c->out) > 0)
		want |= EPOLLOUT;
	if (c->hold > now)
		next_at(&a->next, c->hold);
	if (want == c->events || c->dead)
		return;
	if (watch(a, EPOLL_CTL_MOD, c->fd, want, c) == -1)
		c->dead = 1;
	c->events = want;
}

static void
conn_free(struct agent *a, struct conn *c)
{
	epoll_ctl(a->ep, EPOLL_CTL_DEL, c->fd, NULL);
	askpass_free(c->ask);
	close(c->fd);
	buf_free(c->in);
	buf_free(c->out);
	free(c);
}

static int
conn_add(struct agent *a, int fd)
{
	struct conn *c, **nc;
	size_t ncap;

	if (a->nc >= AGENT_MAXCONN)
		return KE_TOOMANY;
	if (a->nc == a->capc) {
		ncap = a->capc == 0 ? 64 : a->capc * 2;
		if ((nc = reallocarray(a->c, ncap, sizeof(*nc))) == NULL)
			return KE_NOMEM;
		a->c = nc;
		a->capc = ncap;
	}
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return KE_NOMEM;
	c->fd = fd;
	c->events = EPOLLIN;
	a->c[a->nc++] = c;
	/* on failure, the sweep closes it */
	if ((c->in = buf_new()) == NULL || (c->out = buf_new()) == NULL ||
	    watch(a, EPOLL_CTL_ADD, fd, c->events, c) == -1)
		a->ndead += c->dead = 1;
	return 0;
}

/* Frees the dead connections. */
static void
sweep(struct agent *a)
{
	size_t i, j;

	for (i = j = 0; i < a->nc; i++)
		if (a->c[i]->dead)
			conn_free(a, a->c[i]);
		else
			a->c[j++] = a->c[i];
	a->nc = j;
	a->ndead = 0;
}

static void
conn_read(struct conn *c)
{
	u_char *p;
	ssize_t n;

	if (buf_reserve(c->in, READSZ, &p) != 0) {
		c->dead = 1;
		return;
	}
	n = read(c->fd, p, READSZ);
	buf_consume_tail(c->in, n > 0 ? READSZ - (size_t)n : READSZ);
	if (n == 0 || (n == -1 && errno != EAGAIN && errno != EINTR))
		c->dead = 1;
}

static void
conn_write(struct conn *c, uint64_t now)
{
	ssize_t n;

	if (c->dead || buf_len(c->out) == 0 || c->hold > now)
		return;
	n = send(c->fd, buf_ptr(c->out), buf_len(c->out), MSG_NOSIGNAL);
	if (n > 0)
		buf_consume(c->out, (size_t)n);
	else if (n == -1 && errno != EAGAIN && errno != EINTR)
		c->dead = 1;
	if (buf_len(c->out) == 0)
		buf_reset(c->out);
}

/* Requests. */

/* Asks the user to confirm a signature by id: WAIT for the answer. */
static int
ask_confirm(struct agent *a, struct conn *c, const struct agent_ident *id)
{
	int r;

	r = askpass_confirm_key(id->comment, id->key, &c->ask);
	logmsg(a, "fd %d: asking to confirm: %s", c->fd, kith_strerror(r));
	return r == 0 ? WAIT : r;
}

/*
 * Unlock attempts are weighed one at a time: while a wrong one's delay
 * runs, the next waits (WAIT) without holding up other requests.
 */
static int
handle(struct agent *a, struct conn *c, struct agent_req *rq,
    struct buf *ans, uint64_t now)
{
	struct agent_ident *id;
	int r;

	if (rq->add != NULL && a->keys->lockhash == NULL)
		logmsg(a, "add %s, confirm %d", rq->add->comment,
		    rq->add->confirm);
	r = agentserve_handle(a->keys, a->life, rq, c->confirmed, now, ans,
	    &id);
	if (rq->type == AGENTC_UNLOCK &&
	    (r == AGENTSERVE_WAIT || r == KE_PASSPHRASE))
		c->hold = a->keys->lockout;
	if (r == AGENTSERVE_CONFIRM)
		return ask_confirm(a, c, id);
	return r == AGENTSERVE_WAIT ? WAIT : r;
}

/* Answers one message body; WAIT leaves it to be answered later. */
static int
dispatch(struct agent *a, struct conn *c, struct buf *body, uint64_t now)
{
	struct agent_req rq;
	struct buf *ans;
	int r;

	if ((ans = buf_new()) == NULL) {
		c->dead = 1;
		return KE_NOMEM;
	}
	if ((r = agent_parse_request(body, &rq)) == 0)
		r = handle(a, c, &rq, ans, now);
	if (r != WAIT) {
		if (r != 0) {
			logmsg(a, "fd %d: type %u: FAILURE: %s", c->fd,
			    rq.type, kith_strerror(r));
			buf_reset(ans);
			agent_put_type(ans, AGENT_FAILURE);
		}
		c->confirmed = AGENTSERVE_ASK_NONE;
		if (agent_frame(c->out, ans) != 0)
			c->dead = 1;
	}
	agent_req_clear(&rq);
	buf_free(ans);
	return r;
}

/* Answers the whole messages that c has sent, until one must wait. */
static void
conn_run(struct agent *a, struct conn *c, uint64_t now)
{
	struct buf *body;
	size_t used;
	int m;

	while (!c->dead && c->hold <= now && c->ask == NULL &&
	    buf_len(c->out) < OUTMAX &&
	    (m = agent_peek_message(c->in, &body, &used)) != 0) {
		if (m < 0) {
			logmsg(a, "fd %d: %s", c->fd, kith_strerror(m));
			c->dead = 1;
			break;
		}
		m = dispatch(a, c, body, now);
		buf_free(body);
		if (m == WAIT)
			break;
		buf_consume(c->in, used);
	}
	if (buf_len(c->in) == 0) {
		buf_reset(c->in);	/* wipes what keys came through */
		c->partial = 0;
	} else if (agent_peek_message(c->in, &body, &used) != 0) {
		buf_free(body);
		c->partial = 0;
	} else if (c->partial == 0) {
		c->partial = now;
		next_at(&a->next, now + STALL_MS);
	}
}

/* Answers what c has sent and may be answered now; watches it again. */
static void
conn_step(struct agent *a, struct conn *c, uint64_t now)
{
	conn_run(a, c, now);
	conn_write(c, now);
	conn_watch(a, c, now);
	a->ndead += c->dead;
}

/* The loop. */

static void
accept_new(struct agent *a, uint64_t now)
{
	uid_t uid = (uid_t)-1;
	gid_t gid;
	int fd, i;

	for (i = 0; i < 256; i++) {
		if ((fd = accept4(a->s.fd, NULL, NULL,
		    SOCK_NONBLOCK | SOCK_CLOEXEC)) == -1)
			break;
		if (getpeereid(fd, &uid, &gid) == -1 ||
		    (uid != 0 && uid != getuid())) {
			logmsg(a, "refused a client of uid %ld", (long)uid);
			close(fd);
		} else if (conn_add(a, fd) != 0)
			close(fd);
		else
			logmsg(a, "fd %d: new client", fd);
	}
	if (fd == -1 && (errno == EMFILE || errno == ENFILE ||
	    errno == ENOBUFS || errno == ENOMEM)) {
		/* out of descriptors: stop accepting for a while */
		logmsg(a, "accept: %s", strerror(errno));
		a->pause = now + PAUSE_MS;
		watch(a, EPOLL_CTL_MOD, a->s.fd, 0, &a->s.fd);
	}
}

/*
 * Takes the signals: returns 1 when one asks the agent to end, and
 * takes the answers of the askpass programs that ended.
 */
static int
take_signals(struct agent *a, uint64_t now)
{
	struct conn *c;
	u_char s[64];
	ssize_t n, i;
	size_t j;
	pid_t pid;
	int quit = 0, st;

	while ((n = read(a->sigr, s, sizeof(s))) > 0)
		for (i = 0; i < n; i++)
			quit |= s[i] != SIGCHLD;
	while ((pid = waitpid(-1, &st, WNOHANG)) > 0)
		for (j = 0; j < a->nc; j++) {
			c = a->c[j];
			if (c->ask == NULL || askpass_pid(c->ask) != pid)
				continue;
			c->confirmed = askpass_confirmed(c->ask, st) ?
			    AGENTSERVE_ASK_YES : AGENTSERVE_ASK_NO;
			askpass_free(c->ask);
			c->ask = NULL;
			logmsg(a, "fd %d: use %s", c->fd, c->confirmed ==
			    AGENTSERVE_ASK_YES ? "confirmed" : "refused");
			conn_step(a, c, now);
		}
	return quit;
}

static void
conn_events(struct agent *a, struct conn *c, uint32_t rev, uint64_t now)
{
	if (c->dead)
		return;
	if ((rev & (EPOLLIN | EPOLLHUP | EPOLLERR)) && (c->events & EPOLLIN))
		conn_read(c);
	else if (rev & (EPOLLHUP | EPOLLERR))
		c->dead = 1;
	conn_step(a, c, now);
}

/*
 * Timers: key expiry, the end of an accept pause, and, once the first
 * of them is due, held answers and stalled clients.  Returns the
 * milliseconds until the next one, or -1.
 */
static int
run_timers(struct agent *a, uint64_t now)
{
	struct conn *c;
	uint64_t next;
	size_t i;

	if (agentkeys_expire(a->keys, now) > 0)
		logmsg(a, "expired keys removed");
	if (a->pause != 0 && a->pause <= now) {
		a->pause = 0;
		watch(a, EPOLL_CTL_MOD, a->s.fd, EPOLLIN, &a->s.fd);
	}
	if (a->next != 0 && a->next <= now) {
		a->next = 0;
		for (i = 0; i < a->nc; i++) {
			c = a->c[i];
			if (c->partial != 0 && now - c->partial >= STALL_MS) {
				logmsg(a, "fd %d: stalled mid-message", c->fd);
				c->dead = 1;
			}
			if (c->hold <= now)
				c->hold = 0;
			conn_step(a, c, now);
			if (c->partial != 0)
				next_at(&a->next, c->partial + STALL_MS);
		}
	}
	next = agentkeys_next_death(a->keys);
	next_at(&next, a->next);
	next_at(&next, a->pause);
	if (next == 0)
		return -1;
	return next <= now ? 0 : next - now > INT_MAX ? INT_MAX :
	    (int)(next - now);
}

static void
serve(struct agent *a)
{
	struct epoll_event ev[MAXEVENTS];
	uint64_t now;
	int i, n, timeout;

	for (;;) {
		now = now_ms();
		timeout = run_timers(a, now);
		if (a->ndead > 0)
			sweep(a);
		if ((n = epoll_wait(a->ep, ev, MAXEVENTS, timeout)) == -1 &&
		    errno != EINTR) {
			logmsg(a, "epoll_wait: %s", strerror(errno));
			return;
		}
		now = now_ms();
		for (i = 0; i < n; i++) {
			if (ev[i].data.ptr == &a->sigr) {
				if (take_signals(a, now))
					return;
			} else if (ev[i].data.ptr == &a->s.fd)
				accept_new(a, now);
			else
				conn_events(a, ev[i].data.ptr, ev[i].events,
				    now);
		}
		if (a->ndead > 0)
			sweep(a);
	}
}

/* Setting up and ending. */

static void
on_signal(int sig)
{
	int saved = errno;
	u_char s = (u_char)sig;
	ssize_t n;

	n = write(sigw, &s, 1);
	(void)n;
	errno = saved;
}

/*
 * Signals go through a self-pipe to the loop; they are caught from
 * before the socket exists, so that none can end the agent uncleanly.
 */
static void
setup_signals(struct agent *a)
{
	static const int sigs[] = { SIGTERM, SIGINT, SIGHUP, SIGCHLD };
	struct sigaction sa;
	size_t i;
	int p[2];

	if (pipe2(p, O_CLOEXEC | O_NONBLOCK) == -1)
		err(2, "pipe");
	a->sigr = p[0];
	sigw = p[1];
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < nitems(sigs); i++)
		if (sigaction(sigs[i], &sa, NULL) == -1)
			err(2, "sigaction");
	signal(SIGPIPE, SIG_IGN);
}

/* No core dumps, no ptrace attach, files only for us. */
static void
harden(void)
{
	struct rlimit rl;
	int r;

	if ((r = sandbox_nodump()) != 0)
		errx(2, "core dumps: %s", kith_strerror(r));
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		(void)setrlimit(RLIMIT_NOFILE, &rl);
	}
	umask(0177);
}

/*
 * Before serving: no file may be made or written any more; only the
 * socket (and the directory made for it) may be removed at the end.
 */
static int
drop(const struct agent *a)
{
	struct sandbox_path p[] = {
		{ a->s.path, SANDBOX_RMFILE | SANDBOX_PARENT },
		{ *a->s.dir != '\0' ? a->s.dir : NULL,
		    SANDBOX_RMDIR | SANDBOX_PARENT },
	};

	/* the askpass programs it runs may need X over TCP */
	return sandbox(p, nitems(p), SANDBOX_CONNECT);
}

static void
print_env(const struct opts *o, const char *path, pid_t pid, int withpid)
{
	printf(o->csh ? "setenv SSH_AUTH_SOCK %s;\n" :
	    "SSH_AUTH_SOCK=%s; export SSH_AUTH_SOCK;\n", path);
	if (withpid)
		printf(o->csh ? "setenv SSH_AGENT_PID %ld;\n" :
		    "SSH_AGENT_PID=%ld; export SSH_AGENT_PID;\n", (long)pid);
	printf("echo Agent pid %ld;\n", (long)pid);
	if (fflush(stdout) != 0)
		err(2, "stdout");
}

/* Forks unless in the foreground; the parent prints and leaves. */
static void
detach(const struct agent *a, const struct opts *o)
{
	pid_t pid;
	int fd;

	if (o->fg != 0) {
		print_env(o, a->s.path, getpid(), 0);
		return;
	}
	fflush(stdout);
	if ((pid = fork()) == -1)
		err(2, "fork");
	if (pid != 0) {
		print_env(o, a->s.path, pid, 1);
		_exit(0);
	}
	if (setsid() == -1 || chdir("/") == -1 ||
	    (fd = open("/dev/null", O_RDWR)) == -1)
		err(2, "detach");
	dup2(fd, STDIN_FILENO);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	if (fd > STDERR_FILENO)
		close(fd);
}

static void
finish(struct agent *a)
{
	size_t i;

	for (i = 0; i < a->nc; i++)
		conn_free(a, a->c[i]);
	free(a->c);
	close(a->ep);
	agentkeys_free(a->keys);
	close(a->sigr);
	close(sigw);
	agentsock_remove(&a->s);
}

static void
do_agent(const struct opts *o)
{
	struct agent a;
	int r;

	memset(&a, 0, sizeof(a));
	a.debug = o->fg == 2;
	a.life = (uint64_t)o->life * 1000;
	harden();
	if (sodium_init() < 0)
		errx(2, "libsodium: %s", kith_strerror(KE_CRYPTO));
	if ((a.keys = agentkeys_new()) == NULL)
		errx(2, "%s", kith_strerror(KE_NOMEM));
	setup_signals(&a);
	if ((r = agentsock_listen(o->sock, &a.s)) != 0)
		errx(2, "%s: %s", o->sock != NULL ? o->sock : a.s.dir,
		    kith_strerror(r));
	detach(&a, o);
	if ((a.ep = epoll_create1(EPOLL_CLOEXEC)) == -1 ||
	    watch(&a, EPOLL_CTL_ADD, a.sigr, EPOLLIN, &a.sigr) == -1 ||
	    watch(&a, EPOLL_CTL_ADD, a.s.fd, EPOLLIN, &a.s.fd) == -1)
		err(2, "epoll");
	if ((r = drop(&a)) != 0) {
		finish(&a);
		errx(2, "sandbox: %s", kith_strerror(r));
	}
	serve(&a);
	finish(&a);
}

static void
do_kill(const struct opts *o)
{
	const char *s, *errstr;
	long long pid;

	if ((s = getenv("SSH_AGENT_PID")) == NULL || *s == '\0')
		errx(2, "SSH_AGENT_PID is not set; cannot end the agent");
	pid = strtonum(s, 2, INT_MAX, &errstr);
	if (errstr != NULL)
		errx(2, "SSH_AGENT_PID=%s: %s", s, errstr);
	if (kill((pid_t)pid, SIGTERM) == -1)
		err(2, "kill %lld", pid);
	printf("%s SSH_AUTH_SOCK;\n%s SSH_AGENT_PID;\n"
	    "echo Agent pid %lld killed;\n", o->csh ? "unsetenv" : "unset",
	    o->csh ? "unsetenv" : "unset", pid);
}

/* Seconds from "90", "1h30m" and the like, as ssh-agent -t takes. */
static uint32_t
parse_life(const char *s)
{
	uint32_t secs;

	if (validity_lifetime(s, &secs) != 0)
		errx(2, "-t %s: not a lifetime (seconds, or a time like 1h30m)",
		    s);
	return secs;
}

int
main(int argc, char *argv[])
{
	struct opts o;
	const char *shell;
	int ch, r, shellset = 0;

	memset(&o, 0, sizeof(o));
	while ((ch = getopt(argc, argv, "a:cDdkst:")) != -1) {
		switch (ch) {
		case 'a':
			if (*optarg == '\0')
				errx(2, "-a: the socket path is empty");
			o.sock = optarg;
			break;
		case 'c': o.csh = 1; shellset++; break;
		case 'D': o.fg = o.fg == 0 ? 1 : o.fg; break;
		case 'd': o.fg = 2; break;
		case 'k': o.kill = 1; break;
		case 's': o.csh = 0; shellset++; break;
		case 't': o.life = parse_life(optarg); break;
		default: usage();
		}
	}
	if (argc != optind || shellset > 1 || (o.kill && (o.sock != NULL ||
	    o.fg != 0 || o.life != 0)))
		usage();
	if (!shellset && (shell = getenv("SHELL")) != NULL &&
	    strlen(shell) >= 3 && strcmp(shell + strlen(shell) - 3, "csh") == 0)
		o.csh = 1;
	/* the agent enters its sandbox once its socket is made */
	if (o.kill && (r = sandbox(NULL, 0, SANDBOX_PROC)) != 0)
		errx(2, "sandbox: %s", kith_strerror(r));
	if (o.kill)
		do_kill(&o);
	else
		do_agent(&o);
	return 0;
}
