/*
 * agent.c: the agent's dispatcher (agentserve_handle, as kith-agent runs
 * it) over a stream of framed messages.  The first byte sets the scene:
 * bit 0, the test key (fz_test_key, in the table from the start) asks
 * for confirmation; bit 1, the user says yes when asked; bit 2, added
 * identities live 1 s by default.  The rest is what a client sends,
 * split by agent_peek_message as the agent does; the clock moves 250 ms
 * a message and expired identities go, as kith-agent's timers do.
 *
 * Every answer is one the client's parsers take, and says what the
 * table did: a signature verifies by the identity asked for, a list is
 * the table (empty while locked), an added identity is there and a
 * removed one is not, and a locked table answers nothing else.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "agentkeys.h"
#include "agentproto.h"
#include "agentserve.h"
#include "buf.h"
#include "kerr.h"
#include "key.h"
#include "fuzz.h"

#define FZ_START	1000000	/* ms */
#define FZ_STEP		250
#define FZ_LIFE		1000
#define MAXMSGS		64

struct scene {
	struct agentkeys *keys;
	uint64_t	 now;
	uint64_t	 life;
	int		 yes;
};

/* A table with the test key in it. */
static struct agentkeys *
new_table(int confirm)
{
	struct agentkeys *t;
	struct agent_add *ad;
	const struct key *k = fz_test_key();

	FZ_CHECK((t = agentkeys_new()) != NULL);
	FZ_CHECK((ad = calloc(1, sizeof(*ad))) != NULL);
	FZ_CHECK((ad->key = key_new()) != NULL);
	memcpy(ad->key->pk, k->pk, KEY_PKLEN);
	FZ_CHECK((ad->key->sk = sodium_malloc(KEY_SKLEN)) != NULL);
	memcpy(ad->key->sk, k->sk, KEY_SKLEN);
	FZ_CHECK((ad->comment = strdup("fuzz")) != NULL);
	ad->confirm = confirm;
	FZ_CHECK(agentkeys_add(t, &ad, 0) == 0 && ad == NULL);
	return t;
}

/* The table's bookkeeping holds. */
static void
check_table(const struct agentkeys *t)
{
	struct buf *b;
	size_t i;

	FZ_CHECK(t->n <= AGENT_MAXKEYS);
	FZ_CHECK((b = buf_new()) != NULL);
	FZ_CHECK(agentkeys_put_answer(b, t, 0) == 0);
	FZ_CHECK(buf_len(b) == t->answerlen && t->answerlen <= AGENT_MAXMSG);
	for (i = 0; i < t->n; i++) {
		FZ_CHECK(t->v[i].key != NULL && t->v[i].key->sk != NULL);
		FZ_CHECK(t->v[i].comment != NULL);
		FZ_CHECK(agentkeys_find((struct agentkeys *)t, t->v[i].blob,
		    t->v[i].bloblen) == &t->v[i]);
	}
	buf_free(b);
}

/* A successful answer ans to rq; locked: the table was. */
static void
check_answer(const struct scene *sc, const struct agent_req *rq,
    const struct buf *ans, int locked)
{
	struct agent_id *ids = NULL;
	struct agent_ident *id;
	struct buf *v;
	char **names = NULL;
	u_char sig[KEY_SIGLEN];
	size_t n = 0, i;

	FZ_CHECK((v = buf_view(buf_ptr(ans), buf_len(ans))) != NULL);
	switch (rq->type) {
	case AGENTC_REQUEST_IDENTITIES:
		FZ_CHECK(agent_parse_identities(v, &ids, &n) == 0);
		FZ_CHECK(n == (locked ? 0 : sc->keys->n));
		for (i = 0; i < n; i++)
			FZ_CHECK(ids[i].bloblen == sc->keys->v[i].bloblen &&
			    memcmp(ids[i].blob, sc->keys->v[i].blob,
			    ids[i].bloblen) == 0 && strcmp(ids[i].comment,
			    sc->keys->v[i].comment) == 0);
		agent_ids_free(ids, n);
		break;
	case AGENTC_SIGN_REQUEST:
		FZ_CHECK(agent_parse_sign_response(v, sig) == 0);
		id = agentkeys_find(sc->keys, rq->blob, rq->bloblen);
		FZ_CHECK(id != NULL);
		FZ_CHECK(key_verify_raw(id->key->pk, rq->data, rq->datalen,
		    sig) == 0);
		break;
	case AGENTC_EXTENSION:
		FZ_CHECK(agent_parse_query_response(v, &names, &n) == 0);
		FZ_CHECK(n == 1 && strcmp(names[0], "query") == 0);
		agent_names_free(names, n);
		break;
	default:
		FZ_CHECK(agent_parse_status(v) == 0);
	}
	buf_free(v);
}

/*
 * What the table must be after rq was answered with r; added is the
 * blob of the key rq added, locked whether the table was locked.
 */
static void
check_effect(const struct scene *sc, const struct agent_req *rq, int r,
    const struct buf *added, int locked)
{
	struct agent_ident *id;

	if (locked && rq->type != AGENTC_UNLOCK) {
		FZ_CHECK(rq->type == AGENTC_REQUEST_IDENTITIES ? r == 0 :
		    r == KE_LOCK);
		FZ_CHECK(sc->keys->lockhash != NULL);
		return;
	}
	switch (rq->type) {
	case AGENTC_ADD_IDENTITY:
	case AGENTC_ADD_ID_CONSTRAINED:
		id = agentkeys_find(sc->keys, buf_ptr(added), buf_len(added));
		FZ_CHECK(r != 0 || id != NULL);
		break;
	case AGENTC_REMOVE_IDENTITY:
		FZ_CHECK(agentkeys_find(sc->keys, rq->blob,
		    rq->bloblen) == NULL);
		break;
	case AGENTC_REMOVE_ALL:
	case AGENTC_REMOVE_ALL_RSA:
		FZ_CHECK(r == 0 && sc->keys->n == 0);
		break;
	case AGENTC_LOCK:
		FZ_CHECK(r == 0 || (r == KE_PASSPHRASE && rq->datalen == 0));
		FZ_CHECK((sc->keys->lockhash != NULL) == (r == 0));
		break;
	case AGENTC_UNLOCK:
		FZ_CHECK((r == 0) == (locked && sc->keys->lockhash == NULL));
		break;
	}
}

/* Answers one body as kith-agent does; returns its result. */
static int
dispatch(struct scene *sc, struct buf *body, struct buf *out)
{
	struct agent_req rq;
	struct agent_ident *id = NULL;
	struct buf *ans, *added;
	int r, locked = sc->keys->lockhash != NULL;

	FZ_CHECK((ans = buf_new()) != NULL && (added = buf_new()) != NULL);
	if ((r = agent_parse_request(body, &rq)) != 0)
		goto answer;
	if (rq.add != NULL)
		FZ_CHECK(key_put_blob(added, rq.add->key) == 0);
	r = agentserve_handle(sc->keys, sc->life, &rq, AGENTSERVE_ASK_NONE,
	    sc->now, ans, &id);
	if (r == AGENTSERVE_WAIT) {
		/* the agent holds the message until the lockout ends */
		FZ_CHECK(rq.type == AGENTC_UNLOCK);
		FZ_CHECK(sc->keys->lockout > sc->now);
		sc->now = sc->keys->lockout;
		buf_reset(ans);
		r = agentserve_handle(sc->keys, sc->life, &rq,
		    AGENTSERVE_ASK_NONE, sc->now, ans, &id);
		FZ_CHECK(r != AGENTSERVE_WAIT);
	}
	if (r == AGENTSERVE_CONFIRM) {
		FZ_CHECK(rq.type == AGENTC_SIGN_REQUEST && id != NULL &&
		    id->confirm && buf_len(ans) == 0);
		r = agentserve_handle(sc->keys, sc->life, &rq, sc->yes ?
		    AGENTSERVE_ASK_YES : AGENTSERVE_ASK_NO, sc->now, ans, &id);
		FZ_CHECK(sc->yes ? r != KE_PERM : r == KE_PERM);
	}
	FZ_CHECK(r <= 0);
	check_effect(sc, &rq, r, added, locked);
	if (r == 0)
		check_answer(sc, &rq, ans, locked);
 answer:
	if (r != 0) {
		buf_reset(ans);
		FZ_CHECK(agent_put_type(ans, AGENT_FAILURE) == 0);
	}
	FZ_CHECK(agent_frame(out, ans) == 0);
	agent_req_clear(&rq);
	buf_free(added);
	buf_free(ans);
	return r;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct scene sc;
	struct buf *in, *out, *body;
	size_t used, i;
	int m;

	if (len < 1 || len > AGENT_MAXMSG + 1024)
		return 0;
	memset(&sc, 0, sizeof(sc));
	sc.keys = new_table(data[0] & 1);
	sc.yes = (data[0] & 2) != 0;
	sc.life = (data[0] & 4) ? FZ_LIFE : 0;
	sc.now = FZ_START;
	FZ_CHECK((in = buf_view(data + 1, len - 1)) != NULL);
	FZ_CHECK((out = buf_new()) != NULL);
	for (i = 0; i < MAXMSGS; i++) {
		if ((m = agent_peek_message(in, &body, &used)) != 1) {
			FZ_CHECK(m == 0 || m == KE_TOOLONG || m == KE_FORMAT);
			break;
		}
		FZ_CHECK(used == buf_len(body) + 4);
		(void)dispatch(&sc, body, out);
		buf_reset(out);
		buf_free(body);
		FZ_CHECK(buf_consume(in, used) == 0);
		check_table(sc.keys);
		sc.now += FZ_STEP;
		(void)agentkeys_expire(sc.keys, sc.now);
		FZ_CHECK(agentkeys_next_death(sc.keys) == 0 ||
		    agentkeys_next_death(sc.keys) > sc.now);
	}
	buf_free(out);
	buf_free(in);
	agentkeys_free(sc.keys);
	return 0;
}
