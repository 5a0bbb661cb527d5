/* stmtpriv.h: shared by stmt.c and stmtfmt.c only. */
#ifndef KITH_STMTPRIV_H
#define KITH_STMTPRIV_H

#include "compat.h"

#define STMT_NDEFS	3

/* One statement type: its magic, namespace, armour label, signatures. */
struct stmtdef {
	u_int		 type;
	const char	*magic;		/* with its NUL */
	size_t		 magiclen;
	const char	*ns;
	const char	*label;
	u_int		 nsigs;
};

struct stmt;

extern const struct stmtdef stmt_defs[STMT_NDEFS];
/* The definition of type, or NULL. */
const struct stmtdef *stmt_def(u_int);
/* Checks sig as signature i of st and keeps a copy in st. */
int	stmt_set_sig(struct stmt *, u_int, const u_char *, size_t);

#endif /* KITH_STMTPRIV_H */
