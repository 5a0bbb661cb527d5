/* Unit tests for lib/paircode.c: Damm check digits and normalisation. */
#include "compat.h"

#include <string.h>

#include <sodium.h>

#include "kerr.h"
#include "paircode.h"
#include "test.h"
#include "t_pair.h"

#define NCODES	3000

static void
test_damm(void)
{
	char d[PAIRCODE_DIGITS + 1], t[PAIRCODE_DIGITS + 1];
	char out[PAIRCODE_DIGITS + 1];
	size_t i, j, missed = 0, checked = 0, swaps = 0;
	uint32_t v;
	int k, c;

	T_EQ(paircode_damm("572", 3), '4', "Damm(572) = 4 (Damm's example)");
	T_EQ(paircode_damm("5724", 4), '0', "5724 checks");
	T_EQ(paircode_damm("", 0), '0', "Damm of nothing is 0");
	T_EQ(paircode_damm("12a", 3), -1, "a non-digit is refused");
	for (i = 0; i < NCODES; i++) {
		v = randombytes_uniform(1000000000U);
		for (k = PAIRCODE_SECRET - 1; k >= 0; k--, v /= 10)
			d[k] = '0' + v % 10;
		d[PAIRCODE_SECRET] = (char)paircode_damm(d, PAIRCODE_SECRET);
		d[PAIRCODE_DIGITS] = '\0';
		if (paircode_parse(d, out) != 0 || strcmp(out, d) != 0)
			missed++;
		/* every single-digit error, the check digit included */
		for (j = 0; j < PAIRCODE_DIGITS; j++)
			for (c = '0'; c <= '9'; c++) {
				if (c == d[j])
					continue;
				memcpy(t, d, sizeof(t));
				t[j] = (char)c;
				checked++;
				if (paircode_parse(t, out) != KE_CHECKDIGIT)
					missed++;
			}
		/* every adjacent swap of two different digits */
		for (j = 0; j + 1 < PAIRCODE_DIGITS; j++) {
			if (d[j] == d[j + 1])
				continue;
			memcpy(t, d, sizeof(t));
			t[j] = d[j + 1];
			t[j + 1] = d[j];
			swaps++;
			if (paircode_parse(t, out) != KE_CHECKDIGIT)
				missed++;
		}
	}
	T_EQ(missed, 0, "%d codes: %zu single-digit errors and %zu adjacent "
	    "swaps all caught", NCODES, checked, swaps);
}

static void
test_parse(void)
{
	static const char *good[] = {
		"482-193-7063", "4821937063", "482 193 7063", "482.193.7063",
		" 482-193-7063 ", "48-21-93-70-63", "482--193  7063.",
	};
	static const struct {
		const char	*in;
		int		 r;
	} bad[] = {
		{ "", KE_FORMAT },
		{ "---", KE_FORMAT },
		{ "482-193-706", KE_FORMAT },		/* 9 digits */
		{ "482-193-70635", KE_FORMAT },		/* 11 */
		{ "482-193-706a", KE_FORMAT },
		{ "a482-193-7063", KE_FORMAT },
		{ "482_193_7063", KE_FORMAT },
		{ "482\t193\t7063", KE_FORMAT },
		{ "482-193-7063\n", KE_FORMAT },
		{ "+4821937063", KE_FORMAT },
		{ "482,193,7063", KE_FORMAT },
		{ "\xef\xbc\x94" "821937065", KE_FORMAT },	/* wide 4 */
		{ "four-eight-two", KE_FORMAT },
		{ "48219370630000000000000000000", KE_FORMAT },
		{ "482-193-7066", KE_CHECKDIGIT },
		{ "428-193-7063", KE_CHECKDIGIT },
	};
	char out[PAIRCODE_DIGITS + 1], z[PAIRCODE_DIGITS + 1], shown[64];
	size_t i, j;

	for (i = 0; i < nitems(good); i++) {
		T_EQ(paircode_parse(good[i], out), 0, "accepts \"%s\"",
		    good[i]);
		T_STR(out, "4821937063", "normalised \"%s\"", good[i]);
	}
	memset(z, 0, sizeof(z));
	for (i = 0; i < nitems(bad); i++) {
		/* control characters would break the TAP line */
		for (j = 0; bad[i].in[j] != '\0' && j + 1 < sizeof(shown); j++)
			shown[j] = bad[i].in[j] < 0x20 ? '?' : bad[i].in[j];
		shown[j] = '\0';
		memset(out, 'x', sizeof(out));
		T_EQ(paircode_parse(bad[i].in, out), bad[i].r,
		    "refuses \"%s\"", shown);
		T_MEM(out, z, sizeof(z), "output wiped");
	}
}

static void
test_new(void)
{
	char text[PAIRCODE_TEXTLEN], d[PAIRCODE_DIGITS + 1];
	char f[PAIRCODE_TEXTLEN];
	size_t i, bad = 0, lead0 = 0;

	for (i = 0; i < 2000; i++) {
		if (paircode_new(text) != 0 || strlen(text) != 12 ||
		    text[3] != '-' || text[7] != '-' ||
		    paircode_parse(text, d) != 0)
			bad++;
		paircode_format(d, f);
		if (strcmp(f, text) != 0)
			bad++;
		lead0 += text[0] == '0';
	}
	T_EQ(bad, 0, "2000 new codes are ddd-ddd-dddd and check");
	T_OK(lead0 > 100 && lead0 < 320, "leading zeros occur (%zu/2000)",
	    lead0);
	paircode_format("4821937063", f);
	T_STR(f, "482-193-7063", "shown 3-3-4");
}

void
test_code(void)
{
	test_damm();
	test_parse();
	test_new();
}
