/*
 * Work in order on every core: prep runs for each item on worker threads
 * (and on the caller's thread when it would otherwise wait), done runs on
 * the caller's thread for item 0, 1, 2... in order, each once its prep is
 * over. prep must touch nothing but its item; done may use what only the
 * caller's thread may (a store connection).
 */
#ifndef DOSSIER_WORK_H
#define DOSSIER_WORK_H

#include <stddef.h>

/* Run with the machine's cores, one of them the caller's. */
#define WORK_CORES	(-1)

/*
 * Run prep(i, arg) and done(i, arg) for i in [0, n) with up to threads
 * worker threads (WORK_CORES: one fewer than the cores; 0: all on the
 * caller's thread). Workers run at most a window of items ahead of done.
 * A done that returns nonzero stops the run: no later item is prepared
 * or done (items prepared already are left as prep left them), and
 * work_run returns that value; otherwise 0.
 */
int	work_run(size_t n, int threads, void (*prep)(size_t, void *),
	    int (*done)(size_t, void *), void *arg);

/*
 * Give freed memory back to the system: threads allocate from arenas of
 * their own, which otherwise keep their peaks (glibc's malloc_trim; a
 * no-op elsewhere). For a pipeline between big items (a feed).
 */
void	work_trim(void);

#endif
