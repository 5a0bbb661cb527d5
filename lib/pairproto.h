/*
 * pairproto.h: the kith-share/1 pairing wire format and key schedule
 * (PROTOCOL.kith, "Pairing").  The offerer A is the CPace responder, the
 * joiner B the initiator:
 *
 *	M0 A->B	hdr || nA
 *	M1 B->A	hdr || nB || Ya
 *	M2 A->B	Yb || tagA
 *	M3 B->A	tagB || ssHdr_BA || F(IDENT_B)
 *	M4 A->B	ssHdr_AB || F(IDENT_A) || F(VOUCH_A) || F(BUNDLE_A...)
 *	M5 B->A	F(VOUCH_B) || F(BUNDLE_B...) || F(DONE, final)
 *	M6 A->B	F(DONE, final)
 *
 * The state machine is in pair.h; these are its pieces, exported for
 * the tests.  Returns are 0 or a KE_* code.
 */
#ifndef KITH_PAIRPROTO_H
#define KITH_PAIRPROTO_H

#include "compat.h"

#define PAIR_MAGIC	"KITH-SH\x01"	/* its last byte: the version */
#define PAIR_MAGICLEN	8
#define PAIR_SUITE	0x01	/* CPace ristretto255, BLAKE2b, XChaCha */
#define PAIR_F_SAS	0x01	/* the sender shows the SAS */
#define PAIR_F_SYNC	0x02	/* sync: no code, PAIR_SYNC_PRS */
#define PAIR_F_ALL	(PAIR_F_SAS | PAIR_F_SYNC)
/*
 * Sync runs the same protocol with this public PRS: CPace then is an
 * unauthenticated ephemeral Diffie-Hellman, and the IDENT signatures
 * over TH (which covers both headers, so the flag) authenticate.
 */
#define PAIR_SYNC_PRS	"kith-share/1 sync: no code"
#define PAIR_HDRLEN	(PAIR_MAGICLEN + 2)
#define PAIR_NONCELEN	16
#define PAIR_POINTLEN	32
#define PAIR_TAGLEN	32
#define PAIR_HASHLEN	64	/* TH2 and TH */
#define PAIR_KEYLEN	32
#define PAIR_SASLEN	7	/* 6 digits and a NUL */
#define PAIR_MAXNAME	255

#define PAIR_M0LEN	(PAIR_HDRLEN + PAIR_NONCELEN)
#define PAIR_M1LEN	(PAIR_HDRLEN + PAIR_NONCELEN + PAIR_POINTLEN)
#define PAIR_M2LEN	(PAIR_POINTLEN + PAIR_TAGLEN)

/* Record types inside the channel. */
#define PAIR_REC_IDENT	0x01
#define PAIR_REC_VOUCH	0x02
#define PAIR_REC_BUNDLE	0x03
#define PAIR_REC_DONE	0x04

/* Role labels for IDENT signatures. */
#define PAIR_ROLE_OFFER	"offer"
#define PAIR_ROLE_JOIN	"join"

struct buf;

/* What the key schedule yields; keep it in sodium_malloc'd memory. */
struct pair_keys {
	u_char	th2[PAIR_HASHLEN];
	u_char	tag_a[PAIR_TAGLEN];	/* offer's confirmation */
	u_char	tag_b[PAIR_TAGLEN];	/* join's confirmation */
	u_char	k_ba[PAIR_KEYLEN];	/* stream join->offer */
	u_char	k_ab[PAIR_KEYLEN];	/* stream offer->join */
	u_char	sas[PAIR_KEYLEN];
	u_char	th[PAIR_HASHLEN];	/* IDENT signatures cover it */
};

/* Appends hdr: magic and version, suite, flags. */
int	pairproto_put_hdr(struct buf *, uint8_t);
/*
 * Consumes hdr from b: KE_MAGIC, or KE_VERSION for another version,
 * suite or an unknown flag.  *flagsp gets the flags.
 */
int	pairproto_get_hdr(struct buf *, uint8_t *);
/* Appends CI = lv_cat("kith-share/1", roles, hdr_M0, hdr_M1). */
int	pairproto_ci(struct buf *, const u_char *, const u_char *);
/* th2 = BLAKE2b-512(lv_cat("kith-share/1 th2", M0, M1, Yb)). */
int	pairproto_th2(u_char *, const struct buf *, const struct buf *,
	    const u_char *);
/* out = KDF(label): BLAKE2b-256 keyed by ISK over lv_cat(v1, label, th2). */
int	pairproto_kdf(u_char *, const u_char *, const char *,
	    const u_char *);
/*
 * Fills k from ISK (PAKE_ISKLEN bytes), M0, M1 and Yb: TH2, both tags,
 * both stream keys, the SAS key and TH.
 */
int	pairproto_schedule(struct pair_keys *, const u_char *,
	    const struct buf *, const struct buf *, const u_char *);
/* The 6-digit short authentication string of k, NUL terminated. */
void	pairproto_sas(const struct pair_keys *, char *);
/* Appends lv_cat("kith-share/1 ident", role, TH, pk, name): what is signed. */
int	pairproto_ident_msg(struct buf *, const char *, const u_char *,
	    const u_char *, const char *);
/* 0 if name is at most PAIR_MAXNAME printable ASCII characters. */
int	pairproto_check_name(const char *);
/* Appends IDENT = pk || sig || u8 length || name. */
int	pairproto_put_ident(struct buf *, const u_char *, const u_char *,
	    const char *);
/*
 * Parses an IDENT filling all of b into pk, sig and name (PAIR_MAXNAME +
 * 1 bytes); a name is printable ASCII, else KE_FORMAT.
 */
int	pairproto_get_ident(struct buf *, u_char *, u_char *, char *);
/* Verifies sig by pk over the IDENT message for role; KE_SIGNATURE. */
int	pairproto_ident_verify(const char *, const u_char *, const u_char *,
	    const u_char *, const char *);

#endif /* KITH_PAIRPROTO_H */
