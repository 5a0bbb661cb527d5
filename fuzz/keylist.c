/*
 * keylist.c: a whole text file of keys (authorized_keys, known_hosts,
 * ssh-keyscan output), read as ssh-keygen -l reads it, both ways of
 * reporting comments.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "kerr.h"
#include "key.h"
#include "keylist.h"
#include "fuzz.h"

static void
walk(const uint8_t *data, size_t len, int flags)
{
	struct keylist *kl = NULL;
	struct key *k;
	char *comment;
	size_t lineno, last = 0, nkeys = 0;
	int r;

	FZ_CHECK(keylist_open(data, len, flags, &kl) == 0);
	while ((r = keylist_next(kl, &k, &comment, &lineno)) == 0) {
		FZ_CHECK(k != NULL && k->sk == NULL);
		FZ_CHECK(lineno > last && lineno <= len);
		FZ_CHECK(comment == NULL || strlen(comment) < len);
		last = lineno;
		nkeys++;
		key_free(k);
		free(comment);
	}
	FZ_CHECK(k == NULL && comment == NULL);
	FZ_CHECK(nkeys + keylist_nforeign(kl) + keylist_nskipped(kl) <= len);
	keylist_free(kl);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	if (len > 1024 * 1024)
		return 0;
	walk(data, len, 0);
	walk(data, len, KEYLIST_OWNCOMMENT);
	(void)keylist_is_private(data, len);
	return 0;
}
