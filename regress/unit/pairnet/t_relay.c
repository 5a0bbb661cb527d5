/*
 * t_relay.c: a man in the middle for the regress scenarios.
 *   relay LPORT TPORT [MSG:OFF[:MASK]]...
 * listens on 127.0.0.1:LPORT (0: any free port) and prints "port N";
 * relays one connection to 127.0.0.1:TPORT, XORing with MASK (hex,
 * default 01) the byte OFF of message MSG.  A message is a run of bytes
 * in one direction (M0 is the offer's first); a negative OFF counts from
 * its end (-1: the last byte).  As the exchange is strict ping-pong, a
 * message has ended when its sender has been quiet for QUIET_MS: that
 * long the relay holds back the last bytes a negative OFF may need.  At
 * the end it prints "msg I DIR START LEN" for each message (DIR: "join"
 * or "offer" sent it), "flipped MSG:OFF at POS" for each flip made and
 * "total N".
 */
#include "compat.h"

#include <sys/socket.h>

#include <netinet/in.h>

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "t_pairnet.h"

#define MAXFLIP		64
#define MAXMSG		64
#define QUIET_MS	150
#define CHUNK		65536

struct flip {
	int		 msg;
	long		 off;
	u_char		 mask;
	int		 done;
	uint64_t	 at;
};

struct relay {
	int		 fd[2];		/* 0: the joiner, 1: the offer */
	int		 eof[2];
	uint64_t	 pos;		/* bytes relayed, both ways */
	struct flip	 flip[MAXFLIP];
	int		 nflip;
	struct { int dir; uint64_t start, len; } msg[MAXMSG];
	int		 nmsg;
	u_char		*held;		/* the current message's tail */
	size_t		 nheld;
};

static int
listen_port(const char *port, u_short *boundp)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	int fd, on = 1;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((u_short)atoi(port));
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) == -1 ||
	    bind(fd, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    listen(fd, 4) == -1 ||
	    getsockname(fd, (struct sockaddr *)&sin, &len) == -1) {
		perror("relay: listen");
		exit(2);
	}
	*boundp = ntohs(sin.sin_port);
	return fd;
}

/* How many tail bytes message m must be held back for. */
static size_t
hold_for(const struct relay *x, int m)
{
	size_t n = 0;
	int i;

	for (i = 0; i < x->nflip; i++)
		if (x->flip[i].msg == m && x->flip[i].off < 0 &&
		    (size_t)-x->flip[i].off > n)
			n = (size_t)-x->flip[i].off;
	return n;
}

/*
 * Flips, in b[0..n) (bytes first..first+n of message m, which is len
 * long if known, else 0), what falls there.
 */
static void
apply(struct relay *x, int m, uint64_t first, u_char *b, size_t n,
    uint64_t len)
{
	struct flip *f;
	uint64_t at;
	int i;

	for (i = 0; i < x->nflip; i++) {
		f = &x->flip[i];
		if (f->msg != m || f->done || (f->off < 0 && len == 0))
			continue;
		if (f->off < 0 && (uint64_t)-f->off > len)
			continue;
		at = f->off >= 0 ? (uint64_t)f->off : len - (uint64_t)-f->off;
		if (at >= first && at < first + n) {
			b[at - first] ^= f->mask;
			f->done = 1;
			f->at = x->msg[m].start + at;
		}
	}
}

static int
send_all(int fd, const u_char *b, size_t n)
{
	ssize_t w;

	for (; n > 0; b += w, n -= (size_t)w)
		if ((w = send(fd, b, n, MSG_NOSIGNAL)) <= 0)
			return -1;
	return 0;
}

/* The current message is over: flips its tail, sends what was held. */
static int
flush(struct relay *x)
{
	int m = x->nmsg - 1;
	uint64_t len;
	size_t n = x->nheld;

	if (n == 0)
		return 0;
	len = x->msg[m].len;
	apply(x, m, len - n, x->held, n, len);
	x->nheld = 0;
	return send_all(x->fd[!x->msg[m].dir], x->held, n);
}

/* Starts message m in direction dir, holding back what it may need. */
static int
new_msg(struct relay *x, int dir)
{
	size_t hold;

	if (flush(x) != 0 || x->nmsg == MAXMSG)
		return -1;
	x->msg[x->nmsg].dir = dir;
	x->msg[x->nmsg].start = x->pos;
	x->msg[x->nmsg++].len = 0;
	hold = hold_for(x, x->nmsg - 1);
	free(x->held);
	x->held = hold > 0 ? malloc(hold + CHUNK) : NULL;
	return hold > 0 && x->held == NULL ? -1 : 0;
}

/* Relays b[0..n) from side dir, flipping and holding back as asked. */
static int
relay_chunk(struct relay *x, int dir, u_char *b, size_t n)
{
	size_t hold, out;
	int m;

	if ((x->nmsg == 0 || x->msg[x->nmsg - 1].dir != dir) &&
	    new_msg(x, dir) != 0)
		return -1;
	m = x->nmsg - 1;
	apply(x, m, x->msg[m].len, b, n, 0);
	x->msg[m].len += n;
	x->pos += n;
	if ((hold = hold_for(x, m)) == 0)
		return send_all(x->fd[!dir], b, n);
	memcpy(x->held + x->nheld, b, n);
	x->nheld += n;
	if (x->nheld <= hold)
		return 0;
	out = x->nheld - hold;
	if (send_all(x->fd[!dir], x->held, out) != 0)
		return -1;
	memmove(x->held, x->held + out, hold);
	x->nheld = hold;
	return 0;
}

/* Moves what side i has to the other side: 0, or -1 when it is over. */
static int
shuttle(struct relay *x, int i)
{
	u_char b[CHUNK];
	ssize_t n;

	if ((n = read(x->fd[i], b, sizeof(b))) <= 0) {
		x->eof[i] = 1;
		if (n < 0 || flush(x) != 0)
			return -1;	/* a reset: cut both ways */
		shutdown(x->fd[!i], SHUT_WR);
		return 0;
	}
	return relay_chunk(x, i, b, (size_t)n);
}

static void
run(struct relay *x)
{
	struct pollfd pfd[2];
	int i, n;

	while (!x->eof[0] || !x->eof[1]) {
		for (i = 0; i < 2; i++) {
			pfd[i].fd = x->eof[i] ? -1 : x->fd[i];
			pfd[i].events = POLLIN;
			pfd[i].revents = 0;
		}
		n = poll(pfd, 2, x->nheld > 0 ? QUIET_MS : -1);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 || (n == 0 && flush(x) != 0))
			return;
		for (i = 0; i < 2; i++)
			if (pfd[i].revents != 0 && shuttle(x, i) != 0)
				return;
	}
}

static void
report(const struct relay *x)
{
	const struct flip *f;
	int i;

	for (i = 0; i < x->nmsg; i++)
		printf("msg %d %s %llu %llu\n", i, x->msg[i].dir ? "offer" :
		    "join", (unsigned long long)x->msg[i].start,
		    (unsigned long long)x->msg[i].len);
	for (i = 0; i < x->nflip; i++) {
		f = &x->flip[i];
		if (f->done)
			printf("flipped %d:%ld at %llu\n", f->msg, f->off,
			    (unsigned long long)f->at);
	}
	printf("total %llu\n", (unsigned long long)x->pos);
}

static int
parse_flip(struct flip *f, const char *s)
{
	char *end;

	memset(f, 0, sizeof(*f));
	f->msg = (int)strtol(s, &end, 10);
	if (*end != ':')
		return -1;
	f->off = strtol(end + 1, &end, 10);
	f->mask = 0x01;
	if (*end == ':')
		f->mask = (u_char)strtoul(end + 1, &end, 16);
	return *end == '\0' && f->mask != 0 ? 0 : -1;
}

int
tn_relay(int argc, char **argv)
{
	struct relay x;
	u_short port;
	int lfd, i;

	memset(&x, 0, sizeof(x));
	for (i = 2; i < argc && x.nflip < MAXFLIP; i++)
		if (parse_flip(&x.flip[x.nflip++], argv[i]) != 0)
			argc = 0;
	if (argc < 2) {
		fprintf(stderr, "usage: pairnet relay LPORT TPORT "
		    "[MSG:OFF[:MASK]]...\n");
		return 2;
	}
	alarm(120);	/* never outlive a broken test */
	lfd = listen_port(argv[0], &port);
	printf("port %u\n", port);
	fflush(stdout);
	if ((x.fd[0] = accept(lfd, NULL, NULL)) == -1) {
		perror("relay: accept");
		return 2;
	}
	close(lfd);
	x.fd[1] = tn_dial(argv[1]);
	run(&x);
	(void)flush(&x);
	close(x.fd[0]);
	close(x.fd[1]);
	free(x.held);
	report(&x);
	return 0;
}
