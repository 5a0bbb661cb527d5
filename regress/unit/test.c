/* test.c: the unit-test harness. */
#include "compat.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"

static int t_n, t_fail;

void
t_check(int ok, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	t_n++;
	if (!ok)
		t_fail++;
	printf("%sok %d - ", ok ? "" : "not ", t_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	if (!ok)
		printf(" (%s:%d)", file, line);
	printf("\n");
	fflush(stdout);
}

int
t_done(void)
{
	printf("1..%d\n", t_n);
	return t_fail == 0 && t_n > 0 ? 0 : 1;
}

u_char *
t_slurp(const char *path, size_t *lenp)
{
	FILE *f;
	u_char *d = NULL;
	size_t cap = 0, n = 0, got;

	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "t_slurp: cannot open %s\n", path);
		exit(1);
	}
	do {
		if (cap - n < 4096 &&
		    (d = realloc(d, cap = cap * 2 + 8192)) == NULL)
			exit(1);
		got = fread(d + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	d[n] = '\0';
	*lenp = n;
	return d;
}

u_char *
t_unhex(const char *s, size_t *lenp)
{
	size_t n = strlen(s) / 2, i;
	u_char *d;
	unsigned int v;

	if ((d = malloc(n + 1)) == NULL)
		exit(1);
	for (i = 0; i < n; i++) {
		if (sscanf(s + 2 * i, "%2x", &v) != 1)
			exit(1);
		d[i] = (u_char)v;
	}
	*lenp = n;
	return d;
}
