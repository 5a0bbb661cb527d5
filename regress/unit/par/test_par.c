/* Unit tests for lib/par.c. */
#include "compat.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "par.h"
#include "test.h"

#define MAXN	10000

struct seen {
	atomic_uint	 count[MAXN];
	pthread_t	 tid[PAR_MAXTHREADS + 1];
	atomic_uint	 ntid;
	pthread_mutex_t	 mu;
	int		 slow;
};

static void
note_thread(struct seen *s)
{
	pthread_t self = pthread_self();
	u_int i;

	pthread_mutex_lock(&s->mu);
	for (i = 0; i < s->ntid; i++)
		if (pthread_equal(s->tid[i], self))
			break;
	if (i == s->ntid && i < nitems(s->tid))
		s->tid[s->ntid++] = self;
	pthread_mutex_unlock(&s->mu);
}

static void
visit(void *arg, size_t i)
{
	struct seen *s = arg;
	struct timespec ms = { 0, 1000 * 1000 };

	atomic_fetch_add(&s->count[i], 1);
	note_thread(s);
	if (s->slow)
		nanosleep(&ms, NULL);
}

/* Runs par_for over n items on threads; 1 if each was visited once. */
static int
once_each(struct seen *s, size_t n, u_int threads)
{
	size_t i;

	memset(s->count, 0, sizeof(s->count));
	s->ntid = 0;
	par_for(n, threads, visit, s);
	for (i = 0; i < MAXN; i++)
		if (s->count[i] != (i < n ? 1u : 0u))
			return 0;
	return 1;
}

int
main(void)
{
	static struct seen s;
	static const size_t sizes[] = { 0, 1, PAR_CHUNK, PAR_CHUNK + 1,
	    3 * PAR_CHUNK - 1, MAXN };
	size_t i;
	u_int t;

	pthread_mutex_init(&s.mu, NULL);
	for (i = 0; i < nitems(sizes); i++)
		for (t = 0; t <= PAR_MAXTHREADS + 1; t++)
			T_OK(once_each(&s, sizes[i], t),
			    "%zu items on %u threads: each once", sizes[i], t);
	T_OK(once_each(&s, PAR_CHUNK, 4) && s.ntid == 1,
	    "one chunk stays on the calling thread");
	s.slow = 1;
	T_OK(once_each(&s, 4 * PAR_CHUNK, 4) && s.ntid >= 2,
	    "slow items spread over threads (%u)", (u_int)s.ntid);
	T_OK(once_each(&s, 4 * PAR_CHUNK, 1) && s.ntid == 1,
	    "one thread when asked for one");
	T_EQ(par_threads(3), 3, "threads as asked");
	T_EQ(par_threads(100), PAR_MAXTHREADS, "threads capped");
	T_OK(par_threads(0) >= 1, "one per CPU, at least one");
	return t_done();
}
