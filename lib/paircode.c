/* paircode.c: one-time pairing codes with a Damm check digit. */
#include "compat.h"

#include <string.h>

#include <sodium.h>

#include "kerr.h"
#include "paircode.h"

/* Damm's totally anti-symmetric quasigroup of order 10. */
static const uint8_t damm_table[10][10] = {
	{ 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 },
	{ 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 },
	{ 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 },
	{ 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 },
	{ 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 },
	{ 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 },
	{ 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 },
	{ 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 },
	{ 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 },
	{ 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 },
};

int
paircode_damm(const char *s, size_t n)
{
	size_t i;
	int x = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		x = damm_table[x][s[i] - '0'];
	}
	return '0' + x;
}

void
paircode_format(const char *d, char *text)
{
	memcpy(text, d, 3);
	text[3] = '-';
	memcpy(text + 4, d + 3, 3);
	text[7] = '-';
	memcpy(text + 8, d + 6, 4);
	text[12] = '\0';
}

int
paircode_new(char *text)
{
	char d[PAIRCODE_DIGITS + 1];
	uint32_t v;
	int i;

	if (sodium_init() < 0)
		return KE_CRYPTO;
	v = randombytes_uniform(1000000000U);
	for (i = PAIRCODE_SECRET - 1; i >= 0; i--) {
		d[i] = '0' + v % 10;
		v /= 10;
	}
	d[PAIRCODE_SECRET] = (char)paircode_damm(d, PAIRCODE_SECRET);
	d[PAIRCODE_DIGITS] = '\0';
	paircode_format(d, text);
	sodium_memzero(d, sizeof(d));
	return 0;
}

int
paircode_parse(const char *s, char *digits)
{
	size_t n = 0;
	int r = KE_FORMAT;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '-' || *s == '.')
			continue;
		if (*s < '0' || *s > '9' || n == PAIRCODE_DIGITS)
			goto out;
		digits[n++] = *s;
	}
	digits[n] = '\0';
	if (n != PAIRCODE_DIGITS)
		goto out;
	if (paircode_damm(digits, PAIRCODE_DIGITS) != '0') {
		r = KE_CHECKDIGIT;
		goto out;
	}
	return 0;
 out:
	sodium_memzero(digits, PAIRCODE_DIGITS + 1);
	return r;
}
