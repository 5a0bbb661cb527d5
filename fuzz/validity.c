/*
 * validity.c: ssh-keygen -V intervals, validity_parse, at a few times
 * (the epoch, now-ish and the end of time_t).  An interval that parses
 * is not empty, and it formats.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "kerr.h"
#include "validity.h"
#include "fuzz.h"

static const time_t nows[] = { 0, 59, 1700000000, INT64_MAX };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct buf *out;
	uint64_t after, before;
	char *s;
	size_t i;

	if (len > 4096)
		return 0;
	FZ_CHECK((s = malloc(len + 1)) != NULL);
	memcpy(s, data, len);
	s[len] = '\0';
	FZ_CHECK((out = buf_new()) != NULL);
	for (i = 0; i < nitems(nows); i++) {
		if (validity_parse(s, nows[i], &after, &before) != 0) {
			FZ_CHECK(after == 0 && before == 0);
			continue;
		}
		FZ_CHECK(after < before);
		FZ_CHECK(validity_format(out, after, before) == 0);
		(void)validity_contains(after, before, nows[i]);
		buf_reset(out);
	}
	buf_free(out);
	free(s);
	return 0;
}
