/*
 * sha256.c: SHA-256 on x86-64's SHA extensions (FIPS 180-4 rounds two at
 * a time, the message schedule in four-word groups), checked against a
 * known answer before first use, else libsodium's.  Not constant-time
 * in the length only: for public data.
 */
#include "compat.h"

#include <pthread.h>
#include <string.h>

#include <sodium.h>

#include "sha256.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>
#define HAVE_SHANI	1
#endif

static int accel;
static pthread_once_t once = PTHREAD_ONCE_INIT;

#ifdef HAVE_SHANI
static const uint32_t k256[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b,
	0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
	0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7,
	0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
	0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152,
	0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
	0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
	0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
	0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
	0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

/* Runs the compression function over n 64-byte blocks at p. */
__attribute__((target("sha,ssse3,sse4.1")))
static void
blocks(uint32_t st[8], const u_char *p, size_t n)
{
	const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL,
	    0x0405060700010203ULL);
	__m128i abef, cdgh, abef0, cdgh0, t, w[4];
	size_t g;

	/* the state as the instructions want it: ABEF and CDGH */
	t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&st[0]),
	    0xb1);				/* CDAB */
	cdgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&st[4]),
	    0x1b);				/* EFGH */
	abef = _mm_alignr_epi8(t, cdgh, 8);
	cdgh = _mm_blend_epi16(cdgh, t, 0xf0);
	for (; n > 0; n--, p += 64) {
		abef0 = abef;
		cdgh0 = cdgh;
		for (g = 0; g < 16; g++) {
			if (g < 4)
				w[g] = _mm_shuffle_epi8(_mm_loadu_si128(
				    (const __m128i *)(p + 16 * g)), bswap);
			else	/* s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16] */
				w[g & 3] = _mm_sha256msg2_epu32(_mm_add_epi32(
				    _mm_sha256msg1_epu32(w[g & 3],
				    w[(g + 1) & 3]), _mm_alignr_epi8(
				    w[(g + 3) & 3], w[(g + 2) & 3], 4)),
				    w[(g + 3) & 3]);
			t = _mm_add_epi32(w[g & 3], _mm_loadu_si128(
			    (const __m128i *)&k256[4 * g]));
			cdgh = _mm_sha256rnds2_epu32(cdgh, abef, t);
			abef = _mm_sha256rnds2_epu32(abef, cdgh,
			    _mm_shuffle_epi32(t, 0x0e));
		}
		abef = _mm_add_epi32(abef, abef0);
		cdgh = _mm_add_epi32(cdgh, cdgh0);
	}
	t = _mm_shuffle_epi32(abef, 0x1b);	/* FEBA */
	cdgh = _mm_shuffle_epi32(cdgh, 0xb1);	/* DCHG */
	_mm_storeu_si128((__m128i *)&st[0], _mm_blend_epi16(t, cdgh, 0xf0));
	_mm_storeu_si128((__m128i *)&st[4], _mm_alignr_epi8(cdgh, t, 8));
}

static void
put32(u_char *d, uint32_t v)
{
	d[0] = v >> 24;
	d[1] = v >> 16;
	d[2] = v >> 8;
	d[3] = v;
}

static void
sha256_ni(u_char *out, const void *p, size_t len)
{
	uint32_t st[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	u_char tail[128];
	size_t full = len / 64 * 64, rest = len - full, n;
	uint64_t bits = (uint64_t)len * 8;
	int i;

	blocks(st, p, len / 64);
	memset(tail, 0, sizeof(tail));
	if (rest > 0)
		memcpy(tail, (const u_char *)p + full, rest);
	tail[rest] = 0x80;
	n = rest < 56 ? 64 : 128;
	put32(tail + n - 8, (uint32_t)(bits >> 32));
	put32(tail + n - 4, (uint32_t)bits);
	blocks(st, tail, n / 64);
	for (i = 0; i < 8; i++)
		put32(out + 4 * i, st[i]);
}

/* SHA-NI and the instructions around it, and the right answers. */
static void
init(void)
{
	static const char *const msg[] = { "", "abc",
	    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq" };
	u_int a, b, c, d, i;
	u_char want[SHA256_LEN], got[SHA256_LEN];

	if (!__get_cpuid(1, &a, &b, &c, &d) ||
	    !(c & (1u << 9)) || !(c & (1u << 19)) ||	/* SSSE3, SSE4.1 */
	    !__get_cpuid_count(7, 0, &a, &b, &c, &d) || !(b & (1u << 29)))
		return;
	for (i = 0; i < nitems(msg); i++) {
		crypto_hash_sha256(want, (const u_char *)msg[i],
		    strlen(msg[i]));
		sha256_ni(got, msg[i], strlen(msg[i]));
		if (memcmp(want, got, sizeof(got)) != 0)
			return;
	}
	accel = 1;
}
#else
static void
init(void)
{
}
#endif

int
sha256_accelerated(void)
{
	pthread_once(&once, init);
	return accel;
}

void
sha256(u_char *out, const void *p, size_t len)
{
#ifdef HAVE_SHANI
	if (sha256_accelerated()) {
		sha256_ni(out, p, len);
		return;
	}
#endif
	crypto_hash_sha256(out, p, len);
}
