/* pairnet.c: pairing runs on TCP sockets, with deadlines and limits. */
#include "compat.h"

#include <sys/socket.h>
#include <sys/wait.h>

#include <netinet/in.h>
#include <netinet/tcp.h>

#include <errno.h>
#include <limits.h>
#include <netdb.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "kerr.h"
#include "pair.h"
#include "pairnet.h"

#define READ_MAX	(128 * 1024)	/* bytes asked of read(2) at once */
#define BACKLOG		16
#define SERVE_REAP_MS	1000	/* serve reaps at least this often */

/* One run on one connection. */
struct run {
	int		 fd;
	int		 lfd;		/* refuse its connections; -1 */
	int		 offer;
	struct pair	*p;
	struct buf	*in;
	struct buf	*out;
	uint64_t	 t0;		/* ms, when it started */
	int		 confirmed;
	int		 spent;
	int		 checked;
	int		 committed;	/* the offer, before M6 */
	const struct pairnet_limits *lim;
	const struct pairnet_hooks *h;
	struct pairnet_stats *st;
};

static uint64_t
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

static uint64_t
now_ms(void)
{
	return now_us() / 1000;
}

/* poll(2)'s timeout for an absolute deadline in ms. */
static int
poll_ms(uint64_t end)
{
	uint64_t t = now_ms();

	if (t >= end)
		return 0;
	return end - t > INT_MAX ? INT_MAX : (int)(end - t);
}

static void
event(const struct pairnet_hooks *h, int type, int err, int spent,
    const char *addr, const struct pair *p, const struct pairnet_stats *st)
{
	struct pairnet_event ev;

	if (h->event == NULL)
		return;
	memset(&ev, 0, sizeof(ev));
	ev.type = type;
	ev.err = err;
	ev.spent = spent;
	ev.addr = addr;
	ev.pair = p;
	ev.st = st;
	h->event(h->arg, &ev);
}

void
pairnet_limits_default(struct pairnet_limits *lim)
{
	memset(lim, 0, sizeof(*lim));
	lim->attempts = PAIRNET_ATTEMPTS;
	lim->maxbad = PAIRNET_MAXBAD;
	lim->ttl_ms = (uint64_t)PAIRNET_TTL * 1000;
	lim->read_ms = PAIRNET_READ_MS;
	lim->confirm_ms = PAIRNET_CONFIRM_MS;
	lim->session_ms = PAIRNET_SESSION_MS;
	lim->maxconn = PAIRNET_MAXCONN;
}

static uint64_t
scaled(uint64_t ms, double f)
{
	double v = (double)ms * f;

	return v < 1 ? 1 : (uint64_t)v;
}

int
pairnet_scale(struct pairnet_limits *lim, const char *s)
{
	char *end;
	double f;

	if (s == NULL || *s == '\0')
		return 0;
	errno = 0;
	f = strtod(s, &end);
	if (*end != '\0' || end == s || errno != 0)
		return KE_FORMAT;
	if (!(f >= 0.001 && f <= 1000))
		return KE_RANGE;
	lim->read_ms = scaled(lim->read_ms, f);
	lim->confirm_ms = scaled(lim->confirm_ms, f);
	lim->session_ms = scaled(lim->session_ms, f);
	return 0;
}

/* Decimal digits only, at most 9 of them: *vp. */
static int
parse_digits(const char *s, size_t n, uint64_t *vp)
{
	size_t i;

	if (n == 0 || strspn(s, "0123456789") < n)
		return KE_FORMAT;	/* not a number: said before its size */
	if (n > 9)
		return KE_RANGE;
	for (*vp = 0, i = 0; i < n; i++)
		*vp = *vp * 10 + (uint64_t)(s[i] - '0');
	return 0;
}

int
pairnet_parse_ttl(const char *s, uint64_t *msp)
{
	size_t n = strlen(s);
	uint64_t v, unit = 1;
	int r;

	if (n > 0 && (s[n - 1] == 's' || s[n - 1] == 'm')) {
		unit = s[n - 1] == 'm' ? 60 : 1;
		n--;
	}
	if ((r = parse_digits(s, n, &v)) != 0)
		return r;
	if (v == 0 || v > PAIRNET_MAXTTL / unit)
		return KE_RANGE;
	*msp = v * unit * 1000;
	return 0;
}

int
pairnet_parse_port(const char *s, int zero)
{
	uint64_t v;
	int r;

	if ((r = parse_digits(s, strlen(s), &v)) != 0)
		return r;
	return v > 65535 || (v == 0 && !zero) ? KE_RANGE : 0;
}

/* Splits s at its port separator; *portp NULL if there is none. */
static int
split_host(const char *s, char **hostp, char **portp)
{
	const char *c, *end;

	if (*s == '[') {
		if ((end = strchr(s, ']')) == NULL ||
		    (end[1] != '\0' && end[1] != ':'))
			return KE_FORMAT;
		*hostp = strndup(s + 1, (size_t)(end - s - 1));
		if (end[1] == ':' && (*portp = strdup(end + 2)) == NULL)
			return KE_NOMEM;
	} else if ((c = strchr(s, ':')) != NULL && strchr(c + 1, ':') ==
	    NULL) {
		*hostp = strndup(s, (size_t)(c - s));
		if ((*portp = strdup(c + 1)) == NULL)
			return KE_NOMEM;
	} else
		*hostp = strdup(s);
	return *hostp == NULL ? KE_NOMEM : 0;
}

int
pairnet_parse_host(const char *s, const char *defport, char **hostp,
    char **portp)
{
	char *host = NULL, *port = NULL;
	int r;

	*hostp = *portp = NULL;
	if ((r = split_host(s, &host, &port)) != 0)
		goto out;
	if (port == NULL && (port = strdup(defport)) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	if (*host == '\0') {
		r = KE_FORMAT;
		goto out;
	}
	if ((r = pairnet_parse_port(port, 0)) != 0)
		goto out;
	*hostp = host;
	*portp = port;
	host = port = NULL;
 out:
	free(host);
	free(port);
	return r;
}

/* "a.b.c.d:port" or "[v6]:port" (IPv4-mapped addresses as IPv4). */
static void
format_addr(const struct sockaddr *sa, socklen_t len, char *out)
{
	char host[NI_MAXHOST], serv[NI_MAXSERV];
	const char *h = host;

	if (getnameinfo(sa, len, host, sizeof(host), serv, sizeof(serv),
	    NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
		strlcpy(out, "?", PAIRNET_ADDRLEN);
		return;
	}
	if (strncmp(h, "::ffff:", 7) == 0 && strchr(h, '.') != NULL)
		h += 7;
	snprintf(out, PAIRNET_ADDRLEN, strchr(h, ':') != NULL ? "[%s]:%s" :
	    "%s:%s", h, serv);
}

static void
set_nodelay(int fd)
{
	int on = 1;

	/* small ping-pong messages: no Nagle delay */
	(void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
}

static int
listen_one(const struct addrinfo *ai, int dual, int *fdp)
{
	int fd, on = 1, off = 0, r;

	if ((fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK |
	    SOCK_CLOEXEC, ai->ai_protocol)) == -1)
		return KE_ERRNO(errno);
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) == -1 ||
	    (dual && setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off,
	    sizeof(off)) == -1) ||
	    bind(fd, ai->ai_addr, ai->ai_addrlen) == -1 ||
	    listen(fd, BACKLOG) == -1) {
		r = KE_ERRNO(errno);
		close(fd);
		return r;
	}
	*fdp = fd;
	return 0;
}

/* The first address of family for addr and port that listens. */
static int
listen_family(const char *addr, const char *port, int family, int *fdp)
{
	struct addrinfo hints, *res = NULL, *ai;
	int e, r = KE_NOTFOUND;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = family;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	if ((e = getaddrinfo(addr, port, &hints, &res)) != 0)
		return e == EAI_SYSTEM ? KE_ERRNO(errno) : KE_NOTFOUND;
	for (ai = res; ai != NULL; ai = ai->ai_next)
		if ((r = listen_one(ai, addr == NULL &&
		    ai->ai_family == AF_INET6, fdp)) == 0)
			break;
	freeaddrinfo(res);
	return r;
}

int
pairnet_listen(const char *addr, const char *port, int *fdp)
{
	int r;

	*fdp = -1;
	if (addr != NULL)
		return listen_family(addr, port, AF_UNSPEC, fdp);
	/* every address: IPv6 taking IPv4 too, else IPv4 alone */
	if ((r = listen_family(NULL, port, AF_INET6, fdp)) == 0 ||
	    r == KE_ERRNO(EADDRINUSE) || r == KE_ERRNO(EACCES))
		return r;
	return listen_family(NULL, port, AF_INET, fdp);
}

int
pairnet_port(int fd, char *out, size_t len)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	char host[NI_MAXHOST];

	if (getsockname(fd, (struct sockaddr *)&ss, &sl) == -1)
		return KE_ERRNO(errno);
	if (getnameinfo((struct sockaddr *)&ss, sl, host, sizeof(host), out,
	    len, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
		return KE_FORMAT;
	return 0;
}

/* Accepts and closes a connection while a run is going on. */
static void
refuse(struct run *x)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	char addr[PAIRNET_ADDRLEN];
	int fd;

	if ((fd = accept4(x->lfd, (struct sockaddr *)&ss, &len,
	    SOCK_NONBLOCK | SOCK_CLOEXEC)) == -1)
		return;
	format_addr((struct sockaddr *)&ss, len, addr);
	close(fd);
	x->st->refused++;
	event(x->h, PAIRNET_EV_REFUSED, 0, 0, addr, NULL, x->st);
}

/* The deadline of the next read or write: idle, confirmation, session. */
static uint64_t
run_deadline(const struct run *x)
{
	uint64_t end = now_ms() + x->lim->read_ms, t;

	t = x->t0 + x->lim->session_ms;
	/* the peer verifies our bundle: only the session's deadline holds */
	if (t < end || pair_peer_checking(x->p))
		end = t;
	t = x->t0 + x->lim->confirm_ms;
	if (!x->confirmed && t < end)
		end = t;
	return end;
}

/* Waits until fd is ready for events; refuses other connections. */
static int
run_wait(struct run *x, short events)
{
	struct pollfd pfd[2];
	uint64_t end = run_deadline(x);
	nfds_t n = x->lfd >= 0 ? 2 : 1;

	for (;;) {
		if (now_ms() >= end)
			return KE_ERRNO(ETIMEDOUT);
		memset(pfd, 0, sizeof(pfd));
		pfd[0].fd = x->fd;
		pfd[0].events = events;
		pfd[1].fd = x->lfd;
		pfd[1].events = POLLIN;
		if (poll(pfd, n, poll_ms(end)) == -1) {
			if (errno == EINTR)
				continue;
			return KE_ERRNO(errno);
		}
		/*
		 * The run first: a joiner that failed and retries at once
		 * has its hang-up and its new connection arrive together.
		 */
		if (pfd[0].revents != 0)
			return 0;
		if (n == 2 && (pfd[1].revents & POLLIN) != 0)
			refuse(x);
	}
}

/* Reads at most pair_want bytes onto in: 0, 1 at EOF, or an error. */
static int
run_read(struct run *x)
{
	size_t want = pair_want(x->p);
	u_char *d;
	ssize_t n;
	int r;

	if (want > READ_MAX)
		want = READ_MAX;
	for (;;) {
		if ((r = buf_reserve(x->in, want, &d)) != 0)
			return r;
		n = read(x->fd, d, want);
		(void)buf_consume_tail(x->in, n > 0 ? want - (size_t)n : want);
		if (n > 0) {
			x->st->received += (uint64_t)n;
			return 0;
		}
		/* a reset is a hang-up too */
		if (n == 0 || errno == ECONNRESET)
			return 1;
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN && errno != EWOULDBLOCK)
			return KE_ERRNO(errno);
		if ((r = run_wait(x, POLLIN)) != 0)
			return r;
	}
}

static int
run_write(struct run *x)
{
	ssize_t n;
	int r;

	while (buf_len(x->out) > 0) {
		n = send(x->fd, buf_ptr(x->out), buf_len(x->out),
		    MSG_NOSIGNAL);
		if (n > 0) {
			x->st->sent += (uint64_t)n;
			(void)buf_consume(x->out, (size_t)n);
			continue;
		}
		if (n == -1 && errno == EINTR)
			continue;
		if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
			return KE_ERRNO(n == 0 ? EIO : errno);
		if ((r = run_wait(x, POLLOUT)) != 0)
			return r;
	}
	buf_reset(x->out);
	return 0;
}

/*
 * What happens between a step and sending what it made: the attempt is
 * counted, the confirmation announced, the peer's payload checked (and,
 * on the offer, committed before M6 goes out).
 */
static int
run_presend(struct run *x)
{
	const struct pairnet_hooks *h = x->h;
	int r;

	if (!x->spent && pair_spent(x->p)) {
		x->spent = 1;
		if (x->offer)
			x->st->attempts++;
	}
	if (!x->confirmed && pair_th(x->p) != NULL) {
		x->confirmed = 1;
		event(h, PAIRNET_EV_CONFIRMED, 0, 0, x->st->peer, x->p, x->st);
	}
	if (x->checked || !pair_peer_complete(x->p))
		return 0;
	x->checked = 1;
	if (h->check != NULL && (r = h->check(h->arg, x->p)) != 0)
		return r;
	if (!x->offer || h->commit == NULL)
		return 0;
	if ((r = h->commit(h->arg, x->p)) == 0)
		x->committed = 1;
	return r;
}

/* Steps p until it is done or fails. */
static int
run_loop(struct run *x)
{
	int r;

	for (;;) {
		r = pair_step(x->p, x->in, x->out);
		if (r == PAIR_SEND) {
			if ((r = run_presend(x)) != 0)
				return r;
			/* committed, the offer is paired even if M6 is lost */
			if ((r = run_write(x)) != 0)
				return x->committed ? 0 : r;
		} else if (r == PAIR_NEED) {
			if ((r = run_read(x)) == 1) {
				r = pair_eof(x->p, x->in);
				return r == 0 ? KE_TRUNCATED : r;
			}
			if (r != 0)
				return r;
		} else if (r == PAIR_DONE) {
			if (!x->offer && x->h->commit != NULL)
				return x->h->commit(x->h->arg, x->p);
			return 0;
		} else
			return r;
	}
}

int
pairnet_run(int fd, int lfd, int offer, struct pair *p,
    const struct pairnet_limits *lim, const struct pairnet_hooks *h,
    struct pairnet_stats *st)
{
	struct run x;
	uint64_t t0 = now_us();
	int r = KE_NOMEM;

	memset(&x, 0, sizeof(x));
	x.fd = fd;
	x.lfd = lfd;
	x.offer = offer;
	x.p = p;
	x.lim = lim;
	x.h = h;
	x.st = st;
	x.t0 = t0 / 1000;
	st->sent = st->received = 0;
	if ((x.in = buf_new()) != NULL && (x.out = buf_new()) != NULL)
		r = run_loop(&x);
	st->usec = now_us() - t0;
	buf_free(x.in);
	buf_free(x.out);
	return r;
}

/* Waits for a connection until end (ms): *fdp, its address in addr. */
static int
offer_accept(int lfd, uint64_t end, int *fdp, char *addr)
{
	struct sockaddr_storage ss;
	struct pollfd pfd;
	socklen_t len;
	int fd;

	for (;;) {
		if (now_ms() >= end)
			return KE_ERRNO(ETIMEDOUT);
		memset(&pfd, 0, sizeof(pfd));
		pfd.fd = lfd;
		pfd.events = POLLIN;
		if (poll(&pfd, 1, poll_ms(end)) == -1 && errno != EINTR)
			return KE_ERRNO(errno);
		len = sizeof(ss);
		fd = accept4(lfd, (struct sockaddr *)&ss, &len,
		    SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd >= 0) {
			format_addr((struct sockaddr *)&ss, len, addr);
			set_nodelay(fd);
			*fdp = fd;
			return 0;
		}
		if (errno != EAGAIN && errno != EWOULDBLOCK &&
		    errno != EINTR && errno != ECONNABORTED && errno != EPROTO)
			return KE_ERRNO(errno);
	}
}

/* One connection of the offer: a fresh state machine, one run. */
static int
offer_once(int fd, int lfd, const struct pair_conf *c,
    const struct pairnet_limits *lim, const struct pairnet_hooks *h,
    struct pairnet_stats *st)
{
	struct pair *p = NULL;
	int r;

	if ((r = pair_offer_new(c, &p)) != 0)
		return r;
	event(h, PAIRNET_EV_START, 0, 0, st->peer, NULL, st);
	r = pairnet_run(fd, lfd, 1, p, lim, h, st);
	pair_free(p);
	return r;
}

int
pairnet_offer(int lfd, const struct pair_conf *c,
    const struct pairnet_limits *lim, const struct pairnet_hooks *h,
    struct pairnet_stats *st)
{
	uint64_t end = now_ms() + lim->ttl_ms;
	u_int before;
	int fd = -1, r = KE_INTERNAL;

	memset(st, 0, sizeof(*st));
	for (;;) {
		if (st->attempts >= lim->attempts) {
			st->end = PAIRNET_BURNED;
			return r;
		}
		if (st->bad >= lim->maxbad) {
			st->end = PAIRNET_FLOODED;
			return r;
		}
		if ((r = offer_accept(lfd, end, &fd, st->peer)) != 0) {
			st->end = r == KE_ERRNO(ETIMEDOUT) ? PAIRNET_EXPIRED :
			    PAIRNET_FAILED;
			return r;
		}
		before = st->attempts;
		r = offer_once(fd, lfd, c, lim, h, st);
		close(fd);
		if (r == 0) {
			st->end = PAIRNET_PAIRED;
			return 0;
		}
		if (st->attempts == before)
			st->bad++;
		event(h, PAIRNET_EV_FAILED, r, st->attempts != before,
		    st->peer, NULL, st);
	}
}

/* Connects to one address within ms milliseconds. */
static int
dial_one(const struct addrinfo *ai, uint64_t ms, int *fdp)
{
	struct pollfd pfd;
	socklen_t len = sizeof(int);
	int fd, e = 0, n;

	if ((fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK |
	    SOCK_CLOEXEC, ai->ai_protocol)) == -1)
		return KE_ERRNO(errno);
	if (connect(fd, ai->ai_addr, ai->ai_addrlen) == -1) {
		e = errno;
		if (e == EINPROGRESS) {
			memset(&pfd, 0, sizeof(pfd));
			pfd.fd = fd;
			pfd.events = POLLOUT;
			while ((n = poll(&pfd, 1, poll_ms(now_ms() + ms))) ==
			    -1 && errno == EINTR)
				;
			e = n == 0 ? ETIMEDOUT : n == -1 ? errno : 0;
			if (e == 0 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &e,
			    &len) == -1)
				e = errno;
		}
	}
	if (e != 0) {
		close(fd);
		return KE_ERRNO(e);
	}
	set_nodelay(fd);
	*fdp = fd;
	return 0;
}

/* Connects to host and port: each address in turn. */
static int
dial(const char *host, const char *port, uint64_t ms, int *fdp, char *addr)
{
	struct addrinfo hints, *res = NULL, *ai;
	int e, r = KE_NOTFOUND;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV;
	if ((e = getaddrinfo(host, port, &hints, &res)) != 0)
		return e == EAI_SYSTEM ? KE_ERRNO(errno) : KE_NOTFOUND;
	for (ai = res; ai != NULL; ai = ai->ai_next)
		if ((r = dial_one(ai, ms, fdp)) == 0) {
			format_addr(ai->ai_addr, ai->ai_addrlen, addr);
			break;
		}
	freeaddrinfo(res);
	return r;
}

int
pairnet_join(const char *host, const char *port, const struct pair_conf *c,
    const struct pairnet_limits *lim, const struct pairnet_hooks *h,
    struct pairnet_stats *st)
{
	struct pair *p = NULL;
	int fd = -1, r;

	memset(st, 0, sizeof(*st));
	if ((r = pair_join_new(c, &p)) != 0 ||
	    (r = dial(host, port, lim->read_ms, &fd, st->peer)) != 0)
		goto out;
	event(h, PAIRNET_EV_START, 0, 0, st->peer, NULL, st);
	r = pairnet_run(fd, -1, 0, p, lim, h, st);
 out:
	if (fd != -1)
		close(fd);
	pair_free(p);
	return r;
}

int
pairnet_serve(int lfd, const struct pair_conf *c,
    const struct pairnet_limits *lim, const struct pairnet_hooks *h)
{
	struct pairnet_stats st;
	u_int n = 0, max = lim->maxconn > 0 ? lim->maxconn : 1;
	pid_t pid;
	int fd, r;

	for (;;) {
		/* reap; at the cap, wait for one (the backlog holds more) */
		while (n > 0) {
			if ((pid = waitpid(-1, NULL,
			    n >= max ? 0 : WNOHANG)) > 0)
				n--;
			else if (pid == -1 && errno == ECHILD)
				n = 0;
			else if (pid == 0 || errno != EINTR)
				break;
		}
		memset(&st, 0, sizeof(st));
		r = offer_accept(lfd, now_ms() + SERVE_REAP_MS, &fd, st.peer);
		if (r == KE_ERRNO(ETIMEDOUT))
			continue;
		if (r != 0)
			return r;
		if ((pid = fork()) == -1) {
			r = KE_ERRNO(errno);
			close(fd);
			return r;
		}
		if (pid == 0) {
			close(lfd);
			r = offer_once(fd, -1, c, lim, h, &st);
			close(fd);
			event(h, r == 0 ? PAIRNET_EV_DONE : PAIRNET_EV_FAILED,
			    r, 0, st.peer, NULL, &st);
			_exit(r == 0 ? 0 : 1);
		}
		close(fd);
		n++;
	}
}
