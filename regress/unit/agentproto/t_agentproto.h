/* t_agentproto.h: shared by the agentproto unit tests and test client. */
#ifndef KITH_T_AGENTPROTO_H
#define KITH_T_AGENTPROTO_H

#include "compat.h"

struct agent_add;
struct buf;
struct key;

/* A fresh key pair (exits on failure). */
struct key		*ta_keygen(void);
/* A user certificate of k signed by a fresh CA, k's private half kept. */
struct key		*ta_certkey(void);
/* An identity to add: a copy of k (private half too) with a comment. */
struct agent_add	*ta_add(const struct key *, const char *);
/* The plain or certificate blob of k in a new buffer. */
struct buf		*ta_blob(const struct key *);

/* In test_agentkeys.c, test_agentserve.c and test_askpass.c. */
void	ta_keys(void);
void	ta_serve(void);
void	ta_askpass(void);

/* In t_client.c: the test client's modes; returns the exit status. */
int	ta_client(int, char **);

#endif /* KITH_T_AGENTPROTO_H */
