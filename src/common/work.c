/*
 * An ordered pipeline over threads: items are claimed in order by worker
 * threads (or by the caller's thread, when the item it needs next is not
 * claimed yet), prepared in parallel, and handed to done in order on the
 * caller's thread. One mutex and one condition guard the claims and the
 * ready flags; items are claimed one at a time, as each is big work (a
 * story parsed or analysed).
 */
#include "config.h"

#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "work.h"
#include "xmalloc.h"
#include "banned.h"

/* Worker threads at most, and how far they may run ahead of done. */
#define WORK_MAX_THREADS	8
#define WORK_AHEAD		64

struct work {
	pthread_mutex_t	  mu;
	pthread_cond_t	  cv;		/* an item ready, room ahead, or stop */
	size_t		  n;
	size_t		  next;		/* the next item to claim */
	size_t		  consumed;	/* items done */
	unsigned char	 *ready;	/* per item: prepared */
	int		  stop;
	void		(*prep)(size_t, void *);
	void		 *arg;
};

/* Claim the next item, prepare it, say so; until there are none. */
static void *
work_thread(void *p)
{
	struct work	*w = p;
	size_t		 i;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (!w->stop && w->next < w->n &&
		    w->next >= w->consumed + WORK_AHEAD)
			pthread_cond_wait(&w->cv, &w->mu);
		if (w->stop || w->next >= w->n)
			break;
		i = w->next++;
		pthread_mutex_unlock(&w->mu);
		w->prep(i, w->arg);
		pthread_mutex_lock(&w->mu);
		w->ready[i] = 1;
		pthread_cond_broadcast(&w->cv);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

/* How many worker threads to start for n items. */
static int
work_threads(size_t n, int threads)
{
	long	cores;

	if (threads < 0) {
		cores = sysconf(_SC_NPROCESSORS_ONLN);
		threads = cores > 1 ? (int)(cores - 1) : 0;
	}
	if (threads > WORK_MAX_THREADS)
		threads = WORK_MAX_THREADS;
	if (n < 2)
		return 0;
	if ((size_t)threads > n - 1)
		threads = (int)(n - 1);
	return threads;
}

/* Wait until item i is prepared, preparing it here if nobody has. */
static void
work_wait(struct work *w, size_t i)
{
	pthread_mutex_lock(&w->mu);
	if (w->next == i) {
		w->next++;
		pthread_mutex_unlock(&w->mu);
		w->prep(i, w->arg);
		pthread_mutex_lock(&w->mu);
		w->ready[i] = 1;
	}
	while (!w->ready[i])
		pthread_cond_wait(&w->cv, &w->mu);
	pthread_mutex_unlock(&w->mu);
}

int
work_run(size_t n, int threads, void (*prep)(size_t, void *),
    int (*done)(size_t, void *), void *arg)
{
	struct work	 w;
	pthread_t	 tids[WORK_MAX_THREADS];
	size_t		 i;
	int		 k, nt = 0, rc = 0;

	threads = work_threads(n, threads);
	w.n = n;
	w.next = w.consumed = 0;
	w.stop = 0;
	w.prep = prep;
	w.arg = arg;
	w.ready = threads > 0 ? xcalloc(n, 1) : NULL;
	if (threads > 0) {
		pthread_mutex_init(&w.mu, NULL);
		pthread_cond_init(&w.cv, NULL);
	}
	/* A thread that cannot start leaves its share to the others. */
	for (k = 0; k < threads; k++)
		if (pthread_create(&tids[nt], NULL, work_thread, &w) == 0)
			nt++;
	for (i = 0; i < n && rc == 0; i++) {
		if (threads > 0)
			work_wait(&w, i);
		else
			prep(i, arg);
		rc = done(i, arg);
		if (threads > 0) {
			pthread_mutex_lock(&w.mu);
			w.consumed = i + 1;
			pthread_cond_broadcast(&w.cv);
			pthread_mutex_unlock(&w.mu);
		}
	}
	if (threads > 0) {
		pthread_mutex_lock(&w.mu);
		w.stop = 1;
		pthread_cond_broadcast(&w.cv);
		pthread_mutex_unlock(&w.mu);
		for (k = 0; k < nt; k++)
			pthread_join(tids[k], NULL);
		pthread_cond_destroy(&w.cv);
		pthread_mutex_destroy(&w.mu);
	}
	free(w.ready);
	return rc;
}

void
work_trim(void)
{
#ifdef HAVE_MALLOC_TRIM
	malloc_trim(0);
#endif
}
