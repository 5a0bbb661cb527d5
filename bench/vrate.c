/*
 * vrate: Ed25519 verifications per second with libsodium on all CPUs
 * (one thread per CPU, each verifying for about a second): the floor
 * that the trust and bundle benchmarks compare against.
 *
 * By default every check is of the same signature.  -d cycles through
 * 1024 distinct messages and signatures instead, as a real import does
 * (branch prediction makes the same one again about 3% cheaper).  -c
 * also prints the verifications per CPU-second (process CPU time), the
 * floor for the CPU time an import spends.
 */
#include <err.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#define NMSG	1024

static unsigned char pk[32], sig[NMSG][64], msg[NMSG][300];
static int nmsg = 1;

static double
now(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *
worker(void *arg)
{
	unsigned long *count = arg;
	double end = now(CLOCK_MONOTONIC) + 1.0;
	int k = 0;

	while (now(CLOCK_MONOTONIC) < end) {
		for (int i = 0; i < 64; i++, k = (k + 1) % nmsg)
			if (crypto_sign_verify_detached(sig[k], msg[k],
			    sizeof(msg[k]), pk) != 0)
				errx(1, "verify");
		*count += 64;
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	unsigned char sk[64];
	unsigned long counts[64] = { 0 }, total = 0;
	pthread_t tid[64];
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	double t0, c0;
	int ch, cflag = 0;

	while ((ch = getopt(argc, argv, "cd")) != -1) {
		switch (ch) {
		case 'c': cflag = 1; break;
		case 'd': nmsg = NMSG; break;
		default: errx(2, "usage: vrate [-cd]");
		}
	}
	if (sodium_init() < 0)
		errx(1, "sodium_init");
	if (n < 1 || n > 64)
		n = 1;
	crypto_sign_keypair(pk, sk);
	for (int i = 0; i < nmsg; i++) {
		memset(msg[i], 'v', sizeof(msg[i]));
		memcpy(msg[i], &i, sizeof(i));
		crypto_sign_detached(sig[i], NULL, msg[i], sizeof(msg[i]), sk);
	}
	t0 = now(CLOCK_MONOTONIC);
	c0 = now(CLOCK_PROCESS_CPUTIME_ID);
	for (long i = 0; i < n; i++)
		pthread_create(&tid[i], NULL, worker, &counts[i]);
	for (long i = 0; i < n; i++) {
		pthread_join(tid[i], NULL);
		total += counts[i];
	}
	printf("%.0f", total / (now(CLOCK_MONOTONIC) - t0));
	if (cflag)
		printf(" %.0f", total / (now(CLOCK_PROCESS_CPUTIME_ID) - c0));
	printf("\n");
	return 0;
}
