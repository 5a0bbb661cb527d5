/*
 * agentserve.h: the agent's answer to one request, as a function of its
 * table of identities and the time: what kith-agent runs for each
 * message, without its sockets, clock or confirmation prompts (and what
 * fuzz/agent drives).
 */
#ifndef KITH_AGENTSERVE_H
#define KITH_AGENTSERVE_H

#include "compat.h"

/* agentserve_handle's answers besides 0 and the KE_* codes. */
#define AGENTSERVE_WAIT		1	/* answer later (the keys' lockout) */
#define AGENTSERVE_CONFIRM	2	/* ask the user about *idp first */

/* What the user said to a confirmation prompt. */
#define AGENTSERVE_ASK_NONE	0	/* nothing asked yet */
#define AGENTSERVE_ASK_YES	1
#define AGENTSERVE_ASK_NO	2

struct agent_ident;
struct agent_req;
struct agentkeys;
struct buf;

/*
 * Answers rq on t at time now (ms): appends the answer body to ans and
 * returns 0, or returns a KE_* code for a FAILURE answer (ans is then
 * to be discarded).  An added identity without a lifetime of its own
 * lives life ms (0: forever); rq->add is taken.  An unlock before
 * t->lockout gives AGENTSERVE_WAIT (to be retried then); a wrong one
 * moves t->lockout on.  A signature by an identity that asks for
 * confirmation gives AGENTSERVE_CONFIRM (*idp set) while confirmed is
 * AGENTSERVE_ASK_NONE, and KE_PERM when it is AGENTSERVE_ASK_NO.
 */
int	agentserve_handle(struct agentkeys *, uint64_t, struct agent_req *,
	    int, uint64_t, struct buf *, struct agent_ident **);

#endif /* KITH_AGENTSERVE_H */
