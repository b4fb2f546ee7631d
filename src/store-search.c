/*
 * Searching the store: a parsed search (search.h) as the SQL condition of a
 * listing, so search results page by (sort_ts, id) like every other list;
 * how to read them fast; and the matched words of a story, for snippets
 * and highlights. The FTS5 expressions come from search.c and are bound as
 * parameters, like every other value the user typed.
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

/* The first parameter a search binds; the listing's own end at ?6. */
#define SEARCH_PARAM	7

/* Add one atom's SQL condition, its value at parameter p. */
static void
atom_sql(struct buf *sql, const struct search_atom *a, int p, int scan)
{
	if (a->negate)
		buf_adds(sql, "NOT ");
	switch (a->kind) {
	case SEARCH_TEXT:
		buf_printf(sql, "%sa.id IN (SELECT rowid FROM articles_fts"
		    " WHERE articles_fts MATCH ?%d)", scan ? "+" : "", p);
		break;
	case SEARCH_OUTLET:
		buf_printf(sql, "coalesce(a.outlet, '') LIKE ?%d ESCAPE '\\'",
		    p);
		break;
	case SEARCH_BYLINE:
		buf_printf(sql, "coalesce(a.byline, '') LIKE ?%d ESCAPE '\\'",
		    p);
		break;
	case SEARCH_TAG:
		buf_printf(sql, "a.id IN (SELECT article_id FROM tags"
		    " WHERE tag = ?%d)", p);
		break;
	case SEARCH_SPEAKER:
		/* The few names first, then their quotes by index. */
		buf_printf(sql, "a.id IN (SELECT article_id FROM quotes"
		    " WHERE speaker_id IN (SELECT id FROM entities"
		    " WHERE name LIKE ?%d ESCAPE '\\'))", p);
		break;
	case SEARCH_UNREAD:
		buf_adds(sql, "a.read = 0");
		break;
	case SEARCH_READ:
		buf_adds(sql, "a.read = 1");
		break;
	case SEARCH_STARRED:
		buf_adds(sql, "a.starred = 1");
		break;
	case SEARCH_BEFORE:
		buf_printf(sql, "a.sort_ts < ?%d", p);
		break;
	case SEARCH_AFTER:
		buf_printf(sql, "a.sort_ts >= ?%d", p);
		break;
	}
}

/*
 * Add a search's condition on articles a: the FTS5 expression every
 * result matches, then each clause left to SQL. With scan the full-text
 * matches are looked up while walking the date index instead of driving
 * the query (good when they are many and only a page is wanted).
 */
void
store_search_sql(struct buf *sql, const struct search *q, int scan)
{
	size_t	c, i, n;
	int	any = 0;

	if (q->fts != NULL) {
		buf_printf(sql, "%sa.id IN (SELECT rowid FROM articles_fts"
		    " WHERE articles_fts MATCH ?%d)", scan ? "+" : "",
		    SEARCH_PARAM);
		any = 1;
	}
	for (c = 0; c < q->nclauses; c++) {
		for (i = n = 0; i < q->n; i++) {
			if (q->v[i].clause != c || q->v[i].in_fts)
				continue;
			buf_adds(sql, n++ == 0 ? (any ? " AND (" : "(") :
			    " OR ");
			atom_sql(sql, &q->v[i], SEARCH_PARAM + 1 + (int)i,
			    scan);
		}
		if (n > 0) {
			buf_addc(sql, ')');
			any = 1;
		}
	}
	if (!any)
		buf_adds(sql, "1");
}

/* A LIKE pattern for text anywhere in a value: %text% with \ escapes. */
static char *
like_pattern(const char *v)
{
	struct buf	b;

	buf_init(&b);
	buf_addc(&b, '%');
	for (; *v != '\0'; v++) {
		if (*v == '%' || *v == '_' || *v == '\\')
			buf_addc(&b, '\\');
		buf_addc(&b, *v);
	}
	buf_addc(&b, '%');
	return buf_detach(&b);
}

/* Bind a search's parameters. */
void
store_search_bind(sqlite3_stmt *st, const struct search *q)
{
	const struct search_atom	*a;
	size_t				 i;
	int				 p;

	if (q->fts != NULL)
		sqlite3_bind_text(st, SEARCH_PARAM, q->fts, -1, SQLITE_STATIC);
	for (i = 0; i < q->n; i++) {
		a = &q->v[i];
		p = SEARCH_PARAM + 1 + (int)i;
		if (a->in_fts)
			continue;
		switch (a->kind) {
		case SEARCH_TEXT:
			sqlite3_bind_text(st, p, a->fts, -1, SQLITE_STATIC);
			break;
		case SEARCH_TAG:
			sqlite3_bind_text(st, p, a->value, -1, SQLITE_STATIC);
			break;
		case SEARCH_OUTLET:
		case SEARCH_BYLINE:
		case SEARCH_SPEAKER:
			sqlite3_bind_text(st, p, like_pattern(a->value), -1,
			    free);
			break;
		case SEARCH_BEFORE:
		case SEARCH_AFTER:
			sqlite3_bind_int64(st, p, a->ts);
			break;
		default:
			break;
		}
	}
}

/* Run a query of one integer with a text parameter; -1 on error. */
static int64_t
query_int(struct store *s, const char *sql, const char *arg, char **err)
{
	sqlite3_stmt	*st;
	int64_t		 n = -1;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		store_error(s, err, "cannot search");
		return -1;
	}
	if (arg != NULL)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		store_error(s, err, "cannot search");
	sqlite3_finalize(st);
	return n;
}

/* How many stories the search's full-text part matches; -1 on error. */
int64_t
store_search_fts_count(struct store *s, const struct search *q, char **err)
{
	return query_int(s, "SELECT count(*) FROM articles_fts"
	    " WHERE articles_fts MATCH ?1", q->fts, err);
}

/*
 * Should a window of limit rows walk the date index (1) or read the
 * matches and sort them (0)? Walking costs about limit * N / m rows for
 * m matches of N stories, sorting about m: walk when m * m > limit * N.
 */
int
store_search_scan(struct store *s, const struct search *q, size_t limit,
    char **err)
{
	int64_t	m, n;

	if (q->fts == NULL || limit == 0 || limit > 10000)
		return 0;
	if ((m = store_search_fts_count(s, q, err)) < 0)
		return -1;
	/* max(id) is the row count, near enough, at no cost. */
	if ((n = query_int(s, "SELECT coalesce(max(id), 0) FROM articles",
	    NULL, err)) < 0)
		return -1;
	return (double)m * (double)m > (double)limit * (double)n;
}

/* Parse a listing's search; -1 with *err set if err is not NULL. */
int
store_search_parse(const struct store_filter *f, struct search *q,
    char **err)
{
	const char	*text = f->value != NULL ? f->value : "";
	char		*msg = NULL;

	if (search_parse(text, strlen(text), q, &msg) == 0)
		return 0;
	if (err != NULL) {
		free(*err);
		*err = msg;
	} else
		free(msg);
	return -1;
}

/* The words of a search to mark, as one FTS5 expression (*any NULL if none). */
static int
search_marks(const char *text, char **any, char **err)
{
	struct store_filter	 f;
	struct search		 q;

	*any = NULL;
	memset(&f, 0, sizeof f);
	f.value = text;
	if (store_search_parse(&f, &q, err) != 0)
		return -1;
	*any = search_fts_any(&q);
	search_free(&q);
	return 0;
}

/* The best few words of a story for a search, or its lead's start. */
int
store_search_snippet(struct store *s, const char *text, int64_t id,
    const char *open, const char *close, char **out, char **err)
{
	sqlite3_stmt	*st = NULL;
	char		*any;
	const char	*v;
	int		 rc, rv = -1, pass;

	*out = NULL;
	if (search_marks(text, &any, err) != 0)
		return -1;
	/* A story found by its filters alone has no words to show. */
	for (pass = any != NULL ? 0 : 1; pass < 2 && *out == NULL; pass++) {
		sqlite3_finalize(st);
		if (sqlite3_prepare_v2(s->db, pass == 0 ?
		    "SELECT snippet(articles_fts, -1, ?3, ?4,"
		    " '\xe2\x80\xa6', 16) FROM articles_fts"
		    " WHERE articles_fts MATCH ?1 AND rowid = ?2" :
		    "SELECT substr(coalesce(lead, body, ''), 1, 100) ||"
		    " iif(length(coalesce(lead, body, '')) > 100,"
		    " '\xe2\x80\xa6', '') FROM articles WHERE id = ?2", -1, &st,
		    NULL) != SQLITE_OK) {
			store_error(s, err, "cannot search");
			goto out;
		}
		if (pass == 0) {
			sqlite3_bind_text(st, 1, any, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, open, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, close, -1, SQLITE_STATIC);
		}
		sqlite3_bind_int64(st, 2, id);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			v = (const char *)sqlite3_column_text(st, 0);
			*out = xstrdup(v != NULL ? v : "");
		} else if (rc != SQLITE_DONE) {
			store_error(s, err, "cannot search");
			goto out;
		}
	}
	rv = 0;
out:
	sqlite3_finalize(st);
	free(any);
	return rv;
}

/* Call fn for each marked span of a highlighted column. */
static int
spans_column(int col, const char *h, int (*fn)(int, size_t, size_t, void *),
    void *arg)
{
	size_t	off = 0, start = 0;
	int	open = 0;

	for (; h != NULL && *h != '\0'; h++) {
		if (*h == '\x01') {
			open = 1;
			start = off;
		} else if (*h == '\x02') {
			if (open && fn(col, start, off, arg) != 0)
				return 1;
			open = 0;
		} else
			off++;
	}
	return 0;
}

int
store_search_spans(struct store *s, const char *text, int64_t id,
    int (*fn)(int, size_t, size_t, void *), void *arg, char **err)
{
	sqlite3_stmt	*st = NULL;
	char		*any;
	int		 rc, rv = -1, col;

	if (search_marks(text, &any, err) != 0)
		return -1;
	if (any == NULL)
		return 0;
	if (sqlite3_prepare_v2(s->db, "SELECT"
	    " highlight(articles_fts, 0, char(1), char(2)),"
	    " highlight(articles_fts, 1, char(1), char(2)),"
	    " highlight(articles_fts, 2, char(1), char(2))"
	    " FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid = ?2",
	    -1, &st, NULL) != SQLITE_OK) {
		store_error(s, err, "cannot search");
		goto out;
	}
	sqlite3_bind_text(st, 1, any, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		for (col = 0; col < 3; col++)
			if (spans_column(col, (const char *)
			    sqlite3_column_text(st, col), fn, arg) != 0)
				break;
	} else if (rc != SQLITE_DONE) {
		store_error(s, err, "cannot search");
		goto out;
	}
	rv = 0;
out:
	sqlite3_finalize(st);
	free(any);
	return rv;
}
