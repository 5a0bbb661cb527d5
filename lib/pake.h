/*
 * pake.h: CPace, suite CPACE-RISTR255-SHA512 (draft-irtf-cfrg-cpace-21):
 * ristretto255 from libsodium, SHA-512, s_in_bytes 128.  The encoding
 * helpers are exported for the known-answer tests; a pairing uses
 * pake_new, pake_share and pake_finish.  Returns are 0 or a KE_* code.
 */
#ifndef KITH_PAKE_H
#define KITH_PAKE_H

#include "compat.h"

#define PAKE_POINTLEN	32	/* an encoded ristretto255 element */
#define PAKE_SCALARLEN	32	/* a scalar, little-endian */
#define PAKE_ISKLEN	64	/* SHA-512 */
#define PAKE_DSI	"CPaceRistretto255"
#define PAKE_DSI_ISK	"CPaceRistretto255_ISK"
#define PAKE_SIDOUT	"CPaceSidOutput"

/* Roles: the initiator's message is Ya, the responder's Yb. */
#define PAKE_INITIATOR	0
#define PAKE_RESPONDER	1
#define PAKE_SYMMETRIC	2

struct buf;
struct pake;

/* One byte string: an lv_cat argument. */
struct pake_lv {
	const void	*p;
	size_t		 len;
};

/* A source of random bytes: fills buf[0..len).  NULL means libsodium. */
struct pake_rng {
	void	(*fill)(void *, void *, size_t);
	void	 *arg;
};

/* What one party brings: PRS, CI, sid and its own AD. */
struct pake_params {
	int			 role;
	struct pake_lv		 prs;
	struct pake_lv		 ci;
	struct pake_lv		 sid;
	struct pake_lv		 ad;
	const struct pake_rng	*rng;	/* NULL: randombytes_buf */
};

/* Appends prepend_len(p): the LEB128 length of p, then p. */
int	pake_prepend_len(struct buf *, const void *, size_t);
/* Appends lv_cat of n strings: each one through prepend_len. */
int	pake_lv_cat(struct buf *, const struct pake_lv *, size_t);
/* 1 if a is lexicographically larger than b (draft A.3.3), else 0. */
int	pake_lexlarger(const struct pake_lv *, const struct pake_lv *);
/* Appends o_cat(a, b): "oc", then the larger of a and b, then the other. */
int	pake_o_cat(struct buf *, const struct pake_lv *,
	    const struct pake_lv *);
/*
 * Appends the initiator-responder transcript lv_cat(Ya,ADa) ||
 * lv_cat(Yb,ADb); a and b each point at two strings, {Y, AD}.
 */
int	pake_transcript_ir(struct buf *, const struct pake_lv *,
	    const struct pake_lv *);
/* Appends the symmetric transcript o_cat(lv_cat(Ya,ADa), lv_cat(Yb,ADb)). */
int	pake_transcript_oc(struct buf *, const struct pake_lv *,
	    const struct pake_lv *);
/*
 * Appends generator_string(DSI, PRS, CI, sid, s_in_bytes): lv_cat(DSI,
 * PRS, zero padding, CI, sid).  It holds PRS: use a secure buffer.
 */
int	pake_generator_string(struct buf *, const struct pake_lv *,
	    const struct pake_lv *, const struct pake_lv *);
/* g = the ristretto255 map of SHA-512(generator_string(PRS, CI, sid)). */
int	pake_generator(u_char *, const struct pake_lv *,
	    const struct pake_lv *, const struct pake_lv *);
/*
 * A scalar uniform in [1, L-1] by rejection: 32 bytes from rng with the
 * bits above 252 cleared, redrawn while zero or not below L.
 */
int	pake_sample_scalar(u_char *, const struct pake_rng *);
/*
 * out = scalar_mult_vfy(y, X): KE_BADPOINT if X does not decode or the
 * result is the identity.  (crypto_core_ristretto255_is_valid_point
 * accepts the all-zero identity, so it is not used.)
 */
int	pake_smul_vfy(u_char *, const u_char *, const u_char *);
/* isk = SHA-512(lv_cat(DSI_ISK, sid, K) || transcript). */
int	pake_isk(u_char *, const struct pake_lv *, const u_char *,
	    const struct buf *);
/* out (64 bytes) = SHA-512("CPaceSidOutput" || transcript). */
int	pake_sid_output(u_char *, const struct buf *);

/*
 * One party's run: samples y, computes g and Y = y*g.  The state lives
 * in sodium_malloc'd memory; PRS is not kept.  Free with pake_free.
 */
int		 pake_new(const struct pake_params *, struct pake **);
/* Our message Y (PAKE_POINTLEN bytes), valid while the state lives. */
const u_char	*pake_share(const struct pake *);
/*
 * Takes the peer's Y and AD and writes ISK (PAKE_ISKLEN bytes).
 * KE_REFLECTED if the peer's Y equals ours, KE_BADPOINT if it is invalid
 * or gives the identity.  The scalar is wiped either way: a state
 * finishes once.
 */
int		 pake_finish(struct pake *, const u_char *,
		    const struct pake_lv *, u_char *);
/* Wipes and frees; NULL is a no-op. */
void		 pake_free(struct pake *);

#endif /* KITH_PAKE_H */
