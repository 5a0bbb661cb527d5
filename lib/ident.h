/* ident.h: loading the identity (private) key of a kith directory. */
#ifndef KITH_IDENT_H
#define KITH_IDENT_H

#include "compat.h"

struct key;

/*
 * Loads keyfile, or dir's identity when keyfile is NULL, with pass (NULL
 * for none).  *pathp gets the malloc'd path even on failure (for the
 * message; may be NULL); *encp says whether the file needs a passphrase,
 * so a tool can ask and call again after KE_PASSPHRASE.
 */
int	ident_load(const char *, const char *, const char *, struct key **,
	    char **, int *);

#endif /* KITH_IDENT_H */
