/*
 * pair.h: the kith-share/1 pairing state machine for both roles, over
 * buffers (pairproto.h has the messages).  The tool owns the socket, the
 * timeouts, the attempt count and the TTL; it drives a run like this:
 *
 *	for (;;) {
 *		r = pair_step(p, in, out);
 *		PAIR_SEND: write all of out, empty it
 *		PAIR_NEED: read at most pair_want(p) bytes onto in;
 *		    at EOF, r = pair_eof(p, in) and stop
 *		else stop: PAIR_DONE or a KE_* error
 *	}
 *
 * On the offer side, count the attempt when pair_spent() first turns 1
 * (the step that returns M2), before writing out.  Errors are sticky and
 * wipe every secret; out is then to be discarded.
 */
#ifndef KITH_PAIR_H
#define KITH_PAIR_H

#include "compat.h"

#define PAIR_NEED	1	/* read more, then step again */
#define PAIR_SEND	2	/* send out, then step again */
#define PAIR_DONE	3	/* finished; the peer's results are ready */

/* A bundle's compressed bytes: as a bundle file's (BUNDLE_MAXFILE). */
#define PAIR_MAXBUNDLE	KITH_MAXFILE

struct buf;
struct pair;
struct pake_rng;

struct pair_conf {
	const char	*code;	/* as typed (paircode_parse); not for sync */
	const u_char	*pk;	/* our Ed25519 key, KEY_PKLEN bytes */
	const char	*name;	/* printable ASCII, <= PAIR_MAXNAME */
	uint8_t		 flags;	/* PAIR_F_SAS: we show the SAS; PAIR_F_SYNC */
	/*
	 * Signs msg[0..len) with pk's private half into sig (KEY_SIGLEN
	 * bytes), e.g. through the agent; 0 or a KE_* code.
	 */
	int		(*sign)(void *, const u_char *, size_t, u_char *);
	/*
	 * Called once the peer's identity is proven (pair_peer_pk, _name
	 * and pair_th are set): appends our vouch for the peer (at most
	 * CHAN_MAXBODY bytes) and our bundle (at most PAIR_MAXBUNDLE).
	 * NULL sends both empty.
	 */
	int		(*payload)(void *, const struct pair *, struct buf *,
			    struct buf *);
	void		*arg;	/* passed to sign and payload */
	/* Nonces and scalars; NULL: libsodium. */
	const struct pake_rng *rng;
};

/*
 * A run as offerer (listens, CPace responder) or joiner (connects,
 * initiator).  The code is checked first: KE_FORMAT for junk,
 * KE_CHECKDIGIT for a typo, so join can refuse before connecting.  With
 * PAIR_F_SYNC there is no code (sync: peers that trust each other), and
 * a peer of the other mode is KE_PEERMODE at its header.  The
 * conf's strings are copied; its callbacks and arg must outlive the run.
 */
int	pair_offer_new(const struct pair_conf *, struct pair **);
int	pair_join_new(const struct pair_conf *, struct pair **);
/* Wipes and frees; NULL is a no-op. */
void	pair_free(struct pair *);

/*
 * Consumes whole messages or frames from in and appends what to send to
 * out.  Returns PAIR_NEED, PAIR_SEND, PAIR_DONE or a KE_* error:
 * KE_WRONGCODE (a confirmation tag failed: wrong code, a replay or
 * tampering before the keys), KE_DECRYPT (a record was tampered with,
 * replayed, reordered, dropped or reflected), KE_REFLECTED (our own
 * share or key came back), KE_SIGNATURE (an IDENT signature), KE_BADPOINT,
 * KE_MAGIC or KE_VERSION (header), KE_FRAMELEN, KE_PROTOCOL (a record out
 * of order), KE_TRAILING (bytes the peer had no turn to send), KE_TOOBIG.
 */
int	pair_step(struct pair *, struct buf *, struct buf *);
/* After PAIR_NEED: how many more bytes the next step needs (>= 1). */
size_t	pair_want(const struct pair *);
/*
 * The peer closed the connection, leaving in unconsumed: 0 after
 * PAIR_DONE, KE_WRONGCODE if the joiner hung up on our M2 (what it does
 * when tagA fails), else KE_TRUNCATED.  The run is over either way.
 */
int	pair_eof(struct pair *, const struct buf *);
/* 1 once this run has used up a guess (offer: M2 made; join: M1). */
int	pair_spent(const struct pair *);

/* The peer's verified key (KEY_PKLEN bytes) and name, or NULL before. */
const u_char	*pair_peer_pk(const struct pair *);
const char	*pair_peer_name(const struct pair *);
/*
 * 1 once the peer's vouch and whole bundle are in (the join after M4,
 * the offer after M5), so the tool can check them before it sends what
 * the step made: nothing the peer would take as DONE leaves before that.
 */
int		 pair_peer_complete(const struct pair *);
/* The peer's vouch and bundle as received; complete after PAIR_DONE. */
const struct buf *pair_peer_vouch(const struct pair *);
const struct buf *pair_peer_bundle(const struct pair *);
/*
 * 1 while the peer checks the bundle we sent and we wait for its answer
 * (the offer after M4, the join after M5): a big bundle takes seconds to
 * verify, so the tool waits under the session deadline, not the idle one.
 * Both identities are proven by then.
 */
int		 pair_peer_checking(const struct pair *);
/* The transcript hash TH (PAIR_HASHLEN bytes) once confirmed, or NULL. */
const u_char	*pair_th(const struct pair *);
/* 1 if either side asked for the SAS to be shown. */
int		 pair_show_sas(const struct pair *);
/* The 6-digit SAS (PAIR_SASLEN bytes) once confirmed; else KE_PROTOCOL. */
int		 pair_sas(const struct pair *, char *);

#endif /* KITH_PAIR_H */
