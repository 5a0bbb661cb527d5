/* Unit tests for lib/agentkeys.c: the agent's table of identities. */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "agentkeys.h"
#include "agentproto.h"
#include "buf.h"
#include "kerr.h"
#include "key.h"
#include "test.h"
#include "t_agentproto.h"

/* Adds k with comment c, confirm and death; returns agentkeys_add's. */
static int
add(struct agentkeys *t, const struct key *k, const char *c, int confirm,
    uint64_t death)
{
	struct agent_add *ad = ta_add(k, c);
	int r;

	ad->confirm = confirm;
	r = agentkeys_add(t, &ad, death);
	agent_add_free(ad);
	return r;
}

static struct agent_ident *
find(struct agentkeys *t, const struct key *k)
{
	struct buf *b = ta_blob(k);
	struct agent_ident *id;

	id = agentkeys_find(t, buf_ptr(b), buf_len(b));
	buf_free(b);
	return id;
}

static int
remove_key(struct agentkeys *t, const struct key *k)
{
	struct buf *b = ta_blob(k);
	int r;

	r = agentkeys_remove(t, buf_ptr(b), buf_len(b));
	buf_free(b);
	return r;
}

/* 1 if the answer lists exactly the comments given, in order. */
static int
answer_is(const struct agentkeys *t, int locked, const char *const *c,
    size_t n)
{
	struct agent_id *ids;
	struct buf *b;
	size_t got, i, len;
	int ok;

	if ((b = buf_new()) == NULL || agentkeys_put_answer(b, t, locked))
		exit(1);
	len = buf_len(b);
	ok = agent_parse_identities(b, &ids, &got) == 0 && got == n &&
	    (locked || len == t->answerlen);
	for (i = 0; ok && i < n; i++)
		ok = strcmp(ids[i].comment, c[i]) == 0;
	agent_ids_free(ids, got);
	buf_free(b);
	return ok;
}

static void
test_table(void)
{
	static const char *const c3[] = { "one", "two", "three" };
	static const char *const c3b[] = { "uno", "two", "three" };
	static const char *const c2[] = { "uno", "three" };
	struct agentkeys *t;
	struct key *k1 = ta_keygen(), *k2 = ta_keygen(), *ck = ta_certkey();
	struct agent_ident *id;

	if ((t = agentkeys_new()) == NULL)
		exit(1);
	T_OK(answer_is(t, 0, NULL, 0), "a new table is empty");
	T_OK(add(t, k1, "one", 0, 0) == 0 && add(t, ck, "two", 0, 0) == 0 &&
	    add(t, k2, "three", 0, 0) == 0, "three identities added");
	T_OK(answer_is(t, 0, c3, 3), "listed in the order added");
	T_OK(answer_is(t, 1, NULL, 0), "locked: an empty answer");
	T_OK((id = find(t, ck)) != NULL && id->key->cert != NULL &&
	    id->key->sk != NULL, "the certificate is found by its blob");
	T_EQ(add(t, k1, "uno", 1, 500), 0, "the first key added again");
	T_OK(answer_is(t, 0, c3b, 3), "it keeps its place, new comment");
	T_OK((id = find(t, k1)) != NULL && id->confirm == 1 &&
	    id->death == 500, "and takes the new constraints");
	T_EQ(remove_key(t, ck), 0, "remove the certificate");
	T_EQ(remove_key(t, ck), KE_NOTFOUND, "removing it again: not found");
	T_OK(find(t, ck) == NULL && find(t, k2) != NULL, "the plain keys stay");
	T_OK(answer_is(t, 0, c2, 2), "the others keep their order");
	agentkeys_clear(t);
	T_OK(answer_is(t, 0, NULL, 0), "remove all");
	agentkeys_free(t);
	key_free(k1);
	key_free(k2);
	key_free(ck);
}

static void
test_expiry(void)
{
	struct agentkeys *t;
	struct key *k[3];
	size_t i;

	if ((t = agentkeys_new()) == NULL)
		exit(1);
	for (i = 0; i < nitems(k); i++)
		k[i] = ta_keygen();
	add(t, k[0], "never", 0, 0);
	add(t, k[1], "at 200", 0, 200);
	add(t, k[2], "at 100", 0, 100);
	T_EQ(agentkeys_next_death(t), 100, "the next death is the earliest");
	T_EQ(agentkeys_expire(t, 99), 0, "nothing expires before it");
	T_EQ(agentkeys_expire(t, 100), 1, "one expires at its time");
	T_OK(find(t, k[2]) == NULL && find(t, k[1]) != NULL, "the right one");
	T_EQ(agentkeys_next_death(t), 200, "then the next");
	T_EQ(agentkeys_expire(t, 5000), 1, "the other later");
	T_EQ(agentkeys_next_death(t), 0, "none left to expire");
	T_OK(find(t, k[0]) != NULL, "the key without a lifetime stays");
	agentkeys_free(t);
	for (i = 0; i < nitems(k); i++)
		key_free(k[i]);
}

static void
test_caps(void)
{
	struct agentkeys *t;
	struct key *k = ta_keygen();
	struct agent_add *ad;
	char *big;
	size_t i;
	int r = 0;

	if ((t = agentkeys_new()) == NULL ||
	    (big = malloc(AGENT_MAXMSG)) == NULL)
		exit(1);
	memset(big, 'x', AGENT_MAXMSG - 1);
	big[AGENT_MAXMSG - 1] = '\0';
	ad = ta_add(k, big);
	T_EQ(agentkeys_add(t, &ad, 0), KE_TOOLONG, "an answer past 256 KiB");
	T_OK(ad != NULL && t->n == 0, "is refused and left to the caller");
	agent_add_free(ad);
	key_free(k);
	for (i = 0; i < AGENT_MAXKEYS && r == 0; i++) {
		k = ta_keygen();
		r = add(t, k, "", 0, 0);
		key_free(k);
	}
	T_OK(r == 0 && t->n == AGENT_MAXKEYS, "2048 identities");
	k = ta_keygen();
	T_EQ(add(t, k, "", 0, 0), KE_TOOMANY, "not 2049");
	key_free(k);
	free(big);
	agentkeys_free(t);
}

static void
test_lock(void)
{
	struct agentkeys *t;
	uint64_t now = 1000, delay = 0;
	int i, r = 0, bad = 0;

	if ((t = agentkeys_new()) == NULL)
		exit(1);
	T_EQ(agentkeys_unlock(t, (const u_char *)"pw", 2, now), KE_NOTFOUND,
	    "unlock while unlocked");
	T_EQ(agentkeys_lock(t, (const u_char *)"", 0), KE_PASSPHRASE,
	    "lock with an empty passphrase");
	T_EQ(agentkeys_lock(t, (const u_char *)"pw", 2), 0, "lock");
	T_EQ(agentkeys_lock(t, (const u_char *)"pw", 2), KE_LOCK,
	    "lock while locked");
	T_EQ(agentkeys_unlock(t, (const u_char *)"pW", 2, now), KE_PASSPHRASE,
	    "a wrong unlock");
	T_EQ(t->lockout, now + 100, "waits 0.1 s");
	T_EQ(agentkeys_unlock(t, (const u_char *)"pw", 2, now + 99), KE_LOCK,
	    "even the right one is not weighed before then");
	T_EQ(agentkeys_unlock(t, (const u_char *)"p", 1, now + 100),
	    KE_PASSPHRASE, "a second wrong one");
	T_EQ(t->lockout, now + 300, "waits 0.2 s");
	for (i = 0; i < 150; i++) {
		now = t->lockout;
		r = agentkeys_unlock(t, (const u_char *)"x", 1, now);
		if (r != KE_PASSPHRASE || t->lockout - now != (delay =
		    100 * (uint64_t)(i + 3 > 100 ? 100 : i + 3)))
			bad++;
	}
	T_OK(bad == 0 && delay == 10000, "each wrong one waits 0.1 s more, "
	    "up to 10 s");
	T_EQ(agentkeys_unlock(t, (const u_char *)"pw", 2, t->lockout), 0,
	    "the right one unlocks");
	T_OK(t->lockhash == NULL && t->fails == 0 && t->lockout == 0,
	    "and forgets the failures");
	T_EQ(agentkeys_lock(t, (const u_char *)"pw2", 3), 0, "lock again");
	agentkeys_free(t);	/* frees the lock hash, for LeakSanitizer */
}

void
ta_keys(void)
{
	test_table();
	test_lock();
	test_expiry();
	test_caps();
}
