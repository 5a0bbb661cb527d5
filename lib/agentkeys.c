/* agentkeys.c: an agent's table of identities. */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "agentkeys.h"
#include "agentproto.h"
#include "buf.h"
#include "kerr.h"
#include "key.h"

/* What an identity adds to IDENTITIES_ANSWER: two strings. */
#define ENTRYLEN(bl, cl)	(4 + (bl) + 4 + (cl))
/* Type byte and count. */
#define ANSWER_HEAD		5

struct agentkeys *
agentkeys_new(void)
{
	struct agentkeys *t;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	t->answerlen = ANSWER_HEAD;
	return t;
}

static void
ident_clear(struct agent_ident *id)
{
	free(id->blob);
	key_free(id->key);	/* wipes the private half */
	free(id->comment);
	memset(id, 0, sizeof(*id));
}

void
agentkeys_clear(struct agentkeys *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		ident_clear(&t->v[i]);
	t->n = 0;
	t->answerlen = ANSWER_HEAD;
}

void
agentkeys_free(struct agentkeys *t)
{
	if (t == NULL)
		return;
	agentkeys_clear(t);
	if (t->lockhash != NULL)
		sodium_free(t->lockhash);
	free(t->v);
	free(t);
}

struct agent_ident *
agentkeys_find(struct agentkeys *t, const u_char *blob, size_t len)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->v[i].bloblen == len &&
		    memcmp(t->v[i].blob, blob, len) == 0)
			return &t->v[i];
	return NULL;
}

static int
make_blob(const struct key *k, u_char **blobp, size_t *lenp)
{
	struct buf *b;
	int r;

	*blobp = NULL;
	if ((b = buf_new()) == NULL)
		return KE_NOMEM;
	if ((r = key_put_blob(b, k)) == 0) {
		*lenp = buf_len(b);
		if ((*blobp = malloc(*lenp)) == NULL)
			r = KE_NOMEM;
		else
			memcpy(*blobp, buf_ptr(b), *lenp);
	}
	buf_free(b);
	return r;
}

/* Sets id from ad (taking its key and comment) and death. */
static void
ident_set(struct agent_ident *id, struct agent_add *ad, uint64_t death)
{
	key_free(id->key);
	free(id->comment);
	id->key = ad->key;
	id->comment = ad->comment;
	id->death = death;
	id->confirm = ad->confirm;
	ad->key = NULL;
	ad->comment = NULL;
}

int
agentkeys_add(struct agentkeys *t, struct agent_add **adp, uint64_t death)
{
	struct agent_add *ad = *adp;
	struct agent_ident *id, *nv;
	u_char *blob;
	size_t len, newlen, clen;
	int r;

	if (ad->key == NULL || ad->comment == NULL)
		return KE_INTERNAL;
	clen = strlen(ad->comment);
	if ((r = make_blob(ad->key, &blob, &len)) != 0)
		return r;
	if ((id = agentkeys_find(t, blob, len)) != NULL) {
		newlen = t->answerlen - strlen(id->comment) + clen;
		free(blob);
	} else
		newlen = t->answerlen + ENTRYLEN(len, clen);
	if (newlen > AGENT_MAXMSG || (id == NULL && t->n >= AGENT_MAXKEYS)) {
		if (id == NULL)
			free(blob);
		return newlen > AGENT_MAXMSG ? KE_TOOLONG : KE_TOOMANY;
	}
	if (id == NULL) {
		if ((nv = reallocarray(t->v, t->n + 1, sizeof(*nv))) == NULL) {
			free(blob);
			return KE_NOMEM;
		}
		t->v = nv;
		id = &t->v[t->n++];
		memset(id, 0, sizeof(*id));
		id->blob = blob;
		id->bloblen = len;
	}
	ident_set(id, ad, death);
	t->answerlen = newlen;
	agent_add_free(ad);
	*adp = NULL;
	return 0;
}

/* Removes entry i, keeping the order of the rest. */
static void
remove_at(struct agentkeys *t, size_t i)
{
	struct agent_ident *id = &t->v[i];

	t->answerlen -= ENTRYLEN(id->bloblen, strlen(id->comment));
	ident_clear(id);
	memmove(&t->v[i], &t->v[i + 1], (t->n - i - 1) * sizeof(*t->v));
	t->n--;
}

int
agentkeys_remove(struct agentkeys *t, const u_char *blob, size_t len)
{
	struct agent_ident *id;

	if ((id = agentkeys_find(t, blob, len)) == NULL)
		return KE_NOTFOUND;
	remove_at(t, (size_t)(id - t->v));
	return 0;
}

size_t
agentkeys_expire(struct agentkeys *t, uint64_t now)
{
	size_t i = 0, gone = 0;

	while (i < t->n) {
		if (t->v[i].death != 0 && t->v[i].death <= now) {
			remove_at(t, i);
			gone++;
		} else
			i++;
	}
	return gone;
}

uint64_t
agentkeys_next_death(const struct agentkeys *t)
{
	uint64_t next = 0;
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->v[i].death != 0 &&
		    (next == 0 || t->v[i].death < next))
			next = t->v[i].death;
	return next;
}

int
agentkeys_put_answer(struct buf *b, const struct agentkeys *t, int empty)
{
	size_t i, n = empty ? 0 : t->n;
	int r;

	if ((r = buf_put_u8(b, AGENT_IDENTITIES_ANSWER)) != 0 ||
	    (r = buf_put_u32(b, (uint32_t)n)) != 0)
		return r;
	for (i = 0; i < n; i++)
		if ((r = buf_put_string(b, t->v[i].blob,
		    t->v[i].bloblen)) != 0 ||
		    (r = buf_put_cstring(b, t->v[i].comment)) != 0)
			return r;
	return 0;
}

static void
lock_hash(const struct agentkeys *t, const u_char *p, size_t len, u_char *h)
{
	crypto_generichash(h, crypto_generichash_BYTES, p, len, t->salt,
	    sizeof(t->salt));
}

int
agentkeys_lock(struct agentkeys *t, const u_char *pass, size_t len)
{
	if (t->lockhash != NULL)
		return KE_LOCK;
	if (len == 0)
		return KE_PASSPHRASE;
	if (sodium_init() < 0)
		return KE_CRYPTO;
	if ((t->lockhash = sodium_malloc(crypto_generichash_BYTES)) == NULL)
		return KE_NOMEM;
	randombytes_buf(t->salt, sizeof(t->salt));
	lock_hash(t, pass, len, t->lockhash);
	return 0;
}

int
agentkeys_unlock(struct agentkeys *t, const u_char *pass, size_t len,
    uint64_t now)
{
	u_char h[crypto_generichash_BYTES];
	int ok;

	if (t->lockhash == NULL)
		return KE_NOTFOUND;
	if (now < t->lockout)
		return KE_LOCK;
	lock_hash(t, pass, len, h);
	ok = sodium_memcmp(h, t->lockhash, sizeof(h)) == 0;
	sodium_memzero(h, sizeof(h));
	if (!ok) {
		if (t->fails < AGENTKEYS_MAXFAIL)
			t->fails++;
		t->lockout = now + (uint64_t)AGENTKEYS_STEP * t->fails;
		return KE_PASSPHRASE;
	}
	sodium_free(t->lockhash);
	t->lockhash = NULL;
	t->fails = 0;
	t->lockout = 0;
	return 0;
}
