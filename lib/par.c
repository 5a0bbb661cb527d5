/* par.c: one function over many items, on every CPU. */
#include "compat.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "kerr.h"
#include "par.h"

struct par {
	void		(*fn)(void *, size_t);
	void		 *arg;
	size_t		  n;
	atomic_size_t	  next;		/* the first item nobody took */
};

static void *
par_worker(void *arg)
{
	struct par *p = arg;
	size_t i, end;

	while ((i = atomic_fetch_add(&p->next, PAR_CHUNK)) < p->n) {
		end = p->n - i < PAR_CHUNK ? p->n : i + PAR_CHUNK;
		for (; i < end; i++)
			p->fn(p->arg, i);
	}
	return NULL;
}

u_int
par_threads(u_int threads)
{
	long ncpu;

	if (threads == 0) {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		threads = ncpu < 1 ? 1 : ncpu > PAR_MAXTHREADS ?
		    PAR_MAXTHREADS : (u_int)ncpu;
	}
	return threads > PAR_MAXTHREADS ? PAR_MAXTHREADS : threads;
}

void
par_for(size_t n, u_int threads, void (*fn)(void *, size_t), void *arg)
{
	struct par p;
	pthread_t tid[PAR_MAXTHREADS];
	size_t nt = par_threads(threads), started, i;

	p.fn = fn;
	p.arg = arg;
	p.n = n;
	atomic_init(&p.next, 0);
	if (n <= PAR_CHUNK)
		nt = 1;
	for (started = 0; started + 1 < nt; started++)
		if (pthread_create(&tid[started], NULL, par_worker, &p) != 0)
			break;
	par_worker(&p);
	for (i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
}

struct par_stream {
	void		(*fn)(void *, size_t);
	void		 *arg;
	pthread_mutex_t	  mu;
	pthread_cond_t	  cv;
	size_t		  ready;	/* items [0, ready) may be taken */
	size_t		  next;		/* the first item nobody took */
	int		  done;		/* no more will be ready */
	pthread_t	  tid[PAR_MAXTHREADS];
	size_t		  started;
};

static void *
stream_worker(void *arg)
{
	struct par_stream *s = arg;
	size_t i, end;

	pthread_mutex_lock(&s->mu);
	for (;;) {
		while (!s->done && s->next >= s->ready)
			pthread_cond_wait(&s->cv, &s->mu);
		if (s->next >= s->ready)
			break;
		i = s->next;
		end = s->ready - i < PAR_CHUNK ? s->ready : i + PAR_CHUNK;
		s->next = end;
		pthread_mutex_unlock(&s->mu);
		for (; i < end; i++)
			s->fn(s->arg, i);
		pthread_mutex_lock(&s->mu);
	}
	pthread_mutex_unlock(&s->mu);
	return NULL;
}

int
par_stream_start(u_int threads, void (*fn)(void *, size_t), void *arg,
    struct par_stream **sp)
{
	struct par_stream *s;
	size_t nt = par_threads(threads);

	if ((*sp = s = calloc(1, sizeof(*s))) == NULL)
		return KE_NOMEM;
	s->fn = fn;
	s->arg = arg;
	if (pthread_mutex_init(&s->mu, NULL) != 0) {
		free(s);
		*sp = NULL;
		return KE_NOMEM;
	}
	if (pthread_cond_init(&s->cv, NULL) != 0) {
		pthread_mutex_destroy(&s->mu);
		free(s);
		*sp = NULL;
		return KE_NOMEM;
	}
	for (; s->started + 1 < nt; s->started++)
		if (pthread_create(&s->tid[s->started], NULL, stream_worker,
		    s) != 0)
			break;
	return 0;
}

void
par_stream_ready(struct par_stream *s, size_t n)
{
	pthread_mutex_lock(&s->mu);
	if (!s->done && n > s->ready) {
		s->ready = n;
		pthread_cond_broadcast(&s->cv);
	}
	pthread_mutex_unlock(&s->mu);
}

void
par_stream_stop(struct par_stream *s)
{
	pthread_mutex_lock(&s->mu);
	s->ready = s->next;
	s->done = 1;
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->mu);
}

void
par_stream_end(struct par_stream *s)
{
	size_t i;

	pthread_mutex_lock(&s->mu);
	s->done = 1;
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->mu);
	stream_worker(s);
	for (i = 0; i < s->started; i++)
		pthread_join(s->tid[i], NULL);
	pthread_cond_destroy(&s->cv);
	pthread_mutex_destroy(&s->mu);
	free(s);
}
