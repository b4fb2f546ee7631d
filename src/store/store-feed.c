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
#include "extract.h"
#include "feed-kind.h"
#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "banned.h"

int
store_feed_add(struct store *s, const char *url, const char *title,
    enum feed_kind kind, int64_t *id, char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (s->readonly)
		return st_readonly(s, err);
	if ((st = st_prepare(s, "INSERT INTO feeds (url, title, kind, created)"
	    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (url) DO NOTHING",
	    "cannot add feed", err)) == NULL)
		return -1;
	st_bind_text(st, 1, url);
	st_bind_text(st, 2, title);
	st_bind_text(st, 3, feed_kind_name(kind));
	sqlite3_bind_int64(st, 4, (sqlite3_int64)time(NULL));
	if ((rc = st_step(s, st, "cannot add feed", err)) < 0)
		return -1;
	if (rc == 1) {
		*id = sqlite3_last_insert_rowid(s->db);
		return 0;
	}
	if ((st = st_prepare(s, "SELECT id FROM feeds WHERE url = ?1",
	    "cannot read feeds", err)) == NULL)
		return -1;
	st_bind_text(st, 1, url);
	if ((*id = st_int(s, st, 0, "cannot read feeds", err)) > 0)
		return 1;
	return *id < 0 ? -1 : st_error(s, err, "cannot read feeds");
}

int
store_feed_list(struct store *s, int64_t id, const char *url,
    int (*fn)(const struct store_feed *, void *), void *arg, char **err)
{
	struct store_feed	 f;
	struct st_lines		 tags;
	sqlite3_stmt		*st;
	int			 rc, found = 0, stop;

	if ((st = st_prepare(s, "SELECT f.id, f.url, f.title, f.kind, f.etag,"
	    " f.last_modified, f.fetched, f.status, f.error, f.body_hash,"
	    " (SELECT count(*) FROM articles a WHERE a.feed_id = f.id),"
	    " (SELECT count(*) FROM articles a WHERE a.feed_id = f.id"
	    "   AND a.read = 0),"
	    " (SELECT group_concat(tag, char(10)) FROM (SELECT tag FROM"
	    "   feed_tags t WHERE t.feed_id = f.id ORDER BY seq, tag))"
	    " FROM feeds f WHERE (?1 = 0 OR f.id = ?1)"
	    " AND (?2 IS NULL OR f.url = ?2) ORDER BY f.id",
	    "cannot read feeds", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	st_bind_text(st, 2, url);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&f, 0, sizeof f);
		f.id = sqlite3_column_int64(st, 0);
		f.url = st_text(st, 1);
		f.title = st_text(st, 2);
		f.kind = feed_kind_from_name(st_text(st, 3));
		f.etag = st_text(st, 4);
		f.last_modified = st_text(st, 5);
		f.fetched = sqlite3_column_int64(st, 6);
		f.status = sqlite3_column_int(st, 7);
		f.error = st_text(st, 8);
		f.body_hash = st_text(st, 9);
		f.articles = sqlite3_column_int64(st, 10);
		f.unread = sqlite3_column_int64(st, 11);
		st_column_lines(st, 12, &tags);
		f.tags = tags.v;
		f.ntags = tags.n;
		found = 1;
		stop = fn(&f, arg);
		st_lines_free(&tags);
		if (stop != 0)
			break;
	}
	if (st_rows_end(s, st, rc, "cannot read feeds", err) != 0)
		return -1;
	return found || (id == 0 && url == NULL) ? 0 : 1;
}

int
store_feed_update(struct store *s, const struct store_feed *f, char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (s->readonly)
		return st_readonly(s, err);
	/* A new address is taken unless another feed has it. */
	if ((st = st_prepare(s, "UPDATE feeds SET title = coalesce(?2, title),"
	    " kind = coalesce(?3, kind), etag = ?4, last_modified = ?5,"
	    " fetched = ?6, status = ?7, error = ?8, body_hash = ?10,"
	    " url = CASE WHEN ?9 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
	    " feeds WHERE url = ?9) THEN ?9 ELSE url END WHERE id = ?1",
	    "cannot record the fetch", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, f->id);
	st_bind_text(st, 2, f->title);
	st_bind_text(st, 3, f->kind != FEED_KIND_UNKNOWN ?
	    feed_kind_name(f->kind) : NULL);
	st_bind_text(st, 4, f->etag);
	st_bind_text(st, 5, f->last_modified);
	sqlite3_bind_int64(st, 6, f->fetched);
	sqlite3_bind_int(st, 7, f->status);
	st_bind_text(st, 8, f->error);
	st_bind_text(st, 9, f->url);
	st_bind_text(st, 10, f->body_hash);
	if ((rc = st_step(s, st, "cannot record the fetch", err)) < 0)
		return -1;
	return rc == 1 ? 0 : 1;
}

/*
 * The stories of a feed that carry a user's work: starred, annotated,
 * with a quote corrected, or tagged after they were stored. Tags stored with a story (its feed's
 * categories, the feed's own tags) come back when the feed is added
 * again, and counting them would keep nearly every story of a feed with
 * categories; ingest writes them with added = the story's fetched time
 * (store-article.c), so they never pass this test.
 */
#define KEPT_STORIES \
	"feed_id = ?1 AND (starred = 1" \
	" OR EXISTS (SELECT 1 FROM tags t WHERE t.article_id = articles.id" \
	"   AND t.added > articles.fetched)" \
	" OR id IN (SELECT article_id FROM annotations)" \
	" OR id IN (SELECT article_id FROM quote_fixes))"

/* Move the kept stories of feed ids[0] to Saved stories (ids[1]). */
static int
feed_remove(struct store *s, void *arg, char **err)
{
	const int64_t	*ids = arg;
	sqlite3_stmt	*st;

	/*
	 * "article:ID" is unique among Saved stories: imports use "sha256:"
	 * guids and no two stories share an id.
	 */
	if ((st = st_prepare(s, "UPDATE articles SET feed_id = ?2,"
	    " guid = 'article:' || id WHERE " KEPT_STORIES,
	    "cannot keep the tagged stories", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, ids[0]);
	sqlite3_bind_int64(st, 2, ids[1]);
	if (st_step(s, st, "cannot keep the tagged stories", err) < 0 ||
	    st_step_id(s, "DELETE FROM feeds WHERE id = ?1", ids[0],
	    "cannot remove the feed", err) < 0)
		return -1;
	return 0;
}

int
store_feed_remove(struct store *s, int64_t id, int64_t *removed,
    int64_t *kept, char **err)
{
	sqlite3_stmt	*st;
	const char	*kind;
	int64_t		 ids[2] = { id, 0 };
	int		 rc, rv = -1;

	*removed = *kept = 0;
	if ((st = st_prepare(s, "SELECT kind, (SELECT count(*) FROM articles"
	    " WHERE feed_id = ?1), (SELECT count(*) FROM articles WHERE "
	    KEPT_STORIES ") FROM feeds WHERE id = ?1", "cannot read feeds",
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		kind = st_text(st, 0);
		*removed = sqlite3_column_int64(st, 1);
		*kept = sqlite3_column_int64(st, 2);
		rv = feed_kind_from_name(kind) == FEED_KIND_LOCAL ? -2 : 0;
	} else if (rc == SQLITE_DONE)
		rv = 1;
	if (st_rows_end(s, st, rc, "cannot read feeds", err) != 0)
		return -1;
	if (rv == -2) {
		free(*err);
		*err = xstrdup("Saved stories holds imported stories and "
		    "cannot be removed");
		return -1;
	}
	if (rv != 0)
		return rv;
	*removed -= *kept;
	if ((ids[1] = store_local_feed(s, err)) < 0)
		return -1;
	return st_write(s, feed_remove, ids, err) < 0 ? -1 : 0;
}

int
store_article_lookup(struct store *s, int64_t feed, const char *guid,
    const char *hash, int64_t *id, char **err)
{
	sqlite3_stmt	*st;
	int		 rc, rv;

	/* Changed: both hashes known and different (st_bind_hash's form). */
	st = st_kept(s, STMT_ARTICLE_LOOKUP, "SELECT id, content_hash IS NOT"
	    " NULL AND ?3 IS NOT NULL AND content_hash <> ?3"
	    " FROM articles WHERE feed_id = ?1 AND guid = ?2", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed);
	st_bind_text(st, 2, guid);
	st_bind_hash(st, 3, hash);
	rv = 0;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rv = sqlite3_column_int(st, 1) ? 2 : 1;
	}
	if (st_rows_end(s, st, rc, "cannot look up article", err) != 0)
		return -1;
	return rv;
}

int
store_article_known(struct store *s, int64_t feed, const char *guid,
    const char *raw, char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = st_kept(s, STMT_ARTICLE_KNOWN, "SELECT 1 FROM articles"
	    " WHERE feed_id = ?1 AND guid = ?2 AND raw_hash = ?3", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed);
	st_bind_text(st, 2, guid);
	st_bind_hash(st, 3, raw);
	rc = sqlite3_step(st);
	if (st_rows_end(s, st, rc, "cannot look up article", err) != 0)
		return -1;
	return rc == SQLITE_ROW;
}

int
store_article_raw(struct store *s, int64_t id, const char *raw, char **err)
{
	sqlite3_stmt	*st;

	if (s->readonly)
		return st_readonly(s, err);
	st = st_kept(s, STMT_ARTICLE_RAW, "UPDATE articles SET raw_hash = ?2"
	    " WHERE id = ?1 AND raw_hash IS NOT ?2", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	st_bind_hash(st, 2, raw);
	return st_step(s, st, "cannot record the item", err) < 0 ? -1 : 0;
}

/*
 * Where text kept with the user's data (a note's anchor, a corrected
 * quote's words) is in a body now: its occurrence nearest its old start.
 * 1 found (*start set), 0 not.
 */
int
store_place_nearest(const char *body, size_t len, const char *anchor,
    size_t old, size_t *start)
{
	const char	*p, *best = NULL;
	size_t		 n = strlen(anchor), d, bestd = 0;

	if (n == 0 || body == NULL || n > len)
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

/* Put note id at the text it covers in the new body, or on the story. */
static int
note_move(struct store *s, int64_t id, const char *text, int64_t b,
    const struct article *a, char **err)
{
	sqlite3_stmt	*st;
	size_t		 start;

	if ((st = st_prepare(s, "UPDATE annotations SET start = ?2, end = ?3,"
	    " anchor = ?4 WHERE id = ?1", "cannot move a note", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (store_place_nearest(a->body, a->body_len, text, b < 0 ? 0 : (size_t)b,
	    &start)) {
		sqlite3_bind_int64(st, 2, (sqlite3_int64)start);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)(start + strlen(text)));
	}
	if (*text != '\0')
		st_bind_text(st, 4, text);
	return st_step(s, st, "cannot move a note", err);
}

/*
 * Move each note on a span to where its text is in the new body; a note
 * whose text is gone is kept on the whole story, its text kept as anchor.
 */
static int
notes_reanchor(struct store *s, int64_t id, const char *oldbody,
    const struct article *a, char **err)
{
	sqlite3_stmt	*st;
	const char	*anchor;
	char		*text;
	int64_t		 b, e;
	size_t		 oldlen = oldbody != NULL ? strlen(oldbody) : 0;
	int		 rc, moved;

	if ((st = st_prepare(s, "SELECT id, start, end, anchor FROM annotations"
	    " WHERE article_id = ?1 AND start IS NOT NULL",
	    "cannot read notes", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		b = sqlite3_column_int64(st, 1);
		e = sqlite3_column_int64(st, 2);
		anchor = st_text(st, 3);
		/* A note without its text: take it from the old body. */
		if ((anchor == NULL || *anchor == '\0') && b >= 0 && e > b &&
		    (size_t)e <= oldlen)
			text = xstrndup(oldbody + b, (size_t)(e - b));
		else
			text = xstrdup(anchor != NULL ? anchor : "");
		moved = note_move(s, sqlite3_column_int64(st, 0), text, b, a,
		    err);
		free(text);
		if (moved < 0) {
			st_finish(s, st);
			return -1;
		}
	}
	return st_rows_end(s, st, rc, "cannot read notes", err);
}

/* Read a story's body; NULL if it has none. */
static int
article_body(struct store *s, int64_t id, char **body, char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	*body = NULL;
	if ((st = st_prepare(s, "SELECT body FROM articles WHERE id = ?1",
	    "cannot read article", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*body = st_column_dup(st, 0);
	return st_rows_end(s, st, rc, "cannot read article", err);
}

/* A story's new version, as st_savepoint writes it. */
struct article_update {
	int64_t			 id;
	struct article		*a;
	const char		*hash;
	const struct extract	*x;
	const char		*old;	/* the body it had */
};

/* Rewrite a story's text and what hangs on it; its notes follow. */
static int
article_update(struct store *s, void *arg, char **err)
{
	static const char *const clear[] = {
		"DELETE FROM mentions WHERE article_id = ?1",
		"DELETE FROM quotes WHERE article_id = ?1",
		"DELETE FROM captions WHERE article_id = ?1",
		"DELETE FROM subheadings WHERE article_id = ?1",
		"DELETE FROM links WHERE article_id = ?1",
	};
	struct article_update	*u = arg;
	struct article		*a = u->a;
	sqlite3_stmt		*st;
	size_t			 i;
	int			 lead_body;

	/* Out of the full-text index as it was indexed, captions too. */
	if (st_step_id(s, "INSERT INTO articles_fts (articles_fts, rowid,"
	    " title, lead, body, captions) SELECT 'delete', id, title, lead,"
	    " body, captions FROM articles_text WHERE id = ?1", u->id,
	    "cannot update article", err) < 0)
		return -1;
	if ((st = st_prepare(s, "UPDATE articles SET url = coalesce(?2, url),"
	    " title = ?3, byline = ?4, lead = ?5, body = ?6,"
	    " content_hash = ?7, published = coalesce(?8, published),"
	    " sort_ts = CASE WHEN ?9 >= 0 THEN ?9 ELSE sort_ts END,"
	    " extract_version = ?10, guid = coalesce(?11, guid),"
	    " outlet = coalesce(?12, outlet), raw_hash = ?13, lead_body = ?14"
	    " WHERE id = ?1", "cannot update article", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, u->id);
	st_bind_text(st, 2, a->url);
	st_bind_text(st, 3, a->title);
	st_bind_text(st, 4, a->byline);
	lead_body = store_lead_is_body(a->lead, a->body, a->body_len);
	st_bind_text(st, 5, lead_body ? NULL : a->lead);
	st_bind_bytes(st, 6, a->body, a->body_len);
	st_bind_hash(st, 7, u->hash);
	st_bind_text(st, 8, a->published);
	sqlite3_bind_int64(st, 9, store_sort_ts(a->published,
	    (int64_t)time(NULL)));
	sqlite3_bind_int(st, 10, EXTRACT_VERSION);
	st_bind_text(st, 11, a->guid);
	st_bind_text(st, 12, a->outlet);
	st_bind_hash(st, 13, a->raw_hash[0] != '\0' ? a->raw_hash : NULL);
	sqlite3_bind_int(st, 14, lead_body);
	if (st_step(s, st, "cannot update article", err) < 0)
		return -1;
	/* A saved file read again: the story follows it, and it alone. */
	if (a->path != NULL && (st_step_id(s, "DELETE FROM article_paths"
	    " WHERE article_id = ?1", u->id, "cannot update article",
	    err) < 0 || store_article_path_set(s, u->id, a->path, err) != 0))
		return -1;
	for (i = 0; i < sizeof clear / sizeof clear[0]; i++)
		if (st_step_id(s, clear[i], u->id, "cannot update article",
		    err) < 0)
			return -1;
	a->id = u->id;
	if (store_article_rows(s, a, err) != 0 ||
	    (u->x != NULL ? store_extract_add(s, u->id, u->x, err) :
	    store_correct_apply(s, u->id, a->body, a->body_len, err)) != 0 ||
	    notes_reanchor(s, u->id, u->old, a, err) != 0 ||
	    store_dup_relink(s, u->id, a->body, a->body_len, err) != 0)
		return -1;
	return st_step_id(s, "INSERT INTO articles_fts (rowid, title, lead,"
	    " body, captions) SELECT id, title, lead, body, captions"
	    " FROM articles_text WHERE id = ?1", u->id,
	    "cannot update article", err) < 0 ? -1 : 0;
}

int
store_article_update(struct store *s, int64_t id, struct article *a,
    const char *hash, const struct extract *x, char **err)
{
	struct article_update	 u = { id, a, hash, x, NULL };
	char			*old;
	int			 rv;

	/*
	 * A story added in this batch is not in the full-text index yet
	 * (store_fts_flush indexes it at commit), so it must not be taken
	 * out of it: a feed that repeats a guid keeps the first item.
	 */
	if (s->fts_from > 0 && id >= s->fts_from)
		return 0;
	if (article_body(s, id, &old, err) != 0)
		return -1;
	u.old = old;
	rv = st_savepoint(s, article_update, &u, err);
	free(old);
	return rv;
}
