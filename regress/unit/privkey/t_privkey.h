/* t_privkey.h: helpers shared by the privkey unit tests. */
#ifndef KITH_T_PRIVKEY_H
#define KITH_T_PRIVKEY_H

#define TP_DATA	"regress/data/privkey"

struct buf;
struct key;

/* Reads TP_DATA/name suffix into a new buffer (exits on failure). */
struct buf	*tp_slurp(const char *, const char *);
/* The decoded blob of an armoured file (exits on failure). */
struct buf	*tp_dearmour(const struct buf *);
/* Armours p[0..len) and returns privkey_parse's result. */
int		 tp_parse_blob(const u_char *, size_t, const char *);
/* privkey_parse's result for a whole file. */
int		 tp_parse_file(const struct buf *, const char *);
/* The key whose seed is base, base + 1, ... base + 31. */
struct key	*tp_fixed_key(u_char);

/* In test_privkey_bad.c. */
void	tp_malformed(void);
void	tp_bitflips(const struct buf *, const char *);
void	tp_kdf_limits(const struct buf *, const struct key *);

#endif /* KITH_T_PRIVKEY_H */
