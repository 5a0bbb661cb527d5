/*
 * Unit tests for lib/validity.c: ssh-keygen -V parsing against the
 * answers ssh-keygen 9.2 gave (regress/data/cert/validity.txt, made by
 * mkdata.sh), relative forms at a fixed time, and printing.
 */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "kerr.h"
#include "test.h"
#include "validity.h"

#define T_2026	1767225600LL		/* 2026-01-01T00:00:00Z */
#define NOW	(T_2026 + 1234)		/* 2026-01-01T00:20:34Z */
#define WEEK	(7 * 86400LL)

static void
set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* The text validity_format gives for the interval s parses to. */
static int
parse_format(const char *s, time_t now, struct buf *b)
{
	uint64_t a, z;
	int r;

	buf_reset(b);
	if ((r = validity_parse(s, now, &a, &z)) != 0)
		return r;
	set_tz("UTC");
	r = validity_format(b, a, z);
	buf_put_u8(b, '\0');
	return r;
}

/* One "tz|spec|answer" line of validity.txt. */
static void
golden_line(char *line, struct buf *b)
{
	char *tz, *spec, *want;
	int r;

	tz = strsep(&line, "|");
	spec = strsep(&line, "|");
	want = line;
	if (tz == NULL || spec == NULL || want == NULL) {
		T_OK(0, "bad line in validity.txt");
		return;
	}
	set_tz(tz);
	r = parse_format(spec, NOW, b);
	if (strcmp(want, "FAIL") == 0)
		T_OK(r != 0, "%s \"%s\" fails (%s)", tz, spec,
		    kith_strerror(r));
	else
		T_OK(r == 0 && strcmp((const char *)buf_ptr(b), want) == 0,
		    "%s \"%s\" is \"%s\"", tz, spec, want);
	set_tz("UTC");
}

static void
test_golden(void)
{
	struct buf *b = buf_new();
	char *text, *s, *line;
	size_t len, n = 0;

	text = (char *)t_slurp("regress/data/cert/validity.txt", &len);
	for (s = text; (line = strsep(&s, "\n")) != NULL; n++)
		if (*line != '\0')
			golden_line(line, b);
	T_OK(n > 50, "validity.txt has %zu lines", n);
	free(text);
	buf_free(b);
}

static void
test_relative(void)
{
	static const struct {
		const char	*s;
		int		 r;
		uint64_t	 a, z;
	} t[] = {
		/* "+N" alone: from the start of the minute a minute ago */
		{ "+52w", 0, T_2026 + 1140, NOW + 52 * WEEK },
		{ "+1h30m", 0, T_2026 + 1140, NOW + 5400 },
		{ "+5", 0, T_2026 + 1140, NOW + 5 },
		{ "+0", 0, T_2026 + 1140, NOW },
		{ "+1m1", 0, T_2026 + 1140, NOW + 61 },
		{ "+1d2", 0, T_2026 + 1140, NOW + 86402 },
		{ "+1W1D1H1M1S", 0, T_2026 + 1140, NOW + WEEK + 90061 },
		{ "+ 1d", 0, T_2026 + 1140, NOW + 86400 },
		{ "++1d", 0, T_2026 + 1140, NOW + 86400 },
		{ "+-0", 0, T_2026 + 1140, NOW },
		{ "+2147483647", 0, T_2026 + 1140, NOW + 2147483647LL },
		{ "+35791394m", 0, T_2026 + 1140, NOW + 35791394LL * 60 },
		{ "+1000000000s1000000000", 0, T_2026 + 1140,
		    NOW + 2000000000LL },
		{ "+2147483648", KE_RANGE, 0, 0 },
		{ "+35791395m", KE_RANGE, 0, 0 },
		{ "+2000000000s200000000", KE_RANGE, 0, 0 },
		{ "+99999999999999999999", KE_RANGE, 0, 0 },
		{ "+", KE_FORMAT, 0, 0 },
		{ "+-1d", KE_FORMAT, 0, 0 },
		{ "+1y", KE_FORMAT, 0, 0 },
		{ "+1d ", KE_FORMAT, 0, 0 },
		{ "+0x10", KE_FORMAT, 0, 0 },
		/* "from:to" */
		{ "-1d:+1d", 0, NOW - 86400, NOW + 86400 },
		{ "+1d:+2d", 0, NOW + 86400, NOW + 172800 },
		{ "-1d:forever", 0, NOW - 86400, VALIDITY_FOREVER },
		{ "always:+1d", 0, 0, NOW + 86400 },
		{ "0x10:+1d", 0, 16, NOW + 86400 },
		{ "-1h:20270101Z", 0, NOW - 3600, T_2026 + 365 * 86400 },
		{ "-0:+1", 0, NOW, NOW + 1 },
		{ "-1767226834:forever", 0, 0, VALIDITY_FOREVER },
		{ "-1767226835:forever", KE_RANGE, 0, 0 },
		{ "-99999999999:forever", KE_RANGE, 0, 0 },
		{ "+1d:-1d", KE_RANGE, 0, 0 },
		{ "+0:+0", KE_RANGE, 0, 0 },
		{ "+1d:+1x", KE_FORMAT, 0, 0 },
		{ "-:forever", KE_FORMAT, 0, 0 },
	};
	uint64_t a, z;
	size_t i;
	int r;

	for (i = 0; i < nitems(t); i++) {
		a = z = 7;
		r = validity_parse(t[i].s, NOW, &a, &z);
		T_OK(r == t[i].r && a == t[i].a && z == t[i].z,
		    "\"%s\" at now: %s", t[i].s, kith_strerror(t[i].r));
	}
	T_EQ(validity_default(NOW, &a, &z), 0, "default validity");
	T_OK(a == T_2026 + 1140 && z == (uint64_t)NOW + 52 * WEEK,
	    "default is +52w");
	T_EQ(validity_parse("+1d", -1, &a, &z), KE_RANGE, "negative now");
	T_OK(validity_parse("+1d", 30, &a, &z) == 0 && a == 0,
	    "backdating stops at the epoch");
}

static void
test_format(void)
{
	struct buf *b = buf_new();

	set_tz("UTC");
	validity_format(b, 0, VALIDITY_FOREVER);
	buf_put(b, "|", 1);
	validity_format(b, 0, 16);
	buf_put(b, "|", 1);
	validity_format(b, 16, VALIDITY_FOREVER);
	buf_put(b, "|", 1);
	validity_format(b, T_2026, T_2026 + 86399);
	buf_put_u8(b, '\0');
	T_STR((const char *)buf_ptr(b), "forever|before 1970-01-01T00:00:16|"
	    "after 1970-01-01T00:00:16|"
	    "from 2026-01-01T00:00:00 to 2026-01-01T23:59:59", "formats");
	buf_reset(b);
	/* past glibc's range, as ssh-keygen 9.2 prints it (far.L) */
	validity_format_time(b, 0xfffffffffffffffeULL);
	buf_put_u8(b, '\0');
	T_STR((const char *)buf_ptr(b), "219250468-01-00T15:30:07",
	    "clamped to INT64_MAX");
	buf_reset(b);
	set_tz("KTZ-5:30");
	validity_format_time(b, 0);
	buf_put_u8(b, '\0');
	T_STR((const char *)buf_ptr(b), "1970-01-01T05:30:00", "local time");
	set_tz("UTC");
	buf_free(b);
}

static void
test_contains(void)
{
	T_EQ(validity_contains(10, 20, 9), 0, "before the start");
	T_EQ(validity_contains(10, 20, 10), 1, "at the start");
	T_EQ(validity_contains(10, 20, 19), 1, "inside");
	T_EQ(validity_contains(10, 20, 20), 0, "at the end");
	T_EQ(validity_contains(0, VALIDITY_FOREVER, NOW), 1, "forever");
	T_EQ(validity_contains(0, VALIDITY_FOREVER, -1), 0, "negative now");
}

/* Found by fuzzing: "+0" in the first minute of the epoch is empty. */
static void
test_empty_plus(void)
{
	uint64_t a, b;

	T_EQ(validity_parse("+0", 0, &a, &b), KE_RANGE, "+0 at the epoch");
	T_EQ(validity_parse("+0", 30, &a, &b), 0, "+0 at 30 s: [0, 30)");
	T_OK(a == 0 && b == 30, "+0 at 30 s: the bounds");
	T_EQ(validity_parse("+0", 120, &a, &b), 0, "+0 later is not empty");
	T_OK(a < b, "+0 later: after < before");
}

static void
test_lifetime(void)
{
	uint32_t t;

	T_EQ(validity_lifetime("90", &t), 0, "lifetime 90");
	T_EQ(t, 90, "90 seconds");
	T_EQ(validity_lifetime("1h30m", &t), 0, "lifetime 1h30m");
	T_EQ(t, 5400, "5400 seconds");
	T_EQ(validity_lifetime("+5", &t), KE_FORMAT, "a sign is refused");
	T_EQ(validity_lifetime("x", &t), KE_FORMAT, "junk is refused");
}

int
main(void)
{
	set_tz("UTC");
	test_golden();
	test_relative();
	test_format();
	test_contains();
	test_empty_plus();
	test_lifetime();
	return t_done();
}
