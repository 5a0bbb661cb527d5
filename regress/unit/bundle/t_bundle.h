/* t_bundle.h: helpers shared by the bundle and statement unit tests. */
#ifndef KITH_T_BUNDLE_H
#define KITH_T_BUNDLE_H

#include "sshsig.h"

#define TB_DATA		"regress/data/bundle"
#define TB_KEY		"regress/data/sshsig/key"
#define TB_TIME		1767225600ULL	/* 2026-01-01T00:00:00Z */

struct buf;
struct bundle;
struct cert;
struct key;

/* The golden test key (regress/data/sshsig/key), private half included. */
struct key	*tb_key(void);
/* A key made from 32 bytes of seed (deterministic). */
struct key	*tb_seedkey(u_char);
/* s signs with k (exits on failure). */
struct sshsig_signer tb_signer(const struct key *);
/*
 * A vouch by signer on subject: host names "NAME" and "NAME.example",
 * the serial, a nonce made from the serial (so the blob is always the
 * same), valid from TB_TIME, depth 1.
 */
struct cert	*tb_vouch(const struct key *, const u_char *, uint64_t,
		    const char *);
/* The contents of a file (exits on failure). */
struct buf	*tb_slurp(const char *);
/* 1 if the unconsumed bytes of a and b are equal. */
int		 tb_same(const struct buf *, const struct buf *);
/*
 * The sample bundle signed by k, seq 7, time TB_TIME: three vouches by
 * k, one by k2, and k's revocation, a withdrawal of its first vouch and
 * its successor statement naming k2.
 */
struct bundle	*tb_sample(const struct key *, const struct key *);
/* Encodes b with k (default caps; exits on failure). */
struct buf	*tb_encode(const struct bundle *, const struct key *);
/* The zlib stream of p[0..len). */
struct buf	*tb_deflate(const void *, size_t);
/*
 * A binary bundle with the given header fields and compressed body z,
 * signed by k over all of it in namespace ns; the header names signer.
 */
struct buf	*tb_raw(const struct key *, const u_char *, const char *,
		    uint32_t, uint32_t, const struct buf *);
/* A body: magic, version and the records already encoded in recs. */
struct buf	*tb_body(uint32_t, const struct buf *);
/*
 * A bundle by k of the records recs (nrec in the header), body version
 * version, with tail after the zlib stream.
 */
struct buf	*tb_hand(const struct key *, uint32_t, const struct buf *,
		    uint32_t, const char *);
/* Appends a record: its type, then its data as a string. */
void		 tb_put_rec(struct buf *, uint8_t, const void *, size_t);
/* Peak resident memory of this process in KiB. */
long		 tb_maxrss(void);
/* Seconds on the monotonic clock. */
double		 tb_now(void);

/* The tests, one file each. */
void	test_stmt(void);
void	test_stmt_golden(void);
void	test_seen(void);
void	test_next_seq(void);
void	test_seen_update(void);
void	test_caps(void);
void	test_stream(void);
void	test_million(void);
void	test_perf(size_t, int);
int	tb_generate(const char *);

#endif /* KITH_T_BUNDLE_H */
