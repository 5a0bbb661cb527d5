/* agentserve.c: the agent's answer to one request. */
#include "compat.h"

#include <string.h>

#include "agentkeys.h"
#include "agentproto.h"
#include "agentserve.h"
#include "buf.h"
#include "kerr.h"
#include "key.h"

/* The extensions known: only "query", which lists them. */
static const char *const exts[] = { "query" };

static int
do_sign(struct agentkeys *t, const struct agent_req *rq, int confirmed,
    struct buf *ans, struct agent_ident **idp)
{
	struct agent_ident *id;
	u_char sig[KEY_SIGLEN];
	int r;

	if ((id = agentkeys_find(t, rq->blob, rq->bloblen)) == NULL)
		return KE_NOTFOUND;
	if (id->confirm && confirmed == AGENTSERVE_ASK_NONE) {
		*idp = id;
		return AGENTSERVE_CONFIRM;
	}
	if (id->confirm && confirmed != AGENTSERVE_ASK_YES)
		return KE_PERM;
	if ((r = key_sign_raw(id->key, rq->data, rq->datalen, sig)) == 0)
		r = agent_put_sign_response(ans, sig);
	return r;
}

static int
do_add(struct agentkeys *t, uint64_t life, struct agent_req *rq,
    uint64_t now)
{
	uint64_t death = 0;

	if (rq->add->haslife)
		death = now + (uint64_t)rq->add->lifetime * 1000;
	else if (life != 0)
		death = now + life;
	return agentkeys_add(t, &rq->add, death);
}

int
agentserve_handle(struct agentkeys *t, uint64_t life, struct agent_req *rq,
    int confirmed, uint64_t now, struct buf *ans, struct agent_ident **idp)
{
	int r;

	*idp = NULL;
	if (t->lockhash != NULL && rq->type != AGENTC_UNLOCK)
		return rq->type == AGENTC_REQUEST_IDENTITIES ?
		    agentkeys_put_answer(ans, t, 1) : KE_LOCK;
	switch (rq->type) {
	case AGENTC_REQUEST_IDENTITIES:
		return agentkeys_put_answer(ans, t, 0);
	case AGENTC_SIGN_REQUEST:
		return do_sign(t, rq, confirmed, ans, idp);
	case AGENTC_EXTENSION:
		return strcmp(rq->name, "query") != 0 ? KE_NOTFOUND :
		    agent_put_query_response(ans, exts, nitems(exts));
	case AGENTC_ADD_IDENTITY:
	case AGENTC_ADD_ID_CONSTRAINED:
		r = do_add(t, life, rq, now);
		break;
	case AGENTC_REMOVE_IDENTITY:
		r = agentkeys_remove(t, rq->blob, rq->bloblen);
		break;
	case AGENTC_REMOVE_ALL:
	case AGENTC_REMOVE_ALL_RSA:
		agentkeys_clear(t);
		r = 0;
		break;
	case AGENTC_LOCK:
		r = agentkeys_lock(t, rq->data, rq->datalen);
		break;
	case AGENTC_UNLOCK:
		r = agentkeys_unlock(t, rq->data, rq->datalen, now);
		if (r == KE_LOCK)
			r = AGENTSERVE_WAIT;
		break;
	default:
		r = KE_FORMAT;
	}
	return r != 0 ? r : agent_put_type(ans, AGENT_SUCCESS);
}
