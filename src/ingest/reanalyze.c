/*
 * dossier analyze's work: the stories' stored text read back, extraction
 * run on the body as import and fetch run it, and what it found put in
 * place of the old analysis, one savepoint a story and one transaction a
 * batch of REANALYZE_BATCH. Only the extractor's rows change: tags, notes
 * and the user's corrections stay as they are.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "extract.h"
#include "reanalyze.h"
#include "store.h"
#include "xmalloc.h"
#include "banned.h"

/* Re-analyse one story: 0 done, 1 not there, -1 error. */
static int
reanalyze_one(struct store *s, int64_t id, char **err)
{
	struct article	a;
	struct extract	x;
	int		rv;

	if ((rv = store_article_get(s, id, &a, err)) != 0)
		return rv;
	memset(&x, 0, sizeof x);
	if (a.body != NULL)
		extract_run(&x, a.body, a.body_len);
	rv = store_extract_replace(s, id, a.body != NULL ? &x : NULL, err);
	extract_free(&x);
	article_free(&a);
	return rv;
}

/* Stop asked for? */
static int
reanalyze_stopped(const struct reanalyze_options *o)
{
	return o->stop != NULL && *o->stop != 0;
}

/* One batch of ids in a transaction of its own; -1 on error. */
static int
reanalyze_batch(struct store *s, const struct reanalyze_options *o,
    const int64_t *ids, size_t n, struct reanalyze_totals *t, char **err)
{
	size_t	i;
	int	rc;

	if (store_begin(s, err) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (reanalyze_stopped(o)) {
			t->stopped = 1;
			break;
		}
		if ((rc = reanalyze_one(s, ids[i], err)) < 0) {
			store_rollback(s);
			return -1;
		}
		if (rc == 0)
			t->done++;
		else
			t->missing++;
		if (o->progress != NULL)
			o->progress(ids[i], rc == 0, t->done + t->missing,
			    t->total, o->arg);
	}
	/* A commit that fails rolls the batch back itself. */
	return store_commit(s, err) != 0 ? -1 : 0;
}

int
reanalyze_run(struct store *s, const struct reanalyze_options *o,
    struct reanalyze_totals *t, char **err)
{
	int64_t		ids[REANALYZE_BATCH], count, after = 0;
	size_t		i, n;

	memset(t, 0, sizeof *t);
	if (o->ids != NULL) {
		t->total = o->nids;
		for (i = 0; i < o->nids && !t->stopped; i += n) {
			n = o->nids - i < REANALYZE_BATCH ? o->nids - i :
			    REANALYZE_BATCH;
			if (reanalyze_batch(s, o, o->ids + i, n, t, err) != 0)
				return -1;
		}
		return 0;
	}
	if ((count = store_extract_count(s, o->outdated, err)) < 0)
		return -1;
	t->total = (size_t)count;
	while (!t->stopped) {
		if (store_extract_ids(s, o->outdated, after, ids,
		    REANALYZE_BATCH, &n, err) != 0)
			return -1;
		if (n == 0)
			break;
		if (reanalyze_batch(s, o, ids, n, t, err) != 0)
			return -1;
		after = ids[n - 1];
	}
	return 0;
}
