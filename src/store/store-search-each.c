/*
 * Every story a search matches, with its snippet, streamed: the listing
 * is one statement stepped once, and the rows are taken in batches (16,
 * then 4x more up to 4096) whose snippets come from one pass over the
 * full-text index (the batch's ids a sorted set, dossier_in), not one
 * MATCH per story: the index gives each story's hits (dossier_hits), and
 * store-snippet.c makes the snippet from those and the columns hit. A
 * batch is handed on as soon as it is read, so the first rows come at
 * once and memory holds one batch at most.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "search.h"
#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "banned.h"

#define BATCH_FIRST	16
#define BATCH_MAX	4096

/* One row of a batch: the listing's columns the caller shows. */
struct each_row {
	int64_t	 id, sort_ts;
	char	*title, *outlet, *byline, *published, *url;
	int	 read, starred, grouped;
	char	*fts;		/* the index's snippet, if found */
	void	*hits;		/* the index's hits (dossier_hits) */
	size_t	 nhits;
	int	 found;
};

struct each {
	struct store	*s;
	struct search	 q;
	struct store_marks marks;	/* the marks checked */
	char		*any;	/* the words to mark, or NULL */
	const char	*open, *close;
	int		(*fn)(const struct store_row *, const char *, void *);
	void		*arg;
	struct each_row	*v;
	struct each_row	**by;	/* v sorted by id */
	int64_t		*ids;	/* their ids */
	size_t		 n, max;
	int		 stopped;	/* fn asked to stop */
	int		 failed;	/* a batch's snippets failed */
	char		**err;
};

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
row_free(struct each_row *r)
{
	free(r->title);
	free(r->outlet);
	free(r->byline);
	free(r->published);
	free(r->url);
	free(r->fts);
	free(r->hits);
	memset(r, 0, sizeof *r);
}

static int
by_id(const void *a, const void *b)
{
	int64_t	x = (*(struct each_row *const *)a)->id;
	int64_t	y = (*(struct each_row *const *)b)->id;

	return x < y ? -1 : x > y;
}

/*
 * The row with this id in the batch, or NULL: the index gives ids in
 * rising order, so one walk of the batch sorted by id (e->by) finds all.
 */
static struct each_row *
batch_find(struct each *e, size_t *at, int64_t id)
{
	while (*at < e->n && e->by[*at]->id < id)
		(*at)++;
	return *at < e->n && e->by[*at]->id == id ? e->by[*at] : NULL;
}

/*
 * The batch's snippets from the hits read: each story's texts of the
 * columns hit, in id order (store-snippet.c).
 */
static int
batch_snippets(struct each *e)
{
	struct each_row	*r;
	size_t		 i;

	for (i = 0; i < e->n; i++) {
		r = e->by[i];
		if (!r->found)
			continue;
		if (store_snippet_of(e->s, r->id, r->hits, r->nhits, &r->fts,
		    e->err) != 0)
			return -1;
		free(r->hits);
		r->hits = NULL;
	}
	return 0;
}

/*
 * Fill the batch's index hits in one MATCH over its id range, keeping
 * the batch's rows (dossier_in: a search in its ids, sorted).
 */
static int
batch_fts(struct each *e)
{
	sqlite3_stmt	*st;
	struct each_row	*r;
	struct store_ids set;
	size_t		 i, at = 0;
	int		 rc;

	for (i = 0; i < e->n; i++)
		e->by[i] = &e->v[i];
	qsort(e->by, e->n, sizeof *e->by, by_id);
	for (i = 0; i < e->n; i++)
		e->ids[i] = e->by[i]->id;
	set.v = e->ids;
	set.n = e->n;
	if ((st = st_prepare(e->s, "SELECT rowid, dossier_hits(articles_fts)"
	    " FROM articles_fts"
	    " WHERE articles_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3"
	    " AND dossier_in(rowid, ?4)", "cannot search", e->err)) == NULL)
		return -1;
	st_bind_text(st, 1, e->any);
	sqlite3_bind_int64(st, 2, e->ids[0]);
	sqlite3_bind_int64(st, 3, e->ids[e->n - 1]);
	sqlite3_bind_pointer(st, 4, &set, "dossier_ids", NULL);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((r = batch_find(e, &at, sqlite3_column_int64(st, 0))) !=
		    NULL &&
		    !r->found) {
			r->found = 1;
			r->nhits = (size_t)sqlite3_column_bytes(st, 1);
			r->hits = xmalloc(r->nhits > 0 ? r->nhits : 1);
			if (r->nhits > 0)
				memcpy(r->hits, sqlite3_column_blob(st, 1),
				    r->nhits);
		}
	if (st_rows_end(e->s, st, rc, "cannot search", e->err) != 0)
		return -1;
	return batch_snippets(e);
}

/* Hand on the batch read so far, in its order; 1 if fn stopped it. */
static int
batch_flush(struct each *e)
{
	struct store_row	 row;
	struct each_row		*r;
	char			*snip;
	size_t			 i;
	int			 rv = 0;

	if (e->n > 0 && e->any != NULL && batch_fts(e) != 0)
		rv = -1;
	for (i = 0; i < e->n && rv == 0; i++) {
		r = &e->v[i];
		if (store_search_snippet_of(e->s, &e->q, &e->marks, e->any,
		    r->id, r->found, r->fts, e->open, e->close, &snip,
		    e->err) != 0) {
			rv = -1;
			break;
		}
		memset(&row, 0, sizeof row);
		row.key.id = r->id;
		row.key.sort_ts = r->sort_ts;
		row.title = r->title;
		row.outlet = r->outlet;
		row.byline = r->byline;
		row.published = r->published;
		row.url = r->url;
		row.read = r->read;
		row.starred = r->starred;
		row.grouped = r->grouped;
		if (e->fn(&row, snip != NULL ? snip : "", e->arg) != 0) {
			e->stopped = 1;
			rv = 1;
		}
		free(snip);
	}
	for (i = 0; i < e->n; i++)
		row_free(&e->v[i]);
	e->n = 0;
	if (e->max < BATCH_MAX)
		e->max *= 4;
	return rv;
}

/* store_page's callback: keep the row; a full batch is handed on. */
static int
each_row(const struct store_row *row, void *arg)
{
	struct each	*e = arg;
	struct each_row	*r;
	int		 rv;

	if (e->v == NULL) {
		e->v = xcalloc(BATCH_MAX, sizeof *e->v);
		e->by = xcalloc(BATCH_MAX, sizeof *e->by);
		e->ids = xcalloc(BATCH_MAX, sizeof *e->ids);
	}
	r = &e->v[e->n++];
	r->id = row->key.id;
	r->sort_ts = row->key.sort_ts;
	r->title = dup_or_null(row->title);
	r->outlet = dup_or_null(row->outlet);
	r->byline = dup_or_null(row->byline);
	r->published = dup_or_null(row->published);
	r->url = dup_or_null(row->url);
	r->read = row->read;
	r->starred = row->starred;
	r->grouped = row->grouped;
	if (e->n < e->max)
		return 0;
	if ((rv = batch_flush(e)) < 0)
		e->failed = 1;
	return rv != 0;
}

int
store_search_each(struct store *s, const char *text, size_t limit,
    const char *open, const char *close,
    int (*fn)(const struct store_row *, const char *, void *), void *arg,
    char **err)
{
	struct store_filter	 f;
	struct each		 e;
	size_t			 i;
	int			 rv;

	memset(&e, 0, sizeof e);
	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_SEARCH;
	f.value = text;
	if (store_search_parse(&f, &e.q, err) != 0)
		return -1;
	e.any = search_fts_any(&e.q);
	e.s = s;
	e.open = open;
	e.close = close;
	e.fn = fn;
	e.arg = arg;
	e.max = BATCH_FIRST;
	e.err = err;
	/* 0 is no limit: LIMIT -1 to sqlite. */
	rv = store_page(s, &f, NULL, 1, limit > 0 ? limit : (size_t)-1,
	    each_row, &e, err);
	if (rv == 0 && e.failed)
		rv = -1;
	else if (rv == 0 && e.stopped)
		rv = 1;
	else if (rv == 0)
		rv = batch_flush(&e);
	for (i = 0; i < e.n; i++)
		row_free(&e.v[i]);
	free(e.v);
	free(e.by);
	free(e.ids);
	search_free(&e.q);
	store_marks_free(&e.marks);
	free(e.any);
	return rv;
}
