/*
 * par.h: one function over many items, on every CPU: the signature
 * checks of a bundle (as it inflates), the per-vouch work of an import.
 */
#ifndef KITH_PAR_H
#define KITH_PAR_H

#include "compat.h"

#define PAR_MAXTHREADS	8
#define PAR_CHUNK	64	/* items a thread takes at once */

/* The threads par_for runs for threads (0: one per CPU), at most 8. */
u_int	par_threads(u_int);
/*
 * Calls fn(arg, i) once for each i in [0, n), on up to threads threads
 * (par_threads), the calling thread among them; n <= PAR_CHUNK runs on
 * the calling thread only.  Threads take chunks of items as they go, so
 * slow items do not hold one thread up.  If a thread cannot be started,
 * the others do its share.  fn must be safe to run for distinct i at
 * once.
 */
void	par_for(size_t, u_int, void (*)(void *, size_t), void *);

/*
 * The same over items that become ready over time (made by the calling
 * thread as it goes): par_stream_start starts par_threads(threads) - 1
 * threads (the caller is busy making items); par_stream_ready(s, n) lets
 * them take items [0, n); par_stream_stop skips every item not taken
 * yet; par_stream_end says there are no more, works on what is left on
 * the calling thread too, waits for all and frees s.  Start fails only
 * with KE_NOMEM; a thread that cannot be started is left out.
 */
struct par_stream;
int	par_stream_start(u_int, void (*)(void *, size_t), void *,
	    struct par_stream **);
void	par_stream_ready(struct par_stream *, size_t);
void	par_stream_stop(struct par_stream *);
void	par_stream_end(struct par_stream *);

#endif /* KITH_PAR_H */
