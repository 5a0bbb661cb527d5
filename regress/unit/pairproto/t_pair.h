/*
 * t_pair.h: an in-process harness for pairing runs: two parties, the
 * wire between them and a relay that may tamper with, replace, truncate
 * or record every message.
 */
#ifndef KITH_T_PAIR_H
#define KITH_T_PAIR_H

#include "compat.h"

#define TP_CODE		"482-193-7063"	/* Damm-valid */
#define TP_OTHER	"111-111-1110"	/* Damm-valid, wrong */
#define TP_MAXMSG	16

/* What a party's sign callback does. */
#define SIGN_OK		0
#define SIGN_ROLE	1	/* signs with the other role's label */
#define SIGN_OLDTH	2	/* signs over oldth instead of TH */
#define SIGN_BADSIG	3	/* flips a bit of the signature */
#define SIGN_OTHERKEY	4	/* signs with another key */

struct buf;
struct pair;
struct pake_rng;
struct run;

struct party {
	struct pair	*p;
	const char	*code;
	const char	*name;
	uint8_t		 flags;
	u_char		 pk[32];
	u_char		 sk[64];
	int		 sign_mode;
	int		 nsign;		/* sign callback calls */
	int		 npayload;
	u_char		 oldth[64];
	size_t		 bundlelen;	/* our bundle's size */
	size_t		 vouchpad;	/* extra bytes on our vouch */
	struct buf	*in;		/* received, not yet consumed */
	int		 result;	/* PAIR_DONE, an error, 0 */
	int		 stalled;	/* waiting when all stopped */
	int		 spent_at;	/* the message that spent it */
	unsigned int	 checking;	/* bit n: pair_peer_checking after
					 * making message n */
	int		 offer;
	const struct pake_rng *rng;
	uint64_t	 cpu_ns;	/* thread CPU inside pair_* calls */
};

struct run {
	struct party	 a;		/* offer */
	struct party	 b;		/* join */
	struct buf	*wire[2];	/* 0: a->b, 1: b->a */
	int		 closed[2];	/* the sender hung up */
	int		 cut[2];	/* hang up after this message */
	int		 greedy;	/* read all, not pair_want */
	/* every message as sent (before the relay) and as delivered */
	struct buf	*sent[TP_MAXMSG];
	struct buf	*delivered[TP_MAXMSG];
	int		 dir[TP_MAXMSG];
	int		 nmsg;
	/* may rewrite message idx going in direction dir */
	void		(*relay)(struct run *, int, int, struct buf *);
	void		*relay_arg;
};

/* A party with a key from seed, TP_CODE and a 100-byte bundle. */
void	tp_party(struct party *, u_char, const char *);
/* Sets up a run between two parties made by tp_party. */
void	tp_init(struct run *);
/* Creates the pair states and drives both until nothing moves. */
void	tp_go(struct run *);
/* Frees the run's states and buffers. */
void	tp_free(struct run *);
/* 1 if x finished with the right peer, vouch and bundle from y. */
int	tp_good(const struct party *, const struct party *);
/* Both DONE, each with the other as peer. */
int	tp_ok(const struct run *);
/* The bytes party x expects as the vouch and bundle from y. */
void	tp_payload(const struct party *, const struct party *, struct buf *,
	    struct buf *);

/* A relay (relay_arg: a struct tp_flip) flipping one bit of one message. */
struct tp_flip {
	int	 idx;		/* the message */
	size_t	 bit;
};
void	tp_relay_flip(struct run *, int, int, struct buf *);

/* A sign callback for runs that must never get to signing. */
int	tp_nosign(void *, const u_char *, size_t, u_char *);
/* Thread CPU time in nanoseconds. */
uint64_t tp_cpu(void);

/* "name = hex" vectors of a data file: loads; looks one up (exits). */
void	tv_load(const char *);
const u_char *tv(const char *, size_t *);

void	test_code(void);
void	test_proto(void);
void	test_runs(void);
void	test_negative(void);
void	test_tamper(void);
void	test_bench(void);
void	test_evil(void);
void	test_sync(void);

#endif /* KITH_T_PAIR_H */
