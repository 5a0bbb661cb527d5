/* validity.c: ssh-keygen's -V syntax and its printing of intervals. */
#include "compat.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "buf.h"
#include "kerr.h"
#include "validity.h"

#define MINUTE	60L
#define HOUR	(60 * MINUTE)
#define DAY	(24 * HOUR)
#define WEEK	(7 * DAY)

/* The INT64_MAX clamp and the arithmetic below assume a 64-bit time_t. */
_Static_assert(sizeof(time_t) == sizeof(int64_t), "time_t is 64 bits");

/* The seconds in a convtime() unit, 0 if ch is not one. */
static long
unit(int ch)
{
	switch (ch) {
	case '\0':
	case 's':
	case 'S':
		return 1;
	case 'm':
	case 'M':
		return MINUTE;
	case 'h':
	case 'H':
		return HOUR;
	case 'd':
	case 'D':
		return DAY;
	case 'w':
	case 'W':
		return WEEK;
	}
	return 0;
}

/*
 * OpenSSH's convtime(): terms N[sSmMhHdDwW] (bare N is seconds), each
 * term and the sum at most INT_MAX.  N is read with strtol like OpenSSH
 * does, so blanks and a sign before it pass; a negative N does not.
 */
static int
reltime(const char *s, int64_t *secsp)
{
	long total = 0, n, mul;
	char *ep;

	*secsp = 0;
	if (*s == '\0')
		return KE_FORMAT;
	while (*s != '\0') {
		n = strtol(s, &ep, 10);
		if (ep == s || n < 0 || (mul = unit(*ep)) == 0)
			return KE_FORMAT;
		if (n > INT_MAX / mul || total > INT_MAX - n * mul)
			return KE_RANGE;
		total += n * mul;
		s = *ep == '\0' ? ep : ep + 1;
	}
	*secsp = total;
	return 0;
}

/* "+reltime" or "-reltime" from now; "-" may not go before the epoch. */
static int
relative(const char *s, time_t now, uint64_t *tp)
{
	int64_t secs;
	int r;

	if ((r = reltime(s + 1, &secs)) != 0)
		return r;
	if (*s == '-') {
		if (secs > now)
			return KE_RANGE;
		*tp = (uint64_t)(now - secs);
	} else
		*tp = (uint64_t)now + (uint64_t)secs;
	return 0;
}

/* "0x" and one or more hex digits, at most UINT64_MAX (strtoull's rules). */
static int
hex64(const char *s, uint64_t *tp)
{
	uint64_t v = 0;
	const char *d, *digits = "0123456789abcdef";

	if (*(s += 2) == '\0')
		return KE_FORMAT;
	for (; *s != '\0'; s++) {
		if ((d = strchr(digits, tolower((u_char)*s))) == NULL)
			return KE_FORMAT;
		if (v > UINT64_MAX >> 4)
			return KE_RANGE;
		v = v << 4 | (uint64_t)(d - digits);
	}
	*tp = v;
	return 0;
}

/*
 * One field of w bytes as glibc's strptime reads "%Y"-style numbers:
 * blanks, then digits to the end of the field, in [lo, hi].
 */
static int
field(const char *s, size_t w, int lo, int hi, int *vp)
{
	size_t i = 0;
	int v = 0;

	while (i < w && isspace((u_char)s[i]))
		i++;
	if (i == w)
		return KE_FORMAT;
	for (; i < w; i++) {
		if (!isdigit((u_char)s[i]))
			return KE_FORMAT;
		v = v * 10 + (s[i] - '0');
	}
	if (v < lo || v > hi)
		return KE_FORMAT;
	*vp = v;
	return 0;
}

/*
 * YYYYMMDD[HHMM[SS]] in local time, or UTC with a "Z" or "UTC" suffix
 * (any case).  As in OpenSSH (strptime, then mktime), the day may run
 * past the month's end (Feb 31 is Mar 3), seconds go to 61, and
 * tm_isdst is 0, so a summer time is read as standard time.
 */
static int
absolute(const char *s, uint64_t *tp)
{
	struct tm tm;
	size_t l = strlen(s);
	time_t t;
	int utc = 0;

	if (l > 1 && strcasecmp(s + l - 1, "Z") == 0) {
		utc = 1;
		l -= 1;
	} else if (l > 3 && strcasecmp(s + l - 3, "UTC") == 0) {
		utc = 1;
		l -= 3;
	}
	if (l != 8 && l != 12 && l != 14)
		return KE_FORMAT;
	memset(&tm, 0, sizeof(tm));
	if (field(s, 4, 0, 9999, &tm.tm_year) != 0 ||
	    field(s + 4, 2, 1, 12, &tm.tm_mon) != 0 ||
	    field(s + 6, 2, 1, 31, &tm.tm_mday) != 0 ||
	    (l >= 12 && field(s + 8, 2, 0, 23, &tm.tm_hour) != 0) ||
	    (l >= 12 && field(s + 10, 2, 0, 59, &tm.tm_min) != 0) ||
	    (l == 14 && field(s + 12, 2, 0, 61, &tm.tm_sec) != 0))
		return KE_FORMAT;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	if ((t = utc ? timegm(&tm) : mktime(&tm)) < 0)
		return KE_RANGE;
	*tp = (uint64_t)t;
	return 0;
}

/* One end of "from:to"; word is "always" or "forever", meaning wordval. */
static int
endpoint(const char *s, const char *word, uint64_t wordval, time_t now,
    uint64_t *tp)
{
	if (*s == '+' || *s == '-')
		return relative(s, now, tp);
	if (strcmp(s, word) == 0) {
		*tp = wordval;
		return 0;
	}
	if (strncmp(s, "0x", 2) == 0)
		return hex64(s, tp);
	return absolute(s, tp);
}

int
validity_parse(const char *s, time_t now, uint64_t *afterp,
    uint64_t *beforep)
{
	char *from = NULL, *to;
	uint64_t a = 0, b = 0;
	int64_t secs;
	int r;

	*afterp = *beforep = 0;
	if (now < 0)
		return KE_RANGE;
	if (*s == '+' && strchr(s, ':') == NULL) {
		/* Backdated to the start of the minute a minute ago. */
		if ((r = reltime(s + 1, &secs)) != 0)
			return r;
		a = now < 59 ? 0 : (uint64_t)((now - 59) / 60 * 60);
		b = (uint64_t)now + (uint64_t)secs;
		if (b <= a)
			return KE_RANGE;	/* "+0" in the first minute */
		*afterp = a;
		*beforep = b;
		return 0;
	}
	if ((from = strdup(s)) == NULL)
		return KE_NOMEM;
	if ((to = strchr(from, ':')) == NULL || to == from || to[1] == '\0') {
		r = KE_FORMAT;
		goto out;
	}
	*to++ = '\0';
	if ((r = endpoint(from, "always", 0, now, &a)) != 0 ||
	    (r = endpoint(to, "forever", VALIDITY_FOREVER, now, &b)) != 0)
		goto out;
	if (b <= a) {
		r = KE_RANGE;
		goto out;
	}
	*afterp = a;
	*beforep = b;
	r = 0;
 out:
	free(from);
	return r;
}

int
validity_default(time_t now, uint64_t *afterp, uint64_t *beforep)
{
	return validity_parse(VALIDITY_DEFAULT, now, afterp, beforep);
}

int
validity_contains(uint64_t after, uint64_t before, time_t now)
{
	return now >= 0 && (uint64_t)now >= after && (uint64_t)now < before;
}

int
validity_format_time(struct buf *out, uint64_t t)
{
	struct tm tm;
	time_t tt = t > INT64_MAX ? INT64_MAX : (time_t)t;
	char s[64];
	size_t n;

	/*
	 * Past glibc's range localtime_r fails with tm half filled in, and
	 * ssh-keygen prints that anyway (e.g. "219250468-01-00T15:30:07");
	 * starting from a zeroed tm gives the same text.
	 */
	memset(&tm, 0, sizeof(tm));
	(void)localtime_r(&tt, &tm);
	if ((n = strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%S", &tm)) == 0)
		return KE_INTERNAL;
	return buf_put(out, s, n);
}

static int
put_str(struct buf *out, const char *s)
{
	return buf_put(out, s, strlen(s));
}

int
validity_format(struct buf *out, uint64_t after, uint64_t before)
{
	int r;

	if (after == 0 && before == VALIDITY_FOREVER)
		return put_str(out, "forever");
	if (after == 0) {
		if ((r = put_str(out, "before ")) != 0)
			return r;
		return validity_format_time(out, before);
	}
	if (before == VALIDITY_FOREVER) {
		if ((r = put_str(out, "after ")) != 0)
			return r;
		return validity_format_time(out, after);
	}
	if ((r = put_str(out, "from ")) != 0 ||
	    (r = validity_format_time(out, after)) != 0 ||
	    (r = put_str(out, " to ")) != 0)
		return r;
	return validity_format_time(out, before);
}

int
validity_lifetime(const char *s, uint32_t *secsp)
{
	int64_t secs;
	int r;

	*secsp = 0;
	if (*s < '0' || *s > '9')
		return KE_FORMAT;
	if ((r = reltime(s, &secs)) != 0)
		return r;
	if (secs < 0 || (uint64_t)secs > UINT32_MAX)
		return KE_RANGE;
	*secsp = (uint32_t)secs;
	return 0;
}
