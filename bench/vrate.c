/*
 * vrate: Ed25519 verifications per second with libsodium on all CPUs
 * (one thread per CPU, each verifying for about a second): the floor
 * that the trust and bundle benchmarks compare against.
 */
#include <err.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

static unsigned char pk[32], sig[64], msg[300];

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *
worker(void *arg)
{
	unsigned long *count = arg;
	double end = now() + 1.0;

	while (now() < end) {
		for (int i = 0; i < 64; i++)
			if (crypto_sign_verify_detached(sig, msg, sizeof(msg),
			    pk) != 0)
				errx(1, "verify");
		*count += 64;
	}
	return NULL;
}

int
main(void)
{
	unsigned char sk[64];
	unsigned long counts[64] = { 0 }, total = 0;
	pthread_t tid[64];
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	double t0;

	if (sodium_init() < 0)
		errx(1, "sodium_init");
	if (n < 1 || n > 64)
		n = 1;
	crypto_sign_keypair(pk, sk);
	memset(msg, 'v', sizeof(msg));
	crypto_sign_detached(sig, NULL, msg, sizeof(msg), sk);
	t0 = now();
	for (long i = 0; i < n; i++)
		pthread_create(&tid[i], NULL, worker, &counts[i]);
	for (long i = 0; i < n; i++) {
		pthread_join(tid[i], NULL);
		total += counts[i];
	}
	printf("%.0f\n", total / (now() - t0));
	return 0;
}
