/*
 * Re-analysis of stored stories (dossier analyze): extraction run again on
 * each story's stored text, its mentions and quotes replaced, a batch of
 * stories a transaction and a savepoint a story, so a run stopped at any
 * moment (a signal, kill -9) leaves every story analysed by the old
 * version or the new one, and a second run carries on.
 */
#ifndef DOSSIER_REANALYZE_H
#define DOSSIER_REANALYZE_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

struct store;

/* Stories a transaction. */
#define REANALYZE_BATCH	50

struct reanalyze_options {
	/* These stories; NULL: every one, or if outdated those an older
	   version analysed. */
	const int64_t	*ids;
	size_t		 nids;
	int		 outdated;
	/* Set (by a signal): stop before the next story. */
	volatile sig_atomic_t *stop;
	/* After each story (id), done of total; may be NULL. */
	void		(*progress)(int64_t id, int found, size_t done,
			    size_t total, void *);
	void		*arg;
};

struct reanalyze_totals {
	size_t	done;		/* re-analysed */
	size_t	missing;	/* ids not in the library */
	size_t	total;		/* to do when the run began */
	int	stopped;	/* *stop ended the run early */
};

/*
 * Re-analyse the stories opts names. Every batch committed stays so when
 * a later one fails. 0, or -1 with *err (what was done is in t).
 */
int	 reanalyze_run(struct store *, const struct reanalyze_options *,
	     struct reanalyze_totals *, char **err);

#endif
