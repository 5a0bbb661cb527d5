/*
 * paircode.h: kith-share's one-time codes: 9 random digits and a Damm
 * check digit, shown 3-3-4 ("482-193-7065").  The check digit catches
 * every single-digit error and every adjacent swap, so a typo is found
 * before it costs an attempt.  Codes are secrets: wipe the buffers.
 */
#ifndef KITH_PAIRCODE_H
#define KITH_PAIRCODE_H

#include "compat.h"

#define PAIRCODE_SECRET		9	/* random digits: PRS */
#define PAIRCODE_DIGITS		10	/* with the check digit */
#define PAIRCODE_TEXTLEN	13	/* "ddd-ddd-dddd" and a NUL */

/* The Damm check digit ('0'..'9') of n ASCII digits; -1 for a non-digit. */
int	paircode_damm(const char *, size_t);
/* A fresh code, written as "ddd-ddd-dddd" into text[PAIRCODE_TEXTLEN]. */
int	paircode_new(char *);
/*
 * Normalises typed text: drops spaces, '-' and '.', then requires exactly
 * PAIRCODE_DIGITS ASCII digits (else KE_FORMAT) whose check digit holds
 * (else KE_CHECKDIGIT).  digits gets PAIRCODE_DIGITS + 1 bytes, NUL
 * terminated; on error it is wiped.
 */
int	paircode_parse(const char *, char *);
/* Writes the 10 digits of a parsed code as "ddd-ddd-dddd" into text. */
void	paircode_format(const char *, char *);

#endif /* KITH_PAIRCODE_H */
