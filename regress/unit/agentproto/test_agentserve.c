/*
 * Unit tests for lib/agentserve.c: the agent's answer to one request,
 * built with the client's encoders and read with its parsers.
 */
#include "compat.h"

#include <stdlib.h>
#include <string.h>

#include "agentkeys.h"
#include "agentproto.h"
#include "agentserve.h"
#include "buf.h"
#include "kerr.h"
#include "key.h"
#include "test.h"
#include "t_agentproto.h"

struct srv {
	struct agentkeys *t;
	uint64_t	 now;
	int		 confirmed;
	struct agent_ident *id;
	struct buf	*ans;
};

/* Answers the request body in req; returns agentserve_handle's. */
static int
ask(struct srv *s, struct buf *req)
{
	struct agent_req rq;
	int r;

	buf_reset(s->ans);
	if ((r = agent_parse_request(req, &rq)) == 0)
		r = agentserve_handle(s->t, 5000, &rq, s->confirmed, s->now,
		    s->ans, &s->id);
	agent_req_clear(&rq);
	buf_reset(req);
	return r;
}

/* The number of identities a REQUEST_IDENTITIES answer lists, or -1. */
static int
listed(struct srv *s, struct buf *req)
{
	struct agent_id *ids;
	size_t n;

	agent_put_type(req, AGENTC_REQUEST_IDENTITIES);
	if (ask(s, req) != 0 || agent_parse_identities(s->ans, &ids, &n) != 0)
		return -1;
	agent_ids_free(ids, n);
	return (int)n;
}

/* Asks k (blob b) to sign "msg": 0 if the answer is its signature. */
static int
signs(struct srv *s, struct buf *req, const struct key *k,
    const struct buf *b)
{
	u_char sig[KEY_SIGLEN];
	int r;

	agent_put_sign_request(req, buf_ptr(b), buf_len(b),
	    (const u_char *)"msg", 3, 0);
	if ((r = ask(s, req)) != 0)
		return r;
	if ((r = agent_parse_sign_response(s->ans, sig)) != 0)
		return r;
	return key_verify_raw(k->pk, (const u_char *)"msg", 3, sig);
}

static void
test_requests(void)
{
	struct srv s = { agentkeys_new(), 1000, AGENTSERVE_ASK_NONE, NULL,
	    buf_new() };
	struct key *k = ta_keygen(), *k2 = ta_keygen();
	struct buf *req = buf_new(), *b = ta_blob(k), *b2 = ta_blob(k2);
	struct agent_add *ad = ta_add(k, "one");

	T_EQ(listed(&s, req), 0, "serve: empty list");
	agent_put_add(req, ad);
	T_EQ(ask(&s, req), 0, "serve: add");
	T_EQ(agent_parse_status(s.ans), 0, "serve: add answers SUCCESS");
	T_EQ(s.t->n, 1, "serve: the table has it");
	T_EQ(s.t->v[0].death, 1000 + 5000, "serve: default lifetime");
	T_EQ(signs(&s, req, k, b), 0, "serve: signs");
	T_EQ(signs(&s, req, k2, b2), KE_NOTFOUND, "serve: unknown key");
	agent_put_extension(req, "query", NULL, 0);
	T_EQ(ask(&s, req), 0, "serve: query");
	agent_put_extension(req, "other@example", NULL, 0);
	T_EQ(ask(&s, req), KE_NOTFOUND, "serve: unknown extension");
	agent_put_type(req, 99);
	T_EQ(ask(&s, req), KE_FORMAT, "serve: unknown type");

	/* locked: only an empty list and UNLOCK */
	agent_put_lock(req, AGENTC_LOCK, "pw");
	T_EQ(ask(&s, req), 0, "serve: lock");
	T_EQ(listed(&s, req), 0, "serve: locked: empty list");
	T_EQ(signs(&s, req, k, b), KE_LOCK, "serve: locked: no signature");
	agent_put_type(req, AGENTC_REMOVE_ALL);
	T_EQ(ask(&s, req), KE_LOCK, "serve: locked: no removal");
	agent_put_lock(req, AGENTC_UNLOCK, "bad");
	T_EQ(ask(&s, req), KE_PASSPHRASE, "serve: wrong passphrase");
	T_OK(s.t->lockout > s.now, "serve: lockout set");
	agent_put_lock(req, AGENTC_UNLOCK, "pw");
	T_EQ(ask(&s, req), AGENTSERVE_WAIT, "serve: unlock waits");
	s.now = s.t->lockout;
	agent_put_lock(req, AGENTC_UNLOCK, "pw");
	T_EQ(ask(&s, req), 0, "serve: unlock at the lockout's end");
	T_EQ(listed(&s, req), 1, "serve: unlocked: the list");

	/* confirmation */
	s.t->v[0].confirm = 1;
	agent_put_sign_request(req, buf_ptr(b), buf_len(b),
	    (const u_char *)"msg", 3, 0);
	T_EQ(ask(&s, req), AGENTSERVE_CONFIRM, "serve: asks to confirm");
	T_OK(s.id == &s.t->v[0] && buf_len(s.ans) == 0,
	    "serve: which identity, no answer yet");
	s.confirmed = AGENTSERVE_ASK_NO;
	T_EQ(signs(&s, req, k, b), KE_PERM, "serve: refused");
	s.confirmed = AGENTSERVE_ASK_YES;
	T_EQ(signs(&s, req, k, b), 0, "serve: confirmed");

	agent_put_remove(req, buf_ptr(b), buf_len(b));
	T_EQ(ask(&s, req), 0, "serve: remove");
	T_EQ(listed(&s, req), 0, "serve: removed");
	agent_put_remove(req, buf_ptr(b), buf_len(b));
	T_EQ(ask(&s, req), KE_NOTFOUND, "serve: remove again");
	agent_add_free(ad);
	buf_free(b);
	buf_free(b2);
	buf_free(req);
	buf_free(s.ans);
	key_free(k);
	key_free(k2);
	agentkeys_free(s.t);
}

void
ta_serve(void)
{
	test_requests();
}
