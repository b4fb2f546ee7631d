/*
 * Feeds in the store: adding, listing and removing them, their fetch state,
 * and stories fetched again with new text, whose notes are re-anchored.
 * A user's tags and notes are never deleted here: removing a feed keeps
 * the stories that carry them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "article.h"
#include "date.h"
#include "feed-kind.h"
#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "banned.h"

static void
bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

/* Prepare a statement used once; NULL with *err. */
static sqlite3_stmt *
prepare(struct store *s, const char *sql, char **err)
{
	sqlite3_stmt	*st;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		store_error(s, err, "cannot prepare statement");
		return NULL;
	}
	return st;
}

/* Run a one-shot statement with an id parameter to completion. */
static int
exec_id(struct store *s, const char *sql, int64_t id, char **err,
    const char *what)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = prepare(s, sql, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, what);
	return 0;
}

int
store_feed_add(struct store *s, const char *url, const char *title,
    enum feed_kind kind, int64_t *id, char **err)
{
	sqlite3_stmt	*st;
	int		 rc, rv = -1;

	if (s->readonly)
		return store_readonly(s, err);
	if ((st = prepare(s, "INSERT INTO feeds (url, title, kind, created)"
	    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (url) DO NOTHING",
	    err)) == NULL)
		return -1;
	bind_text(st, 1, url);
	bind_text(st, 2, title);
	bind_text(st, 3, feed_kind_name(kind));
	sqlite3_bind_int64(st, 4, (sqlite3_int64)time(NULL));
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_error(s, err, "cannot add feed");
		return -1;
	}
	if (sqlite3_changes(s->db) == 1) {
		*id = sqlite3_last_insert_rowid(s->db);
		return 0;
	}
	if ((st = prepare(s, "SELECT id FROM feeds WHERE url = ?1",
	    err)) == NULL)
		return -1;
	bind_text(st, 1, url);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rv = 1;
	} else
		store_error(s, err, "cannot read feeds");
	sqlite3_finalize(st);
	return rv;
}

/* Split "a\nb" into a new vector of new strings. */
static size_t
split_lines(const char *s, char ***v)
{
	size_t	n = 0, len;

	*v = NULL;
	while (s != NULL && *s != '\0') {
		len = strcspn(s, "\n");
		*v = xreallocarray(*v, n + 1, sizeof **v);
		(*v)[n++] = xstrndup(s, len);
		s += len + (s[len] == '\n');
	}
	return n;
}

static void
strv_free(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int
store_feed_list(struct store *s, int64_t id, const char *url,
    int (*fn)(const struct store_feed *, void *), void *arg, char **err)
{
	struct store_feed	 f;
	sqlite3_stmt		*st;
	char			**tags;
	int			 rc, found = 0, stop;

	if ((st = prepare(s, "SELECT f.id, f.url, f.title, f.kind, f.etag,"
	    " f.last_modified, f.fetched, f.status, f.error,"
	    " (SELECT count(*) FROM articles a WHERE a.feed_id = f.id),"
	    " (SELECT count(*) FROM articles a WHERE a.feed_id = f.id"
	    "   AND a.read = 0),"
	    " (SELECT group_concat(tag, char(10)) FROM (SELECT tag FROM"
	    "   feed_tags t WHERE t.feed_id = f.id ORDER BY seq, tag))"
	    " FROM feeds f WHERE (?1 = 0 OR f.id = ?1)"
	    " AND (?2 IS NULL OR f.url = ?2) ORDER BY f.id", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, url);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&f, 0, sizeof f);
		f.id = sqlite3_column_int64(st, 0);
		f.url = (const char *)sqlite3_column_text(st, 1);
		f.title = (const char *)sqlite3_column_text(st, 2);
		f.kind = feed_kind_from_name(
		    (const char *)sqlite3_column_text(st, 3));
		f.etag = (const char *)sqlite3_column_text(st, 4);
		f.last_modified = (const char *)sqlite3_column_text(st, 5);
		f.fetched = sqlite3_column_int64(st, 6);
		f.status = sqlite3_column_int(st, 7);
		f.error = (const char *)sqlite3_column_text(st, 8);
		f.articles = sqlite3_column_int64(st, 9);
		f.unread = sqlite3_column_int64(st, 10);
		f.ntags = split_lines((const char *)sqlite3_column_text(st,
		    11), &tags);
		f.tags = tags;
		found = 1;
		stop = fn(&f, arg);
		strv_free(tags, f.ntags);
		if (stop != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "cannot read feeds");
	return found || (id == 0 && url == NULL) ? 0 : 1;
}

/* How many tags a feed has; -1 on error. */
static int64_t
feed_tags_count(struct store *s, int64_t id, char **err)
{
	sqlite3_stmt	*st;
	int64_t		 n = -1;

	if ((st = prepare(s, "SELECT count(*) FROM feed_tags"
	    " WHERE feed_id = ?1", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		store_error(s, err, "cannot read the feed's tags");
	sqlite3_finalize(st);
	return n;
}

/*
 * Add or remove one tag of a feed (add: after the others); the number of
 * rows changed, or -1.
 */
static int
feed_tag_write(struct store *s, int64_t id, const char *tag, int add,
    char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = prepare(s, add ? "INSERT OR IGNORE INTO feed_tags"
	    " (feed_id, tag, seq) SELECT ?1, ?2, coalesce(max(seq), 0) + 1"
	    " FROM feed_tags WHERE feed_id = ?1" :
	    "DELETE FROM feed_tags WHERE feed_id = ?1 AND tag = ?2",
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, tag);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "cannot change the feed's tags");
	return sqlite3_changes(s->db);
}

int
store_feed_tag(struct store *s, int64_t id, char *const *tags, size_t n,
    char **err)
{
	int64_t	count;
	size_t	i;
	int	rc, added = 0;

	if ((count = feed_tags_count(s, id, err)) < 0)
		return -1;
	for (i = 0; i < n && count < STORE_MAX_FEED_TAGS; i++) {
		if ((rc = feed_tag_write(s, id, tags[i], 1, err)) < 0)
			return -1;
		count += rc;
		added += rc;
	}
	return added;
}

int
store_feed_tags_change(struct store *s, int64_t id, char *const *add,
    size_t nadd, char *const *del, size_t ndel, size_t *added,
    size_t *removed, char **err)
{
	sqlite3_stmt	*st;
	size_t		 nadded = 0, nremoved = 0, i;
	int64_t		 count;
	int		 rc;

	if (store_begin(s, err) != 0)
		return -1;
	if ((st = prepare(s, "SELECT 1 FROM feeds WHERE id = ?1",
	    err)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		store_rollback(s);
		return 1;
	}
	if (rc != SQLITE_ROW) {
		store_error(s, err, "cannot read feeds");
		goto fail;
	}
	for (i = 0; i < ndel; i++) {
		if ((rc = feed_tag_write(s, id, del[i], 0, err)) < 0)
			goto fail;
		nremoved += (size_t)rc;
	}
	for (i = 0; i < nadd; i++) {
		if ((rc = feed_tag_write(s, id, add[i], 1, err)) < 0)
			goto fail;
		nadded += (size_t)rc;
	}
	if ((count = feed_tags_count(s, id, err)) < 0)
		goto fail;
	if (count > STORE_MAX_FEED_TAGS) {
		store_rollback(s);
		free(*err);
		xasprintf(err, "a feed holds at most %d tags; this would make "
		    "%lld", STORE_MAX_FEED_TAGS, (long long)count);
		return -1;
	}
	if (store_commit(s, err) != 0)
		return -1;
	if (added != NULL)
		*added = nadded;
	if (removed != NULL)
		*removed = nremoved;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int
store_feed_update(struct store *s, const struct store_feed *f, char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (s->readonly)
		return store_readonly(s, err);
	/* A new address is taken unless another feed has it. */
	if ((st = prepare(s, "UPDATE feeds SET title = coalesce(?2, title),"
	    " kind = coalesce(?3, kind), etag = ?4, last_modified = ?5,"
	    " fetched = ?6, status = ?7, error = ?8,"
	    " url = CASE WHEN ?9 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
	    " feeds WHERE url = ?9) THEN ?9 ELSE url END WHERE id = ?1",
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, f->id);
	bind_text(st, 2, f->title);
	bind_text(st, 3, f->kind != FEED_KIND_UNKNOWN ?
	    feed_kind_name(f->kind) : NULL);
	bind_text(st, 4, f->etag);
	bind_text(st, 5, f->last_modified);
	sqlite3_bind_int64(st, 6, f->fetched);
	sqlite3_bind_int(st, 7, f->status);
	bind_text(st, 8, f->error);
	bind_text(st, 9, f->url);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "cannot record the fetch");
	return sqlite3_changes(s->db) == 1 ? 0 : 1;
}

/*
 * The stories of a feed that carry a user's work: starred, annotated, or
 * tagged after they were stored. Tags stored with a story (its feed's
 * categories, the feed's own tags) come back when the feed is added
 * again, and counting them would keep nearly every story of a feed with
 * categories; ingest writes them with added = the story's fetched time
 * (store-article.c), so they never pass this test.
 */
#define KEPT_STORIES \
	"feed_id = ?1 AND (starred = 1" \
	" OR EXISTS (SELECT 1 FROM tags t WHERE t.article_id = articles.id" \
	"   AND t.added > articles.fetched)" \
	" OR id IN (SELECT article_id FROM annotations))"

int
store_feed_remove(struct store *s, int64_t id, int64_t *removed,
    int64_t *kept, char **err)
{
	sqlite3_stmt	*st;
	const char	*kind = NULL;
	int64_t		 local;
	int		 rc, rv = -1;

	*removed = *kept = 0;
	if ((st = prepare(s, "SELECT kind, (SELECT count(*) FROM articles"
	    " WHERE feed_id = ?1), (SELECT count(*) FROM articles WHERE "
	    KEPT_STORIES ") FROM feeds WHERE id = ?1", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		kind = (const char *)sqlite3_column_text(st, 0);
		*removed = sqlite3_column_int64(st, 1);
		*kept = sqlite3_column_int64(st, 2);
		rv = feed_kind_from_name(kind) == FEED_KIND_LOCAL ? -2 : 0;
	} else if (rc == SQLITE_DONE)
		rv = 1;
	else
		store_error(s, err, "cannot read feeds");
	sqlite3_finalize(st);
	if (rv == -2) {
		*err = xstrdup("Saved stories holds imported stories and "
		    "cannot be removed");
		return -1;
	}
	if (rv != 0)
		return rv;
	*removed -= *kept;
	if ((local = store_local_feed(s, err)) < 0)
		return -1;
	if (store_begin(s, err) != 0)
		return -1;
	/*
	 * "article:ID" is unique among Saved stories: imports use "sha256:"
	 * guids and no two stories share an id.
	 */
	if ((st = prepare(s, "UPDATE articles SET feed_id = ?2,"
	    " guid = 'article:' || id WHERE " KEPT_STORIES, err)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, local);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_error(s, err, "cannot keep the tagged stories");
		goto fail;
	}
	if (exec_id(s, "DELETE FROM feeds WHERE id = ?1", id, err,
	    "cannot remove the feed") != 0)
		goto fail;
	if (store_commit(s, err) != 0)
		return -1;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int
store_article_lookup(struct store *s, int64_t feed, const char *guid,
    const char *hash, int64_t *id, char **err)
{
	sqlite3_stmt	*st;
	const char	*old;
	int		 rc, rv;

	st = store_stmt(s, STMT_ARTICLE_LOOKUP, "SELECT id, content_hash"
	    " FROM articles WHERE feed_id = ?1 AND guid = ?2", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed);
	bind_text(st, 2, guid);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		old = (const char *)sqlite3_column_text(st, 1);
		rv = old != NULL && hash != NULL && strcmp(old, hash) != 0 ?
		    2 : 1;
	} else if (rc == SQLITE_DONE)
		rv = 0;
	else
		rv = store_error(s, err, "cannot look up article");
	sqlite3_reset(st);
	return rv;
}

/* A note's new place: the anchor's occurrence nearest its old start. */
static int
note_place(const char *body, size_t len, const char *anchor, size_t old,
    size_t *start)
{
	const char	*p, *best = NULL;
	size_t		 n = strlen(anchor), d, bestd = 0;

	if (n == 0 || body == NULL)
		return 0;
	for (p = body; (size_t)(p - body) + n <= len &&
	    (p = memmem(p, len - (size_t)(p - body), anchor, n)) != NULL;
	    p++) {
		d = (size_t)(p - body) > old ? (size_t)(p - body) - old :
		    old - (size_t)(p - body);
		if (best == NULL || d < bestd) {
			best = p;
			bestd = d;
		}
	}
	if (best == NULL)
		return 0;
	*start = (size_t)(best - body);
	return 1;
}

/*
 * Move each note on a span to where its text is in the new body; a note
 * whose text is gone is kept on the whole story, its text kept as anchor.
 */
static int
notes_reanchor(struct store *s, int64_t id, const char *oldbody,
    const struct article *a, char **err)
{
	sqlite3_stmt	*st, *up = NULL;
	const char	*anchor;
	char		*text;
	int64_t		 nid, b, e;
	size_t		 start, oldlen = oldbody != NULL ? strlen(oldbody) : 0;
	int		 rc, rv = -1;

	if ((st = prepare(s, "SELECT id, start, end, anchor FROM annotations"
	    " WHERE article_id = ?1 AND start IS NOT NULL", err)) == NULL)
		return -1;
	if ((up = prepare(s, "UPDATE annotations SET start = ?2, end = ?3,"
	    " anchor = ?4 WHERE id = ?1", err)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		nid = sqlite3_column_int64(st, 0);
		b = sqlite3_column_int64(st, 1);
		e = sqlite3_column_int64(st, 2);
		anchor = (const char *)sqlite3_column_text(st, 3);
		/* A note without its text: take it from the old body. */
		if ((anchor == NULL || *anchor == '\0') && b >= 0 && e > b &&
		    (size_t)e <= oldlen)
			text = xstrndup(oldbody + b, (size_t)(e - b));
		else
			text = xstrdup(anchor != NULL ? anchor : "");
		sqlite3_reset(up);
		sqlite3_clear_bindings(up);
		sqlite3_bind_int64(up, 1, nid);
		if (note_place(a->body, a->body_len, text, b < 0 ? 0 :
		    (size_t)b, &start)) {
			sqlite3_bind_int64(up, 2, (sqlite3_int64)start);
			sqlite3_bind_int64(up, 3,
			    (sqlite3_int64)(start + strlen(text)));
		}
		if (*text != '\0')
			bind_text(up, 4, text);
		rc = sqlite3_step(up);
		free(text);
		if (rc != SQLITE_DONE) {
			store_error(s, err, "cannot move a note");
			goto out;
		}
	}
	if (rc != SQLITE_DONE) {
		store_error(s, err, "cannot read notes");
		goto out;
	}
	rv = 0;
out:
	sqlite3_finalize(up);
	sqlite3_finalize(st);
	return rv;
}

/* Read a story's body; NULL if it has none. */
static int
article_body(struct store *s, int64_t id, char **body, char **err)
{
	sqlite3_stmt	*st;
	const char	*b;
	int		 rc;

	*body = NULL;
	if ((st = prepare(s, "SELECT body FROM articles WHERE id = ?1",
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    (b = (const char *)sqlite3_column_text(st, 0)) != NULL)
		*body = xstrdup(b);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, err, "cannot read article");
	return 0;
}

int
store_article_update(struct store *s, int64_t id, struct article *a,
    const char *hash, const struct extract *x, char **err)
{
	static const char *const clear[] = {
		"DELETE FROM mentions WHERE article_id = ?1",
		"DELETE FROM quotes WHERE article_id = ?1",
		"DELETE FROM captions WHERE article_id = ?1",
		"DELETE FROM subheadings WHERE article_id = ?1",
		"DELETE FROM links WHERE article_id = ?1",
	};
	sqlite3_stmt	*st;
	char		*old = NULL;
	int64_t		 ts = -1;
	size_t		 i;
	int		 rc;

	/*
	 * A story added in this batch is not in the full-text index yet
	 * (store_fts_flush indexes it at commit), so it must not be taken
	 * out of it: a feed that repeats a guid keeps the first item.
	 */
	if (s->fts_from > 0 && id >= s->fts_from)
		return 0;
	ts = store_sort_ts(a->published, (int64_t)time(NULL));
	if (article_body(s, id, &old, err) != 0)
		return -1;
	if (store_exec(s, "SAVEPOINT article_update", err) != 0) {
		free(old);
		return -1;
	}
	/* Out of the full-text index as it was indexed, captions too. */
	if (exec_id(s, "INSERT INTO articles_fts (articles_fts, rowid, title,"
	    " lead, body, captions) SELECT 'delete', id, title, lead, body,"
	    " captions FROM articles_text WHERE id = ?1", id, err,
	    "cannot update article") != 0)
		goto fail;
	if ((st = prepare(s, "UPDATE articles SET url = coalesce(?2, url),"
	    " title = ?3, byline = ?4, lead = ?5, body = ?6,"
	    " content_hash = ?7, published = coalesce(?8, published),"
	    " sort_ts = CASE WHEN ?9 >= 0 THEN ?9 ELSE sort_ts END"
	    " WHERE id = ?1", err)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, a->url);
	bind_text(st, 3, a->title);
	bind_text(st, 4, a->byline);
	bind_text(st, 5, a->lead);
	if (a->body != NULL)
		sqlite3_bind_text(st, 6, a->body, (int)a->body_len,
		    SQLITE_STATIC);
	bind_text(st, 7, hash);
	bind_text(st, 8, a->published);
	sqlite3_bind_int64(st, 9, ts);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_error(s, err, "cannot update article");
		goto fail;
	}
	for (i = 0; i < sizeof clear / sizeof clear[0]; i++)
		if (exec_id(s, clear[i], id, err, "cannot update article") != 0)
			goto fail;
	a->id = id;
	if (store_article_rows(s, a, err) != 0)
		goto fail;
	if (x != NULL && store_extract_add(s, id, x, err) != 0)
		goto fail;
	if (notes_reanchor(s, id, old, a, err) != 0)
		goto fail;
	if (exec_id(s, "INSERT INTO articles_fts (rowid, title, lead, body,"
	    " captions) SELECT id, title, lead, body, captions"
	    " FROM articles_text WHERE id = ?1", id, err,
	    "cannot update article") != 0)
		goto fail;
	free(old);
	return store_exec(s, "RELEASE article_update", err);
fail:
	free(old);
	store_exec(s, "ROLLBACK TO article_update; RELEASE article_update",
	    NULL);
	return -1;
}
