/*
 * The user's own rows: tags and notes (annotations). They are what a user
 * cannot get back from a feed, so every write is one BEGIN IMMEDIATE
 * transaction that either lands whole or not at all (WAL, synchronous =
 * FULL), waits for another dossier's write (busy timeout), and nothing in
 * ingest deletes them.
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

/* Start a write of the user's rows. */
static int
user_begin(struct store *s, char **err)
{
	if (s->readonly)
		return store_readonly(s, err);
	return store_exec(s, "BEGIN IMMEDIATE", err);
}

/* Commit a write; on failure nothing of it is kept. */
static int
user_commit(struct store *s, char **err)
{
	if (store_exec(s, "COMMIT", err) != 0) {
		if (!sqlite3_get_autocommit(s->db))
			store_exec(s, "ROLLBACK", NULL);
		return -1;
	}
	return 0;
}

/* Give up a write, with the connection's error as the reason. */
static int
user_fail(struct store *s, char **err, const char *what)
{
	if (what != NULL)
		store_error(s, err, what);
	if (!sqlite3_get_autocommit(s->db))
		store_exec(s, "ROLLBACK", NULL);
	return -1;
}

/* Prepare a statement for one use. */
static sqlite3_stmt *
user_prepare(struct store *s, const char *sql, char **err)
{
	sqlite3_stmt	*st;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		store_error(s, err, "cannot prepare statement");
		return NULL;
	}
	return st;
}

/* Does the story exist? 1 yes, 0 no, -1 error. */
static int
user_article_exists(struct store *s, int64_t id, char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = user_prepare(s, "SELECT 1 FROM articles WHERE id = ?1",
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return store_error(s, err, "cannot read the story");
}

/* Run a statement with one text and one integer parameter; -1 on error. */
static int
user_step(struct store *s, const char *sql, int64_t id, const char *text,
    int64_t now, char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = user_prepare(s, sql, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (text != NULL)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, now);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "cannot change the story's tags");
	return sqlite3_changes(s->db);
}

int
store_tags_change(struct store *s, int64_t id, char *const *add,
    size_t nadd, char *const *del, size_t ndel, size_t *added,
    size_t *removed, char **err)
{
	sqlite3_stmt	*st;
	size_t		 nadded = 0, nremoved = 0, i;
	int64_t		 now = (int64_t)time(NULL), count;
	int		 rc;

	if (user_begin(s, err) != 0)
		return -1;
	if ((rc = user_article_exists(s, id, err)) <= 0) {
		user_fail(s, err, NULL);
		return rc == 0 ? 1 : -1;
	}
	for (i = 0; i < ndel; i++) {
		if ((rc = user_step(s, "DELETE FROM tags WHERE article_id = ?1"
		    " AND tag = ?2", id, del[i], now, err)) < 0)
			return user_fail(s, err, NULL);
		nremoved += (size_t)rc;
	}
	/*
	 * A tag the user gives is stamped after the story's fetch time, which
	 * is what tells it from the tags ingest gave (store-feed.c keeps a
	 * removed feed's stories that the user tagged); giving a tag the
	 * story already has from its feed makes it the user's too.
	 */
	for (i = 0; i < nadd; i++) {
		if ((rc = user_step(s, "INSERT OR IGNORE INTO tags"
		    " (article_id, tag, added) VALUES (?1, ?2, max(?3,"
		    " (SELECT fetched + 1 FROM articles WHERE id = ?1)))", id,
		    add[i], now, err)) < 0)
			return user_fail(s, err, NULL);
		nadded += (size_t)rc;
		if (rc == 0 && user_step(s, "UPDATE tags SET added = max(?3,"
		    " (SELECT fetched + 1 FROM articles WHERE id = ?1))"
		    " WHERE article_id = ?1 AND tag = ?2 AND added <="
		    " (SELECT fetched FROM articles WHERE id = ?1)", id, add[i],
		    now, err) < 0)
			return user_fail(s, err, NULL);
	}
	if ((st = user_prepare(s, "SELECT count(*) FROM tags"
	    " WHERE article_id = ?1", err)) == NULL)
		return user_fail(s, err, NULL);
	sqlite3_bind_int64(st, 1, id);
	count = sqlite3_step(st) == SQLITE_ROW ?
	    sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	if (count < 0)
		return user_fail(s, err, "cannot count the story's tags");
	if (count > STORE_MAX_TAGS) {
		user_fail(s, err, NULL);
		free(*err);
		xasprintf(err, "a story holds at most %d tags; this would "
		    "make %lld", STORE_MAX_TAGS, (long long)count);
		return -1;
	}
	if (user_commit(s, err) != 0)
		return -1;
	if (added != NULL)
		*added = nadded;
	if (removed != NULL)
		*removed = nremoved;
	return 0;
}

int
store_article_tags(struct store *s, int64_t id,
    int (*fn)(const char *, void *), void *arg, char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((rc = user_article_exists(s, id, err)) <= 0)
		return rc == 0 ? 1 : -1;
	if ((st = user_prepare(s, "SELECT tag FROM tags WHERE article_id = ?1"
	    " ORDER BY tag", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn((const char *)sqlite3_column_text(st, 0), arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "cannot read the story's tags");
	return 0;
}

int
store_note_add(struct store *s, int64_t article, int has_span, size_t start,
    size_t end, const char *note, int64_t *id, char **err)
{
	sqlite3_stmt	*st;
	int64_t		 now = (int64_t)time(NULL), len;
	int		 rc;

	if (user_begin(s, err) != 0)
		return -1;
	if ((rc = user_article_exists(s, article, err)) <= 0) {
		user_fail(s, err, NULL);
		return rc == 0 ? 1 : -1;
	}
	if (has_span) {
		/* Spans are byte offsets: measure the body as a blob. */
		if ((st = user_prepare(s, "SELECT length(CAST(body AS BLOB))"
		    " FROM articles WHERE id = ?1", err)) == NULL)
			return user_fail(s, err, NULL);
		sqlite3_bind_int64(st, 1, article);
		len = sqlite3_step(st) == SQLITE_ROW ?
		    sqlite3_column_int64(st, 0) : -1;
		sqlite3_finalize(st);
		if (start >= end || (int64_t)end > len) {
			user_fail(s, err, NULL);
			return 2;
		}
	}
	if ((st = user_prepare(s, "INSERT INTO annotations (article_id,"
	    " start, end, anchor, note, created, updated)"
	    " SELECT ?1, ?2, ?3, CASE WHEN ?2 IS NULL THEN NULL ELSE"
	    "  CAST(substr(CAST(body AS BLOB), ?2 + 1, ?3 - ?2) AS TEXT) END,"
	    " ?4, ?5, ?5 FROM articles WHERE id = ?1", err)) == NULL)
		return user_fail(s, err, NULL);
	sqlite3_bind_int64(st, 1, article);
	if (has_span) {
		sqlite3_bind_int64(st, 2, (sqlite3_int64)start);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)end);
	}
	sqlite3_bind_text(st, 4, note, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, now);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return user_fail(s, err, "cannot add the note");
	*id = sqlite3_last_insert_rowid(s->db);
	return user_commit(s, err);
}

/* Change or delete one note by id. */
static int
user_note_write(struct store *s, int64_t id, const char *note, char **err)
{
	sqlite3_stmt	*st;
	int		 rc, n;

	if (user_begin(s, err) != 0)
		return -1;
	st = user_prepare(s, note != NULL ? "UPDATE annotations SET note = ?2,"
	    " updated = max(?3, created) WHERE id = ?1" :
	    "DELETE FROM annotations WHERE id = ?1", err);
	if (st == NULL)
		return user_fail(s, err, NULL);
	sqlite3_bind_int64(st, 1, id);
	if (note != NULL) {
		sqlite3_bind_text(st, 2, note, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)time(NULL));
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return user_fail(s, err, note != NULL ?
		    "cannot change the note" : "cannot delete the note");
	n = sqlite3_changes(s->db);
	if (user_commit(s, err) != 0)
		return -1;
	return n == 0 ? 1 : 0;
}

int
store_note_update(struct store *s, int64_t id, const char *note, char **err)
{
	return user_note_write(s, id, note, err);
}

int
store_note_delete(struct store *s, int64_t id, char **err)
{
	return user_note_write(s, id, NULL, err);
}

#define NOTE_COLUMNS \
	"SELECT n.id, n.start, n.end, n.anchor, n.note, n.created," \
	" n.updated, n.article_id, a.title, a.outlet, a.published" \
	" FROM annotations n JOIN articles a ON a.id = n.article_id"

/* Read the rows of a note query into callbacks. */
static int
user_note_rows(struct store *s, sqlite3_stmt *st,
    int (*fn)(const struct store_note_row *, void *), void *arg,
    size_t *nrows, char **err)
{
	struct store_note_row	 r;
	sqlite3_int64		 b, e;
	int			 rc;

	*nrows = 0;
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
		r.n.anchor = (const char *)sqlite3_column_text(st, 3);
		r.n.note = (const char *)sqlite3_column_text(st, 4);
		r.n.created = sqlite3_column_int64(st, 5);
		r.n.updated = sqlite3_column_int64(st, 6);
		r.article = sqlite3_column_int64(st, 7);
		r.title = (const char *)sqlite3_column_text(st, 8);
		r.outlet = (const char *)sqlite3_column_text(st, 9);
		r.published = (const char *)sqlite3_column_text(st, 10);
		if (r.n.note == NULL)
			r.n.note = "";
		(*nrows)++;
		if (fn(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "cannot read notes");
	return 0;
}

int
store_note_get(struct store *s, int64_t id,
    int (*fn)(const struct store_note_row *, void *), void *arg, char **err)
{
	sqlite3_stmt	*st;
	size_t		 n;

	if ((st = user_prepare(s, NOTE_COLUMNS " WHERE n.id = ?1",
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (user_note_rows(s, st, fn, arg, &n, err) != 0)
		return -1;
	return n == 0 ? 1 : 0;
}

int
store_notes_page(struct store *s, const struct store_key *key, size_t limit,
    int (*fn)(const struct store_note_row *, void *), void *arg, char **err)
{
	sqlite3_stmt	*st;
	size_t		 n;

	if ((st = user_prepare(s, key != NULL ?
	    NOTE_COLUMNS " WHERE (n.updated, n.id) < (?1, ?2)"
	    " ORDER BY n.updated DESC, n.id DESC LIMIT ?3" :
	    NOTE_COLUMNS " ORDER BY n.updated DESC, n.id DESC LIMIT ?3",
	    err)) == NULL)
		return -1;
	if (key != NULL) {
		sqlite3_bind_int64(st, 1, key->sort_ts);
		sqlite3_bind_int64(st, 2, key->id);
	}
	sqlite3_bind_int64(st, 3, limit > 0 ? (sqlite3_int64)limit : -1);
	return user_note_rows(s, st, fn, arg, &n, err);
}
