/* compat.h: the one place for feature macros and portable types. */
#ifndef KITH_COMPAT_H
#define KITH_COMPAT_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>

#define KITH_VERSION	"0.1"

/* Caps on untrusted input. */
#define KITH_MAXFILE	(64 * 1024 * 1024)	/* any file kith reads */
#define KITH_MAXLINE	(64 * 1024)		/* one text line */
#define KITH_MAXSTRING	(16 * 1024 * 1024)	/* one wire string */
#define KITH_MAXCOMMENT	4096			/* key comment */
#define KITH_MAXNAME	1024			/* a host name or key id */

#ifndef nitems
#define nitems(a)	(sizeof(a) / sizeof((a)[0]))
#endif

#endif /* KITH_COMPAT_H */
