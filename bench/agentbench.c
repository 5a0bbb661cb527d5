/*
 * agentbench.c: bench/agent.sh's timing loops.  Not part of the build;
 * the script compiles it against libkith.a.
 *   agentbench raw N            N libsodium signatures, no agent
 *   agentbench sign SOCK PUB N  N signatures over one agent connection
 *   agentbench idle SOCK N      holds N connections open until killed
 * Each loop prints "rate/s p50_us p99_us" for 128-byte messages.
 */
#include "compat.h"

#include <sys/socket.h>
#include <sys/un.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "agentclient.h"
#include "buf.h"
#include "file.h"
#include "key.h"

#define MSGLEN	128

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
report(double *lat, long n)
{
	double total = 0;
	long i;

	for (i = 0; i < n; i++)
		total += lat[i];
	qsort(lat, n, sizeof(*lat), cmp_double);
	printf("%.0f %.1f %.1f\n", n / total, lat[n / 2] * 1e6,
	    lat[n * 99 / 100] * 1e6);
}

static int
bench_raw(long n, double *lat)
{
	u_char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
	u_char m[MSGLEN], sig[crypto_sign_BYTES];
	double t;
	long i;

	crypto_sign_keypair(pk, sk);
	memset(m, 0x5a, sizeof(m));
	for (i = 0; i < n; i++) {
		memcpy(m, &i, sizeof(i));
		t = now_s();
		crypto_sign_detached(sig, NULL, m, sizeof(m), sk);
		lat[i] = now_s() - t;
	}
	report(lat, n);
	return 0;
}

static int
bench_sign(const char *sock, const char *pub, long n, double *lat)
{
	struct agentclient *ac;
	struct buf *text, *blob;
	struct key *k;
	u_char m[MSGLEN], sig[KEY_SIGLEN];
	size_t used;
	double t;
	long i;

	if (file_read(pub, 65536, &text) != 0 ||
	    key_parse_text((const char *)buf_ptr(text), buf_len(text), &k,
	    &used) != 0 || (blob = buf_new()) == NULL ||
	    key_put_blob(blob, k) != 0 || agentclient_open(sock, &ac) != 0) {
		fprintf(stderr, "agentbench: cannot set up %s %s\n", sock, pub);
		return 1;
	}
	memset(m, 0x5a, sizeof(m));
	for (i = 0; i < n; i++) {
		memcpy(m, &i, sizeof(i));
		t = now_s();
		if (agentclient_sign_blob(ac, buf_ptr(blob), buf_len(blob),
		    m, sizeof(m), sig) != 0)
			return 1;
		lat[i] = now_s() - t;
		if (i == 0 && key_verify_raw(k->pk, m, sizeof(m), sig) != 0)
			return 1;
	}
	report(lat, n);
	agentclient_close(ac);
	buf_free(blob);
	buf_free(text);
	key_free(k);
	return 0;
}

static int
hold_idle(const char *sock, long n)
{
	struct agentclient *ac;
	long i;

	for (i = 0; i < n; i++)
		if (agentclient_open(sock, &ac) != 0)
			return 1;
	printf("ready\n");
	fflush(stdout);
	for (;;)
		pause();
}

int
main(int argc, char **argv)
{
	double *lat;
	long n;

	if (sodium_init() < 0 || argc < 3)
		return 2;
	n = strtol(argv[argc - 1], NULL, 10);
	if (n < 1 || (lat = calloc(n, sizeof(*lat))) == NULL)
		return 2;
	if (strcmp(argv[1], "raw") == 0 && argc == 3)
		return bench_raw(n, lat);
	if (strcmp(argv[1], "sign") == 0 && argc == 5)
		return bench_sign(argv[2], argv[3], n, lat);
	if (strcmp(argv[1], "idle") == 0 && argc == 4)
		return hold_idle(argv[2], n);
	return 2;
}
