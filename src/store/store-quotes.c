/*
 * Quotes listed with their story, speaker and role at the time
 * (store_quotes_list): a speaker's, or those a search, dates, a kind or a
 * tag pick. A story stored more than once is listed once, as its group's
 * first story (store.h), and the group stands for it: a tag or a search
 * that any of its stories has picks its quotes.
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
#include "xmalloc.h"
#include "banned.h"

/*
 * A quote:WORDS that is a clause of its own (not left out) keeps only
 * the quotes that hold the words, not every quote of the story.
 */
static void
quotes_words_sql(struct buf *sql, const struct search *q)
{
	size_t	i, j, n;

	for (i = 0; i < q->n; i++) {
		if (q->v[i].kind != SEARCH_QUOTE || q->v[i].negate)
			continue;
		for (j = n = 0; j < q->n; j++)
			n += q->v[j].clause == q->v[i].clause;
		if (n != 1)
			continue;
		buf_adds(sql, " AND ");
		store_search_quote_sql(sql, "q", i);
	}
}

/*
 * A search on quotes q of stories a: the story matches, or (a group's
 * first story standing for its group) one of its copies does. The
 * copies that match are found once, through the index of dup_of, not
 * looked for story by story: "outlet:Wire" finds the Herald's story
 * that Wire carried too.
 */
static void
quotes_search_sql(struct buf *sql, const struct search *q, int group)
{
	buf_adds(sql, " AND ((");
	store_search_sql(sql, q, 0);
	buf_addc(sql, ')');
	if (group) {
		buf_adds(sql, " OR a.id IN (SELECT a.dup_of FROM articles a"
		    " WHERE a.dup_of IS NOT NULL AND (");
		store_search_sql(sql, q, 0);
		buf_adds(sql, "))");
	}
	buf_addc(sql, ')');
}

/*
 * A window's bounds on quotes q of stories a: after the key in the order
 * read, and only the stories of the first window rows (the inner query's
 * q and a are its own, with the same conditions on the speaker).
 */
static void
quotes_window_sql(struct buf *sql, const struct store_quotes_query *qq)
{
	const char	*lt = qq->oldest_first ? ">" : "<";
	const char	*ord = qq->oldest_first ? "ASC" : "DESC";
	struct buf	 key;

	buf_init(&key);
	if (qq->keyed)
		buf_printf(&key, " AND (a.sort_ts %s %lld OR (a.sort_ts = %lld"
		    " AND a.id %s %lld))", lt, (long long)qq->key_ts,
		    (long long)qq->key_ts, lt, (long long)qq->key_article);
	if (key.data != NULL)
		buf_adds(sql, key.data);
	if (qq->window > 0 && qq->speaker != NULL)
		buf_printf(sql, " AND a.id IN (SELECT a.id FROM quotes q JOIN"
		    " articles a ON a.id = q.article_id WHERE %s AND"
		    " a.dup_of IS NULL AND q.start >= 0 AND q.end >= q.start%s"
		    " ORDER BY a.sort_ts %s, a.id %s LIMIT %zu)",
		    store_speaker_cond(qq->speaker), key.data != NULL ? key.data : "",
		    ord, ord, qq->window);
	buf_free(&key);
}

/*
 * The quotes a query asks for, newest story first, a story's in text
 * order; ?1 ?2 the speaker, ?3 since, ?4 until, ?5 kind, ?6 tag, a
 * search's from ?7 (store_search_bind). But for one story's, a story
 * stored more than once is its group's first, tagged when any of the
 * group is, with the other outlets of the group (STORE_ALSO_SEP
 * between), looked for only when it has copies (the ids of the groups'
 * first stories are read once, not a copy lookup a quote).
 */
static void
quotes_sql(struct buf *sql, const struct store_quotes_query *qq,
    const struct search *q)
{
	/* One person's: their kind once, their roles a story once. */
	int	one = qq->speaker != NULL && qq->speaker->entity > 0;

	buf_printf(sql, "SELECT q.id, q.article_id, a.sort_ts, a.published,"
	    " a.outlet, a.title, coalesce(e.name, q.source_text),"
	    " CASE WHEN e.id IS NULL THEN CASE WHEN " PEOPLE_SOURCE_SQL
	    "   THEN 'unnamed' END ELSE coalesce((SELECT p.kind FROM people p"
	    "   WHERE p.entity_id = %s), 'org') END,"
	    " r.title, r.affiliation, q.kind, CAST(substr(CAST(a.body AS BLOB),"
	    "   q.start + 1, q.end - q.start) AS TEXT), q.start, q.end,"
	    " q.continues, q.corrected,"
	    " CASE WHEN a.id IN (SELECT dup_of FROM articles WHERE dup_of"
	    "   IS NOT NULL) THEN (SELECT group_concat(replace(d.outlet,"
	    "   char(31), ' '), char(31)) FROM articles d WHERE d.dup_of ="
	    "   a.id AND d.outlet <> '' AND d.outlet IS NOT a.outlet) END"
	    " FROM %s"
	    " LEFT JOIN entities e ON e.id = q.speaker_id", one ? "?1" :
	    "e.id", qq->speaker != NULL || qq->article > 0 ?
	    "quotes q JOIN articles a ON a.id = q.article_id" :
	    /*
	     * Anyone's: the stories newest first, each one's quotes by
	     * index, never every quote sorted (which the planner picks for
	     * --kind, taking it for a narrow one).
	     */
	    "articles a CROSS JOIN quotes q ON q.article_id = a.id");
	/* The role at the time: the first mention of the story giving one. */
	if (one)
		buf_adds(sql, " LEFT JOIN (SELECT article_id AS ra, title,"
		    "   affiliation, min(start) FROM mentions WHERE entity_id ="
		    "   ?1 AND (title IS NOT NULL OR affiliation IS NOT NULL)"
		    "   GROUP BY article_id) r ON r.ra = q.article_id");
	else
		buf_adds(sql, " LEFT JOIN mentions r ON r.id = (SELECT m.id"
		    "   FROM mentions m WHERE m.entity_id = q.speaker_id AND"
		    "   m.article_id = q.article_id AND (m.title IS NOT NULL OR"
		    "   m.affiliation IS NOT NULL) ORDER BY m.start LIMIT 1)");
	buf_adds(sql, " WHERE q.start >= 0 AND q.end >= q.start");
	if (qq->speaker != NULL)
		buf_printf(sql, " AND %s", store_speaker_cond(qq->speaker));
	if (qq->since != 0)
		buf_adds(sql, " AND a.sort_ts >= ?3");
	if (qq->until != 0)
		buf_adds(sql, " AND a.sort_ts < ?4");
	if (qq->kind != NULL)
		buf_adds(sql, " AND q.kind = ?5");
	if (qq->tag != NULL)
		buf_adds(sql, " AND a.id IN (SELECT coalesce(t.dup_of, t.id)"
		    " FROM articles t WHERE t.id IN (SELECT article_id FROM"
		    " tags WHERE tag = ?6))");
	if (qq->article > 0)
		buf_printf(sql, " AND q.article_id = %lld",
		    (long long)qq->article);
	else
		buf_adds(sql, " AND a.dup_of IS NULL");
	if (q != NULL) {
		quotes_search_sql(sql, q, qq->article == 0);
		quotes_words_sql(sql, q);
	}
	quotes_window_sql(sql, qq);
	buf_printf(sql, " ORDER BY a.sort_ts %s, a.id %s, q.start",
	    qq->oldest_first ? "ASC" : "DESC", qq->oldest_first ? "ASC" :
	    "DESC");
	if (qq->limit > 0)
		buf_printf(sql, " LIMIT %zu", qq->limit);
}

/* Call fn with each quote a query asks for; 0, or -1 with *err. */
int
store_quotes_list(struct store *s, const struct store_quotes_query *qq,
    int (*fn)(const struct store_quote_row *, void *), void *arg,
    char **err)
{
	struct store_filter	 f;
	struct store_quote_row	 r;
	struct search		 q;
	struct buf		 sql;
	sqlite3_stmt		*st;
	int			 rc, rv = -1;

	memset(&q, 0, sizeof q);
	memset(&f, 0, sizeof f);
	buf_init(&sql);
	if (store_people_ready(s, err) != 0)
		goto out;
	f.kind = STORE_FILTER_SEARCH;
	f.value = qq->search;
	if (qq->search != NULL && store_search_parse(&f, &q, err) != 0)
		goto out;
	quotes_sql(&sql, qq, qq->search != NULL ? &q : NULL);
	if ((st = st_prepare(s, sql.data, "cannot read quotes", err)) == NULL)
		goto out;
	if (qq->speaker != NULL) {
		sqlite3_bind_int64(st, 1, qq->speaker->entity);
		st_bind_text(st, 2, qq->speaker->source_key);
	}
	sqlite3_bind_int64(st, 3, qq->since);
	sqlite3_bind_int64(st, 4, qq->until);
	st_bind_text(st, 5, qq->kind);
	st_bind_text(st, 6, qq->tag);
	if (qq->search != NULL)
		store_search_bind(st, &q);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(st, 0);
		r.article = sqlite3_column_int64(st, 1);
		r.sort_ts = sqlite3_column_int64(st, 2);
		r.published = st_text(st, 3);
		r.outlet = st_text(st, 4);
		r.story_title = st_text(st, 5);
		r.speaker = st_text(st, 6);
		r.speaker_kind = st_text(st, 7);
		r.title = st_text(st, 8);
		r.affiliation = st_text(st, 9);
		r.kind = st_text(st, 10);
		r.text = st_text(st, 11);
		r.start = (size_t)sqlite3_column_int64(st, 12);
		r.end = (size_t)sqlite3_column_int64(st, 13);
		r.continues = sqlite3_column_int64(st, 14);
		r.corrected = sqlite3_column_int(st, 15);
		r.also = st_text(st, 16);
		if (r.kind == NULL || fn(&r, arg) != 0)
			break;
	}
	rv = st_rows_end(s, st, rc, "cannot read quotes", err);
out:
	buf_free(&sql);
	search_free(&q);
	return rv;
}
