/* sshvis.c: OpenSSH's msetlocale and mprintf escaping, on libc. */
#include "compat.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "buf.h"
#include "kerr.h"
#include "sshvis.h"

void
ssh_setlocale(void)
{
	const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	const char *v;
	size_t i;

	for (i = 0; i < nitems(vars); i++) {
		if ((v = getenv(vars[i])) == NULL)
			continue;
		if (strncasecmp(v, "TR", 2) != 0)
			break;
		/* OpenSSH avoids the Turkish dotted/dotless i rules. */
		if ((strcasestr(v, "UTF-8") != NULL ||
		    strcasestr(v, "UTF8") != NULL) &&
		    (setlocale(LC_CTYPE, "C.UTF-8") != NULL ||
		    setlocale(LC_CTYPE, "POSIX.UTF-8") != NULL))
			return;
		setlocale(LC_CTYPE, "C");
		return;
	}
	setlocale(LC_CTYPE, "");
}

/* 1 if the codeset is one where OpenSSH gives up instead of escaping. */
static int
dangerous_locale(void)
{
	const char *const safe[] = { "UTF-8", "US-ASCII", "ANSI_X3.4-1968",
	    "ISO8859-1", "646", "" };
	const char *cs = nl_langinfo(CODESET);
	size_t i;

	for (i = 0; i < nitems(safe); i++)
		if (strcmp(cs, safe[i]) == 0)
			return 0;
	return 1;
}

/* Appends each of the n bytes at s as a backslash and three octal digits. */
static int
put_octal(struct buf *out, const char *s, size_t n)
{
	char o[4];
	u_char c;
	size_t i;
	int r;

	for (i = 0; i < n; i++) {
		c = (u_char)s[i];
		o[0] = '\\';
		o[1] = '0' + (c >> 6);
		o[2] = '0' + ((c >> 3) & 7);
		o[3] = '0' + (c & 7);
		if ((r = buf_put(out, o, sizeof(o))) != 0)
			return r;
	}
	return 0;
}

/*
 * Measures the character at s: its length in *lenp, and whether it may
 * print as is (a valid character with a width, or \n, \r, \t).
 */
static int
char_printable(const char *s, size_t *lenp)
{
	wchar_t wc;
	int len;

	if ((len = mbtowc(&wc, s, MB_CUR_MAX)) <= 0) {
		(void)mbtowc(NULL, NULL, MB_CUR_MAX);
		*lenp = 1;
		return 0;
	}
	*lenp = (size_t)len;
	if (wc == L'\n' || wc == L'\r' || wc == L'\t')
		return 1;
	return wcwidth(wc) != -1;
}

int
ssh_escape(struct buf *out, const char *s)
{
	size_t start = buf_len(out), len;
	int r = 0, ok;

	(void)mbtowc(NULL, NULL, MB_CUR_MAX);
	while (*s != '\0') {
		/* printable ASCII is itself in every locale mprintf accepts */
		for (len = 0; s[len] >= 0x20 && s[len] < 0x7f; len++)
			;
		if (len > 0) {
			if ((r = buf_put(out, s, len)) != 0)
				break;
			s += len;
			continue;
		}
		ok = char_printable(s, &len);
		if (!ok && dangerous_locale()) {
			r = KE_FORMAT;
			break;
		}
		if ((r = ok ? buf_put(out, s, len) :
		    put_octal(out, s, len)) != 0)
			break;
		s += len;
	}
	if (r != 0)
		(void)buf_consume_tail(out, buf_len(out) - start);
	return r;
}
