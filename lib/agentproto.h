/*
 * agentproto.h: the ssh-agent protocol (../shared/spec/openssh.md §7),
 * Ed25519 keys only.  Everything here works on message bodies: the type
 * byte and what follows it, without the uint32 length that frames a
 * message on the socket (agent_frame adds it).  Parsers consume the
 * whole body; anything left over is KE_TRAILING.
 */
#ifndef KITH_AGENTPROTO_H
#define KITH_AGENTPROTO_H

#include "compat.h"

#define AGENT_MAXMSG	(256 * 1024)	/* the largest body allowed */
#define AGENT_MAXKEYS	2048		/* the most identities clients take */
#define AGENT_MAXCONN	1024		/* clients at once; more: hung up on */

/* Message types. */
#define AGENT_FAILURE			5
#define AGENT_SUCCESS			6
#define AGENTC_REMOVE_ALL_RSA		9	/* legacy; removes all too */
#define AGENTC_REQUEST_IDENTITIES	11
#define AGENT_IDENTITIES_ANSWER		12
#define AGENTC_SIGN_REQUEST		13
#define AGENT_SIGN_RESPONSE		14
#define AGENTC_ADD_IDENTITY		17
#define AGENTC_REMOVE_IDENTITY		18
#define AGENTC_REMOVE_ALL		19
#define AGENTC_LOCK			22
#define AGENTC_UNLOCK			23
#define AGENTC_ADD_ID_CONSTRAINED	25
#define AGENTC_EXTENSION		27
#define AGENT_EXTENSION_FAILURE		28
#define AGENT_EXTENSION_RESPONSE	29

/* Key constraints in ADD_ID_CONSTRAINED. */
#define AGENT_CONSTRAIN_LIFETIME	1
#define AGENT_CONSTRAIN_CONFIRM		2
#define AGENT_CONSTRAIN_MAXSIGN		3
#define AGENT_CONSTRAIN_EXTENSION	255

/*
 * The answer kith's client reports as a refusal.  kerr.h has no code of
 * its own for "the agent said FAILURE" yet, so it borrows this one.
 */

struct buf;
struct key;

/* An identity to add: a key with its private half, and constraints. */
struct agent_add {
	struct key	*key;		/* private half set; cert if one */
	char		*comment;
	uint32_t	 lifetime;	/* seconds, when haslife */
	int		 haslife;
	int		 confirm;
};

/*
 * A parsed request.  blob and data point into the body it was parsed
 * from and are valid only while that is.  type is set for any type,
 * known or not; the other fields only for the types named.
 */
struct agent_req {
	uint8_t		 type;
	const u_char	*blob;		/* SIGN, REMOVE: a key blob */
	size_t		 bloblen;
	const u_char	*data;		/* SIGN: the data; LOCK, UNLOCK: the
					   passphrase; EXTENSION: the rest */
	size_t		 datalen;
	uint32_t	 flags;		/* SIGN */
	char		*name;		/* EXTENSION: the name (malloc'd) */
	struct agent_add *add;		/* ADD_IDENTITY, ADD_ID_CONSTRAINED */
};

/* One identity of an IDENTITIES_ANSWER (malloc'd fields). */
struct agent_id {
	u_char		*blob;
	size_t		 bloblen;
	char		*comment;
};

/*
 * Parses a request body into *rq (which agent_req_clear empties).  An
 * unknown type is not an error: only rq->type is set.  Errors: those of
 * the cursor, KE_KEYTYPE for a key that is not Ed25519, KE_KEYMISMATCH
 * when the halves of an added key disagree, KE_NUL for a NUL in a
 * comment, name or passphrase, KE_FORMAT for an empty body or a bad,
 * unsupported or repeated constraint.
 */
int	agent_parse_request(struct buf *, struct agent_req *);
/* Frees what *rq holds (wiping the key) and zeroes it. */
void	agent_req_clear(struct agent_req *);
/* Frees an identity to add, wiping its key; NULL is a no-op. */
void	agent_add_free(struct agent_add *);

/* Request bodies, appended to b (a client's side). */
int	agent_put_type(struct buf *, uint8_t);
int	agent_put_sign_request(struct buf *, const u_char *, size_t,
	    const u_char *, size_t, uint32_t);
/* ADD_IDENTITY, or ADD_ID_CONSTRAINED when a constraint is set. */
int	agent_put_add(struct buf *, const struct agent_add *);
int	agent_put_remove(struct buf *, const u_char *, size_t);
/* LOCK or UNLOCK (type) with a passphrase. */
int	agent_put_lock(struct buf *, uint8_t, const char *);
int	agent_put_extension(struct buf *, const char *, const u_char *,
	    size_t);

/* Answer bodies (the agent's side). */
int	agent_put_identities(struct buf *, const struct agent_id *, size_t);
/* SIGN_RESPONSE with string "ssh-ed25519" + string sig (64 bytes). */
int	agent_put_sign_response(struct buf *, const u_char *);
/* EXTENSION_RESPONSE to "query": the names of the extensions known. */
int	agent_put_query_response(struct buf *, const char *const *, size_t);
/* Appends uint32 len + body to out; KE_TOOLONG past AGENT_MAXMSG. */
int	agent_frame(struct buf *, const struct buf *);
/*
 * Looks at the framed messages at the front of in without consuming:
 * 1 if the first is whole, with *bodyp a view of its body (valid until
 * in changes; free it) and *usedp its size with the frame; 0 if it is
 * not whole yet; KE_TOOLONG past AGENT_MAXMSG and KE_FORMAT for an
 * empty one, after which the stream cannot be followed.
 */
int	agent_peek_message(const struct buf *, struct buf **, size_t *);

/*
 * Answer parsers (a client's side).  Each returns KE_AGENT for FAILURE
 * (and the codes OpenSSH's client treats as failure: 28, 30, 102) and
 * KE_FORMAT for any other unexpected type.
 */
int	agent_parse_status(struct buf *);
/* A new array *idsp of *np identities; free with agent_ids_free. */
int	agent_parse_identities(struct buf *, struct agent_id **, size_t *);
void	agent_ids_free(struct agent_id *, size_t);
/* The 64-byte signature of an Ed25519 SIGN_RESPONSE. */
int	agent_parse_sign_response(struct buf *, u_char *);
/* The names in a "query" answer; free with agent_names_free. */
int	agent_parse_query_response(struct buf *, char ***, size_t *);
void	agent_names_free(char **, size_t);

#endif /* KITH_AGENTPROTO_H */
