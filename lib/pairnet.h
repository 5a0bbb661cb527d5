/*
 * pairnet.h: pairing over TCP.  Drives pair.h's state machine on a
 * non-blocking socket with poll(2) and absolute deadlines; for the offer
 * also the code's TTL, its attempts, one handshake at a time and the cap
 * on malformed connections (PROTOCOL.kith, "Limits and errors").  Never
 * prints: the tool hears of each connection through the event hook.
 */
#ifndef KITH_PAIRNET_H
#define KITH_PAIRNET_H

#include "compat.h"

#define PAIRNET_PORT		"5484"	/* "kith" on a phone keypad */
#define PAIRNET_SYNC_PORT	"5485"	/* serve and pull */
#define PAIRNET_ATTEMPTS	1	/* runs that may spend a guess */
#define PAIRNET_MAXATTEMPTS	3
#define PAIRNET_MAXBAD		32	/* malformed connections, then stop */
#define PAIRNET_TTL		600	/* seconds */
#define PAIRNET_MAXTTL		3600
#define PAIRNET_READ_MS		10000	/* idle, per read or write */
#define PAIRNET_CONFIRM_MS	30000	/* connected to confirmed: M0..M3 */
#define PAIRNET_SESSION_MS	120000	/* connected to done */
#define PAIRNET_MAXCONN		8	/* serve: runs at once */
#define PAIRNET_ADDRLEN		80	/* "[address]:port" */
#define PAIRNET_PORTLEN		32	/* a port as text (NI_MAXSERV) */
/* Test only: a factor for the three timeouts above, e.g. "0.1". */
#define PAIRNET_SCALE_ENV	"KITH_PAIR_TIMEOUT_SCALE"

/* How an offer ended (pairnet_stats.end). */
#define PAIRNET_PAIRED		0
#define PAIRNET_BURNED		1	/* every attempt spent */
#define PAIRNET_EXPIRED		2	/* the TTL passed */
#define PAIRNET_FLOODED		3	/* too many malformed connections */
#define PAIRNET_FAILED		4	/* a local error (the return value) */

/* What the event hook hears (pairnet_event.type). */
#define PAIRNET_EV_START	1	/* a run starts with addr */
#define PAIRNET_EV_REFUSED	2	/* busy: addr was closed unheard */
#define PAIRNET_EV_CONFIRMED	3	/* the codes matched: pair_sas works */
#define PAIRNET_EV_FAILED	4	/* an offer's run failed with err */
#define PAIRNET_EV_DONE		5	/* serve: a run succeeded (st is final) */

struct pair;
struct pair_conf;

struct pairnet_limits {
	u_int		 attempts;	/* 1..PAIRNET_MAXATTEMPTS */
	u_int		 maxbad;
	uint64_t	 ttl_ms;
	uint64_t	 read_ms;
	uint64_t	 confirm_ms;
	uint64_t	 session_ms;
	u_int		 maxconn;	/* serve: runs at once */
};

struct pairnet_stats {
	int		 end;		/* offer: PAIRNET_PAIRED... */
	u_int		 attempts;	/* runs that spent a guess */
	u_int		 bad;		/* malformed connections */
	u_int		 refused;	/* turned away while busy */
	uint64_t	 sent;		/* bytes written in the last run */
	uint64_t	 received;	/* bytes read in it */
	uint64_t	 usec;		/* its wall time */
	char		 peer[PAIRNET_ADDRLEN];	/* its peer */
};

struct pairnet_event {
	int		 type;
	int		 err;		/* EV_FAILED: the run's KE_* code */
	int		 spent;		/* EV_FAILED: it cost an attempt */
	const char	*addr;
	const struct pair *pair;	/* EV_CONFIRMED */
	const struct pairnet_stats *st;
};

struct pairnet_hooks {
	/*
	 * The peer's vouch and bundle are in: check them.  Nonzero ends the
	 * run before we send what lets the peer finish (join: M5, offer: M6).
	 */
	int	(*check)(void *, const struct pair *);
	/* Stores the result: the offer before it sends M6, the join after. */
	int	(*commit)(void *, const struct pair *);
	/* Optional: what happens, as it happens. */
	void	(*event)(void *, const struct pairnet_event *);
	void	*arg;
};

/* The defaults: one attempt, 10 min, 10 s / 30 s / 120 s. */
void	pairnet_limits_default(struct pairnet_limits *);
/*
 * Multiplies the three timeouts by the decimal factor s (0.001 to 1000;
 * for tests); NULL or "" changes nothing.  KE_FORMAT or KE_RANGE.
 */
int	pairnet_scale(struct pairnet_limits *, const char *);
/*
 * A TTL: "N" or "Ns" seconds, "Nm" minutes, 1 s to PAIRNET_MAXTTL s, into
 * *msp in milliseconds.  KE_FORMAT or KE_RANGE.
 */
int	pairnet_parse_ttl(const char *, uint64_t *);
/*
 * A port: decimal digits, 1 to 65535, or 0 as well when zero is set (a
 * listener's "the kernel chooses").  KE_FORMAT, or KE_RANGE.
 */
int	pairnet_parse_port(const char *, int);
/*
 * Splits "host", "host:port", "[address]" or "[address]:port" (a bare
 * IPv6 address has no port) into malloc'd *hostp and *portp; the port is
 * defport when absent.  KE_FORMAT, or KE_RANGE for a bad port.
 */
int	pairnet_parse_host(const char *, const char *, char **, char **);
/*
 * A listening non-blocking TCP socket *fdp on addr (NULL: every address,
 * IPv6 and IPv4) and port.
 */
int	pairnet_listen(const char *, const char *, int *);
/*
 * The port socket fd is bound to, as a decimal string in out (len bytes,
 * PAIRNET_PORTLEN is enough): what "-p 0" got from the kernel.
 */
int	pairnet_port(int, char *, size_t);

/*
 * The offer, on the listening socket lfd: takes one connection at a time
 * (closing the others unheard) and runs pair_offer_new(c) on it, until a
 * run pairs (0), every attempt is spent (the last run's error), the TTL
 * passes (KE_ERRNO(ETIMEDOUT)) or maxbad connections failed without
 * spending one (the last error); st->end says which.  A run that has
 * started when the TTL passes may finish.
 */
int	pairnet_offer(int, const struct pair_conf *,
	    const struct pairnet_limits *, const struct pairnet_hooks *,
	    struct pairnet_stats *);
/*
 * Sync's serve, on the listening socket lfd: accepts connections for
 * ever, each run (pair_offer_new(c), c with PAIR_F_SYNC) in a child
 * process, at most lim->maxconn at once while the others wait in the
 * backlog.  The child tells the event hook how its run ended
 * (PAIRNET_EV_DONE or _FAILED) and exits.  Returns only on a local
 * error (accept, fork).
 */
int	pairnet_serve(int, const struct pair_conf *,
	    const struct pairnet_limits *, const struct pairnet_hooks *);
/*
 * The join (or sync's pull, c with PAIR_F_SYNC): checks the code
 * (KE_FORMAT, KE_CHECKDIGIT) before it connects to host and port (each address in turn, read_ms each), then
 * runs pair_join_new(c).  0 once the commit hook has stored the result.
 */
int	pairnet_join(const char *, const char *, const struct pair_conf *,
	    const struct pairnet_limits *, const struct pairnet_hooks *,
	    struct pairnet_stats *);
/*
 * One run of p on the connected non-blocking socket fd, as the offer or
 * the join, under lim's deadlines (KE_ERRNO(ETIMEDOUT)); while it runs,
 * connections to lfd (-1: none) are closed unheard.  Counts st->attempts
 * (offer), sent, received and usec.  Returns 0 once committed: the offer
 * commits before it sends M6 and is paired even if M6 then fails to go.
 */
int	pairnet_run(int, int, int, struct pair *,
	    const struct pairnet_limits *, const struct pairnet_hooks *,
	    struct pairnet_stats *);

#endif /* KITH_PAIRNET_H */
