/*
 * t_pairnet.h: tests of lib/pairnet (parsers; offers and joins over
 * loopback in forked processes) and, with arguments, the raw clients and
 * the tampering relay the regress/pair-*.sh scenarios use.
 */
#ifndef KITH_T_PAIRNET_H
#define KITH_T_PAIRNET_H

#include "compat.h"

#define TN_CODE		"482-193-7063"	/* Damm-valid */
#define TN_OTHER	"111-111-1110"	/* Damm-valid, wrong */

/* A connected blocking TCP socket to 127.0.0.1:port; exits on failure. */
int	tn_dial(const char *);
/* Seconds since an arbitrary start, monotonic. */
double	tn_now(void);

/*
 * A real join of 127.0.0.1:port with code that, once the codes matched,
 * sends M5 a byte every ms milliseconds; the seconds until the offer
 * hung up.
 */
double	tn_slowjoin(const char *, const char *, long);
/* regress modes: raw, idle, trickle, slowjoin (t_client.c). */
int	tn_client(int, char **);
/* regress mode: relay (t_relay.c). */
int	tn_relay(int, char **);

void	test_parse(void);
void	test_runs(void);
void	test_limits(void);

#endif /* KITH_T_PAIRNET_H */
