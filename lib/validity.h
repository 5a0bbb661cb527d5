/*
 * validity.h: certificate validity intervals in ssh-keygen's terms.  An
 * interval [after, before) holds seconds since the epoch; after 0 means
 * "always", before VALIDITY_FOREVER means "forever".
 */
#ifndef KITH_VALIDITY_H
#define KITH_VALIDITY_H

#include <time.h>

#include "compat.h"

#define VALIDITY_FOREVER	UINT64_MAX
/* kith-sign's default: a year, backdated a minute as ssh-keygen does. */
#define VALIDITY_DEFAULT	"+52w"

struct buf;

/*
 * Parses s as ssh-keygen -V does, relative to now: "+N[smhdw]..." alone
 * (from the start of the minute before now to now+N), or "from:to" where
 * from is [+-]reltime, YYYYMMDD[HHMM[SS]][Z|UTC] (local time unless Z or
 * UTC), 0xHEX or "always" and to is the same with "forever" for "always".
 * KE_FORMAT on bad syntax, KE_RANGE on overflow or an empty interval.
 */
int	validity_parse(const char *, time_t, uint64_t *, uint64_t *);
/*
 * A lifetime in seconds from ssh-agent -t's syntax ("90", "1h30m"):
 * KE_FORMAT unless it starts with a digit, KE_RANGE past UINT32_MAX.
 */
int	validity_lifetime(const char *, uint32_t *);
/* The interval VALIDITY_DEFAULT gives at now. */
int	validity_default(time_t, uint64_t *, uint64_t *);
/* 1 if after <= now < before, else 0. */
int	validity_contains(uint64_t, uint64_t, time_t);
/* Appends t as local time, "%Y-%m-%dT%H:%M:%S", as ssh-keygen prints it. */
int	validity_format_time(struct buf *, uint64_t);
/*
 * Appends ssh-keygen's text for an interval: "forever", "before T",
 * "after T" or "from T to T".
 */
int	validity_format(struct buf *, uint64_t, uint64_t);

#endif /* KITH_VALIDITY_H */
