/*
 * hostname.c: the host part of a lookup name, hostfile_host ("host" or
 * "[host]:port").  A name that parses is hashed and written into
 * known_hosts lines, plain and hashed.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hostfile.h"
#include "kerr.h"
#include "key.h"
#include "fuzz.h"

static const u_char salt[HOSTFILE_SALTLEN] = "kith fuzz salt 0123";

static void
lines(const char *name)
{
	const char *names[2];
	struct buf *out;
	struct key *k;

	names[0] = name;
	names[1] = "other.example";
	FZ_CHECK((k = key_new()) != NULL);
	memset(k->pk, 0x4b, sizeof(k->pk));
	FZ_CHECK((out = buf_new()) != NULL);
	FZ_CHECK(hostfile_hash(out, name, salt) == 0);
	FZ_CHECK(hostfile_line(out, NULL, names, 2, k, 0) == 0);
	FZ_CHECK(hostfile_line(out, "@revoked", names, 2, k, 1) == 0);
	buf_free(out);
	key_free(k);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char *s, *name = NULL;
	size_t i, n;

	if (len > 4096)
		return 0;
	FZ_CHECK((s = malloc(len + 1)) != NULL);
	memcpy(s, data, len);
	s[len] = '\0';
	if (hostfile_host(s, &name) != 0) {
		FZ_CHECK(name == NULL);
		free(s);
		return 0;
	}
	n = strlen(name);
	FZ_CHECK(n > 0 && n <= KITH_MAXNAME && n <= strlen(s));
	for (i = 0; i < n; i++)
		FZ_CHECK(name[i] < 'A' || name[i] > 'Z');
	lines(name);
	free(name);
	free(s);
	return 0;
}
