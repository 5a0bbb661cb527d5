/* t_trust.h: helpers shared by the trust unit tests. */
#ifndef KITH_T_TRUST_H
#define KITH_T_TRUST_H

#include "trust.h"

#define TB_NOW	1000

/*
 * A trust_input under construction.  Keys are small numbers (0 is the
 * root); tb_pk turns them into public keys.
 */
struct tb {
	struct trust_vouch *v;
	size_t		 nv;
	size_t		 cap;
	u_char		(*revoked)[TRUST_PKLEN];
	size_t		 nrevoked;
	struct trust_succ *succ;
	size_t		 nsucc;
	u_int		 threshold;
	uint64_t	 now;
};

/* An empty input: threshold 1, now TB_NOW. */
void	tb_init(struct tb *);
/* Frees everything tb_vouch and friends allocated. */
void	tb_free(struct tb *);
/* The public key of key n. */
void	tb_pk(u_int, u_char *);
/* The key number of pk, or -1 if it is not a test key. */
int	tb_num(const u_char *);
/*
 * Adds a vouch signer -> subject (valid forever) naming the
 * comma-separated names, with depth and a comma-separated scope (NULL
 * or "" for none); returns its index.
 */
size_t	tb_vouch(struct tb *, u_int, u_int, const char *, u_int,
	    const char *);
void	tb_revoke(struct tb *, u_int);
void	tb_succ(struct tb *, u_int, u_int);
/* Fills in from tb. */
void	tb_input(const struct tb *, struct trust_input *);
/* Computes trust; exits if that fails. */
struct trust *tb_run(const struct tb *);
/* The status of vouch i. */
int	tb_status(const struct trust *, size_t);
/* The result for key n, or NULL if untrusted. */
const struct trust_key *tb_key(const struct trust *, u_int);
/* 1 if key n is trusted. */
int	tb_trusted(const struct trust *, u_int);
/* A trust_keyname_fn writing "K<n>" ("R" for the root). */
int	tb_keyname(struct buf *, const u_char *, void *);

/* The test groups. */
void	test_rules(void);
void	test_threshold(void);
void	test_conflicts(void);
void	test_explain(void);
void	test_random(void);
void	test_fleet(void);

#endif /* KITH_T_TRUST_H */
