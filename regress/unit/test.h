/* test.h: a minimal TAP-style harness for the unit tests. */
#ifndef KITH_TEST_H
#define KITH_TEST_H

#include "compat.h"

/* Records one check; prints "ok N - what" or "not ok N - what (file:line)". */
void	t_check(int, const char *, int, const char *, ...)
	    __attribute__((format(printf, 4, 5)));
/* Prints the plan and returns the exit status for main. */
int	t_done(void);
/* Reads a whole file from regress/data (or a path) into a malloc'd buffer. */
u_char	*t_slurp(const char *, size_t *);
/* Hex-decodes s into a malloc'd buffer; *lenp gets the length. */
u_char	*t_unhex(const char *, size_t *);

#define T_OK(cond, ...)	t_check(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define T_EQ(a, b, ...)	t_check((a) == (b), __FILE__, __LINE__, __VA_ARGS__)
#define T_STR(a, b, ...) t_check(strcmp((a), (b)) == 0, __FILE__, __LINE__, \
	    __VA_ARGS__)
#define T_MEM(a, b, n, ...) t_check(memcmp((a), (b), (n)) == 0, __FILE__, \
	    __LINE__, __VA_ARGS__)

#endif /* KITH_TEST_H */
