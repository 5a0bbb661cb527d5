/* t_cert.h: helpers shared by the cert unit tests. */
#ifndef KITH_T_CERT_H
#define KITH_T_CERT_H

#define TC_DATA	"regress/data/cert"

struct buf;
struct cert;
struct key;

/* Sets TZ (NULL: UTC) and calls tzset. */
void		 tc_tz(const char *);
/* The certificate in TC_DATA/name-cert.pub, parsed (exits on failure). */
struct key	*tc_load(const char *);
/* The test CA (TC_DATA/ca.seed) with its private half. */
struct key	*tc_ca(void);
/* A fresh key pair (exits on failure). */
struct key	*tc_keygen(void);
/* 1 if the unconsumed bytes of b equal NUL-terminated s. */
int		 tc_buf_is(const struct buf *, const char *);
/* Appends an extension with raw data p[0..len) to c. */
void		 tc_raw_ext(struct cert *, const char *, const void *, size_t);

/* In test_vouch.c. */
void	tc_builder(void);
void	tc_sign(void);
void	tc_depth(void);
void	tc_scope(void);
void	tc_vouch(void);

#endif /* KITH_T_CERT_H */
