/*
 * t_client.c: raw clients of an offer for the regress scenarios (bash has
 * /dev/tcp but no way to time a close or pace bytes).  Each prints one
 * line.  Modes (PORT on 127.0.0.1):
 *   raw PORT HEX [shut]   sends the bytes (then shuts down writing),
 *                         reads to the end: "got N bytes"
 *   idle PORT             sends nothing: "closed after S s"
 *   trickle PORT MS       reads M0, then sends a valid M1 header and
 *                         zeros, a byte every MS ms: "closed after S s"
 *   slowjoin PORT CODE MS a real join that sends M5 a byte every MS ms
 *                         once the codes matched: "closed after S s"
 */
#include "compat.h"

#include <sys/socket.h>

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "kerr.h"
#include "pair.h"
#include "pairproto.h"
#include "test.h"
#include "t_pairnet.h"

/* Reads until EOF or an error; returns the bytes read. */
static size_t
drain(int fd)
{
	u_char b[4096];
	size_t total = 0;
	ssize_t n;

	while ((n = read(fd, b, sizeof(b))) > 0)
		total += (size_t)n;
	return total;
}

static int
read_exact(int fd, u_char *p, size_t len)
{
	ssize_t n;

	for (; len > 0; p += n, len -= (size_t)n)
		if ((n = read(fd, p, len)) <= 0)
			return -1;
	return 0;
}

static int
mode_raw(int argc, char **argv)
{
	u_char *p;
	size_t len;
	int fd = tn_dial(argv[0]);

	p = t_unhex(argv[1], &len);
	if (len > 0 && send(fd, p, len, MSG_NOSIGNAL) != (ssize_t)len)
		perror("send");
	if (argc > 2 && strcmp(argv[2], "shut") == 0)
		shutdown(fd, SHUT_WR);
	printf("got %zu bytes\n", drain(fd));
	free(p);
	close(fd);
	return 0;
}

static int
mode_idle(char **argv)
{
	double t0 = tn_now();
	int fd = tn_dial(argv[0]);

	drain(fd);
	printf("closed after %.1f s\n", tn_now() - t0);
	close(fd);
	return 0;
}

/* Waits ms for the peer to hang up: 1 if it did. */
static int
hung_up(int fd, long ms)
{
	struct pollfd pfd = { fd, POLLIN, 0 };
	u_char b[512];

	if (poll(&pfd, 1, (int)ms) <= 0)
		return 0;
	return read(fd, b, sizeof(b)) <= 0;
}

/* Sends p[0..len) then zeros, a byte every ms, until the peer closes. */
static void
trickle(int fd, const u_char *p, size_t len, long ms)
{
	u_char c;
	size_t i;

	for (i = 0;; i++) {
		c = i < len ? p[i] : 0;
		if (send(fd, &c, 1, MSG_NOSIGNAL) != 1 || hung_up(fd, ms))
			return;
	}
}

static int
mode_trickle(char **argv)
{
	u_char m0[PAIR_M0LEN], hdr[PAIR_HDRLEN] = PAIR_MAGIC;
	double t0 = tn_now();
	int fd = tn_dial(argv[0]);

	hdr[PAIR_MAGICLEN] = PAIR_SUITE;
	hdr[PAIR_MAGICLEN + 1] = 0;
	if (read_exact(fd, m0, sizeof(m0)) == 0)
		trickle(fd, hdr, sizeof(hdr), atol(argv[1]));
	printf("closed after %.1f s\n", tn_now() - t0);
	close(fd);
	return 0;
}

struct slow {
	u_char	pk[32];
	u_char	sk[64];
};

static int
slow_sign(void *arg, const u_char *msg, size_t len, u_char *sig)
{
	struct slow *s = arg;

	crypto_sign_detached(sig, NULL, msg, len, s->sk);
	return 0;
}

static int
slow_payload(void *arg, const struct pair *p, struct buf *vouch,
    struct buf *bundle)
{
	u_char *d;

	(void)arg;
	(void)p;
	if (buf_puts(vouch, "not a vouch") != 0 ||
	    buf_reserve(bundle, 2000, &d) != 0)
		return KE_NOMEM;
	memset(d, 'b', 2000);
	return 0;
}

/* One step's worth of I/O: 1 to go on, 0 when the run is over. */
static int
slow_io(int fd, struct pair *p, struct buf *in, struct buf *out, int r,
    long ms)
{
	u_char *d;
	size_t want;

	if (r == PAIR_SEND) {
		if (pair_peer_complete(p)) {	/* M5 */
			trickle(fd, buf_ptr(out), buf_len(out), ms);
			return 0;
		}
		if (send(fd, buf_ptr(out), buf_len(out), MSG_NOSIGNAL) !=
		    (ssize_t)buf_len(out))
			return 0;
		buf_reset(out);
		return 1;
	}
	if (r != PAIR_NEED || buf_reserve(in, want = pair_want(p), &d) != 0)
		return 0;
	if (read_exact(fd, d, want) != 0)
		return 0;
	return 1;
}

double
tn_slowjoin(const char *port, const char *code, long ms)
{
	struct pair_conf c;
	struct pair *p = NULL;
	struct buf *in = buf_new(), *out = buf_new();
	struct slow s;
	double t0 = tn_now();
	int fd = tn_dial(port);

	crypto_sign_keypair(s.pk, s.sk);
	memset(&c, 0, sizeof(c));
	c.code = code;
	c.pk = s.pk;
	c.name = "slow.test";
	c.sign = slow_sign;
	c.payload = slow_payload;
	c.arg = &s;
	if (in == NULL || out == NULL || pair_join_new(&c, &p) != 0)
		exit(2);
	while (slow_io(fd, p, in, out, pair_step(p, in, out), ms))
		;
	close(fd);
	pair_free(p);
	buf_free(in);
	buf_free(out);
	return tn_now() - t0;
}

int
tn_client(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[0], "raw") == 0)
		return mode_raw(argc - 1, argv + 1);
	if (argc == 2 && strcmp(argv[0], "idle") == 0)
		return mode_idle(argv + 1);
	if (argc == 3 && strcmp(argv[0], "trickle") == 0)
		return mode_trickle(argv + 1);
	if (argc == 4 && strcmp(argv[0], "slowjoin") == 0) {
		printf("closed after %.1f s\n",
		    tn_slowjoin(argv[1], argv[2], atol(argv[3])));
		return 0;
	}
	fprintf(stderr, "usage: pairnet raw PORT HEX [shut] | idle PORT | "
	    "trickle PORT MS\n       pairnet slowjoin PORT CODE MS | "
	    "relay ...\n");
	return 2;
}
