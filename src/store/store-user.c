/*
 * The user's own rows: the tags of stories and feeds, and notes
 * (annotations). They are what a user cannot get back from a feed, so
 * every change is one write transaction (st_write) that either lands whole
 * or not at all (WAL, synchronous = FULL), waits for another dossier's
 * write (busy timeout), and nothing in ingest deletes them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "banned.h"

/* Where the tags of a story or of a feed live, for a change. */
struct tags_kind {
	const char	*noun;		/* "story" or "feed" */
	int		 max;		/* most tags one holds */
	const char	*exists;	/* 1 if owner ?1 exists */
	const char	*exists_what;
	const char	*del;		/* remove tag ?2 of owner ?1 */
	const char	*add;		/* add it (?3: now), after the others */
	const char	*claim;		/* if it was there: now the user's */
	const char	*change_what;
	const char	*count;		/* how many tags owner ?1 has */
	const char	*count_what;
};

/*
 * A tag the user gives a story is stamped after the story's fetch time,
 * which is what tells it from the tags ingest gave (store-feed.c keeps a
 * removed feed's stories that the user tagged); giving a tag the story
 * already has from its feed makes it the user's too.
 */
static const struct tags_kind story_tags = {
	"story", STORE_MAX_TAGS,
	"SELECT 1 FROM articles WHERE id = ?1", "cannot read the story",
	"DELETE FROM tags WHERE article_id = ?1 AND tag = ?2",
	"INSERT OR IGNORE INTO tags (article_id, tag, added) VALUES (?1, ?2,"
	" max(?3, (SELECT fetched + 1 FROM articles WHERE id = ?1)))",
	"UPDATE tags SET added = max(?3,"
	" (SELECT fetched + 1 FROM articles WHERE id = ?1))"
	" WHERE article_id = ?1 AND tag = ?2 AND added <="
	" (SELECT fetched FROM articles WHERE id = ?1)",
	"cannot change the story's tags",
	"SELECT count(*) FROM tags WHERE article_id = ?1",
	"cannot count the story's tags"
};

/* A feed's tags keep the order they were given in (seq). */
static const struct tags_kind feed_tags = {
	"feed", STORE_MAX_FEED_TAGS,
	"SELECT 1 FROM feeds WHERE id = ?1", "cannot read feeds",
	"DELETE FROM feed_tags WHERE feed_id = ?1 AND tag = ?2",
	"INSERT OR IGNORE INTO feed_tags (feed_id, tag, seq)"
	" SELECT ?1, ?2, coalesce(max(seq), 0) + 1"
	" FROM feed_tags WHERE feed_id = ?1",
	NULL,
	"cannot change the feed's tags",
	"SELECT count(*) FROM feed_tags WHERE feed_id = ?1",
	"cannot read the feed's tags"
};

/* Run one tag statement (owner ?1, tag ?2, now ?3): the rows changed. */
static int
tags_step(struct store *s, const struct tags_kind *k, const char *sql,
    int64_t id, const char *tag, int64_t now, char **err)
{
	sqlite3_stmt	*st;

	if ((st = st_prepare(s, sql, k->change_what, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	st_bind_text(st, 2, tag);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_int64(st, 3, now);
	return st_step(s, st, k->change_what, err);
}

/* A change of one owner's tags, as st_write runs it. */
struct tags_write {
	const struct tags_kind	*k;
	int64_t			 id;
	struct store_tags	*t;
};

/* Remove, then add, then refuse the whole change past the most. */
static int
tags_write(struct store *s, void *arg, char **err)
{
	struct tags_write	*w = arg;
	const struct tags_kind	*k = w->k;
	struct store_tags	*t = w->t;
	int64_t			 now = (int64_t)time(NULL), n;
	size_t			 i;
	int			 rc;

	if ((n = st_int_id(s, k->exists, w->id, 0, k->exists_what, err)) <= 0)
		return n == 0 ? 1 : -1;
	t->added = t->removed = 0;
	for (i = 0; i < t->ndel; i++) {
		if ((rc = tags_step(s, k, k->del, w->id, t->del[i], now,
		    err)) < 0)
			return -1;
		t->removed += (size_t)rc;
	}
	for (i = 0; i < t->nadd; i++) {
		if ((rc = tags_step(s, k, k->add, w->id, t->add[i], now,
		    err)) < 0)
			return -1;
		t->added += (size_t)rc;
		if (rc == 0 && k->claim != NULL && tags_step(s, k, k->claim,
		    w->id, t->add[i], now, err) < 0)
			return -1;
	}
	if ((n = st_int_id(s, k->count, w->id, 0, k->count_what, err)) < 0)
		return -1;
	if (n > k->max) {
		free(*err);
		xasprintf(err, "a %s holds at most %d tags; this would make "
		    "%lld", k->noun, k->max, (long long)n);
		return -1;
	}
	return 0;
}

int
store_tags_change(struct store *s, int64_t id, struct store_tags *t,
    char **err)
{
	struct tags_write	w = { &story_tags, id, t };

	return st_write(s, tags_write, &w, err);
}

int
store_feed_tags_change(struct store *s, int64_t id, struct store_tags *t,
    char **err)
{
	struct tags_write	w = { &feed_tags, id, t };

	return st_write(s, tags_write, &w, err);
}

int
store_feed_tag(struct store *s, int64_t id, char *const *tags, size_t n,
    char **err)
{
	int64_t	count;
	size_t	i;
	int	rc, added = 0;

	if ((count = st_int_id(s, feed_tags.count, id, 0,
	    feed_tags.count_what, err)) < 0)
		return -1;
	for (i = 0; i < n && count < STORE_MAX_FEED_TAGS; i++) {
		if ((rc = tags_step(s, &feed_tags, feed_tags.add, id, tags[i],
		    0, err)) < 0)
			return -1;
		count += rc;
		added += rc;
	}
	return added;
}

int
store_article_tags(struct store *s, int64_t id,
    int (*fn)(const char *, void *), void *arg, char **err)
{
	sqlite3_stmt	*st;
	int64_t		 n;
	int		 rc;

	if ((n = st_int_id(s, story_tags.exists, id, 0,
	    story_tags.exists_what, err)) <= 0)
		return n == 0 ? 1 : -1;
	if ((st = st_prepare(s, "SELECT tag FROM tags WHERE article_id = ?1"
	    " ORDER BY tag", "cannot read the story's tags", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(st_text(st, 0), arg) != 0)
			break;
	return st_rows_end(s, st, rc, "cannot read the story's tags", err);
}

/* A note to add, as st_write runs it. */
struct note_add {
	int64_t		 article;
	int		 has_span;
	size_t		 start, end;
	const char	*note;
	int64_t		*id;
};

static int
note_add(struct store *s, void *arg, char **err)
{
	struct note_add	*a = arg;
	sqlite3_stmt	*st;
	int64_t		 n;

	if ((n = st_int_id(s, story_tags.exists, a->article, 0,
	    story_tags.exists_what, err)) <= 0)
		return n == 0 ? 1 : -1;
	/* Spans are byte offsets: measure the body as a blob. */
	if (a->has_span) {
		if ((n = st_int_id(s, "SELECT length(CAST(body AS BLOB))"
		    " FROM articles WHERE id = ?1", a->article, 0,
		    "cannot read the story", err)) < 0)
			return -1;
		if (a->start >= a->end || (int64_t)a->end > n)
			return 2;
	}
	if ((st = st_prepare(s, "INSERT INTO annotations (article_id,"
	    " start, end, anchor, note, created, updated)"
	    " SELECT ?1, ?2, ?3, CASE WHEN ?2 IS NULL THEN NULL ELSE"
	    "  CAST(substr(CAST(body AS BLOB), ?2 + 1, ?3 - ?2) AS TEXT) END,"
	    " ?4, ?5, ?5 FROM articles WHERE id = ?1", "cannot add the note",
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, a->article);
	if (a->has_span) {
		sqlite3_bind_int64(st, 2, (sqlite3_int64)a->start);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)a->end);
	}
	st_bind_text(st, 4, a->note);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)time(NULL));
	if (st_step(s, st, "cannot add the note", err) < 0)
		return -1;
	*a->id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int
store_note_add(struct store *s, int64_t article, int has_span, size_t start,
    size_t end, const char *note, int64_t *id, char **err)
{
	struct note_add	a = { article, has_span, start, end, note, id };

	return st_write(s, note_add, &a, err);
}

/* A note to change (note set) or delete, as st_write runs it. */
struct note_write {
	int64_t		 id;
	const char	*note;
};

static int
note_write(struct store *s, void *arg, char **err)
{
	struct note_write	*w = arg;
	sqlite3_stmt		*st;
	const char		*what;
	int			 n;

	what = w->note != NULL ? "cannot change the note" :
	    "cannot delete the note";
	if ((st = st_prepare(s, w->note != NULL ? "UPDATE annotations"
	    " SET note = ?2, updated = max(?3, created) WHERE id = ?1" :
	    "DELETE FROM annotations WHERE id = ?1", what, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, w->id);
	if (w->note != NULL) {
		st_bind_text(st, 2, w->note);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)time(NULL));
	}
	if ((n = st_step(s, st, what, err)) < 0)
		return -1;
	return n == 0 ? 1 : 0;
}

int
store_note_update(struct store *s, int64_t id, const char *note, char **err)
{
	struct note_write	w = { id, note };

	return st_write(s, note_write, &w, err);
}

int
store_note_delete(struct store *s, int64_t id, char **err)
{
	struct note_write	w = { id, NULL };

	return st_write(s, note_write, &w, err);
}

#define NOTE_COLUMNS \
	"SELECT n.id, n.start, n.end, n.anchor, n.note, n.created," \
	" n.updated, n.article_id, a.title, a.outlet, a.published" \
	" FROM annotations n JOIN articles a ON a.id = n.article_id"

int
store_notes_page(struct store *s, const struct store_key *key, size_t limit,
    int (*fn)(const struct store_note_row *, void *), void *arg, char **err)
{
	struct store_note_row	 r;
	sqlite3_stmt		*st;
	sqlite3_int64		 b, e;
	int			 rc;

	/* Two statements: a key is a range of the index, not a filter. */
	if ((st = st_prepare(s, key != NULL ?
	    NOTE_COLUMNS " WHERE (n.updated, n.id) < (?1, ?2)"
	    " ORDER BY n.updated DESC, n.id DESC LIMIT ?3" :
	    NOTE_COLUMNS " ORDER BY n.updated DESC, n.id DESC LIMIT ?3",
	    "cannot read notes", err)) == NULL)
		return -1;
	if (key != NULL) {
		sqlite3_bind_int64(st, 1, key->sort_ts);
		sqlite3_bind_int64(st, 2, key->id);
	}
	sqlite3_bind_int64(st, 3, limit > 0 ? (sqlite3_int64)limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.n.id = sqlite3_column_int64(st, 0);
		r.n.has_span = sqlite3_column_type(st, 1) != SQLITE_NULL;
		b = sqlite3_column_int64(st, 1);
		e = sqlite3_column_int64(st, 2);
		if (r.n.has_span && (b < 0 || e < b))
			r.n.has_span = 0;	/* a span we cannot hold */
		r.n.start = r.n.has_span ? (size_t)b : 0;
		r.n.end = r.n.has_span ? (size_t)e : 0;
		r.n.anchor = st_text(st, 3);
		r.n.note = st_text(st, 4) != NULL ? st_text(st, 4) : "";
		r.n.created = sqlite3_column_int64(st, 5);
		r.n.updated = sqlite3_column_int64(st, 6);
		r.article = sqlite3_column_int64(st, 7);
		r.title = st_text(st, 8);
		r.outlet = st_text(st, 9);
		r.published = st_text(st, 10);
		if (fn(&r, arg) != 0)
			break;
	}
	return st_rows_end(s, st, rc, "cannot read notes", err);
}
