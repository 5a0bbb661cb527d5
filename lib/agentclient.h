/*
 * agentclient.h: a small ssh-agent client, enough to list identities and
 * have Ed25519 data signed by kith-agent or OpenSSH's ssh-agent.  Calls
 * block; answers over AGENT_MAXMSG are refused (KE_TOOLONG).
 */
#ifndef KITH_AGENTCLIENT_H
#define KITH_AGENTCLIENT_H

#include "compat.h"

#define AGENT_SOCK_ENV	"SSH_AUTH_SOCK"

struct agent_id;
struct buf;

struct agentclient;

/*
 * Connects to the socket path, or to $SSH_AUTH_SOCK when path is NULL
 * (KE_NOTFOUND if that is unset or empty).  Close with agentclient_close.
 */
int	agentclient_open(const char *, struct agentclient **);
/* Closes the connection; NULL is a no-op. */
void	agentclient_close(struct agentclient *);
/*
 * Sends one request body and reads the answer body into a new *ansp
 * (the caller frees it).  KE_TRUNCATED if the agent hangs up.
 */
int	agentclient_call(struct agentclient *, const struct buf *,
	    struct buf **);
/* The agent's identities, as agent_parse_identities returns them. */
int	agentclient_list(struct agentclient *, struct agent_id **, size_t *);
/*
 * The blob of the identity holding the Ed25519 key pk: the plain key if
 * the agent lists it, else a certificate of it.  *blobp is malloc'd.
 * KE_NOTFOUND if the agent has neither.
 */
int	agentclient_find(struct agentclient *, const u_char *, u_char **,
	    size_t *);
/*
 * Has the identity blob sign data; sig gets the 64-byte signature,
 * unchecked.  KE_AGENT if the agent refuses.
 */
int	agentclient_sign_blob(struct agentclient *, const u_char *, size_t,
	    const u_char *, size_t, u_char *);
/*
 * Has the agent sign data with the key pk (agentclient_find) and checks
 * the signature (KE_SIGNATURE if it is not pk's).
 */
int	agentclient_sign(struct agentclient *, const u_char *, const u_char *,
	    size_t, u_char *);

/* An SSHSIG signer (lib/sshsig.h) signing as pk through an agent. */
struct agentsigner {
	struct agentclient	*ac;
	u_char			 pk[32];
};
struct sshsig_signer;
/* Fills s to sign through ac as pk; as holds the state (both outlive s). */
void	agentclient_signer(struct agentclient *, const u_char *,
	    struct agentsigner *, struct sshsig_signer *);

#endif /* KITH_AGENTCLIENT_H */
