/*
 * agentkeys.h: the identities an agent holds, in the order added.  Keys
 * keep their private halves in sodium_malloc'd memory, wiped when an
 * identity is removed, expires or the table is freed.  Times are in
 * milliseconds on the caller's (monotonic) clock; 0 means never.
 */
#ifndef KITH_AGENTKEYS_H
#define KITH_AGENTKEYS_H

#include "compat.h"

struct agent_add;
struct buf;
struct key;

struct agent_ident {
	u_char		*blob;		/* public blob: the plain key or cert */
	size_t		 bloblen;
	struct key	*key;
	char		*comment;
	uint64_t	 death;		/* when it expires; 0: never */
	int		 confirm;	/* each use must be confirmed */
};

#define AGENTKEYS_STEP	100	/* ms of delay added per wrong unlock */
#define AGENTKEYS_MAXFAIL 100	/* ... for at most this many: 10 s */
#define AGENTKEYS_SALTLEN 32

struct agentkeys {
	struct agent_ident	*v;
	size_t			 n;
	size_t			 answerlen;	/* IDENTITIES_ANSWER's size */
	u_char			*lockhash;	/* set while locked */
	u_char			 salt[AGENTKEYS_SALTLEN];
	u_int			 fails;		/* wrong unlocks in a row */
	uint64_t		 lockout;	/* no unlock weighed before */
};

/* A new empty table (NULL on failure). */
struct agentkeys	*agentkeys_new(void);
/* Wipes and frees every identity and the table; NULL is a no-op. */
void			 agentkeys_free(struct agentkeys *);
/*
 * Adds *adp (key and comment both set) with the given expiry, taking it
 * over (*adp becomes NULL).
 * An identity with the same blob keeps its place and takes the new key,
 * comment and constraints.  KE_TOOMANY if the table would exceed
 * AGENT_MAXKEYS, KE_TOOLONG if its answer would exceed AGENT_MAXMSG
 * (*adp is left then).
 */
int			 agentkeys_add(struct agentkeys *, struct agent_add **,
			    uint64_t);
/* The identity whose blob is p[0..len), or NULL. */
struct agent_ident	*agentkeys_find(struct agentkeys *, const u_char *,
			    size_t);
/* Removes the identity whose blob is p[0..len); KE_NOTFOUND if none. */
int			 agentkeys_remove(struct agentkeys *, const u_char *,
			    size_t);
/* Removes every identity. */
void			 agentkeys_clear(struct agentkeys *);
/* Removes the identities whose death has come by now; returns how many. */
size_t			 agentkeys_expire(struct agentkeys *, uint64_t);
/* The earliest death in the table, or 0 if none expires. */
uint64_t		 agentkeys_next_death(const struct agentkeys *);
/* Appends the IDENTITIES_ANSWER body; an empty list when empty is set. */
int			 agentkeys_put_answer(struct buf *,
			    const struct agentkeys *, int);

/*
 * Locks the table with a passphrase, of which only a salted hash is
 * kept (in sodium_malloc'd memory).  KE_PASSPHRASE for an empty one,
 * KE_LOCK if the table is locked already.
 */
int			 agentkeys_lock(struct agentkeys *, const u_char *,
			    size_t);
/*
 * Unlocks at time now if the passphrase is right (compared in constant
 * time).  A wrong one is KE_PASSPHRASE and sets lockout to now plus
 * AGENTKEYS_STEP for each wrong one in a row (at most 10 s); before
 * lockout no attempt is weighed (KE_LOCK).  KE_NOTFOUND if unlocked.
 */
int			 agentkeys_unlock(struct agentkeys *, const u_char *,
			    size_t, uint64_t);

#endif /* KITH_AGENTKEYS_H */
