/*
 * Listings: the feed list's counts; windows of a listing paged by its
 * (sort_ts, id) key, the one listing model of the screen (a window at a
 * time, so no listing is read whole) and of list, export and search (one
 * window of all of it); the reading state; and what the entity sidebar
 * asks for.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "search.h"
#include "store.h"
#include "store-people.h"
#include "store-int.h"
#include "url.h"
#include "xmalloc.h"
#include "banned.h"

/*
 * Add a listing's condition; parameters ?1 value, ?2 kind, ?3 feed, and
 * from ?7 those of a search q (scan: see store_search_sql).
 */
static void
query_filter(struct buf *sql, const struct store_filter *f,
    const struct search *q, int scan)
{
	/* Each kind's condition on articles a (a search's is built). */
	static const char *const conds[] = {
		[STORE_FILTER_ALL] = "1",
		[STORE_FILTER_UNREAD] = "a.read = 0",
		[STORE_FILTER_STARRED] = "a.starred = 1",
		[STORE_FILTER_NOTES] = "1",	/* the join keeps annotated ones */
		[STORE_FILTER_TAG] = "a.id IN (SELECT article_id FROM tags"
		    " WHERE tag = ?1)",
		[STORE_FILTER_OUTLET] = "a.outlet = ?1",
		[STORE_FILTER_FEED] = "a.feed_id = ?3",
		[STORE_FILTER_ENTITY] = "a.id IN (SELECT m.article_id"
		    " FROM mentions m JOIN entities e ON e.id = m.entity_id"
		    " WHERE e.name = ?1 AND e.kind = ?2)",
		[STORE_FILTER_SEARCH] = NULL,
		[STORE_FILTER_TAGGED_OR_NOTED] = "a.id IN (SELECT article_id"
		    " FROM tags UNION SELECT article_id FROM annotations"
		    " UNION SELECT article_id FROM quote_fixes)",
	};

	if (f->kind == STORE_FILTER_SEARCH) {
		buf_addc(sql, '(');
		store_search_sql(sql, q, scan);
		buf_addc(sql, ')');
	} else
		buf_adds(sql, conds[f->kind]);
	if (f->unread)
		buf_adds(sql, " AND a.read = 0");
}

/* The column a listing is sorted by. */
static const char *
query_ts(const struct store_filter *f)
{
	return f->kind == STORE_FILTER_NOTES ? "n.ts" : "a.sort_ts";
}

/* Join what a listing needs after "FROM articles a", up to WHERE. */
static void
query_from(struct buf *sql, const struct store_filter *f)
{
	if (f->kind == STORE_FILTER_NOTES)
		buf_adds(sql, " JOIN (SELECT article_id, max(updated) AS ts"
		    " FROM annotations GROUP BY article_id) n"
		    " ON n.article_id = a.id");
	buf_adds(sql, " WHERE ");
}

/*
 * Bind a filter's parameters, and a key's (?4, ?5) if not NULL; those the
 * SQL does not use are harmless.
 */
static void
bind_filter(sqlite3_stmt *st, const struct store_filter *f,
    const struct search *q, const struct store_key *key)
{
	if (key != NULL) {
		sqlite3_bind_int64(st, 4, key->sort_ts);
		sqlite3_bind_int64(st, 5, key->id);
	}
	if (f->kind == STORE_FILTER_SEARCH) {
		store_search_bind(st, q);
		return;
	}
	st_bind_text(st, 1, f->value);
	st_bind_text(st, 2, f->entity_kind);
	sqlite3_bind_int64(st, 3, f->feed);
}

/* Call fn for each row of one kind's count query. */
static int
feed_counts_kind(struct store *s, enum store_filter_kind kind, const char *sql,
    int (*fn)(const struct store_feed_count *, void *), void *arg,
    char **err)
{
	struct store_feed_count	 c;
	sqlite3_stmt		*st;
	char			*shown;
	int			 rc, stop;

	if ((st = st_prepare(s, sql, "cannot count articles", err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c.kind = kind;
		c.value = st_text(st, 0);
		c.feed = sqlite3_column_int64(st, 1);
		c.count = sqlite3_column_int64(st, 2);
		c.error = sqlite3_column_count(st) > 3 ? st_text(st, 3) : NULL;
		/* An untitled feed goes by its address, password masked. */
		shown = NULL;
		if (c.value == NULL && sqlite3_column_count(st) > 4 &&
		    st_text(st, 4) != NULL)
			c.value = shown = url_redact(st_text(st, 4));
		stop = fn(&c, arg);
		free(shown);
		if (stop != 0)
			break;
	}
	return st_rows_end(s, st, rc, "cannot count articles", err);
}

/* Count the feed-list entries of the kinds asked for. */
int
store_feed_counts(struct store *s, unsigned kinds,
    int (*fn)(const struct store_feed_count *, void *), void *arg,
    char **err)
{
	static const struct {
		enum store_filter_kind	 kind;
		const char		*sql;
	} queries[] = {
		{ STORE_FILTER_ALL, "SELECT NULL, 0, count(*) FROM articles" },
		{ STORE_FILTER_UNREAD, "SELECT NULL, 0, count(*) FROM articles"
		    " WHERE read = 0" },
		{ STORE_FILTER_STARRED, "SELECT NULL, 0, count(*) FROM articles"
		    " WHERE starred = 1" },
		{ STORE_FILTER_NOTES, "SELECT NULL, 0, n FROM (SELECT"
		    " count(DISTINCT article_id) AS n FROM annotations)"
		    " WHERE n > 0" },
		{ STORE_FILTER_TAG, "SELECT tag, 0, count(*) FROM tags"
		    " GROUP BY tag ORDER BY tag" },
		{ STORE_FILTER_OUTLET, "SELECT outlet, 0, count(*)"
		    " FROM articles WHERE outlet IS NOT NULL"
		    " GROUP BY outlet ORDER BY outlet" },
		{ STORE_FILTER_FEED, "SELECT f.title, f.id,"
		    " (SELECT count(*) FROM articles a WHERE a.feed_id = f.id),"
		    " f.error, f.url FROM feeds f"
		    " ORDER BY f.kind = 'local', coalesce(f.title, f.url)" },
	};
	size_t	i;

	for (i = 0; i < sizeof queries / sizeof queries[0]; i++)
		if ((kinds & STORE_COUNT_KIND(queries[i].kind)) != 0 &&
		    feed_counts_kind(s, queries[i].kind, queries[i].sql, fn,
		    arg, err) != 0)
			return -1;
	return 0;
}

/* The SQL of a window of a listing next to key (see store_page). */
static void
page_sql(struct buf *sql, const struct store_filter *f,
    const struct search *q, int scan, const struct store_key *key, int dir)
{
	const char	*ts = query_ts(f);

	buf_printf(sql, "SELECT %s, a.id, a.title, a.outlet, a.byline,"
	    " a.published, a.url, (SELECT group_concat(tag, char(10)) FROM"
	    "   (SELECT tag FROM tags WHERE article_id = a.id ORDER BY tag)),"
	    " a.read, a.starred, a.dup_of IS NOT NULL OR EXISTS (SELECT 1"
	    "   FROM articles d WHERE d.dup_of = a.id) FROM articles a", ts);
	query_from(sql, f);
	query_filter(sql, f, q, scan);
	if (key != NULL)
		buf_printf(sql, " AND (%s, a.id) %s (?4, ?5)", ts,
		    dir > 0 ? "<" : dir < 0 ? ">" : "<=");
	if (dir < 0)
		buf_printf(sql, " ORDER BY %s, a.id LIMIT ?6", ts);
	else
		buf_printf(sql, " ORDER BY %s DESC, a.id DESC LIMIT ?6", ts);
}

/* Call fn with each row of a listing's statement. */
static int
page_rows(struct store *s, sqlite3_stmt *st,
    int (*fn)(const struct store_row *, void *), void *arg, char **err)
{
	struct store_row	 r;
	struct st_lines		 tags;
	char			*url;
	int			 rc, stop;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.key.sort_ts = sqlite3_column_int64(st, 0);
		r.key.id = sqlite3_column_int64(st, 1);
		r.title = st_text(st, 2);
		r.outlet = st_text(st, 3);
		r.byline = st_text(st, 4);
		r.published = st_text(st, 5);
		r.url = url = st_column_url(st, 6);
		st_column_lines(st, 7, &tags);
		r.tags = tags.v;
		r.ntags = tags.n;
		r.read = sqlite3_column_int(st, 8);
		r.starred = sqlite3_column_int(st, 9);
		r.grouped = sqlite3_column_int(st, 10);
		stop = fn(&r, arg);
		free(url);
		st_lines_free(&tags);
		if (stop != 0)
			break;
	}
	return st_rows_end(s, st, rc, "cannot list articles", err);
}

/* Read up to limit rows of a listing next to a key. */
int
store_page(struct store *s, const struct store_filter *f,
    const struct store_key *key, int dir, size_t limit,
    int (*fn)(const struct store_row *, void *), void *arg, char **err)
{
	struct buf	 sql;
	struct search	 q;
	sqlite3_stmt	*st;
	int		 rv = -1, scan = 0;

	memset(&q, 0, sizeof q);
	buf_init(&sql);
	if (f->kind == STORE_FILTER_SEARCH && (store_search_parse(f, &q,
	    err) != 0 || (scan = store_search_scan(s, &q, limit, err)) < 0))
		goto out;
	page_sql(&sql, f, &q, scan, key, dir);
	if ((st = st_prepare(s, sql.data, "cannot list articles", err)) ==
	    NULL)
		goto out;
	bind_filter(st, f, &q, key);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)limit);
	rv = page_rows(s, st, fn, arg, err);
out:
	buf_free(&sql);
	search_free(&q);
	return rv;
}

static int64_t	page_count(struct store *, const struct store_filter *,
		    const struct store_key *, int64_t, int64_t, char **);

/* Count a listing, or its rows newer than a key. */
int64_t
store_page_count(struct store *s, const struct store_filter *f,
    const struct store_key *key, char **err)
{
	return page_count(s, f, key, 0, 0, err);
}

/* Count a listing's rows with ids from lo up to (not with) hi. */
int64_t
store_page_count_ids(struct store *s, const struct store_filter *f,
    int64_t lo, int64_t hi, char **err)
{
	return page_count(s, f, NULL, lo, hi > lo ? hi : lo + 1, err);
}

/* The highest story id there is, 0 if none; -1 on error. */
int64_t
store_max_id(struct store *s, char **err)
{
	return st_int(s, st_prepare(s, "SELECT coalesce(max(id), 0) FROM"
	    " articles", "cannot count articles", err), -1,
	    "cannot count articles", err);
}

/* Count a listing, its rows newer than key, or (hi > 0) an id range. */
static int64_t
page_count(struct store *s, const struct store_filter *f,
    const struct store_key *key, int64_t lo, int64_t hi, char **err)
{
	struct buf	 sql;
	struct search	 q;
	sqlite3_stmt	*st;
	int64_t		 n = -1;
	size_t		 i;
	int		 scan = 0;

	memset(&q, 0, sizeof q);
	buf_init(&sql);
	if (f->kind == STORE_FILTER_SEARCH) {
		if (store_search_parse(f, &q, err) != 0)
			goto out;
		/* Words alone: the full-text index counts them by itself. */
		for (i = 0; i < q.n && q.v[i].in_fts; i++)
			;
		if (i == q.n && key == NULL && hi == 0 && !f->unread &&
		    !search_has_exact(&q)) {
			n = store_search_fts_count(s, &q, err);
			goto out;
		}
		if (key != NULL && (scan = store_search_scan(s, &q, 50,
		    err)) < 0)
			goto out;
	}
	/* A range is walked by id; the matches are looked up, not driven. */
	if (hi > 0)
		scan = 1;
	buf_adds(&sql, "SELECT count(*) FROM articles a");
	query_from(&sql, f);
	query_filter(&sql, f, &q, scan);
	if (key != NULL)
		buf_printf(&sql, " AND (%s, a.id) > (?4, ?5)", query_ts(f));
	if (hi > 0)
		buf_printf(&sql, " AND a.id >= %lld AND a.id < %lld",
		    (long long)lo, (long long)hi);
	if ((st = st_prepare(s, sql.data, "cannot count articles", err)) ==
	    NULL)
		goto out;
	bind_filter(st, f, &q, key);
	n = st_int(s, st, -1, "cannot count articles", err);
out:
	buf_free(&sql);
	search_free(&q);
	return n;
}

/*
 * An UPDATE of stories, as st_write runs it: a flag of one story (?1 the
 * value, ?2 the story), or a listing's stories (f, its search q).
 */
struct update_write {
	const char			*sql;
	const char			*what;
	const struct store_filter	*f;
	const struct search		*q;
	int64_t				 id;
	int				 on;
};

/* The stories changed, or -1. */
static int
update_write(struct store *s, void *arg, char **err)
{
	struct update_write	*w = arg;
	sqlite3_stmt		*st;

	if ((st = st_prepare(s, w->sql, w->what, err)) == NULL)
		return -1;
	if (w->f != NULL)
		bind_filter(st, w->f, w->q, NULL);
	else {
		sqlite3_bind_int(st, 1, w->on != 0);
		sqlite3_bind_int64(st, 2, w->id);
	}
	return st_step(s, st, w->what, err);
}

/* Set a story's flag (sql as update_write's) in a transaction. */
static int
set_flag(struct store *s, const char *sql, int64_t id, int on, char **err)
{
	struct update_write	w = { sql, "cannot change the article", NULL,
	    NULL, id, on };

	return st_write(s, update_write, &w, err) < 0 ? -1 : 0;
}

/* Mark an article read or unread. */
int
store_set_read(struct store *s, int64_t id, int on, char **err)
{
	return set_flag(s, "UPDATE articles SET read = ?1 WHERE id = ?2",
	    id, on, err);
}

/* Star or unstar an article. */
int
store_set_starred(struct store *s, int64_t id, int on, char **err)
{
	return set_flag(s, "UPDATE articles SET starred = ?1 WHERE id = ?2",
	    id, on, err);
}

/*
 * Mark every unread story of a listing read in one write transaction,
 * by one UPDATE over the listing's condition (never row by row); the
 * number of stories changed, -1 on error.
 */
int64_t
store_mark_read(struct store *s, const struct store_filter *f, char **err)
{
	struct store_filter	 g = *f;
	struct update_write	 w = { NULL, "cannot mark the stories read",
	    &g, NULL, 0, 0 };
	struct buf		 sql;
	struct search		 q;
	int64_t			 n = -1;

	if (s->readonly)
		return st_readonly(s, err);
	memset(&q, 0, sizeof q);
	buf_init(&sql);
	if (g.kind == STORE_FILTER_SEARCH && store_search_parse(&g, &q,
	    err) != 0)
		goto out;
	g.unread = 1;
	buf_adds(&sql, "UPDATE articles SET read = 1 WHERE id IN"
	    " (SELECT a.id FROM articles a");
	query_from(&sql, &g);
	query_filter(&sql, &g, &q, 0);
	buf_addc(&sql, ')');
	w.sql = sql.data;
	w.q = &q;
	n = st_write(s, update_write, &w, err);
out:
	buf_free(&sql);
	search_free(&q);
	return n;
}

/*
 * Read every quote attributed to an entity, newest first; the parts of
 * a statement in a story in text order, the first part first.
 */
int
store_speaker_quotes(struct store *s, const char *kind, const char *name,
    int (*fn)(const struct store_speaker_quote *, void *), void *arg,
    char **err)
{
	struct store_speaker_quote	 q;
	sqlite3_stmt			*st;
	int				 rc;
	int64_t				 b, e;

	/* Spans are byte offsets: cut the body as a blob, not as text. */
	if ((st = st_prepare(s, "SELECT a.id, a.published, a.outlet, a.title,"
	    " CAST(substr(CAST(a.body AS BLOB), q.start + 1,"
	    "   q.end - q.start) AS TEXT), q.start, q.end,"
	    " q.kind = 'direct', q.corrected, q.id, q.continues,"
	    " (SELECT group_concat(o, ', ') FROM (SELECT DISTINCT d.outlet AS o"
	    "   FROM articles d WHERE d.dup_of = a.id AND d.outlet IS NOT NULL"
	    "   AND d.outlet IS NOT a.outlet ORDER BY d.id)),"
	    " q.kind, r.title, r.affiliation"
	    " FROM quotes q JOIN entities e ON e.id = q.speaker_id"
	    " JOIN articles a ON a.id = q.article_id"
	    " LEFT JOIN mentions r ON r.id = (SELECT m.id FROM mentions m"
	    "   WHERE m.entity_id = q.speaker_id AND m.article_id ="
	    "   q.article_id AND (m.title IS NOT NULL OR m.affiliation IS NOT"
	    "   NULL) ORDER BY m.start LIMIT 1)"
	    " WHERE e.kind = ?2 AND e.name = ?1 AND a.dup_of IS NULL"
	    " ORDER BY a.sort_ts DESC, a.id DESC, q.start"
	    " LIMIT " STORE_SPEAKER_QUOTES_ROWS,
	    "cannot read quotes", err)) == NULL)
		return -1;
	st_bind_text(st, 1, name);
	st_bind_text(st, 2, kind);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		q.article = sqlite3_column_int64(st, 0);
		q.published = st_text(st, 1);
		q.outlet = st_text(st, 2);
		q.title = st_text(st, 3);
		q.text = st_text(st, 4);
		b = sqlite3_column_int64(st, 5);
		e = sqlite3_column_int64(st, 6);
		if (b < 0 || e < b)
			continue;
		q.start = (size_t)b;
		q.end = (size_t)e;
		q.direct = sqlite3_column_int(st, 7);
		q.corrected = sqlite3_column_int(st, 8);
		q.id = sqlite3_column_int64(st, 9);
		q.continues = sqlite3_column_int64(st, 10);
		q.also = st_text(st, 11);
		q.kind = st_text(st, 12);
		q.role_title = st_text(st, 13);
		q.affiliation = st_text(st, 14);
		if (fn(&q, arg) != 0)
			break;
	}
	return st_rows_end(s, st, rc, "cannot read quotes", err);
}
