/*
 * t_client.c: a raw ssh-agent client for the regress scenarios, which
 * have no socat or python to reach a Unix socket.  Modes:
 *   req SOCK HEX...        frames each body, prints each answer in hex
 *   raw SOCK HEX [shut]    sends bytes as they are (then shuts down the
 *                          writing side), prints the answer or "closed"
 *   big SOCK LEN TYPE      sends a LEN-byte message of TYPE
 *   stall SOCK HEX         sends bytes, prints the seconds until closed
 *   sign SOCK PUB N        N signatures over one connection, checked;
 *                          prints the rate and the p50/p99 latency
 *   idle SOCK N            holds N connections (each answered once)
 *                          open until killed; prints "ready N"
 *   flood SOCK             sends requests and reads no answer until the
 *                          agent stops reading; prints "stuck BYTES"
 *                          and holds on until killed
 *   addmsg KEY [SECONDS]   prints the body that adds the unencrypted
 *                          private key file KEY (with a lifetime)
 */
#include "compat.h"

#include <sys/socket.h>
#include <sys/un.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "agentclient.h"
#include "agentproto.h"
#include "buf.h"
#include "kerr.h"
#include "key.h"
#include "privkey.h"
#include "test.h"
#include "t_agentproto.h"

static int
dial(const char *path)
{
	struct sockaddr_un sun;
	int fd;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
	if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1 ||
	    connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1) {
		perror(path);
		exit(2);
	}
	return fd;
}

static int
send_all(int fd, const u_char *p, size_t len)
{
	ssize_t n;

	for (; len > 0; p += n, len -= (size_t)n)
		if ((n = send(fd, p, len, MSG_NOSIGNAL)) <= 0)
			return -1;
	return 0;
}

static int
recv_all(int fd, u_char *p, size_t len)
{
	ssize_t n;

	for (; len > 0; p += n, len -= (size_t)n)
		if ((n = read(fd, p, len)) <= 0)
			return -1;
	return 0;
}

/* Reads one answer and prints its body in hex, or "closed" (unless quiet). */
static int
read_answer(int fd, int quiet)
{
	u_char hdr[4], *body;
	uint32_t len, i;

	if (recv_all(fd, hdr, sizeof(hdr)) == -1) {
		if (!quiet)
			printf("closed\n");
		return -1;
	}
	len = (uint32_t)hdr[0] << 24 | hdr[1] << 16 | hdr[2] << 8 | hdr[3];
	if (len > AGENT_MAXMSG || (body = malloc(len + 1)) == NULL ||
	    recv_all(fd, body, len) == -1) {
		printf("bad answer\n");
		exit(2);
	}
	for (i = 0; i < len && !quiet; i++)
		printf("%02x", body[i]);
	if (!quiet)
		printf("\n");
	free(body);
	return 0;
}

static int
mode_req(int argc, char **argv)
{
	struct buf *body, *msg;
	u_char *p;
	size_t len;
	int fd = dial(argv[0]), i, r;

	for (i = 1, r = 0; i < argc && r == 0; i++) {
		p = t_unhex(argv[i], &len);
		if ((body = buf_from(p, len)) == NULL ||
		    (msg = buf_new()) == NULL || agent_frame(msg, body) != 0)
			exit(2);
		if ((r = send_all(fd, buf_ptr(msg), buf_len(msg))) == -1)
			printf("closed\n");
		else
			r = read_answer(fd, 0);
		free(p);
		buf_free(body);
		buf_free(msg);
	}
	close(fd);
	return 0;
}

static int
mode_raw(int argc, char **argv)
{
	u_char *p;
	size_t len;
	int fd = dial(argv[0]);

	p = t_unhex(argv[1], &len);
	if (send_all(fd, p, len) == -1)
		printf("closed\n");
	else {
		if (argc > 2 && strcmp(argv[2], "shut") == 0)
			shutdown(fd, SHUT_WR);
		read_answer(fd, 0);
	}
	free(p);
	close(fd);
	return 0;
}

static int
mode_big(char **argv)
{
	u_char *p;
	size_t len = strtoul(argv[1], NULL, 10);
	int fd = dial(argv[0]);

	if ((p = calloc(1, len + 4)) == NULL)
		exit(2);
	p[0] = len >> 24;
	p[1] = len >> 16;
	p[2] = len >> 8;
	p[3] = len;
	p[4] = (u_char)strtoul(argv[2], NULL, 10);
	if (send_all(fd, p, len + 4) == -1)
		printf("closed\n");
	else
		read_answer(fd, 0);
	free(p);
	close(fd);
	return 0;
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
mode_stall(char **argv)
{
	u_char *p, c;
	size_t len;
	double t0;
	int fd = dial(argv[0]);

	p = t_unhex(argv[1], &len);
	t0 = now_s();
	if (send_all(fd, p, len) == -1)
		exit(2);
	while (read(fd, &c, 1) > 0)
		;
	printf("closed after %d s\n", (int)(now_s() - t0));
	free(p);
	close(fd);
	return 0;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static struct key *
read_pub(const char *path)
{
	struct key *k;
	u_char *text;
	size_t len, used;

	text = t_slurp(path, &len);
	if (key_parse_text((char *)text, len, &k, &used) != 0) {
		fprintf(stderr, "%s: not a public key\n", path);
		exit(2);
	}
	free(text);
	return k;
}

static int
mode_sign(char **argv)
{
	struct agentclient *ac;
	struct key *k = read_pub(argv[1]);
	struct buf *blob = ta_blob(k);
	u_char data[128], sig[KEY_SIGLEN];
	double *lat, t0, t;
	long n = strtol(argv[2], NULL, 10), i, bad = 0;

	if (n < 1 || (lat = calloc(n, sizeof(*lat))) == NULL ||
	    agentclient_open(argv[0], &ac) != 0)
		exit(2);
	memset(data, 0x5a, sizeof(data));
	for (i = 0, t0 = 0; i < n; i++) {
		memcpy(data, &i, sizeof(i));
		t = now_s();
		if (agentclient_sign_blob(ac, buf_ptr(blob), buf_len(blob),
		    data, sizeof(data), sig) != 0)
			bad++;
		lat[i] = now_s() - t;
		t0 += lat[i];
		/* checked, but outside the time taken */
		if (key_verify_raw(k->pk, data, sizeof(data), sig) != 0)
			bad++;
	}
	t = t0;
	qsort(lat, n, sizeof(*lat), cmp_double);
	printf("%ld signs %.6f s %.0f /s p50 %.1f us p99 %.1f us bad %ld\n",
	    n, t, n / t, lat[n / 2] * 1e6, lat[n * 99 / 100] * 1e6, bad);
	agentclient_close(ac);
	buf_free(blob);
	key_free(k);
	free(lat);
	return bad != 0;
}

/* Holds on (to the connections) until killed. */
static _Noreturn void
hang(void)
{
	for (;;)
		pause();
}

static int
mode_idle(char **argv)
{
	static const u_char ids[] = { 0, 0, 0, 1, AGENTC_REQUEST_IDENTITIES };
	long n = strtol(argv[1], NULL, 10), i;
	static int *fds;	/* static: still reachable when it is killed */

	if (n < 1 || (fds = calloc(n, sizeof(*fds))) == NULL)
		exit(2);
	for (i = 0; i < n; i++) {
		fds[i] = dial(argv[0]);
		if (send_all(fds[i], ids, sizeof(ids)) == -1)
			exit(2);
	}
	for (i = 0; i < n; i++)
		if (read_answer(fds[i], 1) == -1)
			exit(2);
	printf("ready %ld\n", n);
	fflush(stdout);
	hang();
}

static int
mode_flood(char **argv)
{
	static const u_char ids[] = { 0, 0, 0, 1, AGENTC_REQUEST_IDENTITIES };
	struct pollfd pfd;
	long sent = 0;
	int fd = dial(argv[0]);

	fcntl(fd, F_SETFL, O_NONBLOCK);
	pfd.fd = fd;
	pfd.events = POLLOUT;
	while (sent < 64L * 1024 * 1024) {
		if (send(fd, ids, sizeof(ids), MSG_NOSIGNAL) == sizeof(ids))
			sent += sizeof(ids);
		else if (errno != EAGAIN || poll(&pfd, 1, 1000) == 0)
			break;
	}
	printf("%s %ld\n", sent < 64L * 1024 * 1024 ? "stuck" : "unbounded",
	    sent);
	fflush(stdout);
	hang();
}

static int
mode_addmsg(int argc, char **argv)
{
	struct agent_add ad;
	struct buf *b;
	size_t i;
	int r;

	memset(&ad, 0, sizeof(ad));
	if ((r = privkey_load(argv[0], NULL, &ad.key, &ad.comment)) != 0) {
		fprintf(stderr, "%s: %s\n", argv[0], kith_strerror(r));
		exit(2);
	}
	if (argc > 1) {
		ad.haslife = 1;
		ad.lifetime = (uint32_t)strtoul(argv[1], NULL, 10);
	}
	if ((b = buf_new()) == NULL || agent_put_add(b, &ad) != 0)
		exit(2);
	for (i = 0; i < buf_len(b); i++)
		printf("%02x", buf_ptr(b)[i]);
	printf("\n");
	buf_free(b);
	key_free(ad.key);
	free(ad.comment);
	return 0;
}

int
ta_client(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN);
	if (argc >= 3 && strcmp(argv[0], "req") == 0)
		return mode_req(argc - 1, argv + 1);
	if (argc >= 3 && strcmp(argv[0], "raw") == 0)
		return mode_raw(argc - 1, argv + 1);
	if (argc == 4 && strcmp(argv[0], "big") == 0)
		return mode_big(argv + 1);
	if (argc == 3 && strcmp(argv[0], "stall") == 0)
		return mode_stall(argv + 1);
	if (argc == 4 && strcmp(argv[0], "sign") == 0)
		return mode_sign(argv + 1);
	if (argc == 3 && strcmp(argv[0], "idle") == 0)
		return mode_idle(argv + 1);
	if (argc == 2 && strcmp(argv[0], "flood") == 0)
		return mode_flood(argv + 1);
	if ((argc == 2 || argc == 3) && strcmp(argv[0], "addmsg") == 0)
		return mode_addmsg(argc - 1, argv + 1);
	fprintf(stderr, "usage: agentproto req|raw|big|stall|sign|idle|flood "
	    "socket ...\n       agentproto addmsg key [seconds]\n");
	return 2;
}
