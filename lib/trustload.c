/* trustload.c: from a kith directory to a trust computation. */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "file.h"
#include "kdir.h"
#include "kerr.h"
#include "key.h"
#include "keylist.h"
#include "privkey.h"
#include "store.h"
#include "trust.h"
#include "trustload.h"

/* The first key of a public key file. */
static int
read_pub(const char *path, u_char *pk)
{
	struct keylist *kl = NULL;
	struct buf *text = NULL;
	struct key *k = NULL;
	int r;

	if ((r = file_read(path, KITH_MAXFILE, &text)) != 0 ||
	    (r = keylist_open(buf_ptr(text), buf_len(text),
	    KEYLIST_OWNCOMMENT, &kl)) != 0)
		goto out;
	if ((r = keylist_next(kl, &k, NULL, NULL)) == 0)
		memcpy(pk, k->pk, KEY_PKLEN);
	else if (r == KE_NOTFOUND)
		r = KE_NOTPUB;
 out:
	key_free(k);
	keylist_free(kl);
	buf_free(text);
	return r;
}

int
trustctx_root(const char *dir, u_char *pk)
{
	struct buf *text = NULL;
	struct key *k = NULL;
	char *path = NULL, *pub = NULL;
	int r;

	if ((r = kdir_identity(dir, &path)) != 0)
		return r;
	if (asprintf(&pub, "%s.pub", path) == -1) {
		free(path);
		return KE_NOMEM;
	}
	if (read_pub(pub, pk) == 0) {
		r = 0;
		goto out;
	}
	if ((r = file_read_secret(path, PRIVKEY_MAXFILE, &text)) != 0 ||
	    (r = privkey_parse_public(text, &k)) != 0)
		goto out;
	memcpy(pk, k->pk, KEY_PKLEN);
 out:
	key_free(k);
	buf_free(text);
	free(pub);
	free(path);
	return r;
}

void
trustctx_free(struct trustctx *c)
{
	if (c == NULL)
		return;
	trust_free(c->t);
	if (c->vs == NULL || c->tv != c->vs->tv)
		free(c->tv);	/* shallow copies of c->vs->tv */
	free(c->tvi);
	vouchset_free(c->vs);
	free(c);
}

int
trustctx_load(const char *dir, time_t now, u_int k, struct trustctx **cp)
{
	struct trust_input in;
	struct trustctx *c;
	size_t i;
	int r;

	*cp = NULL;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return KE_NOMEM;
	if ((r = trustctx_root(dir, c->root)) != 0 ||
	    (r = store_load(dir, &c->vs)) != 0)
		goto out;
	if ((c->tvi = calloc(c->vs->n + 1, sizeof(*c->tvi))) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	for (i = 0; i < c->vs->n; i++)
		if (c->vs->check[i] == 0)
			c->tvi[c->ntv++] = i;
	if (c->ntv == c->vs->n)
		c->tv = c->vs->tv;	/* all are vouches: no copy */
	else if ((c->tv = calloc(c->ntv + 1, sizeof(*c->tv))) == NULL) {
		r = KE_NOMEM;
		goto out;
	}
	for (i = 0; c->tv != c->vs->tv && i < c->ntv; i++)
		c->tv[i] = c->vs->tv[c->tvi[i]];
	memset(&in, 0, sizeof(in));
	memcpy(in.root, c->root, sizeof(in.root));
	in.v = c->tv;
	in.nv = c->ntv;
	in.now = now < 0 ? 0 : (uint64_t)now;
	in.threshold = k;
	if ((r = trust_compute(&in, &c->t)) != 0)
		goto out;
	*cp = c;
	c = NULL;
 out:
	trustctx_free(c);
	return r;
}
